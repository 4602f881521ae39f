/* The checker's own copy of the frame decoder, built without coverage instrumentation.
 *
 * check_outputs() decodes every line the core writes; through the instrumented decoder that was
 * a third of an execution spent in comparison hooks whose values steer nothing (the core's own
 * output is not fuzzer input). The same source is compiled here under other names (and is in
 * no-coverage.txt); ASan and UBSan still watch it. */
#define ew_frame_decode chk_frame_decode
#define ew_frame_encode chk_frame_encode
#define ew_frame_find chk_frame_find
#define ew_token_bytes chk_token_bytes
#define ew_token_is chk_token_is
#define ew_fb_begin chk_fb_begin
#define ew_fb_bool chk_fb_bool
#define ew_fb_bytes chk_fb_bytes
#define ew_fb_end chk_fb_end
#define ew_fb_flags chk_fb_flags
#define ew_fb_hex chk_fb_hex
#define ew_fb_int chk_fb_int
#define ew_fb_ip4 chk_fb_ip4
#define ew_fb_mac chk_fb_mac
#define ew_fb_raw chk_fb_raw
#define ew_fb_shex chk_fb_shex
#define ew_fb_uint chk_fb_uint
#define ew_escape chk_escape
#define ew_unescape chk_unescape
#include "../components/espwifi_core/ew_frame.c"
#define hexdig escape_hexdig /* both files have one */
#include "../components/espwifi_core/ew_escape.c"
