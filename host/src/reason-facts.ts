// Reason-code facts the reconnection policy needs, straight from the generated protocol tables
// (protocol.json "reasons" and "families"), so the policy never hard-codes a reason list.
import { definition } from './protocol/definition.js';
import { CommandError } from './errors.js';
import type { ReasonFacts } from './rules/reconnect-policy.js';

const byCode = new Map<number, { name: string; cause: string }>(definition.reasons.map((r) => [r.code, { name: r.name, cause: r.cause }]));
const passwordFamily = new Set<number>(definition.families.password.codes);

export function reasonFacts(code: number): ReasonFacts {
  const r = byCode.get(code);
  return { name: r?.name ?? `REASON_${code}`, cause: r?.cause ?? 'unspecified', passwordFamily: passwordFamily.has(code) };
}

/** The device's error name when `err` is a device `err` reply (WIFI_STATE, ...), else undefined. */
export function commandErrorName(err: unknown): string | undefined {
  return err instanceof CommandError ? err.errorName : undefined;
}
