// `node dist/host/src/sim/run.js [--scenario home] [--speed 1] [--seed N] [--link PATH]
//   [--control-socket PATH] [--no-pacing]` — starts a virtual board, prints its port, runs until
// Ctrl-C. The stand-in for `espwifi sim` (and what that command can call).
import { VirtualBoard, type VirtualBoardOptions } from './virtual-board.js';

export function parseSimArgs(argv: string[]): VirtualBoardOptions {
  const opts: VirtualBoardOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--scenario') opts.scenario = v();
    else if (a === '--speed') opts.speed = Number(v());
    else if (a === '--seed') opts.seed = Number(v());
    else if (a === '--baud') opts.baud = Number(v());
    else if (a === '--link') opts.link = v();
    else if (a === '--control-socket') opts.controlSocket = v();
    else if (a === '--no-pacing') opts.pacing = false;
    else if (a === '--no-color') opts.color = false;
    else if (a === '--log-level') opts.logLevel = v() as VirtualBoardOptions['logLevel'];
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseSimArgs(process.argv.slice(2));
  const vb = await VirtualBoard.start(opts);
  process.stdout.write(`${vb.port}\n`);
  if (opts.controlSocket) process.stderr.write(`control socket: ${opts.controlSocket} (JSON lines, see firmware/sim/README.md)\n`);
  const stop = () => void vb.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  vb.on('exit', () => process.exit(1));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e: Error) => {
    process.stderr.write(`espwifi sim: ${e.message}\n`);
    process.exit(1);
  });
}
