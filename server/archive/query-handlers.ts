/**
 * The HL7 V3 query operations (SP30-SP34 in the shipped table): the parameters come typed from the request
 * read at the wire edge, the caller is the TLS organisation, the answer is the query service's result as a
 * query response payload.
 */
import { RULES } from '../rules/catalogue.js';
import { violation } from '../rules/rule.js';
import type { QueryParameters } from '../wire/query-request.js';
import type { QueryPayload } from '../wire/query-response.js';
import { refusal } from './archive-answer.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import {
  getClientSummary,
  getDocumentContent,
  queryCases,
  queryClientRelationship,
  queryDocuments,
  type QueryCaller,
  type QueryResult,
} from './queries.js';
import type { DocumentState } from '../store/archive-store.js';
import { callerFromOrganisation } from './read-scope.js';

type Answer = (
  ctx: OperationContext,
  caller: QueryCaller,
  p: QueryParameters,
) => Promise<QueryResult<QueryPayload>>;

const PARAMETERS = '/controlActProcess/queryByParameter/parameterList';

function mapped<T>(result: QueryResult<T>, payload: (value: T) => QueryPayload): QueryResult<QueryPayload> {
  return result.ok ? { ok: true, value: payload(result.value) } : result;
}

/** Builds the handler of one query from the answer it computes. */
function queryHandler(answer: Answer): OperationHandler {
  return async (ctx) => {
    const caller = callerFromOrganisation(ctx.organisation, ctx.now);
    const { frame, operation, query: params = {} } = ctx.request;
    const context = {
      ...ctx.answer,
      query: { responseInteractionId: operation.responseInteractionId },
    };
    const result = await answer(ctx, caller, params);
    if (!result.ok) {
      const v = result.violation;
      // the query service names parameters by name; the HL7 answer points into the message
      const location = v.location.startsWith('/') ? v.location : `/${frame.rootName}${PARAMETERS}`;
      return refusal([{ ...v, location }], context);
    }
    return {
      ...context,
      query: { ...context.query, payload: result.value },
      typeCode: 'AA',
      violations: [],
      warnings: [],
      httpStatus: 200,
    };
  };
}

const hetuOf = (p: QueryParameters): { hetu: string } => ({ hetu: p.hetu ?? '' });

export const QUERY_HANDLERS = {
  'query-client-relationship': queryHandler(async (ctx, caller, p) =>
    mapped(await queryClientRelationship(ctx.deps.store, caller, hetuOf(p)), (v) => ({
      documents: v.documents,
      rights: v.rights,
    })),
  ),
  'query-case': queryHandler(async (ctx, caller, p) =>
    mapped(await queryCases(ctx.deps.store, caller, hetuOf(p)), (cases) => ({ cases })),
  ),
  'query-document-metadata': queryHandler(async (ctx, caller, p) =>
    mapped(
      await queryDocuments(ctx.deps.store, caller, {
        hetu: p.hetu ?? '',
        palvelutehtava: p.palvelutehtava,
        prosessivaihe: p.prosessivaihe,
        caseId: p.caseId,
        documentType: p.documentType,
        from: p.from,
        to: p.to,
        status: p.status as DocumentState | undefined,
      }),
      (documents) => ({ documents }),
    ),
  ),
  'retrieve-document': queryHandler(async (ctx, caller, p) => {
    const id = p.documentId ?? (p.setId === undefined ? undefined : await currentOf(ctx, p.setId));
    if (id === undefined) {
      return {
        ok: false,
        violation: violation(RULES.QUERY_PARAMETER_MISSING, 'documentId', 'documentId or setId is required'),
      };
    }
    return mapped(await getDocumentContent(ctx.deps.store, caller, id), (v) => ({
      documents: [v.metadata],
      content: { documentId: v.metadata.id, bytes: v.bytes },
    }));
  }),
  'retrieve-summary': queryHandler(async (ctx, caller, p) =>
    mapped(await getClientSummary(ctx.deps.store, caller, hetuOf(p)), (v) => ({
      documents: v.clientRelationship,
      serviceTasks: v.serviceTasks,
    })),
  ),
} as const satisfies Record<string, OperationHandler>;

/** The current version of a set, or the set id itself so that the refusal names it. */
async function currentOf(ctx: OperationContext, setId: string): Promise<string> {
  const [current] = await ctx.deps.store.listDocuments({ setId, state: 'current' });
  return current?.id ?? setId;
}
