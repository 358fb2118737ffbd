/**
 * What every archivist route module is given: the services, the form parser, the session of the request
 * and the signed-in gate. One context per router, so that the modules share one session lookup.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import type { ArchivistService } from '../../archivist/archivist-service.js';
import type { OrganisationNames } from '../../archivist/archivists.js';
import type { LiveFeed } from '../../archivist/live-feed.js';
import type { ExerciseParts } from '../../classroom/exercise-service.js';
import type { PresenterParts } from '../../classroom/presenter.js';
import type { UsageLogService } from '../../archivist/usage-log-service.js';
import { csrfMatches, type Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { KantaSimError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RehearsalParts } from '../../rehearsal/rehearsal-parts.js';
import type { ClassroomConsole } from './classroom-console.js';
import { COOKIES, readCookie } from './cookies.js';
import { pageContext } from './page.js';
import { checkOrigin } from './sign-in-forms.js';

export interface ArchivistRoutesDeps {
  readonly service: ArchivistService;
  /** The usage log and the purposes of use stated per client. */
  readonly usageLog: UsageLogService;
  readonly feed: LiveFeed;
  readonly codes: CodeLists;
  readonly organisations: OrganisationNames;
  readonly logger: Logger;
  /** The deployment-test rehearsal, when this kanta-sim has one (the Käyttöönottokoe pages). */
  readonly rehearsal?: RehearsalParts;
  /** The classroom, when this kanta-sim has one (the trainer's console, linked in the trainer's menu). */
  readonly classroom?: ClassroomConsole;
  /** The classroom's exercises (the trainee's page, the trainer's answers), when there is a classroom. */
  readonly exercises?: ExerciseParts;
  /** The classroom's presenter view (the projector's mirror of the trainer's window). */
  readonly presenter?: PresenterParts;
  /**
   * When set (web listener not on loopback), the one-click demo sign-in needs this control token, as
   * `Authorization: Bearer` or typed into the demo form, so that anyone who can reach the listener cannot
   * read client data as the demo archivist.
   */
  readonly demoToken?: string;
}

/** A route handler that runs only for a signed-in archivist, with the session. */
export type SignedInHandler = (req: Request, res: Response, session: Session) => Promise<void>;

export interface ArchivistRouteContext {
  readonly deps: ArchivistRoutesDeps;
  /** The urlencoded body parser of the interface's forms. */
  readonly form: RequestHandler;
  readonly sessionOf: (req: Request) => Session | undefined;
  /** A GET without a session goes to sign-in; a POST must carry the session's CSRF token. */
  readonly signedIn: (handler: SignedInHandler) => RequestHandler;
  readonly pageContextOf: (req: Request, session?: Session) => PageContext;
  readonly orgName: (oid: string) => string | undefined;
}

/** The context of one router, and the middleware that finds each request's session for it. */
export function createRouteContext(deps: ArchivistRoutesDeps): {
  readonly context: ArchivistRouteContext;
  readonly loadSession: RequestHandler;
} {
  const sessions = new WeakMap<Request, Session>();
  const trainers = new WeakSet<Request>();
  const trainees = new WeakSet<Request>();
  const orgName = (oid: string): string | undefined => deps.organisations.get(oid)?.name;
  const loadSession: RequestHandler = async (req, _res, next) => {
    try {
      const session = await deps.service.session(readCookie(req, COOKIES.session));
      if (session) {
        sessions.set(req, session);
        // The operator's make-the-class form is reached by its address; the menu is the trainer's.
        if ((await deps.classroom?.access(session.archivist)) === 'trainer') {
          trainers.add(req);
        }
        if (await deps.exercises?.isTrainee(session.archivist.id)) {
          trainees.add(req);
        }
      }
      next();
    } catch (e) {
      next(e);
    }
  };
  const sessionOf = (req: Request): Session | undefined => sessions.get(req);
  const context: ArchivistRouteContext = {
    deps,
    form: express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }),
    sessionOf,
    signedIn: (handler) => signedInGate(sessionOf, handler),
    pageContextOf: (req, session) => pageContext(req, session, orgName, trainers.has(req), trainees.has(req)),
    orgName,
  };
  return { context, loadSession };
}

function signedInGate(
  sessionOf: (req: Request) => Session | undefined,
  handler: SignedInHandler,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const session = sessionOf(req);
      if (!session) {
        if (req.method === 'GET' && req.accepts('html') && req.path !== '/events') {
          res.redirect(303, `/archivist/login?next=${encodeURIComponent(req.originalUrl)}`);
          return;
        }
        throw new KantaSimError('UNAUTHORIZED');
      }
      if (req.method === 'POST') {
        checkOrigin(req);
        if (!csrfMatches(session, (req.body as Record<string, unknown> | undefined)?.csrf)) {
          throw new KantaSimError('FORBIDDEN', 'the form token is missing or wrong', {
            details: { csrf: true },
          });
        }
      }
      await handler(req, res, session);
    } catch (e) {
      next(e);
    }
  };
}
