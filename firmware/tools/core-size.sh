#!/bin/sh
# Flash/RAM footprint of the portable core for an ESP32-C3-class target (rv32imc, -Os), measured
# on the object files: text (code + read-only data), data and bss, per file and in total.
# Needs Debian's gcc-riscv64-unknown-elf + picolibc-riscv64-unknown-elf.
#   firmware/tools/core-size.sh            per-file table and a total line
#   firmware/tools/core-size.sh --total    only "text=<n> data=<n> bss=<n>"
#   firmware/tools/core-size.sh --link     what a real link keeps: the objects linked with
#       --gc-sections behind the seven entry points the adapter calls (a stub main), against
#       picolibc and libgcc; prints the linked text and data, and every library
#       member pulled in
set -eu
here=$(cd "$(dirname "$0")" && pwd)
core="$here/../components/espwifi_core"
cc=${RISCV_CC:-riscv64-unknown-elf-gcc}
size=${RISCV_SIZE:-riscv64-unknown-elf-size}
command -v "$cc" >/dev/null || { echo "core-size: $cc not found (apt-get install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for src in "$core"/*.c; do
    "$cc" -march=rv32imc_zicsr -mabi=ilp32 --specs=picolibc.specs -Os -ffunction-sections -fdata-sections \
        -std=gnu17 -Wall -Wextra -Werror -I"$core/include" -c "$src" -o "$out/$(basename "$src" .c).o"
done
if [ "${1:-}" = "--link" ]; then
    cat > "$out/stub.c" <<'EOS'
#include "espwifi_core.h"
const ew_port_t *g_port; ew_core_t g_core; ew_event_t g_ev; volatile uint32_t g_sink;
int main(void)
{
    ew_core_init(&g_core, g_port); ew_core_boot(&g_core); ew_core_rx(&g_core, (const uint8_t *)"x", 1);
    ew_core_on_event(&g_core, &g_ev); ew_core_events_lost(&g_core, 1); g_sink = ew_core_wait_ms(&g_core);
    ew_core_poll(&g_core);
    return 0;
}
EOS
    "$cc" -march=rv32imc_zicsr -mabi=ilp32 --specs=picolibc.specs -Os -std=gnu17 -I"$core/include" -c "$out/stub.c" -o "$out/stub.o"
    # link with the multilib's plain arch name (picolibc has no _zicsr library directory)
    "$cc" -march=rv32imc -mabi=ilp32 --specs=picolibc.specs -nostartfiles -Wl,--gc-sections -Wl,-e,main \
        -Wl,-Map,"$out/core.map" -o "$out/core.elf" "$out"/*.o -lc -lgcc
    "$size" "$out/core.elf" | awk 'NR == 2 { printf "linked text=%d data=%d\n", $1, $2 }'
    sed -n '/^Archive member included/,/^Discarded/p' "$out/core.map" | grep -o '[a-z0-9_]*\.a([^)]*)' | sort -u | sed 's/^/  pulled in: /'
elif [ "${1:-}" = "--total" ]; then
    "$size" -t "$out"/*.o | awk 'END { printf "text=%d data=%d bss=%d\n", $1, $2, $3 }'
else
    "$size" -t "$out"/*.o | sed "s|$out/||"
fi
