/**
 * The operation table as data: which archive operation an interactionId + service request (palvelupyyntö)
 * asks for. Only SP1 and SP17 with RCMR_IN200002FI01 are confirmed; the rest are kanta-sim conventions kept
 * in ./operations.json so that they can be corrected without touching code.
 */
import { fileURLToPath } from 'node:url';
import { KantaSimError } from '../errors.js';
import { dataFileError, readJsonDataFile } from './read-data-file.js';

export const DEFAULT_OPERATIONS_FILE = fileURLToPath(new URL('./operations.json', import.meta.url));

export const OPERATION_NAMES = [
  'archive-client-relationship-document',
  'archive-client-document',
  'archive-case-document',
  'archive-old-document',
  'archive-new-version',
  'invalidate',
  'query-client-relationship',
  'query-case',
  'query-document-metadata',
  'retrieve-document',
  'retrieve-summary',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export interface Operation {
  readonly operation: OperationName;
  readonly interactionId: string;
  readonly serviceRequest: string;
  readonly kind: 'archive' | 'query';
  /** Whether the frame carries subject/clinicalDocument with a MIME package. */
  readonly carriesDocument: boolean;
  /** Accepted documentGroup codes; undefined = any. */
  readonly documentGroups?: readonly string[];
  readonly confirmed: boolean;
  /** Queries: the interaction id of the answer (RCMR_IN100002FI01 in the shipped table). */
  readonly responseInteractionId?: string;
  readonly note?: string;
}

export interface OperationTable {
  resolve(interactionId: string, serviceRequest: string): Operation | undefined;
  interactions(): Set<string>;
  all(): readonly Operation[];
}

/** Loads and checks the table; a bad file is CONFIG_INVALID naming the file and the entry. */
export function loadOperationTable(file: string = DEFAULT_OPERATIONS_FILE): OperationTable {
  const bad = dataFileError('operation table', file);
  const raw = readJsonDataFile('operation table', file);
  const list =
    typeof raw === 'object' && raw !== null ? (raw as { operations?: unknown }).operations : undefined;
  if (!Array.isArray(list)) {
    throw bad('"operations" must be an array');
  }
  return operationTableFrom(
    list.map((entry: unknown, i: number) => checkOperation(entry, i, bad)),
    bad,
  );
}

/** Builds the table from operations in memory; duplicate interactionId + serviceRequest pairs are refused. */
export function operationTableFrom(
  operations: readonly Operation[],
  bad: (why: string) => Error = (why) => new KantaSimError('CONFIG_INVALID', `operation table: ${why}`),
): OperationTable {
  const byKey = new Map<string, Operation>();
  for (const op of operations) {
    const key = `${op.interactionId}\u0000${op.serviceRequest}`;
    if (byKey.has(key)) {
      throw bad(`${op.interactionId} + ${op.serviceRequest} is mapped twice`);
    }
    byKey.set(key, Object.freeze({ ...op }));
  }
  const frozen = Object.freeze([...byKey.values()]);
  return Object.freeze({
    resolve: (interactionId: string, serviceRequest: string) =>
      byKey.get(`${interactionId}\u0000${serviceRequest}`),
    interactions: () => new Set(frozen.map((o) => o.interactionId)),
    all: () => frozen,
  });
}

function checkOperation(entry: unknown, i: number, bad: (why: string) => Error): Operation {
  if (typeof entry !== 'object' || entry === null) {
    throw bad(`operations[${i}] must be an object`);
  }
  const e = entry as Record<string, unknown>;
  if (typeof e.operation !== 'string' || !(OPERATION_NAMES as readonly string[]).includes(e.operation)) {
    throw bad(`operations[${i}].operation must be one of ${OPERATION_NAMES.join(', ')}`);
  }
  for (const key of ['interactionId', 'serviceRequest'] as const) {
    if (typeof e[key] !== 'string' || e[key] === '') {
      throw bad(`operations[${i}].${key} must be a non-empty string`);
    }
  }
  if (e.kind !== 'archive' && e.kind !== 'query') {
    throw bad(`operations[${i}].kind must be "archive" or "query"`);
  }
  if (typeof e.carriesDocument !== 'boolean' || typeof e.confirmed !== 'boolean') {
    throw bad(`operations[${i}] needs booleans "carriesDocument" and "confirmed"`);
  }
  const groups = e.documentGroups;
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) {
    throw bad(`operations[${i}].documentGroups must be an array of strings`);
  }
  return {
    operation: e.operation as OperationName,
    interactionId: e.interactionId as string,
    serviceRequest: e.serviceRequest as string,
    kind: e.kind,
    carriesDocument: e.carriesDocument,
    confirmed: e.confirmed,
    ...(groups === undefined ? {} : { documentGroups: groups as string[] }),
    ...(typeof e.responseInteractionId === 'string' && e.responseInteractionId !== ''
      ? { responseInteractionId: e.responseInteractionId }
      : {}),
    ...(typeof e.note === 'string' ? { note: e.note } : {}),
  };
}
