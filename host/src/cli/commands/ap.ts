// espwifi ap …: the board as a programmable access point (SoftAP) for another board — the AP
// half of a two-board rig (README "Two-board rig", PROTOCOL.md §15).
import { Option, type Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { channelOption, checkSsid, intOption, macOption } from '../context.js';
import { keyValues } from '../format.js';
import { quoted, table, writeJson } from '../output.js';
import { passwordRule, resolvePassword } from '../password.js';
import type { SoftAp, SoftApConfig, SoftApState } from '../../ap.js';
import type { Board } from '../lib.js';
import { ARG_CHOICES } from '../../protocol/host-tables.gen.js';

// protocol.json's choices for softap_config auth (the SoftAP cannot do wep, wapi or owe).
const AUTHS = ARG_CHOICES.softap_config.auth;

interface StartCli {
  password?: string;
  passwordStdin?: boolean;
  open?: boolean;
  channel?: number;
  auth?: string;
  max?: number;
  hidden?: boolean;
  beacon?: number;
  pmfRequired?: boolean;
  probe?: boolean;
  withStation?: boolean;
}

// What a refusal means for the SoftAP; the device's own code stays the message and --json detail.
const REFUSAL_HINTS: Record<string, string> = {
  WIFI_NOT_INIT: "the board's Wi-Fi is not started, so there is no SoftAP: espwifi ap start <ssid> first",
  WIFI_MODE: "the board's Wi-Fi mode has no AP interface (station only), so there is no SoftAP: espwifi ap start <ssid> adds one (mode apsta)",
  ESP_NETIF_INVALID_PARAMS:
    "the pool must lie in the AP's subnet (--ip/--mask), start at or before --end, hold at most 100 addresses and leave out the AP's own address; espwifi ap dhcp shows the current settings",
};

async function withAp<T>(ctx: Ctx, fn: (ap: SoftAp, board: Board) => Promise<T>): Promise<T> {
  const { withBoard } = await import('../session.js');
  const { SoftAp } = await import('../../ap.js');
  return withBoard(ctx, { reconnect: false }, async ({ board }) => {
    const ap = new SoftAp(board);
    try {
      return await fn(ap, board);
    } catch (e) {
      // Duck-typed as connect and scan do: importing errors.ts here would load the protocol
      // tables at every command's start.
      const code = (e as { name?: string; errorName?: string }).name === 'CommandError' ? (e as { errorName: string }).errorName : undefined;
      const hint = code ? REFUSAL_HINTS[code] : undefined;
      if (hint) throw new CliError(EXIT.COMMAND_FAILED, (e as Error).message, hint, { detail: code });
      throw e;
    } finally {
      ap.dispose();
    }
  });
}

function stateJson(s: SoftApState) {
  const { ssid: _bytes, ssidText, ...rest } = s;
  return { ssid: ssidText, ...rest };
}

function stateRows(s: SoftApState): [string, string][] {
  return [
    ['SSID', quoted(s.ssidText)],
    ['running', s.running ? 'yes' : 'no'],
    ['channel', String(s.channel)],
    ['auth', s.auth + (s.passwordSet ? ' (password set)' : '')],
    ['max stations', String(s.maxConnections)],
    ['hidden', s.hidden ? 'yes' : 'no'],
    ['beacon', `${s.beaconInterval} TU`],
    ['PMF', s.pmf === 'required' ? 'required' : 'optional'],
    ['probe events', s.probeEvents ? 'on' : 'off'],
  ];
}

export function registerAp(program: Command, getCtx: (cmd: Command) => Ctx): void {
  const ap = program
    .command('ap')
    .description('run the board as a SoftAP for another board (two-board rig): start, stop, stations, kick, power, dhcp');

  ap.command('start')
    .description('start the SoftAP (mode ap, or apsta when the station is in use) and wait for AP_START')
    .argument('<ssid>', 'network name (1–32 bytes)')
    .option('--password-stdin', 'read the password from stdin (one line)')
    .option('--password <password>', 'WPA2 password (prefer --password-stdin or ESPWIFI_PASSWORD)')
    .option('--open', 'an open AP: no password')
    .option('--channel <n>', 'channel 1–13 (default 1)', channelOption('--channel'))
    .addOption(new Option('--auth <mode>', 'auth mode (default wpa2 with a password, open without)').choices([...AUTHS]))
    .option('--max <n>', 'max stations 1–15 (default 4)', intOption('--max', 1, 15))
    .option('--hidden', 'do not broadcast the SSID')
    .option('--beacon <tu>', 'beacon interval in TU, 100–60000 (default 100)', intOption('--beacon', 100, 60000))
    .option('--pmf-required', 'require protected management frames')
    .option('--probe', 'report probe requests (AP_PROBEREQRECVED)')
    .option('--with-station', 'keep the station beside the AP (mode apsta) even when it is idle')
    .action(async (ssid: string, o: StartCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      checkSsid(ssid);
      const sources = [o.open && '--open', o.password !== undefined && '--password', o.passwordStdin && '--password-stdin'].filter(Boolean);
      if (sources.length > 1) throw new CliError(EXIT.USAGE, `${sources.join(' and ')} exclude each other: give the password one way (or --open for none)`);
      const pw = await resolvePassword({ noPassword: o.open, password: o.password, stdin: o.passwordStdin }, ssid);
      const password = pw.password ?? '';
      if (password) {
        const broken = passwordRule(password);
        if (broken) throw new CliError(EXIT.USAGE, broken);
      }
      if (!password && o.auth && o.auth !== 'open') throw new CliError(EXIT.USAGE, `--auth ${o.auth} needs a password (--password-stdin, --password or ESPWIFI_PASSWORD)`);
      if (password && o.auth === 'open') throw new CliError(EXIT.USAGE, '--auth open takes no password: drop the password or give --open');
      if (!password && !o.open && pw.source === 'none' && o.auth === undefined) {
        throw new CliError(EXIT.USAGE, 'no password given: pass --open for an open AP, or a password (--password-stdin, --password, ESPWIFI_PASSWORD)');
      }
      const cfg: SoftApConfig = { ssid };
      if (password) cfg.password = password;
      if (o.channel !== undefined) cfg.channel = o.channel;
      if (o.auth) cfg.auth = o.auth as SoftApConfig['auth'];
      if (o.max !== undefined) cfg.maxConnections = o.max;
      if (o.hidden) cfg.hidden = true;
      if (o.beacon !== undefined) cfg.beaconInterval = o.beacon;
      if (o.pmfRequired) cfg.pmf = 'required';
      if (o.probe) cfg.probeEvents = true;
      await withAp(ctx, async (softap) => {
        const s = await softap.start(cfg, o.withStation ? { withStation: true } : {});
        if (ctx.json) writeJson(stateJson(s));
        else ctx.out.write(`${ctx.style.green('✓')} SoftAP ${quoted(s.ssidText)} is running on channel ${s.channel} (${s.auth}, up to ${s.maxConnections} station${s.maxConnections === 1 ? '' : 's'}).\n`);
      });
    });

  ap.command('stop')
    .description('stop the SoftAP; every station is de-authenticated (reason 2)')
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      await withAp(ctx, async (softap) => {
        const before = (await softap.running()) ? await softap.stations() : [];
        const stopped = await softap.stop();
        if (ctx.json) writeJson({ stopped, deauthenticated: before.map((s) => s.mac) });
        else if (!stopped) ctx.out.write('The SoftAP was not running; nothing to do.\n');
        else ctx.out.write(`${ctx.style.green('✓')} SoftAP stopped${before.length ? ` (${before.length} station${before.length === 1 ? '' : 's'} de-authenticated, reason 2)` : ''}.\n`);
      });
    });

  ap.command('status')
    .description("show the SoftAP's configuration (never the password)")
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      await withAp(ctx, async (softap) => {
        const s = await softap.config();
        if (ctx.json) writeJson(stateJson(s));
        else ctx.out.write(keyValues(stateRows(s), ctx.style) + '\n');
      });
    });

  ap.command('stations')
    .description('list the stations associated with the SoftAP')
    .action(async (_o, cmd: Command) => {
      const ctx = getCtx(cmd);
      await withAp(ctx, async (softap) => {
        const list = await softap.stations();
        if (ctx.json) writeJson(list);
        else if (!list.length) ctx.out.write('No station is associated.\n');
        else
          ctx.out.write(
            table(list, [
              { header: 'MAC', value: (s) => s.mac },
              { header: 'AID', value: (s) => String(s.aid), align: 'right' },
              { header: 'RSSI', value: (s) => String(s.rssi), align: 'right' },
            ], ctx.style) + '\n',
          );
      });
    });

  ap.command('kick')
    .description('de-authenticate a station (by MAC or --aid), or every station (--all); the reason is always 2')
    .argument('[mac]', "the station's MAC, aa:bb:cc:dd:ee:ff", macOption('mac'))
    .option('--aid <n>', 'the association ID instead of the MAC', intOption('--aid', 1, 255))
    .option('--all', 'every associated station')
    .addHelpText('after', '\nesp_wifi_deauth_sta has no reason parameter: ESP-IDF\'s SoftAP reports reason 2 (AUTH_EXPIRE), and that is what the station hears.\nExit codes: 0 de-authenticated, 9 no such station.')
    .action(async (mac: string | undefined, o: { aid?: number; all?: boolean }, cmd: Command) => {
      const ctx = getCtx(cmd);
      const given = [mac !== undefined && 'a MAC', o.aid !== undefined && '--aid', o.all && '--all'].filter(Boolean);
      if (given.length !== 1) throw new CliError(EXIT.USAGE, given.length ? `${given.join(' and ')} exclude each other: name one station, or --all` : 'name the station (its MAC or --aid N), or --all');
      await withAp(ctx, async (softap) => {
        let gone;
        try {
          gone = await softap.kick(mac !== undefined ? { mac } : o.aid !== undefined ? { aid: o.aid } : undefined);
        } catch (e) {
          if ((e as { code?: string }).code === 'NOT_FOUND') throw new CliError(EXIT.COMMAND_FAILED, (e as Error).message, 'espwifi ap stations lists the associated stations', { detail: 'NOT_FOUND' });
          throw e;
        }
        if (ctx.json) writeJson(gone);
        else if (!gone.length) ctx.out.write('No station was associated; nothing to do.\n');
        else for (const s of gone) ctx.out.write(`${ctx.style.green('✓')} De-authenticated ${s.mac} (AID ${s.aid}); the AP reports reason ${s.reason}.\n`);
      });
    });

  ap.command('power')
    .description('read or set the max TX power (dBm, 2–21 in 0.25 dB steps); the reply is what the driver uses')
    .argument('[dbm]', 'new maximum in dBm, e.g. 2 for a weak signal')
    .action(async (dbm: string | undefined, _o, cmd: Command) => {
      const ctx = getCtx(cmd);
      let quarter: number | undefined;
      if (dbm !== undefined) {
        const v = Number(dbm);
        if (!/^\d+(\.\d+)?$/.test(dbm.trim()) || v < 2 || v > 21 || !Number.isInteger(v * 4)) {
          throw new CliError(EXIT.USAGE, `the power is 2–21 dBm in 0.25 dB steps (got "${dbm}")`);
        }
        quarter = v * 4;
      }
      await withAp(ctx, async (softap) => {
        const p = await softap.txPower(quarter);
        if (ctx.json) writeJson({ ...p, ...(dbm !== undefined ? { requestedDbm: Number(dbm) } : {}) });
        else {
          const note = quarter !== undefined && quarter !== p.quarterDbm ? ` (asked ${Number(dbm)} dBm: the driver's nearest step below)` : '';
          ctx.out.write(`Max TX power: ${p.dbm} dBm${note}.\n`);
        }
      });
    });

  ap.command('dhcp')
    .description("read or change the SoftAP's DHCP server (address, pool, lease); stations renew on reconnect")
    .option('--ip <addr>', "the AP's own address (the stations' gateway)")
    .option('--mask <mask>', 'subnet mask')
    .option('--start <addr>', 'first address of the pool')
    .option('--end <addr>', 'last address of the pool (at most 100 addresses)')
    .option('--lease <minutes>', 'lease time in minutes (CONFIG_LWIP_DHCPS_LEASE_UNIT)', intOption('--lease', 1, 65535))
    .addHelpText('after', '\nTo stage an IP change on a station: move the pool, then espwifi ap kick --all; the station\'s next got_ip has changed=1.')
    .action(async (o: { ip?: string; mask?: string; start?: string; end?: string; lease?: number }, cmd: Command) => {
      const ctx = getCtx(cmd);
      for (const k of ['ip', 'mask', 'start', 'end'] as const) {
        const v = o[k];
        if (v !== undefined && !/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(v)) throw new CliError(EXIT.USAGE, `--${k} must be an IPv4 address like 192.168.4.1 (got "${v}")`);
      }
      await withAp(ctx, async (softap) => {
        const d = await softap.dhcp(o);
        if (ctx.json) writeJson(d);
        else ctx.out.write(keyValues([['AP address', d.ip], ['mask', d.mask], ['pool', `${d.start} – ${d.end}`], ['lease', `${d.lease} min`]], ctx.style) + '\n');
      });
    });
}

