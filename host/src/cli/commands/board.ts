// The small board commands: info, status, disconnect, reset.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { Session } from '../session.js';
import { infoLines, keyValues, statusRows } from '../format.js';
import { quoted, writeJson } from '../output.js';
import { CliError, EXIT } from '../exit-codes.js';
import { reasonName } from '../format.js';

/** An action that opens the board (or a virtual one), runs, and closes it; these commands only
 *  look or act once, so no reconnect policy runs on their behalf. */
function onBoard(getCtx: (cmd: Command) => Ctx, run: (ctx: Ctx, s: Session) => Promise<void>) {
  return async (_o: unknown, cmd: Command): Promise<void> => {
    const ctx = getCtx(cmd);
    const { withBoard } = await import('../session.js');
    await withBoard(ctx, { reconnect: false }, (s) => run(ctx, s));
  };
}

export function registerBoardCommands(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('info')
    .description("show the board's hello: firmware, protocol and ESP-IDF versions, chip, MAC, reset reason")
    .action(onBoard(getCtx, async (ctx, { board, port }) => {
      if (ctx.json) writeJson({ port, ...board.info });
      else ctx.out.write(keyValues([['port', port], ...infoLines(board.info)], ctx.style) + '\n');
    }));

  program
    .command('status')
    .description('show the station phase, connection, IP and link counters')
    .action(onBoard(getCtx, async (ctx, { board, port }) => {
      const s = await board.status();
      if (ctx.json) writeJson({ port, ...s, lastReasonName: reasonName(s.lastReason) });
      else ctx.out.write(keyValues([['port', port], ...statusRows(s)], ctx.style) + '\n');
    }));

  program
    .command('disconnect')
    .description('disconnect the station (no reconnect follows: it was your decision)')
    .action(onBoard(getCtx, async (ctx, { board }) => {
      const before = await board.status();
      if (before.phase === 'uninit' || before.phase === 'init') {
        if (ctx.json) writeJson({ disconnected: false, stoppedAttempt: false, phase: before.phase });
        else ctx.out.write(`Not connected (Wi-Fi is ${before.phase === 'uninit' ? 'not initialised' : 'not started'}); nothing to do.\n`);
        return;
      }
      const wasConnected = before.phase === 'connected' || before.phase === 'got_ip';
      const wasTrying = before.phase === 'connecting';
      // During an attempt status names no SSID yet: the stored configuration says where to.
      const target = wasTrying ? (await board.getConfig()).ssidText : before.ssidText;
      await board.disconnect();
      const after = await board.status();
      if (after.phase !== 'started') {
        throw new CliError(EXIT.COMMAND_FAILED, `the station is still ${after.phase} after disconnect`, 'run espwifi disconnect again, or espwifi reset');
      }
      if (ctx.json) {
        writeJson({ disconnected: wasConnected, stoppedAttempt: wasTrying, ...(wasConnected || wasTrying ? { ssid: target } : {}), phase: after.phase });
      } else if (wasConnected) {
        ctx.out.write(`${ctx.style.green('✓')} Disconnected from ${quoted(target ?? '')}.\n`);
      } else if (wasTrying) {
        ctx.out.write(`${ctx.style.green('✓')} Stopped the connect attempt to ${quoted(target ?? '')}; the station is idle.\n`);
      } else {
        ctx.out.write('Not connected; the station is idle.\n');
      }
    }));

  program
    .command('reset')
    .description('reboot the board and wait for its hello')
    .action(onBoard(getCtx, async (ctx, { board }) => {
      const info = await board.reset();
      if (ctx.json) writeJson(info);
      else ctx.out.write(`${ctx.style.green('✓')} Board restarted (reset reason: ${info.reset}); firmware ${info.fw} on ${info.chip}.\n`);
    }));
}
