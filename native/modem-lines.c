/*
 * modem-lines DTR RTS — sets the DTR and RTS lines of the serial device open on file descriptor 3
 * (the Node process passes its open port there), each to 0 or 1, and sends no break.
 *
 * Why it exists: @serialport/bindings-cpp 13 issues a clear-break ioctl (TIOCCBRK) before every
 * TIOCMSET and gives up when it fails. Linux's cdc_acm driver refuses break requests with
 * EOPNOTSUPP for adapters that do not announce break support (WCH CH343/CH347, node-serialport
 * #2777, bindings-cpp PR #229, unmerged), so DTR/RTS never change and auto-reset fails. esptool
 * never sends a break. The binding ships as prebuilt binaries, so patching its C++ would need a
 * compiler on every user's machine and would edit another package's files; this helper is
 * espwifi's own, built at install, and used only when the binding's set() fails.
 *
 * Exit status: 0 done; 1 an ioctl failed (strerror on stderr, as "TIOCMSET: <reason>"); 2 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#define PORT_FD 3

static int parse_level(const char *s, int *out) {
  if (strcmp(s, "0") == 0) *out = 0;
  else if (strcmp(s, "1") == 0) *out = 1;
  else return -1;
  return 0;
}

int main(int argc, char **argv) {
  int dtr, rts, bits;
  if (argc != 3 || parse_level(argv[1], &dtr) || parse_level(argv[2], &rts)) {
    fprintf(stderr, "usage: modem-lines DTR RTS (each 0 or 1; the port is file descriptor 3)\n");
    return 2;
  }
  if (ioctl(PORT_FD, TIOCMGET, &bits) == -1) {
    fprintf(stderr, "TIOCMGET: %s\n", strerror(errno));
    return 1;
  }
  /* One TIOCMSET changes both lines at once, like the binding does: the auto-reset circuit must
   * never see an intermediate state. */
  bits = dtr ? (bits | TIOCM_DTR) : (bits & ~TIOCM_DTR);
  bits = rts ? (bits | TIOCM_RTS) : (bits & ~TIOCM_RTS);
  if (ioctl(PORT_FD, TIOCMSET, &bits) == -1) {
    fprintf(stderr, "TIOCMSET: %s\n", strerror(errno));
    return 1;
  }
  return 0;
}
