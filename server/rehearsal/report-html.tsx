/**
 * The printable HTML report, rendered on the server with preact (escaping by default). Self-contained:
 * inline print styles, no script, no external resources, so it can be saved and mailed as it is.
 */
import { renderToString } from 'preact-render-to-string';
import type { ComponentChildren } from 'preact';
import type { CheckMark, ReportModel } from './report-model.js';
import { reportTexts, type ReportTexts } from './report-texts.js';

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;margin:2rem;color:#111;max-width:70rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
dl{display:grid;grid-template-columns:16rem 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.8rem}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
td.oid{word-break:break-all}.ok{color:#0a6b2a}.fail{color:#b00020;font-weight:bold}.open{color:#666}
.result-passed{color:#0a6b2a}.result-failed{color:#b00020}.result-pending{color:#8a5a00}
@media print{body{margin:0}a{color:inherit}}
`;

function Mark({ m, L }: { m: CheckMark; L: ReportTexts }): ComponentChildren {
  return <span class={m}>{L.marks[m]}</span>;
}

function Row({ label, children }: { label: string; children: ComponentChildren }): ComponentChildren {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Report({ m }: { m: ReportModel }): ComponentChildren {
  const L = reportTexts(m.lang);
  return (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{m.subject}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{L.title}</h1>
        <Particulars m={m} />
        <h2>{L.participants}</h2>
        <ul>
          {m.participants.map((p) => (
            <li>
              {p.role}: {p.name}
              {p.contact !== '' && ` (${p.contact})`}
            </li>
          ))}
        </ul>
        <h2>{L.documents}</h2>
        <DocumentTable documents={m.documents} L={L} />
        <h2>{L.deviations}</h2>
        {m.deviations.length === 0 ? (
          <p>{L.noDeviations}</p>
        ) : (
          <ul>
            {m.deviations.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        )}
        <h2>{L.result}</h2>
        <p class={`result-${m.result}`}>
          <strong>{m.resultText}</strong>
        </p>
        <p>
          {L.deadline}: <strong>{m.deadlineText}</strong> ({m.to})
        </p>
      </body>
    </html>
  );
}

/** Who tested what, with which system and identities: the report's heading facts. */
function Particulars({ m }: { m: ReportModel }): ComponentChildren {
  const L = reportTexts(m.lang);
  return (
    <dl>
      <Row label={L.organisation}>{m.organisation.name}</Row>
      <Row label={L.oid}>{m.organisation.oid}</Row>
      <Row label={L.registerKeeper}>{m.organisation.registerKeeperOid}</Row>
      <Row label={L.role}>{m.role}</Row>
      {m.units.length > 0 && <Row label={L.units}>{m.units.join('; ')}</Row>}
      {m.accessRights.length > 0 && <Row label={L.accessRights}>{m.accessRights.join('; ')}</Row>}
      <Row label={L.clientSystem}>{m.clientSystem}</Row>
      {m.systemProfile !== undefined && <Row label={L.systemProfile}>{m.systemProfile}</Row>}
      {m.phase !== undefined && <Row label={L.phase}>{m.phase}</Row>}
      <Row label={L.testCase}>{m.testCase}</Row>
      <Row label={L.testedAt}>{m.testedAt}</Row>
      <Row label={L.testIdentities}>{m.testIdentities.join('; ')}</Row>
      <Row label={L.rehearsal}>{m.rehearsalId}</Row>
    </dl>
  );
}

/** One row per expected document with the deployment test's four checks. */
function DocumentTable({
  documents,
  L,
}: {
  documents: ReportModel['documents'];
  L: ReportTexts;
}): ComponentChildren {
  return (
    <table>
      <thead>
        <tr>
          {L.columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr>
            <td>{d.key}</td>
            <td class="oid">{d.id}</td>
            <td class="oid">{d.setId}</td>
            <td>{d.version}</td>
            <td>{d.type}</td>
            <td>{d.serviceTask}</td>
            <td>
              <Mark m={d.archived} L={L} />
            </td>
            <td>
              <Mark m={d.inRegister} L={L} />
            </td>
            <td>
              <Mark m={d.metadataValid} L={L} />
            </td>
            <td>
              <Mark m={d.matchesClientSystem} L={L} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report as a complete HTML document. */
export function renderReportHtml(model: ReportModel): string {
  return `<!DOCTYPE html>\n${renderToString(<Report m={model} />)}`;
}
