/**
 * docs/rule-codes.md is generated from the catalogue (npm run docs:rules): the committed file must equal
 * the generator's output, so the documentation never drifts, and it must name every rule code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/rules/catalogue.js';
import { fixturesByRule, renderRuleDocs, typicalCause } from '../../scripts/rule-docs.js';
import { readManifest } from '../fixtures/replay.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const committed = readFileSync(path.join(ROOT, 'docs', 'rule-codes.md'), 'utf8');

describe('docs/rule-codes.md', () => {
  it('is what npm run docs:rules generates from the catalogue', () => {
    const manifest = readManifest(path.join(ROOT, 'fixtures', 'documents'));
    expect(committed).toBe(renderRuleDocs(allRules(), fixturesByRule(manifest)));
  });

  it('documents every rule code with its severity, three languages and a typical cause', () => {
    for (const rule of allRules()) {
      const start = committed.indexOf(`### ${rule.code}\n`);
      expect(start, rule.code).toBeGreaterThan(-1);
      const block = committed.slice(start, committed.indexOf('\n### ', start + 1));
      expect(block).toContain(`- Severity: ${rule.severity} `);
      expect(block).toContain(`- fi: ${rule.fi}`);
      expect(block).toContain(`- sv: ${rule.sv}`);
      expect(block).toContain(`- en: ${rule.en}`);
      expect(block).toContain(`- Typical cause: ${typicalCause(rule.code)}`);
    }
  });

  it('links each rule of an invalid fixture to that fixture', () => {
    expect(committed).toContain('`fixtures/documents/invalid_sig_digest_mismatch.xml`');
    expect(committed).toContain('`fixtures/documents/invalid_cda_hetu_not_test_identity.xml`');
  });
});
