/** One finding of a rehearsal, worded in the reader's language from its kind and values. */
import type { FindingLine } from '../../server/rehearsal/view-models.js';
import { detailMessages } from '../i18n/details.js';
import type { Lang } from '../i18n/index.js';

/** The finding as one line of text; register OIDs become names, codes and identifiers stay as they are. */
export function findingText(f: FindingLine, lang: Lang, registerName: (oid: string) => string): string {
  const d = detailMessages(lang).findings;
  const doc = f.documentId ?? '';
  const subject = (): string => {
    const a = f.about;
    if (!a) {
      return f.key ?? '';
    }
    const type = a.documentType ?? d.group(a.documentGroup ?? '–');
    return d.subject(f.key ?? doc, type, a.version);
  };
  const line = ((): string => {
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
  })();
  return f.kind === 'unexpected' ? line : `${subject()}: ${line}`;
}
