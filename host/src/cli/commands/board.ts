// The small board commands: info, status, disconnect, reset.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { infoLines, keyValues, ssidLabel, statusRows } from '../format.js';
import { writeJson } from '../output.js';

export function registerBoardCommands(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('info')
    .description("show the board's hello: firmware, protocol and ESP-IDF versions, chip, MAC, reset reason")
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { withBoard } = await import('../session.js');
      await withBoard(ctx, { reconnect: false }, async ({ board, port }) => {
        if (ctx.json) writeJson({ port, ...board.info });
        else ctx.out.write(keyValues([['port', port], ...infoLines(board.info)], ctx.style) + '\n');
      });
    });

  program
    .command('status')
    .description('show the station phase, connection, IP and link counters')
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { withBoard } = await import('../session.js');
      await withBoard(ctx, { reconnect: false }, async ({ board }) => {
        const s = await board.status();
        if (ctx.json) writeJson(s);
        else ctx.out.write(keyValues(statusRows(s), ctx.style) + '\n');
      });
    });

  program
    .command('disconnect')
    .description('disconnect the station (no reconnect follows: it was your decision)')
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { withBoard } = await import('../session.js');
      await withBoard(ctx, { reconnect: false }, async ({ board }) => {
        const before = await board.status();
        const wasConnected = before.phase === 'connected' || before.phase === 'got_ip';
        if (before.phase === 'uninit' || before.phase === 'init') {
          if (ctx.json) writeJson({ disconnected: false, phase: before.phase });
          else ctx.out.write(`Not connected (Wi-Fi is ${before.phase === 'uninit' ? 'not initialised' : 'not started'}); nothing to do.\n`);
          return;
        }
        await board.disconnect();
        if (ctx.json) writeJson({ disconnected: wasConnected, ssid: wasConnected ? before.ssidText : undefined });
        else
          ctx.out.write(
            wasConnected ? `${ctx.style.green('✓')} Disconnected from "${ssidLabel(before.ssidText, before.ssid)}".\n` : 'Not connected; the station is idle.\n',
          );
      });
    });

  program
    .command('reset')
    .description('reboot the board and wait for its hello')
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { withBoard } = await import('../session.js');
      await withBoard(ctx, { reconnect: false }, async ({ board }) => {
        const info = await board.reset();
        if (ctx.json) writeJson(info);
        else ctx.out.write(`${ctx.style.green('✓')} Board restarted (reset reason: ${info.reset}); firmware ${info.fw} on ${info.chip}.\n`);
      });
    });
}
