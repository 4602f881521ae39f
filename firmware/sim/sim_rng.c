/* The virtual board's one stream of random choices (RSSI jitter, panic dump values, noise,
 * corrupted bytes): splitmix64, so the same --seed and the same inputs give the same run. */
#include "sim.h"

static uint64_t g_rng = 0x9e3779b97f4a7c15ull;

void rng_seed(uint64_t seed) { g_rng = seed * 0x2545f4914f6cdd1dull + 1; }

uint32_t rng_next(void)
{
    uint64_t z = (g_rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

int rng_range(int lo, int hi) { return lo + (int)(rng_next() % (uint32_t)(hi - lo + 1)); }
