/**
 * The field dictionary of the structured content (./content-fields.json): labels of the JSON keys in
 * fi/sv/en, per document type with common ones beside, and names of the identifier and code systems that
 * have no code list. A key the dictionary does not know is split into words and nothing more: the keys are
 * written without diacritics and guessing them back would put words in the document's mouth.
 */
import { fileURLToPath } from 'node:url';
import { readJsonDataFile } from '../codes/read-data-file.js';
import type { CodeNames } from './metadata-fields.js';

const DICTIONARY_FILE = fileURLToPath(new URL('./content-fields.json', import.meta.url));

type Labels = Readonly<Record<string, CodeNames>>;

export interface FieldDictionary {
  readonly common: Labels;
  readonly documentTypes: Readonly<Record<string, Labels>>;
  readonly codeSystems: Labels;
}

/** A field's label: the dictionary's names when it knows the key, and always the humanised key. */
export interface FieldLabel {
  readonly names?: CodeNames;
  readonly humanised: string;
}

let loaded: FieldDictionary | undefined;

/** The shipped dictionary, read once. */
export function fieldDictionary(): FieldDictionary {
  loaded ??= readJsonDataFile('field dictionary', DICTIONARY_FILE) as FieldDictionary;
  return loaded;
}

/** `kuvaus_asiakkaan_tilanteesta` -> `Kuvaus asiakkaan tilanteesta`, `startDate` -> `Start date`. */
export function humaniseKey(key: string): string {
  const words = key
    .replace(/([a-zäöå])([A-ZÄÖÅ])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The labeller of one document: the dictionary entries of its specific type, then its general type, then
 * its group (`group:1`), then the common ones.
 */
export function labellerFor(
  typeKeys: readonly (string | undefined)[],
  dictionary: FieldDictionary = fieldDictionary(),
): (key: string) => FieldLabel {
  const tables = [
    ...typeKeys.flatMap((k) =>
      k !== undefined && dictionary.documentTypes[k] ? [dictionary.documentTypes[k]] : [],
    ),
    dictionary.common,
  ];
  return (key) => {
    const names = tables.find((t) => t[key] !== undefined)?.[key];
    return { ...(names ? { names } : {}), humanised: humaniseKey(key) };
  };
}
