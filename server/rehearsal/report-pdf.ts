/**
 * The report as a PDF, drawn with pdfkit's standard Helvetica: no font files to ship, and its WinAnsi
 * encoding covers Latin-1, so ä, ö and å print. Anything beyond Latin-1 is replaced first (dashes by a
 * hyphen, the rest by "?"), so an unexpected character in a name can never print as garbage.
 */
import type { ReportModel } from './report-model.js';
import { reportTexts } from './report-texts.js';

export interface PdfOptions {
  /** Deflate the content streams (default true); tests turn it off to read the text back. */
  readonly compress?: boolean;
}

/** Text limited to Latin-1 (and the euro sign), which the standard fonts' WinAnsi encoding holds. */
function latin1(text: string): string {
  return [...text.replace(/[\u2013\u2014]/g, '-')]
    .map((c) => (c.charCodeAt(0) <= 0xff || c === '\u20ac' ? c : '?'))
    .join('');
}

/**
 * Renders the report; resolves with the PDF bytes. pdfkit is loaded on first use (~30 MB resident): most
 * servers never print a report.
 */
export async function renderReportPdf(model: ReportModel, options: PdfOptions = {}): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: options.compress ?? true,
    info: { Title: latin1(model.subject), Creator: 'kanta-sim' },
  });
  const L = reportTexts(model.lang);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (s: string, opts?: PDFKit.Mixins.TextOptions): void => {
    doc.text(latin1(s), opts);
  };
  doc.font('Helvetica-Bold').fontSize(16);
  t(L.title);
  doc.moveDown(0.5).fontSize(10);
  const field = (label: string, value: string | undefined): void => {
    if (value === undefined || value === '') {
      return;
    }
    doc.font('Helvetica-Bold');
    t(`${label}: `, { continued: true });
    doc.font('Helvetica');
    t(value);
  };
  field(L.organisation, model.organisation.name);
  field(L.oid, model.organisation.oid);
  field(L.registerKeeper, model.organisation.registerKeeperOid);
  field(L.role, model.role);
  field(L.units, model.units.join('; '));
  field(L.accessRights, model.accessRights.join('; '));
  field(L.clientSystem, model.clientSystem);
  field(L.systemProfile, model.systemProfile);
  field(L.phase, model.phase);
  field(L.testCase, model.testCase);
  field(L.testedAt, model.testedAt);
  field(L.testIdentities, model.testIdentities.join('; '));
  field(L.rehearsal, model.rehearsalId);

  heading(doc, L.participants);
  for (const p of model.participants) {
    t(`${p.role}: ${p.name}${p.contact === '' ? '' : ` (${p.contact})`}`);
  }

  heading(doc, L.documents);
  const [, oidCol, setCol, verCol, , taskCol, ...checkCols] = L.columns;
  for (const d of model.documents) {
    doc.font('Helvetica-Bold');
    t(`${d.key}: ${d.type}`);
    doc.font('Helvetica');
    t(`${oidCol} ${d.id}   ${setCol} ${d.setId}   ${verCol} ${d.version}`);
    t(`${taskCol}: ${d.serviceTask}`);
    const marks = [d.archived, d.inRegister, d.metadataValid, d.matchesClientSystem];
    t(checkCols.map((c, i) => `${c}: ${L.marks[marks[i] ?? 'open']}`).join('   '));
    doc.moveDown(0.3);
  }

  heading(doc, L.deviations);
  if (model.deviations.length === 0) {
    t(L.noDeviations);
  }
  for (const d of model.deviations) {
    t(`- ${d}`);
  }

  heading(doc, L.result);
  doc.font('Helvetica-Bold');
  t(model.resultText);
  doc.font('Helvetica');
  t(`${L.deadline}: ${model.deadlineText} (${model.to})`);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(latin1(text)).font('Helvetica').fontSize(10);
  doc.moveDown(0.2);
}
