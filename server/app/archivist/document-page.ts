/**
 * The document page, shown by GET /archivist/documents/:id and again, with the form's error, when an
 * invalidation is asked without a reason; and the names and links it shows.
 */
import type { Request, Response } from 'express';
import { h } from 'preact';
import { displayFormSrcdoc } from '../../../archivist-ui/display-form.js';
import { DocumentPage } from '../../../archivist-ui/views/document.js';
import { nameIn } from '../../../archivist-ui/format.js';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { documentTitle, titleCodesOf } from '../../archivist/document-title.js';
import type { ArchivedDocument } from '../../archivist/archived-document.js';
import type { Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { langOf, sendPage } from './page.js';
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
  const view = await ctx.deps.service.viewDocument(session, String(req.params.id));
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
      backHref: backToSearch(view.document.stored.hetu, session),
      ...extra,
    }),
    extra.status ?? 200,
  );
}

/** The document's title in the reader's language: its type or group by name, never its OID. */
export function typeName(doc: ArchivedDocument, codes: CodeLists, lang: Lang): string {
  return nameIn(documentTitle(titleCodesOf(doc.document), codes), lang) ?? messages(lang).documentTitle;
}

/** The search for the document's client, with the purpose of use the session stated. */
export function backToSearch(hetu: string, session: Session): string {
  const params = new URLSearchParams({ hetu });
  if (session.reason) {
    const at = session.reason.indexOf(': ');
    params.set('reason', at < 0 ? session.reason : session.reason.slice(0, at));
    if (at >= 0) {
      params.set('reasonText', session.reason.slice(at + 2));
    }
  }
  return `/archivist/search?${params.toString()}`;
}
