export { escapeHtml } from "./html";
export { REPORT_CSP, type ReportInput, renderReport } from "./render";
