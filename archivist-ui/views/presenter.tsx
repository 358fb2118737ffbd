/**
 * The presenter view's own parts: the bar on top of the mirrored page (what it follows, whether hetus are
 * masked, the reveal toggle) and the page shown before the trainer has opened anything.
 */
import { renderToString } from 'preact-render-to-string';
import { presenterMessages } from '../i18n/presenter.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function PresenterBar(props: { ctx: PageContext; revealed: boolean }) {
  const { ctx, revealed } = props;
  const p = presenterMessages(ctx.lang);
  return (
    <div class="presenter-bar" role="region" aria-label={p.title} data-revealed={revealed ? 'yes' : 'no'}>
      <span class="presenter-title">{p.title}</span>
      <span class="presenter-following">{p.following}</span>
      <span class="presenter-hetus">{revealed ? p.hetusShown : p.hetusMasked}</span>
      <form method="post" action="/archivist/presenter/reveal" class="inline-form">
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        <input type="hidden" name="reveal" value={revealed ? 'off' : 'on'} />
        <button type="submit" class="button secondary" id="presenter-reveal">
          {revealed ? p.hide : p.reveal}
        </button>
      </form>
    </div>
  );
}

/** The bar as HTML, to go on top of a mirrored page. */
export function presenterBarHtml(ctx: PageContext, revealed: boolean): string {
  return renderToString(<PresenterBar ctx={ctx} revealed={revealed} />);
}

/** Before the trainer has opened a page since the start. */
export function PresenterWaitingPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const p = presenterMessages(ctx.lang);
  return (
    <Layout ctx={ctx} title={p.title}>
      <h1>{p.title}</h1>
      <p class="lead">{p.waiting}</p>
    </Layout>
  );
}
