/** The metadata table and the structured content as a labelled, readable view. */
import type { MetadataValue } from '../../server/archivist/view-models.js';
import { codeName, formatHl7, formatInstant } from '../format.js';
import type { PageContext } from './context.js';

const TIME_FIELDS = new Set(['effectiveTime', 'creationTime']);

export function MetadataTable(props: { ctx: PageContext; values: readonly MetadataValue[] }) {
  const { t, lang } = props.ctx;
  const states = t.states as Record<string, string>;
  return (
    <table class="data-table metadata-table">
      <caption class="visually-hidden">{t.metadata}</caption>
      <thead>
        <tr>
          <th scope="col">{t.fieldColumn}</th>
          <th scope="col">{t.codeColumn}</th>
          <th scope="col">{t.valueColumn}</th>
        </tr>
      </thead>
      <tbody>
        {props.values.map((v) => {
          let shown: string | undefined;
          if (v.key === 'status') {
            shown = v.code ? (states[v.code] ?? v.code) : undefined;
          } else if (v.key === 'archivedAt') {
            shown = formatInstant(v.text, lang);
          } else if (TIME_FIELDS.has(v.key)) {
            shown = formatHl7(v.text, lang);
          } else {
            shown = codeName(v, lang);
          }
          const differs = v.names && v.text && codeName(v, lang) !== v.text;
          return (
            <tr data-field={v.key}>
              <th scope="row">{t.fields[v.key]}</th>
              <td class="code">{v.key === 'status' ? '' : (v.code ?? '')}</td>
              <td>
                {shown || <span class="muted">{t.notGiven}</span>}
                {differs && <span class="doc-text"> ({v.text})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** `kuvaus_asiakkaan_tilanteesta` -> `Kuvaus asiakkaan tilanteesta`. */
function label(key: string): string {
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isCode(v: unknown): v is { code: string; display?: string; system?: string } {
  return (
    typeof v === 'object' && v !== null && 'code' in v && typeof (v as { code: unknown }).code === 'string'
  );
}

function Value(props: { value: unknown; yes: string; no: string }) {
  const v = props.value;
  if (v === null || v === undefined) {
    return <span class="muted">–</span>;
  }
  if (typeof v === 'boolean') {
    return <span>{v ? props.yes : props.no}</span>;
  }
  if (typeof v !== 'object') {
    return <span class="json-text">{String(v)}</span>;
  }
  if (isCode(v)) {
    return (
      <span>
        {v.display ?? v.code} <span class="code">({v.code})</span>
      </span>
    );
  }
  if (Array.isArray(v)) {
    return (
      <ol class="json-list">
        {v.map((item) => (
          <li>
            <Value value={item} yes={props.yes} no={props.no} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <dl class="json-object">
      {Object.entries(v as Record<string, unknown>).map(([k, item]) => (
        <div class="json-entry">
          <dt>{label(k)}</dt>
          <dd>
            <Value value={item} yes={props.yes} no={props.no} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function StructuredContent(props: { ctx: PageContext; json: unknown }) {
  const { t, lang } = props.ctx;
  if (props.json === undefined) {
    return <p class="muted">{t.noStructured}</p>;
  }
  const yes = lang === 'sv' ? 'Ja' : lang === 'en' ? 'Yes' : 'Kyllä';
  const no = lang === 'sv' ? 'Nej' : lang === 'en' ? 'No' : 'Ei';
  return (
    <div class="structured">
      <Value value={props.json} yes={yes} no={no} />
    </div>
  );
}
