import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { keyValues } from '../format.js';
import { table, writeJson } from '../output.js';

export function registerReason(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('reason')
    .description('explain a Wi-Fi disconnect reason code or name (no board needed)')
    .argument('[code|name]', 'e.g. 15, 204, HANDSHAKE_TIMEOUT or WIFI_REASON_NO_AP_FOUND')
    .option('--list', 'list every reason code')
    .action(async (arg: string | undefined, o: { list?: boolean }, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { decodeReason, protocolDefinition } = await import('../lib-light.js');
      if (o.list || arg === undefined) {
        if (arg === undefined && !o.list) throw new CliError(EXIT.USAGE, 'give a reason code or name (e.g. espwifi reason 15), or --list');
        const rows = protocolDefinition.reasons.map((r) => ({ code: r.code, name: r.name, cause: r.cause, meaning: r.meaning }));
        if (ctx.json) writeJson(rows);
        else
          ctx.out.write(
            table(rows, [
              { header: 'CODE', value: (r) => String(r.code), align: 'right' },
              { header: 'NAME', value: (r) => r.name },
              { header: 'CAUSE', value: (r) => r.cause },
              { header: 'MEANING', value: (r) => r.meaning },
            ], ctx.style) + '\n',
          );
        return;
      }
      const input = arg.trim();
      const asNumber = /^\d+$/.test(input) ? Number(input) : undefined;
      let d;
      try {
        d = decodeReason(asNumber ?? input);
      } catch {
        d = undefined;
      }
      if (!d || !d.known) {
        throw new CliError(EXIT.USAGE, `unknown reason "${arg}"`, 'espwifi reason --list shows every code');
      }
      if (ctx.json) {
        writeJson(d);
        return;
      }
      const families = Object.entries(d.families)
        .filter(([, member]) => member)
        .map(([k]) => (k === 'low_rssi' ? 'low RSSI' : k === 'password' ? 'wrong password' : k));
      ctx.out.write(`${ctx.style.bold(d.name)} (${d.code})\n`);
      ctx.out.write(
        keyValues(
          [
            ['meaning', d.meaning],
            ['cause', `${d.cause} — ${d.causeText}`],
            ['what to do', d.action],
            ['seed family', families.length ? `related to ${families.join(' and ')}` : undefined],
          ],
          ctx.style,
          '  ',
        ) + '\n',
      );
    });
}
