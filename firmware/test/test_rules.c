#include "harness.h"
void test_rules(void) {}
