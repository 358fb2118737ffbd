/**
 * The purpose-of-use gate on the route side: reading its form, and showing it instead of a client's data
 * (again with the wrong field marked, the values kept and 400, when the purpose is missing or incomplete).
 */
import type { Request, Response } from 'express';
import { h } from 'preact';
import { PurposeGatePage, type PurposeForm } from '../../../archivist-ui/views/purpose-gate.js';
import { isAccessReason, readPurpose, type Purpose, type PurposeProblem } from '../../archivist/purposes.js';
import type { Session } from '../../archivist/sessions.js';
import { sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';

/** The gate's form as posted: the purpose, or the field that is wrong, and the values to show again. */
export type PurposeFormResult =
  | { readonly ok: true; readonly purpose: Purpose }
  | { readonly ok: false; readonly problem: PurposeProblem; readonly form: PurposeForm };

export function readPurposeForm(body: unknown): PurposeFormResult {
  const values = (body ?? {}) as Record<string, unknown>;
  const read = readPurpose(values.reason, values.reasonText);
  if (read.ok) {
    return read;
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  return {
    ok: false,
    problem: read.problem,
    form: { reason: text(values.reason), reasonText: text(values.reasonText) },
  };
}

export interface GateOptions {
  readonly action: string;
  readonly subject: 'document' | 'rehearsal';
  readonly cancelHref: string;
  /** A reason to preselect; the archivist still confirms it. */
  readonly suggestion?: unknown;
  readonly form?: PurposeForm;
  readonly problem?: PurposeProblem;
}

/** Renders the gate: 200 when it asks, 400 when it asks again after a wrong answer. */
export function sendPurposeGate(
  ctx: ArchivistRouteContext,
  req: Request,
  res: Response,
  session: Session,
  options: GateOptions,
): void {
  const suggestion = isAccessReason(options.suggestion) ? options.suggestion : undefined;
  sendPage(
    res,
    h(PurposeGatePage, {
      ctx: ctx.pageContextOf(req, session),
      action: options.action,
      subject: options.subject,
      form: options.form ?? { reason: suggestion },
      suggested: options.form === undefined && suggestion !== undefined,
      problem: options.problem,
      cancelHref: options.cancelHref,
    }),
    options.problem ? 400 : 200,
  );
}
