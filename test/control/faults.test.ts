import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { FaultRegistry } from '../../server/control/faults.js';
import { parseFaultSpec } from '../../server/control/fault-spec.js';
import { SENTINEL_IDENTITIES } from '../../server/control/sentinels.js';
import { checkHetu, isTestIdentity } from '../../server/hl7/hetu.js';
import { DEFAULT_XML_LIMITS } from '../../server/xml/limits.js';

const registry = (random: () => number = () => 0.5, sentinels = true): FaultRegistry =>
  new FaultRegistry({ operations: loadOperationTable(), limits: DEFAULT_XML_LIMITS, sentinels, random });

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('faults', () => {
  it.each([
    [{ kind: 'boom' }, /kind/],
    [{ kind: 'ae', rule: 'NOT_A_RULE' }, /rule/],
    [{ kind: 'drop', rule: 'ARCHIVE_UNAVAILABLE' }, /rule/],
    [{ kind: 'delay' }, /delayMs/],
    [{ kind: 'delay', delayMs: 10_000_000 }, /delayMs/],
    [{ kind: 'ae', probability: 2 }, /probability/],
    [{ kind: 'ae', times: 0 }, /times/],
    [{ kind: 'ae', colour: 'red' }, /colour/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('applies probability with the given random source', () => {
    const low = registry(() => 0.1);
    low.add({ kind: 'drop', probability: 0.3 });
    expect(low.intervene({ messageBytes: bytes('<x/>') })?.action?.kind).toBe('drop');
    const high = registry(() => 0.9);
    high.add({ kind: 'drop', probability: 0.3 });
    expect(high.intervene({ messageBytes: bytes('<x/>') })).toBeUndefined();
  });

  it('adds delays up and lets the first terminal fault answer; times counts down', () => {
    const r = registry();
    r.add({ kind: 'delay', delayMs: 100 });
    r.add({ kind: 'delay', delayMs: 50, times: 1 });
    r.add({ kind: 'http-503', times: 2 });
    const first = r.intervene({ messageBytes: bytes('<x/>') });
    expect(first).toMatchObject({ delayMs: 150, action: { kind: 'http', status: 503 } });
    expect(r.list().map((f) => [f.kind, f.remaining])).toEqual([
      ['delay', undefined],
      ['http-503', 1],
    ]);
  });

  it('a fault naming an organisation does not fire for unreadable messages', () => {
    const r = registry();
    r.add({ kind: 'drop', organisation: '1.2.246.10.1.10.0' });
    expect(r.intervene({ messageBytes: bytes('not xml') })).toBeUndefined();
  });

  it('the sentinel identities are valid test hetus, and can be switched off', () => {
    for (const s of SENTINEL_IDENTITIES) {
      expect(checkHetu(s.hetu).ok).toBe(true);
      expect(isTestIdentity(s.hetu)).toBe(true);
    }
    const hetus = SENTINEL_IDENTITIES.map((s) => s.hetu);
    expect(new Set(hetus).size).toBe(hetus.length);
    const off = registry(undefined, false);
    expect(off.intervene({ messageBytes: bytes(`<x>${hetus[0] ?? ''}</x>`) })).toBeUndefined();
  });
});
