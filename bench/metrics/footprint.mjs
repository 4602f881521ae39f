// Firmware footprint. Core: every firmware/components/espwifi_core/*.c compiled for rv32imc at
// -Os with the same flags idf-check uses (the ESP32-C3 toolchain's), summed per section. Static
// RAM = .data + .bss of the core plus sizeof(ew_core_t), the state the platform instantiates.
// Adapter: /work/shared/tools/idf-check on a copy of firmware/ without the core's .c files, when
// an ESP-IDF tree is available (IDF_PATH, IDF_REF for a git dir).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { requireCore } from '../lib/boards.mjs';
import { ROOT, coreSources } from '../lib/env.mjs';
import { Skip, failed, row, skipped } from '../lib/result.mjs';

export const name = 'firmware footprint';

const CORE = join(ROOT, 'firmware', 'components', 'espwifi_core');
const IDF_CHECK = process.env.IDF_CHECK ?? '/work/shared/tools/idf-check';
const GCC = 'riscv64-unknown-elf-gcc';
const SIZE = 'riscv64-unknown-elf-size';
const FLAGS = ['-march=rv32imc_zicsr_zifencei', '-mabi=ilp32', '--specs=picolibc.specs', '-std=gnu17', '-Os',
  '-ffunction-sections', '-fdata-sections', '-fno-common'];

function have(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** `size -t` totals: { text, data, bss }. */
function sizes(objs) {
  const out = execFileSync(SIZE, ['-t', ...objs], { encoding: 'utf8' });
  const last = out.trim().split('\n').pop().trim().split(/\s+/);
  return { text: Number(last[0]), data: Number(last[1]), bss: Number(last[2]) };
}

function coreRows(work, quick) {
  if (!have(GCC) || !have(SIZE)) throw new Skip(`${GCC} or ${SIZE} not installed (apt-get install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf)`);
  const srcs = coreSources();
  let cross = '';
  const logic = srcs.filter((f) => !/_gen\.c$/.test(basename(f)));
  if (!logic.length) throw new Skip('firmware core (espwifi_core/*.c) not written yet — only the generated tables exist');
  const inc = ['-I', join(CORE, 'include'), '-I', CORE];
  const objs = srcs.map((src) => {
    const o = join(work, `${basename(src)}.o`);
    try {
      execFileSync(GCC, [...FLAGS, ...inc, '-c', src, '-o', o], { stdio: 'pipe' });
    } catch (e) {
      const first = (e.stderr?.toString() ?? '').split('\n').find((l) => /error/.test(l)) ?? e.message;
      throw new Error(`${basename(src)} does not compile for rv32imc: ${first.trim()}`);
    }
    return o;
  });
  const core = sizes(objs);
  try {
    requireCore();
  } catch (e) {
    if (!(e instanceof Skip) || /^firmware core not written/.test(e.message)) cross += '; INCOMPLETE: the core has no ew_core_boot yet, numbers will grow';
  }
  const probe = join(work, 'probe.c');
  writeFileSync(probe, '#include "espwifi_core.h"\new_core_t ew_bench_core_state;\n');
  execFileSync(GCC, [...FLAGS, ...inc, '-c', probe, '-o', `${probe}.o`], { stdio: 'pipe' });
  const state = sizes([`${probe}.o`]).bss;
  const script = join(ROOT, 'firmware', 'tools', 'core-size.sh');
  if (existsSync(script) && !quick) {
    const r = spawnSync('sh', [script, '--total'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const t = /text=(\d+) data=(\d+) bss=(\d+)/.exec(r.stdout ?? '');
    cross = t ? `; firmware/tools/core-size.sh (the core's own script): text ${t[1]} B, data ${t[2]} B, bss ${t[3]} B`
      : `; firmware/tools/core-size.sh failed (exit ${r.status}): ${(r.stderr || '').trim().split('\n')[0]?.slice(0, 120)}`;
  }
  const note = `text ${core.text} B; ${srcs.length} files (${srcs.map((f) => basename(f)).join(', ')}); object sizes before linking (no --gc-sections), so an upper bound${cross}`;
  return [
    row({ metric: 'core text (rv32imc -Os)', value: core.text / 1024, unit: 'KiB', goal: { on: 'value', op: '<=', limit: 24, unit: 'KiB' }, note }),
    row({ metric: 'core static RAM (data+bss+ew_core_t)', value: (core.data + core.bss + state) / 1024, unit: 'KiB', goal: { on: 'value', op: '<=', limit: 8, unit: 'KiB' },
      note: `data ${core.data} B, bss ${core.bss} B, sizeof(ew_core_t) ${state} B` }),
  ];
}

function adapterRows(work, quick) {
  if (quick) throw new Skip('not in --quick (idf-check extracts ESP-IDF components, ~1 min)');
  if (!process.env.IDF_PATH) throw new Skip('IDF_PATH not set (an ESP-IDF tree, or a git dir with IDF_REF=v5.5.5)');
  if (!existsSync(IDF_CHECK)) throw new Skip(`${IDF_CHECK} not found`);
  // The adapter alone: the same firmware tree with the core's .c files left out (headers kept).
  const fw = join(work, 'firmware');
  cpSync(join(ROOT, 'firmware'), fw, {
    recursive: true,
    filter: (src) => !/\/firmware\/(sim|test|fuzz|build)(\/|$)/.test(src) && !(src.startsWith(CORE) && src.endsWith('.c')),
  });
  const r = spawnSync(IDF_CHECK, [fw], { encoding: 'utf8', timeout: 300_000 });
  const m = /compiled (\d+) files for esp32c3: text=(\d+) data=(\d+) bss=(\d+)/.exec(r.stdout ?? '');
  if (!m) throw new Skip(`idf-check gave no size (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(0, 3).join(' / ').slice(0, 200)}`);
  const files = readdirSync(join(ROOT, 'firmware', 'components')).filter((d) => d !== 'espwifi_core');
  return [row({
    metric: 'ESP-IDF adapter text (idf-check)',
    value: Number(m[2]) / 1024,
    unit: 'KiB',
    note: `${m[1]} files (firmware/main + components ${files.join(', ')}), data ${m[3]} B, bss ${m[4]} B; ESP-IDF ${process.env.IDF_REF ?? 'tree'}; idf-check exit ${r.status}`,
  })];
}

export async function run({ quick }) {
  const work = mkdtempSync(join(tmpdir(), 'espwifi-bench-size-'));
  try {
    const rows = [];
    // The two halves are independent: a core that does not compile yet must not hide the adapter.
    for (const [label, part] of [['core footprint', () => coreRows(work, quick)], ['ESP-IDF adapter footprint', () => adapterRows(work, quick)]]) {
      try {
        rows.push(...part());
      } catch (e) {
        rows.push(e instanceof Skip ? skipped(label, e.message) : failed(label, e));
      }
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
