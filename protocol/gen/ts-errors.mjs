// Generates host/src/protocol/errors.gen.ts: the device's error names alone (protocol errors with
// their explanation, esp_err_t names with their number). errors.ts is imported by every layer;
// with this small table it no longer pulls the whole protocol definition into each of them.
// Loaded by protocol/gen.mjs; `node protocol/gen.mjs --check` fails when the output is stale.

const BANNER = '// GENERATED from protocol/protocol.json by protocol/gen.mjs (protocol/gen/ts-errors.mjs) — do not edit.\n';

export default function tsErrors(def) {
  const out = [BANNER];
  out.push('/** Protocol error names (BAD_ARG, ALREADY_FETCHED, ...) and what each means. */');
  out.push(`export const PROTOCOL_ERRORS: Readonly<Record<string, string>> = Object.freeze(${JSON.stringify(def.errors.protocol, null, 2)});`, '');
  out.push('/** esp_err_t names without ESP_ERR_ (WIFI_STATE, ...) and their numbers. */');
  out.push(`export const ESP_ERRORS: Readonly<Record<string, number>> = Object.freeze(${JSON.stringify(def.errors.esp, null, 2)});`, '');
  return [{ path: 'host/src/protocol/errors.gen.ts', text: out.join('\n') }];
}
