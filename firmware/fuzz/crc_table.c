/* The fuzz build's CRC-16/CCITT-FALSE: the core's ew_crc.c is bitwise to save flash, which made
 * the CRC of every frame the core writes (and the harness re-checks) about a quarter of an
 * execution. This slicing-by-8 table version (eight bytes per step: one ASan-checked 8-byte load
 * instead of eight byte loads) gives the same values, checked against a bitwise reference at
 * start-up for every length up to 64 and every start offset, and leaves the fuzzer's time to the
 * parser and dispatcher. Unit tests (firmware/test) keep testing ew_crc.c itself. */
#include <stdlib.h>
#include <string.h>
#include "ew_codec.h"

/* table[k][b]: the CRC (from 0) of byte b followed by k zero bytes */
static uint16_t table[8][256];

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
    static const uint8_t zeros[8];
    for (unsigned b = 0; b < 256; b++)
        for (unsigned k = 0; k < 8; k++) table[k][b] = bitwise(bitwise(0, (const uint8_t[]){ (uint8_t)b }, 1), zeros, k);
    static const uint8_t check[] = "123456789";
    if (ew_crc16(check, 9) != 0x29b1) abort();
    uint8_t buf[72];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i * 151u + 7u);
    for (size_t off = 0; off < 8; off++)
        for (size_t len = 0; len + off <= 64; len++)
            if (ew_crc16(buf + off, len) != bitwise(0xffff, buf + off, len)) abort();
}

uint16_t ew_crc16_update(uint16_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (; len >= 8; p += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);   /* little-endian host: byte i is bits 8i..8i+7 */
        crc = (uint16_t)(table[7][((crc >> 8) ^ w) & 0xff] ^ table[6][((crc & 0xff) ^ (w >> 8)) & 0xff] ^
                         table[5][(w >> 16) & 0xff] ^ table[4][(w >> 24) & 0xff] ^
                         table[3][(w >> 32) & 0xff] ^ table[2][(w >> 40) & 0xff] ^
                         table[1][(w >> 48) & 0xff] ^ table[0][w >> 56]);
    }
    while (len--) crc = (uint16_t)((crc << 8) ^ table[0][(uint8_t)((crc >> 8) ^ *p++)]);
    return crc;
}

uint16_t ew_crc16(const void *data, size_t len) { return ew_crc16_update(0xffff, data, len); }
