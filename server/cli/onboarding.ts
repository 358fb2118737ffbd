/**
 * `kanta-sim onboarding ...`: an organisation's onboarding record and the test identities handed to it.
 * With --web-url it talks to a running kanta-sim; without, it opens the data directory's database (a running
 * server with the same --data-dir sees the change at once; an in-memory server needs --web-url).
 * Exit codes: 0 done, 1 refused, 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KantaSimError } from '../errors.js';
import { mergeOnboarding, type OnboardingInput } from '../rehearsal/onboarding.js';
import { OnboardingService, type OnboardingView } from '../rehearsal/onboarding-service.js';
import { openDatabase } from '../store/open-database.js';
import type { IdentityAssignment } from '../store/rehearsal-store.js';
import { SqliteRehearsalStore } from '../store/sqlite-rehearsal-store.js';
import { COMMON_FLAGS, configFromArgs, parseFlags } from './common-flags.js';
import { missingFlag, PROCESS_IO, reportCliError, type CliIo } from './cli-io.js';
import { webJson, type WebTarget } from './web-json.js';

const USAGE = `usage: kanta-sim onboarding set --org OID [--file RECORD.json] [--name NAME] [--role organiser|provider]
            [--system NAME] [--system-version V] [--vendor V] [--profile P] [--phase N]
            [--participant ROLE=NAME[,EMAIL] ...] [--access-right ORGANISER_OID,UNIT_OID,START[,END] ...]
       kanta-sim onboarding show --org OID
       kanta-sim onboarding assign --org OID --hetu HETU --service CODE [--name "Given Family"] [--acknowledge-reuse]
       kanta-sim onboarding identities [--org OID] [--hetu HETU]
  ROLE: performer, application-support, network-support, kanta-archivist
  --web-url URL   a running kanta-sim (needed when it keeps its database in memory)
  exit 0 done, 1 refused (the reason on stderr), 2 usage error`;

const FLAGS = {
  ...COMMON_FLAGS,
  'web-url': { type: 'string' },
  org: { type: 'string' },
  file: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  system: { type: 'string' },
  'system-version': { type: 'string' },
  vendor: { type: 'string' },
  profile: { type: 'string' },
  phase: { type: 'string' },
  participant: { type: 'string', multiple: true },
  'access-right': { type: 'string', multiple: true },
  hetu: { type: 'string' },
  service: { type: 'string' },
  'acknowledge-reuse': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The operations the command needs, over HTTP or the database. */
interface OnboardingBackend {
  get(oid: string): Promise<OnboardingView | undefined>;
  set(record: unknown): Promise<OnboardingView>;
  assign(request: unknown): Promise<IdentityAssignment>;
  identities(filter: { hetu?: string; customerOid?: string }): Promise<IdentityAssignment[]>;
  close(): Promise<void>;
}

/** `kanta-sim onboarding set|show|assign|identities`, against the data directory or a running sim. */
export async function runOnboardingCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  let backend: OnboardingBackend | undefined;
  try {
    const { values, positionals } = parseFlags(args, FLAGS);
    if (values.help === true) {
      io.out(USAGE);
      return 0;
    }
    const [action] = positionals[0] === 'onboarding' ? positionals.slice(1) : positionals;
    if (!['set', 'show', 'assign', 'identities'].includes(action ?? '')) {
      io.err(
        `kanta-sim onboarding: ${action === undefined ? 'missing subcommand' : `unknown subcommand "${action}"`}`,
      );
      io.err(USAGE);
      return 2;
    }
    const org = values.org;
    if (org === undefined && action !== 'identities') {
      throw missingFlag(`onboarding ${action ?? ''} needs --org OID`);
    }
    backend =
      values['web-url'] === undefined
        ? await databaseBackend(configFromArgs(args, env).dataDir)
        : httpBackend({ url: values['web-url'], token: configFromArgs(args, env).controlToken });
    if (action === 'show') {
      const view = await backend.get(org as string);
      if (view === undefined) {
        throw new KantaSimError('ONBOARDING_MISSING', `organisation ${org ?? ''} has no onboarding record`);
      }
      io.out(JSON.stringify(view, null, 2));
    } else if (action === 'set') {
      await saveOnboarding(backend, org as string, values, io);
    } else if (action === 'assign') {
      const [given, ...family] = (values.name ?? '').split(/\s+/).filter((s) => s !== '');
      const a = await backend.assign({
        hetu: values.hetu,
        serviceTask: values.service,
        customerOid: org,
        ...(given === undefined ? {} : { given, family: family.join(' ') || undefined }),
        acknowledgeReuse: values['acknowledge-reuse'] === true,
      });
      io.out(
        `Test identity ${a.hetu} (${a.family} ${a.given.join(' ')}) is handed to ${a.customerOid} for service ${a.serviceTask}${a.reuseAcknowledged ? ' (acknowledged reuse)' : ''}.`,
      );
    } else {
      for (const a of await backend.identities({
        ...(org === undefined ? {} : { customerOid: org }),
        ...(values.hetu === undefined ? {} : { hetu: values.hetu }),
      })) {
        io.out(
          `${a.hetu}  service ${a.serviceTask}  ${a.customerOid}  ${a.assignedAt.slice(0, 10)}${a.reuseAcknowledged ? '  reuse' : ''}`,
        );
      }
    }
    return 0;
  } catch (e) {
    return reportCliError(e, io, USAGE);
  } finally {
    await backend?.close();
  }
}

/** The flags of an onboarding command, as parsed. */
type OnboardingFlags = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

/** `onboarding set`: the existing record, overlaid with --file and then the flags, saved. */
async function saveOnboarding(
  backend: OnboardingBackend,
  org: string,
  values: OnboardingFlags,
  io: CliIo,
): Promise<void> {
  const existing = await backend.get(org);
  const fromFile =
    values.file === undefined
      ? {}
      : (JSON.parse(await readFile(values.file, 'utf8')) as Record<string, unknown>);
  const patch: Record<string, unknown> = {
    ...fromFile,
    organisationOid: org,
    organisationName: values.name,
    role: values.role,
    systemProfile: values.profile,
    phase: values.phase,
    clientSystem: { name: values.system, version: values['system-version'], vendor: values.vendor },
    participants: values.participant?.map(parseParticipant),
    registerAccessRights: values['access-right']?.map(parseAccessRight),
  };
  const clientSystem = Object.fromEntries(
    Object.entries(patch.clientSystem as Record<string, unknown>).filter(([, v]) => v !== undefined),
  );
  patch.clientSystem = Object.keys(clientSystem).length === 0 ? undefined : clientSystem;
  const view = await backend.set(mergeOnboarding(strip(existing), patch));
  io.out(`Onboarding record of ${view.organisationName} (${view.organisationOid}) saved.`);
}

function strip(view: OnboardingView | undefined): OnboardingInput | undefined {
  if (view === undefined) {
    return undefined;
  }
  const rest: Record<string, unknown> = { ...view };
  delete rest.testIdentities;
  delete rest.updatedAt;
  return rest as unknown as OnboardingInput;
}

function parseParticipant(spec: string): Record<string, string> {
  const at = spec.indexOf('=');
  if (at <= 0) {
    throw new KantaSimError('BAD_REQUEST', `--participant "${spec}" must be ROLE=NAME[,EMAIL]`, {
      details: { flag: '--participant' },
    });
  }
  const [name, email] = spec
    .slice(at + 1)
    .split(',')
    .map((s) => s.trim());
  return { role: spec.slice(0, at), name: name ?? '', ...(email ? { email } : {}) };
}

function parseAccessRight(spec: string): Record<string, unknown> {
  const [organiserOid, serviceUnitOid, startDate, endDate] = spec.split(',').map((s) => s.trim());
  return { organiserOid, serviceUnitOid, startDate, ...(endDate ? { endDate } : {}) };
}

function httpBackend(webUrl: WebTarget): OnboardingBackend {
  return {
    get: async (oid) => {
      try {
        return await webJson<OnboardingView>(webUrl, 'GET', `/__sim/onboarding/${oid}`);
      } catch (e) {
        if (e instanceof KantaSimError && e.code === 'ONBOARDING_MISSING') {
          return undefined;
        }
        throw e;
      }
    },
    set: (record) =>
      webJson<OnboardingView>(
        webUrl,
        'PUT',
        `/__sim/onboarding/${(record as { organisationOid: string }).organisationOid}`,
        record,
      ),
    assign: (request) => webJson<IdentityAssignment>(webUrl, 'POST', '/__sim/test-identities', request),
    identities: (filter) =>
      webJson<IdentityAssignment[]>(
        webUrl,
        'GET',
        `/__sim/test-identities?${new URLSearchParams(filter as Record<string, string>).toString()}`,
      ),
    close: async () => undefined,
  };
}

async function databaseBackend(dataDir: string): Promise<OnboardingBackend> {
  const db = await openDatabase(path.join(dataDir, 'archive.sqlite'));
  const service = new OnboardingService({ store: new SqliteRehearsalStore(db), clock: () => new Date() });
  return {
    get: (oid) => service.findOnboarding(oid),
    set: (record) => service.setOnboarding(record),
    assign: async (request) => (await service.assignIdentity(request)).assignment,
    identities: (filter) => service.listIdentities(filter),
    close: () => db.close(),
  };
}
