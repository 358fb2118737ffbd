/**
 * The JSON query API on the Kanta interface, under /api/v1 (mutual TLS: the caller is the organisation of
 * the TLS client certificate). Routes translate: they read parameters, call the query service
 * (archive/queries.ts) and map its answer; a refusal becomes a JSON error naming the rule, never an empty
 * success.
 */
import express, { type Request, type Router } from 'express';
import { identifyClient, type OrganisationLookup } from '../../archive/identify-client.js';
import {
  getClientSummary,
  getDocumentContent,
  getDocumentMetadata,
  getSetHistory,
  queryCases,
  queryClientRelationship,
  queryDocuments,
  type QueryCaller,
  type QueryResult,
} from '../../archive/queries.js';
import { callerFromOrganisation } from '../../archive/read-scope.js';
import { KantaSimError, type ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { CertificateTrust } from '../../pki/trust-types.js';
import type { RuleViolation } from '../../rules/rule.js';
import type { ArchiveStore, DocumentState } from '../../store/archive-store.js';
import { jsonErrorMiddleware, jsonNotFound } from '../error-middleware.js';
import { peerCertificate } from './peer-certificate.js';

export interface QueryRoutesDeps {
  readonly store: ArchiveStore;
  readonly trust: CertificateTrust;
  readonly organisations: OrganisationLookup;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/** The rules whose refusal means "not in your registers" answer 404; the others are the caller's error. */
const NOT_FOUND_RULES = new Set(['QUERY_CLIENT_NOT_IN_REGISTER', 'QUERY_DOCUMENT_NOT_IN_REGISTER']);

/** The router mounted at /api/v1 of the Kanta app. */
export function createQueryRouter(deps: QueryRoutesDeps): Router {
  const router = express.Router();
  const { store } = deps;

  router.get('/clients/:hetu/relationship', async (req, res) => {
    res.json(unwrap(await queryClientRelationship(store, caller(req, deps), { hetu: param(req, 'hetu') })));
  });
  router.get('/clients/:hetu/cases', async (req, res) => {
    res.json({ cases: unwrap(await queryCases(store, caller(req, deps), { hetu: param(req, 'hetu') })) });
  });
  router.get('/clients/:hetu/summary', async (req, res) => {
    res.json(unwrap(await getClientSummary(store, caller(req, deps), { hetu: param(req, 'hetu') })));
  });
  router.get('/documents', async (req, res) => {
    const q = (name: string): string | undefined => queryValue(req, name);
    const documents = unwrap(
      await queryDocuments(store, caller(req, deps), {
        hetu: q('hetu') ?? '',
        palvelutehtava: q('palvelutehtava'),
        prosessivaihe: q('prosessivaihe'),
        caseId: q('caseId'),
        documentType: q('documentType'),
        from: q('from'),
        to: q('to'),
        status: q('status') as DocumentState | undefined,
      }),
    );
    res.json({ documents });
  });
  router.get('/documents/:id', async (req, res) => {
    res.json(unwrap(await getDocumentMetadata(store, caller(req, deps), param(req, 'id'))));
  });
  router.get('/documents/:id/content', async (req, res) => {
    const { bytes } = unwrap(await getDocumentContent(store, caller(req, deps), param(req, 'id')));
    res.type('application/xml').send(bytes);
  });
  router.get('/sets/:setId/history', async (req, res) => {
    res.json(unwrap(await getSetHistory(store, caller(req, deps), param(req, 'setId'))));
  });
  router.use(jsonNotFound);
  router.use(jsonErrorMiddleware(deps.logger));
  return router;
}

/** The TLS organisation as a query caller; no or an unknown certificate is 403 with the rule. */
function caller(req: Request, deps: QueryRoutesDeps): QueryCaller {
  const now = deps.clock();
  const identity = identifyClient(peerCertificate(req), deps.trust, deps.organisations, now);
  if (!identity.ok) {
    throw ruleError('FORBIDDEN', identity.violation);
  }
  return callerFromOrganisation(identity.organisation, now);
}

function unwrap<T>(result: QueryResult<T>): T {
  if (result.ok) {
    return result.value;
  }
  const code: ErrorCode = NOT_FOUND_RULES.has(result.violation.rule.code) ? 'NOT_FOUND' : 'BAD_REQUEST';
  throw ruleError(code, result.violation);
}

function ruleError(code: ErrorCode, v: RuleViolation): KantaSimError {
  return new KantaSimError(code, `${v.rule.en}${v.detail === undefined ? '' : ` (${v.detail})`}`, {
    details: { rule: v.rule.code, fi: v.rule.fi, en: v.rule.en, detail: v.detail, location: v.location },
  });
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

function queryValue(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined || v === '') {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new KantaSimError('BAD_REQUEST', `query parameter ${name} must be given once, as text`);
  }
  return v;
}
