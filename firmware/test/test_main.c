#include <stdlib.h>
#include "harness.h"

int t_pass, t_fail;

int main(int argc, char **argv)
{
    test_codec();
    test_line();
    test_args();
    test_rules();
    test_softap();
    test_improv();
    const char *vectors = argc > 1 ? argv[1] : "../../protocol/vectors/vectors.tsv";
    test_vectors(vectors);
    test_events_gen(vectors);
    test_replies_gen(vectors);
    printf("core: %d passed, %d failed\n", t_pass, t_fail);
    return t_fail ? 1 : 0;
}
