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

export function decodeText(raw: string, mask?: Masker): LineDecode {
  const text = mask ? mask(cleanLine(raw)) : cleanLine(raw);
  const env = parseEnvelope(text);
  for (const [name, decode] of DECODERS) {
    const obs = decode(env);
    if (obs) return { env, text, observations: obs, decoder: name };
  }
  return { env, text, observations: [] };
}
