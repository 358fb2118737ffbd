/**
 * The deployment-test (käyttöönottokoe) pages: the organisation's rehearsals with a form to start one, and one
 * rehearsal's checklist with its deviations, the reporting deadline and the report links.
 */
import type { Rehearsal } from '../../server/store/rehearsal-store.js';
import type { RehearsalVerdict } from '../../server/rehearsal/rehearsal-service.js';
import { formatInstant, maskHetu } from '../format.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export interface TestCaseOption {
  readonly name: string;
  readonly title: string;
}

export function DeploymentTestListPage(props: {
  ctx: PageContext;
  cases: readonly TestCaseOption[];
  rehearsals: readonly Rehearsal[];
  error?: string;
}) {
  const { ctx } = props;
  const d = deploymentTestMessages(ctx.lang);
  const title = (name: string): string => props.cases.find((c) => c.name === name)?.title ?? name;
  return (
    <Layout ctx={ctx} title={d.title} active="deployment-test">
      <h1>{d.title}</h1>
      <p class="lead">{d.intro}</p>
      <section class="card" aria-labelledby="start-title">
        <h2 id="start-title">{d.startTitle}</h2>
        {props.error && (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        )}
        <form method="post" action="/archivist/deployment-tests" class="stack">
          <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
          <label for="caseName">{d.testCase}</label>
          <select id="caseName" name="caseName" required>
            {props.cases.map((c) => (
              <option value={c.name}>{c.title}</option>
            ))}
          </select>
          <label for="hetu">{d.testIdentity}</label>
          <input id="hetu" name="hetu" autocomplete="off" aria-describedby="hetu-hint" />
          <p id="hetu-hint" class="hint">
            {d.testIdentityHint}
          </p>
          <button type="submit" class="button">
            {d.start}
          </button>
        </form>
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{d.rehearsals}</h2>
        {props.rehearsals.length === 0 ? (
          <p class="muted">{d.none}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{d.testCase}</th>
                <th scope="col">{d.client}</th>
                <th scope="col">{d.started}</th>
                <th scope="col">{d.status}</th>
              </tr>
            </thead>
            <tbody>
              {props.rehearsals.map((r) => (
                <tr>
                  <td>
                    <a href={`/archivist/deployment-tests/${encodeURIComponent(r.id)}`}>
                      {title(r.caseName)}
                    </a>
                  </td>
                  <td class="mono">{maskHetu(r.hetu)}</td>
                  <td>{formatInstant(r.startedAt, ctx.lang)}</td>
                  <td>{d.statuses[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

export function DeploymentTestPage(props: {
  ctx: PageContext;
  verdict: RehearsalVerdict;
  caseTitle: string;
  deadlineText: string;
  registerName: (oid: string) => string;
}) {
  const { ctx, verdict } = props;
  const d = deploymentTestMessages(ctx.lang);
  const { evaluation, rehearsal } = verdict;
  const base = `/archivist/deployment-tests/${encodeURIComponent(rehearsal.id)}`;
  const tick = (v: boolean | null) => (
    <span class={v === true ? 'tick ok' : v === false ? 'tick bad' : 'tick pending'}>
      {v === true ? d.yes : v === false ? d.no : d.notYet}
    </span>
  );
  return (
    <Layout ctx={ctx} title={`${d.title}: ${props.caseTitle}`} active="deployment-test">
      <p class="no-print">
        <a href="/archivist/deployment-tests">← {d.back}</a>
      </p>
      <h1>{props.caseTitle}</h1>
      <p>
        {d.client}: <span class="mono">{maskHetu(rehearsal.hetu)}</span> · {d.started}:{' '}
        {formatInstant(rehearsal.startedAt, ctx.lang)} · {d.status}: {d.statuses[rehearsal.status]}
      </p>
      <p>
        <strong>{d.deadline}:</strong> {props.deadlineText}
      </p>
      {/* id="results" with the client's hetu: the page script's live feed re-fetches this section when a
          document of this client arrives, as it does for search results, so the checklist ticks without a
          reload. */}
      <section id="results" aria-labelledby="checklist-title" data-hetu={rehearsal.hetu}>
        <p class="rehearsal-result">
          <strong>{d.result}:</strong>{' '}
          <span class={`badge result-${evaluation.result}`} data-result={evaluation.result}>
            {d.results[evaluation.result]}
          </span>
        </p>
        <div class="title-row">
          <h2 id="checklist-title">{d.checklist}</h2>
          <a class="button secondary no-print" href={base}>
            {d.refresh}
          </a>
        </div>
        {rehearsal.status === 'running' && <p class="hint no-print">{d.liveHint}</p>}
        <table class="data-table checklist">
          <thead>
            <tr>
              <th scope="col">{d.document}</th>
              <th scope="col">{d.archived}</th>
              <th scope="col">{d.inRegister}</th>
              <th scope="col">{d.metadataValid}</th>
              <th scope="col">{d.matchesClientSystem}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.checklist.map((item) => (
              <tr data-key={item.key}>
                <th scope="row">
                  {item.key} <span class="muted">({props.registerName(item.expected.registerOid)})</span>
                  {item.document && (
                    <div class="no-print">
                      <a href={`/archivist/documents/${encodeURIComponent(item.document.id)}#compare`}>
                        {d.openDocument}
                      </a>
                    </div>
                  )}
                </th>
                <td data-check="archived">
                  {/* While the rehearsal runs, a document not yet archived is awaited, not a failure. */}
                  {tick(item.checks.archived || rehearsal.status !== 'running' ? item.checks.archived : null)}
                </td>
                <td data-check="register">{tick(item.checks.inExpectedRegister)}</td>
                <td data-check="metadata">{tick(item.checks.metadataValid)}</td>
                <td data-check="client-system">{tick(item.checks.matchesClientSystem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {/* While the rehearsal runs, what has not arrived yet is awaited; once finished it is missing. */}
        <h3 id="missing-title">{rehearsal.status === 'running' ? d.awaited : d.missing}</h3>
        {evaluation.missing.length === 0 ? (
          <p class="muted">{d.noMissing}</p>
        ) : (
          <ul class="missing" aria-labelledby="missing-title">
            {evaluation.missing.map((key) => (
              <li data-key={key}>{key}</li>
            ))}
          </ul>
        )}
        <h3 id="unexpected-title">{d.unexpected}</h3>
        {evaluation.unexpected.length === 0 ? (
          <p class="muted">{d.noUnexpected}</p>
        ) : (
          <ul class="unexpected" aria-labelledby="unexpected-title">
            {evaluation.unexpected.map((doc) => (
              <li data-document-id={doc.id}>
                <a href={`/archivist/documents/${encodeURIComponent(doc.id)}`} class="mono">
                  {doc.id}
                </a>{' '}
                <span class="muted">
                  (
                  {[doc.documentType, `v${doc.versionNumber}`, props.registerName(doc.registerOid)].join(
                    ' · ',
                  )}
                  )
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3 id="findings-title">{d.findings}</h3>
        {evaluation.findings.length === 0 ? (
          <p class="muted">{d.noFindings}</p>
        ) : (
          <ol class="findings" aria-labelledby="findings-title">
            {evaluation.findings.map((f) => (
              <li>{f.message}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="report-title" class="no-print">
        <h2 id="report-title">{d.report}</h2>
        <ul>
          <li>
            <a href={`${base}/report.html`}>{d.reportHtml}</a>
          </li>
          <li>
            <a href={`${base}/report.pdf`}>{d.reportPdf}</a>
          </li>
          <li>
            <a href={`${base}/report.eml`}>{d.reportEml}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
