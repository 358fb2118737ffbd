/**
 * The rehearsal's deviations, worded in the reader's language from the data the rehearsal hands over
 * (kind + parameters): codes, OIDs and document ids stay as they are, everything else is from the catalogue.
 */
import type { DeviationLine, ExpectedRef, FieldDifference } from '../../server/rehearsal/view-models.js';
import type { RehearsalDeviationMessages } from '../i18n/rehearsal-deviations.js';

type Names = (oid: string) => string;

/** "kertomus (12007, versio 1)": the test case's key, the type (or group) and the version. */
function expectedName(e: ExpectedRef, m: RehearsalDeviationMessages): string {
  const kind = e.documentType ?? (e.documentGroup === undefined ? undefined : m.group(e.documentGroup));
  return `${e.key} (${[kind, m.version(e.version)].filter((x) => x !== undefined).join(', ')})`;
}

function valueText(field: string, v: string | undefined, m: RehearsalDeviationMessages): string {
  if (v === undefined) {
    return m.noValue;
  }
  if (field === 'invalidated') {
    return v === 'true' ? m.yes : m.no;
  }
  return v;
}

function fieldName(field: string, m: RehearsalDeviationMessages): string {
  return m.fields[field] ?? field;
}

function differenceText(
  what: string,
  id: string,
  d: FieldDifference,
  m: RehearsalDeviationMessages,
  names: Names,
): string {
  if (d.rule === 'other-case') {
    return m.otherCase(what, id, d.otherCase ?? '');
  }
  if (d.rule === 'same-set') {
    return m.sameSet(what, id);
  }
  const shown = (v: string | undefined): string =>
    d.field === 'registerOid' && v !== undefined ? names(v) : valueText(d.field, v, m);
  return m.differs(what, id, fieldName(d.field, m), shown(d.actual), shown(d.expected));
}

/** One deviation as a sentence in the reader's language. */
export function deviationText(line: DeviationLine, m: RehearsalDeviationMessages, names: Names): string {
  switch (line.kind) {
    case 'missing':
      return m.missing(expectedName(line.expected, m), names(line.registerOid));
    case 'wrong-register':
      return m.wrongRegister(
        expectedName(line.expected, m),
        line.documentId,
        names(line.registerOid),
        names(line.expectedRegisterOid),
      );
    case 'metadata-mismatch':
      return differenceText(expectedName(line.expected, m), line.documentId, line.difference, m, names);
    case 'client-system-mismatch': {
      const what = expectedName(line.expected, m);
      const text =
        line.differences.length > 0
          ? m.clientSystemDiffers(
              what,
              line.differences
                .map((d) =>
                  m.clientSystemField(
                    fieldName(d.field, m),
                    valueText(d.field, d.expected, m),
                    valueText(d.field, d.actual, m),
                  ),
                )
                .join('; '),
            )
          : m.archivistFoundDifference(what, line.documentId);
      return line.note === undefined ? text : `${text}; ${m.note(line.note)}`;
    }
    case 'not-compared':
      return m.notCompared(expectedName(line.expected, m), line.documentId);
    case 'unexpected': {
      const kind =
        line.documentType ?? (line.documentGroup === undefined ? undefined : m.group(line.documentGroup));
      const details = [kind, m.version(line.version), names(line.registerOid)].filter((x) => x !== undefined);
      return m.unexpected(line.documentId, details.join(', '));
    }
    case 'refusal':
      return m.refused(
        line.documentId ?? m.aMessage,
        line.senderOid === undefined ? m.unknownSender : names(line.senderOid),
        line.typeCode,
        line.rules.join(', '),
      );
  }
}

/** The deviations as a numbered list, each item marked with its kind for tests and styles. */
export function DeviationList(props: {
  deviations: readonly DeviationLine[];
  m: RehearsalDeviationMessages;
  names: Names;
  labelledBy: string;
}) {
  return (
    <ol class="findings" aria-labelledby={props.labelledBy}>
      {props.deviations.map((line) => (
        <li data-kind={line.kind}>{deviationText(line, props.m, props.names)}</li>
      ))}
    </ol>
  );
}
