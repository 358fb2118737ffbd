/** Sign-in: username and password, and the trainers' one-click demo sign-in. */
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function LoginPage(props: {
  ctx: PageContext;
  csrf: string;
  failed?: boolean;
  username?: string;
  next?: string;
  /** The demo sign-in needs the control token (the web listener is not on loopback). */
  demoToken?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.loginTitle}>
      <div class="login-grid">
        <section class="card" aria-labelledby="login-title">
          <h1 id="login-title">{t.loginTitle}</h1>
          <p class="lead">{t.loginIntro}</p>
          {props.failed && (
            <p class="alert alert-error" role="alert">
              {t.loginFailed}
            </p>
          )}
          <form method="post" action="/archivist/login" class="stack">
            <input type="hidden" name="csrf" value={props.csrf} />
            {props.next && <input type="hidden" name="next" value={props.next} />}
            <label for="username">{t.username}</label>
            <input
              id="username"
              name="username"
              autocomplete="username"
              required
              value={props.username ?? ''}
            />
            <label for="password">{t.password}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <div class="actions">
              <button type="submit" class="button primary">
                {t.loginButton}
              </button>
            </div>
          </form>
        </section>
        <section class="card demo-card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t.demoTitle}</h2>
          <p>{t.demoText}</p>
          <form method="post" action="/archivist/demo">
            <input type="hidden" name="csrf" value={props.csrf} />
            {props.demoToken && (
              <>
                <label for="control-token">{t.demoToken}</label>
                <input id="control-token" name="controlToken" type="password" autocomplete="off" required />
              </>
            )}
            <button type="submit" class="button secondary" id="demo-sign-in">
              {t.demoButton}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
