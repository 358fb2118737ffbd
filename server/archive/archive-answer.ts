/**
 * The outcome of one exchange on the Kanta interface, before it is rendered: the route turns it into an
 * HTTP response, the journal records it.
 */
import type { RuleViolation } from '../rules/rule.js';
import type { EnvelopeStyle, InstanceId } from '../wire/archive-frame.js';
import type { QueryPayload } from '../wire/query-response.js';

export type AckType = 'AA' | 'AE' | 'AR';

export interface ExchangeOutcome {
  readonly typeCode: AckType;
  readonly violations: readonly RuleViolation[];
  readonly warnings: readonly RuleViolation[];
  readonly style: EnvelopeStyle;
  readonly targetMessageId?: InstanceId;
  readonly senderOid?: string;
  readonly interactionId?: string;
  readonly serviceRequest?: string;
  readonly documentId?: string;
  /** True when the same document was archived before and this answer repeats the earlier one. */
  readonly repeated?: boolean;
  /** HTTP status the answer travels with (200 for every HL7 answer; 403 for a missing TLS identity). */
  readonly httpStatus: number;
  /** Present for a query: the answer is a query response (with this payload when accepted), not a bare ack. */
  readonly query?: { readonly responseInteractionId?: string; readonly payload?: QueryPayload };
}

/** Builds a refusal outcome from violations, choosing AR when any wrapper-level rule failed. */
export function refusal(
  violations: readonly RuleViolation[],
  context: Omit<ExchangeOutcome, 'typeCode' | 'violations' | 'warnings' | 'httpStatus'> & {
    httpStatus?: number;
  },
): ExchangeOutcome {
  const typeCode: AckType = violations.some((v) => v.rule.severity === 'AR') ? 'AR' : 'AE';
  return { ...context, typeCode, violations, warnings: [], httpStatus: context.httpStatus ?? 200 };
}
