/**
 * Writes docs/rule-codes.md from the rule catalogue (and the committed fixtures' manifest).
 *
 *   npm run docs:rules
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../server/rules/catalogue.js';
import { fixturesByRule, renderRuleDocs } from './rule-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(
  readFileSync(path.join(root, 'fixtures', 'documents', 'manifest.json'), 'utf8'),
) as Parameters<typeof fixturesByRule>[0];
const file = path.join(root, 'docs', 'rule-codes.md');
writeFileSync(file, renderRuleDocs(allRules(), fixturesByRule(manifest)));
process.stdout.write(`wrote ${file}\n`);
