/** The archivist's actions on a document: the compare form and the first step of invalidation. */
import { COMPARE_KEYS } from '../../server/archivist/compare.js';
import type { MetadataValue } from '../../server/archivist/metadata-fields.js';
import type { CompareRecord } from '../../server/store/compare-record-store.js';
import { codeName, formatHl7, formatInstant } from '../format.js';
import type { PageContext } from './context.js';

export function CompareForm(props: {
  ctx: PageContext;
  documentId: string;
  values: readonly MetadataValue[];
  record?: CompareRecord;
  saved: boolean;
}) {
  const { ctx, record } = props;
  const { t, lang } = ctx;
  const csrf = ctx.user?.csrf ?? '';
  const byKey = new Map(props.values.map((v) => [v.key as string, v]));
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
            const label =
              key === 'displayForm' || key === 'structuredContent' ? t.compareFields[key] : t.fields[key];
            const saved = record?.fields[key];
            const id = `cmp-${key}`;
            return (
              <tr data-field={key}>
                <th scope="row" id={`${id}-label`}>
                  <input type="hidden" name="shown" value={key} />
                  {label}
                </th>
                <td>
                  {v?.key === 'effectiveTime'
                    ? formatHl7(v.text, lang)
                    : v
                      ? [v.code, codeName(v, lang)].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ')
                      : ''}
                </td>
                <td class="center">
                  <input
                    type="checkbox"
                    id={id}
                    name={`match.${key}`}
                    checked={saved?.matches ?? false}
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
                    value={saved?.note ?? ''}
                    aria-label={`${t.note}: ${label}`}
                    maxLength={2000}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
