// In a clone, `npx kanta-sim` should run this checkout's build at once. npm links the bins of dependencies
// into node_modules/.bin but not the project's own, so npx would install the clone into its cache (running
// the whole build) and race when two calls start together. Linking the bin like a dependency's avoids that.
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';

const bin = 'node_modules/.bin/kanta-sim';
const target = '../../dist/server/main.js';
if (existsSync('node_modules')) {
  mkdirSync('node_modules/.bin', { recursive: true });
  try {
    if (lstatSync(bin)) {
      unlinkSync(bin);
    }
  } catch {
    // no earlier link
  }
  symlinkSync(target, bin);
  chmodSync('dist/server/main.js', 0o755);
}
