/**
 * The register panel of the document page: whose register the document is in, whether a service provider
 * archived it, and the register access rights (rekisterin käyttöoikeudet) that the keeper's current
 * client-relationship document grants for this client: provider unit, service task and period, the right
 * this document was archived under marked.
 */
import type { RegisterContext, RegisterRightLine } from '../../server/archivist/view-models.js';
import { formatIsoDate, nameIn } from '../format.js';
import { documentContentMessages } from '../i18n/document-content.js';
import type { PageContext } from './context.js';

function RightRow(props: { ctx: PageContext; right: RegisterRightLine }) {
  const { lang } = props.ctx;
  const r = props.right;
  const words = documentContentMessages(lang);
  const from = formatIsoDate(r.start, lang);
  const task = nameIn(r.serviceTask, lang);
  return (
    <tr class={r.coversThisDocument ? 'this-right' : undefined}>
      <th scope="row">
        {r.unitName ?? r.unitOid} <span class="code">({r.unitOid})</span>
        {r.coversThisDocument && <span class="badge provider-badge">{words.rightsThisDocument}</span>}
      </th>
      <td>{task ? `${task} (${r.serviceTaskCode ?? ''})` : (r.serviceTaskCode ?? '–')}</td>
      <td>{r.end ? `${from}–${formatIsoDate(r.end, lang)}` : words.rightsFrom(from)}</td>
    </tr>
  );
}

export function RegisterRightsPanel(props: { ctx: PageContext; register: RegisterContext }) {
  const { ctx, register } = props;
  const words = documentContentMessages(ctx.lang);
  const keeper = register.registerName ?? register.registerOid;
  return (
    <section id="register-rights" class="doc-section card" aria-labelledby="register-rights-title">
      <h2 id="register-rights-title">{words.rightsTitle}</h2>
      <p>
        {register.provider ? (
          <>
            {words.providerArchived(register.provider.name ?? words.providerUnknown)}{' '}
            <span class="code">({register.provider.oid})</span>
          </>
        ) : (
          words.rightsOwnRegister
        )}
      </p>
      <p class="hint">{words.rightsIntro(keeper)}</p>
      {!register.relationshipFound ? (
        <p class="muted">{words.rightsNoRelationship}</p>
      ) : register.rights.length === 0 ? (
        <p class="muted">{words.rightsNone}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="register-rights-title" tabindex={0}>
          <table class="data-table rights-table">
            <caption class="visually-hidden">{words.rightsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.rightsProvider}</th>
                <th scope="col">{words.rightsServiceTask}</th>
                <th scope="col">{words.rightsPeriod}</th>
              </tr>
            </thead>
            <tbody>
              {register.rights.map((r) => (
                <RightRow ctx={ctx} right={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {register.relationshipFound && <p class="hint">{words.rightsSource}</p>}
    </section>
  );
}
