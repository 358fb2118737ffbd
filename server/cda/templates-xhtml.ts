/**
 * Pieces of the display form (näyttömuoto): an XHTML fragment in the layout of the real documents' decoded
 * bodies (soc-document, soc-header, soc-main-wrapper with soc-list/soc-item sections, soc-footer). Built
 * with the same escaping writer as the CDA, so names with `&` or `<` cannot break the markup. The logo image
 * of the real documents is left out: it is decoration, and kanta-sim has no organisation logos.
 */
import { el, frag, text, toSignedXml, type XmlChild } from '../xml/xml-writer.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** A paragraph whose lines are separated by `<br/>`. Empty lines are dropped. */
export function para(...lines: readonly (string | undefined)[]): XmlChild {
  const kept = lines.filter((l): l is string => l !== undefined && l !== '');
  const parts: XmlChild[] = [];
  kept.forEach((line, i) => {
    if (i > 0) {
      parts.push(el('br'));
    }
    parts.push(text(line));
  });
  return el('p', {}, ...parts);
}

/** A bold label line, as the real client-relationship document marks its sub-blocks. */
export function bold(label: string): XmlChild {
  return frag(el('b', {}, text(label)), el('br'));
}

/** A heading with the real documents' classes: h1..h3 `soc-fulltitle`. */
export function heading(level: 1 | 2 | 3, title: string): XmlChild {
  return el(`h${level}`, { class: 'soc-fulltitle' }, text(title));
}

/** A titled item as in the client plan: soc-list > soc-item > h1.soc-title + soc-content. */
export function titledItem(title: string, ...content: readonly XmlChild[]): XmlChild {
  return el(
    'div',
    { class: 'soc-list' },
    el(
      'div',
      { class: 'soc-item' },
      el('h1', { class: 'soc-title' }, text(title)),
      el('div', { class: 'soc-content' }, ...content),
    ),
  );
}

/** A section as in the client-relationship document: h1.soc-fulltitle, then soc-list > soc-item > soc-content. */
export function fullTitleSection(title: string, ...content: readonly XmlChild[]): XmlChild {
  return frag(
    heading(1, title),
    el(
      'div',
      { class: 'soc-list' },
      el('div', { class: 'soc-item' }, el('div', { class: 'soc-content' }, ...content)),
    ),
  );
}

/** The hetu as the real display forms show it: date part, the rest masked (`180418*****`). */
export function maskHetu(hetu: string): string {
  return hetu.length > 6 ? `${hetu.slice(0, 6)}${'*'.repeat(hetu.length - 6)}` : hetu;
}

/** The whole display form. `id` is the document OID; the div gets `id="OID<id>"` as in the real ones. */
export function socDocument(options: {
  readonly id: string;
  readonly organisationName: string;
  /** soc-hdr2: the general document type's name ('' for the client-relationship document). */
  readonly generalTypeName?: string;
  /** soc-hdr3: the document date as shown (DD.MM.YYYY). */
  readonly date?: string;
  readonly title: string;
  readonly content: readonly XmlChild[];
}): string {
  const header = el(
    'div',
    { class: 'soc-header' },
    el('div', { class: 'soc-hdr1' }, text(options.organisationName)),
    el('div', { class: 'soc-hdr2' }, text(options.generalTypeName ?? '')),
    el('div', { class: 'soc-hdr3' }, text(options.date ?? '')),
  );
  const footer = el(
    'div',
    { class: 'soc-footer' },
    el('div', { class: 'soc-ftr1' }),
    el('div', { class: 'soc-ftr2' }),
    el('div', { class: 'soc-ftr3' }),
  );
  return toSignedXml(
    el(
      'div',
      { class: 'soc-document', id: `OID${options.id}`, xmlns: XHTML_NS },
      header,
      el('div', { class: 'soc-main-wrapper' }, heading(1, options.title), ...options.content),
      footer,
    ),
  );
}
