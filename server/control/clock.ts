/**
 * The controllable clock: every decision that reads "now" (acknowledgement timestamps, certificate validity,
 * archivedAt) reads it from here, so a test can fix time or move it (e.g. ten years ahead to see expired
 * certificates) without touching the machine's clock.
 */
import { KantaSimError } from '../errors.js';

/** What GET /__sim/clock shows. */
export interface ClockState {
  /** real: the base clock; fixed: always `fixedAt`; offset: the base clock shifted by `offsetMs`. */
  readonly mode: 'real' | 'fixed' | 'offset';
  readonly now: string;
  readonly fixedAt?: string;
  readonly offsetMs?: number;
}

/** A request to change the clock (PUT /__sim/clock). */
export type ClockSetting =
  | { readonly mode: 'real' }
  | { readonly mode: 'fixed'; readonly at: Date }
  | { readonly mode: 'offset'; readonly offsetMs: number };

export class SimClock {
  private fixedAt?: Date;
  private offsetMs = 0;

  /** `base` is the underlying time source (the machine's clock unless a test passes its own). */
  constructor(private readonly base: () => Date = () => new Date()) {}

  /** The simulated now. Pass `() => clock.now()` wherever a `clock: () => Date` is expected. */
  now(): Date {
    if (this.fixedAt) {
      return new Date(this.fixedAt.getTime());
    }
    return new Date(this.base().getTime() + this.offsetMs);
  }

  /** Freezes time at `at`. */
  set(at: Date): void {
    if (Number.isNaN(at.getTime())) {
      throw new KantaSimError('BAD_REQUEST', 'clock: not a valid instant');
    }
    this.fixedAt = new Date(at.getTime());
    this.offsetMs = 0;
  }

  /** Runs time at the real pace, shifted by `ms` (negative = in the past). */
  offset(ms: number): void {
    if (!Number.isFinite(ms)) {
      throw new KantaSimError('BAD_REQUEST', 'clock: offset must be a finite number of milliseconds');
    }
    this.fixedAt = undefined;
    this.offsetMs = ms;
  }

  /** Back to the base clock. */
  reset(): void {
    this.fixedAt = undefined;
    this.offsetMs = 0;
  }

  apply(setting: ClockSetting): ClockState {
    if (setting.mode === 'fixed') {
      this.set(setting.at);
    } else if (setting.mode === 'offset') {
      this.offset(setting.offsetMs);
    } else {
      this.reset();
    }
    return this.state();
  }

  state(): ClockState {
    const now = this.now().toISOString();
    if (this.fixedAt) {
      return { mode: 'fixed', now, fixedAt: this.fixedAt.toISOString() };
    }
    return this.offsetMs === 0 ? { mode: 'real', now } : { mode: 'offset', now, offsetMs: this.offsetMs };
  }
}

/**
 * Reads a PUT /__sim/clock body: {"mode":"real"} | {"mode":"fixed","at":ISO} | {"mode":"offset","offsetMs":n}.
 * `{"at": ISO}` alone means fixed and `{"offsetMs": n}` alone means offset.
 */
export function parseClockSetting(body: unknown): ClockSetting {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const mode = b.mode ?? (b.at !== undefined ? 'fixed' : b.offsetMs !== undefined ? 'offset' : undefined);
  if (mode === 'real') {
    return { mode };
  }
  if (mode === 'fixed') {
    const at = typeof b.at === 'string' ? new Date(b.at) : undefined;
    if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(b.at as string)) {
      throw new KantaSimError(
        'BAD_REQUEST',
        'clock: "at" must be an ISO 8601 date-time, e.g. 2036-01-01T00:00:00Z',
      );
    }
    return { mode, at };
  }
  if (mode === 'offset') {
    if (typeof b.offsetMs !== 'number' || !Number.isFinite(b.offsetMs)) {
      throw new KantaSimError('BAD_REQUEST', 'clock: "offsetMs" must be a number of milliseconds');
    }
    return { mode, offsetMs: b.offsetMs };
  }
  throw new KantaSimError(
    'BAD_REQUEST',
    'clock: give {"mode":"real"}, {"mode":"fixed","at":ISO} or {"mode":"offset","offsetMs":n}',
  );
}
