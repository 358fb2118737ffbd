/**
 * Reading the replaceable data files (code lists, the operation table): every problem is CONFIG_INVALID
 * naming the file, so a user who dropped in an official list learns which file to fix.
 */
import { readFileSync } from 'node:fs';
import { KantaSimError } from '../errors.js';

/** An error factory for one data file: `bad('why')` names the file and keeps the cause. */
export function dataFileError(what: string, file: string): (why: string, cause?: unknown) => KantaSimError {
  return (why, cause) =>
    new KantaSimError(
      'CONFIG_INVALID',
      `${what} ${file}: ${why}`,
      cause === undefined ? undefined : { cause },
    );
}

/** Parses a JSON data file, or throws CONFIG_INVALID naming it. */
export function readJsonDataFile(what: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw dataFileError(what, file)('not readable JSON', cause);
  }
}
