import { describe, expect, it } from 'vitest';
import { readStrictBase64 } from '../../server/hl7/base64.js';

/** The definition the archive has always applied, as one regular expression: the reference. */
function byDefinition(text: string): Buffer | 'empty' | 'invalid' {
  const b64 = text.replace(/\s+/g, '');
  if (b64 === '') {
    return 'empty';
  }
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    return 'invalid';
  }
  return Buffer.from(b64, 'base64');
}

function verdict(text: string): Buffer | 'empty' | 'invalid' {
  const r = readStrictBase64(text);
  return r.ok ? r.bytes : r.reason;
}

/** A small deterministic generator, so that a failure names a reproducible seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Characters the decoder treats specially or that look close to the alphabet.
const TRICKY = [
  '=',
  '-',
  '_',
  '.',
  '!',
  '\0',
  '\u0141',
  '\u0100',
  '\u00e4',
  '\u2028',
  '\u00a0',
  '\ufeff',
  '\ud800',
];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('readStrictBase64', () => {
  it('decodes MIME-wrapped Base64 with any whitespace between characters', () => {
    const bytes = Buffer.from('Hyvää päivää, Kanta! '.repeat(20));
    const wrapped = (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n \t');
    const r = readStrictBase64(`\n ${wrapped}\n`);
    expect(r.ok && r.bytes.equals(bytes)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    [' \r\n\t', 'empty'],
    ['QUJD', 'ABC'],
    ['QUI=', 'AB'],
    ['QQ==', 'A'],
  ])('reads %j as %j', (text, expected) => {
    const r = readStrictBase64(text);
    expect(r.ok ? r.bytes.toString('latin1') : r.reason).toBe(expected);
  });

  it.each([
    ['QUJ', 'a length that is not a multiple of four'],
    ['Q===', 'three padding characters'],
    ['QQ==QUJD', 'padding before the end'],
    ['QU=D', 'padding inside the last quantum'],
    ['QUJ-', "the URL-safe alphabet's '-', which the decoder would take"],
    ['QUJ_', "the URL-safe alphabet's '_'"],
    ['QUJ!', 'a character outside the alphabet, which the decoder would skip'],
    ['QUJ\u0141', 'a character whose low byte is an alphabet letter (U+0141, 0x41 is A)'],
    ['QUJ\0', 'a NUL'],
  ])('refuses %j: %s', (text) => {
    expect(readStrictBase64(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('gives the verdict and bytes of the regular-expression definition on 20,000 generated texts', () => {
    const next = random(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    for (let n = 0; n < 20_000; n++) {
      const valid = Buffer.from(
        Array.from({ length: Math.floor(next() * 12) }, () => Math.floor(next() * 256)),
      );
      const chars = [...valid.toString('base64')];
      // Mutate a valid encoding: a tricky character inserted or replacing one, or a character dropped.
      const edits = Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (chars.length + 1));
        const kind = next();
        if (kind < 0.4) {
          chars.splice(at, 0, pick(TRICKY));
        } else if (kind < 0.7) {
          chars.splice(at, 1, pick(TRICKY));
        } else if (kind < 0.85) {
          chars.splice(at, 1);
        } else {
          chars.splice(at, 0, pick([...ALPHABET, ' ', '\n']));
        }
      }
      const text = chars.join('');
      expect(verdict(text), `text ${JSON.stringify(text)} (case ${n})`).toEqual(byDefinition(text));
    }
  });
});
