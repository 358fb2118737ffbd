/**
 * Configuration: parsed once, typed, validated, frozen. Defaults live in one object; a config file, then
 * environment variables, then flags are merged over them at the edge. Nothing else reads process.env.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { KantaSimError } from './errors.js';
import { DEFAULT_PKI_VALID_FROM } from './pki/cert-profiles.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/limits.js';

export type TrustMode = 'strict' | 'lenient';

export interface KantaSimConfig {
  /** Address the Kanta interface (mutual TLS) binds to. */
  readonly host: string;
  /**
   * Address the web listener (archivist interface, control API, health) binds to: loopback by default, apart
   * from `host`, so that exposing the Kanta interface to a team does not expose the control API.
   */
  readonly webHost: string;
  /** Host names the web listener answers besides loopback and its bound address (DNS-rebinding guard). */
  readonly allowedHosts: readonly string[];
  /**
   * Bearer token for the control API and the demo sign-in when the web listener is not on loopback; unset
   * there, one is generated at start and printed once.
   */
  readonly controlToken?: string;
  /** The Kanta interface (HTTPS, mutual TLS). 0 = ephemeral. */
  readonly port: number;
  /** The web listener (archivist UI, control API, health). 0 = ephemeral. */
  readonly webPort: number;
  /** Where the database, the generated PKI and organisations' credentials live. */
  readonly dataDir: string;
  /** Keep the archive database in memory (tests); the PKI still lives in dataDir. */
  readonly memory: boolean;
  /** strict: signatures must chain to the trust store; lenient: unknown CAs accepted with a warning. */
  readonly trustMode: TrustMode;
  /** Extra trust anchors (PEM files), e.g. a vendor's DVV TEST CA certificates. */
  readonly trustAnchors: readonly string[];
  /** Refuse hetus outside 900-999, as Kanta's test service does. */
  readonly testIdentityGuardrail: boolean;
  /** Directories of code-list JSON files laid over the shipped ones (official lists go here). */
  readonly codeListDirs: readonly string[];
  /** An operation table file replacing the shipped one. */
  readonly operationTable?: string;
  readonly xmlLimits: XmlLimits;
  /** Quiet start-up banner (programmatic use). */
  readonly quiet: boolean;
  /** Where the deployment-test report's e-mail draft is addressed (the real Kanta address goes here). */
  readonly kantaReportAddress: string;
  /** Most journal entries kept in memory (control API); the oldest are dropped first. */
  readonly journalCap: number;
  /** Whether the sentinel test identities (docs/ci.md) trigger their faults. */
  readonly sentinelIdentities: boolean;
  /** A scenario file applied at start-up (organisations, professionals, identities, documents). */
  readonly seed?: string;
  /** Worker threads reading and verifying archived documents; 0 reads on the main thread. */
  readonly readerThreads: number;
  /**
   * Where a newly generated test PKI's validity starts (default 2008-01-01), so old data and seeded history
   * can be signed at their own dates. An existing PKI in the data directory is kept as it was made.
   */
  readonly pkiValidFrom: Date;
}

export const DEFAULT_CONFIG: KantaSimConfig = Object.freeze({
  host: '127.0.0.1',
  webHost: '127.0.0.1',
  allowedHosts: [],
  port: 8443,
  webPort: 8080,
  dataDir: './.kanta-sim',
  memory: false,
  trustMode: 'strict',
  trustAnchors: [],
  testIdentityGuardrail: true,
  codeListDirs: [],
  xmlLimits: DEFAULT_XML_LIMITS,
  quiet: false,
  kantaReportAddress: 'kayttoonottokoe@kanta.invalid',
  journalCap: 10_000,
  sentinelIdentities: true,
  readerThreads: Math.max(1, availableParallelism() - 1),
  pkiValidFrom: DEFAULT_PKI_VALID_FROM,
});

/** Keys a config file may set, with their parsers. A key not listed here fails fast. */
const FILE_KEYS: Record<string, (v: unknown, where: string) => Record<string, unknown>> = {
  host: (v, w) => ({ host: str(v, w) }),
  port: (v, w) => ({ port: portNumber(v, w) }),
  webPort: (v, w) => ({ webPort: portNumber(v, w) }),
  webHost: (v, w) => ({ webHost: str(v, w) }),
  allowedHosts: (v, w) => ({ allowedHosts: strList(v, w) }),
  controlToken: (v, w) => ({ controlToken: controlToken(v, w) }),
  dataDir: (v, w) => ({ dataDir: str(v, w) }),
  memory: (v, w) => ({ memory: bool(v, w) }),
  trustMode: (v, w) => ({ trustMode: trustMode(v, w) }),
  trustAnchors: (v, w) => ({ trustAnchors: strList(v, w) }),
  testIdentityGuardrail: (v, w) => ({ testIdentityGuardrail: bool(v, w) }),
  codeListDirs: (v, w) => ({ codeListDirs: strList(v, w) }),
  operationTable: (v, w) => ({ operationTable: str(v, w) }),
  maxMessageBytes: (v, w) => ({ maxMessageBytes: positiveInt(v, w) }),
  maxXmlDepth: (v, w) => ({ maxXmlDepth: positiveInt(v, w) }),
  kantaReportAddress: (v, w) => ({ kantaReportAddress: str(v, w) }),
  journalCap: (v, w) => ({ journalCap: positiveInt(v, w) }),
  sentinelIdentities: (v, w) => ({ sentinelIdentities: bool(v, w) }),
  seed: (v, w) => ({ seed: str(v, w) }),
  readerThreads: (v, w) => ({ readerThreads: threadCount(v, w) }),
  pkiValidFrom: (v, w) => ({ pkiValidFrom: isoDate(v, w) }),
};

export interface ConfigSources {
  /** Parsed flags (already split by the CLI); undefined values are ignored. */
  readonly flags?: Partial<Record<string, unknown>>;
  readonly env?: NodeJS.ProcessEnv;
  /** Values set programmatically (startKantaSim), applied last. */
  readonly overrides?: Partial<KantaSimConfig>;
}

/** Merges defaults, config file, environment and flags into a frozen, validated configuration. */
export function loadConfig(sources: ConfigSources = {}): KantaSimConfig {
  const env = sources.env ?? {};
  const flags = sources.flags ?? {};
  const merged: Record<string, unknown> = {};
  const configFile = (flags.config as string | undefined) ?? env.KANTA_SIM_CONFIG;
  if (configFile) {
    Object.assign(merged, readConfigFile(configFile));
  }
  const fromEnv = environmentLayer(env);
  const fromFlags = flagLayer(flags);
  for (const layer of [fromEnv, fromFlags, sources.overrides ?? {}]) {
    for (const [k, v] of Object.entries(layer)) {
      if (v !== undefined) {
        merged[k] = v;
      }
    }
  }
  const { maxMessageBytes, maxXmlDepth, ...rest } = merged;
  const xmlLimits: XmlLimits = {
    maxBytes: (maxMessageBytes as number | undefined) ?? DEFAULT_XML_LIMITS.maxBytes,
    maxDepth: (maxXmlDepth as number | undefined) ?? DEFAULT_XML_LIMITS.maxDepth,
  };
  const config = { ...DEFAULT_CONFIG, xmlLimits, ...rest } as KantaSimConfig;
  return Object.freeze({
    ...config,
    dataDir: path.resolve(config.dataDir),
    trustAnchors: Object.freeze(config.trustAnchors.map((p) => path.resolve(p))),
    allowedHosts: Object.freeze(config.allowedHosts.map((h) => h.toLowerCase())),
    codeListDirs: Object.freeze(config.codeListDirs.map((p) => path.resolve(p))),
    ...(config.seed === undefined ? {} : { seed: path.resolve(config.seed) }),
  });
}

/** The KANTA_SIM_* variables as config keys; a bad value fails here, naming the variable. */
function environmentLayer(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const parsed = <T>(name: string, parse: (v: unknown, where: string) => T): T | undefined => {
    const value = env[name];
    return value === undefined ? undefined : parse(value, name);
  };
  return {
    host: env.KANTA_SIM_HOST,
    port: parsed('KANTA_SIM_PORT', portNumber),
    webPort: parsed('KANTA_SIM_WEB_PORT', portNumber),
    dataDir: env.KANTA_SIM_DATA_DIR,
    webHost: env.KANTA_SIM_WEB_HOST,
    allowedHosts: env.KANTA_SIM_ALLOWED_HOSTS?.split(',')
      .map((h) => h.trim())
      .filter((h) => h !== ''),
    controlToken: parsed('KANTA_SIM_CONTROL_TOKEN', controlToken),
    trustMode: parsed('KANTA_SIM_TRUST_MODE', trustMode),
    readerThreads: parsed('KANTA_SIM_READER_THREADS', threadCount),
    pkiValidFrom: parsed('KANTA_SIM_PKI_VALID_FROM', isoDate),
  };
}

/**
 * The command-line flags as config keys; a bad value fails here, naming the flag in the message and in
 * `details.flag` (the command line reads that as a usage error).
 */
function flagLayer(flags: Partial<Record<string, unknown>>): Record<string, unknown> {
  const parsed = <T>(flag: string, parse: (v: unknown, where: string) => T): T | undefined => {
    const value = flags[flag];
    if (value === undefined) {
      return undefined;
    }
    try {
      return parse(value, `--${flag}`);
    } catch (cause) {
      throw new KantaSimError('CONFIG_INVALID', (cause as Error).message, {
        cause,
        details: { flag: `--${flag}` },
      });
    }
  };
  return {
    host: flags.host,
    port: parsed('port', portNumber),
    webPort: parsed('web-port', portNumber),
    dataDir: flags['data-dir'],
    webHost: flags['web-host'],
    allowedHosts: flags['allowed-host'],
    controlToken: parsed('control-token', controlToken),
    memory: flags.memory,
    trustMode: parsed('trust-mode', trustMode),
    trustAnchors: flags['trust-anchor'],
    seed: flags.seed,
    readerThreads: parsed('reader-threads', threadCount),
    pkiValidFrom: parsed('pki-valid-from', isoDate),
  };
}

function readConfigFile(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `cannot read config file ${file}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KantaSimError('CONFIG_INVALID', `config file ${file} must hold a JSON object`);
  }
  const out: Record<string, unknown> = {};
  const base = path.dirname(path.resolve(file));
  for (const [key, value] of Object.entries(raw)) {
    const parse = FILE_KEYS[key];
    if (!parse) {
      throw new KantaSimError(
        'CONFIG_INVALID',
        `unknown key "${key}" in ${file}; known: ${Object.keys(FILE_KEYS).join(', ')}`,
      );
    }
    Object.assign(out, parse(value, `${file}: ${key}`));
  }
  // Paths in a config file are relative to the file, so a project can keep its config beside its CA files.
  for (const key of ['dataDir', 'operationTable', 'seed'] as const) {
    if (typeof out[key] === 'string') {
      out[key] = path.resolve(base, out[key] as string);
    }
  }
  for (const key of ['trustAnchors', 'codeListDirs'] as const) {
    if (Array.isArray(out[key])) {
      out[key] = (out[key] as string[]).map((p) => path.resolve(base, p));
    }
  }
  return out;
}

function fail(where: string, expected: string, v: unknown): never {
  throw new KantaSimError('CONFIG_INVALID', `${where}: expected ${expected}, got ${JSON.stringify(v)}`);
}
function str(v: unknown, w: string): string {
  return typeof v === 'string' && v.length > 0 ? v : fail(w, 'a non-empty string', v);
}
function bool(v: unknown, w: string): boolean {
  return typeof v === 'boolean' ? v : fail(w, 'true or false', v);
}
function strList(v: unknown, w: string): string[] {
  if (typeof v === 'string') {
    return [v];
  }
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
    ? (v as string[])
    : fail(w, 'a list of strings', v);
}
function positiveInt(v: unknown, w: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : fail(w, 'a positive integer', v);
}
function threadCount(v: unknown, w: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 64
    ? n
    : fail(w, 'a number of threads 0-64', v);
}
function portNumber(v: unknown, w: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535
    ? n
    : fail(w, 'a port number 0-65535', v);
}
function isoDate(v: unknown, w: string): Date {
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) ? new Date(v) : undefined;
  return d !== undefined && !Number.isNaN(d.getTime()) ? d : fail(w, 'an ISO date such as 2008-01-01', v);
}
/** A token sent as `Authorization: Bearer T`: long enough not to be guessed, and header-safe. */
function controlToken(v: unknown, w: string): string {
  return typeof v === 'string' && /^[A-Za-z0-9._~+/=-]{16,256}$/.test(v)
    ? v
    : fail(w, 'a token of 16-256 characters A-Z a-z 0-9 . _ ~ + / = -', v === undefined ? v : '(hidden)');
}
function trustMode(v: unknown, w: string): TrustMode {
  return v === 'strict' || v === 'lenient' ? v : fail(w, '"strict" or "lenient"', v);
}
