/**
 * The typed form of one inbound message, built once at the wire edge by readInboundRequest
 * (read-inbound-request.ts): how it arrived, its transmission wrapper and control act, the operation the
 * operation table names, and what that operation carries (query parameters or the document package).
 * The domain reads these values and never walks the message's XML.
 */
import type { Operation } from '../codes/operations.js';
import type { RuleViolation } from '../rules/rule.js';
import type { ArchiveFrame, EnvelopeStyle } from './archive-frame.js';
import type { QueryParameters } from './query-request.js';

/**
 * The frame's MIME package opened: the CDA part's bytes exactly as sent (what the signatures cover and
 * what the archive stores), or the rule the package broke.
 */
export type DocumentPackage =
  | {
      readonly ok: true;
      /** The document id the part was sought by (the frame copy's id/@root). */
      readonly documentId: string;
      readonly cdaBytes: Buffer;
      /** Tolerated oddities of the package (e.g. missing MIME headers), added to an AA. */
      readonly warnings: readonly RuleViolation[];
    }
  | { readonly ok: false; readonly violation: RuleViolation };

export interface InboundRequest {
  /** How the message arrived, so that the answer is given in the same style. */
  readonly style: EnvelopeStyle;
  /** The transmission wrapper, the control act and the frame's metadata copy of the document. */
  readonly frame: ArchiveFrame;
  readonly operation: Operation;
  /** A query's parameters (operations of kind query). */
  readonly query?: QueryParameters;
  /** The document package (operations of kind archive, and any operation that carries a document). */
  readonly document?: DocumentPackage;
  /** Warnings about the wire form (an encoding other than UTF-8), for the AA. */
  readonly warnings: readonly RuleViolation[];
}

/**
 * A refused reading, with whatever was read before the refusal: the style for the answer, the frame and
 * operation for the answer's echo and for fault matching, and the request itself when only the frame's
 * own rules failed (SHARK goes on to check the document, to list every failed rule at once).
 */
export interface RefusedReading {
  readonly ok: false;
  readonly style: EnvelopeStyle;
  readonly frame?: ArchiveFrame;
  readonly operation?: Operation;
  readonly request?: InboundRequest;
  readonly violations: readonly RuleViolation[];
}

export type InboundReading = { readonly ok: true; readonly request: InboundRequest } | RefusedReading;
