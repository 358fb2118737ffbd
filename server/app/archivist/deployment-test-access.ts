/**
 * Which rehearsals an archivist may see (those of the organisations it acts for); shared by the
 * deployment-test route modules.
 */
import type { Request } from 'express';
import type { Session } from '../../archivist/sessions.js';
import { KantaSimError } from '../../errors.js';
import type { RehearsalParts } from '../../rehearsal/rehearsal-parts.js';
import type { Rehearsal } from '../../store/rehearsal-store.js';

/** The rehearsal named in the path, if the archivist acts for its organisation. */
export async function own(rehearsal: RehearsalParts, req: Request, session: Session): Promise<Rehearsal> {
  const id = String(req.params.id);
  const found = await rehearsal.rehearsals.get(id).catch(() => undefined);
  if (!found || !visibleTo(found, session)) {
    throw new KantaSimError('NOT_FOUND', 'no such deployment-test rehearsal in your registers');
  }
  return found;
}

export function visibleTo(r: Rehearsal, session: Session): boolean {
  return session.archivist.registerOids.includes(r.organisationOid);
}
