/** The signature panel: each signature's signer, certificate and every check's result. */
import type { SignatureCheckNote, SignatureReport } from '../../server/archivist/view-models.js';
import { formatInstant } from '../format.js';
import { detailMessages, type DetailMessages } from '../i18n/details.js';
import type { Lang } from '../i18n/index.js';
import type { PageContext } from './context.js';

type Check = SignatureReport['checks'][number];
type CheckStatus = 'ok' | 'failed' | 'warning' | 'skipped';

/** A passed check that still carries a rule is a warning; a skipped one is neither passed nor failed. */
function checkStatus(c: Check): CheckStatus {
  return c.skipped ? 'skipped' : !c.ok ? 'failed' : c.rule ? 'warning' : 'ok';
}

const STATUS_MARKS: Record<CheckStatus, string> = { ok: '✓', failed: '✗', warning: '!', skipped: '–' };

/** The signer's certificate and the signature time. */
function SignerFacts(props: { ctx: PageContext; signature: SignatureReport }) {
  const { t, lang } = props.ctx;
  const { signer, timestamp } = props.signature;
  return (
    <dl class="facts">
      {signer && (
        <>
          <dt>{t.signer}</dt>
          <dd>{signer.serialNumber ?? '–'}</dd>
          <dt>{t.subject}</dt>
          <dd class="dn">{signer.subject}</dd>
          <dt>{t.issuer}</dt>
          <dd class="dn">{signer.issuer}</dd>
          <dt>{t.validity}</dt>
          <dd>
            {formatInstant(signer.notBefore, lang)} – {formatInstant(signer.notAfter, lang)}
          </dd>
          <dt>{t.certificateSerial}</dt>
          <dd class="code">{signer.certificateSerial}</dd>
          <dt>{t.fingerprint}</dt>
          <dd class="code fingerprint">{signer.fingerprint}</dd>
        </>
      )}
      {timestamp && (
        <>
          <dt>{t.signatureTime}</dt>
          <dd>{timestamp}</dd>
        </>
      )}
    </dl>
  );
}

const details = (lang: Lang): DetailMessages['signature'] => detailMessages(lang).signature;

/**
 * What a passed or skipped check found, worded here from its code and values; the English `detail` of the
 * check is for the JSON answers and is never shown.
 */
function CheckNote(props: { ctx: PageContext; note: SignatureCheckNote }) {
  const { t, lang } = props.ctx;
  const d = details(lang);
  const n = props.note;
  switch (n.code) {
    case 'references-match':
      return <>{d.referencesMatch(n.count)}</>;
    case 'verifies-with-keyinfo-key':
      return <>{d.verifiesWithKeyInfoKey}</>;
    case 'chains-to-trusted-ca':
      return <>{d.chainsToTrustedCa}</>;
    case 'valid-at':
      return (
        <>
          {d.validAt} ({formatInstant(n.at, lang)})
        </>
      );
    case 'signature-type':
      return <>{t.signatureTypes[n.type] ?? n.type}</>;
    case 'signed-at':
      return (
        <>
          {d.signedAt} {formatInstant(n.at, lang)}
        </>
      );
    case 'body-id':
      return (
        <>
          {d.bodyId}: <code>{n.id}</code>
        </>
      );
    case 'certificate-subject':
      return <span class="dn">{n.subject}</span>;
    case 'signer-id':
      return (
        <>
          {d.signerId}: <code>{n.id}</code>
        </>
      );
    case 'skipped':
      return <>{d.skipped[n.why]}</>;
  }
}

/** One check: its name, its result as a mark and a word, and the rule or detail behind it. */
function CheckRow(props: { ctx: PageContext; check: Check }) {
  const { t, lang } = props.ctx;
  const c = props.check;
  const status = checkStatus(c);
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
          <span aria-hidden="true">{STATUS_MARKS[status]}</span> {text}
        </span>
      </td>
      <td>
        {c.rule && (
          <>
            <code>{c.rule.code}</code> {c.rule[lang]}
          </>
        )}
        {c.note && (
          <span class="detail">
            {' '}
            <CheckNote ctx={props.ctx} note={c.note} />
          </span>
        )}
        {c.hint === 'whitespace-reindented' && <span class="detail"> {details(lang).whitespaceHint}</span>}
        {c.location && (
          <span class="detail">
            {' '}
            {details(lang).location}: <code class="xpath">{c.location}</code>
          </span>
        )}
      </td>
    </tr>
  );
}

/** One signature: its title, signer and checks, marked by whether any check failed. */
function SignatureCard(props: { ctx: PageContext; signature: SignatureReport; index: number }) {
  const { ctx, signature: s, index: i } = props;
  const { t } = ctx;
  const failed = s.checks.some((c) => !c.ok);
  const title = s.type ? t.signatureTypes[s.type] : `${t.signatures} ${i + 1}`;
  return (
    <article class={`signature card ${failed ? 'has-failures' : 'all-ok'}`} aria-labelledby={`sig-${i}`}>
      <h3 id={`sig-${i}`}>
        {title} {s.id && <code class="sig-id">{s.id}</code>}
      </h3>
      <SignerFacts ctx={ctx} signature={s} />
      <table class="data-table checks">
        <caption>{t.checks}</caption>
        <tbody>
          {s.checks.map((c) => (
            <CheckRow ctx={ctx} check={c} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function SignaturePanel(props: { ctx: PageContext; signatures: readonly SignatureReport[] }) {
  if (props.signatures.length === 0) {
    return <p class="muted">{props.ctx.t.noSignatures}</p>;
  }
  return (
    <div class="signatures">
      {props.signatures.map((s, i) => (
        <SignatureCard ctx={props.ctx} signature={s} index={i} />
      ))}
    </div>
  );
}
