/**
 * The document page: a summary, then display form (sandboxed), structured content, metadata, signatures,
 * version history, compare and invalidation, each a labelled section reachable from the section menu.
 */
import type {
  DocumentModel,
  DocumentPageModel,
  RegisterContext,
} from '../../server/archivist/view-models.js';
import { formatHl7, formatInstant } from '../format.js';
import { documentContentMessages } from '../i18n/document-content.js';
import type { PageContext } from './context.js';
import { CompareForm, InvalidateForm } from './document-actions.js';
import { MetadataTable, StructuredContent } from './document-content.js';
import { InvalidationNote, VersionHistory } from './document-history.js';
import { SignaturePanel } from './document-signatures.js';
import { Layout } from './layout.js';
import { RegisterRightsPanel } from './document-register.js';
import { ProviderBadge, StateBadge } from './results.js';

export interface DocumentPageProps {
  ctx: PageContext;
  view: DocumentPageModel;
  /** The sandboxed frame's document (sanitised display form), or undefined when there is none. */
  srcdoc?: string;
  /** The document type's name in the page's language. */
  typeName: string;
  flash?: 'compare-saved' | 'invalidated';
  invalidateError?: string;
  invalidateReason?: string;
  /** A link back to the search this document was opened from. */
  backHref?: string;
}

/** The back link and the header: type, client, date, version, archived, and the state badge. */
function DocumentHeader(props: {
  ctx: PageContext;
  document: DocumentModel;
  typeName: string;
  provider?: RegisterContext['provider'];
  backHref?: string;
}) {
  const { t, lang } = props.ctx;
  const s = props.document.stored;
  const words = documentContentMessages(lang);
  return (
    <>
      <p class="back no-print">
        <a href={props.backHref ?? '/archivist/search'}>← {t.backToSearch}</a>
      </p>
      <header class="doc-header card">
        <div>
          <p class="eyebrow">{t.documentTitle}</p>
          <h1 id="doc-title">{props.typeName}</h1>
          <p class="doc-facts">
            <span>
              {t.client}: <strong>{props.document.clientName || '–'}</strong>{' '}
              <span class="hetu">{s.hetu}</span>
            </span>
            <span>
              {t.documentDate}: {formatHl7(s.effectiveTime, lang) || '–'}
            </span>
            <span>
              {t.version} {s.versionNumber}
            </span>
            <span>
              {t.archived}: {formatInstant(s.archivedAt, lang)}
            </span>
          </p>
        </div>
        <div class="doc-badges">
          <StateBadge ctx={props.ctx} state={s.state ?? s.status} />
          {props.provider && (
            <ProviderBadge
              label={words.providerBadge}
              title={words.providerArchived(props.provider.name ?? words.providerUnknown)}
            />
          )}
        </div>
      </header>
    </>
  );
}

/** The section menu: a link to each labelled section, in page order. */
function SectionNav(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  const sections = [
    ['display-form', t.displayForm],
    ['structured', t.structured],
    ['metadata', t.metadata],
    ['register-rights', documentContentMessages(props.ctx.lang).rightsTitle],
    ['signatures', t.signatures],
    ['history', t.history],
    ['compare', t.compare],
    ['invalidate', t.invalidate],
    ['access-log', t.accessLog],
  ] as const;
  return (
    <nav class="section-nav no-print" aria-label={t.sectionsNav}>
      <ul>
        {sections.map(([id, label]) => (
          <li>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The display form in a sandboxed frame: no script, no same origin, no referrer. */
function DisplayFormSection(props: { ctx: PageContext; srcdoc?: string }) {
  const { t } = props.ctx;
  return (
    <section id="display-form" class="doc-section card" aria-labelledby="display-form-title">
      <h2 id="display-form-title">{t.displayForm}</h2>
      <p class="hint">{t.displayFormNote}</p>
      {props.srcdoc ? (
        <iframe
          class="display-frame"
          title={t.displayForm}
          sandbox=""
          srcdoc={props.srcdoc}
          referrerpolicy="no-referrer"
          loading="eager"
        />
      ) : (
        <p class="muted">{t.noDisplayForm}</p>
      )}
    </section>
  );
}

/** The metadata table and the warnings raised while reading the document. */
function MetadataSection(props: { ctx: PageContext; view: DocumentPageModel }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const warnings = view.document.warnings;
  return (
    <section id="metadata" class="doc-section card" aria-labelledby="metadata-title">
      <h2 id="metadata-title">{t.metadata}</h2>
      <MetadataTable ctx={ctx} values={view.metadata} />
      {warnings.length > 0 && (
        <>
          <h3>{t.warnings}</h3>
          <ul>
            {warnings.map((w) => (
              <li>
                <code>{w.code}</code> {w.rule?.[ctx.lang]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Invalidation's first step, or a note when the set is already invalidated. */
function InvalidateSection(props: {
  ctx: PageContext;
  documentId: string;
  state: string;
  error?: string;
  reason?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section id="invalidate" class="doc-section card no-print" aria-labelledby="invalidate-title">
      <h2 id="invalidate-title">{t.invalidate}</h2>
      {props.state === 'invalidated' ? (
        <p class="muted">{t.alreadyInvalidated}</p>
      ) : (
        <InvalidateForm ctx={ctx} documentId={props.documentId} error={props.error} reason={props.reason} />
      )}
    </section>
  );
}

/** Who has opened or changed this document, and when. */
function AccessLogSection(props: { ctx: PageContext; lines: DocumentPageModel['accessLog'] }) {
  const { t, lang } = props.ctx;
  return (
    <section id="access-log" class="doc-section card" aria-labelledby="access-log-title">
      <h2 id="access-log-title">{t.accessLog}</h2>
      <ul class="access-log">
        {props.lines.map((e) => (
          <li>
            {formatInstant(e.at, lang)} · {e.archivistName} · {t.actions[e.action]}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DocumentPage(props: DocumentPageProps) {
  const { ctx, view } = props;
  const { t } = ctx;
  const d = view.document;
  const s = d.stored;
  return (
    <Layout ctx={ctx} title={props.typeName} active="search">
      <DocumentHeader
        ctx={ctx}
        document={d}
        typeName={props.typeName}
        provider={view.register.provider}
        backHref={props.backHref}
      />
      {props.flash === 'invalidated' && (
        <p class="alert alert-success" role="status">
          {t.invalidated}
        </p>
      )}
      {s.invalidation && <InvalidationNote ctx={ctx} record={s.invalidation} />}
      <SectionNav ctx={ctx} />
      <DisplayFormSection ctx={ctx} srcdoc={props.srcdoc} />
      <section id="structured" class="doc-section card" aria-labelledby="structured-title">
        <h2 id="structured-title">{t.structured}</h2>
        <StructuredContent ctx={ctx} content={d.structured} />
      </section>
      <MetadataSection ctx={ctx} view={view} />
      <RegisterRightsPanel ctx={ctx} register={view.register} />
      <section id="signatures" class="doc-section card" aria-labelledby="signatures-title">
        <h2 id="signatures-title">{t.signatures}</h2>
        <SignaturePanel ctx={ctx} signatures={d.signatures} />
      </section>
      <section id="history" class="doc-section card" aria-labelledby="history-title">
        <h2 id="history-title">{t.history}</h2>
        <VersionHistory ctx={ctx} versions={view.versions} currentId={s.id} />
      </section>
      <section id="compare" class="doc-section card" aria-labelledby="compare-title">
        <h2 id="compare-title">{t.compare}</h2>
        <CompareForm
          ctx={ctx}
          documentId={s.id}
          values={view.metadata}
          record={view.compare}
          saved={props.flash === 'compare-saved'}
        />
      </section>
      <InvalidateSection
        ctx={ctx}
        documentId={s.id}
        state={s.state ?? s.status}
        error={props.invalidateError}
        reason={props.invalidateReason}
      />
      <AccessLogSection ctx={ctx} lines={view.accessLog} />
    </Layout>
  );
}
