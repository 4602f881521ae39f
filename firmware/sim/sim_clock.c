/*
 * Virtual clock: virtual ms advance `speed` times faster than wall ms. All radio behaviour is
 * expressed as timers on this clock, so a speed-up scales every dwell time and timeout alike and
 * nothing in the driver ever looks at the wall clock.
 */
#define _GNU_SOURCE
#include <string.h>
#include <time.h>
#include "sim.h"

typedef struct {
    int id;                 /* 0 = free slot */
    uint64_t due;
    uint64_t order;         /* FIFO among timers due at the same virtual ms */
    sim_timer_fn fn;
    void *arg;
    const char *kind;
} slot_t;

static slot_t g_timers[SIM_MAX_TIMERS];
static int g_next_id = 1;
static uint64_t g_order;
static double g_speed = 1.0;
static double g_v_anchor;   /* virtual ms at g_w_anchor */
static double g_w_anchor;
static double g_v_last;     /* virtual time never goes backwards */
/* While a timer callback runs, "now" is the timer's due time, so every virtual timestamp the
 * driver derives is exact and a run is replayable whatever the host machine's load. */
static bool g_in_timer;
static uint64_t g_timer_now;

uint64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)(ts.tv_nsec / 1000000);
}

static double wall_ms_f(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void clock_init(double speed)
{
    g_speed = speed > 0 ? speed : 1.0;
    g_w_anchor = wall_ms_f();
    g_v_anchor = 0;
    g_v_last = 0;
}

static double vnow_f(void)
{
    double v = g_v_anchor + (wall_ms_f() - g_w_anchor) * g_speed;
    if (v < g_v_last) v = g_v_last;
    g_v_last = v;
    return v;
}

uint64_t vnow(void) { return g_in_timer ? g_timer_now : (uint64_t)vnow_f(); }

void clock_set_speed(double speed)
{
    if (speed <= 0) return;
    g_v_anchor = vnow_f();
    g_w_anchor = wall_ms_f();
    g_speed = speed;
}

double clock_speed(void) { return g_speed; }

void clock_advance(uint64_t ms)
{
    g_v_anchor = vnow_f() + (double)ms;
    g_w_anchor = wall_ms_f();
    g_v_last = g_v_anchor;
}

sim_timer_t timer_at(uint64_t due, sim_timer_fn fn, void *arg, const char *kind)
{
    for (int i = 0; i < SIM_MAX_TIMERS; i++) {
        if (g_timers[i].id == 0) {
            if (g_next_id <= 0) g_next_id = 1;
            g_timers[i] = (slot_t){ .id = g_next_id++, .due = due, .order = g_order++, .fn = fn, .arg = arg, .kind = kind };
            return g_timers[i].id;
        }
    }
    return 0; /* table full: the caller's timer is lost; SIM_MAX_TIMERS is far above real use */
}

sim_timer_t timer_in(uint64_t delay, sim_timer_fn fn, void *arg, const char *kind)
{
    return timer_at(vnow() + delay, fn, arg, kind);
}

void timer_cancel(sim_timer_t *t)
{
    if (!t || !*t) return;
    for (int i = 0; i < SIM_MAX_TIMERS; i++)
        if (g_timers[i].id == *t) g_timers[i].id = 0;
    *t = 0;
}

void timer_cancel_kind(const char *kind)
{
    size_t n = strlen(kind);
    for (int i = 0; i < SIM_MAX_TIMERS; i++)
        if (g_timers[i].id && g_timers[i].kind && strncmp(g_timers[i].kind, kind, n) == 0) g_timers[i].id = 0;
}

static slot_t *earliest(void)
{
    slot_t *best = NULL;
    for (int i = 0; i < SIM_MAX_TIMERS; i++) {
        slot_t *s = &g_timers[i];
        if (!s->id) continue;
        if (!best || s->due < best->due || (s->due == best->due && s->order < best->order)) best = s;
    }
    return best;
}

int timer_wait_ms(void)
{
    slot_t *s = earliest();
    if (!s) return -1;
    double v = vnow_f();
    if ((double)s->due <= v) return 0;
    double w = ((double)s->due - v) / g_speed;
    if (w > 60000) return 60000;
    return (int)w + 1;
}

void timers_run_due(void)
{
    /* bounded: a timer re-arming itself at "now" must not starve the poll loop */
    for (int guard = 0; guard < 4 * SIM_MAX_TIMERS; guard++) {
        slot_t *s = earliest();
        if (!s || (double)s->due > vnow_f()) return;
        sim_timer_fn fn = s->fn;
        void *arg = s->arg;
        s->id = 0;
        g_in_timer = true;
        g_timer_now = s->due;
        fn(arg);
        g_in_timer = false;
    }
}
