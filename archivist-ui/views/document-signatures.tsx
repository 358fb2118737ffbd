/** The signature panel: each signature's signer, certificate and every check's result. */
import type { SignatureReport } from '../../server/archivist/view-models.js';
import { formatInstant } from '../format.js';
import type { PageContext } from './context.js';

export function SignaturePanel(props: { ctx: PageContext; signatures: readonly SignatureReport[] }) {
  const { t, lang } = props.ctx;
  if (props.signatures.length === 0) {
    return <p class="muted">{t.noSignatures}</p>;
  }
  return (
    <div class="signatures">
      {props.signatures.map((s, i) => {
        const failed = s.checks.some((c) => !c.ok);
        const title = s.type ? t.signatureTypes[s.type] : `${t.signatures} ${i + 1}`;
        return (
          <article
            class={`signature card ${failed ? 'has-failures' : 'all-ok'}`}
            aria-labelledby={`sig-${i}`}
          >
            <h3 id={`sig-${i}`}>
              {title} {s.id && <code class="sig-id">{s.id}</code>}
            </h3>
            <dl class="facts">
              {s.signer && (
                <>
                  <dt>{t.signer}</dt>
                  <dd>{s.signer.serialNumber ?? '–'}</dd>
                  <dt>{t.subject}</dt>
                  <dd class="dn">{s.signer.subject}</dd>
                  <dt>{t.issuer}</dt>
                  <dd class="dn">{s.signer.issuer}</dd>
                  <dt>{t.validity}</dt>
                  <dd>
                    {formatInstant(s.signer.notBefore, lang)} – {formatInstant(s.signer.notAfter, lang)}
                  </dd>
                  <dt>{t.certificateSerial}</dt>
                  <dd class="code">{s.signer.certificateSerial}</dd>
                  <dt>{t.fingerprint}</dt>
                  <dd class="code fingerprint">{s.signer.fingerprint}</dd>
                </>
              )}
              {s.timestamp && (
                <>
                  <dt>{t.signatureTime}</dt>
                  <dd>{s.timestamp}</dd>
                </>
              )}
            </dl>
            <table class="data-table checks">
              <caption>{t.checks}</caption>
              <tbody>
                {s.checks.map((c) => {
                  const status = c.skipped ? 'skipped' : !c.ok ? 'failed' : c.rule ? 'warning' : 'ok';
                  const text = {
                    ok: t.checkOk,
                    failed: t.checkFailed,
                    warning: t.checkWarning,
                    skipped: t.checkSkipped,
                  }[status];
                  return (
                    <tr class={`check check-${status}`} data-check={c.name}>
                      <th scope="row">{t.checkNames[c.name] ?? c.name}</th>
                      <td>
                        <span class={`check-result result-${status}`}>
                          <span aria-hidden="true">
                            {status === 'ok'
                              ? '✓'
                              : status === 'failed'
                                ? '✗'
                                : status === 'warning'
                                  ? '!'
                                  : '–'}
                          </span>{' '}
                          {text}
                        </span>
                      </td>
                      <td>
                        {c.rule && (
                          <>
                            <code>{c.rule.code}</code> {c.rule[lang]}
                          </>
                        )}
                        {c.detail && <span class="detail"> {c.detail}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </article>
        );
      })}
    </div>
  );
}
