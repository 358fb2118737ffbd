/**
 * The e-mail draft to Kanta (.eml, RFC 5322): UTF-8 text body in base64, the subject as an RFC 2047
 * encoded word (it carries "käyttöönottokoe"), and the PDF report attached. A draft: nothing is sent, the
 * organisation opens it in its mail program, checks it and sends it itself.
 */
import type { ReportModel } from './report-model.js';
import { reportTexts } from './report-texts.js';

/** RFC 2047 B-encoding, split so that no encoded word exceeds 75 characters and no character is cut. */
export function encodeHeaderWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) {
    return value;
  }
  const words: string[] = [];
  let current = '';
  for (const ch of value) {
    // 12 = the length of "=?UTF-8?B?" and "?="; base64 grows 4/3: keep each word at most 75 characters.
    if (Math.ceil(Buffer.byteLength(current + ch, 'utf8') / 3) * 4 + 12 > 75) {
      words.push(current);
      current = '';
    }
    current += ch;
  }
  words.push(current);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The plain-text body of the draft. */
export function reportText(m: ReportModel): string {
  const L = reportTexts(m.lang);
  const [, oidCol, setCol, verCol, , taskCol, ...checkCols] = L.columns;
  const lines = [
    L.greeting,
    '',
    L.intro(m.organisation.name),
    '',
    `${L.organisation}: ${m.organisation.name} (${m.organisation.oid})`,
    `${L.registerKeeper}: ${m.organisation.registerKeeperOid}`,
    `${L.clientSystem}: ${m.clientSystem}`,
    `${L.testCase}: ${m.testCase}`,
    `${L.testedAt}: ${m.testedAt}`,
    `${L.testIdentities}: ${m.testIdentities.join('; ')}`,
    '',
    `${L.participants}:`,
    ...m.participants.map((p) => `  ${p.role}: ${p.name}${p.contact === '' ? '' : ` (${p.contact})`}`),
    '',
    `${L.documents}:`,
    ...m.documents.map((d) => {
      const marks = [d.archived, d.inRegister, d.metadataValid, d.matchesClientSystem];
      const checks = checkCols.map((c, i) => `${c}: ${L.marks[marks[i] ?? 'open']}`).join(', ');
      return (
        `  ${d.key}: ${d.type}, ${oidCol} ${d.id}, ${setCol} ${d.setId}, ${verCol} ${d.version}, ` +
        `${taskCol}: ${d.serviceTask}; ${checks}`
      );
    }),
    '',
    `${L.deviations}:`,
    ...(m.deviations.length === 0 ? [`  ${L.noDeviations}`] : m.deviations.map((d) => `  - ${d}`)),
    '',
    `${L.result}: ${m.resultText}`,
    `${L.deadline}: ${m.deadlineText}`,
  ];
  return lines.join('\r\n') + '\r\n';
}

export interface EmlOptions {
  /** The PDF report to attach. */
  readonly pdf?: Buffer;
  readonly from?: string;
  readonly now: Date;
}

/** The complete draft message. */
export function renderReportEml(m: ReportModel, options: EmlOptions): string {
  const boundary = `kanta-sim-${options.now.getTime().toString(36)}`;
  const headers = [
    `To: ${m.to}`,
    ...(options.from === undefined ? [] : [`From: ${options.from}`]),
    `Subject: ${encodeHeaderWord(m.subject)}`,
    `Date: ${options.now.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(reportText(m), 'utf8')),
  ];
  if (options.pdf === undefined) {
    return [...headers, ...text, ''].join('\r\n');
  }
  // The file name stays ASCII and the same in every language: mail programs mangle the rest.
  const file = `sha-kayttoonottokoe-${m.rehearsalId}.pdf`;
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    `Content-Type: application/pdf; name="${file}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${file}"`,
    '',
    base64Lines(options.pdf),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
