/**
 * The rehearsal JSON API's states: the verdict gains `progress` and `deviations` (nothing renamed), finish
 * keeps the verdict and who finished, cancel closes without one, and a closed rehearsal cannot be closed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalVerdict } from '../../../server/rehearsal/rehearsal-service.js';
import type { Rehearsal } from '../../../server/store/rehearsal-store.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sim.webUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function start(hetu: string): Promise<string> {
  const started = await api<Rehearsal>('POST', '/__sim/rehearsals', {
    organisationOid: sim.demo.organiser.oid,
    caseName: 'lapsiperheiden-palvelut',
    hetu,
  });
  expect(started.status).toBe(201);
  return started.json.id;
}

describe('the rehearsal API', () => {
  it('says a just-started rehearsal waits for documents, keeping the existing fields as they were', async () => {
    const id = await start('010181-903F');
    const { json: v } = await api<RehearsalVerdict>('GET', `/__sim/rehearsals/${id}`);
    expect(v.progress).toMatchObject({ state: 'waiting', archived: 0, compared: 0 });
    expect(v.progress.outcome).toBeUndefined();
    expect(v.passed).toBe(false);
    // For CI jobs that read it: the evaluation of what is archived now, unchanged.
    expect(v.evaluation.result).toBe('failed');
    expect(v.evaluation.findings.every((f) => f.kind === 'missing' && typeof f.message === 'string')).toBe(
      true,
    );
    expect(v.deviations.map((d) => d.kind)).toEqual(v.evaluation.findings.map(() => 'missing'));
  });

  it('finishes with the verdict kept and who finished it, then refuses to close it again (409)', async () => {
    const id = await start('010181-904H');
    const finished = await api<Rehearsal>('POST', `/__sim/rehearsals/${id}/finish`, { by: 'CI job 7' });
    expect(finished.status).toBe(200);
    expect(finished.json).toMatchObject({
      status: 'finished',
      finalResult: 'failed',
      finishedBy: 'CI job 7',
    });
    expect(finished.json.finishedAt).toBeTruthy();
    const { json: v } = await api<RehearsalVerdict>('GET', `/__sim/rehearsals/${id}`);
    expect(v.progress).toMatchObject({ state: 'finished', outcome: 'failed', closedBy: 'CI job 7' });
    const again = await api<{ error: { code: string } }>('POST', `/__sim/rehearsals/${id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFLICT');
  });

  it('cancels without a verdict, and refuses a `by` that is not a name', async () => {
    const id = await start('010181-905J');
    const bad = await api<{ error: { code: string } }>('POST', `/__sim/rehearsals/${id}/cancel`, { by: 7 });
    expect(bad.status).toBe(400);
    const cancelled = await api<Rehearsal>('POST', `/__sim/rehearsals/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(cancelled.json.finalResult).toBeUndefined();
    const { json: v } = await api<RehearsalVerdict>('GET', `/__sim/rehearsals/${id}`);
    expect(v.progress.state).toBe('cancelled');
    expect(v.progress.outcome).toBeUndefined();
    const unknown = await api<{ error: { code: string } }>('POST', '/__sim/rehearsals/r-none/cancel');
    expect(unknown.status).toBe(404);
  });
});
