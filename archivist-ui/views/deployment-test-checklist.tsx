/**
 * One rehearsal's checklist section: the result, a row of ticks per expected document, and what is missing
 * (or still awaited), unexpected or wrong.
 */
import type { ChecklistLine, DeploymentTestModel } from '../../server/rehearsal/view-models.js';
import type { DeploymentTestMessages } from '../i18n/deployment-test.js';
import { ScrollRegion } from './scroll-region.js';

type Evaluation = DeploymentTestModel['evaluation'];

/** A yes, a no, or "not yet" when there is nothing to check. */
function Tick(props: { d: DeploymentTestMessages; value: boolean | null }) {
  const { d, value: v } = props;
  return (
    <span class={v === true ? 'tick ok' : v === false ? 'tick bad' : 'tick pending'}>
      {v === true ? d.yes : v === false ? d.no : d.notYet}
    </span>
  );
}

/** One expected document: its key and register, a link to the archived one, and its four ticks. */
function ChecklistRow(props: {
  d: DeploymentTestMessages;
  item: ChecklistLine;
  running: boolean;
  registerName: (oid: string) => string;
}) {
  const { d, item } = props;
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
        {/* While the rehearsal runs, a document not yet archived is awaited, not a failure. */}
        <Tick d={d} value={item.checks.archived || !props.running ? item.checks.archived : null} />
      </td>
      <td data-check="register">
        <Tick d={d} value={item.checks.inExpectedRegister} />
      </td>
      <td data-check="metadata">
        <Tick d={d} value={item.checks.metadataValid} />
      </td>
      <td data-check="client-system">
        <Tick d={d} value={item.checks.matchesClientSystem} />
      </td>
    </tr>
  );
}

function ChecklistTable(props: {
  d: DeploymentTestMessages;
  checklist: readonly ChecklistLine[];
  running: boolean;
  registerName: (oid: string) => string;
}) {
  const { d } = props;
  return (
    <ScrollRegion label={d.checklist}>
      <table class="data-table checklist">
        <caption class="visually-hidden">{d.checklist}</caption>
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
            <ChecklistRow d={d} item={item} running={props.running} registerName={props.registerName} />
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

/** The missing (or, while running, awaited) keys, the unexpected documents and the findings. */
function Deviations(props: {
  d: DeploymentTestMessages;
  evaluation: Evaluation;
  running: boolean;
  registerName: (oid: string) => string;
}) {
  const { d, evaluation } = props;
  return (
    <>
      {/* While the rehearsal runs, what has not arrived yet is awaited; once finished it is missing. */}
      <h3 id="missing-title">{props.running ? d.awaited : d.missing}</h3>
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
      {evaluation.findings.length === 0 ? (
        <p class="muted">{d.noFindings}</p>
      ) : (
        <ol class="findings" aria-labelledby="findings-title">
          {evaluation.findings.map((f) => (
            <li>{f.message}</li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * id="results" with the client's hetu: the page script's live feed re-fetches this section when a document
 * of this client arrives, as it does for search results, so the checklist ticks without a reload.
 */
export function ChecklistSection(props: {
  d: DeploymentTestMessages;
  verdict: DeploymentTestModel;
  /** The rehearsal's own page, which the refresh button reloads. */
  href: string;
  registerName: (oid: string) => string;
}) {
  const { d } = props;
  const { evaluation, rehearsal } = props.verdict;
  const running = rehearsal.status === 'running';
  return (
    <section id="results" aria-labelledby="checklist-title" data-hetu={rehearsal.hetu}>
      <p class="rehearsal-result">
        <strong>{d.result}:</strong>{' '}
        <span class={`badge result-${evaluation.result}`} data-result={evaluation.result}>
          {d.results[evaluation.result]}
        </span>
      </p>
      <div class="title-row">
        <h2 id="checklist-title">{d.checklist}</h2>
        <a class="button secondary no-print" href={props.href}>
          {d.refresh}
        </a>
      </div>
      {running && <p class="hint no-print">{d.liveHint}</p>}
      <ChecklistTable
        d={d}
        checklist={evaluation.checklist}
        running={running}
        registerName={props.registerName}
      />
      <Deviations d={d} evaluation={evaluation} running={running} registerName={props.registerName} />
    </section>
  );
}
