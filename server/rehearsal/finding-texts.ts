/**
 * The rehearsal's findings worded in fi, sv and en, for the checklist page and the report (HTML, PDF,
 * e-mail). A finding is data (its kind, the document, the register, the fields); its English `message` is
 * for the CLI and JSON. Here, and not in archivist-ui, because the report is built on this floor.
 */
import type { Finding } from './evaluation.js';

/** A finding as data, worded here from its kind and values (its English `message` is for the CLI). */
export type FindingLine = Omit<Finding, 'message'>;

export type TextLang = 'fi' | 'sv' | 'en';

const fi = {
  subject: (key: string, type: string, version: number): string => `${key} (${type}, versio ${version})`,
  group: (group: string): string => `asiakirjaryhmä ${group}`,
  notArchived: (register: string): string => `ei arkistoitu (odotettiin rekisteriin ${register})`,
  wrongRegister: (doc: string, actual: string, expected: string): string =>
    `asiakirja ${doc} on rekisterissä ${actual}, odotettiin rekisteriä ${expected}`,
  metadataMismatch: (doc: string, field: string, actual: string, expected: string): string =>
    `asiakirjassa ${doc} tieto ${field} on ${actual}, odotettiin ${expected}`,
  clientSystemShows: (shows: string, holds: string): string =>
    `asiakastietojärjestelmä näyttää ${shows}; arkistossa on ${holds}`,
  archivistFoundMismatch: (doc: string): string =>
    `arkistonhoitaja totesi, ettei asiakirja ${doc} vastaa asiakastietojärjestelmää`,
  unexpected: (doc: string): string => `odottamaton asiakirja ${doc}`,
};

export type FindingTexts = typeof fi;

const sv: FindingTexts = {
  subject: (key: string, type: string, version: number): string => `${key} (${type}, version ${version})`,
  group: (group: string): string => `dokumentgrupp ${group}`,
  notArchived: (register: string): string => `inte arkiverat (väntades i registret ${register})`,
  wrongRegister: (doc: string, actual: string, expected: string): string =>
    `dokumentet ${doc} finns i registret ${actual}, väntades i registret ${expected}`,
  metadataMismatch: (doc: string, field: string, actual: string, expected: string): string =>
    `i dokumentet ${doc} är uppgiften ${field} ${actual}, väntades ${expected}`,
  clientSystemShows: (shows: string, holds: string): string =>
    `klientdatasystemet visar ${shows}; arkivet innehåller ${holds}`,
  archivistFoundMismatch: (doc: string): string =>
    `arkivarien konstaterade att dokumentet ${doc} inte motsvarar klientdatasystemet`,
  unexpected: (doc: string): string => `oväntat dokument ${doc}`,
};

const en: FindingTexts = {
  subject: (key: string, type: string, version: number): string => `${key} (${type}, version ${version})`,
  group: (group: string): string => `document group ${group}`,
  notArchived: (register: string): string => `not archived (expected in register ${register})`,
  wrongRegister: (doc: string, actual: string, expected: string): string =>
    `document ${doc} is in register ${actual}, expected in register ${expected}`,
  metadataMismatch: (doc: string, field: string, actual: string, expected: string): string =>
    `document ${doc} has ${field} ${actual}, expected ${expected}`,
  clientSystemShows: (shows: string, holds: string): string =>
    `the client system shows ${shows}; the archive holds ${holds}`,
  archivistFoundMismatch: (doc: string): string =>
    `the archivist found that document ${doc} does not match the client system`,
  unexpected: (doc: string): string => `unexpected document ${doc}`,
};

/** Every language's finding texts (the catalogue-completeness test reads them too). */
export const FINDING_TEXTS: Readonly<Record<TextLang, FindingTexts>> = { fi, sv, en };

function findingBody(f: FindingLine, d: FindingTexts, registerName: (oid: string) => string): string {
  const doc = f.documentId ?? '';
  switch (f.kind) {
    case 'missing':
      return d.notArchived(registerName(f.about?.registerOid ?? ''));
    case 'wrong-register':
      return d.wrongRegister(doc, registerName(f.actual ?? ''), registerName(f.expected ?? ''));
    case 'metadata-mismatch':
      return d.metadataMismatch(doc, f.field ?? '', f.actual ?? '', f.expected ?? '');
    case 'client-system-mismatch': {
      const m = f.mismatches ?? [];
      return m.length > 0
        ? d.clientSystemShows(
            m.map((x) => `${x.field} ${x.expected}`).join(', '),
            m.map((x) => x.actual).join(', '),
          )
        : `${d.archivistFoundMismatch(doc)}${f.note ? ` (${f.note})` : ''}`;
    }
    case 'unexpected':
      return d.unexpected(doc);
  }
}

/** A finding as one line in `lang`; register OIDs become names, codes and identifiers stay as they are. */
export function findingText(f: FindingLine, lang: TextLang, registerName: (oid: string) => string): string {
  const d = FINDING_TEXTS[lang];
  const body = findingBody(f, d, registerName);
  if (f.kind === 'unexpected') {
    return body;
  }
  const a = f.about;
  const subject = a
    ? d.subject(f.key ?? f.documentId ?? '', a.documentType ?? d.group(a.documentGroup ?? '–'), a.version)
    : (f.key ?? '');
  return `${subject}: ${body}`;
}
