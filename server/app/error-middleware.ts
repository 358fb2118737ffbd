/**
 * The one error middleware of the JSON APIs: known errors render as { error: { code, message } } with their
 * status; anything else is logged with its stack and answered with a generic 500, never the stack.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isKantaSimError } from '../errors.js';
import type { Logger } from '../logger.js';

export function jsonErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (isKantaSimError(err)) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    const status = httpStatusOf(err);
    if (status !== undefined && status >= 400 && status < 500) {
      // body-parser's errors (malformed JSON, too large) carry a status and a safe message.
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
      res.status(status).json({ error: { code, message: (err as Error).message } });
      return;
    }
    logger.error('unexpected error', err);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error' } });
  };
}

/** Answers unknown paths with a JSON 404 instead of Express's HTML page. */
export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `no route for ${req.method} ${req.path}` } });
};

function httpStatusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null) {
    const s =
      (err as { status?: unknown; statusCode?: unknown }).status ??
      (err as { statusCode?: unknown }).statusCode;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}
