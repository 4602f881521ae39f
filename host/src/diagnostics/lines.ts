// Bytes → lines for any source (file, stdin, a serial port): a line ends at LF, CR or CRLF (runs
// of CR before an LF count once), as the live port's reader splits it — ESP-IDF can print CR
// alone (CONFIG_NEWLIB_STDOUT_LINE_ENDING_CR); decodes as UTF-8 (invalid bytes become U+FFFD, never an exception;
// a character split across chunks is kept whole) and cuts a line at MAX_LINE characters so a
// stream without newlines cannot grow memory. Whole chunks are decoded once and split as
// strings, as node:readline does: one native call per chunk instead of one per line.
import { StringDecoder } from 'node:string_decoder';

export const MAX_LINE = 4096;

/** How a line handed on was cut at MAX_LINE: more of it followed (or was dropped) after its end,
 *  and/or it is the rest of a line cut before it. The masker needs to know: a secret can straddle
 *  the cut, and each side then holds only a piece of it. */
export const CUT_TAIL = 1;
export const CUT_HEAD = 2;
export type Cut = number;

/** A copy that does not keep its parent alive: a line is a slice of a whole decoded chunk, and
 *  anything kept for the report (an SSID, a sample line) must not pin that chunk in memory. */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** The last chunk ended with CR: CRs and one LF starting the next belong to that terminator. */
  private afterCr = false;
  /** `partial` is the rest of a line already cut at MAX_LINE. */
  private continuing = false;

  constructor(private readonly onLine: (line: string, cut: Cut) => void) {}

  push(chunk: Buffer): void {
    this.text(this.decoder.write(chunk));
  }

  /** End of stream: a last line without newline still counts. */
  end(): void {
    this.text(this.decoder.end());
    if (this.partial.length > 0) {
      const last = this.partial;
      this.partial = '';
      this.onLine(last, this.continuing ? CUT_HEAD : 0);
    }
    this.continuing = false;
  }

  private text(raw: string): void {
    let s = raw;
    if (this.afterCr) {
      const rest = /^\r*\n?/.exec(s)![0];
      s = s.slice(rest.length);
      // A chunk of CRs only: the terminator may still go on in the next one.
      this.afterCr = s.length === 0 && !rest.endsWith('\n');
    }
    if (s.length === 0) return;
    // One native pass, and only over chunks that hold a CR: LF-only logs pay nothing.
    if (s.includes('\r')) {
      this.afterCr = s.charCodeAt(s.length - 1) === 0x0d;
      s = s.replace(/\r+\n?/g, '\n');
    }
    let start = 0;
    let nl = s.indexOf('\n');
    if (nl >= 0 && (this.partial.length > 0 || this.continuing)) {
      this.emit(this.partial + s.slice(0, nl), this.continuing ? CUT_HEAD : 0);
      this.partial = '';
      this.continuing = false;
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    while (nl >= 0) {
      this.emit(nl - start > MAX_LINE ? s.slice(start, start + MAX_LINE + 1) : s.slice(start, nl), 0);
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    if (start < s.length) {
      this.partial = this.partial.length > 0 ? this.partial + s.slice(start) : s.slice(start);
      while (this.partial.length >= MAX_LINE) {
        this.onLine(this.partial.slice(0, MAX_LINE), CUT_TAIL | (this.continuing ? CUT_HEAD : 0));
        this.partial = this.partial.slice(MAX_LINE);
        this.continuing = true;
      }
    }
  }

  /** A whole line: over MAX_LINE it is cut there and the rest dropped (`line` may hold just one
   *  character more than MAX_LINE to say so). */
  private emit(line: string, cut: Cut): void {
    if (line.length > MAX_LINE) this.onLine(line.slice(0, MAX_LINE), cut | CUT_TAIL);
    else this.onLine(line, cut);
  }
}
