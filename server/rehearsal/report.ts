/**
 * The report of a rehearsal as files: HTML, PDF and the e-mail draft, built from one verdict each time
 * (so a report always shows the archive as it is now). Exported for the archivist interface too.
 */
import type { RehearsalService } from './rehearsal-service.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import { renderReportEml } from './report-eml.js';
import { renderReportHtml } from './report-html.js';
import { renderReportPdf } from './report-pdf.js';

export interface ReportDeps {
  readonly rehearsals: RehearsalService;
  readonly kantaAddress: string;
  readonly organisationName?: (oid: string) => string | undefined;
  readonly clock: () => Date;
}

export interface ReportFiles {
  model(id: string): Promise<ReportModel>;
  html(id: string): Promise<string>;
  pdf(id: string, options?: { compress?: boolean }): Promise<Buffer>;
  /** The e-mail draft with the PDF attached. */
  eml(id: string): Promise<string>;
}

/** Report builders over a rehearsal service. */
export function reportFiles(deps: ReportDeps): ReportFiles {
  const model = async (id: string): Promise<ReportModel> =>
    buildReportModel(await deps.rehearsals.verdict(id), {
      kantaAddress: deps.kantaAddress,
      now: deps.clock(),
      ...(deps.organisationName === undefined ? {} : { organisationName: deps.organisationName }),
    });
  return {
    model,
    html: async (id) => renderReportHtml(await model(id)),
    pdf: async (id, options) => renderReportPdf(await model(id), options),
    eml: async (id) => {
      const m = await model(id);
      return renderReportEml(m, { pdf: await renderReportPdf(m), now: deps.clock() });
    },
  };
}
