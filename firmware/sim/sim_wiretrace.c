/*
 * Wire trace for benchmarks: when each event frame was handed to the UART and when its last
 * byte (the LF) went into the pty. Off unless ESPWIFI_SIM_WIRE_TRACE names a directory; then the
 * board appends one line per event frame to DIR/<pty name with '/' as '-'>.trace:
 *
 *     <seq> <queued_ns> <written_ns>
 *
 * CLOCK_MONOTONIC nanoseconds, the clock Node's process.hrtime() reads, so a host process can
 * tell its own delay (written -> its event) from the line's (queued -> written: the ESP_LOG lines
 * ahead of the frame at the baud rate). written_ns is read just before the write(2) that carries
 * the LF, so a board preempted after writing cannot make the host look faster than it is; it is
 * 0 when the bytes never reached a reader
 * (no host attached, or a reset discarded the queue). One write(2) per record: no buffer to lose
 * when the board is killed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "sim.h"

#define MARKS 256

typedef struct {
    uint64_t end;      /* stream offset just past the frame's LF */
    uint64_t queued_ns;
    uint32_t seq;
} mark_t;

static int g_fd = -1;
static mark_t g_marks[MARKS];
static unsigned g_head, g_len;

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void wiretrace_open(const char *pty_path)
{
    const char *dir = getenv("ESPWIFI_SIM_WIRE_TRACE");
    if (!dir || !*dir) return;
    char name[128];
    snprintf(name, sizeof name, "%s", pty_path + (strncmp(pty_path, "/dev/", 5) == 0 ? 5 : 0));
    for (char *p = name; *p; p++)
        if (*p == '/') *p = '-';
    char path[768];
    snprintf(path, sizeof path, "%s/%s.trace", dir, name);
    g_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
}

void wiretrace_close(void)
{
    if (g_fd >= 0) close(g_fd);
    g_fd = -1;
}

void wiretrace_queued(const void *data, size_t len, uint64_t end)
{
    const char *s = data;
    if (g_fd < 0 || len < 3 || s[0] != '~' || s[1] != 'e' || g_len == MARKS) return;
    mark_t *m = &g_marks[(g_head + g_len) % MARKS];
    m->end = end;
    m->queued_ns = mono_ns();
    m->seq = (uint32_t)strtoul(s + 2, NULL, 10);
    g_len++;
}

uint64_t wiretrace_stamp(void) { return g_fd >= 0 && g_len ? mono_ns() : 0; }

void wiretrace_sent(uint64_t out, uint64_t written_ns)
{
    if (g_fd < 0 || !g_len) return;
    while (g_len && g_marks[g_head].end <= out) {
        const mark_t *m = &g_marks[g_head];
        char line[80];
        int n = snprintf(line, sizeof line, "%u %llu %llu\n", (unsigned)m->seq, (unsigned long long)m->queued_ns,
                         (unsigned long long)written_ns);
        if (write(g_fd, line, (size_t)n) < 0) { /* a lost record only shortens the trace */ }
        g_head = (g_head + 1) % MARKS;
        g_len--;
    }
}
