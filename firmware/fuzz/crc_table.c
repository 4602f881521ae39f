/* The fuzz build's CRC-16/CCITT-FALSE: the core's ew_crc.c is bitwise to save flash, which made
 * the CRC of every frame the core writes (and the harness re-checks) about a quarter of an
 * execution. This table version gives the same values (checked against a bitwise reference at
 * start-up) and leaves the fuzzer's time to the parser and dispatcher. Unit tests
 * (firmware/test) keep testing ew_crc.c itself. */
#include <stdlib.h>
#include "ew_codec.h"

static uint16_t table[256];

static uint16_t bitwise(uint16_t crc, const uint8_t *p, size_t len)
{
    while (len--) {
        crc ^= (uint16_t)(*p++ << 8);
        for (int i = 0; i < 8; i++) crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}

__attribute__((constructor)) static void build_table(void)
{
    for (unsigned b = 0; b < 256; b++) table[b] = bitwise(0, (const uint8_t[]){ (uint8_t)b }, 1);
    static const uint8_t check[] = "123456789";
    if (ew_crc16(check, 9) != 0x29b1 || ew_crc16(check, 9) != bitwise(0xffff, check, 9)) abort();
}

uint16_t ew_crc16_update(uint16_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len--) crc = (uint16_t)((crc << 8) ^ table[(uint8_t)((crc >> 8) ^ *p++)]);
    return crc;
}

uint16_t ew_crc16(const void *data, size_t len) { return ew_crc16_update(0xffff, data, len); }
