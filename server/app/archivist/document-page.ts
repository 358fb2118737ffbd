/**
 * The document page, shown by GET /archivist/documents/:id and again, with the form's error, when an
 * invalidation is asked without a reason; and the names and links it shows. Until a purpose of use is
 * stated for the document's client, the purpose gate is shown instead.
 */
import type { Request, Response } from 'express';
import { h } from 'preact';
import { displayFormSrcdoc } from '../../../archivist-ui/display-form.js';
import { DocumentPage } from '../../../archivist-ui/views/document.js';
import { nameIn } from '../../../archivist-ui/format.js';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { documentTitle, titleCodesOf } from '../../archivist/document-title.js';
import type { ArchivedDocument } from '../../archivist/archived-document.js';
import type { Purpose } from '../../archivist/purposes.js';
import type { Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { langOf, sendPage } from './page.js';
import { sendPurposeGate } from './purpose-gate.js';
import type { ArchivistRouteContext } from './route-context.js';
import { documentPageModel } from '../../archivist/view-models.js';

/** What the invalidation form adds to the page when it sends the archivist back. */
export interface DocumentPageExtra {
  readonly invalidateError?: string;
  readonly invalidateReason?: string;
  readonly status?: number;
}

/** Renders the document named in the path, as the archivist may see it. */
export async function sendDocumentPage(
  ctx: ArchivistRouteContext,
  req: Request,
  res: Response,
  session: Session,
  extra: DocumentPageExtra = {},
): Promise<void> {
  const lang = langOf(req);
  const id = String(req.params.id);
  const opening = await ctx.deps.service.viewDocument(session, id);
  if (opening.kind === 'purpose-required') {
    sendPurposeGate(ctx, req, res, session, {
      action: documentPurposePath(id),
      subject: 'document',
      cancelHref: '/archivist/search',
      suggestion: req.query.suggest,
    });
    return;
  }
  const { view } = opening;
  const xhtml = view.document.content.xhtml;
  const done = req.query.done;
  sendPage(
    res,
    h(DocumentPage, {
      ctx: ctx.pageContextOf(req, session),
      view: documentPageModel(view, ctx.deps.codes),
      srcdoc: xhtml ? await displayFormSrcdoc(xhtml, lang) : undefined,
      typeName: typeName(view.document, ctx.deps.codes, lang),
      flash: done === 'compare' ? 'compare-saved' : done === 'invalidated' ? 'invalidated' : undefined,
      backHref: backToSearch(view.document.stored.hetu, view.purpose),
      ...extra,
    }),
    extra.status ?? 200,
  );
}

/** The document's title in the reader's language: its type or group by name, never its OID. */
export function typeName(doc: ArchivedDocument, codes: CodeLists, lang: Lang): string {
  return nameIn(documentTitle(titleCodesOf(doc.document), codes), lang) ?? messages(lang).documentTitle;
}

/** Where the gate of a document posts the purpose of use for its client. */
export function documentPurposePath(id: string): string {
  return `/archivist/documents/${encodeURIComponent(id)}/purpose`;
}

/** The search for the document's client, with the purpose of use stated for that client. */
export function backToSearch(hetu: string, purpose: Purpose): string {
  const params = new URLSearchParams({ hetu, reason: purpose.code });
  if (purpose.text !== undefined) {
    params.set('reasonText', purpose.text);
  }
  return `/archivist/search?${params.toString()}`;
}
