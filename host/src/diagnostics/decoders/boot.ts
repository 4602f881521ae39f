// Lines that cut the timeline: the ROM banner (`ets ...`, `ESP-ROM:chip-...`, `rst:0x1
// (POWERON_RESET),boot:...`, ESP8266's `rst cause:2`), the bootloader and app start, and crashes
// (panic, brownout, watchdogs, abort, stack overflow).
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

// One cheap test before the crash patterns: they are tried on every line of the log.
const CRASH_WORDS = /Guru Meditation|Brownout|watchdog got|abort\(\)|stack overflow/;

export function decodeBoot(env: Envelope): Observation[] | undefined {
  const msg = env.msg;
  if (!env.dialect) {
    let m = /^rst:0x([0-9a-f]+) \(([A-Z0-9_]+)\)/i.exec(msg);
    if (m) return [{ kind: 'boot', marker: 'reset-reason', resetCode: parseInt(m[1]!, 16), resetName: m[2] }];
    m = /^\s*ets \w{3} [ \d]\d \d{4}(?:.*?rst cause:(\d+))?/.exec(msg);
    if (m) return [{ kind: 'boot', marker: 'rom', ...(m[1] ? { resetCode: Number(m[1]) } : {}) }];
    m = /^ESP-ROM:\s*(\S+)/.exec(msg);
    if (m) return [{ kind: 'boot', marker: 'rom', chip: m[1]!.split('-')[0] }];
  }
  if (env.dialect === 'esp-idf' && env.tag === 'boot') return [{ kind: 'boot', marker: 'bootloader' }];
  if (env.dialect === 'esp-idf' && (env.tag === 'cpu_start' || env.tag === 'app_init' || env.tag === 'app_start')) return [{ kind: 'boot', marker: 'app-start' }];
  if (!CRASH_WORDS.test(msg)) return undefined;
  let m = /Guru Meditation Error: Core\s+\d+ panic'ed \(([^)]*)\)/.exec(msg);
  if (m) return [{ kind: 'crash', what: /wdt|watchdog/i.test(m[1]!) ? 'watchdog' : 'panic', detail: m[1]! }];
  if (/Brownout detector was triggered/i.test(msg)) return [{ kind: 'crash', what: 'brownout', detail: 'brownout detector triggered' }];
  if (/Task watchdog got triggered/i.test(msg)) return [{ kind: 'crash', what: 'watchdog', detail: 'task watchdog triggered' }];
  m = /^abort\(\) was called at PC (0x[0-9a-f]+)/i.exec(msg);
  if (m) return [{ kind: 'crash', what: 'abort', detail: `abort() at ${m[1]}` }];
  m = /\*\*\*ERROR\*\*\* A stack overflow in task (\S+)/.exec(msg);
  if (m) return [{ kind: 'crash', what: 'stack-overflow', detail: `stack overflow in task ${m[1]}` }];
  return undefined;
}
