/**
 * Seeding archivists from a scenario file (`--seed`, POST /__sim/seed): validates each entry and creates it
 * through the same path as `kanta-sim archivist add`.
 */
import { KantaSimError } from '../errors.js';
import type { AddArchivistInput } from './archivists.js';

/** Creates the scenario's archivists; returns how many were created. */
export async function seedArchivists(
  entries: readonly Record<string, unknown>[],
  add: (input: AddArchivistInput) => Promise<unknown>,
): Promise<number> {
  for (const [i, entry] of entries.entries()) {
    await add(archivistInput(entry, `archivists[${i}]`));
  }
  return entries.length;
}

function archivistInput(entry: Record<string, unknown>, where: string): AddArchivistInput {
  const text = (key: string, required: boolean): string | undefined => {
    const value = entry[key];
    if (value === undefined && !required) {
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new KantaSimError('BAD_REQUEST', `seed: ${where}.${key} must be a non-empty string`);
    }
    return value;
  };
  const registers = entry.registers ?? entry.registerOids;
  if (
    registers !== undefined &&
    !(Array.isArray(registers) && registers.every((r) => typeof r === 'string'))
  ) {
    throw new KantaSimError('BAD_REQUEST', `seed: ${where}.registers must be a list of register keeper OIDs`);
  }
  return {
    organisationOid: (text('organisation', false) ?? text('organisationOid', true)) as string,
    name: text('name', true) as string,
    username: text('username', false),
    password: text('password', false),
    registerOids: registers as string[] | undefined,
  };
}
