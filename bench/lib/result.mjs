// One row per measured quantity. `goal` is checked against `ratio` when the row has a baseline,
// else against `value` (absolute goals such as "p99 < 20 ms").

export class Skip extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'Skip';
  }
}

/**
 * @param {object} r
 * @param {string} r.metric   e.g. "round trip p50"
 * @param {number} r.value    measured
 * @param {string} r.unit
 * @param {number} [r.baseline]  measured in the same run, same unit
 * @param {string} [r.baselineWhat]
 * @param {{ on: 'ratio'|'value', op: '<='|'>='|'<', limit: number }} [r.goal]
 * @param {string} [r.note]
 */
export function row(r) {
  const ratio = r.baseline !== undefined && r.baseline > 0 && Number.isFinite(r.value) ? r.value / r.baseline : undefined;
  let pass;
  if (r.goal) {
    const x = r.goal.on === 'ratio' ? ratio : r.value;
    if (x !== undefined && Number.isFinite(x)) {
      pass = r.goal.op === '<=' ? x <= r.goal.limit : r.goal.op === '<' ? x < r.goal.limit : x >= r.goal.limit;
    }
  }
  return { status: 'measured', ...r, ratio, pass };
}

export function skipped(metric, reason) {
  return { status: 'skipped', metric, reason };
}

export function failed(metric, err) {
  return { status: 'error', metric, reason: err?.message ?? String(err), bug: isScriptBug(err) };
}

// A bug in the bench scripts themselves (as opposed to a missing prerequisite or a failing
// library call): this is what CI's --quick smoke run exists to catch.
export function isScriptBug(err) {
  return err instanceof TypeError || err instanceof ReferenceError || err instanceof SyntaxError || err instanceof RangeError;
}

export function goalText(g) {
  if (!g) return '—';
  const what = g.on === 'ratio' ? '×' : '';
  return `${g.op} ${g.limit}${what}${g.on === 'value' && g.unit ? ` ${g.unit}` : ''}`;
}
