/* make-fifo PATH: creates a named pipe, for tests that give the CLI a FIFO as its port (the
 * coreutils mkfifo is not among the tools the README promises; a C compiler is). */
#include <stdio.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make-fifo PATH\n");
        return 2;
    }
    if (mkfifo(argv[1], 0600) != 0) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}
