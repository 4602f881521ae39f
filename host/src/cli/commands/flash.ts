import path from 'node:path';
import type { Command } from 'commander';
import type cliProgress from 'cli-progress';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { choiceOption } from '../context.js';
import { classify } from '../failure.js';
import { infoLines, keyValues } from '../format.js';
import { writeJson } from '../output.js';
import type { AfterMode, BeforeMode, FlashFile } from '../../flash/flasher-args.js';
import type { FlashProgress } from '../../flash/flasher.js';

interface FlashCli {
  eraseAll?: boolean;
  force?: boolean;
  before?: BeforeMode;
  after?: AfterMode;
  hello: boolean;
}

const label = (f: FlashFile) => `${path.basename(f.relPath)} @0x${f.address.toString(16)}`;

/** Per-file progress: a cli-progress bar on a TTY, a line every 25 % otherwise (CI logs). */
function progressReporter(ctx: Ctx, bars: typeof cliProgress) {
  if (ctx.err.isTTY && !ctx.json) {
    let bar: cliProgress.SingleBar | null = null;
    return {
      start(file: FlashFile) {
        bar?.stop();
        bar = new bars.SingleBar(
          { format: `  {file} |{bar}| {percentage}% {value}/{total} B (compressed)`, stream: ctx.err, hideCursor: true, clearOnComplete: false },
          bars.Presets.shades_classic,
        );
        bar.start(1, 0, { file: label(file).padEnd(28) });
      },
      progress(p: FlashProgress) {
        bar?.setTotal(p.total);
        bar?.update(p.written);
      },
      done() {
        bar?.stop();
        bar = null;
      },
    };
  }
  let lastStep = -1;
  return {
    start(file: FlashFile) {
      lastStep = -1;
      ctx.err.write(`  writing ${label(file)}\n`);
    },
    progress(p: FlashProgress) {
      const step = p.total ? Math.floor((p.written / p.total) * 4) : 4;
      if (step > lastStep) {
        lastStep = step;
        if (ctx.json) writeJson({ event: 'progress', file: p.file.relPath, address: p.file.address, written: p.written, total: p.total });
        else ctx.err.write(`  ${label(p.file)} ${Math.round((p.written / Math.max(1, p.total)) * 100)}% (${p.written}/${p.total} B compressed)\n`);
      }
    },
    done() {},
  };
}

/** Opens the freshly reset board, retrying while a re-enumerating USB port comes back (reopen.ts). */
async function openAfterReset(port: string, ctx: Ctx) {
  const [{ openBoard }, { openWithRetry }] = await Promise.all([import('../lib.js'), import('../../flash/reopen.js')]);
  return openWithRetry(() => openBoard({ port, baudRate: 115200, logger: ctx.log, reconnect: false, helloAttempts: 6 }));
}

/**
 * A port where the espwifi bridge answers and no DTR/RTS line exists (a virtual board's pty, a
 * pty in front of one) can never be put into the ROM bootloader: found in well under a second,
 * instead of the ROM sync's 6.5 s of silence. Undefined when the port is anything else (a real
 * board: flashBoard resets it as usual).
 */
async function bridgeWithoutResetLines(port: string, ctx: Ctx): Promise<string | undefined> {
  const { openBoard } = await import('../lib.js');
  const board = await openBoard({ port, baudRate: 115200, logger: ctx.log, reconnect: false, helloAttempts: 1, timeoutMs: 500 }).catch(() => undefined);
  if (!board) return undefined;
  try {
    const lines = await board.client.transport.setSignals({ dtr: false, rts: false }).catch(() => true);
    return lines ? undefined : `${board.info.fw} on ${board.info.chip}`;
  } finally {
    await board.close().catch(() => undefined);
  }
}

export function registerFlash(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('flash')
    .description('flash the bridge firmware (an ESP-IDF build) with esptool-js, then wait for its hello')
    .argument('[build_dir]', 'ESP-IDF build directory (or the project directory containing build/)', 'firmware/build')
    .option('--erase-all', 'erase the whole flash first (also wipes NVS: stored Wi-Fi settings)')
    .option('--force', 'write even the images the flash already holds')
    .option('--before <mode>', 'reset before flashing (default from flasher_args.json)', choiceOption('--before', ['default_reset', 'usb_reset', 'no_reset'] as const))
    .option('--after <mode>', 'reset after flashing (default from flasher_args.json)', choiceOption('--after', ['hard_reset', 'no_reset', 'no_reset_stub'] as const))
    .option('--no-hello', 'do not wait for the firmware hello after the reset')
    .addHelpText('after', '\n--baud sets the transfer rate (default 460800); the ROM is always reached at 115200.\nNeeds a real board: --port /dev/ttyUSB0 (see espwifi ports).')
    .action(async (buildDir: string, o: FlashCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      if (!ctx.port) {
        throw new CliError(EXIT.USAGE, 'flash needs a real board: pass --port (espwifi ports lists candidates)', 'the virtual board runs the firmware core directly and needs no flashing');
      }
      if (/^(rfc2217|socket):\/\//.test(ctx.port)) {
        throw new CliError(EXIT.USAGE, 'flash needs a local serial port: DTR/RTS reset timing does not survive a network hop (esptool #383)');
      }
      // Loaded here, not at the top: esptool-js, serialport and cli-progress would slow every other command's start.
      const [{ loadFlashPlan }, { flashBoard }, { identifyPort, USB_SERIAL_JTAG_NO_HELLO_HINT }, { default: bars }, { trapInterrupts }] = await Promise.all([
        import('../../flash/flasher-args.js'),
        import('../../flash/flasher.js'),
        import('../ports.js'),
        import('cli-progress'),
        import('../session.js'),
      ]);
      const plan = await loadFlashPlan(buildDir);
      const port = ctx.port;
      const bridge = await bridgeWithoutResetLines(port, ctx);
      if (bridge) {
        throw new CliError(
          EXIT.FLASH_FAILED,
          `${port} answers as the espwifi bridge (${bridge}) and has no DTR/RTS lines to reset it into the ROM bootloader: a virtual board, or a pseudo-terminal in front of one`,
          'a virtual board runs the firmware core directly and needs no flashing; a real board needs its own serial port (espwifi ports)',
        );
      }
      // By device, not by name: --port may be a /dev/serial/by-id link, a udev alias or macOS's
      // tty./cu. twin of the listed path, and a miss means the wrong reset sequence.
      const match = await identifyPort(port);
      const usbSerialJtag = match?.reset === 'usb-jtag';
      const baudRate = ctx.baud ?? 460800;
      const started = Date.now();
      const progress = progressReporter(ctx, bars);
      ctx.note(`Flashing ${plan.files.length} image${plan.files.length === 1 ? '' : 's'} from ${plan.buildDir}${plan.chip ? ` (built for ${plan.chip})` : ''} at ${baudRate} baud…`);
      const interrupts = trapInterrupts();
      let writing = false;
      const result = await flashBoard({
        port,
        plan,
        signal: interrupts.signal,
        baudRate,
        eraseAll: o.eraseAll,
        force: o.force,
        before: o.before,
        after: o.after,
        usbVendorId: match?.vendorId ? parseInt(match.vendorId, 16) : undefined,
        usbProductId: match?.productId ? parseInt(match.productId, 16) : undefined,
        onStatus: (l) => (ctx.json ? writeJson({ event: 'status', text: l }) : ctx.note(l)),
        onDebug: (l) => ctx.log.debug(l.trimEnd()),
        onFileStart: (f) => {
          writing = true;
          progress.start(f);
        },
        onProgress: (p) => progress.progress(p),
        onFileSkipped: (f) =>
          ctx.json ? writeJson({ event: 'skipped', file: f.relPath, address: f.address }) : ctx.note(`  ${label(f)} unchanged on the flash (MD5 matches): skipped`),
      })
        .catch((err: unknown) => {
          if (!(err instanceof CliError) || !interrupts.signal.aborted) throw err;
          throw new CliError(
            err.exitCode,
            `${err.message} while flashing: ${writing ? 'an image was cut short and will not boot' : 'nothing was written'}; the port is closed with DTR/RTS released`,
            writing ? 'run espwifi flash again before using the board' : undefined,
          );
        })
        .finally(() => {
          interrupts.dispose();
          progress.done();
        });
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const summary =
        result.written.length === 0
          ? `The flash already holds this build: nothing written (use --force to write anyway).`
          : `Wrote ${result.written.length} image${result.written.length === 1 ? '' : 's'} to the ${result.chip} in ${secs} s (verified by MD5).`;
      if (!ctx.json) ctx.out.write(`${ctx.style.green('✓')} ${summary}\n`);

      // Only a reset starts the application; the bootloader or the stub sends no hello.
      if (!o.hello || ['no_reset', 'no_reset_stub'].includes(o.after ?? plan.after)) {
        if (ctx.json) writeJson({ event: 'done', chip: result.chip, written: result.written.map((f) => f.relPath), skipped: result.skipped.map((f) => f.relPath) });
        return;
      }
      let board;
      try {
        board = await openAfterReset(port, ctx);
      } catch (err) {
        const f = classify(err, { duringOpen: true });
        throw new CliError(
          EXIT.NO_BOARD,
          `flashed, but ${f.code === 'NO_HELLO' ? 'no hello from the board after the reset' : f.message}`,
          f.code === 'NO_HELLO' && usbSerialJtag
            ? USB_SERIAL_JTAG_NO_HELLO_HINT
            : 'watch the boot output with espwifi monitor --port ' + port + '; if it boots into the ROM ("waiting for download"), press EN/RST',
        );
      }
      try {
        if (ctx.json) writeJson({ event: 'done', chip: result.chip, written: result.written.map((f) => f.relPath), skipped: result.skipped.map((f) => f.relPath), info: board.info });
        else ctx.out.write(`${ctx.style.green('✓')} The bridge firmware answers:\n${keyValues(infoLines(board.info), ctx.style, '    ')}\n`);
      } finally {
        await board.close();
      }
    });
}
