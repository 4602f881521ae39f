/* CRC-16/CCITT-FALSE for the frame trailer. Bitwise rather than a 512-byte table: lines are at
 * most 1 KiB at UART speed, so flash matters more than cycles here. */
#include "ew_codec.h"

uint16_t ew_crc16_update(uint16_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len--) {
        crc ^= (uint16_t)(*p++ << 8);
        for (int i = 0; i < 8; i++)
            crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}

uint16_t ew_crc16(const void *data, size_t len)
{
    return ew_crc16_update(0xffff, data, len);
}
