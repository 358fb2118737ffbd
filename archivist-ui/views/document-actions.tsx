/** The archivist's actions on a document: the compare form and the first step of invalidation. */
import { COMPARE_KEYS, type CompareModel, type MetadataValue } from '../../server/archivist/view-models.js';
import { codeName, formatHl7, formatInstant } from '../format.js';
import type { PageContext } from './context.js';

type CompareKey = (typeof COMPARE_KEYS)[number];

/** The archived value as the archivist compares it: a readable date, or the code and its name once each. */
function shownValue(v: MetadataValue | undefined, lang: PageContext['lang']): string {
  if (v?.key === 'effectiveTime') {
    return formatHl7(v.text, lang);
  }
  return v ? [v.code, codeName(v, lang)].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ') : '';
}

/** One field's row: its label, the archived value, the "matches" tick and a note. */
function CompareRow(props: {
  ctx: PageContext;
  field: CompareKey;
  value?: MetadataValue;
  saved?: { readonly matches: boolean; readonly note?: string };
}) {
  const { t, lang } = props.ctx;
  const key = props.field;
  const label = key === 'displayForm' || key === 'structuredContent' ? t.compareFields[key] : t.fields[key];
  const id = `cmp-${key}`;
  return (
    <tr data-field={key}>
      <th scope="row" id={`${id}-label`}>
        <input type="hidden" name="shown" value={key} />
        {label}
      </th>
      <td>{shownValue(props.value, lang)}</td>
      <td class="center">
        <input
          type="checkbox"
          id={id}
          name={`match.${key}`}
          checked={props.saved?.matches ?? false}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-col`}
        />
        <span id={`${id}-col`} class="visually-hidden">
          {t.matches}
        </span>
      </td>
      <td>
        <input
          type="text"
          name={`note.${key}`}
          value={props.saved?.note ?? ''}
          aria-label={`${t.note}: ${label}`}
          maxLength={2000}
        />
      </td>
    </tr>
  );
}

/** The compared fields; a field the document does not carry at all is left out. */
function CompareTable(props: { ctx: PageContext; values: readonly MetadataValue[]; record?: CompareModel }) {
  const { ctx, record } = props;
  const { t } = ctx;
  const byKey = new Map(props.values.map((v) => [v.key as string, v]));
  return (
    <table class="data-table compare-table">
      <thead>
        <tr>
          <th scope="col">{t.fieldColumn}</th>
          <th scope="col">{t.valueColumn}</th>
          <th scope="col">{t.matches}</th>
          <th scope="col">{t.note}</th>
        </tr>
      </thead>
      <tbody>
        {COMPARE_KEYS.map((key) => {
          const v = byKey.get(key);
          if (v && v.code === undefined && v.text === undefined) {
            return null;
          }
          return <CompareRow ctx={ctx} field={key} value={v} saved={record?.fields[key]} />;
        })}
      </tbody>
    </table>
  );
}

export function CompareForm(props: {
  ctx: PageContext;
  documentId: string;
  values: readonly MetadataValue[];
  record?: CompareModel;
  saved: boolean;
}) {
  const { ctx, record } = props;
  const { t, lang } = ctx;
  const csrf = ctx.user?.csrf ?? '';
  const fields = record ? Object.values(record.fields) : [];
  return (
    <form
      method="post"
      action={`/archivist/documents/${encodeURIComponent(props.documentId)}/compare`}
      class="compare-form"
    >
      <input type="hidden" name="csrf" value={csrf} />
      <p>{t.compareIntro}</p>
      {props.saved && (
        <p class="alert alert-success" role="status">
          {t.compareSaved}
        </p>
      )}
      {record && (
        <p class="muted">
          {t.compareLast(record.archivistName, formatInstant(record.updatedAt, lang))} ·{' '}
          {t.compareSummary(fields.filter((f) => f.matches).length, fields.length)}
        </p>
      )}
      <CompareTable ctx={ctx} values={props.values} record={record} />
      <label for="compare-note">{t.generalNote}</label>
      <textarea id="compare-note" name="note" rows={3} maxLength={2000}>
        {record?.note ?? ''}
      </textarea>
      <div class="actions">
        <button type="button" class="button ghost js-only" id="mark-all" hidden>
          {t.markAll}
        </button>
        <button type="submit" class="button primary" id="save-compare">
          {t.saveCompare}
        </button>
      </div>
    </form>
  );
}

export function InvalidateForm(props: {
  ctx: PageContext;
  documentId: string;
  error?: string;
  reason?: string;
}) {
  const { t, user } = props.ctx;
  return (
    <form
      method="post"
      action={`/archivist/documents/${encodeURIComponent(props.documentId)}/invalidate`}
      class="invalidate-form"
    >
      <input type="hidden" name="csrf" value={user?.csrf ?? ''} />
      <p>{t.invalidateIntro}</p>
      {props.error && (
        <p class="alert alert-error" role="alert">
          {props.error}
        </p>
      )}
      <label for="invalidate-reason">{t.invalidateReason}</label>
      <textarea id="invalidate-reason" name="reason" rows={3} required minLength={3} maxLength={1000}>
        {props.reason ?? ''}
      </textarea>
      <div class="actions">
        <button type="submit" class="button danger-outline" id="invalidate-continue">
          {t.invalidateContinue}
        </button>
      </div>
    </form>
  );
}
