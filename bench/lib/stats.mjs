// Order statistics for latency samples and repeated runs. Nearest-rank percentiles: with few
// samples an interpolated p99 would report a value no request ever took.

export function percentile(samples, p) {
  if (!samples.length) return NaN;
  const s = Float64Array.from(samples).sort();
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

export const median = (samples) => percentile(samples, 50);

/** Nanosecond monotonic clock as milliseconds (float). */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
