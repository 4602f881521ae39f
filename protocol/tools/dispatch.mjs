// Reference request validation (PROTOCOL.md §4.2): which error, if any, the firmware answers a
// decoded request with before it calls the driver. Driven by protocol.json so it cannot drift.
// It stops at the first problem, in this order: unknown verb, then each token left to right
// (positional, unknown key, repeated key, bad value), then missing required arguments in
// definition order, then cross-argument rules.
import { readFileSync } from 'node:fs';

export function loadDefinition(url = new URL('../protocol.json', import.meta.url)) {
  return JSON.parse(readFileSync(url, 'utf8'));
}

const INT = /^-?[0-9]{1,11}$/;

/** Returns null when the value is valid for the argument, else a short reason (no value echoed). */
export function checkValue(def, arg, value) {
  const [kind, name] = arg.type.split(':');
  const text = Buffer.from(value).toString('latin1');
  if (kind === 'enum') return def.enums[name].includes(text) ? null : `not one of ${def.enums[name].join('|')}`;
  if (kind === 'flags') {
    const letters = Object.keys(def.flags[name].letters);
    if (text.length === 0) return 'empty flag set';
    if (![...text].every((c) => letters.includes(c))) return `letters must be from ${letters.join('')}`;
    return new Set(text).size === text.length ? null : 'repeated letter';
  }
  const t = def.types[kind];
  if (!t) throw new Error(`protocol.json: unknown type ${arg.type}`);
  switch (t.kind) {
    case 'int': {
      if (!INT.test(text)) return 'not a decimal integer';
      const v = Number(text), min = arg.min ?? t.min, max = arg.max ?? t.max;
      return v >= min && v <= max ? null : `out of range ${min}..${max}`;
    }
    case 'bool': return text === '0' || text === '1' ? null : 'not 0 or 1';
    case 'mac': return /^[0-9a-f]{12}$/.test(text) ? null : 'not 12 lowercase hex digits';
    case 'ip4': {
      const m = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(text);
      return m && m.slice(1).every((o) => Number(o) <= 255) ? null : 'not a dotted quad a.b.c.d';
    }
    case 'bytes': {
      const len = Buffer.from(value).length;
      if (arg.max_len !== undefined && len > arg.max_len) return `longer than ${arg.max_len} bytes`;
      if (arg.min_len !== undefined && len < arg.min_len) return `shorter than ${arg.min_len} bytes`;
      return null;
    }
    default: throw new Error(`protocol.json: type ${arg.type} is not valid for a request argument`);
  }
}

/** frame: decoded request. Returns null (arguments valid) or {error, arg?, why}. */
export function dispatchError(def, frame) {
  const cmd = def.commands[frame.verb];
  if (!cmd) return { error: 'UNKNOWN_COMMAND', why: `no command ${frame.verb}` };
  const seen = new Map();
  for (const t of frame.tokens) {
    if (t.key === undefined) return { error: 'BAD_ARG', why: 'positional argument in a request (a space inside a value is written \\s)' };
    const arg = cmd.args.find((a) => a.name === t.key);
    if (!arg) return { error: 'BAD_ARG', arg: t.key, why: 'unknown argument' };
    if (seen.has(t.key)) return { error: 'BAD_ARG', arg: t.key, why: 'repeated argument' };
    const why = checkValue(def, arg, t.value);
    if (why) return { error: 'BAD_ARG', arg: t.key, why };
    seen.set(t.key, Buffer.from(t.value).toString('latin1'));
  }
  for (const a of cmd.args) if (a.required && !seen.has(a.name)) return { error: 'MISSING_ARG', arg: a.name, why: 'required' };
  // The driver ignores channel_bitmap unless channel is 0; refusing it says so instead.
  if (frame.verb === 'scan' && seen.has('bitmap') && seen.has('ch') && Number(seen.get('ch')) !== 0)
    return { error: 'BAD_ARG', arg: 'bitmap', why: 'needs ch=0' };
  // esp_wifi_deauth_sta takes one aid: mac= and aid= together could name two stations.
  if (frame.verb === 'softap_kick' && seen.has('mac') && seen.has('aid'))
    return { error: 'BAD_ARG', arg: 'aid', why: 'give mac or aid, not both' };
  return null;
}
