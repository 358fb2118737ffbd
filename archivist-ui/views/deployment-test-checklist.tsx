/**
 * One rehearsal's checklist section: where it stands (and its result, once there is one), a row of ticks per
 * expected document, and what is missing (or still awaited), unexpected or wrong.
 */
import type {
  ChecklistLine,
  DeploymentTestModel,
  RehearsalProgress,
} from '../../server/rehearsal/view-models.js';
import { formatInstant } from '../format.js';
import type { Lang } from '../i18n/index.js';
import type { DeploymentTestMessages } from '../i18n/deployment-test.js';
import { rehearsalDeviationMessages } from '../i18n/rehearsal-deviations.js';
import { rehearsalStateMessages, type RehearsalStateMessages } from '../i18n/rehearsal-states.js';
import { DeviationList } from './deployment-test-deviations.js';
import { ScrollRegion } from './scroll-region.js';

type Evaluation = DeploymentTestModel['evaluation'];

/** A yes, a no, or when there is nothing to check "not yet" (or, once finished, what was left undone). */
function Tick(props: { d: DeploymentTestMessages; value: boolean | null; open?: string }) {
  const { d, value: v } = props;
  return (
    <span class={v === true ? 'tick ok' : v === false ? 'tick bad' : 'tick pending'}>
      {v === true ? d.yes : v === false ? d.no : (props.open ?? d.notYet)}
    </span>
  );
}

/** One expected document: its key and register, a link to the archived one, and its four ticks. */
function ChecklistRow(props: {
  d: DeploymentTestMessages;
  s: RehearsalStateMessages;
  item: ChecklistLine;
  judged: boolean;
  registerName: (oid: string) => string;
}) {
  const { d, item } = props;
  // Once finished, nothing is awaited any more: what has no answer was not checked or not compared.
  const notChecked = props.judged ? props.s.notChecked : undefined;
  const notCompared = props.judged ? props.s.notCompared : undefined;
  return (
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
        {/* Until the rehearsal is finished, a document not yet archived is awaited, not a failure. */}
        <Tick d={d} value={item.checks.archived || props.judged ? item.checks.archived : null} />
      </td>
      <td data-check="register">
        <Tick d={d} value={item.checks.inExpectedRegister} open={notChecked} />
      </td>
      <td data-check="metadata">
        <Tick d={d} value={item.checks.metadataValid} open={notChecked} />
      </td>
      <td data-check="client-system">
        <Tick
          d={d}
          value={item.checks.matchesClientSystem}
          open={item.checks.archived ? notCompared : notChecked}
        />
      </td>
    </tr>
  );
}

function ChecklistTable(props: {
  d: DeploymentTestMessages;
  s: RehearsalStateMessages;
  checklist: readonly ChecklistLine[];
  judged: boolean;
  registerName: (oid: string) => string;
}) {
  const { d } = props;
  return (
    <ScrollRegion label={d.checklist}>
      <table class="data-table checklist">
        <caption>{props.s.checklistCaption}</caption>
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
          {props.checklist.map((item) => (
            <ChecklistRow
              d={d}
              s={props.s}
              item={item}
              judged={props.judged}
              registerName={props.registerName}
            />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Documents that arrived but that the test case does not expect, each with its type, version and register. */
function UnexpectedList(props: {
  d: DeploymentTestMessages;
  unexpected: Evaluation['unexpected'];
  registerName: (oid: string) => string;
}) {
  const { d } = props;
  if (props.unexpected.length === 0) {
    return <p class="muted">{d.noUnexpected}</p>;
  }
  return (
    <ul class="unexpected" aria-labelledby="unexpected-title">
      {props.unexpected.map((doc) => (
        <li data-document-id={doc.id}>
          <a href={`/archivist/documents/${encodeURIComponent(doc.id)}`} class="mono">
            {doc.id}
          </a>{' '}
          <span class="muted">
            ({[doc.documentType, `v${doc.versionNumber}`, props.registerName(doc.registerOid)].join(' · ')})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The missing (or, until finished, awaited) keys, the unexpected documents and the deviations. */
function Deviations(props: {
  d: DeploymentTestMessages;
  lang: Lang;
  verdict: DeploymentTestModel;
  judged: boolean;
  registerName: (oid: string) => string;
}) {
  const { d, judged } = props;
  const { evaluation } = props.verdict;
  // Until the rehearsal is finished, what has not arrived is awaited (listed above), not a deviation.
  const deviations = props.verdict.deviations.filter((x) => judged || x.kind !== 'missing');
  return (
    <>
      <h3 id="missing-title">{judged ? d.missing : d.awaited}</h3>
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
      <UnexpectedList d={d} unexpected={evaluation.unexpected} registerName={props.registerName} />
      <h3 id="findings-title">{d.findings}</h3>
      {deviations.length === 0 ? (
        <p class="muted">{d.noFindings}</p>
      ) : (
        <DeviationList
          deviations={deviations}
          m={rehearsalDeviationMessages(props.lang)}
          names={props.registerName}
          labelledBy="findings-title"
        />
      )}
    </>
  );
}

/** The state, the result once there is one (never while documents are awaited), the counts, who closed it. */
function StatusBlock(props: { s: RehearsalStateMessages; progress: RehearsalProgress; lang: Lang }) {
  const { s, progress: p } = props;
  const badge = (x: string): string => (x === 'passed' || x === 'failed' ? `result-${x}` : 'result-pending');
  const when = formatInstant(p.closedAt, props.lang);
  const closedText =
    p.closedAt === undefined
      ? undefined
      : p.state === 'cancelled'
        ? p.closedBy === undefined
          ? s.cancelledAt(when)
          : s.cancelledBy(p.closedBy, when)
        : p.closedBy === undefined
          ? s.finishedAt(when)
          : s.finishedBy(p.closedBy, when);
  return (
    <div class="rehearsal-status">
      <p>
        <strong>{s.state}:</strong>{' '}
        <span class={`badge ${badge(p.outcome ?? p.state)}`} data-state={p.state}>
          {s.states[p.state]}
        </span>
        {closedText && <span class="muted"> · {closedText}</span>}
      </p>
      {p.outcome !== undefined ? (
        <p class="rehearsal-result">
          <strong>{s.outcome}:</strong>{' '}
          <span class={`badge result-${p.outcome}`} data-result={p.outcome}>
            {s.outcomes[p.outcome]}
          </span>
        </p>
      ) : (
        p.state !== 'cancelled' && <p class="hint">{s.noOutcomeYet}</p>
      )}
      <p class="muted">{s.progress(p.archived, p.expected, p.compared)}</p>
    </div>
  );
}

/**
 * id="results" with the client's hetu: the page script's live feed re-fetches this section when a document
 * of this client arrives, as it does for search results, so the checklist ticks without a reload.
 */
export function ChecklistSection(props: {
  d: DeploymentTestMessages;
  lang: Lang;
  verdict: DeploymentTestModel;
  /** The rehearsal's own page, which the refresh button reloads. */
  href: string;
  registerName: (oid: string) => string;
}) {
  const { d } = props;
  const { evaluation, rehearsal, progress } = props.verdict;
  const s = rehearsalStateMessages(props.lang);
  const running = rehearsal.status === 'running';
  const judged = rehearsal.status === 'finished';
  return (
    <section id="results" aria-labelledby="checklist-title" data-hetu={rehearsal.hetu}>
      <StatusBlock s={s} progress={progress} lang={props.lang} />
      <div class="title-row">
        <h2 id="checklist-title">{d.checklist}</h2>
        <a class="button secondary no-print" href={props.href}>
          {d.refresh}
        </a>
      </div>
      {running && <p class="hint no-print">{d.liveHint}</p>}
      <ChecklistTable
        d={d}
        s={s}
        checklist={evaluation.checklist}
        judged={judged}
        registerName={props.registerName}
      />
      <Deviations
        d={d}
        lang={props.lang}
        verdict={props.verdict}
        judged={judged}
        registerName={props.registerName}
      />
    </section>
  );
}
