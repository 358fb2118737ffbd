import { describe, expect, it } from 'vitest';
import { checkHetu, isTestIdentity } from '../../server/hl7/hetu.js';

describe('checkHetu', () => {
  it.each([
    { hetu: '010181-900C', birthDate: '1981-01-01', nnn: 900 },
    { hetu: '180418A903L', birthDate: '2018-04-18', nnn: 903 },
    { hetu: '200111A904P', birthDate: '2011-01-20', nnn: 904 },
    { hetu: '010181-123A', birthDate: '1981-01-01', nnn: 123 },
    { hetu: '010181Y900C', birthDate: '1981-01-01', nnn: 900 },
    { hetu: '010181U900C', birthDate: '1981-01-01', nnn: 900 },
    { hetu: '010181+900C', birthDate: '1881-01-01', nnn: 900 },
    { hetu: '180418F903L', birthDate: '2018-04-18', nnn: 903 },
    { hetu: '290200A900B', birthDate: '2000-02-29', nnn: 900 },
  ])('accepts $hetu', ({ hetu, birthDate, nnn }) => {
    expect(checkHetu(hetu)).toEqual({ ok: true, birthDate, individualNumber: nnn });
  });

  it.each([
    { hetu: '010181-900D', why: 'check character' },
    { hetu: '290223A9009', why: 'not a calendar date' }, // 29.2.2023
    { hetu: '310481-900X', why: 'not a calendar date' },
    { hetu: '011381-900C', why: 'not a calendar date' },
    { hetu: '010181G900C', why: 'form' }, // G is no century sign
    { hetu: '010181-900', why: 'form' },
    { hetu: '010181-900c', why: 'form' },
    { hetu: ' 010181-900C', why: 'form' },
  ])('refuses $hetu ($why)', ({ hetu, why }) => {
    const r = checkHetu(hetu);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why === 'form' ? 'DDMMYYCNNNX' : why);
  });
});

describe('isTestIdentity', () => {
  it.each([
    { hetu: '010181-900C', test: true },
    { hetu: '180418A903L', test: true },
    { hetu: '200111A904P', test: true },
    { hetu: '010181-123A', test: false },
    { hetu: '010181-900D', test: false },
  ])('$hetu -> $test', ({ hetu, test }) => {
    expect(isTestIdentity(hetu)).toBe(test);
  });
});
