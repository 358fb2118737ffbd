/**
 * The trainer's console (/archivist/classroom): the class overview and the forms that make the class, reset
 * a sandbox or the whole class (a confirmation step first), archive a document now and make the next one
 * fail; and the sign-in cards as HTML and PDF. Only the classroom's trainer reaches it: anyone else gets
 * the 404 of a page that is not theirs, as for documents outside their registers.
 */
import express, { type Request, type Response, type Router } from 'express';
import { h } from 'preact';
import { classroomMessages } from '../../../archivist-ui/i18n/classroom.js';
import { messages } from '../../../archivist-ui/i18n/index.js';
import { SignInCardsPage } from '../../../archivist-ui/views/classroom-cards.js';
import { ClassroomConsolePage } from '../../../archivist-ui/views/classroom-console.js';
import type { RefusedConsoleForm } from '../../../archivist-ui/views/classroom-forms.js';
import { ClassroomResetConfirmPage } from '../../../archivist-ui/views/classroom-reset.js';
import type { Session } from '../../archivist/sessions.js';
import { renderSignInCardsPdf } from '../../classroom/sign-in-cards-pdf.js';
import {
  interfaceUrl,
  isConsoleNotice,
  type ClassOverviewModel,
  type ConsoleNotice,
  type SignInCardsModel,
  type TrainerSignIn,
} from '../../classroom/view-models.js';
import { KantaSimError } from '../../errors.js';
import type { ClassroomConsole, ConsoleAccess } from './classroom-console.js';
import { readArchiveNow, readFailNext, readMakeClass, readTarget } from './classroom-form.js';
import { sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';

const HOME = '/archivist/classroom';

type ConsoleHandler = (req: Request, res: Response, session: Session, access: ConsoleAccess) => Promise<void>;

const BOTH = ['trainer', 'operator'] as const;
const TRAINER = ['trainer'] as const;

/** The console's routes of the archivist router, when this kanta-sim has a classroom. */
export function classroomRoutes(ctx: ArchivistRouteContext, classroom: ClassroomConsole): Router {
  const router = express.Router();
  /** Runs the handler for whom `allowed` lets in; anyone else meets the 404 of a page that is not theirs. */
  const gate = (allowed: readonly ConsoleAccess[], handler: ConsoleHandler) =>
    ctx.signedIn(async (req, res, session) => {
      const access = await classroom.access(session.archivist);
      if (access === undefined || !allowed.includes(access)) {
        throw new KantaSimError('NOT_FOUND', "the trainer's console is the classroom trainer's only");
      }
      await handler(req, res, session, access);
    });
  const routes = new ConsoleRoutes(ctx, classroom);
  router.get(
    '/classroom',
    gate(BOTH, (req, res, s) => routes.show(req, res, s)),
  );
  router.post(
    '/classroom',
    ctx.form,
    gate(BOTH, (req, res, s, a) => routes.make(req, res, s, a)),
  );
  const trainerPosts: readonly [string, ConsoleHandler][] = [
    ['/classroom/reset', (req, res, s) => routes.confirmReset(req, res, s)],
    ['/classroom/reset/confirm', (req, res, s) => routes.reset(req, res, s)],
    ['/classroom/archive-now', (req, res, s) => routes.archiveNow(req, res, s)],
    ['/classroom/fail-next', (req, res, s) => routes.failNext(req, res, s)],
  ];
  for (const [path, handler] of trainerPosts) {
    router.post(path, ctx.form, gate(TRAINER, handler));
  }
  router.get(
    '/classroom/cards',
    gate(TRAINER, (req, res, s) => routes.cardsHtml(req, res, s)),
  );
  router.get(
    '/classroom/cards.pdf',
    gate(TRAINER, (req, res, s) => routes.cardsPdf(req, res, s)),
  );
  return router;
}

class ConsoleRoutes {
  constructor(
    private readonly ctx: ArchivistRouteContext,
    private readonly classroom: ClassroomConsole,
  ) {}

  /** GET: the overview (or the make form), with the notice of what was just done. */
  async show(req: Request, res: Response, session: Session): Promise<void> {
    const notice = isConsoleNotice(req.query.done) ? req.query.done : undefined;
    await this.sendConsole(req, res, session, { notice });
  }

  /**
   * Makes the class. The trainer goes back to the overview; the operator, who cannot open it, is shown once
   * how the trainer signs in.
   */
  async make(req: Request, res: Response, session: Session, access: ConsoleAccess): Promise<void> {
    const read = readMakeClass(this.body(req), await this.classroom.choices());
    if (!read.ok) {
      await this.sendConsole(req, res, session, { refused: read.refused });
      return;
    }
    const made = await this.classroom.make(read.value);
    if (access === 'trainer') {
      this.done(res, 'made');
      return;
    }
    await this.sendConsole(req, res, session, { notice: 'made', trainerSignIn: made.trainer });
  }

  /** The first reset click only asks: which sandbox (or the whole class), and what a reset removes. */
  async confirmReset(req: Request, res: Response, session: Session): Promise<void> {
    const overview = await this.overviewOrNotFound(req, session);
    const target = readTarget(this.field(req, 'target'), overview.trainees);
    const page = this.ctx.pageContextOf(req, session);
    if (target === undefined) {
      throw new KantaSimError('NOT_FOUND', 'no such sandbox in this class');
    }
    const trainee = overview.trainees.find((t) => t.sandboxId === target);
    sendPage(
      res,
      h(ClassroomResetConfirmPage, {
        ctx: page,
        scope: trainee ? { kind: 'sandbox', trainee } : { kind: 'class', trainees: overview.trainees.length },
      }),
    );
  }

  async reset(req: Request, res: Response, session: Session): Promise<void> {
    const overview = await this.overviewOrNotFound(req, session);
    const target = readTarget(this.field(req, 'target'), overview.trainees);
    if (target === undefined) {
      throw new KantaSimError('NOT_FOUND', 'no such sandbox in this class');
    }
    await this.classroom.reset(target);
    this.done(res, target === 'all' ? 'reset-class' : 'reset-sandbox');
  }

  async archiveNow(req: Request, res: Response, session: Session): Promise<void> {
    const overview = await this.overviewOrNotFound(req, session);
    const read = readArchiveNow(this.body(req), await this.classroom.choices(), overview.trainees);
    if (!read.ok) {
      await this.sendConsole(req, res, session, { refused: read.refused });
      return;
    }
    // A refusal is often what the trainer staged (fail-next): the console says so rather than failing.
    const { refused } = await this.classroom.archiveNow(read.value);
    this.done(res, refused > 0 ? 'archive-refused' : 'archived');
  }

  async failNext(req: Request, res: Response, session: Session): Promise<void> {
    const overview = await this.overviewOrNotFound(req, session);
    const read = readFailNext(this.body(req), await this.classroom.choices(), overview.trainees);
    if (!read.ok) {
      await this.sendConsole(req, res, session, { refused: read.refused });
      return;
    }
    await this.classroom.failNext(read.value);
    this.done(res, 'fail-armed');
  }

  async cardsHtml(req: Request, res: Response, session: Session): Promise<void> {
    sendPage(res, h(SignInCardsPage, { model: await this.cardsModel(req, session) }));
  }

  async cardsPdf(req: Request, res: Response, session: Session): Promise<void> {
    const model = await this.cardsModel(req, session);
    const c = classroomMessages(model.lang);
    const pdf = await renderSignInCardsPdf(model, {
      title: c.cardsTitle,
      heading: c.cardHeading,
      address: c.cardAddress,
      username: messages(model.lang).username,
      password: c.cardPassword,
    });
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${c.cardsFile}"`)
      .send(pdf);
  }

  /** The cards in the class's language, with the address the trainer's browser used (or the public URL). */
  private async cardsModel(req: Request, session: Session): Promise<SignInCardsModel> {
    await this.overviewOrNotFound(req, session);
    const found = await this.classroom.cards();
    if (!found) {
      throw new KantaSimError('NOT_FOUND', 'no class has been made');
    }
    const url = interfaceUrl({ protocol: req.protocol, host: req.get('host') }, this.classroom.publicUrl);
    return { lang: found.lang, url, cards: found.cards };
  }

  private async overviewOrNotFound(req: Request, session: Session): Promise<ClassOverviewModel> {
    const overview = await this.classroom.overview(this.ctx.pageContextOf(req, session).lang);
    if (!overview) {
      throw new KantaSimError('NOT_FOUND', 'no class has been made');
    }
    return overview;
  }

  private async sendConsole(
    req: Request,
    res: Response,
    session: Session,
    shown: {
      readonly notice?: ConsoleNotice | undefined;
      readonly refused?: RefusedConsoleForm | undefined;
      readonly trainerSignIn?: TrainerSignIn;
    },
  ): Promise<void> {
    const page = this.ctx.pageContextOf(req, session);
    const [overview, choices] = await Promise.all([
      this.classroom.overview(page.lang),
      this.classroom.choices(),
    ]);
    sendPage(
      res,
      h(ClassroomConsolePage, {
        ctx: page,
        // The operator is shown how the trainer signs in, not the class: the overview is the trainer's.
        overview: shown.trainerSignIn ? undefined : overview,
        choices,
        notice: shown.notice,
        refused: shown.refused,
        trainerSignIn: shown.trainerSignIn,
      }),
      shown.refused ? 400 : 200,
    );
  }

  /** After a change, back to the overview (303), which says once what was done. */
  private done(res: Response, notice: ConsoleNotice): void {
    res.redirect(303, `${HOME}?done=${notice}`);
  }

  private body(req: Request): Record<string, unknown> {
    return (req.body as Record<string, unknown> | undefined) ?? {};
  }

  private field(req: Request, name: string): string | undefined {
    const v = this.body(req)[name];
    return typeof v === 'string' ? v : undefined;
  }
}
