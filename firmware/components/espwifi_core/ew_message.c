/* The one encoder of every event, reply and partial: walks the message's rows of the generated
 * tables (ew_messages_gen.c) over the struct the caller filled and writes each field with the
 * frame builder. One interpreter and a few bytes of table per field cost far less flash than a
 * generated function per message; the typed ew_ev_* / ew_reply_* / ew_partial_* wrappers
 * (ew_events_gen.h, ew_replies_gen.h) keep the callers' type checks. */
#include <string.h>
#include "ew_messages_gen.h"

void ew_msg_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t num, ew_msg_id_t msg, const void *v)
{
    const ew_msg_desc_t *m = &ew_msgs[msg];
    const char *base = v;
    ew_fb_begin(fb, buf, cap, "erp"[m->kind], num, ew_pool + m->verb);
    for (const ew_msg_use_t *u = &ew_msg_uses[m->first], *end = u + m->n; u < end; u++) {
        const ew_field_desc_t *f = &ew_msg_fields[u->field & ~EW_MSG_OPTIONAL];
        const char *key = f->key == EW_NO_KEY ? NULL : ew_pool + f->key;
        const char *p = base + u->off;
        if ((u->field & EW_MSG_OPTIONAL) && !*(const bool *)(p + EW_MSG_MEMBER_SIZE(f->kind))) continue;
        switch (f->kind) {
        case EW_FK_TEXT: {
            const char *t = *(const char *const *)p;
            if (!t) t = "";
            ew_fb_bytes(fb, key, (const uint8_t *)t, strlen(t));
            break;
        }
        case EW_FK_BYTES:   /* the length member follows the pointer (asserted by the tables) */
            ew_fb_bytes(fb, key, *(const uint8_t *const *)p, *(const size_t *)(p + sizeof(const uint8_t *)));
            break;
        case EW_FK_UINT: {
            uint32_t x = *(const uint32_t *)p, max = ew_msg_uint_max[f->aux];
            ew_fb_uint(fb, key, x > max ? max : x);
            break;
        }
        case EW_FK_INT: {
            int32_t x = *(const int32_t *)p;
            const int32_t *r = ew_msg_int_range[f->aux];
            ew_fb_int(fb, key, x < r[0] ? r[0] : x > r[1] ? r[1] : x);
            break;
        }
        case EW_FK_BOOL: ew_fb_bool(fb, key, *(const bool *)p); break;
        case EW_FK_MAC: ew_fb_mac(fb, key, *(const uint8_t *const *)p); break;
        case EW_FK_IP4: ew_fb_ip4(fb, key, *(const uint8_t *const *)p); break;
        case EW_FK_HEX: ew_fb_shex(fb, key, *(const int32_t *)p); break;
        case EW_FK_ENUM: {
            const ew_msg_enum_t *e = &ew_msg_enums[f->aux];
            unsigned x = *(const unsigned *)p;
            ew_fb_raw(fb, key, e->names[x < e->count ? x : e->fallback]);
            break;
        }
        case EW_FK_FLAGS: ew_fb_flags(fb, key, *(const uint32_t *)p, ew_msg_letters[f->aux]); break;
        default: break;
        }
    }
}
