// tsc compiles TypeScript only: the data files the server loads at run time (code lists, the operation
// table) are copied beside the compiled modules so that dist/ runs on its own.
import { cpSync } from 'node:fs';

for (const [from, to] of [
  ['server/codes/lists', 'dist/server/codes/lists'],
  ['server/codes/operations.json', 'dist/server/codes/operations.json'],
  ['server/archivist/content-fields.json', 'dist/server/archivist/content-fields.json'],
  ['archivist-ui/static', 'dist/archivist-ui/static'],
]) {
  cpSync(from, to, { recursive: true });
}
