/**
 * One exchange on the Kanta interface as the floors above the archive see it: the record the journal keeps,
 * and what the fault hook may do in the archive's place. They live here, below control/ and app/, so that
 * the journal and the faults (control/) and the route that carries them out (app/) share them without
 * control/ importing a surface.
 */
import type { ExchangeOutcome } from './archive-answer.js';

export interface ExchangeRecord {
  readonly outcome: ExchangeOutcome;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly tlsSubject?: string;
  readonly correlationId: string;
  /** The injected fault that shaped this exchange (server/control/faults.ts), if any. */
  readonly fault?: InterventionLabel;
}

/** Names the fault behind an intervention, for the journal. */
export interface InterventionLabel {
  readonly id: string;
  readonly kind: string;
}

/**
 * What the fault hook may do to one exchange before the archive sees it: wait, then answer in its place
 * (an acknowledgement, a raw HTTP answer such as 503 or a SOAP fault, or a dropped connection). Every
 * action carries the outcome the journal records.
 */
export interface ExchangeIntervention {
  readonly fault?: InterventionLabel;
  readonly delayMs?: number;
  readonly action?:
    | { readonly kind: 'answer'; readonly outcome: ExchangeOutcome }
    | {
        readonly kind: 'http';
        readonly status: number;
        readonly contentType: string;
        readonly body: string;
        readonly outcome: ExchangeOutcome;
      }
    | { readonly kind: 'drop'; readonly outcome: ExchangeOutcome };
}
