// espwifi improv info|state|scan|provision|hostname|device-name: Improv Wi-Fi serial against any
// Improv device (ESPHome, WLED, ...) or our own bridge firmware (protocol/IMPROV.md). Same port,
// password, --json and exit-code rules as the rest of the CLI.
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { checkSsid, intOption } from '../context.js';
import { keyValues, ssidLabel } from '../format.js';
import { printable, quoted, table, writeJson } from '../output.js';
import { passwordRule, resolvePassword } from '../password.js';
import type { ImprovClient, ImprovState } from '../../improv/client.js';

interface ImprovCli {
  timeout?: number;
  scenario?: string;
}

interface ProvisionCli extends ImprovCli {
  password?: string;
  passwordStdin?: boolean;
  open?: boolean;
}

type Run = (ctx: Ctx, client: ImprovClient, o: ImprovCli) => Promise<void>;

/** Opens --port (or starts a virtual board), detects Improv, runs fn, closes everything. */
async function withImprov(ctx: Ctx, o: ImprovCli, fn: (client: ImprovClient, signal: AbortSignal) => Promise<void>): Promise<void> {
  const [{ withOpened }, { ImprovClient: Client }] = await Promise.all([import('../session.js'), import('../lib.js')]);
  await withOpened(ctx, { scenario: o.scenario }, 'Improv client', (port) => Client.open({ port, baudRate: ctx.baud ?? 115200, logger: ctx.log }), (client, { signal }) => fn(client, signal));
}

const rpcOpts = (o: ImprovCli) => (o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {});

const stateText = (s: ImprovState): string =>
  ({ ready: 'ready: waiting for Wi-Fi credentials', provisioning: 'provisioning: connecting with the credentials it got', provisioned: 'provisioned: connected', stopped: 'stopped: provisioning is unavailable (Wi-Fi disabled?)' })[
    s.state as string
  ] ?? `${s.state} (a state the spec does not list)`;

const runInfo: Run = async (ctx, client, o) => {
  const info = await client.deviceInfo(rpcOpts(o));
  const state = client.state;
  if (ctx.json) {
    writeJson({ ...info, state: state?.state, espwifi: client.espwifi });
    return;
  }
  const rows: [string, string][] = [
    ['firmware', `${info.firmware} ${info.version}`],
    ['chip', info.chip],
    ['device name', info.deviceName],
  ];
  if (info.osName) rows.push(['os', `${info.osName}${info.osVersion ? ` ${info.osVersion}` : ''}`]);
  if (state) rows.push(['improv state', stateText(state)]);
  ctx.out.write(keyValues(rows, ctx.style) + '\n');
};

const runState: Run = async (ctx, client, o) => {
  const s = await client.requestState(rpcOpts(o));
  if (ctx.json) writeJson(s);
  else ctx.out.write(`${stateText(s)}${s.urls.length ? `\n${s.urls.join('\n')}` : ''}\n`);
};

const runScan: Run = async (ctx, client, o) => {
  const nets = await client.scan(rpcOpts(o));
  if (ctx.json) {
    writeJson(nets);
    return;
  }
  if (nets.length === 0) {
    ctx.out.write('The device sees no networks.\n');
    return;
  }
  ctx.out.write(
    table(nets, [
      { header: 'SSID', value: (n) => ssidLabel(n.ssidText, n.ssid) },
      { header: 'RSSI', value: (n) => String(n.rssi), align: 'right' },
      { header: 'SECURED', value: (n) => (n.authRequired ? 'yes' : 'no') },
    ], ctx.style) + '\n',
  );
  ctx.note(`${nets.length} network${nets.length === 1 ? '' : 's'} (Improv reports SSID, RSSI and whether a password is needed).`);
};

async function runProvision(ctx: Ctx, client: ImprovClient, ssid: string, password: string, o: ProvisionCli, signal: AbortSignal): Promise<void> {
  const { abortable } = await import('../session.js');
  const t0 = Date.now();
  const onState = (s: ImprovState) => {
    if (!ctx.json) ctx.note(`  state: ${s.state}`);
  };
  client.on('state', onState);
  try {
    const r = await abortable(client.provision(ssid, password, rpcOpts(o)), signal);
    const seconds = (Date.now() - t0) / 1000;
    if (ctx.json) {
      writeJson({ provisioned: true, ssid, urls: r.urls, ...(r.ip ? { ip: r.ip } : {}), seconds });
      return;
    }
    let line = `${ctx.style.green('✓')} provisioned: the device joined ${quoted(ssid)} in ${seconds.toFixed(1)} s`;
    if (r.ip) line += `, IP ${r.ip.ip}`;
    ctx.out.write(line + '\n');
    for (const u of r.urls) ctx.out.write(`  ${u}\n`);
  } finally {
    client.off('state', onState);
  }
}

async function runName(ctx: Ctx, client: ImprovClient, which: 'hostname' | 'deviceName', value: string | undefined, o: ImprovCli): Promise<void> {
  const got = await client[which](value, rpcOpts(o));
  if (ctx.json) writeJson({ [which]: got });
  else ctx.out.write(`${printable(got)}\n`);
}

export function registerImprov(program: Command, getCtx: (cmd: Command) => Ctx): void {
  const improv = program
    .command('improv')
    .description('Improv Wi-Fi serial: provision ESPHome/WLED/any Improv device (or this bridge) over the serial port')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 3 no Improv answer on the port, 4 unable to connect (likely wrong password, espwifi firmware only),' +
        '\n5 unable to connect (other or unknown reason), 6 timeout, 7 the board rebooted (espwifi firmware says hello),' +
        '\n9 the device refused the command (Improv error state).' +
        '\nErrors keep Improv\'s names: IMPROV_UNABLE_TO_CONNECT, IMPROV_UNKNOWN_RPC_COMMAND, IMPROV_INVALID_RPC_PACKET, ... (--json: error.detail).',
    );
  const common = (c: Command) =>
    c
      .option('--timeout <s>', 'give up on the answer after this many seconds', intOption('--timeout', 1, 600))
      .option('--scenario <name>', 'scenario for the built-in virtual board (only without --port; default home)');
  const action = (run: Run) => async (o: ImprovCli, cmd: Command) => {
    const ctx = getCtx(cmd);
    await withImprov(ctx, o, (client) => run(ctx, client, o));
  };

  common(improv.command('info').description('firmware, version, chip and device name (Request device information)')).action(action(runInfo));
  common(improv.command('state').description('ready, provisioning or provisioned (Request current state)')).action(action(runState));
  common(improv.command('scan').description('the networks the device sees (Request scanned Wi-Fi networks)')).action(action(runScan));

  common(
    improv
      .command('provision')
      .description('send Wi-Fi credentials and wait until the device has joined (Send Wi-Fi settings)')
      .argument('<ssid>', 'network name')
      .option('--password-stdin', 'read the password from stdin (one line), as docker login does')
      .option('--password <password>', 'Wi-Fi password (prefer --password-stdin, ESPWIFI_PASSWORD or the prompt: options show up in shell history and ps)')
      .option('--open', 'the network has no password: do not ask for one'),
  )
    .addHelpText('after', '\nThe password comes from --password-stdin, --password, ESPWIFI_PASSWORD, or a hidden prompt on a terminal; without any of them (and no --open) it is a usage error. It is never echoed, logged or printed.')
    .action(async (ssid: string, o: ProvisionCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      checkSsid(ssid);
      const sources = [o.open && '--open', o.password !== undefined && '--password', o.passwordStdin && '--password-stdin'].filter(Boolean);
      if (sources.length > 1) throw new CliError(EXIT.USAGE, `${sources.join(' and ')} exclude each other: give the password one way (or --open for none)`);
      const { chosenPort, refuseScenarioWithPort } = await import('../session.js');
      chosenPort(ctx);
      refuseScenarioWithPort(ctx, o.scenario); // before the password is asked for
      const pw = await resolvePassword({ password: o.password, noPassword: o.open, stdin: o.passwordStdin }, ssid);
      if (pw.source === 'none' && !o.open) {
        throw new CliError(EXIT.USAGE, 'no password given and no terminal to ask on', 'pipe it in with --password-stdin, set ESPWIFI_PASSWORD, or pass --open for a network without a password');
      }
      const password = pw.password ?? '';
      // connect's rule: a device given a password ESP-IDF refuses answers only "unknown error".
      const broken = password ? passwordRule(password) : undefined;
      if (broken) throw new CliError(EXIT.USAGE, `the password does not fit: ${broken}`);
      await withImprov(ctx, o, async (client, signal) => {
        const source = { stdin: 'password from stdin', option: 'password from --password', env: 'password from ESPWIFI_PASSWORD', prompt: 'password from the prompt', none: 'open network, no password' }[pw.source];
        if (!ctx.json) ctx.note(`Sending Wi-Fi settings for ${quoted(ssid)} (${source})…`);
        await runProvision(ctx, client, ssid, password, o, signal);
      });
    });

  common(improv.command('hostname').description('get the hostname, or set it (Get/Set Hostname; devices with Improv 2.3+)').argument('[name]', 'new hostname (RFC 1123)'))
    .action(async (name: string | undefined, o: ImprovCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      await withImprov(ctx, o, (client) => runName(ctx, client, 'hostname', name, o));
    });
  common(improv.command('device-name').description('get the device name, or set it (Get/Set Device Name; devices with Improv 2.4+)').argument('[name]', 'new device name'))
    .action(async (name: string | undefined, o: ImprovCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      await withImprov(ctx, o, (client) => runName(ctx, client, 'deviceName', name, o));
    });
}
