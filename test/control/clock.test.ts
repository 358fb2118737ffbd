import { describe, expect, it } from 'vitest';
import { parseClockSetting, SimClock } from '../../server/control/clock.js';

describe('SimClock', () => {
  const base = new Date('2026-05-01T10:00:00Z');
  it.each([
    { setting: { mode: 'real' }, expected: '2026-05-01T10:00:00.000Z', mode: 'real' },
    { setting: { at: '2036-01-01T00:00:00Z' }, expected: '2036-01-01T00:00:00.000Z', mode: 'fixed' },
    { setting: { offsetMs: -60_000 }, expected: '2026-05-01T09:59:00.000Z', mode: 'offset' },
  ])('$mode', ({ setting, expected, mode }) => {
    const clock = new SimClock(() => base);
    const state = clock.apply(parseClockSetting(setting));
    expect(state.mode).toBe(mode);
    expect(clock.now().toISOString()).toBe(expected);
    clock.reset();
    expect(clock.now().toISOString()).toBe(base.toISOString());
  });

  it.each([{}, { mode: 'fixed', at: 'soon' }, { mode: 'offset', offsetMs: 'x' }, { mode: 'warp' }])(
    'refuses %j by name',
    (body) => {
      expect(() => parseClockSetting(body)).toThrow(/clock/);
    },
  );
});
