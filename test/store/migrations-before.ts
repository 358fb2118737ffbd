/** The migrations a database had before `name` was released: for tests that upgrade an older schema. */
import { MIGRATIONS, type Migration } from '../../server/store/migrations.js';

export function migrationsBefore(name: string): readonly Migration[] {
  const index = MIGRATIONS.findIndex((m) => m.name === name);
  if (index === -1) {
    throw new Error(`no migration named ${name}`);
  }
  return MIGRATIONS.slice(0, index);
}
