// Shared steps of the watch tests: NDJSON records from a CLI's stdout, and a virtual board left
// connected by an earlier espwifi process (as a user's `espwifi connect` leaves it).
import pino from 'pino';
import { openBoard } from '../../host/src/open-board.js';

export type Rec = Record<string, unknown>;

export const records = (out: string): Rec[] => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Rec);

export async function connectOnce(port: string): Promise<void> {
  const b = await openBoard({ port, logger: pino({ level: 'silent' }), reconnect: false });
  try {
    await b.init();
    await b.setMode('sta');
    await b.configure({ ssid: 'HomeNet', password: 'correct-horse' });
    await b.start();
    await b.connect({ timeoutMs: 20_000 });
  } finally {
    await b.close();
  }
}
