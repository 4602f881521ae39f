// The demo's readable timeline: phase headers, relative timestamps, ✓/✗/↻/⚡ markers; or NDJSON
// records with the same content for --json.
import { relTime, writeJson, type Style } from './output.js';

export type Mark = 'ok' | 'fail' | 'retry' | 'fault' | 'info' | 'event' | 'skip';

export class Timeline {
  private readonly t0 = Date.now();
  private phaseNo = '';
  private phaseTitle = '';

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly style: Style,
    private readonly json: boolean,
  ) {}

  get elapsedMs(): number {
    return Date.now() - this.t0;
  }

  phase(no: string, title: string, seedRef?: string): void {
    this.phaseNo = no;
    this.phaseTitle = title;
    if (this.json) {
      writeJson({ t: this.elapsedMs / 1000, type: 'phase', phase: no, title, seed: seedRef }, this.out);
      return;
    }
    const head = `── ${no ? `${no}. ` : ''}${title} `;
    const ref = seedRef ? ` ${this.style.dim(seedRef)}` : '';
    this.out.write(`\n${this.style.bold(head + '─'.repeat(Math.max(4, 56 - head.length)))}${ref}\n`);
  }

  line(mark: Mark, text: string, data: Record<string, unknown> = {}): void {
    if (this.json) {
      writeJson({ t: this.elapsedMs / 1000, type: mark, phase: this.phaseNo || undefined, text, ...data }, this.out);
      return;
    }
    const s = this.style;
    const sym = { ok: s.green('✓'), fail: s.red('✗'), retry: s.yellow('↻'), fault: s.yellow('⚡'), info: s.dim('·'), event: s.cyan('←'), skip: s.dim('–') }[mark];
    this.out.write(`${s.dim(relTime(this.t0))}  ${sym} ${text}\n`);
  }

  /** A block of text (a table) under the current line, indented to the text column. */
  block(text: string, data?: unknown): void {
    if (this.json) {
      if (data !== undefined) writeJson({ t: this.elapsedMs / 1000, type: 'data', phase: this.phaseNo || undefined, data }, this.out);
      return;
    }
    this.out.write(text.split('\n').map((l) => `             ${l}`).join('\n') + '\n');
  }

  get currentPhase(): string {
    return this.phaseTitle;
  }
}
