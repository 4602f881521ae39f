// The Client on a MemoryTransport (no pty): device log lines are parsed only while somebody uses
// them — a 'log' listener, a logger that shows them, the handshake — and handled as before then.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { Client } from '../../host/src/client.js';
import { MemoryTransport } from '../../host/src/transport/memory.js';
import type { DeviceLogLine } from '../../host/src/types.js';

let client: Client | null = null;
afterEach(async () => {
  await client?.close().catch(() => {});
  client = null;
});

const LINE = 'I (1234) wifi: state: run -> init (0x0)\r\n';
const flush = () => new Promise((r) => setImmediate(r));

async function open(logger: pino.Logger, deviceLog?: boolean): Promise<{ t: MemoryTransport; c: Client }> {
  const t = new MemoryTransport();
  await t.open();
  client = new Client(t, { logger, ...(deviceLog === false ? { deviceLog } : {}) });
  return { t, c: client };
}

function memoryLogger(level: pino.LevelWithSilent): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: pino({ level }, dest), lines };
}

describe('Client device log lines', () => {
  it('nobody listening and a silent logger: lines are counted, never parsed', async () => {
    const { t, c } = await open(pino({ level: 'silent' }));
    expect(c.stream.listenerCount('log')).toBe(0);
    t.device.write(LINE);
    await flush();
    expect(c.stream.counters.logs).toBe(1);
  });

  it("a 'log' listener gets parsed lines while it listens; removing it stops the parsing", async () => {
    const { t, c } = await open(pino({ level: 'silent' }));
    const got: DeviceLogLine[] = [];
    const on = (l: DeviceLogLine) => got.push(l);
    c.on('log', on);
    expect(c.stream.listenerCount('log')).toBe(1);
    t.device.write(LINE);
    await flush();
    expect(got).toMatchObject([{ level: 'I', tag: 'wifi', text: 'state: run -> init (0x0)' }]);
    c.off('log', on);
    expect(c.stream.listenerCount('log')).toBe(0);
    t.device.write(LINE);
    await flush();
    expect(got).toHaveLength(1);
  });

  it('a logger that shows them gets them; raised to silent later it stops, lowered again it resumes', async () => {
    const { logger, lines } = memoryLogger('info');
    const { t, c } = await open(logger);
    t.device.write(LINE);
    await flush();
    expect(lines.join('')).toContain('state: run -> init');
    logger.level = 'silent';
    expect(c.stream.listenerCount('log')).toBe(0);
    logger.level = 'info';
    expect(c.stream.listenerCount('log')).toBe(1);
  });

  it('deviceLog: false with nobody listening: not parsed even with a verbose logger', async () => {
    const { logger, lines } = memoryLogger('debug');
    const { t, c } = await open(logger, false);
    expect(c.stream.listenerCount('log')).toBe(0);
    t.device.write(LINE);
    await flush();
    expect(lines.join('')).not.toContain('state: run');
  });

  it('the handshake still judges what arrived instead of a hello (ESP-IDF lines of other firmware)', async () => {
    const { t, c } = await open(pino({ level: 'silent' }));
    t.device.onData(() => t.device.write('I (10) boot: other firmware here\r\nI (11) wifi: mode : sta\r\n'));
    const err = await c.handshake(1, 50).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NO_HELLO' });
    expect((err as Error).message).toMatch(/ESP-IDF log lines/);
    expect(c.stream.listenerCount('log')).toBe(0);
  });
});
