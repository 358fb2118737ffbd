/** A usage-log line's detail, worded in the reader's language from the data the log keeps. */
import type { UsageDetail } from '../../server/archivist/view-models.js';
import { detailMessages } from '../i18n/details.js';
import type { PageContext } from './context.js';

export function UsageDetailText(props: { ctx: PageContext; detail: UsageDetail | undefined }) {
  const { t, lang } = props.ctx;
  const d = detailMessages(lang).usage;
  const detail = props.detail;
  if (!detail) {
    return null;
  }
  switch (detail.kind) {
    case 'search':
      return (
        <>
          {detail.filters.map((f, i) => (
            <>
              {i > 0 && '; '}
              {d.filters[f.key]}:{' '}
              <span class="code">
                {f.key === 'state' ? ((t.states as Record<string, string>)[f.value] ?? f.value) : f.value}
              </span>
            </>
          ))}
        </>
      );
    case 'compare':
      return <>{d.compared(detail.matching, detail.fields)}</>;
    case 'invalidation':
      return (
        <>
          {d.invalidationReason}: <span class="user-text">{detail.reason}</span>
        </>
      );
    case 'rehearsal':
      return (
        <>
          {d.rehearsalSteps[detail.step]}
          {detail.report && ` (${d.reportKinds[detail.report]})`}
          {detail.outcome && ` (${d.rehearsalOutcomes[detail.outcome]})`}:{' '}
          <a href={`/archivist/deployment-tests/${encodeURIComponent(detail.rehearsalId)}`}>
            <span class="code">{detail.caseName}</span>
          </a>
        </>
      );
    case 'text':
      return <span class="user-text">{detail.text}</span>;
  }
}
