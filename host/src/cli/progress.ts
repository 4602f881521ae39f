// A one-line spinner on stderr while something runs, only when stderr is a TTY (logs and pipes
// get nothing: a spinner in a CI log is noise).
export interface Spinner {
  update(text: string): void;
  stop(finalLine?: string): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The spinner line on screen, if any: cleared before anything else is written to stderr (a log
 *  line, a note), and redrawn by its own timer afterwards. */
let drawn: { stream: NodeJS.WriteStream } | null = null;

export function clearSpinnerLine(): void {
  if (!drawn) return;
  drawn.stream.write('\r\x1b[2K');
  drawn = null;
}

export function spinner(text: string, stream: NodeJS.WriteStream = process.stderr): Spinner {
  if (!stream.isTTY) {
    return { update: () => undefined, stop: (line) => (line ? void stream.write(line + '\n') : undefined) };
  }
  const start = Date.now();
  let label = text;
  let i = 0;
  const draw = () => {
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    stream.write(`\r\x1b[2K${FRAMES[i++ % FRAMES.length]} ${label} ${secs}s`);
    drawn = { stream };
  };
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    update: (t) => {
      label = t;
    },
    stop: (line) => {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
      drawn = null;
      if (line) stream.write(line + '\n');
    },
  };
}
