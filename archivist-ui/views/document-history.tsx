/** The version history: every version of the set, the field-by-field changes, and the invalidation audit. */
import type {
  FieldChange,
  InvalidationModel,
  MetadataKey,
  VersionModel,
} from '../../server/archivist/view-models.js';
import { formatHl7, formatInstant } from '../format.js';
import type { PageContext } from './context.js';
import { StateBadge } from './results.js';
import { ScrollRegion } from './scroll-region.js';

function fieldLabel(ctx: PageContext, field: string): string {
  if (field.startsWith('content:')) {
    return `${ctx.t.structured}: ${field.slice('content:'.length)}`;
  }
  return ctx.t.fields[field as MetadataKey] ?? field;
}

/** The changes from the previous version; `caption` names the table and its scroll region. */
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
            <tr>
              <th scope="row">{fieldLabel(props.ctx, c.field)}</th>
              <td class="before">{c.before ?? '–'}</td>
              <td class="after">{c.after ?? '–'}</td>
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
