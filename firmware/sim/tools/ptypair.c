/*
 * espwifi-ptypair: two connected pseudo-terminals, for tests that play a serial peer.
 *
 * Prints one line "<path-a> <path-b>\n" on stdout, then relays bytes between the two ptys until
 * it is told to stop. What a test sees is what a null-modem cable between two serial ports gives:
 *   - raw, binary-safe both ways (cfmakeraw on both ends; no echo, no CR/LF translation);
 *   - either end may be closed and opened again (this process keeps a slave fd of each end open,
 *     so the pty never hangs up and bytes written meanwhile wait in the tty queue, as on a UART);
 *   - modem-line ioctls (TIOCMSET) are refused as on any pty; termios baud changes work in place;
 *   - "unplug": when this process exits, both masters close and every reader of either end gets
 *     a hang-up (EIO), as when a USB adapter is pulled.
 * It exits on SIGTERM/SIGINT, when stdin reaches EOF (the parent's pipe closed: the parent died)
 * and, on Linux, through PR_SET_PDEATHSIG as well.
 *
 * Written by hand because the tests must not depend on socat being installed (the README promises
 * only Node.js, a C compiler and make); this is the one thing of socat's the tests use.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#if defined(__linux__)
#include <pty.h>
#include <sys/prctl.h>
#else
#include <util.h>
#endif

#define RELAY_BUF 4096

typedef struct {
    int master;
    int held_slave; /* kept open so the pty never hangs up while a test reopens its end */
    char path[128];
} pty_end_t;

typedef struct {
    char buf[RELAY_BUF];
    size_t len;
    size_t off;
} relay_t;

static volatile sig_atomic_t s_stop;

static void on_signal(int sig)
{
    (void)sig;
    s_stop = 1;
}

static int open_end(pty_end_t *end)
{
    struct termios tio;
    if (openpty(&end->master, &end->held_slave, end->path, NULL, NULL) != 0) {
        return -1;
    }
    if (tcgetattr(end->held_slave, &tio) == 0) {
        cfmakeraw(&tio);
        tio.c_cc[VMIN] = 1;
        tio.c_cc[VTIME] = 0;
        tcsetattr(end->held_slave, TCSANOW, &tio);
    }
    fcntl(end->master, F_SETFL, fcntl(end->master, F_GETFL) | O_NONBLOCK);
    fcntl(end->master, F_SETFD, FD_CLOEXEC);
    fcntl(end->held_slave, F_SETFD, FD_CLOEXEC);
    return 0;
}

/* Moves bytes src -> relay -> dst. Returns -1 when a master failed in a way no reopen can fix. */
static int pump(int src, int dst, relay_t *r, short src_events, short dst_events)
{
    if (r->len == 0 && (src_events & POLLIN)) {
        ssize_t n = read(src, r->buf, sizeof r->buf);
        if (n > 0) {
            r->len = (size_t)n;
            r->off = 0;
        } else if (n < 0 && errno != EAGAIN && errno != EINTR && errno != EIO) {
            return -1;
        }
    }
    if (r->len > 0 && (dst_events & POLLOUT || r->off == 0)) {
        ssize_t n = write(dst, r->buf + r->off, r->len);
        if (n > 0) {
            r->off += (size_t)n;
            r->len -= (size_t)n;
        } else if (n < 0 && errno != EAGAIN && errno != EINTR && errno != EIO) {
            return -1;
        }
        if (r->len == 0) {
            r->off = 0;
        }
    }
    return 0;
}

int main(void)
{
    pty_end_t a = {0}, b = {0};
    relay_t a_to_b = {0}, b_to_a = {0};
    struct sigaction sa;

#if defined(__linux__)
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (open_end(&a) != 0 || open_end(&b) != 0) {
        fprintf(stderr, "espwifi-ptypair: openpty failed: %s\n", strerror(errno));
        return 1;
    }
    printf("%s %s\n", a.path, b.path);
    fflush(stdout);

    while (!s_stop) {
        struct pollfd fds[3] = {
            {.fd = a.master, .events = a_to_b.len ? 0 : POLLIN},
            {.fd = b.master, .events = b_to_a.len ? 0 : POLLIN},
            {.fd = STDIN_FILENO, .events = POLLIN},
        };
        if (a_to_b.len) {
            fds[1].events |= POLLOUT;
        }
        if (b_to_a.len) {
            fds[0].events |= POLLOUT;
        }
        int n = poll(fds, 3, 200);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
            char scratch[64];
            ssize_t got = read(STDIN_FILENO, scratch, sizeof scratch);
            if (got <= 0) {
                break; /* the parent is gone */
            }
        }
        if (pump(a.master, b.master, &a_to_b, fds[0].revents, fds[1].revents) < 0 ||
            pump(b.master, a.master, &b_to_a, fds[1].revents, fds[0].revents) < 0) {
            fprintf(stderr, "espwifi-ptypair: relay failed: %s\n", strerror(errno));
            break;
        }
    }
    close(a.master);
    close(b.master);
    close(a.held_slave);
    close(b.held_slave);
    return 0;
}
