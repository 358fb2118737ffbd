/**
 * Errors under /archivist as HTML pages in the reader's language (the event stream and the CSV get the
 * JSON error of the rest of the listener). The page shows the localised text of the error's kind, never the
 * error's English message; unexpected errors are logged and shown without detail.
 */
import type { ErrorRequestHandler, Request } from 'express';
import { h } from 'preact';
import { ErrorPage, type ErrorKind } from '../../../archivist-ui/views/error.js';
import type { Session } from '../../archivist/sessions.js';
import { isKantaSimError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { pageContext, sendPage } from './page.js';

const KIND_BY_CODE: Record<string, ErrorKind> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
};

/** The archivist router's last handler. */
export function archivistErrorPage(
  logger: Logger,
  sessionOf: (req: Request) => Session | undefined,
  organisationName: (oid: string) => string | undefined,
): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent || !req.accepts('html')) {
      next(err);
      return;
    }
    const ctx = pageContext(req, sessionOf(req), organisationName);
    if (isKantaSimError(err)) {
      const csrf = (err.details as { csrf?: boolean } | undefined)?.csrf === true;
      const kind = csrf ? 'CSRF' : (KIND_BY_CODE[err.code] ?? 'BAD_REQUEST');
      sendPage(
        res,
        // The error's message is English for logs and JSON; the page says what it means in the reader's language.
        h(ErrorPage, { ctx, kind, status: err.status }),
        err.status,
      );
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendPage(res, h(ErrorPage, { ctx, kind: 'BAD_REQUEST', status }), status);
      return;
    }
    logger.error('unexpected error in the archivist interface', err);
    sendPage(res, h(ErrorPage, { ctx, kind: 'INTERNAL', status: 500 }), 500);
  };
}
