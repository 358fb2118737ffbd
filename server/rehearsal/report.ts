/**
 * The report of a rehearsal as files: HTML, PDF and the e-mail draft, built from one verdict each time
 * (so a report always shows the archive as it is now). Exported for the archivist interface too.
 */
import type { CodeLists } from '../codes/code-lists.js';
import type { TextLang } from './finding-texts.js';
import type { RehearsalService } from './rehearsal-service.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import { renderReportEml } from './report-eml.js';
import { renderReportHtml } from './report-html.js';
import { renderReportPdf } from './report-pdf.js';

export interface ReportDeps {
  readonly rehearsals: RehearsalService;
  readonly kantaAddress: string;
  readonly organisationName?: (oid: string) => string | undefined;
  readonly codes?: CodeLists;
  readonly clock: () => Date;
}

/** Each file in a language (default Finnish): the archivist interface passes the archivist's. */
export interface ReportFiles {
  model(id: string, lang?: TextLang): Promise<ReportModel>;
  html(id: string, lang?: TextLang): Promise<string>;
  pdf(id: string, options?: { compress?: boolean; lang?: TextLang }): Promise<Buffer>;
  /** The e-mail draft with the PDF attached. */
  eml(id: string, lang?: TextLang): Promise<string>;
}

/** Report builders over a rehearsal service. */
export function reportFiles(deps: ReportDeps): ReportFiles {
  const model = async (id: string, lang: TextLang = 'fi'): Promise<ReportModel> =>
    buildReportModel(await deps.rehearsals.verdict(id), {
      kantaAddress: deps.kantaAddress,
      now: deps.clock(),
      lang,
      ...(deps.organisationName === undefined ? {} : { organisationName: deps.organisationName }),
      ...(deps.codes === undefined ? {} : { codes: deps.codes }),
    });
  return {
    model,
    html: async (id, lang) => renderReportHtml(await model(id, lang)),
    pdf: async (id, options) => renderReportPdf(await model(id, options?.lang), options),
    eml: async (id, lang) => {
      const m = await model(id, lang);
      return renderReportEml(m, { pdf: await renderReportPdf(m), now: deps.clock() });
    },
  };
}
