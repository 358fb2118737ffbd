/** The metadata table and the structured content as a labelled, readable view. */
import type {
  ContentValue,
  FieldLabel,
  MetadataValue,
  SystemName,
} from '../../server/archivist/view-models.js';
import { codeName, formatHl7, formatInstant, formatIsoDate, nameIn } from '../format.js';
import { documentContentMessages } from '../i18n/document-content.js';
import type { Lang } from '../i18n/index.js';
import type { PageContext } from './context.js';

const TIME_FIELDS = new Set(['effectiveTime', 'creationTime']);

/** A metadata value as words: states and codes by name, times in the page's language. */
export function metadataText(
  v: MetadataValue,
  lang: Lang,
  states: Record<string, string>,
): string | undefined {
  if (v.key === 'status') {
    return v.code ? (states[v.code] ?? v.code) : undefined;
  }
  if (v.key === 'archivedAt') {
    return formatInstant(v.text, lang);
  }
  if (TIME_FIELDS.has(v.key)) {
    return formatHl7(v.text, lang);
  }
  return codeName(v, lang);
}

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
          const shown = metadataText(v, lang, states);
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

/** A field's label in the page's language: the dictionary's words, else the key split into words. */
export function fieldLabel(label: FieldLabel, lang: Lang): string {
  return nameIn(label.names, lang) ?? label.humanised;
}

/** A code or identifier system by name; never its OID. */
function systemText(system: SystemName | undefined, lang: Lang, unknown: string): string {
  return nameIn(system?.names, lang) ?? unknown;
}

/** One value that is not a group or list: text, date, yes/no, a code by name, an identifier as data. */
export function LeafValue(props: { value: ContentValue; lang: Lang }) {
  const { value: v, lang } = props;
  const words = documentContentMessages(lang);
  switch (v.kind) {
    case 'empty':
      return <span class="muted">{words.empty}</span>;
    case 'boolean':
      return <span>{v.value ? words.yes : words.no}</span>;
    case 'date':
      return <span class="date">{formatIsoDate(v.date, lang)}</span>;
    case 'text':
      return <span class="json-text">{v.text}</span>;
    case 'code':
      return (
        <span>
          {nameIn(v.names, lang) ?? v.code}{' '}
          <span class="code" title={systemText(v.system, lang, words.unknownCodeSystem)}>
            ({v.code})
          </span>
        </span>
      );
    case 'identifier':
      return (
        <span>
          <span class={v.hetu ? 'hetu' : 'code'}>{v.value}</span>{' '}
          {!v.hetu && (
            <span class="muted">
              ({words.identifierOf(systemText(v.system, lang, words.unknownIdentifierSystem))})
            </span>
          )}
        </span>
      );
    default:
      return <ContentValueView value={v} lang={lang} />;
  }
}

/** A labelled value: groups as definition lists, lists as ordered lists, leaves by LeafValue. */
export function ContentValueView(props: { value: ContentValue; lang: Lang }) {
  const { value: v, lang } = props;
  if (v.kind === 'list') {
    return (
      <ol class="json-list">
        {v.items.map((item) => (
          <li>
            <ContentValueView value={item} lang={lang} />
          </li>
        ))}
      </ol>
    );
  }
  if (v.kind === 'group') {
    return (
      <dl class="json-object">
        {v.fields.map((f) => (
          <div class="json-entry" data-key={f.key}>
            <dt>{fieldLabel(f.label, lang)}</dt>
            <dd>
              <ContentValueView value={f.value} lang={lang} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <LeafValue value={v} lang={lang} />;
}

export function StructuredContent(props: { ctx: PageContext; content?: ContentValue }) {
  const { t, lang } = props.ctx;
  if (props.content === undefined) {
    return <p class="muted">{t.noStructured}</p>;
  }
  return (
    <div class="structured">
      <ContentValueView value={props.content} lang={lang} />
    </div>
  );
}
