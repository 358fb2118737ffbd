import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../archivist-ui/i18n/index.js';
import { renderPage } from '../../../archivist-ui/render.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import { SearchPage, type SearchErrorField } from '../../../archivist-ui/views/search.js';

/** The search form's errors belong to their fields: marked invalid, described by the message, focused. */
const ctx: PageContext = {
  t: messages('fi'),
  lang: 'fi',
  contrast: false,
  path: '/archivist/search',
  user: { name: 'Aila', organisationName: 'Demokylä', registers: [], demo: true, csrf: 'x' },
};

function render(error?: string, errorField?: SearchErrorField, reason?: string): string {
  return renderPage(
    h(SearchPage, {
      ctx,
      form: { hetu: '010181-900C', reason },
      options: { serviceTasks: [], documentTypes: [], phases: [] },
      error,
      errorField,
      filtersOpen: false,
      names: {
        phase: () => undefined,
        task: () => undefined,
        register: () => undefined,
      },
    }),
  );
}

/** The opening tag of the element with this id. */
function openingTag(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  const start = html.lastIndexOf('<', at);
  return html.slice(start, html.indexOf('>', at) + 1);
}

describe('the search form', () => {
  it('ties a missing purpose of use to the purpose field', () => {
    const html = render(ctx.t.reasonRequired, 'reason');
    const select = openingTag(html, 'reason');
    expect(select).toContain('aria-invalid="true"');
    expect(select).toContain('aria-describedby="reason-error reason-hint"');
    expect(select).toContain('autofocus');
    expect(openingTag(html, 'reason-error')).toContain('class="field-error"');
    expect(html).toContain(`id="reason-error">${ctx.t.reasonRequired.replace(/"/g, '&quot;')}</p>`);
    expect(openingTag(html, 'hetu')).not.toContain('aria-invalid');
    expect(openingTag(html, 'reasonText')).not.toContain('aria-invalid');
    expect(html).not.toContain('id="search-error"');
  });

  it('marks the details field too when "Other" lacks its details', () => {
    const html = render(ctx.t.reasonRequired, 'reason', 'other');
    const text = openingTag(html, 'reasonText');
    expect(text).toContain('aria-invalid="true"');
    expect(text).toContain('aria-describedby="reason-error"');
  });

  it('ties a bad identity code to the identity code field', () => {
    const html = render(ctx.t.hetuInvalid, 'hetu');
    const input = openingTag(html, 'hetu');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="hetu-error hetu-hint"');
    expect(openingTag(html, 'reason')).not.toContain('aria-invalid');
  });

  it('without an error, describes each field by its hint only', () => {
    const html = render();
    expect(openingTag(html, 'hetu')).toContain('aria-describedby="hetu-hint"');
    expect(openingTag(html, 'reason')).toContain('aria-describedby="reason-hint"');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('autofocus');
  });

  it('shows an error that belongs to no field above the form', () => {
    const html = render('Jotain meni vikaan');
    expect(openingTag(html, 'search-error')).toContain('role="alert"');
  });
});
