// `espwifi demo`: the seed's big station scenario (init, configure, start, connect, got IP,
// disconnect, IP change, deinit), plus a scan, a wrong password and a vanishing AP, on a virtual
// board (or a real one with --port, without the fault injection a real AP cannot do on request).
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { checkSsid, floatOption } from '../context.js';
import { apTable, ipLine, likelyText } from '../format.js';
import { quoted } from '../output.js';
import { passwordRule, resolvePassword } from '../password.js';
import type { Session } from '../session.js';
import { Timeline } from '../timeline.js';
import type { Board, Scenario } from '../lib.js';
import type { ApRecord, DisconnectInfo, GaveUpInfo, IpInfo, ReconnectingInfo } from '../../types.js';
import type { BoardEvents } from '../../board.js';
import type { ConnectedInfo } from '../../types.js';

interface DemoCli {
  scenario?: string;
  speed?: number;
  ssid?: string;
  password?: string;
}

/** Resolves with the first matching event, rejects after `ms` naming what did not happen. */
function waitForEvent<T>(board: Board, event: string, ms: number, what: string, match: (v: T) => boolean = () => true): Promise<T> {
  const emitter = board as unknown as NodeJS.EventEmitter;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, on);
      reject(new CliError(EXIT.TIMEOUT, `demo: ${what} did not happen within ${Math.round(ms / 1000)} s`));
    }, ms);
    const on = (v: T) => {
      if (!match(v)) return;
      clearTimeout(timer);
      emitter.off(event, on);
      resolve(v);
    };
    emitter.on(event, on);
  });
}

/** The AP the demo connects to: the first visible one with a password, from the scenario file. */
function pickTarget(scn: Scenario | null): { ssid: string; password: string } | null {
  const ap = scn?.aps?.find((a) => a.ssid && !a.hidden && a.password);
  return ap?.ssid && ap.password ? { ssid: ap.ssid, password: ap.password } : null;
}

/** A password that is surely not the right one, of a valid WPA length. */
function wrongPasswordFor(right: string): string {
  const wrong = 'not-the-password';
  return wrong === right ? 'still-not-the-password' : wrong;
}

export function registerDemo(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('demo')
    .description("walk ESP-IDF's Wi-Fi Station General Scenario with a readable timeline (virtual board unless --port)")
    .option('--scenario <name>', 'virtual board scenario (default demo; only without --port)')
    .option('--speed <factor>', 'virtual-time speed-up of the virtual board (default 2; only without --port)', floatOption('--speed', 0.1, 1000))
    .option('--ssid <ssid>', 'with --port: the network to connect to')
    .option('--password <password>', 'with --port: its password (or ESPWIFI_PASSWORD, or a prompt)')
    .action(async (o: DemoCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      const { chosenPort, refuseScenarioWithPort } = await import('../session.js');
      const real = chosenPort(ctx) !== undefined;
      refuseScenarioWithPort(ctx, o.scenario);
      if (real && o.speed !== undefined) throw new CliError(EXIT.USAGE, '--speed and --port exclude each other: a real board runs in real time');
      if (!real && (o.ssid !== undefined || o.password !== undefined)) {
        throw new CliError(EXIT.USAGE, '--ssid/--password apply only with --port: the virtual board\'s demo uses its scenario\'s network');
      }
      const scenarioName = o.scenario ?? 'demo';
      const speed = o.speed ?? 2;
      let scenario: Scenario | null = null;
      if (!real) {
        try {
          // The demo injects the faults itself at the right moments, so the scenario's own
          // timeline (meant for people watching `espwifi sim`) is left out.
          const { loadScenario } = await import('../lib.js');
          scenario = { ...loadScenario(scenarioName), timeline: [] };
        } catch (err) {
          throw new CliError(EXIT.USAGE, (err as Error).message, 'shipped scenarios are in firmware/sim/scenarios/');
        }
      }
      let target = real ? null : pickTarget(scenario);
      if (real && o.ssid !== undefined) {
        // The rules connect enforces, before the board is touched (README "CLI reference").
        checkSsid(o.ssid, '--ssid');
        const pw = await resolvePassword({ password: o.password }, o.ssid);
        // The demo shows a wrong password failing, then the right one: it needs the network's.
        if (!pw.password) throw new CliError(EXIT.USAGE, 'no password given for --ssid', 'give it with --password or ESPWIFI_PASSWORD (or type it at the prompt): the demo connects with a wrong password, then the right one');
        const broken = passwordRule(pw.password);
        if (broken) throw new CliError(EXIT.USAGE, `the password does not fit: ${broken}`);
        target = { ssid: o.ssid, password: pw.password };
      }
      if (!real && !target) {
        throw new CliError(EXIT.USAGE, `scenario "${scenarioName}" has no visible AP with a password to demonstrate with`);
      }
      const tl = new Timeline(ctx.out, ctx.style, ctx.json);
      if (!ctx.json) {
        ctx.out.write(
          ctx.style.bold('espwifi demo') +
            (real
              ? ` — ESP-IDF's station scenario on the board at ${ctx.port}\n`
              : ` — ESP-IDF's station scenario on a built-in virtual board (scenario "${scenarioName}", virtual time ×${speed})\n`),
        );
      }
      // Short backoff so the story fits in seconds; the defaults (1 s doubling to 30 s) suit real networks.
      const reconnect = { baseDelayMs: 400, maxDelayMs: 1600, factor: 2 };
      const { withBoard } = await import('../session.js');
      await withBoard(ctx, { ...(real ? {} : { scenario: scenario ?? scenarioName, speed }), reconnect, announce: false }, (s) => runDemo(ctx, tl, s, target, real));
      if (!ctx.json) ctx.out.write(`\n${ctx.style.green('✓')} Demo finished in ${(tl.elapsedMs / 1000).toFixed(1)} s; the board is stopped and deinitialised.\n`);
    });
}

/** Subscribes and returns the matching unsubscribe, so setup and teardown cannot drift apart. */
function listen<E extends keyof BoardEvents>(board: Board, event: E, fn: (...args: BoardEvents[E]) => void): () => void {
  const handler = fn as Parameters<Board['on']>[1];
  board.on(event, handler);
  return () => board.off(event, handler);
}

async function runDemo(ctx: Ctx, tl: Timeline, s: Session, target: { ssid: string; password: string } | null, real: boolean): Promise<void> {
  const { board, vb, signal } = s;
  const { abortable } = await import('../session.js');
  const step = <T>(p: Promise<T>) => abortable(p, signal);

  // Live events, printed as they arrive: the demo's value is seeing them in order.
  // A reason is explained the first time it appears in a run of identical ones, then just named.
  let lastReason = -1;
  const onDisc = (d: DisconnectInfo) => {
    const rssi = d.rssi && d.rssi < 0 ? `, RSSI ${d.rssi} dBm` : '';
    const meaning = d.reason === lastReason ? ' again' : `: ${d.meaning}`;
    lastReason = d.reason;
    tl.line('fail', `DISCONNECTED ${d.name} (${d.reason})${meaning}${rssi}${d.userInitiated ? ' — your disconnect, no reconnect' : ''}`, {
      event: 'disconnected', reason: d.reason, name: d.name, cause: d.cause, rssi: d.rssi, userInitiated: d.userInitiated,
    });
  };
  const onConn = (c: ConnectedInfo) =>
    tl.line('event', `CONNECTED to ${quoted(c.ssidText)} ${c.bssid} channel ${c.channel}, ${c.auth}`, { event: 'connected', bssid: c.bssid, channel: c.channel, auth: c.auth });
  const onRetry = (r: ReconnectingInfo) =>
    tl.line('retry', `reconnect attempt ${r.attempt}${r.delayMs > 0 ? ` after ${(r.delayMs / 1000).toFixed(1)} s backoff` : ' at once'}`, { event: 'reconnecting', ...r });
  const onGaveUp = (g: GaveUpInfo) =>
    tl.line('fail', `policy stops after ${g.attempts} attempt${g.attempts === 1 ? '' : 's'}${g.likely ? `: likely ${likelyText(g.likely.cause)}` : ''}`, {
      event: 'gave_up', attempts: g.attempts, likely: g.likely,
    });
  // BEACON_TIMEOUT comes when the inactive time runs out, before the driver's 5 probes (§6.21).
  const onBeacon = () => tl.line('event', 'BEACON_TIMEOUT: no beacons for the inactive time; the driver now probes the AP', { event: 'beacon_timeout' });
  // The library's lostIp: the address went with a disconnect (or with the board's own LOST_IP) — a
  // conclusion of the host, so it is not drawn as an event from the board.
  const onLostIp = () => tl.line('info', 'the address is gone with the link: sockets on it are dead', { event: 'address_gone' });
  const onStaStart = () => tl.line('event', 'STA_START', { event: 'sta_start' });
  const onStaStop = () => tl.line('event', 'STA_STOP', { event: 'sta_stop' });
  const unlisten = [
    listen(board, 'disconnected', onDisc), listen(board, 'connected', onConn),
    listen(board, 'reconnecting', onRetry), listen(board, 'gaveUp', onGaveUp),
    listen(board, 'beaconTimeout', onBeacon), listen(board, 'lostIp', onLostIp),
    listen(board, 'staStart', onStaStart), listen(board, 'staStop', onStaStop),
  ];

  try {
    // ---- 1. Init -------------------------------------------------------------------------------
    tl.phase('1', 'Init', 'Station Scenarios: init phase');
    const i = board.info;
    tl.line('ok', `hello from the board: ${i.chip} rev ${i.rev}, MAC ${i.mac}, firmware ${i.fw}, protocol ${i.proto}, ESP-IDF ${i.idf}, reset ${i.reset}`, { info: i });
    if (board.phase !== 'uninit') {
      tl.line('info', `the board was already in phase "${board.phase}": deinitialising first for a clean run`);
      if (board.phase === 'connected' || board.phase === 'got_ip') await step(board.disconnect());
      if (board.phase !== 'init') await step(board.stop()).catch(() => undefined);
      await step(board.deinit());
    }
    await step(board.init());
    tl.line('ok', 'esp_wifi_init: netif, event loop, default STA netif, Wi-Fi driver');

    // ---- 2. Configure --------------------------------------------------------------------------
    tl.phase('2', 'Configure', 'Station Scenarios: configuration phase');
    await step(board.setMode('sta'));
    tl.line('ok', 'mode: station');
    await step(board.setCountry('01', true)).then(
      () => tl.line('ok', 'country: world-safe (01), channels 1–11, 802.11d on'),
      () => tl.line('skip', 'country: left at the default'),
    );

    // ---- 3. Start ------------------------------------------------------------------------------
    tl.phase('3', 'Start', 'Station Scenarios: start phase');
    const started = waitForEvent(board, 'staStart', 10_000, 'STA_START');
    await step(board.start());
    await step(started);
    tl.line('ok', 'esp_wifi_start: the station is up');

    // ---- Scan ----------------------------------------------------------------------------------
    tl.phase('', 'Scan', 'Station Scenarios: "Scan All APs on All Channels (Foreground)"');
    const aps: readonly ApRecord[] = await step(board.scan({}));
    tl.line('ok', `SCAN_DONE: ${aps.length} access point${aps.length === 1 ? '' : 's'} (records fetched once, driver memory freed)`, { count: aps.length });
    if (aps.length > 0) tl.block(apTable(aps, ctx.style), aps);

    if (!target) {
      tl.phase('4', 'Connect', 'Station Scenarios: connect phase');
      tl.line('skip', 'no --ssid given for the real board: skipping connect (pass --ssid and --password, or ESPWIFI_PASSWORD)');
    } else {
      const label = quoted(target.ssid);
      // ---- 4a. Wrong password ------------------------------------------------------------------
      tl.phase('4', `Connect with a wrong password`, 'connect phase, "Wi-Fi Reason Code"');
      await step(board.configure({ ssid: target.ssid, password: wrongPasswordFor(target.password) }));
      tl.line('info', `configured ${label} with a wrong password; esp_wifi_connect`);
      try {
        await step(board.connect({ timeoutMs: 30_000 }));
        tl.line('fail', 'unexpectedly connected with the wrong password');
      } catch (err) {
        const e = err as { name?: string; disconnect?: DisconnectInfo; attempts?: number; message?: string };
        if (e.name !== 'ConnectError' || !e.disconnect) throw err;
        const d = e.disconnect;
        tl.line('ok', `connect() gave up early, as it should: ${d.name} (${d.reason})${d.likely ? ` — likely ${likelyText(d.likely.cause)}` : ''}`, { reason: d.reason, likely: d.likely, attempts: e.attempts });
        if (d.likely) tl.line('info', `evidence: ${d.likely.evidence}`);
        tl.line('info', `what to do: ${d.action}`);
      }

      // ---- 4b/5. Right password, got IP ---------------------------------------------------------
      tl.phase('5', 'Connect with the right password, got IP', 'Station Scenarios: connect and got-IP phases');
      await step(board.configure({ ssid: target.ssid, password: target.password }));
      tl.line('info', `configured ${label} with the right password; esp_wifi_connect`);
      const ip = await step(board.connect({ timeoutMs: 30_000 }));
      tl.line('ok', `GOT_IP ${ipLine(ip)} — sockets may be opened now`, { event: 'got_ip', ...ip });

      if (vb) {
        // ---- 6. The AP vanishes -----------------------------------------------------------------
        tl.phase('6', 'The AP vanishes and returns', 'disconnect phase, "Scan When Wi-Fi Is Connecting"');
        const reconnecting = waitForEvent<ReconnectingInfo>(board, 'reconnecting', 60_000, 'a backoff reconnect', (r) => r.delayMs > 0 && r.attempt >= 5);
        await step(vb.apOff(target.ssid));
        tl.line('fault', `${label} powered off (virtual board fault injection)`, { fault: 'ap_off', ssid: target.ssid });
        await step(reconnecting);
        const back = waitForEvent<IpInfo>(board, 'gotIp', 60_000, 'GOT_IP after the AP returned');
        await step(vb.apOn(target.ssid));
        tl.line('fault', `${label} powered on again`, { fault: 'ap_on', ssid: target.ssid });
        const ip2 = await step(back);
        tl.line('ok', `GOT_IP ${ipLine(ip2)} — reconnected by the policy; re-create sockets`, { event: 'got_ip', ...ip2 });

        // ---- 7. IP change -----------------------------------------------------------------------
        tl.phase('7', 'IP change', 'Station Scenarios: IP change phase');
        const newIp = nextAddress(ip2.ip);
        const changed = waitForEvent<IpInfo>(board, 'ipChanged', 30_000, 'GOT_IP with ip_change');
        await step(vb.dhcpChange(newIp));
        tl.line('fault', `the DHCP server hands out ${newIp} at lease renewal`, { fault: 'dhcp_change', ip: newIp });
        const ip3 = await step(changed);
        tl.line('ok', `GOT_IP ${ipLine(ip3)} with ip_change set — close and re-create every socket now`, { event: 'got_ip', ...ip3 });
      } else if (real) {
        tl.phase('6', 'The AP vanishes / 7. IP change', 'disconnect and IP change phases');
        tl.line('skip', 'skipped on a real board: switching a real AP off or changing its DHCP lease needs the virtual board (run espwifi demo without --port)');
      }

      // ---- 8. Deinit: disconnect ----------------------------------------------------------------
      tl.phase('8', 'Deinit', 'Station Scenarios: deinit phase');
      const userDisc = waitForEvent<DisconnectInfo>(board, 'disconnected', 10_000, 'DISCONNECTED after esp_wifi_disconnect', (d) => d.userInitiated);
      await step(board.disconnect());
      await step(userDisc);
      tl.line('ok', 'esp_wifi_disconnect: no reconnect follows (it was our decision)');
    }
    if (!target) tl.phase('8', 'Deinit', 'Station Scenarios: deinit phase');
    const stopped = waitForEvent(board, 'staStop', 10_000, 'STA_STOP');
    await step(board.stop());
    await step(stopped);
    tl.line('ok', 'esp_wifi_stop');
    await step(board.deinit());
    tl.line('ok', 'esp_wifi_deinit: the driver is unloaded');
  } finally {
    for (const off of unlisten) off();
  }
}

/** The lease-renewal address: same /24, host part + 54 (wrapping inside 2..254). */
export function nextAddress(ip: string): string {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p))) return '192.168.1.77';
  parts[3] = ((parts[3] + 54 - 2) % 253) + 2;
  return parts.join('.');
}

