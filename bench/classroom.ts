/**
 * The bench's classroom figure: `classroom --trainees 20` on a fresh kanta-sim with the default scenario,
 * timed as the server does the work (POST /__sim/classroom, what the CLI sends), then the same again
 * (idempotent: "existing") and a reset of the whole class. The server runs in its own process, as for the
 * other figures, on a data directory of its own.
 */
import path from 'node:path';
import { round } from './measure.js';
import { startCli, type CliMode } from './cli-server.js';

export const CLASSROOM_TRAINEES = 20;

export interface ClassroomBench {
  readonly trainees: number;
  readonly scenario: string;
  readonly documentsPerSandbox: number;
  readonly createMs: number;
  readonly againMs: number;
  readonly resetMs: number;
}

/** Makes a class of 20, makes it again, resets it; every answer must be the expected one. */
export async function measureClassroom(
  root: string,
  mode: CliMode,
  tmp: string,
  log: (line: string) => void,
): Promise<ClassroomBench> {
  const sim = await startCli(root, mode, path.join(tmp, 'classroom'));
  try {
    const post = async (
      url: string,
      body: unknown,
    ): Promise<{ ms: number; json: Record<string, unknown> }> => {
      const started = performance.now();
      const res = await fetch(`${sim.webUrl}${url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) {
        throw new Error(`classroom bench: ${url} answered ${res.status} ${JSON.stringify(json)}`);
      }
      return { ms: round(performance.now() - started), json };
    };
    const create = await post('/__sim/classroom', { trainees: CLASSROOM_TRAINEES });
    const again = await post('/__sim/classroom', { trainees: CLASSROOM_TRAINEES });
    const reset = await post('/__sim/classroom/reset', {});
    const scenario = String((create.json.classroom as { scenario?: string } | undefined)?.scenario ?? '');
    const sandbox = (create.json.trainees as { organisation: { oid: string } }[] | undefined)?.[0];
    const docs = (await (
      await fetch(`${sim.webUrl}/__sim/documents?register=${sandbox?.organisation.oid ?? ''}&limit=1`)
    ).json()) as { total?: number };
    const result: ClassroomBench = {
      trainees: CLASSROOM_TRAINEES,
      scenario,
      documentsPerSandbox: docs.total ?? 0,
      createMs: create.ms,
      againMs: again.ms,
      resetMs: reset.ms,
    };
    log(
      `classroom --trainees ${CLASSROOM_TRAINEES} ("${scenario}", ${result.documentsPerSandbox} documents each): ${result.createMs} ms; again ${result.againMs} ms (${String(again.json.status)}); reset ${result.resetMs} ms`,
    );
    return result;
  } finally {
    await sim.stop();
  }
}
