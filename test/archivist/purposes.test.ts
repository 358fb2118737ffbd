/** The purpose-of-use vocabulary: what a form may state, and how the usage log stores and reads it back. */
import { describe, expect, it } from 'vitest';
import { purposeEntry, readPurpose, splitReason } from '../../server/archivist/purposes.js';

describe('stating a purpose of use', () => {
  it.each([
    { code: 'training', text: '', read: { ok: true, purpose: { code: 'training' } } },
    {
      code: 'client-request',
      text: '  pyyntö \n 42 ',
      read: { ok: true, purpose: { code: 'client-request', text: 'pyyntö 42' } },
    },
    { code: 'other', text: 'audit', read: { ok: true, purpose: { code: 'other', text: 'audit' } } },
    { code: 'other', text: '   ', read: { ok: false, problem: 'reasonText' } },
    { code: 'curiosity', text: 'x', read: { ok: false, problem: 'reason' } },
    { code: undefined, text: undefined, read: { ok: false, problem: 'reason' } },
    { code: ['training'], text: '', read: { ok: false, problem: 'reason' } },
  ])('$code + "$text" -> $read.ok', ({ code, text, read }) => {
    expect(readPurpose(code, text)).toEqual(read);
  });

  it('keeps free text to one line of 200 characters', () => {
    const read = readPurpose('other', 'x'.repeat(500));
    expect(read.ok && read.purpose.text).toHaveLength(200);
  });

  it('stores code and text as one entry and splits it back', () => {
    const entry = purposeEntry({ code: 'client-request', text: 'pyyntö 42' });
    expect(entry).toBe('client-request: pyyntö 42');
    expect(splitReason(entry)).toEqual({ code: 'client-request', text: 'pyyntö 42' });
    expect(splitReason(purposeEntry({ code: 'training' }))).toEqual({ code: 'training', text: undefined });
    expect(splitReason('curiosity')).toEqual({ text: 'curiosity' });
    expect(splitReason(undefined)).toEqual({});
  });
});
