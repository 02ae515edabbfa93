export { renderReportHtml } from './html';
export { renderReportPdf } from './pdf';
export { reportFileName } from './file-name';
export { buildReportModel } from './model';
export type { ReportModel } from './model';
export type { Audience, ReportData, ReportOptions } from './types';
export { TREND_CHARTS } from './trend-series';
