/* A deliberately tiny test harness: count checks, print failures with their location. */
#pragma once
#include <stdio.h>
#include <string.h>

extern int t_pass, t_fail;

#define CHECK(cond, ...) do { \
    if (cond) t_pass++; \
    else { t_fail++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

#define CHECK_STR(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    CHECK(g_ && strcmp(g_, w_) == 0, "got '%s', want '%s'", g_ ? g_ : "(null)", w_); \
} while (0)

#define CHECK_PREFIX(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    CHECK(g_ && strncmp(g_, w_, strlen(w_)) == 0, "got '%s', want prefix '%s'", g_ ? g_ : "(null)", w_); \
} while (0)

void test_codec(void);
void test_line(void);
void test_args(void);
void test_rules(void);
void test_softap(void);
void test_improv(void);
void test_vectors(const char *path);
void test_events_gen(const char *vectors_path);
void test_replies_gen(const char *vectors_path);
