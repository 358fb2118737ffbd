// The package a consumer installs must carry no install-time script of ours: npm 11 asks every consumer to
// approve each package's install scripts, and `prepare` (the build and bin link of a clone) never runs from a
// tarball anyway. `npm pack` and `npm publish` run `strip` before packing and `restore` after, so the packed
// package.json has no `prepare` while the clone's stays byte for byte as committed.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const MANIFEST = 'package.json';
const BACKUP = 'package.json.before-pack';

const mode = process.argv[2];
if (mode === 'strip') {
  const text = readFileSync(MANIFEST, 'utf8');
  writeFileSync(BACKUP, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(BACKUP)) {
    renameSync(BACKUP, MANIFEST);
  }
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exit(2);
}
