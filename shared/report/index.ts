export { escapeHtml } from "./html";
export {
  REPORT_ALIGNED_CHARACTERS_CAP,
  REPORT_CSP,
  type ReportInput,
  renderReport,
} from "./render";
