/**
 * The MIME package over mutual TLS, read as Jakarta Mail reads it: a package its readers take is archived
 * with a warning naming each deviation (a package with no header section is read as the multipart/related
 * its frame names); one they would not take, or one with two parts holding the document's Content-ID, is
 * refused and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage } from '../../support/message-builder.js';
import { expectArchived, expectRefused, warningsOf } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const TEXT = /(<text mediaType="multipart\/related"[^>]*>)([\s\S]*?)(<\/text>)/;

/** A message whose MIME package is rewritten by `rewrite(base64Lines, documentId)` (CRLF as &#13;). */
function withPackage(rewrite: (b64: readonly string[], id: string) => readonly string[]): string {
  return buildMessage(sim.demo, {
    kind: 'clientRelationship',
    frameXml: (xml) =>
      xml.replace(TEXT, (_m, open: string, body: string, close: string) => {
        const lines = body.split('&#13;\n').map((l) => l.trim());
        const b64 = lines.filter((l) => /^[A-Za-z0-9+/=]{8,}$/.test(l));
        const id = /Content-ID: &lt;(.+?)&gt;/.exec(body)?.[1] ?? '';
        const text = rewrite(b64, id).join('&#13;\n');
        return open + text.replace(/</g, '&lt;').replace(/>/g, '&gt;') + close;
      }),
  }).messageXml;
}

function part(id: string, b64: readonly string[]): string[] {
  return ['Content-Type: text/xml', 'Content-Transfer-Encoding: base64', `Content-ID: <${id}>`, '', ...b64];
}

describe('MIME leniency over mutual TLS', () => {
  it('archives a package whose boundary parameter sits on its own unfolded line, with W details naming it', async () => {
    const message = withPackage((b64, id) => [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/xml";',
      'boundary="b1"',
      '',
      '--b1',
      ...part(id, b64),
      '--b1--',
    ]);
    const result = await expectArchived(sim, message);
    expect(warningsOf(result)).toEqual([
      RULES.FRAME_MIME_HEADER_LINE_INVALID.code,
      RULES.FRAME_MIME_BOUNDARY_FROM_DELIMITER.code,
    ]);
    expect(result.body).toContain('boundary=&quot;b1&quot;');
  });

  it('archives a package without its closing delimiter, with a W detail', async () => {
    const message = withPackage((b64, id) => [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="b1"',
      '',
      '--b1',
      ...part(id, b64),
    ]);
    const result = await expectArchived(sim, message);
    expect(warningsOf(result)).toEqual([RULES.FRAME_MIME_CLOSING_DELIMITER_MISSING.code]);
  });

  it("refuses two parts with the document's Content-ID (FRAME_MIME_DOCUMENT_AMBIGUOUS), nothing stored", async () => {
    const message = withPackage((b64, id) => [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="b1"',
      '',
      '--b1',
      ...part(id, b64),
      '--b1',
      ...part(id, ['PENsaW5pY2FsRG9jdW1lbnQvPg==']),
      '--b1--',
    ]);
    await expectRefused(sim, message, RULES.FRAME_MIME_DOCUMENT_AMBIGUOUS);
  });

  it("archives a package with no header section, read as the frame's multipart/related, with a W detail", async () => {
    const message = withPackage((b64, id) => ['--b1', ...part(id, b64), '--b1--']);
    const result = await expectArchived(sim, message);
    expect(warningsOf(result)).toEqual([RULES.FRAME_MIME_HEADERS_MISSING.code]);
    expect(result.body).toContain('the boundary was taken from the first line starting with --: --b1');
  });

  it('refuses a package with no header section and no delimiter line (FRAME_MIME_INVALID), nothing stored', async () => {
    const message = withPackage((b64) => b64);
    const result = await expectRefused(sim, message, RULES.FRAME_MIME_INVALID);
    expect(result.body).toContain('no line starts with --, so no delimiter was found');
  });
});
