/**
 * Fault injection on the Kanta interface: faults added through the control API, and the sentinel test
 * identities. Consulted before the archive reads a message (KantaAppDeps.beforeExchange); delays add up,
 * the first matching terminal fault (ae, ar, http-503, soap-fault, drop) answers in the archive's place.
 */
import type { X509Certificate } from 'node:crypto';
import type { ExchangeIntervention } from '../app/kanta/kanta-app.js';
import type { OperationTable } from '../codes/operations.js';
import { KantaSimError } from '../errors.js';
import type { XmlLimits } from '../xml/limits.js';
import { probeExchange, type ExchangeProbe } from './exchange-probe.js';
import { faultAction } from './fault-actions.js';
import { parseFaultSpec, type FaultSpec } from './fault-spec.js';
import { mentionsSentinel, sentinelFor } from './sentinels.js';

/** A fault as listed by GET /__sim/faults. */
export interface Fault extends FaultSpec {
  readonly id: string;
  readonly created: string;
  /** How many messages met this fault so far. */
  readonly hits: number;
  /** How many more messages it will meet (undefined = until cleared). */
  readonly remaining?: number;
}

export interface FaultRegistryOptions {
  readonly operations: OperationTable;
  readonly limits: XmlLimits;
  /** Whether the sentinel test identities are active (configuration `sentinelIdentities`). */
  readonly sentinels: boolean;
  readonly clock?: () => Date;
  /** Random numbers in [0, 1) for `probability` (tests pass a deterministic one). */
  readonly random?: () => number;
}

interface ActiveFault {
  spec: FaultSpec;
  id: string;
  created: string;
  hits: number;
  remaining?: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private counter = 0;
  private readonly random: () => number;
  private readonly clock: () => Date;

  constructor(private readonly options: FaultRegistryOptions) {
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Adds a fault from an unvalidated body (throws BAD_REQUEST naming the field) or a typed spec. */
  add(input: unknown): Fault {
    const spec = parseFaultSpec(input);
    const fault: ActiveFault = {
      spec,
      id: `fault-${++this.counter}`,
      created: this.clock().toISOString(),
      hits: 0,
      ...(spec.times === undefined ? {} : { remaining: spec.times }),
    };
    this.faults.push(fault);
    return view(fault);
  }

  list(): Fault[] {
    return this.faults.map(view);
  }

  /** Removes one fault; throws NOT_FOUND for an unknown id. */
  remove(id: string): void {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    if (this.faults.length === before) {
      throw new KantaSimError('NOT_FOUND', `no fault "${id}"`);
    }
  }

  /** Removes every fault; returns how many there were. */
  clear(): number {
    const n = this.faults.length;
    this.faults = [];
    return n;
  }

  /** The hook for KantaAppDeps.beforeExchange. */
  intervene(probeInput: {
    readonly messageBytes: Buffer;
    readonly clientCertificate?: X509Certificate;
  }): ExchangeIntervention | undefined {
    const sentinelsApply = this.options.sentinels && mentionsSentinel(probeInput.messageBytes);
    if (this.faults.length === 0 && !sentinelsApply) {
      return undefined;
    }
    const probe = probeExchange(
      probeInput.messageBytes,
      probeInput.clientCertificate,
      this.options.limits,
      this.options.operations,
    );
    const candidates: { spec: FaultSpec; id: string; active?: ActiveFault }[] = this.faults
      .filter((f) => matches(f.spec, probe) && (f.spec.probability ?? 1) > this.random())
      .map((f) => ({ spec: f.spec, id: f.id, active: f }));
    const sentinel = sentinelsApply ? sentinelFor(probe.hetu) : undefined;
    if (sentinel) {
      candidates.push({ spec: sentinel.fault, id: `sentinel-${sentinel.hetu}` });
    }
    let delayMs = 0;
    let label: ExchangeIntervention['fault'];
    for (const c of candidates) {
      const action = faultAction(c.spec, c.id, probe);
      this.spend(c.active);
      label ??= { id: c.id, kind: c.spec.kind };
      if (!action) {
        delayMs += c.spec.delayMs ?? 0;
        continue;
      }
      return { delayMs, fault: { id: c.id, kind: c.spec.kind }, action };
    }
    return label ? { delayMs, fault: label } : undefined;
  }

  private spend(fault: ActiveFault | undefined): void {
    if (!fault) {
      return;
    }
    fault.hits += 1;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) {
        this.faults = this.faults.filter((f) => f !== fault);
      }
    }
  }
}

function matches(spec: FaultSpec, probe: ExchangeProbe): boolean {
  return (
    (spec.operation === undefined || spec.operation === probe.operation) &&
    (spec.serviceRequest === undefined || spec.serviceRequest === probe.serviceRequest) &&
    (spec.interaction === undefined || spec.interaction === probe.interaction) &&
    (spec.organisation === undefined || probe.organisations.includes(spec.organisation)) &&
    (spec.hetu === undefined || spec.hetu === probe.hetu)
  );
}

function view(f: ActiveFault): Fault {
  return {
    ...f.spec,
    id: f.id,
    created: f.created,
    hits: f.hits,
    ...(f.remaining === undefined ? {} : { remaining: f.remaining }),
  };
}
