import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { keyValues } from '../format.js';
import { table, writeJson } from '../output.js';

/** 15 for "15" or "0x0f"; undefined for anything else (names, out of range). */
function parseCode(s: string): number | undefined {
  const n = /^0x[0-9a-f]+$/i.test(s) ? parseInt(s.slice(2), 16) : /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 0xffff ? n : undefined;
}

export function registerReason(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('reason')
    .description('explain a Wi-Fi disconnect reason code or name (no board needed)')
    .argument('[code|name]', 'e.g. 15, 0x0f, 204, HANDSHAKE_TIMEOUT or WIFI_REASON_NO_AP_FOUND; with --list: a filter')
    .option('--list', 'list the reason codes; with an argument only those whose code, name, cause or meaning match it')
    .action(async (arg: string | undefined, o: { list?: boolean }, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { decodeReason, protocolDefinition } = await import('../lib-light.js');
      if (o.list || arg === undefined) {
        if (arg === undefined && !o.list) throw new CliError(EXIT.USAGE, 'give a reason code or name (e.g. espwifi reason 15), or --list');
        const filter = arg?.trim().toLowerCase();
        const code = filter !== undefined ? parseCode(filter) : undefined;
        const rows = protocolDefinition.reasons
          .map((r) => ({ code: r.code, name: r.name, cause: r.cause, meaning: r.meaning }))
          .filter((r) => !filter || r.code === code || [r.name, r.cause, r.meaning].some((t) => t.toLowerCase().includes(filter)));
        if (ctx.json) writeJson(rows);
        else if (rows.length === 0) throw new CliError(EXIT.USAGE, `no reason matches "${arg}"`, 'espwifi reason --list shows every code');
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
      const asNumber = parseCode(input);
      if (asNumber === undefined && /^(0x)?[0-9a-f]+$/i.test(input) && /\d/.test(input)) {
        throw new CliError(EXIT.USAGE, `"${arg}" is not a reason code: a code is 0–65535, decimal or 0x hex`);
      }
      const d = decodeReason(asNumber ?? input);
      // A number the table does not list still gets the library's advice (newer ESP-IDF versions
      // add codes); an unknown name is a typo.
      if (!d.known && asNumber === undefined) {
        throw new CliError(EXIT.USAGE, `unknown reason name "${arg}"`, 'espwifi reason --list shows every code; --list NAME filters');
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
            ['family', families.length ? `ESP-IDF's reason codes related to ${families.join(' and ')}${d.familyCondition ? ` (${d.familyCondition})` : ''}` : undefined],
          ],
          ctx.style,
          '  ',
        ) + '\n',
      );
    });
}
