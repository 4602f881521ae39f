// Rules 1–4 of rules.ts as a small state machine: one device scan at a time, shared by callers
// with equal options, exactly one ap_records per SCAN_DONE, cached, retried while connecting.

import type { ApRecord, ScanOptions } from '../types.js';
import { ScanCache, expectedScanMs, scanKey, type RuleOptions } from './rules.js';
import { sleep, withAbort, withTimeout } from '../async.js';
import { realClock, type Clock } from '../clock.js';

/** One get_ap_records: the decoded records and the driver's scan id when the reply names one. */
export interface FetchedRecords {
  records: readonly ApRecord[];
  scanId?: number;
}

/** What the coordinator does on the board; the Board turns these into protocol commands. */
export interface ScanIo {
  /** esp_wifi_scan_start (non-blocking): resolves when the device accepted it; SCAN_DONE follows. */
  startScan(opts: ScanOptions): Promise<void>;
  /** esp_wifi_scan_get_ap_records: frees the driver's records. */
  fetchRecords(): Promise<FetchedRecords>;
  /** Rule 4: stop starting reconnect attempts until the returned function is called. */
  pauseReconnect(): () => void;
  /** The device error name of a rejected request (WIFI_STATE, SCAN_IN_PROGRESS, ...), if any. */
  deviceError(err: unknown): string | undefined;
  /** Builds the error thrown when a scan does not finish in time. */
  timeoutError(what: string, ms: number): Error;
  log: { debug(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

export interface ScanDone {
  status: number;
  n: number;
  scanId: number;
}

interface Job {
  key: string;
  opts: ScanOptions;
  promise: Promise<readonly ApRecord[]>;
  resolve(r: readonly ApRecord[]): void;
  reject(e: unknown): void;
}

interface Waiter {
  resolve(d: ScanDone): void;
  reject(e: unknown): void;
}

/** Device errors after which a scan is retried later rather than failed. WIFI_STATE is the seed's
 *  "scan when Wi-Fi is connecting"; the other two mean another scan or blocking call is running. */
const RETRY_LATER = new Set(['WIFI_STATE', 'SCAN_IN_PROGRESS', 'BUSY']);

export class ScanCoordinator {
  readonly cache: ScanCache;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private waiter: Waiter | null = null;
  /** A device scan started by a job that gave up before its SCAN_DONE (timeout/abort). */
  private orphan: { until: number; done: Promise<void>; release(): void } | null = null;
  private lastDoneId: number | null = null;
  private stopRequested = false;
  private fetchChain: Promise<unknown> = Promise.resolve();
  /** Counters for diagnostics and tests. */
  readonly stats = { deviceScans: 0, fetches: 0, cacheHits: 0, unrequested: 0, retries: 0 };

  constructor(
    private readonly io: ScanIo,
    private readonly rules: RuleOptions,
    /** Retry delays, scan timeouts and the orphan wait run on it (the Board's clock). */
    private readonly clock: Clock = realClock,
  ) {
    this.cache = new ScanCache(rules.scanCacheSize);
  }

  /** Rule 3: same options share the running (or a queued) scan; others queue behind it. */
  scan(opts: ScanOptions = {}): Promise<readonly ApRecord[]> {
    const key = scanKey(opts);
    const shared = this.running?.key === key ? this.running : this.queue.find((j) => j.key === key);
    const job = shared ?? this.enqueue(key, opts);
    return opts.signal ? withAbort(job.promise, opts.signal) : job.promise;
  }

  private enqueue(key: string, opts: ScanOptions): Job {
    let resolve!: Job['resolve'];
    let reject!: Job['reject'];
    const promise = new Promise<readonly ApRecord[]>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A caller that stops listening must not turn a shared failure into an unhandled rejection.
    promise.catch(() => {});
    const job: Job = { key, opts: { ...opts, signal: undefined }, promise, resolve, reject };
    this.queue.push(job);
    if (!this.running) void this.pump();
    return job;
  }

  private async pump(): Promise<void> {
    while (!this.running && this.queue.length) {
      const job = this.queue.shift()!;
      this.running = job;
      try {
        job.resolve(await this.run(job.opts));
      } catch (e) {
        job.reject(e);
      } finally {
        this.running = null;
      }
    }
  }

  private async run(opts: ScanOptions): Promise<readonly ApRecord[]> {
    const budget = opts.timeoutMs ?? expectedScanMs(opts) + this.rules.scanTimeoutMarginMs;
    await this.waitOrphan();
    // Rule 4: a connect started by the policy while the scan runs would abort it (the driver
    // gives connecting priority), so the policy holds still for the whole scan, not only after a
    // refusal. A due reconnect waits at most one scan.
    const resume = this.io.pauseReconnect();
    const retryUntil = this.clock.now() + this.rules.scanRetryTimeoutMs;
    this.stopRequested = false;
    try {
      for (;;) {
        const done = this.expectScanDone();
        try {
          await this.io.startScan(opts);
        } catch (e) {
          this.cancelWaiter(done);
          const name = this.io.deviceError(e);
          if (name && RETRY_LATER.has(name) && this.clock.now() < retryUntil) {
            // The policy is held, so the running attempt ends and no new one starts before the retry.
            this.stats.retries++;
            this.io.log.debug({ error: name, delayMs: this.rules.scanRetryDelayMs }, 'scan refused, retrying after a delay');
            await sleep(this.rules.scanRetryDelayMs, undefined, this.clock);
            continue;
          }
          throw e;
        }
        this.stats.deviceScans++;
        let d: ScanDone;
        let timedOut = false;
        try {
          d = await withTimeout(done.promise, budget, () => {
            timedOut = true;
            return this.io.timeoutError('scan (waiting for SCAN_DONE)', budget);
          }, this.clock);
        } catch (e) {
          this.cancelWaiter(done);
          // Only a scan that may still be running on the device holds up the next one; after a
          // reset or a lost port there is none.
          if (timedOut) this.markOrphan(budget);
          throw e;
        }
        const records = await this.fetch(d);
        // status 1 without our scanStop(): the driver ended the scan early (e.g. the user's own
        // connect took priority). Its records are fetched (no leak) but are not the answer.
        if (d.status !== 0 && !this.stopRequested && this.clock.now() < retryUntil) {
          this.stats.retries++;
          this.io.log.debug({ scanId: d.scanId }, 'scan ended early by the driver, scanning again');
          await sleep(this.rules.scanRetryDelayMs, undefined, this.clock);
          continue;
        }
        return records;
      }
    } finally {
      resume();
    }
  }

  private expectScanDone(): { promise: Promise<ScanDone>; w: Waiter } {
    let w!: Waiter;
    const promise = new Promise<ScanDone>((resolve, reject) => {
      w = { resolve, reject };
    });
    promise.catch(() => {});
    this.waiter = w;
    return { promise, w };
  }

  private cancelWaiter(done: { w: Waiter }): void {
    if (this.waiter === done.w) this.waiter = null;
  }

  private markOrphan(budget: number): void {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    this.orphan = { until: this.clock.now() + budget, done, release };
  }

  private async waitOrphan(): Promise<void> {
    const o = this.orphan;
    if (!o) return;
    const left = o.until - this.clock.now();
    if (left > 0) await Promise.race([o.done, sleep(left, undefined, this.clock)]);
    if (this.orphan === o) this.orphan = null;
  }

  /** The user stopped the running scan: its partial result is the answer. */
  noteStop(): void {
    this.stopRequested = true;
  }

  /** Called by the Board for every SCAN_DONE event. */
  onScanDone(d: ScanDone): void {
    this.lastDoneId = d.scanId;
    // A SCAN_DONE is always a new scan: scan ids wrap at 255 and restart after a reset, so
    // records cached under this id belong to an older scan and must not stand in for a fetch.
    this.cache.delete(d.scanId);
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w.resolve(d);
      return;
    }
    // Rule 2: nobody asked, but the driver holds the records until somebody fetches them.
    this.stats.unrequested++;
    const o = this.orphan;
    this.fetch(d, this.rules.unrequestedScanResults === 'cache')
      .catch((e) => this.io.log.warn({ err: e, scanId: d.scanId }, 'could not fetch the records of an unrequested scan'))
      .finally(() => {
        if (o && this.orphan === o) {
          this.orphan = null;
          o.release();
        }
      });
  }

  /** Rule 1: one ap_records per scan id; serialized so two fetches can never race. */
  private fetch(d: ScanDone, keep = true): Promise<readonly ApRecord[]> {
    const run = async (): Promise<readonly ApRecord[]> => {
      const hit = this.cache.get(d.scanId);
      if (hit) {
        this.stats.cacheHits++;
        return hit;
      }
      const fetched = await this.io.fetchRecords();
      this.stats.fetches++;
      const records = Object.freeze(fetched.records);
      const id = fetched.scanId ?? d.scanId;
      if (keep) this.cache.put(id, records);
      return records;
    };
    const p = this.fetchChain.then(run, run);
    this.fetchChain = p.catch(() => {});
    return p;
  }

  /** A raw `ap_records` request (Board.request): answered from the cache when the latest scan's
   *  records were already fetched, so the firmware's ALREADY_FETCHED is never provoked. */
  async rawApRecords(): Promise<{ records: readonly ApRecord[]; scanId: number } | null> {
    await this.fetchChain;
    if (this.lastDoneId !== null && this.cache.has(this.lastDoneId)) {
      this.stats.cacheHits++;
      return { records: this.cache.get(this.lastDoneId)!, scanId: this.lastDoneId };
    }
    return null;
  }

  /** A raw blocking scan has no SCAN_DONE (seed "Scan in Blocked Mode"): fetch right away. */
  async afterBlockingScan(): Promise<readonly ApRecord[]> {
    const fetched = await this.io.fetchRecords();
    this.stats.fetches++;
    const id = fetched.scanId ?? -1;
    this.lastDoneId = id;
    const records = Object.freeze(fetched.records);
    this.cache.put(id, records);
    return records;
  }

  /** The device reset: its driver lost every scan; pending scans fail with `err`. */
  reset(err: Error): void {
    this.waiter?.reject(err);
    this.waiter = null;
    if (this.orphan) this.orphan.release();
    this.orphan = null;
    this.cache.clear();
    this.lastDoneId = null;
    for (const j of this.queue.splice(0)) j.reject(err);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** After a stop request: resolves once the stopped scan's SCAN_DONE has come and its records are
   *  fetched (rule 2), at most `ms` later. A scan this coordinator waits for (a job), or one a
   *  timed-out job left running (the orphan), ends with that SCAN_DONE. */
  async afterStop(ms: number): Promise<void> {
    const ending = [this.running?.promise, this.orphan?.done].filter((p) => p !== undefined);
    if (ending.length > 0) await withTimeout(Promise.allSettled(ending), ms, () => new Error('no SCAN_DONE after the stop'), this.clock).catch(() => {});
    await this.settled(ms);
  }

  /** Resolves once the fetch in flight (if any) has ended, at most `ms` later: closing the port in
   *  the middle of one would leave the records in the driver. */
  async settled(ms: number): Promise<void> {
    await withTimeout(this.fetchChain, ms, () => new Error('the records are still being fetched'), this.clock).catch(() => {});
  }

  /** Resolves once no scan of this coordinator runs or waits (whatever their outcome): what a
   *  connect waits for, since the board refuses a connect while a scan runs. */
  async idle(): Promise<void> {
    while (this.running || this.queue.length) {
      await Promise.allSettled([this.running, ...this.queue].filter((j): j is Job => j !== null).map((j) => j.promise));
    }
  }
}
