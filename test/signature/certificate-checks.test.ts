/**
 * A certificate in KeyInfo is attacker-controlled bytes. Found by the resilience fuzzer: a DER that still
 * parses can carry a validity date or a public key that cannot be decoded, and reading them threw (an
 * HTTP 500). Every single-character corruption of the signer's certificate must be a refusal with a
 * signature rule, never an exception.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { codesOf, verifyText } from './support/documents.js';
import { createScenario, type Scenario } from './support/scenario.js';

let s: Scenario;
beforeAll(() => {
  s = createScenario();
});

describe('reading the signer certificate from KeyInfo', () => {
  it('refuses every corrupted character of the certificate with a SIG_ rule, and never throws', () => {
    const match = /<(?:ds:)?X509Certificate>([^<]+)</.exec(s.signedPro);
    if (!match?.[1]) {
      throw new Error('the signed document carries no X509Certificate');
    }
    const start = s.signedPro.indexOf(match[1]);
    const refusals = new Set<string>();
    let changed = 0;
    for (let at = start; at < start + match[1].length; at++) {
      const replacement = s.signedPro[at] === 'Q' ? 'R' : 'Q';
      const corrupted = match[1].slice(0, at - start) + replacement + match[1].slice(at - start + 1);
      if (Buffer.from(corrupted, 'base64').equals(Buffer.from(match[1], 'base64'))) {
        continue; // the last character's unused low bits: the same DER
      }
      const xml = s.signedPro.slice(0, at) + replacement + s.signedPro.slice(at + 1);
      const codes = codesOf(verifyText(xml, s.ctx()));
      expect(codes.length, `corruption at ${at - start}`).toBeGreaterThan(0);
      expect(
        codes.every((c) => c.startsWith('SIG_')),
        codes.join(' '),
      ).toBe(true);
      codes.forEach((c) => refusals.add(c));
      changed++;
    }
    expect(changed).toBeGreaterThan(500);
    expect(refusals).toContain('SIG_CERT_INVALID');
  });
});
