/**
 * The purpose of use on the deployment-test pages: a rehearsal's page and reports show its test client's
 * data, so they too wait for a purpose stated for that client. The deployment test is suggested, not
 * assumed: the archivist confirms it.
 */
import type { Request, Response } from 'express';
import type { Session } from '../../archivist/sessions.js';
import type { Rehearsal } from '../../store/rehearsal-store.js';
import { readPurposeForm, sendPurposeGate } from './purpose-gate.js';
import type { ArchivistRouteContext, SignedInHandler } from './route-context.js';

const rehearsalPath = (r: Rehearsal): string => `/archivist/deployment-tests/${encodeURIComponent(r.id)}`;

const gate = (r: Rehearsal) =>
  ({
    action: `${rehearsalPath(r)}/purpose`,
    subject: 'rehearsal',
    cancelHref: '/archivist/deployment-tests',
    suggestion: 'deployment-test',
  }) as const;

/**
 * Whether a purpose is stated for the rehearsal's client. When not, the gate is shown (`page`) or the
 * reader is sent to the rehearsal's page, which shows it (`redirect`, for the report files).
 */
export async function rehearsalPurposeStated(
  ctx: ArchivistRouteContext,
  req: Request,
  res: Response,
  session: Session,
  r: Rehearsal,
  otherwise: 'page' | 'redirect',
): Promise<boolean> {
  if (await ctx.deps.usageLog.purposeFor(session, r.hetu)) {
    return true;
  }
  if (otherwise === 'redirect') {
    res.redirect(303, rehearsalPath(r));
  } else {
    sendPurposeGate(ctx, req, res, session, gate(r));
  }
  return false;
}

/** POST /deployment-tests/:id/purpose: states the purpose for the test client, then shows the rehearsal. */
export function stateRehearsalPurpose(
  ctx: ArchivistRouteContext,
  find: (req: Request, session: Session) => Promise<Rehearsal>,
): SignedInHandler {
  return async (req, res, session) => {
    const r = await find(req, session);
    const read = readPurposeForm(req.body);
    if (!read.ok) {
      sendPurposeGate(ctx, req, res, session, { ...gate(r), form: read.form, problem: read.problem });
      return;
    }
    await ctx.deps.usageLog.grant(session, r.hetu, read.purpose);
    res.redirect(303, rehearsalPath(r));
  };
}
