/**
 * The control API under /__sim/ (JSON): routes translate HTTP to ControlService calls and back. Described
 * for clients by the OpenAPI document at GET /__sim/openapi.json (openapi.ts).
 */
import express, { type Request, type Router } from 'express';
import { parseClockSetting } from '../../control/clock.js';
import type { ControlService } from '../../control/control-service.js';
import { parseDocumentFilter } from '../../control/documents-view.js';
import { parseJournalFilter } from '../../control/journal.js';
import { parseScenario } from '../../control/scenario.js';
import { parseWaitRequest } from '../../control/wait-for.js';
import { KantaSimError } from '../../errors.js';
import { isValidOid } from '../../hl7/oid.js';
import { OPENAPI_DOCUMENT } from './openapi.js';

/** Mounts the control API on a router the web app uses. */
export function controlRoutes(control: ControlService): Router {
  const r = express.Router();
  r.use('/__sim', express.json({ limit: '10mb' }));

  r.get('/__sim/openapi.json', (_req, res) => {
    res.json(OPENAPI_DOCUMENT);
  });

  r.post('/__sim/reset', async (req, res) => {
    const register = singleQuery(req, 'register');
    if (register !== undefined && !isValidOid(register)) {
      throw new KantaSimError('BAD_REQUEST', `reset: "register" must be an OID, got "${register}"`);
    }
    res.json(await control.reset(register));
  });

  r.get('/__sim/documents', async (req, res) => {
    res.json(await control.documents(parseDocumentFilter(req.query as Record<string, unknown>)));
  });

  r.get('/__sim/journal', (req, res) => {
    res.json(control.journal(parseJournalFilter(req.query as Record<string, unknown>)));
  });

  r.post('/__sim/wait-for', async (req, res) => {
    const request = parseWaitRequest(req.body);
    const aborted = new AbortController();
    // A client that gives up should not leave a waiter behind.
    res.on('close', () => aborted.abort());
    const result = await control.waitFor(request, aborted.signal);
    if (!res.writableEnded && !aborted.signal.aborted) {
      res.status(result.matched ? 200 : 408).json(result);
    }
  });

  r.get('/__sim/faults', (_req, res) => {
    res.json(control.faults());
  });
  r.post('/__sim/faults', (req, res) => {
    res.status(201).json(control.addFault(req.body));
  });
  r.delete('/__sim/faults', (_req, res) => {
    res.json(control.clearFaults());
  });
  r.delete('/__sim/faults/:id', (req, res) => {
    control.removeFault(req.params.id as string);
    res.status(204).end();
  });

  r.get('/__sim/clock', (_req, res) => {
    res.json(control.clock());
  });
  r.put('/__sim/clock', (req, res) => {
    res.json(control.setClock(parseClockSetting(req.body)));
  });

  r.get('/__sim/snapshots', async (_req, res) => {
    res.json(await control.snapshots());
  });
  r.post('/__sim/snapshots', async (req, res) => {
    const name = (req.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') {
      throw new KantaSimError('BAD_REQUEST', 'snapshots: the body must be {"name": "..."}');
    }
    res.status(201).json(await control.snapshot(name));
  });
  r.post('/__sim/snapshots/:name/restore', async (req, res) => {
    res.json(await control.restore(req.params.name as string));
  });

  r.post('/__sim/seed', async (req, res) => {
    res.json(await control.seed(parseScenario(req.body)));
  });
  r.get('/__sim/identities', (_req, res) => {
    res.json(control.testIdentities());
  });
  return r;
}

function singleQuery(req: Request, key: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[key];
  if (v === undefined) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new KantaSimError('BAD_REQUEST', `"${key}" must be given once`);
  }
  return v;
}
