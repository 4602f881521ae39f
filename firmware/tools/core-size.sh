#!/bin/sh
# Flash/RAM footprint of the portable core for an ESP32-C3-class target (rv32imc, -Os), measured
# on the object files: text (code + read-only data), data and bss, per file and in total.
# Needs Debian's gcc-riscv64-unknown-elf + picolibc-riscv64-unknown-elf.
#   firmware/tools/core-size.sh            per-file table and a total line
#   firmware/tools/core-size.sh --total    only "text=<n> data=<n> bss=<n>"
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
if [ "${1:-}" = "--total" ]; then
    "$size" -t "$out"/*.o | awk 'END { printf "text=%d data=%d bss=%d\n", $1, $2, $3 }'
else
    "$size" -t "$out"/*.o | sed "s|$out/||"
fi
