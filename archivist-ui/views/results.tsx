/**
 * Search results grouped client -> service task -> case; each case is a timeline (an ordered list) of its
 * documents in process-phase order. `data-hetu` lets the client script refresh the list when a document
 * for the same client arrives.
 */
import type { CaseTitle, ResultDocument, SearchResult } from '../../server/archivist/view-models.js';
import { formatHl7, formatInstant, nameIn } from '../format.js';
import { documentContentMessages } from '../i18n/document-content.js';
import type { PageContext } from './context.js';

/** Code-list names the results need, resolved by the route in the page's language. */
export interface ResultNames {
  phase(code: string): string | undefined;
  task(code: string): string | undefined;
  register(oid: string): string | undefined;
}

/** Marks a document a service provider archived into the organiser's register. */
export function ProviderBadge(props: { label: string; title: string }) {
  return (
    <span class="badge provider-badge" title={props.title}>
      {props.label}
      <span class="visually-hidden"> ({props.title})</span>
    </span>
  );
}

/** The case heading: its title in words, its OID as secondary data. */
function CaseHeading(props: { ctx: PageContext; caseId: string; title: CaseTitle }) {
  const { t, lang } = props.ctx;
  if (!props.caseId) {
    return <h5>{t.noCase}</h5>;
  }
  const words = documentContentMessages(lang);
  const date = formatHl7(props.title.firstDate, lang) || undefined;
  return (
    <h5 class="case-heading">
      <span class="case-title">{words.caseTitle(nameIn(props.title.serviceTask, lang), date)}</span>{' '}
      <span class="case-id muted">
        {words.caseId}: <code>{props.caseId}</code>
      </span>
    </h5>
  );
}

export function StateBadge(props: { ctx: PageContext; state: string }) {
  const states = props.ctx.t.states as Record<string, string>;
  return <span class={`badge state-${props.state}`}>{states[props.state] ?? props.state}</span>;
}

function TimelineItem(props: { ctx: PageContext; doc: ResultDocument; names: ResultNames }) {
  const { ctx, doc, names } = props;
  const { t, lang } = ctx;
  const phase = doc.prosessivaihe ? (names.phase(doc.prosessivaihe) ?? doc.prosessivaihe) : undefined;
  const type = nameIn(doc.title, lang) ?? t.documentTitle;
  const words = documentContentMessages(lang);
  return (
    <li class={`timeline-item state-${doc.state}`}>
      <span class="timeline-phase">{phase ?? '–'}</span>
      <div class="timeline-body">
        <a href={`/archivist/documents/${encodeURIComponent(doc.id)}`} class="doc-link">
          {type}
        </a>
        {doc.provider && (
          <ProviderBadge
            label={words.providerBadge}
            title={words.providerArchived(doc.provider.name ?? words.providerUnknown)}
          />
        )}
        <span class="doc-facts">
          <span>
            {t.documentDate}: {formatHl7(doc.effectiveTime, lang) || '–'}
          </span>
          <span>
            {t.version} {doc.versionNumber}
          </span>
          <span>
            {t.archived}: {formatInstant(doc.archivedAt, lang)}
          </span>
          <span class="register-name">{names.register(doc.registerOid) ?? doc.registerOid}</span>
        </span>
      </div>
      <StateBadge ctx={ctx} state={doc.state} />
    </li>
  );
}

export function Results(props: {
  ctx: PageContext;
  result: SearchResult;
  hetu?: string;
  names: ResultNames;
}) {
  const { ctx, result, names } = props;
  const { t } = ctx;
  return (
    <section id="results" class="results" aria-labelledby="results-title" data-hetu={props.hetu ?? ''}>
      <h2 id="results-title">
        {t.resultsTitle} <span class="count">({t.resultsCount(result.count)})</span>
      </h2>
      {result.truncated && <p class="alert alert-info">{t.truncated(result.count)}</p>}
      {result.groups.length === 0 && <p class="muted">{t.noResults}</p>}
      {result.groups.map((client) => (
        <article class="client-group card" aria-label={`${t.client} ${client.hetu}`}>
          <h3 class="client-heading">
            <span class="client-name">{client.name || t.client}</span>
            <span class="hetu">{client.hetu}</span>
          </h3>
          {client.serviceTasks.map((task) => (
            <section class="task-group">
              <h4>
                {t.serviceTask}:{' '}
                {task.code
                  ? `${names.task(task.code) ?? task.text ?? task.code} (${task.code})`
                  : t.noServiceTask}
              </h4>
              {task.cases.map((c) => (
                <div class="case-group">
                  <CaseHeading ctx={ctx} caseId={c.caseId} title={c.title} />
                  <ol class="timeline" aria-label={t.timeline}>
                    {c.timeline.map((doc) => (
                      <TimelineItem ctx={ctx} doc={doc} names={names} />
                    ))}
                  </ol>
                </div>
              ))}
            </section>
          ))}
        </article>
      ))}
    </section>
  );
}
