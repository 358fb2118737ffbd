/**
 * The deployment-test (käyttöönottokoe) pages: the organisation's rehearsals with a form to start one, and one
 * rehearsal's checklist with its deviations, the reporting deadline and the report links.
 */
import type { DeploymentTestModel, RehearsalLine } from '../../server/rehearsal/view-models.js';
import { formatInstant, maskHetu } from '../format.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import type { PageContext } from './context.js';
import { ChecklistSection } from './deployment-test-checklist.js';
import { Layout } from './layout.js';

export interface TestCaseOption {
  readonly name: string;
  readonly title: string;
}

export function DeploymentTestListPage(props: {
  ctx: PageContext;
  cases: readonly TestCaseOption[];
  rehearsals: readonly RehearsalLine[];
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
  verdict: DeploymentTestModel;
  caseTitle: string;
  deadlineText: string;
  registerName: (oid: string) => string;
}) {
  const { ctx, verdict } = props;
  const d = deploymentTestMessages(ctx.lang);
  const { rehearsal } = verdict;
  const base = `/archivist/deployment-tests/${encodeURIComponent(rehearsal.id)}`;
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
      <ChecklistSection
        d={d}
        lang={ctx.lang}
        verdict={verdict}
        href={base}
        registerName={props.registerName}
      />
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
