import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { choiceOption, floatOption, intOption, macOption } from '../context.js';
import { quoted, writeJson } from '../output.js';

export function registerSim(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('sim')
    .description('start a virtual board and keep it running until Ctrl-C; the first line printed is its port')
    .option('--scenario <file|name>', 'scenario JSON file or a name from firmware/sim/scenarios', 'home')
    .option('--speed <factor>', 'virtual-time speed-up (1 = real time)', floatOption('--speed', 0.01, 1000), 1)
    .option('--seed <n>', 'random seed, for replaying a run exactly', intOption('--seed', 0, 2 ** 31 - 1))
    .option('--control <socket>', 'serve the JSON-lines fault-injection channel on this Unix socket')
    .option('--link <path>', 'also expose the pseudo-terminal under this path (a symlink, removed on exit)')
    .option('--list', 'list the shipped scenarios and exit')
    .option('--world <dir>', "share a radio world with other boards started with the same directory: one board's SoftAP is an AP of the others")
    .option('--mac <mac>', 'station MAC (boards of one world need different ones; the SoftAP is this MAC + 1)', macOption('--mac'))
    .option('--firmware <kind>', "bridge (espwifi's firmware, default) or app: a product app that prints only ESP-IDF logs (for `espwifi watch`)", choiceOption('--firmware', ['bridge', 'app'] as const), 'bridge')
    .action(async (opts: { scenario: string; speed: number; seed?: number; control?: string; link?: string; list?: boolean; world?: string; mac?: string; firmware: 'bridge' | 'app' }, cmd: Command) => {
      const ctx = getCtx(cmd);
      // An explicit --port would be ignored: sim serves a board of its own (ESPWIFI_PORT, set for
      // the other commands, is no mistake here).
      if (cmd.parent?.getOptionValueSource('port') === 'cli') {
        throw new CliError(EXIT.USAGE, '--port and sim exclude each other: sim starts a board of its own and prints its port');
      }
      if (opts.list) return listScenarios(ctx);
      const { startVirtualBoard, trapInterrupts, untilAborted } = await import('../session.js');
      const interrupts = trapInterrupts();
      const vb = await startVirtualBoard(ctx, opts);
      // The simulator dying on its own ends the command with an error instead of hanging.
      // A `quit` on the control channel ends it cleanly (exit 0).
      const died = new Promise<void>((resolve, reject) =>
        vb.once('exit', (code: number | null, signal: string | null) => {
          if (vb.quitRequested && code === 0) {
            ctx.note('The virtual board quit (control channel).');
            resolve();
          } else reject(new CliError(EXIT.INTERNAL, `the virtual board exited unexpectedly (${signal ?? `code ${code}`})`));
        }),
      );
      died.catch(() => undefined);
      // No orphans: when the process that started us dies (npx killed, a test runner gone), we
      // are re-parented — then stop, and the board with us.
      const parent = process.ppid;
      const orphaned = new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (process.ppid !== parent) {
            clearInterval(t);
            resolve();
          }
        }, 250);
        t.unref();
        interrupts.signal.addEventListener('abort', () => clearInterval(t), { once: true });
      });
      try {
        const control = opts.control ? path.resolve(opts.control) : undefined;
        // With --link the user chose a stable name: that is the port to hand out.
        const port = opts.link ? path.resolve(opts.link) : vb.port;
        if (ctx.json) {
          writeJson({ port, pty: vb.port, control, scenario: vb.scenario.name ?? opts.scenario, speed: opts.speed, seed: opts.seed, pid: process.pid, networks: networks(vb.scenario) });
        } else {
          ctx.out.write(`${port}\n`);
          // A simulator has no secrets: the networks and their passwords are what to type next.
          ctx.note(networksText(vb.scenario));
          ctx.note(
            `Virtual board running (scenario "${opts.scenario}", speed ${opts.speed}x${control ? `, control socket ${control}` : ''}). ` +
              `Try: espwifi --port ${port} scan   — Ctrl-C stops it.`,
          );
        }
        await Promise.race([untilAborted(interrupts.signal), died, orphaned]);
      } finally {
        interrupts.dispose();
        await vb.stop();
      }
    });
}

type ScenarioLike = { name?: string; description?: string; aps?: { ssid?: string; auth?: string; password?: string; channel?: number; rssi?: number; hidden?: boolean }[] };

function networks(s: ScenarioLike): { ssid: string; auth: string; password?: string; channel?: number; rssi?: number; hidden?: boolean }[] {
  return (s.aps ?? []).map((a) => ({
    ssid: a.ssid ?? '',
    auth: a.auth ?? 'open',
    ...(a.password !== undefined ? { password: a.password } : {}),
    ...(a.channel !== undefined ? { channel: a.channel } : {}),
    ...(a.rssi !== undefined ? { rssi: a.rssi } : {}),
    ...(a.hidden ? { hidden: true } : {}),
  }));
}

function networksText(s: ScenarioLike): string {
  const rows = networks(s).map((n) => `  ${quoted(n.ssid)}${n.hidden ? ' (hidden)' : ''}  ${n.auth}${n.channel ? `, channel ${n.channel}` : ''}${n.rssi ? `, ${n.rssi} dBm` : ''}${n.password !== undefined ? `, password ${quoted(n.password)}` : n.auth === 'open' ? ', no password' : ''}`);
  return rows.length ? `Networks in this scenario:\n${rows.join('\n')}` : 'This scenario has no networks.';
}

async function listScenarios(ctx: Ctx): Promise<void> {
  const { readdirSync } = await import('node:fs');
  const { loadScenario, scenariosDir } = await import('../lib.js');
  const names = readdirSync(scenariosDir()).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const rows = names.map((name) => {
    const s = loadScenario(name) as ScenarioLike;
    return { name, description: s.description ?? '', networks: networks(s).map((n) => n.ssid) };
  });
  if (ctx.json) return writeJson(rows);
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) ctx.out.write(`${r.name.padEnd(w)}  ${r.description}\n`);
}
