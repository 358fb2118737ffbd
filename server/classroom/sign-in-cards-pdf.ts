/**
 * The sign-in cards as a PDF: eight to an A4 sheet, dashed cut lines around each card, drawn with pdfkit's
 * standard Helvetica like the rehearsal report (no font files to ship; WinAnsi covers ä, ö and å). The
 * labels come from the interface's catalogue, passed in by the route, so this floor holds no texts.
 */
import { cardSheets, type SignInCardsModel } from './view-models.js';

/** The words a card prints beside its values, in the cards' language. */
export interface SignInCardLabels {
  readonly title: string;
  readonly heading: string;
  readonly address: string;
  readonly username: string;
  readonly password: string;
}

export interface CardsPdfOptions {
  /** Deflate the content streams (default true); tests turn it off to read the text back. */
  readonly compress?: boolean;
}

const A4 = { width: 595.28, height: 841.89 } as const;
/** 10 mm, as the HTML cards' @page margin. */
const MARGIN = 28.35;
const COLUMNS = 2;
const ROWS = 4;
const PADDING = 14;

/** Text limited to Latin-1, which the standard fonts' WinAnsi encoding holds (anything else prints "?"). */
function latin1(text: string): string {
  return [...text.replace(/[\u2013\u2014]/g, '-')].map((c) => (c.charCodeAt(0) <= 0xff ? c : '?')).join('');
}

/**
 * Renders the cards; resolves with the PDF bytes. pdfkit is loaded on first use, as for the report: most
 * servers never print a card.
 */
export async function renderSignInCardsPdf(
  model: SignInCardsModel,
  labels: SignInCardLabels,
  options: CardsPdfOptions = {},
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: latin1(labels.title), Creator: 'kanta-sim' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = (A4.width - 2 * MARGIN) / COLUMNS;
  const height = (A4.height - 2 * MARGIN) / ROWS;
  for (const sheet of cardSheets(model.cards, COLUMNS * ROWS)) {
    doc.addPage();
    sheet.forEach((card, i) => {
      const x = MARGIN + (i % COLUMNS) * width;
      const y = MARGIN + Math.floor(i / COLUMNS) * height;
      doc
        .save()
        .lineWidth(0.5)
        .dash(4, { space: 3 })
        .strokeColor('#5a6b7d')
        .rect(x, y, width, height)
        .stroke();
      doc.restore();
      const inner = { width: width - 2 * PADDING, lineBreak: true } as const;
      doc.fillColor('#10253f').font('Helvetica').fontSize(8);
      doc.text(latin1(labels.heading.toUpperCase()), x + PADDING, y + PADDING, inner);
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(15).text(latin1(card.name), inner);
      doc.font('Helvetica').fontSize(10).text(latin1(card.organisationName), inner);
      doc.moveDown(0.6);
      for (const [label, value] of [
        [labels.address, model.url],
        [labels.username, card.username],
        [labels.password, card.password],
      ] as const) {
        doc.font('Helvetica-Bold').fontSize(9).text(latin1(label), inner);
        // A long address shrinks to stay on one line: a wrapped URL is easy to mistype.
        doc.font('Courier').fontSize(11);
        const fits = Math.min(11, (11 * inner.width) / doc.widthOfString(latin1(value)));
        doc.fontSize(Math.max(6, fits)).text(latin1(value), inner);
        doc.moveDown(0.2);
      }
    });
  }
  if (model.cards.length === 0) {
    doc.addPage();
  }
  doc.end();
  return done;
}
