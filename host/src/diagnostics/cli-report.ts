// What diagnose (and watch at its end) hands over: the terminal summary, the JSON document —
// episodes streamed as they complete, so memory stays flat — and the HTML report if asked.
import { writeFileSync } from 'node:fs';
import type { Ctx } from '../cli/context.js';
import { jsonReplacer } from '../cli/output.js';
import { Diagnoser, type Report } from './diagnose.js';
import { LineSplitter } from './lines.js';
import { renderText } from './render-text.js';
import type { Episode } from './types.js';

export interface ReportOptions {
  json?: boolean;
  html?: string;
  mask: string[];
  includeLog?: boolean;
  last: number;
}

/** Streams `{"format":…,"episodes":[…` while the log is read, the rest at the end. */
export class JsonReportWriter {
  private first = true;
  constructor(private readonly out: NodeJS.WritableStream) {
    out.write('{"format":"espwifi-diagnose/1","episodes":[\n');
  }
  episode(ep: Episode): void {
    this.out.write((this.first ? '' : ',\n') + JSON.stringify(ep, jsonReplacer));
    this.first = false;
  }
  finish(r: Report, includeLog: boolean): void {
    const rest = { summary: r.summary, verdicts: r.verdicts, events: r.events, eventsDropped: r.eventsDropped, series: r.series, ...(includeLog && r.log ? { log: r.log } : {}) };
    this.out.write(`\n],${JSON.stringify(rest, jsonReplacer).slice(1)}\n`);
  }
}

export async function runDiagnosis(ctx: Ctx, input: AsyncIterable<Buffer>, source: string, o: ReportOptions): Promise<Report> {
  const json = o.json ? new JsonReportWriter(ctx.out) : undefined;
  const d = new Diagnoser({ mask: o.mask, keepLines: o.includeLog ? 20_000 : 0, onEpisode: json ? (ep) => json.episode(ep) : undefined });
  const split = new LineSplitter((l, cut) => d.line(l, undefined, cut));
  for await (const chunk of input) split.push(chunk);
  split.end();
  const report = d.end();
  await finishReport(ctx, report, source, o, json);
  return report;
}

/** `quiet`: the summary went out another way (watch --json ends its NDJSON with it). */
export async function finishReport(ctx: Ctx, report: Report, source: string, o: ReportOptions, json?: JsonReportWriter, quiet = false): Promise<void> {
  if (json) json.finish(report, !!o.includeLog);
  else if (!quiet) ctx.out.write(renderText(report, ctx.style, { source, lastEpisodes: o.last }));
  if (o.html) {
    const { renderHtml } = await import('./render-html.js');
    writeFileSync(o.html, await renderHtml(report, { source, includeLog: !!o.includeLog }));
    ctx.note(`HTML report written to ${o.html}`);
  }
}
