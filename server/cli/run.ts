/**
 * `kanta-sim run [start flags] -- CMD ARGS...`: the one-line way to use kanta-sim in CI. Starts the
 * simulator (ephemeral ports and a temporary data directory unless given), runs CMD with the URLs, the CA
 * bundle and the demo credentials in its environment, stops the simulator and exits with CMD's exit code.
 * Nothing is left running: not on success, not on failure, not when run itself is interrupted.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, loadConfig } from '../config.js';
import { launch, type RunningKantaSim } from '../compose/kanta-sim.js';
import { stderrLogger } from '../logger.js';
import { ensureDemoMessage } from '../samples/demo-message.js';
import { PROCESS_IO, reportCliError, usageError, type CliIo } from './cli-io.js';
import { parseFlags } from './common-flags.js';
import { START_FLAGS } from './start.js';
import { watchForStop } from './stop-signals.js';

export const RUN_USAGE = `usage: kanta-sim run [start flags] -- CMD [ARGS...]
  Starts kanta-sim (ephemeral ports and a temporary data directory unless --port, --web-port or
  --data-dir are given), waits until it is ready, runs CMD with these environment variables, then stops
  kanta-sim and exits with CMD's exit code (128 + the signal number if CMD was killed by a signal):
    KANTA_SIM_KANTA_URL      the Kanta interface (mutual TLS), https://127.0.0.1:PORT/sha
    KANTA_SIM_WEB_URL        the web listener (health, control API /__sim, archivist interface)
    KANTA_SIM_CA_BUNDLE      the CA bundle a client must trust
    KANTA_SIM_DATA_DIR       the data directory (so kanta-sim send/org/pro in CMD use the same one)
    KANTA_SIM_ORG_OID        the demo organiser's OID
    KANTA_SIM_CLIENT_CERT, KANTA_SIM_CLIENT_KEY, KANTA_SIM_CLIENT_P12
                             its TLS client credentials (PEM certificate, PEM key, PKCS#12)
    KANTA_SIM_SIGNING_CERT, KANTA_SIM_SIGNING_KEY
                             its system-signature credentials
    KANTA_SIM_P12_PASSWORD   the password of its PKCS#12 files
    KANTA_SIM_PROVIDER_OID, KANTA_SIM_PROVIDER_DIR
                             the demo provider and the directory of its credentials
    KANTA_SIM_PRO_REGNO, KANTA_SIM_PRO_DIR
                             the demo professional and the directory of its credentials
    KANTA_SIM_DEMO_MESSAGE   a signed demo message (SP17) that archives AA
    KANTA_SIM_CONTROL_TOKEN  the control API's bearer token, only when --web-host is not loopback
  exit: CMD's exit code; 1 kanta-sim could not start or CMD could not be run (127 if not found); 2 usage error`;

/** The environment CMD sees: the caller's, plus where and how to reach this simulator. */
export function runEnvironment(
  sim: RunningKantaSim,
  demoMessage: string,
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  const { organiser, provider, professional } = sim.demo;
  return {
    ...env,
    KANTA_SIM_KANTA_URL: sim.kantaUrl,
    KANTA_SIM_WEB_URL: sim.webUrl,
    KANTA_SIM_CA_BUNDLE: sim.caBundlePath,
    KANTA_SIM_DATA_DIR: path.resolve(sim.config.dataDir),
    KANTA_SIM_ORG_OID: organiser.oid,
    KANTA_SIM_CLIENT_CERT: organiser.files.clientCert,
    KANTA_SIM_CLIENT_KEY: organiser.files.clientKey,
    KANTA_SIM_CLIENT_P12: organiser.files.clientP12,
    KANTA_SIM_SIGNING_CERT: organiser.files.signingCert,
    KANTA_SIM_SIGNING_KEY: organiser.files.signingKey,
    KANTA_SIM_P12_PASSWORD: organiser.p12Password,
    KANTA_SIM_PROVIDER_OID: provider.oid,
    KANTA_SIM_PROVIDER_DIR: provider.dir,
    KANTA_SIM_PRO_REGNO: professional.regno,
    KANTA_SIM_PRO_DIR: professional.dir,
    KANTA_SIM_DEMO_MESSAGE: demoMessage,
    // Off loopback (--web-host), the control token; the CLI's web clients read it from here.
    ...(sim.controlToken === undefined ? {} : { KANTA_SIM_CONTROL_TOKEN: sim.controlToken }),
  };
}

/** Runs CMD to its end; resolves with the exit code run should return. */
function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stop: Promise<unknown>,
  io: CliIo,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    // run is being stopped (a signal, or its parent went away): pass it on, then wait for CMD to end.
    void stop.then(() => child.kill('SIGTERM'));
    child.once('error', (e: NodeJS.ErrnoException) => {
      io.err(
        `kanta-sim run: cannot run "${command}": ${e.code === 'ENOENT' ? 'command not found' : e.message}`,
      );
      resolve(e.code === 'ENOENT' ? 127 : 1);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

export async function runRunCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const split = args.indexOf('--');
  const own = split < 0 ? args : args.slice(0, split);
  const [command, ...commandArgs] = split < 0 ? [] : args.slice(split + 1);
  let tempDir: string | undefined;
  try {
    const { values, positionals } = parseFlags(own, START_FLAGS);
    if (values.help === true) {
      io.out(RUN_USAGE);
      return 0;
    }
    if (positionals.length > 0 || command === undefined) {
      const message =
        positionals.length > 0 ? `put CMD after --, not "${positionals[0] ?? ''}"` : 'CMD is missing';
      return usageError(io, RUN_USAGE, message);
    }
    const watch = watchForStop({ outliveParent: values['outlive-parent'] === true });
    const given = loadConfig({ flags: values, env });
    if (values['data-dir'] === undefined && given.dataDir === path.resolve(DEFAULT_CONFIG.dataDir)) {
      tempDir = await mkdtemp(path.join(tmpdir(), 'kanta-sim-run-'));
    }
    const config = loadConfig({
      flags: {
        ...values,
        port: values.port ?? (given.port === DEFAULT_CONFIG.port ? '0' : undefined),
        'web-port': values['web-port'] ?? (given.webPort === DEFAULT_CONFIG.webPort ? '0' : undefined),
        'data-dir': tempDir ?? values['data-dir'],
      },
      env,
    });
    const sim = await launch(config, { logger: stderrLogger() });
    try {
      const demoMessage = await ensureDemoMessage(config.dataDir, sim.demo);
      if (!values.quiet) {
        io.err(`kanta-sim run: ready (${sim.kantaUrl}, ${sim.webUrl}); running ${command}`);
      }
      return await runChild(command, commandArgs, runEnvironment(sim, demoMessage, env), watch.stopped, io);
    } finally {
      watch.dispose();
      await sim.stop();
    }
  } catch (e) {
    return reportCliError(e, io, RUN_USAGE);
  } finally {
    if (tempDir) {
      await rm(tempDir, { recursive: true, force: true });
    }
  }
}
