/** The version history: every version of the set, the field-by-field changes, and the invalidation audit. */
import type { FieldChange, InvalidationModel, VersionModel } from '../../server/archivist/view-models.js';
import { formatHl7, formatInstant } from '../format.js';
import { documentContentMessages } from '../i18n/document-content.js';
import type { PageContext } from './context.js';
import { fieldLabel, LeafValue, metadataText } from './document-content.js';
import { StateBadge } from './results.js';
import { ScrollRegion } from './scroll-region.js';

/** The changed field in words: a metadata field's name, or the content's labels joined from the root. */
function changeLabel(ctx: PageContext, change: FieldChange): string {
  if (change.kind === 'metadata') {
    return ctx.t.fields[change.field];
  }
  const words = documentContentMessages(ctx.lang);
  const path = change.labels.map((l) => (typeof l === 'number' ? `${l}.` : fieldLabel(l, ctx.lang)));
  return [words.contentPrefix, ...path].join(' › ');
}

/** One side of a change: formatted the way the metadata table or the structured content shows it. */
function ChangeValue(props: { ctx: PageContext; change: FieldChange; side: 'before' | 'after' }) {
  const { ctx, change } = props;
  const { t, lang } = ctx;
  if (change.kind === 'metadata') {
    const v = change[props.side];
    const shown = v ? metadataText(v, lang, t.states as Record<string, string>) : undefined;
    return shown ? <span>{shown}</span> : <span class="muted">–</span>;
  }
  const v = change[props.side];
  return v ? <LeafValue value={v} lang={lang} /> : <span class="muted">–</span>;
}

function Changes(props: { ctx: PageContext; changes: readonly FieldChange[]; caption: string }) {
  const { t } = props.ctx;
  if (props.changes.length === 0) {
    return <p class="muted">{t.noChanges}</p>;
  }
  return (
    <ScrollRegion label={props.caption}>
      <table class="data-table diff">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.fieldColumn}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr data-field={c.field}>
              <th scope="row">{changeLabel(props.ctx, c)}</th>
              <td class="before">
                <ChangeValue ctx={props.ctx} change={c} side="before" />
              </td>
              <td class="after">
                <ChangeValue ctx={props.ctx} change={c} side="after" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function InvalidationNote(props: { ctx: PageContext; record: InvalidationModel }) {
  const { t, lang } = props.ctx;
  const r = props.record;
  const who = r.via === 'client-system' ? t.invalidatedByClientSystem : (r.by.name ?? r.by.id);
  return (
    <div class="alert alert-warning invalidation-note" role="note">
      <strong>{t.invalidatedNote(who, formatInstant(r.at, lang))}</strong>
      {r.reason && (
        <p>
          {t.invalidatedReason}: {r.reason}
        </p>
      )}
    </div>
  );
}

export function VersionHistory(props: {
  ctx: PageContext;
  versions: readonly VersionModel[];
  currentId: string;
}) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const invalidation = props.versions.find((v) => v.document.stored.invalidation)?.document.stored
    .invalidation;
  return (
    <div class="history">
      {invalidation && <InvalidationNote ctx={ctx} record={invalidation} />}
      <ol class="versions">
        {props.versions.map((v, i) => {
          const s = v.document.stored;
          const previous = props.versions[i - 1];
          return (
            <li class={s.id === props.currentId ? 'version current-version' : 'version'}>
              <h3>
                {s.id === props.currentId ? (
                  <span>
                    {t.version} {s.versionNumber} ({t.thisVersion})
                  </span>
                ) : (
                  <a href={`/archivist/documents/${encodeURIComponent(s.id)}`}>
                    {t.version} {s.versionNumber}
                  </a>
                )}{' '}
                <StateBadge ctx={ctx} state={s.state ?? s.status} />
              </h3>
              <p class="doc-facts">
                <span>
                  {t.documentDate}: {formatHl7(s.effectiveTime, lang) || '–'}
                </span>
                <span>
                  {t.archived}: {formatInstant(s.archivedAt, lang)}
                </span>
                <code>{s.id}</code>
              </p>
              {previous ? (
                <>
                  <h4>{t.changesFrom(previous.document.stored.versionNumber)}</h4>
                  <Changes
                    ctx={ctx}
                    changes={v.changes}
                    caption={t.changesFrom(previous.document.stored.versionNumber)}
                  />
                </>
              ) : (
                <p class="muted">{t.firstVersion}</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
