/*
 * Raw echo peer for the round-trip baseline: owns a pseudo-terminal master, as the virtual board
 * does, and writes back every byte it reads. No protocol, no parsing: what remains of a round
 * trip through it is the pty, the serialport binding and the Node event loop.
 * Prints the slave path on stdout; exits on stdin EOF or when the parent dies.
 * Hand-written: nothing on npm or in Debian is a pty echo peer with a known, minimal cost
 * (socat + cat adds a second process and pipe hop).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) || unlockpt(m)) { perror("echo-peer: pty"); return 1; }
    const char *name = ptsname(m);
    /* Keep a slave fd open (raw, no echo) so hosts can open and close the port freely. */
    int s = open(name, O_RDWR | O_NOCTTY);
    if (s < 0) { perror("echo-peer: open slave"); return 1; }
    struct termios t;
    tcgetattr(s, &t);
    cfmakeraw(&t);
    tcsetattr(s, TCSANOW, &t);
    printf("%s\n", name);
    fflush(stdout);
    struct pollfd p[2] = { { .fd = m, .events = POLLIN }, { .fd = 0, .events = POLLIN } };
    char buf[4096];
    for (;;) {
        if (poll(p, 2, -1) < 0) continue;
        if (p[1].revents) {
            ssize_t n = read(0, buf, sizeof buf);
            if (n <= 0) return 0;
        }
        if (p[0].revents & POLLIN) {
            ssize_t n = read(m, buf, sizeof buf);
            if (n > 0) {
                for (ssize_t off = 0; off < n;) {
                    ssize_t w = write(m, buf + off, (size_t)(n - off));
                    if (w <= 0) break;
                    off += w;
                }
            }
        }
    }
}
