/**
 * Programmatic use for Node test suites:
 *
 *   import { startKantaSim } from 'kanta-sim';
 *   const sim = await startKantaSim();          // ephemeral ports, in-memory database, fresh PKI
 *   // ... point the client system at sim.kantaUrl with sim.demo.organiser credentials ...
 *   await sim.stop();
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type KantaSimConfig } from './config.js';
import { launch, type RunningKantaSim } from './compose/kanta-sim.js';
import { controlClient, type ControlClient } from './control/control-client.js';
import { silentLogger, type Logger } from './logger.js';
import type { Organisation } from './pki/organisations.js';
import type { Professional } from './pki/professionals.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/limits.js';

export type { KantaSimConfig } from './config.js';
export { controlClient, type ControlClient } from './control/control-client.js';
export { SENTINEL_IDENTITIES } from './control/sentinels.js';
export type { FaultSpec } from './control/fault-spec.js';
export type { JournalEntry, JournalFilter } from './control/journal.js';
export { RULES } from './rules/catalogue.js';

/** Credentials as files and as PEM strings, ready for https.Agent or any TLS client. */
export interface OrganisationCredentials {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  readonly dir: string;
  readonly paths: Organisation['files'];
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  readonly signingCertPem: string;
  readonly signingKeyPem: string;
  readonly p12Password: string;
}

export interface ProfessionalCredentials {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly dir: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface KantaSimInstance {
  readonly kantaUrl: string;
  readonly webUrl: string;
  readonly dataDir: string;
  readonly caBundlePath: string;
  readonly caBundlePem: string;
  readonly demo: {
    readonly organiser: OrganisationCredentials;
    readonly provider: OrganisationCredentials;
    readonly professional: ProfessionalCredentials;
  };
  /** The running internals, for advanced use and the project's own tests. */
  readonly running: RunningKantaSim;
  /**
   * The control API as an HTTP client of this instance's web listener (reset, documents, journal, waitFor,
   * faults, clock, snapshot, restore, seed): the same calls work against a kanta-sim started elsewhere via
   * controlClient(webUrl).
   */
  readonly control: ControlClient;
  stop(): Promise<void>;
}

export interface StartOptions extends Partial<Omit<KantaSimConfig, 'xmlLimits'>> {
  /** Message size and nesting limits; unset ones keep their defaults. */
  readonly xmlLimits?: Partial<XmlLimits>;
  readonly logger?: Logger;
  readonly clock?: () => Date;
}

/**
 * Starts both listeners on ephemeral ports with an in-memory database. Without a dataDir, a temporary one
 * holds the generated PKI and is removed by stop().
 */
export async function startKantaSim(options: StartOptions = {}): Promise<KantaSimInstance> {
  const { logger, clock, xmlLimits, ...overrides } = options;
  const ownDir =
    overrides.dataDir === undefined ? await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-')) : undefined;
  const config = loadConfig({
    overrides: {
      port: 0,
      webPort: 0,
      memory: true,
      quiet: true,
      ...overrides,
      ...(xmlLimits ? { xmlLimits: { ...DEFAULT_XML_LIMITS, ...xmlLimits } } : {}),
      dataDir: overrides.dataDir ?? ownDir,
    },
  });
  let running: RunningKantaSim;
  try {
    running = await launch(config, { logger: logger ?? silentLogger, clock });
  } catch (e) {
    if (ownDir) {
      await rm(ownDir, { recursive: true, force: true });
    }
    throw e;
  }
  return {
    kantaUrl: running.kantaUrl,
    webUrl: running.webUrl,
    dataDir: config.dataDir,
    caBundlePath: running.caBundlePath,
    caBundlePem: await readFile(running.caBundlePath, 'utf8'),
    demo: {
      organiser: await organisationCredentials(running.demo.organiser),
      provider: await organisationCredentials(running.demo.provider),
      professional: await professionalCredentials(running.demo.professional),
    },
    running,
    control: controlClient(running.webUrl, { token: running.controlToken }),
    stop: async () => {
      await running.stop();
      if (ownDir) {
        await rm(ownDir, { recursive: true, force: true });
      }
    },
  };
}

/** Reads an organisation's credential files into PEM strings. */
export async function organisationCredentials(org: Organisation): Promise<OrganisationCredentials> {
  const [clientCertPem, clientKeyPem, signingCertPem, signingKeyPem] = await Promise.all(
    [org.files.clientCert, org.files.clientKey, org.files.signingCert, org.files.signingKey].map((f) =>
      readFile(f, 'utf8'),
    ),
  );
  return {
    oid: org.oid,
    name: org.name,
    units: org.units,
    dir: org.dir,
    paths: org.files,
    clientCertPem: clientCertPem as string,
    clientKeyPem: clientKeyPem as string,
    signingCertPem: signingCertPem as string,
    signingKeyPem: signingKeyPem as string,
    p12Password: org.p12Password,
  };
}

/** A registered professional's signing key and certificate, read from the data directory. */
export async function professionalCredentials(pro: Professional): Promise<ProfessionalCredentials> {
  return {
    regno: pro.regno,
    given: pro.given,
    family: pro.family,
    dir: pro.dir,
    certPem: await readFile(pro.files.cert, 'utf8'),
    keyPem: await readFile(pro.files.key, 'utf8'),
  };
}
