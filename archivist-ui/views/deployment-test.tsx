/**
 * The deployment-test (käyttöönottokoe) pages: the organisation's rehearsals with a form to start one, and one
 * rehearsal's checklist with its deviations, the reporting deadline and the report links.
 */
import type {
  DeploymentTestModel,
  RehearsalLine,
  RehearsalState,
  StartFormError,
  StartFormValues,
} from '../../server/rehearsal/view-models.js';
import { formatInstant, maskHetu } from '../format.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import { rehearsalStateMessages } from '../i18n/rehearsal-states.js';
import type { PageContext } from './context.js';
import { ChecklistSection } from './deployment-test-checklist.js';
import { CloseRehearsal, StartForm } from './deployment-test-forms.js';
import { Layout } from './layout.js';

export interface TestCaseOption {
  readonly name: string;
  readonly title: string;
}

/** A rehearsal in the list, with its state when it could be judged. */
export type RehearsalListLine = RehearsalLine & { readonly state?: RehearsalState };

export function DeploymentTestListPage(props: {
  ctx: PageContext;
  cases: readonly TestCaseOption[];
  rehearsals: readonly RehearsalListLine[];
  /** A refused start: the reason at its field, and the values sent, shown again. */
  error?: StartFormError;
  values?: StartFormValues;
}) {
  const { ctx } = props;
  const d = deploymentTestMessages(ctx.lang);
  const s = rehearsalStateMessages(ctx.lang);
  const title = (name: string): string => props.cases.find((c) => c.name === name)?.title ?? name;
  return (
    <Layout ctx={ctx} title={d.title} active="deployment-test">
      <h1>{d.title}</h1>
      <p class="lead">{d.intro}</p>
      <StartForm ctx={ctx} cases={props.cases} error={props.error} values={props.values} />
      <CaseStates ctx={ctx} cases={props.cases} rehearsals={props.rehearsals} />
      <section aria-labelledby="list-title">
        <h2 id="list-title">{d.rehearsals}</h2>
        {props.rehearsals.length === 0 ? (
          <p class="muted">{d.none}</p>
        ) : (
          <table class="data-table">
            <caption>{s.rehearsalsCaption}</caption>
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
                  <td data-state={r.state ?? r.status}>
                    {r.state === undefined ? d.statuses[r.status] : s.states[r.state]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

/** A rehearsal that could not be judged still has the state its status says. */
const STATE_OF_STATUS = { running: 'in-progress', finished: 'finished', cancelled: 'cancelled' } as const;

/** Each test case with the state of its latest rehearsal, or "not started" when it was never rehearsed. */
function CaseStates(props: {
  ctx: PageContext;
  cases: readonly TestCaseOption[];
  rehearsals: readonly RehearsalListLine[];
}) {
  const { ctx } = props;
  const d = deploymentTestMessages(ctx.lang);
  const s = rehearsalStateMessages(ctx.lang);
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{s.casesTitle}</h2>
      <table class="data-table case-states">
        <caption>{s.casesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.testCase}</th>
            <th scope="col">{s.state}</th>
          </tr>
        </thead>
        <tbody>
          {props.cases.map((c) => {
            const latest = props.rehearsals.filter((r) => r.caseName === c.name).at(-1);
            const state: RehearsalState =
              latest === undefined ? 'not-started' : (latest.state ?? STATE_OF_STATUS[latest.status]);
            return (
              <tr data-case={c.name}>
                <th scope="row">
                  {latest === undefined ? (
                    c.title
                  ) : (
                    <a href={`/archivist/deployment-tests/${encodeURIComponent(latest.id)}`}>{c.title}</a>
                  )}
                </th>
                <td data-state={state}>{s.states[state]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
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
        {formatInstant(rehearsal.startedAt, ctx.lang)}
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
      {rehearsal.status === 'running' && <CloseRehearsal ctx={ctx} href={base} />}
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
