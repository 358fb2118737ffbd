/** Reading the JSON API's path parameters, query strings and bodies as plain values. */
import type { Request } from 'express';
import { KantaSimError } from '../../errors.js';

/** A path parameter ('' when absent). */
export function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

/** A query-string value given once and not empty. */
export function query(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The JSON body as an object ({} when there is none); any other JSON is refused. */
export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) {
    return {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KantaSimError('BAD_REQUEST', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
