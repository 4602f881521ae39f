// A HIL run in which no test ran (a -t filter that matches nothing, no boards selected) is not a
// pass: every test was skipped, so nothing was checked. vitest exits 0 then; a rig's CI trusts
// the exit code, so this reporter says so and makes the run exit 1.
import type { Reporter, TestModule } from 'vitest/node';

export default class NothingRanReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let ran = 0, total = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        total++;
        const state = t.result().state;
        if (state === 'passed' || state === 'failed') ran++;
      }
    }
    if (ran > 0 || modules.some((m) => m.state() === 'failed')) return;
    console.error(`[hil] no test ran (${total} skipped): the -t filter or file filter matched nothing, or no board was selected — nothing was checked, exit 1`);
    process.exitCode = 1;
  }
}
