/*
 * LD_PRELOAD stand-in for a USB adapter that has modem lines but no break support, as Linux's
 * cdc_acm presents a WCH CH343/CH347 (acm_tty_break_ctl returns EOPNOTSUPP when the device does
 * not announce break capability). Applies only to the tty named by NOBREAK_TTY:
 *   TIOCSBRK / TIOCCBRK  -> -1, errno EOPNOTSUPP (what the driver answers)
 *   TIOCMGET / TIOCMSET  -> the DTR/RTS bits kept in the file NOBREAK_STATE (shared with child
 *                           processes, which inherit LD_PRELOAD); each TIOCMSET also appends
 *                           "dtr rts" to NOBREAK_LOG, so a test can read what reached the "wire".
 * Every other ioctl, and every other descriptor, goes to the real ioctl.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

typedef int (*ioctl_fn)(int, unsigned long, ...);

static int is_target(int fd) {
  const char *want = getenv("NOBREAK_TTY");
  char link[64], path[256];
  if (!want) return 0;
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n < 0) return 0;
  path[n] = 0;
  return strcmp(path, want) == 0;
}

static int load_bits(void) {
  int bits = 0;
  FILE *f = fopen(getenv("NOBREAK_STATE"), "r");
  if (f) {
    if (fscanf(f, "%d", &bits) != 1) bits = 0;
    fclose(f);
  }
  return bits;
}

static void store_bits(int bits) {
  FILE *f = fopen(getenv("NOBREAK_STATE"), "w");
  if (f) {
    fprintf(f, "%d\n", bits);
    fclose(f);
  }
  f = fopen(getenv("NOBREAK_LOG"), "a");
  if (f) {
    fprintf(f, "%d %d\n", !!(bits & TIOCM_DTR), !!(bits & TIOCM_RTS));
    fclose(f);
  }
}

int ioctl(int fd, unsigned long request, ...) {
  va_list ap;
  va_start(ap, request);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  if (is_target(fd)) {
    if (request == TIOCSBRK || request == TIOCCBRK) {
      errno = EOPNOTSUPP;
      return -1;
    }
    if (request == TIOCMGET) {
      *(int *)arg = load_bits();
      return 0;
    }
    if (request == TIOCMSET) {
      store_bits(*(int *)arg);
      return 0;
    }
  }
  ioctl_fn real = (ioctl_fn)dlsym(RTLD_NEXT, "ioctl");
  return real(fd, request, arg);
}
