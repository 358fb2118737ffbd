/**
 * Every operation of the operation table, by name, to the handler that performs it. A new operation is a
 * new entry here and a handler in its own file, never a branch in the service.
 */
import type { OperationName } from '../codes/operations.js';
import { archiveHandler } from './archive-document.js';
import type { OperationHandler } from './operation-context.js';
import { QUERY_HANDLERS } from './query-handlers.js';

const archive = archiveHandler();

export const OPERATION_HANDLERS: Readonly<Record<OperationName, OperationHandler>> = Object.freeze({
  'archive-client-relationship-document': archive,
  'archive-client-document': archive,
  'archive-case-document': archive,
  'archive-old-document': archive,
  'archive-new-version': archiveHandler({ mustBeNewVersion: true }),
  invalidate: archiveHandler({ mustNullify: true }),
  ...QUERY_HANDLERS,
});
