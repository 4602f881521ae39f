// espwifi command line: parses options with commander, runs one command, maps every outcome to a
// documented exit code (exit-codes.ts) and one line on stderr that says what to do.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { makeCtx, intOption, type Ctx, type GlobalOptions } from './context.js';
import { ERROR_CLASS, EXIT } from './exit-codes.js';
import { classify } from './failure.js';
import { writeJson } from './output.js';
import { LOG_LEVELS, loadLogger } from './logger.js';
import { registerAp } from './commands/ap.js';
import { registerBoardCommands } from './commands/board.js';
import { registerConnect } from './commands/connect.js';
import { registerDemo } from './commands/demo.js';
import { registerDiagnose } from './commands/diagnose.js';
import { registerFlash } from './commands/flash.js';
import { registerImprov } from './commands/improv.js';
import { registerMonitor } from './commands/monitor.js';
import { registerPorts } from './commands/ports.js';
import { registerReason } from './commands/reason.js';
import { registerWatch } from './commands/watch.js';
import { registerScan } from './commands/scan.js';
import { registerSim } from './commands/sim.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function buildProgram(): Command {
  const program = new Command('espwifi');
  program
    .description("Drive an ESP32's Wi-Fi station from your laptop over a serial cable (or a built-in virtual board)")
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    // main() reports parse errors itself: one "espwifi:" prefix, or a JSON object with --json.
    .configureOutput({ outputError: () => {} })
    .addOption(new Option('-p, --port <port>', 'serial port, rfc2217://host:port or socket://host:port (default: a built-in virtual board)').env('ESPWIFI_PORT'))
    .option('-b, --baud <rate>', 'baud rate (default 115200; flash: 460800)', intOption('--baud', 300, 5_000_000))
    .option('--json', 'machine-readable output (JSON; NDJSON for streams)')
    .addOption(new Option('--log-level <level>', 'library and device log level on stderr').choices(LOG_LEVELS as string[]).env('ESPWIFI_LOG_LEVEL').default('warn'))
    .option('--no-color', 'no colours even on a terminal (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  espwifi demo                         the whole station story on a virtual board
  espwifi scan                         scan (virtual board unless --port is given)
  espwifi connect HomeNet              connect; the password is prompted for (hidden)
  pass wifi | espwifi connect HomeNet --password-stdin
  espwifi --port /dev/ttyUSB0 info     a real board
  espwifi reason 15                    what a disconnect reason means
  espwifi --port /dev/ttyUSB0 improv provision HomeNet   give an Improv device (ESPHome, WLED) its Wi-Fi

Exit codes: 0 ok, 1 internal error, 2 usage, 3 port/board not found, 4 connect failed (evidence
points at the password), 5 connect failed (another cause), 6 timeout, 7 board reset, 8 flash
failed, 9 command refused, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).`,
    );

  // The log level is explicit when given as an option or in ESPWIFI_LOG_LEVEL (not the default).
  const QUIET = new Set(['demo', 'connect', 'monitor', 'watch']);
  const getCtx = (cmd: Command): Ctx =>
    makeCtx(cmd.optsWithGlobals() as GlobalOptions, {
      quiet: QUIET.has(cmd.name()),
      levelExplicit: program.getOptionValueSource('logLevel') !== 'default',
    });
  // Commands that never log skip loading pino (see logger.ts); every other action gets it first.
  const NO_LOG = new Set(['reason', 'diagnose']);
  program.hook('preAction', async (_program, action) => {
    if (!NO_LOG.has(action.name())) await loadLogger();
  });
  registerDemo(program, getCtx);
  registerSim(program, getCtx);
  registerPorts(program, getCtx);
  registerBoardCommands(program, getCtx);
  registerScan(program, getCtx);
  registerConnect(program, getCtx);
  registerMonitor(program, getCtx);
  registerReason(program, getCtx);
  registerDiagnose(program, getCtx);
  registerWatch(program, getCtx);
  registerFlash(program, getCtx);
  registerImprov(program, getCtx);
  registerAp(program, getCtx);
  return program;
}

/** Runs the CLI and returns the exit code (never throws). */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  const wantsJson = argv.includes('--json');
  try {
    await program.parseAsync(argv);
    return EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help/version are successful exits; everything else commander rejects is a usage error.
      // `espwifi help [cmd]` is a request (exit 0); bare `espwifi` shows help as a usage error.
      if (['commander.helpDisplayed', 'commander.version'].includes(err.code) || (err.code === 'commander.help' && err.exitCode === 0)) return EXIT.OK;
      if (err.code === 'commander.help') return EXIT.USAGE;
      const message = err.message.replace(/^error: /, '');
      report({ exitCode: EXIT.USAGE, code: err.code, message, hint: 'run with --help for usage' }, wantsJson);
      return EXIT.USAGE;
    }
    const f = classify(err);
    report(f, wantsJson);
    if (!wantsJson && f.exitCode === EXIT.INTERNAL && process.env.ESPWIFI_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return f.exitCode;
  }
}

/** One failure on stderr: "espwifi: message" and a hint line, or the JSON error object
 *  (README "JSON output": code = failure class, detail = the library's or device's own code). */
function report(f: { exitCode: number; code: string; message: string; hint?: string; likely?: unknown }, json: boolean): void {
  if (json) {
    const error: Record<string, unknown> = { code: ERROR_CLASS[f.exitCode] ?? 'INTERNAL', detail: f.code, exitCode: f.exitCode, message: f.message };
    if (f.hint) error.hint = f.hint;
    if (f.likely) error.likely = f.likely;
    writeJson({ error }, process.stderr);
    return;
  }
  process.stderr.write(`espwifi: ${f.message}\n`);
  if (f.hint) process.stderr.write(`  hint: ${f.hint}\n`);
}

/** Entry for bin/espwifi.js: exits with main()'s code, also when a stray handle would keep Node alive. */
export function run(): void {
  main().then((code) => {
    process.exitCode = code;
    // A serial handle or timer the library failed to release must not make the CLI hang.
    setTimeout(() => process.exit(code), 500).unref();
  });
}
