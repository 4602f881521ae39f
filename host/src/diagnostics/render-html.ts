// Placeholder until the HTML report lands.
import type { Report } from './diagnose.js';
export function renderHtml(report: Report, _o: { source: string; includeLog: boolean }): string {
  return `<!doctype html><title>espwifi</title><pre>${JSON.stringify(report.summary)}</pre>`;
}
