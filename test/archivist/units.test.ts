import { describe, expect, it } from 'vitest';
import { displayFormSrcdoc, FRAME_STYLE_HASH, sanitizeDisplayForm } from '../../archivist-ui/display-form.js';
import { parseCompareForm } from '../../server/archivist/compare.js';

describe('display form sanitiser', () => {
  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)" style="color:red" class="soc-title">x</p>', '<p class="soc-title">x</p>'],
    ['<img src="http://evil.example/x.png" onerror="alert(1)"/>', ''],
    ['<a href="javascript:alert(1)">link</a>', 'link'],
    ['<iframe src="http://evil.example"></iframe>', ''],
    ['<style>body{background:url(http://evil.example)}</style><b>b</b>', '<b>b</b>'],
    [
      '<table><tr><td colspan="2" onmouseover="x()">c</td></tr></table>',
      '<table><tr><td colspan="2">c</td></tr></table>',
    ],
  ])('%s -> %s', async (input, output) => {
    expect(await sanitizeDisplayForm(input)).toBe(output);
  });

  it('frames it in a document whose CSP allows only its own style block', async () => {
    const doc = await displayFormSrcdoc('<p>hei</p>', 'fi');
    expect(doc).toContain(`default-src 'none'; style-src ${FRAME_STYLE_HASH}; img-src 'none'`);
    expect(doc).toContain('<body><p>hei</p></body>');
  });
});

describe('compare form', () => {
  it('records every shown field, unticked ones as not matching, and ignores unknown keys', () => {
    const parsed = parseCompareForm({
      shown: ['clientHetu', 'caseId'],
      'match.clientHetu': 'on',
      'note.caseId': 'eri asia',
      'match.bogus': 'on',
      note: ' yleinen ',
    });
    expect(parsed).toEqual({
      fields: { clientHetu: { matches: true }, caseId: { matches: false, note: 'eri asia' } },
      note: 'yleinen',
    });
  });
});
