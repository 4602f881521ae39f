import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { fieldsText } from '../format.js';
import { printable, relTime, writeJson, type Style } from '../output.js';
import type { DeviceLogLine, ResetInfo } from '../../types.js';

/** Board 'event' arrives as (verb, fields, seq) from the client or as one object; accept both. */
function normaliseEvent(args: unknown[]): { verb: string; fields: Record<string, unknown>; seq?: number } {
  const [a, b, c] = args;
  if (typeof a === 'string') return { verb: a, fields: (b ?? {}) as Record<string, unknown>, seq: c as number | undefined };
  const o = (a ?? {}) as { verb?: string; name?: string; fields?: Record<string, unknown>; seq?: number };
  return { verb: o.verb ?? o.name ?? 'event', fields: o.fields ?? {}, seq: o.seq };
}

/** A device log line as idf.py monitor shows it: `I (190) cpu_start: text`, coloured by level
 *  (E red, W yellow, I green); lines without the ESP_LOG shape (ROM banner, panic dump) as they are. */
export function logText(l: DeviceLogLine, style: Style): string {
  if (!l.level) return printable(l.text);
  const text = printable(`${l.level} (${l.time ?? '?'}) ${l.tag ?? ''}: ${l.text}`);
  return l.level === 'E' ? style.red(text) : l.level === 'W' ? style.yellow(text) : l.level === 'I' ? style.green(text) : style.dim(text);
}

export function registerMonitor(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('monitor')
    .description('print decoded events and device log lines until Ctrl-C (NDJSON with --json)')
    .option('--no-log', 'hide device log lines (ROM banner, ESP_LOG output)')
    .option('--scenario <name>', 'scenario for the built-in virtual board (only without --port; default home)')
    .action(async (o: { log: boolean; scenario?: string }, cmd: Command) => {
      const ctx = getCtx(cmd);
      const [{ untilAborted, withBoard }, { decodeReason }] = await Promise.all([import('../session.js'), import('../lib-light.js')]);
      // Device lines are printed here, once, on stdout: not also by the logger on stderr.
      await withBoard(ctx, { scenario: o.scenario, reconnect: false, deviceLog: false }, async ({ board, signal, port }) => {
        const t0 = Date.now();
        const line = (kind: string, text: string) => ctx.out.write(`${ctx.style.dim(relTime(t0))}  ${kind} ${text}\n`);
        board.on('event', (raw) => {
          const e = normaliseEvent([raw]);
          let decoded: ReturnType<typeof decodeReason> | undefined;
          // a SoftAP's station leaving carries a reason of the same table (PROTOCOL.md §15)
          if ((e.verb === 'disconnected' || e.verb === 'ap_stadisconnected') && typeof e.fields.reason === 'number') decoded = decodeReason(e.fields.reason);
          if (ctx.json) {
            writeJson({ t: (Date.now() - t0) / 1000, type: 'event', event: e.verb, seq: e.seq, ...e.fields, ...(decoded ? { reasonName: decoded.name, meaning: decoded.meaning } : {}) });
            return;
          }
          const extra = decoded ? ctx.style.yellow(`  ${decoded.name}: ${decoded.meaning}`) : '';
          line(ctx.style.cyan('event'), `${ctx.style.bold(e.verb)} ${fieldsText(e.fields)}${extra}`);
        });
        if (o.log) {
          board.on('log', (l: DeviceLogLine) => {
            if (ctx.json) writeJson({ t: (Date.now() - t0) / 1000, type: 'log', ...l });
            else line(ctx.style.dim('log  '), logText(l, ctx.style));
          });
        }
        board.on('reset', (r: ResetInfo) => {
          if (ctx.json) writeJson({ t: (Date.now() - t0) / 1000, type: 'reset', reason: r.reason, unexpected: r.unexpected });
          else line(ctx.style.red('reset'), `board restarted (${r.reason})`);
        });
        board.on('resync', (g: unknown) => {
          if (ctx.json) writeJson({ t: (Date.now() - t0) / 1000, type: 'resync', ...(g as object) });
          else line(ctx.style.yellow('gap  '), 'missed events: status re-read');
        });
        // Ctrl-C is how monitor ends (exit 0); a port that goes away is a failure (exit 3), not an
        // end: otherwise Node would exit 0 silently once the closed port left nothing to wait for.
        const lost = new Promise<Error>((resolve) => board.once('close', (err?: Error) => resolve(err ?? new CliError(EXIT.NO_BOARD, `${port}: the port was closed`))));
        if (!ctx.json) ctx.note(`Monitoring ${port} — Ctrl-C to stop.`);
        const ended = await Promise.race([untilAborted(signal), lost]);
        if (ended instanceof Error) throw ended;
      });
    });
}
