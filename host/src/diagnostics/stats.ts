// Bounded accumulators for logs of any length: a min/max range, a fixed-size uniform sample
// (reservoir, deterministic) for quantiles, and a capped list that counts what it drops.

export class Range {
  min = Infinity;
  max = -Infinity;
  n = 0;
  add(v: number): void {
    this.n++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
}

export class Reservoir {
  private readonly items: number[] = [];
  private seen = 0;
  private state = 0x2545f491;
  constructor(private readonly cap = 4096) {}
  add(v: number): void {
    this.seen++;
    if (this.items.length < this.cap) this.items.push(v);
    else {
      const j = this.random() % this.seen;
      if (j < this.cap) this.items[j] = v;
    }
  }
  get count(): number {
    return this.seen;
  }
  values(): number[] {
    return [...this.items];
  }
  /** q in [0,1]; exact while fewer than `cap` values were added. */
  quantile(q: number): number | undefined {
    if (this.items.length === 0) return undefined;
    const s = [...this.items].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  }
  private random(): number {
    // xorshift32: the same log gives the same sample (reports are reproducible).
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
}

export class Capped<T> {
  readonly items: T[] = [];
  dropped = 0;
  constructor(private readonly cap: number) {}
  push(v: T): void {
    if (this.items.length < this.cap) this.items.push(v);
    else this.dropped++;
  }
}

/** A time series thinned to at most `cap` points: when full, every other point is dropped and
 *  only every 2^k-th later point is kept, so the plot covers the whole log evenly. */
export class Thinned<T> {
  readonly items: T[] = [];
  private stride = 1;
  private n = 0;
  constructor(private readonly cap = 2000) {}
  push(v: T): void {
    if (this.n++ % this.stride !== 0) return;
    this.items.push(v);
    if (this.items.length >= this.cap) {
      for (let i = 0, j = 0; i < this.items.length; i += 2, j++) this.items[j] = this.items[i]!;
      this.items.length = Math.ceil(this.items.length / 2);
      this.stride *= 2;
    }
  }
}
