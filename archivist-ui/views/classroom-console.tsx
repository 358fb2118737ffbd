/**
 * The trainer's console: the class overview (each trainee, signed in or not, what each did from the usage
 * log, a reset per sandbox), then resetting the whole class, archiving a document now, making the next one
 * fail, and the sign-in cards. Without a class it offers the form that makes one.
 */
import {
  labelIn,
  type ClassOverviewModel,
  type ConsoleChoices,
  type ConsoleNotice,
  type TraineeLine,
  type TrainerSignIn,
} from '../../server/classroom/view-models.js';
import { formatInstant } from '../format.js';
import { classroomMessages } from '../i18n/classroom.js';
import { messages } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { ArchiveNowForm, FailNextForm, MakeClassForm, type RefusedConsoleForm } from './classroom-forms.js';
import { Layout } from './layout.js';
import { ScrollRegion } from './scroll-region.js';

/**
 * A POST button with the CSRF token, for the resets (each asks for confirmation on its own page). A reset of
 * one sandbox names the trainee after its visible words, for a screen reader going down the table's buttons.
 */
function ResetButton(props: { ctx: PageContext; target: string; label: string; id: string; whose?: string }) {
  return (
    <form method="post" action="/archivist/classroom/reset" class="inline-form">
      <input type="hidden" name="csrf" value={props.ctx.user?.csrf ?? ''} />
      <input type="hidden" name="target" value={props.target} />
      <button type="submit" class="button danger-outline" id={props.id}>
        {props.label}
        {props.whose && <span class="visually-hidden">{` (${props.whose})`}</span>}
      </button>
    </form>
  );
}

function Activity(props: { ctx: PageContext; trainee: TraineeLine }) {
  const { ctx, trainee } = props;
  const c = classroomMessages(ctx.lang);
  const { activity } = trainee;
  if (activity.count === 0) {
    return <span class="muted">{c.noActivity}</span>;
  }
  return (
    <div>
      <strong data-activity-count={activity.count}>{c.activityCount(activity.count)}</strong>
      <ul class="activity-list">
        {activity.last.map((a) => (
          <li data-action={a.action}>
            {ctx.t.actions[a.action]} <span class="nowrap">{formatInstant(a.at, ctx.lang)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TraineeTable(props: { ctx: PageContext; trainees: readonly TraineeLine[] }) {
  const { ctx } = props;
  const c = classroomMessages(ctx.lang);
  return (
    <ScrollRegion label={c.trainees}>
      <table class="data-table trainees">
        <caption class="visually-hidden">{c.trainees}</caption>
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.username}</th>
            <th scope="col">{c.organisation}</th>
            <th scope="col">{c.signedIn}</th>
            <th scope="col">{c.activity}</th>
            <th scope="col">{c.actionsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.trainees.map((t) => (
            <tr data-sandbox={t.sandboxId} data-username={t.username}>
              <th scope="row">{t.name}</th>
              <td class="code">{t.username}</td>
              <td>{t.organisationName}</td>
              <td data-signed-in={t.signedIn ? 'yes' : 'no'}>
                <span class={t.signedIn ? 'badge state-active' : 'badge'}>
                  {t.signedIn ? c.signedInYes : c.signedInNo}
                </span>
              </td>
              <td>
                <Activity ctx={ctx} trainee={t} />
              </td>
              <td>
                <ResetButton
                  ctx={ctx}
                  target={t.sandboxId}
                  label={c.resetSandbox}
                  id={`reset-${t.sandboxId}`}
                  whose={t.name}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Overview(props: { ctx: PageContext; overview: ClassOverviewModel }) {
  const { ctx, overview } = props;
  const c = classroomMessages(ctx.lang);
  return (
    <section class="card" aria-labelledby="overview-title" id="overview">
      <h2 id="overview-title">{c.overviewTitle}</h2>
      <dl class="facts">
        <dt>{c.scenario}</dt>
        <dd data-scenario={overview.scenario}>
          {overview.scenarioTitle ? labelIn(overview.scenarioTitle, ctx.lang) : overview.scenario}
        </dd>
        <dt>{c.classLang}</dt>
        <dd>{messages(overview.lang).langName}</dd>
        <dt>{c.created}</dt>
        <dd>{formatInstant(overview.createdAt, ctx.lang)}</dd>
      </dl>
      <TraineeTable ctx={ctx} trainees={overview.trainees} />
      <p class="hint" id="reset-hint">
        {c.resetHint}
      </p>
      <div class="actions">
        <ResetButton ctx={ctx} target="all" label={c.resetClass} id="reset-class" />
      </div>
    </section>
  );
}

function Cards(props: { ctx: PageContext }) {
  const c = classroomMessages(props.ctx.lang);
  return (
    <section class="card" aria-labelledby="cards-title">
      <h2 id="cards-title">{c.cardsTitle}</h2>
      <p class="hint">{c.cardsHint}</p>
      <div class="actions">
        <a class="button secondary" href="/archivist/classroom/cards" id="cards-html">
          {c.cardsHtml}
        </a>
        <a class="button secondary" href="/archivist/classroom/cards.pdf" id="cards-pdf">
          {c.cardsPdf}
        </a>
      </div>
    </section>
  );
}

/** How the trainer signs in, shown once to the operator who made the class (who cannot open the console). */
function TrainerSignInCard(props: { ctx: PageContext; signIn: TrainerSignIn }) {
  const { ctx, signIn } = props;
  const c = classroomMessages(ctx.lang);
  return (
    <section class="card" aria-labelledby="trainer-sign-in-title" id="trainer-sign-in">
      <h2 id="trainer-sign-in-title">{c.trainerSignInTitle}</h2>
      <p>{c.trainerSignInText}</p>
      <dl class="facts">
        <dt>{ctx.t.username}</dt>
        <dd class="code" id="trainer-username">
          {signIn.username}
        </dd>
        <dt>{c.cardPassword}</dt>
        <dd class="code" id="trainer-password">
          {signIn.password}
        </dd>
      </dl>
    </section>
  );
}

export function ClassroomConsolePage(props: {
  ctx: PageContext;
  overview?: ClassOverviewModel | undefined;
  choices: ConsoleChoices;
  notice?: ConsoleNotice | undefined;
  refused?: RefusedConsoleForm | undefined;
  trainerSignIn?: TrainerSignIn | undefined;
}) {
  const { ctx, overview, choices, refused } = props;
  const c = classroomMessages(ctx.lang);
  return (
    <Layout ctx={ctx} title={c.title} active="classroom">
      <h1>{c.title}</h1>
      <p class="lead">{c.intro}</p>
      {props.notice && (
        <p class="alert alert-success" role="status" data-notice={props.notice}>
          {c.notices[props.notice]}
        </p>
      )}
      {props.trainerSignIn ? (
        <TrainerSignInCard ctx={ctx} signIn={props.trainerSignIn} />
      ) : overview === undefined ? (
        <>
          <p class="muted" id="no-class">
            {c.noClass}
          </p>
          <MakeClassForm ctx={ctx} scenarios={choices.scenarios} refused={refused} />
        </>
      ) : (
        <>
          <Overview ctx={ctx} overview={overview} />
          <ArchiveNowForm ctx={ctx} choices={choices} trainees={overview.trainees} refused={refused} />
          <FailNextForm ctx={ctx} choices={choices} trainees={overview.trainees} refused={refused} />
          <Cards ctx={ctx} />
          <MakeClassForm ctx={ctx} scenarios={choices.scenarios} refused={refused} />
        </>
      )}
    </Layout>
  );
}
