/**
 * `kanta-sim start`: runs the archive and the web listener until interrupted, and tells a new user how to
 * send a first document.
 */
import path from 'node:path';
import { loadConfig, type KantaSimConfig } from '../config.js';
import { dataDirError } from '../store/data-dir.js';
import { launch } from '../compose/kanta-sim.js';
import { stderrLogger } from '../logger.js';
import { ensureDemoMessage } from '../samples/demo-message.js';
import { parseFlags } from './common-flags.js';
import { START_CLASSROOM_FLAGS, classroomRequest, makeStartClass } from './start-classroom.js';
import { watchForStop } from './stop-signals.js';

export const START_USAGE = `usage: kanta-sim start [--host H] [--port P] [--web-port P] [--data-dir D] [--memory] [--config FILE]
                       [--seed FILE] [--trust-mode strict|lenient] [--trust-anchor CA.pem ...]
                       [--reader-threads N] [--quiet] [--outlive-parent]
                       [--web-host H] [--allowed-host NAME ...] [--control-token T]
                       [--classroom N [--scenario NAME] [--lang fi|sv|en]]
  --host binds the Kanta interface (mutual TLS) only; the web listener binds --web-host (default 127.0.0.1),
  and off loopback its control API and demo sign-in need the control token (generated if not given).
  Runs until Ctrl+C, SIGTERM or SIGHUP, or until the process that started it exits (npx, npm, a shell);
  --outlive-parent keeps it running after its parent exits (stop it with kill PID).
  --classroom N makes a class of N trainees (1..60) once it listens, as \`kanta-sim classroom\` does, and
  prints every account: the same class again is kept, a larger N adds trainees; a smaller N, another
  scenario or language is refused (exit 1, nothing started, the class unchanged).
  exit 0 stopped cleanly, 1 could not start (the reason on stderr), 2 usage error`;

/** The flags `start` shares with `run` (which starts the same way but makes no class). */
export const START_FLAGS = {
  quiet: { type: 'boolean' },
  seed: { type: 'string' },
  'outlive-parent': { type: 'boolean' },
} as const;

/**
 * One banner line on who can reach the control API. A generated token is printed here once and nowhere
 * else; a configured one is not echoed (its owner has it).
 */
function exposure(config: KantaSimConfig, token: string | undefined): string {
  const label = 'Control access'.padEnd(30);
  if (token === undefined) {
    return `${label}loopback only (web listener on ${config.webHost}; no token needed)`;
  }
  const shown = config.controlToken === undefined ? `generated token ${token}` : 'the configured token';
  return `${label}web listener on ${config.webHost} (not loopback): control API and demo sign-in need Authorization: Bearer <${shown}>`;
}

export async function runStartCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...START_FLAGS, ...START_CLASSROOM_FLAGS });
  if (values.help === true) {
    process.stdout.write(`${START_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) {
    process.stderr.write(`kanta-sim start: unexpected argument "${positionals[0] ?? ''}"\n${START_USAGE}\n`);
    return 2;
  }
  const classRequest = classroomRequest(values);
  if (classRequest !== undefined && 'usage' in classRequest) {
    process.stderr.write(`kanta-sim start: ${classRequest.usage}\n${START_USAGE}\n`);
    return 2;
  }
  // Watch from the first moment, so that a stop during the start is not lost.
  const watch = watchForStop({ outliveParent: values['outlive-parent'] === true });
  const config = loadConfig({ flags: values, env });
  const started = Date.now();
  const sim = await launch(config, { logger: stderrLogger() });
  let demoMessage: string;
  let classLines: readonly string[] = [];
  try {
    demoMessage = await ensureDemoMessage(config.dataDir, sim.demo).catch((e: unknown) => {
      throw dataDirError(config.dataDir, path.join(config.dataDir, 'demo'), e);
    });
    if (classRequest !== undefined) {
      classLines = await makeStartClass(sim, classRequest, values.quiet === true);
    }
  } catch (e) {
    // Listening sockets would keep the process alive after the error: stop them, and say what failed.
    watch.dispose();
    await sim.stop();
    throw e;
  }
  if (!values.quiet) {
    const org = sim.demo.organiser;
    const pro = sim.demo.professional;
    console.log(`kanta-sim is ready (${Date.now() - started} ms)

  Kanta interface (mutual TLS)  ${sim.kantaUrl}
  Web listener                  ${sim.webUrl}   (health: ${sim.webUrl}/__sim/health)
  Archivist interface           ${sim.webUrl}/archivist   (demo mode: one-click sign-in)
  Control API                   ${sim.webUrl}/__sim/openapi.json${config.seed ? `   (seeded from ${config.seed})` : ''}
  ${exposure(config, sim.controlToken)}
  Database                      ${config.memory ? 'in memory' : `${config.dataDir}/archive.sqlite`}
  Trust mode                    ${config.trustMode}

  CA bundle to trust            ${sim.caBundlePath}
  Demo organisation             ${org.name} (${org.oid})
    credentials                 ${org.dir}/  (client.pem, client.key, client.p12, signing.pem, signing.key, signing.p12)
    PKCS#12 password            ${org.p12Password}
  Demo professional             ${pro.given} ${pro.family} (${pro.regno}), credentials in ${pro.dir}/

Archive a signed demo document (answers MCCI_IN000002UV01 with typeCode="AA"):

  curl --cacert ${sim.caBundlePath} --cert ${org.dir}/client.pem --key ${org.dir}/client.key \\
    -H 'Content-Type: text/xml; charset=utf-8' --data-binary @${demoMessage} ${sim.kantaUrl}

Register your own organisation:  npx kanta-sim org add --oid 1.2.246.10.<business id>.10.0 --name "..." --data-dir ${config.dataDir}
${classLines.length > 0 ? `\n${classLines.join('\n')}\n\n` : ''}Stop with Ctrl+C.`);
  }
  const reason = await watch.stopped;
  watch.dispose();
  if (!values.quiet) {
    console.log(
      `kanta-sim: stopping (${reason === 'parent-exited' ? 'the process that started it exited' : reason})`,
    );
  }
  await sim.stop();
  return 0;
}
