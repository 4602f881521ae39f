// One console line → its envelope and the observations the dialect decoders find in it. The
// first decoder that recognises the line wins; a line none recognises keeps no observation and
// is counted as unrecognised — never guessed at.
import { cleanLine, parseEnvelope, type Envelope } from './envelope.js';
import { decodeApp } from './decoders/app.js';
import { decodeArduino } from './decoders/arduino.js';
import { decodeBoot } from './decoders/boot.js';
import { decodeEspAt } from './decoders/esp-at.js';
import { decodeEspEasy } from './decoders/espeasy.js';
import { decodeEsphome } from './decoders/esphome.js';
import { decodeIdfDriver } from './decoders/idf-driver.js';
import { decodeIdfNetif } from './decoders/idf-netif.js';
import { own } from './lines.js';
import type { Cut } from './lines.js';
import type { Masker } from './mask.js';
import type { Dialect, Observation } from './types.js';

type Decoder = (env: Envelope) => Observation[] | undefined;

/** Most specific first: the generic application decoder only sees lines no dialect claimed. */
const DECODERS: ReadonlyArray<[Dialect, Decoder]> = [
  ['rom', decodeBoot],
  ['esp-idf', decodeIdfDriver],
  ['esp-idf', decodeIdfNetif],
  ['arduino', decodeArduino],
  ['esphome', decodeEsphome],
  ['esp-at', decodeEspAt],
  ['espeasy', decodeEspEasy],
  ['app', decodeApp],
];

export interface LineDecode {
  env: Envelope;
  text: string;
  observations: Observation[];
  /** The decoder that recognised the line; undefined when none did. */
  decoder?: Dialect;
}

// Every word some decoder keys on (a superset: a hit only means "run the decoders"). Most lines
// of a long log are the application's own chatter; they skip the decoders after this one test.
// Case variants spelled out: a case-insensitive alternation is slower on every line.
const MAY_MATTER = /[iI][pP](?:\b|:)|rst|ets |ESP-ROM|Guru|Brownout|watchdog|abort|overflow|[cC]onnect|CONNECT|[rR]eason|REASON|Arduino Event|WIFI|at-wifi|[sS]can|SCAN|[sS]ignal/;
const MAY_MATTER_IDF = /[iI][pP](?:\b|:)|[cC]onnect|CONNECT|watchdog/;
const MAY_MATTER_TAG = /^(wifi|boot|cpu_start|app_init|app_start|at-wifi|task_wdt)/;

/** False only for lines no decoder can recognise (decoders.test.ts checks the superset). */
export function mayMatter(env: Envelope): boolean {
  if (env.tag !== undefined && MAY_MATTER_TAG.test(env.tag)) return true;
  // An ESP-IDF line with another tag can only be an IP line or an app's (dis)connect line; ROM,
  // crash and other dialects' words come without this envelope.
  return env.dialect === 'esp-idf' ? MAY_MATTER_IDF.test(env.msg) : MAY_MATTER.test(env.msg);
}

/** Every decoder on one envelope, no pre-filter (decodeText filters first). */
export function decodeEnvelope(env: Envelope): { observations: Observation[]; decoder?: Dialect } {
  for (const [name, decode] of DECODERS) {
    const obs = decode(env);
    if (obs) return { observations: obs, decoder: name };
  }
  return { observations: [] };
}

export function decodeText(raw: string, mask?: Masker, cut: Cut = 0): LineDecode {
  const text = mask ? mask(cleanLine(raw), cut) : cleanLine(raw);
  const env = parseEnvelope(text);
  if (!mayMatter(env)) return { env, text, observations: NONE };
  const d = decodeEnvelope(env);
  for (const o of d.observations) ownStrings(o as unknown as Record<string, unknown>);
  return { env, text, observations: d.observations, ...(d.decoder ? { decoder: d.decoder } : {}) };
}

const NONE: Observation[] = [];

/** Observations outlive their line (episodes keep SSIDs, addresses): own copies of the strings. */
function ownStrings(o: Record<string, unknown>): void {
  for (const k of Object.keys(o)) if (typeof o[k] === 'string') o[k] = own(o[k] as string);
}
