import { describe, expect, it } from 'vitest';
import { messages } from '../../../archivist-ui/i18n/index.js';
import { presenterMessages } from '../../../archivist-ui/i18n/presenter.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import { presenterBarHtml } from '../../../archivist-ui/views/presenter.js';

const ctx: PageContext = {
  t: messages('fi'),
  lang: 'fi',
  contrast: true,
  path: '/archivist/presenter',
  user: {
    name: 'Kouluttaja',
    organisationName: 'Koulutus',
    registers: [],
    demo: false,
    csrf: 'presenter-tok',
  },
};

describe('the presenter bar', () => {
  it('says hetus are masked and offers to show them, with its own form token', () => {
    const html = presenterBarHtml(ctx, false);
    const p = presenterMessages('fi');
    expect(html).toContain(p.hetusMasked);
    expect(html).toContain(p.reveal);
    expect(html).toContain('name="reveal" value="on"');
    expect(html).toContain('name="csrf" value="presenter-tok"');
    expect(html).toContain('data-revealed="no"');
  });

  it('says hetus are shown and offers to mask them again', () => {
    const html = presenterBarHtml(ctx, true);
    const p = presenterMessages('fi');
    expect(html).toContain(p.hetusShown);
    expect(html).toContain(p.hide);
    expect(html).toContain('name="reveal" value="off"');
  });
});
