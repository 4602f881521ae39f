// Bytes → lines for any source (file, stdin, a serial port): splits on \n, drops \r, decodes as
// UTF-8 (invalid bytes become U+FFFD, never an exception) and cuts a line at MAX_LINE characters
// so a stream without newlines cannot grow memory.
export const MAX_LINE = 4096;

export class LineSplitter {
  private parts: Buffer[] = [];
  private partLen = 0;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      this.emit(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** End of stream: a last line without newline still counts. */
  end(): void {
    if (this.partLen > 0) this.emit(Buffer.alloc(0), 0, 0);
  }

  private keep(rest: Buffer): void {
    this.parts.push(Buffer.from(rest));
    this.partLen += rest.length;
    while (this.partLen >= MAX_LINE) {
      const all = Buffer.concat(this.parts);
      this.onLine(all.toString('utf8', 0, MAX_LINE));
      const tail = all.subarray(MAX_LINE);
      this.parts = tail.length ? [tail] : [];
      this.partLen = tail.length;
    }
  }

  private emit(chunk: Buffer, start: number, end: number): void {
    let line: string;
    if (this.partLen > 0) {
      const all = Buffer.concat([...this.parts, chunk.subarray(start, end)]);
      this.parts = [];
      this.partLen = 0;
      line = all.toString('utf8');
    } else {
      line = end - start > MAX_LINE ? chunk.toString('utf8', start, start + MAX_LINE) : chunk.toString('utf8', start, end);
    }
    this.onLine(line);
  }
}
