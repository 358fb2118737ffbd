/**
 * `kanta-sim rehearsal ...`: the deployment-test rehearsal against a running kanta-sim (its web listener):
 * list cases, start, show the checklist, verify for CI (exit 1 with a readable list of what is missing or
 * wrong), write the report files, and generate the signed messages of a case for a client system.
 * Exit codes: 0 passed / done, 1 failed, pending or refused, 2 usage error.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PROFESSIONAL } from '../pki/demo.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import { ProfessionalDirectory } from '../pki/professional-directory.js';
import { KantaSimError } from '../errors.js';
import { generateTestCaseMessages } from '../rehearsal/generate-messages.js';
import type { GeneratorParty } from '../rehearsal/generator-input.js';
import type { RehearsalVerdict } from '../rehearsal/rehearsal-service.js';
import { TestCaseLibrary } from '../rehearsal/test-case.js';
import { defaultIdentityName } from '../rehearsal/test-identities.js';
import type { Rehearsal } from '../store/rehearsal-store.js';
import type { Organisation } from '../pki/organisations.js';
import { COMMON_FLAGS, configFromArgs, parseFlags } from './common-flags.js';
import { missingFlag, PROCESS_IO, reportCliError, type CliIo } from './cli-io.js';
import { defaultWebUrl, webJson, type WebTarget } from './web-json.js';

const USAGE = `usage: kanta-sim rehearsal cases [--web-url URL]
       kanta-sim rehearsal start --case NAME --org OID [--identity HETU] [--organiser OID] [--no-archivist-check]
       kanta-sim rehearsal show ID
       kanta-sim rehearsal finish ID [--by NAME]               closes it and keeps its verdict
       kanta-sim rehearsal cancel ID [--by NAME]               closes it without a verdict
       kanta-sim rehearsal verify --case NAME [--org OID] [--identity HETU] [--expected-metadata FILE]
       kanta-sim rehearsal report ID [--out DIR]            writes ID.html, ID.pdf and ID.eml
       kanta-sim rehearsal generate --case NAME --org OID --identity HETU [--organiser OID] [--regno N] --out DIR
  --web-url URL   the running kanta-sim's web listener (default http://HOST:WEB_PORT of the configuration)
  exit 0 passed or done, 1 failed, pending or refused, 2 usage error`;

const FLAGS = {
  ...COMMON_FLAGS,
  'web-url': { type: 'string' },
  case: { type: 'string' },
  org: { type: 'string' },
  identity: { type: 'string' },
  organiser: { type: 'string' },
  'no-archivist-check': { type: 'boolean' },
  'expected-metadata': { type: 'string' },
  out: { type: 'string' },
  regno: { type: 'string' },
  by: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runRehearsalCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  try {
    const { values, positionals } = parseFlags(args, FLAGS);
    if (values.help === true) {
      io.out(USAGE);
      return 0;
    }
    const [action, id] = positionals[0] === 'rehearsal' ? positionals.slice(1) : positionals;
    const config = configFromArgs(args, env);
    const webUrl = values['web-url'] ?? defaultWebUrl(config);
    const web = { url: webUrl, token: config.controlToken };
    const need = (v: string | undefined, flag: string): string => {
      if (v === undefined) {
        throw missingFlag(`rehearsal ${action ?? ''} needs ${flag}`);
      }
      return v;
    };
    switch (action) {
      case 'cases': {
        for (const c of new TestCaseLibrary().list()) {
          io.out(
            `${c.name.padEnd(26)} ${c.role.padEnd(9)} service ${c.serviceTask}  ${c.documents.length} documents  ${c.title.fi}`,
          );
        }
        return 0;
      }
      case 'start': {
        const r = await webJson<Rehearsal>(web, 'POST', '/__sim/rehearsals', {
          organisationOid: need(values.org, '--org'),
          caseName: need(values.case, '--case'),
          hetu: values.identity,
          organiserOid: values.organiser,
          requireClientSystemCheck: values['no-archivist-check'] !== true,
        });
        io.out(`Started rehearsal ${r.id}: ${r.caseName} for ${r.organisationOid}, test identity ${r.hetu}.`);
        io.out(`Checklist: ${webUrl}/__sim/rehearsals/${r.id}`);
        return 0;
      }
      case 'show':
        return printVerdict(
          await webJson<RehearsalVerdict>(web, 'GET', `/__sim/rehearsals/${need(id, 'an ID')}`),
          io,
        );
      case 'finish':
      case 'cancel':
        return await close(web, action, need(id, 'an ID'), values.by, io);
      case 'verify': {
        const file = values['expected-metadata'];
        const clientMetadata =
          file === undefined ? undefined : (JSON.parse(await readFile(file, 'utf8')) as unknown);
        const verdict = await webJson<RehearsalVerdict>(web, 'POST', '/__sim/rehearsals/verify', {
          caseName: need(values.case, '--case'),
          organisationOid: values.org,
          hetu: values.identity,
          organiserOid: values.organiser,
          clientMetadata,
        });
        return printVerdict(verdict, io);
      }
      case 'report':
        return await writeReport(web, need(id, 'an ID'), values.out ?? '.', io);
      case 'generate':
        return await generate(config.dataDir, values, need, io);
      default:
        io.err(
          `kanta-sim rehearsal: ${action === undefined ? 'missing subcommand' : `unknown subcommand "${action}"`}`,
        );
        io.err(USAGE);
        return 2;
    }
  } catch (e) {
    return reportCliError(e, io, USAGE);
  }
}

const MARK = { true: 'ok', false: 'NO', null: '..' } as const;

/** Prints the checklist and findings; 0 when passed. */
export function printVerdict(v: RehearsalVerdict, io: CliIo): number {
  io.out(
    `Rehearsal ${v.rehearsal.id}: ${v.testCase.name} for ${v.rehearsal.organisationOid}, test identity ${v.rehearsal.hetu}`,
  );
  const p = v.progress;
  io.out(`  state: ${p.state}, ${p.archived}/${p.expected} archived, ${p.compared}/${p.archived} compared`);
  io.out('  archived  register  metadata  client-system  document');
  for (const i of v.evaluation.checklist) {
    const c = i.checks;
    io.out(
      `  ${MARK[String(c.archived) as 'true']}        ${MARK[String(c.inExpectedRegister) as 'true']}        ${MARK[String(c.metadataValid) as 'true']}        ${MARK[String(c.matchesClientSystem) as 'true']}             ${i.key} ${i.document?.id ?? ''}`,
    );
  }
  if (v.evaluation.findings.length > 0) {
    io.out(`${v.evaluation.findings.length} finding(s):`);
    v.evaluation.findings.forEach((f, n) => io.out(`  ${n + 1}. [${f.kind}] ${f.message}`));
  }
  for (const r of v.refusals) {
    io.out(`  refused: ${r.documentId ?? 'a message'} (${r.typeCode}: ${r.rules.join(', ')})`);
  }
  const result = v.evaluation.result;
  io.out(
    result === 'passed'
      ? 'PASSED'
      : result === 'pending'
        ? `PENDING: ${v.evaluation.pendingClientSystemChecks} document(s) await the archivist's comparison with the client system`
        : 'FAILED',
  );
  return result === 'passed' ? 0 : 1;
}

/** Finishes (keeping the verdict) or cancels a rehearsal; says which verdict was kept. */
async function close(
  web: WebTarget,
  action: 'finish' | 'cancel',
  id: string,
  by: string | undefined,
  io: CliIo,
): Promise<number> {
  const r = await webJson<Rehearsal>(
    web,
    'POST',
    `/__sim/rehearsals/${encodeURIComponent(id)}/${action}`,
    by === undefined ? {} : { by },
  );
  io.out(
    r.status === 'finished'
      ? `Finished rehearsal ${r.id}: ${r.finalResult === 'passed' ? 'PASSED' : 'FAILED'}`
      : `Cancelled rehearsal ${r.id}: no verdict.`,
  );
  return 0;
}

async function writeReport(web: WebTarget, id: string, out: string, io: CliIo): Promise<number> {
  await mkdir(out, { recursive: true });
  for (const ext of ['html', 'pdf', 'eml']) {
    const res = await fetch(new URL(`/__sim/rehearsals/${encodeURIComponent(id)}/report.${ext}`, web.url), {
      headers: web.token === undefined ? {} : { Authorization: `Bearer ${web.token}` },
    });
    if (!res.ok) {
      await webJson(web, 'GET', `/__sim/rehearsals/${encodeURIComponent(id)}`);
      throw new KantaSimError('SERVICE_UNAVAILABLE', `report.${ext}: HTTP ${res.status}`);
    }
    const file = path.join(out, `${id}.${ext}`);
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    io.out(`wrote ${file}`);
  }
  return 0;
}

async function generate(
  dataDir: string,
  values: {
    case?: string;
    org?: string;
    identity?: string;
    organiser?: string;
    regno?: string;
    out?: string;
  },
  need: (v: string | undefined, flag: string) => string,
  io: CliIo,
): Promise<number> {
  const orgs = new OrganisationDirectory(dataDir);
  const party = async (oid: string): Promise<GeneratorParty> => {
    const org: Organisation | undefined = orgs.get(oid);
    if (org === undefined) {
      throw new KantaSimError('ORG_UNKNOWN', `organisation ${oid} is not registered in ${dataDir}`);
    }
    return {
      oid: org.oid,
      name: org.name,
      units: org.units,
      signingKeyPem: await readFile(org.files.signingKey, 'utf8'),
      signingCertPem: await readFile(org.files.signingCert, 'utf8'),
    };
  };
  const regno = values.regno ?? DEMO_PROFESSIONAL.regno;
  const pro = new ProfessionalDirectory(dataDir).get(regno);
  if (pro === undefined) {
    throw new KantaSimError('BAD_REQUEST', `professional ${regno} is not registered in ${dataDir}`);
  }
  const hetu = need(values.identity, '--identity');
  const out = need(values.out, '--out');
  const messages = generateTestCaseMessages({
    testCase: new TestCaseLibrary().get(need(values.case, '--case')),
    organisation: await party(need(values.org, '--org')),
    ...(values.organiser === undefined ? {} : { organiser: await party(values.organiser) }),
    identity: { hetu, ...defaultIdentityName(hetu) },
    professional: {
      regno: pro.regno,
      given: pro.given,
      family: pro.family,
      title: pro.title,
      keyPem: await readFile(pro.files.key, 'utf8'),
      certPem: await readFile(pro.files.cert, 'utf8'),
    },
    at: new Date(),
  });
  await mkdir(out, { recursive: true });
  for (const [i, m] of messages.entries()) {
    const file = path.join(
      out,
      `${String(i + 1).padStart(2, '0')}-${m.phase}-${m.key}-${m.serviceRequest}.xml`,
    );
    await writeFile(file, m.messageXml);
    io.out(`${file}  (send as ${m.senderOid})`);
  }
  return 0;
}
