/**
 * The document's display form is untrusted input: an XHTML fragment written by any client system. It is
 * shown with two independent defences, so that a gap in one is closed by the other:
 *
 * 1. sanitize-html with an allow-list of text and table markup: no script, style, link, img, iframe, form
 *    or a elements, no event-handler or style attributes, no URLs at all;
 * 2. an iframe with `sandbox=""` (no scripts, no same-origin, no forms, no navigation) whose `srcdoc`
 *    document carries a CSP allowing nothing but its one known style block (by hash): even markup that
 *    slipped through could neither run nor fetch.
 *
 * The page around it sends a CSP with the same style hash and no inline scripts (server/app/archivist/page.ts).
 */
import { createHash } from 'node:crypto';

const ALLOWED_TAGS = [
  'div',
  'span',
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sub',
  'sup',
  'small',
  'pre',
  'code',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'col',
  'colgroup',
];

/**
 * The allow-list sanitiser: markup for text and tables only, never a URL. sanitize-html is loaded on
 * first use (~18 MB resident): a server that only archives never opens a document view.
 */
export async function sanitizeDisplayForm(xhtml: string): Promise<string> {
  const { default: sanitizeHtml } = await import('sanitize-html');
  return sanitizeHtml(xhtml, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['class', 'lang', 'title'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
    },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Content of these is dropped with the tag, not shown as text.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'title',
      'template',
      'iframe',
      'object',
    ],
  });
}

/** Styles of the framed display form, close to how Kanta's own viewer lays out the soc-* classes. */
const FRAME_STYLE = [
  'body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:1.25rem;background:#fff}',
  '.soc-header{display:flex;justify-content:space-between;gap:1rem;border-bottom:2px solid #003580;padding-bottom:.5rem;margin-bottom:1rem;color:#003580;font-weight:600}',
  'h1{font-size:1.4rem;color:#003580;margin:.5rem 0 1rem}h2,h3{font-size:1.1rem;color:#003580}',
  'table{border-collapse:collapse}td,th{border:1px solid #c8cdd4;padding:.25rem .5rem;text-align:left}',
  '.soc-footer{border-top:1px solid #c8cdd4;margin-top:1.5rem}',
].join('');

/** The CSP source for FRAME_STYLE, also listed in the page's own CSP (srcdoc frames inherit it). */
export const FRAME_STYLE_HASH = `'sha256-${createHash('sha256').update(FRAME_STYLE).digest('base64')}'`;

/** The whole srcdoc document for the sandboxed frame. */
export async function displayFormSrcdoc(xhtml: string, lang: string): Promise<string> {
  const csp = `default-src 'none'; style-src ${FRAME_STYLE_HASH}; img-src 'none'; form-action 'none'; base-uri 'none'`;
  return (
    `<!DOCTYPE html><html lang="${lang === 'sv' || lang === 'en' ? lang : 'fi'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<style>${FRAME_STYLE}</style></head><body>${await sanitizeDisplayForm(xhtml)}</body></html>`
  );
}
