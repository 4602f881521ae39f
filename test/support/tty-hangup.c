/*
 * A pseudo-terminal that can be hung up the way the kernel hangs up a USB serial tty when its
 * adapter is unplugged (tty_vhangup: every open file of the tty then reads end-of-file and its
 * ioctls fail with EIO). Plain ptys never show that to the slave's reader while the master lives
 * (closing the master gives EIO instead), which is why pty tests could not see bindings-cpp's
 * endless retry of 0-byte reads.
 *
 * Prints the slave's path and "ready"; then, per line on stdin: "hangup" issues TIOCVHANGUP on
 * the slave (needs CAP_SYS_ADMIN; prints "hung-up" or "error <strerror>"). Exits on EOF.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) || unlockpt(master)) {
    perror("posix_openpt");
    return 1;
  }
  const char *name = ptsname(master);
  int slave = open(name, O_RDWR | O_NOCTTY);
  if (slave < 0) {
    perror("open slave");
    return 1;
  }
  printf("%s\nready\n", name);
  fflush(stdout);
  char line[64];
  while (fgets(line, sizeof line, stdin)) {
    if (strncmp(line, "hangup", 6) == 0) {
      if (ioctl(slave, TIOCVHANGUP) == -1) printf("error %s\n", strerror(errno));
      else printf("hung-up\n");
      fflush(stdout);
    }
  }
  return 0;
}
