/**
 * The frame of every page: skip link, header with the service name, language and contrast switches, the
 * signed-in archivist and the main menu, the live arrivals panel, and the content.
 */
import type { ComponentChildren } from 'preact';
import { LANGUAGES, messages } from '../i18n/index.js';
import { classroomMessages } from '../i18n/classroom.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import { exercisesMessages } from '../i18n/exercises.js';
import type { PageContext, PageUser } from './context.js';

type Section = 'search' | 'usage-log' | 'deployment-test' | 'classroom' | 'exercises';

/** The service's name beside the Kanta mark. */
function Brand(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <div class="brand">
      <span class="brand-mark" aria-hidden="true">
        K
      </span>
      <span>
        <span class="brand-name">{t.brand}</span>
        <span class="app-name">{t.appName}</span>
      </span>
    </div>
  );
}

/** Each language in its own name; the switch comes back to this page (`next`). */
function LanguageSwitch(props: { ctx: PageContext; next: string }) {
  const { ctx, next } = props;
  return (
    <nav aria-label={ctx.t.language} class="lang-switch">
      <ul>
        {LANGUAGES.map((l) => (
          <li>
            <a
              href={`/archivist/prefs?lang=${l}&next=${next}`}
              lang={l}
              hreflang={l}
              aria-current={l === ctx.lang ? 'true' : undefined}
            >
              {messages(l).langName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The signed-in archivist, the organisation, and signing out (a POST with the CSRF token). */
function UserBox(props: { ctx: PageContext; user: PageUser }) {
  const { t } = props.ctx;
  const { user } = props;
  return (
    <div class="user-box">
      <span class="user-name">
        <span class="visually-hidden">{t.signedInAs}: </span>
        {user.name}
        {user.demo && <span class="badge">{t.demoBadge}</span>}
      </span>
      <span class="user-org">{user.organisationName}</span>
      <form method="post" action="/archivist/logout" class="inline-form">
        <input type="hidden" name="csrf" value={user.csrf} />
        <button type="submit" class="link-button">
          {t.signOut}
        </button>
      </form>
    </div>
  );
}

/** The header's first row: the brand, then language, contrast and the signed-in archivist. */
function HeaderBar(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t, user } = ctx;
  const next = encodeURIComponent(ctx.path);
  return (
    <div class="header-inner">
      <Brand ctx={ctx} />
      <div class="header-tools">
        <LanguageSwitch ctx={ctx} next={next} />
        <a
          class="contrast-toggle"
          href={`/archivist/prefs?contrast=${ctx.contrast ? 'off' : 'on'}&next=${next}`}
        >
          {ctx.contrast ? t.contrastOff : t.contrastOn}
        </a>
        {user && <UserBox ctx={ctx} user={user} />}
      </div>
    </div>
  );
}

/** The main menu, the current section marked, and the registers the archivist acts for. */
function MainNav(props: { ctx: PageContext; user: PageUser; active?: Section }) {
  const { ctx, user, active } = props;
  const { t } = ctx;
  return (
    <nav class="main-nav" aria-label={t.mainNav}>
      <ul>
        <li>
          <a href="/archivist/search" aria-current={active === 'search' ? 'page' : undefined}>
            {t.navSearch}
          </a>
        </li>
        <li>
          <a href="/archivist/usage-log" aria-current={active === 'usage-log' ? 'page' : undefined}>
            {t.navUsageLog}
          </a>
        </li>
        <li>
          <a
            href="/archivist/deployment-tests"
            aria-current={active === 'deployment-test' ? 'page' : undefined}
          >
            {deploymentTestMessages(ctx.lang).title}
          </a>
        </li>
        {user.trainer && (
          <li>
            <a href="/archivist/classroom" aria-current={active === 'classroom' ? 'page' : undefined}>
              {classroomMessages(ctx.lang).title}
            </a>
          </li>
        )}
        {(user.trainer || user.trainee) && (
          <li>
            <a href="/archivist/exercises" aria-current={active === 'exercises' ? 'page' : undefined}>
              {exercisesMessages(ctx.lang).title}
            </a>
          </li>
        )}
      </ul>
      <p class="registers">
        <span class="registers-label">{t.actsFor}:</span> {user.registers.map((r) => r.name).join(', ')}
      </p>
    </nav>
  );
}

/** The live arrivals panel; the page script fills it from the event stream, with the texts of the template. */
function LivePanel(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <aside class="live" aria-labelledby="live-title" data-events="/archivist/events">
      <h2 id="live-title">{t.liveTitle}</h2>
      <p class="live-hint">{t.liveHint}</p>
      <ol id="live-list" class="live-list" aria-live="polite" aria-relevant="additions" />
      <template id="live-text" data-arrived={t.liveArrived} data-open={t.liveOpen} />
    </aside>
  );
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  active?: Section;
  children: ComponentChildren;
}) {
  const { ctx, title } = props;
  const { t, user } = ctx;
  return (
    <html lang={ctx.lang} class={ctx.contrast ? 'contrast' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/archivist/static/app.css" />
        <script src="/archivist/static/app.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <HeaderBar ctx={ctx} />
          {user && <MainNav ctx={ctx} user={user} active={props.active} />}
          {/* Inside the banner landmark, so that no text of the page is outside a landmark. */}
          <p class="sim-notice">{t.simNotice}</p>
        </header>
        <div class={user ? 'page with-live' : 'page'}>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          {user && <LivePanel ctx={ctx} />}
        </div>
      </body>
    </html>
  );
}
