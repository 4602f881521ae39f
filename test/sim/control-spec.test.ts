// The control channel's definition (firmware/sim/control.json) is what the simulator does: every
// action it names exists, every integer argument is refused one past its range and named, an
// argument the action does not have is refused, and a scenario's timeline is checked against it
// before the board runs (a timeline entry fails later with nobody to tell).
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { loadScenario, ScenarioError } from '../../host/src/sim/scenario.js';
import { CONTROL_ACTIONS, type ControlArgSpec } from '../../host/src/sim/control.gen.js';

let vb: VirtualBoard | undefined;
afterEach(async () => {
  await vb?.stop();
  vb = undefined;
});

// Actions with effects beyond their reply (power, exit) are left to their own tests.
const SKIP = new Set(['quit', 'reset', 'panic', 'power_on']);
// Arguments checked before the integer ones, so the range check is reached.
const BASE: Record<string, string> = { ap_add: ' ssid=S bssid=02:00:00:00:00:99', dhcp_change: ' ip=10.0.0.9' };

describe('control channel definition', () => {
  it('every action exists; integers one past their range are BAD_ARG naming the argument; unknown arguments are refused', async () => {
    vb = await VirtualBoard.start({ pacing: false, seed: 1 });
    for (const [action, def] of Object.entries(CONTROL_ACTIONS)) {
      const args = def.args as readonly ControlArgSpec[];
      const r = await vb.control(`${action} frobnicate=1`).then(() => 'ok', (e: { code?: string; message: string }) => `${e.code}: ${e.message}`);
      expect(r, action).toBe(`BAD_ARG: ${action}: frobnicate is not an argument of ${action}`);
      if (SKIP.has(action)) continue;
      for (const a of args.filter((x) => x.type === 'int')) {
        for (const bad of [a.max! + 1, a.min! - 1]) {
          const line = `${action}${BASE[action] ?? ''} ${a.name}=${bad}`;
          await expect(vb.control(line), line).rejects.toMatchObject({ code: 'BAD_ARG', message: expect.stringContaining(a.name) });
        }
      }
    }
    await expect(vb.control('frobnicate')).rejects.toMatchObject({ code: 'UNKNOWN_ACTION' });
  });

  it('a scenario timeline naming an unknown action or argument is refused when loaded', () => {
    const ap = { ssid: 'T', bssid: '02:00:00:00:09:01', auth: 'open' };
    expect(() => loadScenario({ aps: [ap], timeline: [{ at_ms: 10, action: 'ap_of', ssid: 'T' }] })).toThrow(ScenarioError);
    expect(() => loadScenario({ aps: [ap], timeline: [{ at_ms: 10, action: 'ap_off', sid: 'T' }] })).toThrow(/ap_off has no argument "sid"/);
    // timeline names (password, channel) are the control keys pass and ch
    expect(() => loadScenario({ aps: [ap], timeline: [{ at_ms: 10, action: 'password', ssid: 'T', password: '' }] })).not.toThrow();
  });
});
