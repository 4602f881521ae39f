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
    test_vectors(argc > 1 ? argv[1] : "../../protocol/vectors/vectors.tsv");
    printf("core: %d passed, %d failed\n", t_pass, t_fail);
    return t_fail ? 1 : 0;
}
