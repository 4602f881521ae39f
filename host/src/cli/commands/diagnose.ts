// `espwifi diagnose [FILE|-]`: explains every Wi-Fi disconnect in a saved console log of any
// firmware (ESP-IDF, Arduino-ESP32, ESPHome, ESP-AT, ESPEasy). Streams: a week-long log is read
// once, never loaded whole; episodes go out as they complete.
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { intOption, type Ctx } from '../context.js';

export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Option parser for a file espwifi writes (--html, --log, --out): a path it cannot write is a
 *  usage error now, not a crash after the whole log was read or the port watched for hours. */
export const outputFileOption = (name: string) => (file: string): string => {
  const fail = (why: string) => new CliError(EXIT.USAGE, `${name}: cannot write ${file}: ${why}`);
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  // Any error (ENOENT, ENOTDIR: a parent is a file) means "not there": the directory decides.
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return undefined;
    }
  };
  const st = stat(file);
  if (st) {
    if (st.isDirectory()) throw fail('it is a directory');
    if (!writable(file)) throw fail('no permission');
    return file;
  }
  const dir = path.dirname(path.resolve(file));
  const dirSt = stat(dir);
  if (!dirSt) throw fail(`no such directory ${dir}`);
  if (!dirSt.isDirectory()) throw fail(`${dir} is not a directory`);
  if (!writable(dir)) throw fail(`no permission to create files in ${dir}`);
  return file;
};

/** The password espwifi connects with (ESPWIFI_PASSWORD) is masked too, without being named. */
export const withEnvPassword = (mask: string[]): string[] => (process.env.ESPWIFI_PASSWORD ? [...mask, process.env.ESPWIFI_PASSWORD] : mask);

export function registerDiagnose(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('diagnose')
    .description("explain the Wi-Fi disconnects in a saved console log of any ESP32 firmware (no board needed)")
    .argument('[file]', 'the log file, or - (or nothing) for stdin')
    .option('--html <file>', 'also write a self-contained HTML report (plots, timeline) to this file', outputFileOption('--html'))
    .option('--mask <secret>', 'mask this text (a Wi-Fi password) wherever a device line shows it; repeatable', collect, [])
    .option('--include-log', 'put the device lines (masked) into --html and --json reports (left out by default)')
    .option('--last <n>', 'episodes listed in the terminal summary', intOption('--last', 0, 100_000), 10)
    .addHelpText('after', `
Examples:
  espwifi diagnose boot.log                      summary of a saved log
  idf.py monitor | tee cap.log; espwifi diagnose cap.log --html report.html
  espwifi diagnose week.log --json > report.json episodes, events, verdicts (schema: README)
  cat cap.log | espwifi diagnose - --mask 'my wifi password'`)
    .action(async (file: string | undefined, o: { html?: string; mask: string[]; includeLog?: boolean; last: number }, cmd: Command) => {
      const ctx = getCtx(cmd);
      let input: AsyncIterable<Buffer>;
      let source: string;
      if (file === undefined || file === '-') {
        if (process.stdin.isTTY && file === undefined) throw new CliError(EXIT.USAGE, 'give a log file, or pipe a log into stdin (espwifi diagnose -)');
        input = process.stdin;
        source = 'stdin';
      } else {
        try {
          if (!statSync(file).isFile()) throw new CliError(EXIT.USAGE, `${file} is not a file`);
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(EXIT.USAGE, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        input = createReadStream(file, { highWaterMark: 1 << 20 });
        source = file;
      }
      const { runDiagnosis } = await import('../../diagnostics/cli-report.js');
      await runDiagnosis(ctx, input, source, { json: ctx.json, html: o.html, mask: withEnvPassword(o.mask), includeLog: o.includeLog, last: o.last });
    });
}
