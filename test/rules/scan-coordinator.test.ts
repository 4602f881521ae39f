// Coordination logic of rules 1–4 in isolation (timings and ordering); the same rules are
// exercised end to end against the virtual board in board-*.test.ts.
import { describe, expect, it } from 'vitest';
import { ScanCoordinator, type FetchedRecords, type ScanIo } from '../../host/src/rules/scan-coordinator.js';
import { toApRecord } from '../../host/src/convert/replies.js';
import { TestClock } from '../../host/src/clock.js';
import { resolveRuleOptions } from '../../host/src/rules/rules.js';

class DeviceError extends Error {
  constructor(readonly dev: string) {
    super(dev);
  }
}

function fakeIo(script: { scan?: (n: number) => 'ok' | string; status?: (n: number) => number } = {}) {
  const calls: string[] = [];
  const pausedAtScan: number[] = [];
  let scans = 0;
  let pauses = 0;
  let resumes = 0;
  let scanId = 0;
  let coordinator!: ScanCoordinator;
  const io: ScanIo = {
    async startScan(): Promise<void> {
      calls.push('scan');
      await Promise.resolve();
      ++scans;
      pausedAtScan.push(pauses - resumes);
      const v = script.scan ? script.scan(scans) : 'ok';
      if (v !== 'ok') throw new DeviceError(v);
      const id = ++scanId;
      const status = script.status ? script.status(scans) : 0;
      setTimeout(() => coordinator.onScanDone({ status, n: 1, scanId: id }), 5);
    },
    async fetchRecords(): Promise<FetchedRecords> {
      calls.push('ap_records');
      await Promise.resolve();
      return {
        scanId,
        records: [toApRecord({ ssid: Buffer.from(`net${scanId}`), rssi: -50, bssid: 'aa:bb:cc:dd:ee:ff', ch: 6, auth: 'wpa2', pairwise: 'ccmp', group: 'ccmp', phy: 'bgn' })],
      };
    },
    pauseReconnect() {
      pauses++;
      return () => resumes++;
    },
    deviceError: (e) => (e instanceof DeviceError ? e.dev : undefined),
    timeoutError: (what, ms) => new Error(`${what} ${ms}`),
    log: { debug() {}, warn() {} },
  };
  return {
    io,
    calls,
    pausedAtScan,
    attach(c: ScanCoordinator) {
      coordinator = c;
    },
    get pauses() {
      return pauses;
    },
    get resumes() {
      return resumes;
    },
  };
}

const rules = resolveRuleOptions({ scanRetryDelayMs: 10, scanRetryTimeoutMs: 500 });

describe('ScanCoordinator', () => {
  it('100 concurrent equal scans share one device scan and one fetch', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    const results = await Promise.all(Array.from({ length: 100 }, () => c.scan({ channel: 6 })));
    expect(f.calls.filter((v) => v === 'scan')).toHaveLength(1);
    expect(f.calls.filter((v) => v === 'ap_records')).toHaveLength(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]![0]!.ssidText).toBe('net1');
  });

  it('a scan with other options queues behind the running one', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    const [a, b, a2] = await Promise.all([c.scan({ channel: 1 }), c.scan({ channel: 2 }), c.scan({ channel: 1 })]);
    expect(f.calls).toEqual(['scan', 'ap_records', 'scan', 'ap_records']);
    expect(a).toBe(a2);
    expect(b).not.toBe(a);
  });

  it('WIFI_STATE (connecting) pauses the reconnect policy, retries after a delay, then resumes', async () => {
    const clock = new TestClock();
    const f = fakeIo({ scan: (n) => (n <= 3 ? 'WIFI_STATE' : 'ok') });
    const c = new ScanCoordinator(f.io, rules, clock);
    f.attach(c);
    const p = c.scan();
    // Each refusal arms the retry delay; the next scan goes out only when it has passed.
    const scans = () => f.calls.filter((v) => v === 'scan').length;
    for (let n = 1; n <= 3; n++) {
      await settle(() => clock.pending === 1);
      clock.advance(rules.scanRetryDelayMs - 1);
      await settle();
      expect(scans()).toBe(n);
      clock.advance(1);
    }
    const r = await p;
    expect(r).toHaveLength(1);
    expect(scans()).toBe(4);
    expect(f.pauses).toBe(1);
    expect(f.resumes).toBe(1);
    expect(c.stats.retries).toBe(3);
  });

  it('gives up retrying after scanRetryTimeoutMs and still resumes the policy', async () => {
    const f = fakeIo({ scan: () => 'WIFI_STATE' });
    const c = new ScanCoordinator(f.io, resolveRuleOptions({ scanRetryDelayMs: 10, scanRetryTimeoutMs: 50 }));
    f.attach(c);
    await expect(c.scan()).rejects.toThrow('WIFI_STATE');
    expect(f.resumes).toBe(f.pauses);
  });

  it('other device errors fail at once', async () => {
    const f = fakeIo({ scan: () => 'WIFI_NOT_STARTED' });
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    await expect(c.scan()).rejects.toThrow('WIFI_NOT_STARTED');
    expect(c.stats.retries).toBe(0);
    expect(f.resumes).toBe(f.pauses); // the policy is never left paused
  });

  it('an unrequested scan_done is fetched and cached; a raw fetch is then answered from the cache', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    c.onScanDone({ status: 0, n: 1, scanId: 0 });
    const raw = await c.rawApRecords();
    expect(f.calls).toEqual(['ap_records']);
    expect(raw?.records[0]?.ssidText).toBe('net0');
    expect(await c.rawApRecords()).toEqual(raw);
    expect(f.calls).toEqual(['ap_records']);
  });

  it("'discard' still fetches (frees the driver's records) but keeps nothing", async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, resolveRuleOptions({ unrequestedScanResults: 'discard' }));
    f.attach(c);
    c.onScanDone({ status: 0, n: 1, scanId: 0 });
    expect(await c.rawApRecords()).toBeNull();
    expect(f.calls).toEqual(['ap_records']);
  });

  it('a reused scan id (wrap, reset) is fetched again, not served stale from the cache', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    c.onScanDone({ status: 0, n: 1, scanId: 0 });
    await c.rawApRecords();
    c.onScanDone({ status: 0, n: 1, scanId: 0 });
    await c.rawApRecords();
    expect(f.calls).toEqual(['ap_records', 'ap_records']);
  });

  it('holds the reconnect policy for the whole scan, even when the device accepts at once', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    await c.scan();
    expect(f.pausedAtScan).toEqual([1]);
    expect(f.resumes).toBe(1);
  });

  it('a scan the driver ended early (status 1) is fetched, then repeated', async () => {
    const f = fakeIo({ status: (n) => (n === 1 ? 1 : 0) });
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    const recs = await c.scan();
    expect(f.calls).toEqual(['scan', 'ap_records', 'scan', 'ap_records']);
    expect(recs[0]!.ssidText).toBe('net2');
  });

  it("a scan ended by the user's scanStop() answers with what it found", async () => {
    const f = fakeIo({ status: () => 1 });
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    const p = c.scan();
    await settle(() => f.calls.length === 1); // the scan is running on the device (its SCAN_DONE is 5 ms away)
    c.noteStop();
    expect((await p)[0]!.ssidText).toBe('net1');
    expect(f.calls).toEqual(['scan', 'ap_records']);
  });

  it('rejects bad rule options by name', () => {
    expect(() => resolveRuleOptions({ scanRetryDelayMs: -1 })).toThrow(/scanRetryDelayMs/);
    expect(() => resolveRuleOptions({ unrequestedScanResults: 'keep' as 'cache' })).toThrow(/unrequestedScanResults/);
  });

  it('an aborted caller leaves the shared scan running for the others', async () => {
    const f = fakeIo();
    const c = new ScanCoordinator(f.io, rules);
    f.attach(c);
    const ac = new AbortController();
    const a = c.scan({ signal: ac.signal });
    const b = c.scan();
    ac.abort(new Error('stop'));
    await expect(a).rejects.toThrow('stop');
    expect(await b).toHaveLength(1);
  });

  it('on an injected clock: a refused scan is retried exactly after scanRetryDelayMs', async () => {
    const clock = new TestClock();
    const f = fakeIo({ scan: (n) => (n === 1 ? 'WIFI_STATE' : 'ok') });
    const c = new ScanCoordinator(f.io, resolveRuleOptions({ scanRetryDelayMs: 300, scanRetryTimeoutMs: 5000 }), clock);
    f.attach(c);
    const p = c.scan();
    await settle(() => clock.pending === 1);
    expect(f.calls).toEqual(['scan']);
    clock.advance(299);
    await settle();
    expect(f.calls).toEqual(['scan']);
    clock.advance(1);
    expect((await p)[0]!.ssidText).toBe('net1');
    expect(f.calls).toEqual(['scan', 'scan', 'ap_records']);
  });

  it('on an injected clock: no SCAN_DONE fails the scan exactly at its time budget', async () => {
    const clock = new TestClock();
    const io: ScanIo = {
      startScan: async () => {},
      fetchRecords: async () => ({ records: [] }),
      pauseReconnect: () => () => {},
      deviceError: () => undefined,
      timeoutError: (what, ms) => new Error(`${what} ${ms}`),
      log: { debug() {}, warn() {} },
    };
    const c = new ScanCoordinator(io, rules, clock);
    const p = c.scan({ timeoutMs: 1000 }).catch((e: unknown) => e);
    await settle(() => clock.pending === 1);
    clock.advance(999);
    await settle();
    expect(c.busy).toBe(true);
    clock.advance(1);
    expect(String(await p)).toContain('scan (waiting for SCAN_DONE) 1000');
  });
});

/** Lets pending promise callbacks and I/O run (no time passes on a TestClock), until `cond`. */
async function settle(cond: () => boolean = () => true): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setImmediate(r));
    if (cond()) return;
  }
  throw new Error('condition not reached');
}
