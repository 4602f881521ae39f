import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { table, writeJson } from '../output.js';

export function registerPorts(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('ports')
    .description('list serial ports that may be ESP boards, with a guess from the USB VID:PID')
    .action(async (_opts, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { listPorts } = await import('../ports.js');
      const result = await listPorts();
      if (result.note) ctx.log.debug(result.note);
      if (ctx.json) {
        writeJson(result.ports);
      } else if (result.ports.length > 0) {
        ctx.out.write(
          table(
            result.ports,
            [
              { header: 'PORT', value: (p) => p.path },
              { header: 'USB ID', value: (p) => (p.vendorId ? `${p.vendorId}:${p.productId ?? '????'}` : '-') },
              { header: 'SERIAL', value: (p) => p.serialNumber ?? '-' },
              { header: 'ADAPTER', value: (p) => p.adapter ?? p.manufacturer ?? '-' },
              { header: 'PROBABLY', value: (p) => p.guess ?? 'unknown device' },
            ],
            ctx.style,
          ) + '\n',
        );
        // Stable names survive replugging and tell identical boards apart (the serial number is in them).
        const stable = result.ports.filter((p) => p.byId);
        if (stable.length > 0) ctx.out.write(`\nStable names (use them with --port):\n${stable.map((p) => `  ${p.path}  ${p.byId}`).join('\n')}\n`);
      }
      if (result.ports.length === 0) {
        ctx.note(
          [
            'No serial ports found.',
            '  Plug in a board with a data cable (on Linux: check dmesg, and that you are in the dialout group).',
            '  No board? Board commands use a built-in virtual board when --port is left out (try: espwifi demo).',
          ].join('\n'),
        );
      } else if (!ctx.json) {
        ctx.note(`Use one with --port, e.g. espwifi info --port ${result.ports[0].path}`);
      }
    });
}
