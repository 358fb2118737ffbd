import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { classroomMessages } from '../../../archivist-ui/i18n/classroom.js';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { renderPage } from '../../../archivist-ui/render.js';
import { SignInCardsPage } from '../../../archivist-ui/views/classroom-cards.js';
import { ClassroomConsolePage } from '../../../archivist-ui/views/classroom-console.js';
import type { RefusedConsoleForm } from '../../../archivist-ui/views/classroom-forms.js';
import { ClassroomResetConfirmPage } from '../../../archivist-ui/views/classroom-reset.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import type {
  ClassOverviewModel,
  ConsoleChoices,
  TraineeLine,
} from '../../../server/classroom/view-models.js';

/** The trainer console's pages rendered from their view models: what each shows, and forms that refuse. */
function ctxIn(lang: Lang, trainer = true): PageContext {
  return {
    t: messages(lang),
    lang,
    contrast: false,
    path: '/archivist/classroom',
    user: {
      name: 'Kaisa Kouluttaja',
      organisationName: 'Koulutus',
      registers: [],
      demo: false,
      csrf: 'tok',
      trainer,
    },
  };
}

const CHOICES: ConsoleChoices = {
  scenarios: [{ value: 'perhe', label: { fi: 'Lapsiperhe', sv: 'Barnfamilj', en: 'A family' } }],
  documentTypes: [{ value: '15007', label: { fi: 'Asiakassuunnitelma' } }],
  clients: [{ value: '010181-900C', label: { fi: 'Testinen Emilia' } }],
  failRules: [
    { value: 'SIGNATURE_INVALID', label: { fi: 'Allekirjoitus ei kelpaa', en: 'Signature invalid' } },
  ],
};

const trainee = (i: number, signedIn: boolean, count: number): TraineeLine => ({
  sandboxId: `s${i}`,
  name: `Koulutettava ${i}`,
  username: `koulutettava${i}`,
  organisationName: `Harjoituskunta ${i}`,
  signedIn,
  activity: {
    count,
    last: count === 0 ? [] : [{ at: '2026-12-05T10:00:00.000Z', action: 'invalidate' }],
  },
});

const OVERVIEW: ClassOverviewModel = {
  scenario: 'perhe',
  scenarioTitle: { fi: 'Lapsiperhe', sv: 'Barnfamilj' },
  lang: 'fi',
  createdAt: '2026-12-05T09:00:00.000Z',
  trainees: [trainee(1, true, 4), trainee(2, false, 0), trainee(3, false, 1)],
};

/** The opening tag of the element with this id. */
function openingTag(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at, id).toBeGreaterThan(-1);
  const start = html.lastIndexOf('<', at);
  return html.slice(start, html.indexOf('>', at) + 1);
}

describe("the trainer's console", () => {
  it('offers the make-the-class form when there is no class', () => {
    const html = renderPage(h(ClassroomConsolePage, { ctx: ctxIn('fi'), choices: CHOICES }));
    expect(html).toContain(classroomMessages('fi').noClass);
    expect(html).toContain('action="/archivist/classroom"');
    expect(html).toContain('name="csrf" value="tok"');
    expect(html).not.toContain('id="overview"');
    expect(html).not.toContain('archive-now');
  });

  it('lists every trainee with sign-in state and activity, and a reset per sandbox', () => {
    const html = renderPage(
      h(ClassroomConsolePage, { ctx: ctxIn('sv'), choices: CHOICES, overview: OVERVIEW }),
    );
    const c = classroomMessages('sv');
    expect(html.match(/<tr data-sandbox=/g)).toHaveLength(3);
    expect(html).toContain('data-sandbox="s1" data-username="koulutettava1"');
    expect(html).toContain(`data-signed-in="yes"><span class="badge state-active">${c.signedInYes}`);
    expect(html.match(/data-signed-in="no"/g)).toHaveLength(2);
    expect(html).toContain(`data-activity-count="4">${c.activityCount(4)}`);
    expect(html).toContain(c.activityCount(1));
    expect(html).toContain(c.noActivity);
    expect(html).toContain(messages('sv').actions.invalidate);
    expect(html).toContain('Barnfamilj');
    expect(html).toContain(`${c.resetSandbox}<span class="visually-hidden"> (Koulutettava 2)</span>`);
    expect(html).toContain('<input type="hidden" name="target" value="all"/>');
    // The sandboxes offered to archive into and to fail: all, then each trainee.
    expect(html).toContain('<option value="all">Alla övningsmiljöer</option>');
    expect(html).toContain('href="/archivist/classroom/cards.pdf"');
    expect(html).toContain('aria-current="page"');
  });

  it('shows a refusal under its own field only, marked invalid and described by it, with the values kept', () => {
    const refused: RefusedConsoleForm = {
      form: 'make',
      error: { field: 'trainees', reason: 'out-of-range' },
      values: { trainees: '99', scenario: 'perhe', lang: 'sv', mode: 'reset' },
    };
    const html = renderPage(h(ClassroomConsolePage, { ctx: ctxIn('fi'), choices: CHOICES, refused }));
    const input = openingTag(html, 'make-trainees');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="make-trainees-error make-trainees-hint"');
    expect(input).toContain('value="99"');
    expect(html).toContain(
      `id="make-trainees-error">${classroomMessages('fi').errors.trainees['out-of-range']}`,
    );
    expect(openingTag(html, 'make-scenario')).not.toContain('aria-invalid');
    expect(html).toContain('<option value="sv" selected>');
    expect(html).toMatch(/value="reset" checked/);
  });

  it("shows a refused archive's error at its field and not on the other forms", () => {
    const refused: RefusedConsoleForm = {
      form: 'archive',
      error: { field: 'client', reason: 'unknown' },
      values: { documentType: '15007', client: 'x', target: 's3' },
    };
    const html = renderPage(
      h(ClassroomConsolePage, { ctx: ctxIn('en'), choices: CHOICES, overview: OVERVIEW, refused }),
    );
    expect(openingTag(html, 'archive-client')).toContain('aria-describedby="archive-client-error"');
    expect(html).toContain(classroomMessages('en').errors.client.unknown);
    expect(html).not.toContain('id="fail-target-error"');
    expect(html).toContain('<option value="s3" selected>');
    expect(html).toContain('SIGNATURE_INVALID: Signature invalid');
  });

  it('shows the operator who made the class how the trainer signs in, and not the class', () => {
    const html = renderPage(
      h(ClassroomConsolePage, {
        ctx: ctxIn('fi'),
        choices: CHOICES,
        notice: 'made',
        trainerSignIn: { username: 'kouluttaja', password: 'kivi-4827-ranta' },
      }),
    );
    expect(html).toContain('id="trainer-username">kouluttaja<');
    expect(html).toContain('id="trainer-password">kivi-4827-ranta<');
    expect(html).toContain(classroomMessages('fi').notices.made);
    expect(html).not.toContain('id="overview"');
    expect(html).not.toContain('id="make-class"');
  });

  it('links the console from the menu for the trainer only', () => {
    const link = 'href="/archivist/classroom"';
    const forTrainer = renderPage(h(ClassroomConsolePage, { ctx: ctxIn('fi'), choices: CHOICES }));
    expect(forTrainer.slice(forTrainer.indexOf('class="main-nav"'))).toContain(link);
    const other = renderPage(h(ClassroomConsolePage, { ctx: ctxIn('fi', false), choices: CHOICES }));
    const nav = other.slice(
      other.indexOf('class="main-nav"'),
      other.indexOf('</nav>', other.indexOf('class="main-nav"')),
    );
    expect(nav).not.toContain(link);
  });
});

describe('the reset confirmation', () => {
  it('names the sandbox, says what goes, and posts the same target to confirm', () => {
    const html = renderPage(
      h(ClassroomResetConfirmPage, {
        ctx: ctxIn('fi'),
        scope: { kind: 'sandbox', trainee: trainee(2, false, 0) },
      }),
    );
    expect(html).toContain(classroomMessages('fi').resetSandboxTitle);
    expect(html).toContain('koulutettava2');
    expect(html).toContain(classroomMessages('fi').resetWarning);
    expect(html).toContain('action="/archivist/classroom/reset/confirm"');
    expect(html).toContain('name="target" value="s2"');
    const whole = renderPage(
      h(ClassroomResetConfirmPage, { ctx: ctxIn('fi'), scope: { kind: 'class', trainees: 3 } }),
    );
    expect(whole).toContain(classroomMessages('fi').resetClassTitle);
    expect(whole).toContain('name="target" value="all"');
  });
});

describe('the printable sign-in cards', () => {
  it('prints one card per trainee with name, username, password and the address, eight to a sheet', () => {
    const cards = Array.from({ length: 10 }, (_, i) => ({
      name: `Koulutettava ${i + 1}`,
      username: `koulutettava${i + 1}`,
      password: `salasana-<${i + 1}>`,
      organisationName: `Harjoituskunta ${i + 1}`,
    }));
    const html = renderPage(
      h(SignInCardsPage, { model: { lang: 'sv', url: 'http://luokka:8080/archivist/login', cards } }),
    );
    expect(html).toContain('<html lang="sv">');
    expect(html.match(/<article class="sign-in-card"/g)).toHaveLength(10);
    expect(html.match(/<section class="sheet"/g)).toHaveLength(2);
    expect(html.match(/http:\/\/luokka:8080\/archivist\/login/g)).toHaveLength(10);
    // Escaped like every text: a password is data, never markup.
    expect(html).toContain('salasana-&lt;10>');
    expect(html).toContain(classroomMessages('sv').cardPassword);
    expect(html).toContain('href="/archivist/static/classroom-cards.css"');
  });
});
