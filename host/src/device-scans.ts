// The scan coordinator's device side (ScanIo of rules/scan-coordinator.ts): esp_wifi_scan_start
// and esp_wifi_scan_get_ap_records as protocol commands over the client, the device's error by
// name, and a scan that never finishes as a TimeoutError. The coordinator itself stays free of
// the protocol (rules/ holds no wire names).
import type { Logger } from 'pino';
import type { Client } from './client.js';
import { toApRecords } from './convert/replies.js';
import { scanArgs } from './convert/to-wire.js';
import { TimeoutError } from './errors.js';
import { commandErrorName } from './reason-facts.js';
import type { ScanIo } from './rules/scan-coordinator.js';

/** `pauseReconnect`: rule 4, the Board holds its reconnection while a scan runs. */
export function deviceScanIo(client: Client, log: Logger, pauseReconnect: () => () => void): ScanIo {
  return {
    startScan: async (o) => {
      await client.request('scan', scanArgs(o));
    },
    fetchRecords: async () => {
      const reply = await client.request('ap_records', {});
      return toApRecords(reply.fields, reply.partials);
    },
    pauseReconnect,
    deviceError: commandErrorName,
    timeoutError: (what, ms) => new TimeoutError(`${what}: nothing within ${ms} ms`),
    log,
  };
}
