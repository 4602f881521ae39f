/*
 * ESP-IDF <-> protocol enum mapping. ESP-IDF renumbers several of these enums between releases
 * (auth modes 11..17, bandwidth names, PHY bit positions, protocol bits), so every mapping goes
 * through the enum *names* of the ESP-IDF being compiled against, never through raw numbers.
 * Values this ESP-IDF cannot express map to the protocol's "unknown", or are refused on the way in.
 */
#include <string.h>
#include "ew_idf_priv.h"

ew_auth_t ew_idf_auth_from(wifi_auth_mode_t m)
{
    switch (m) {
    case WIFI_AUTH_OPEN: return EW_AUTH_OPEN;
    case WIFI_AUTH_WEP: return EW_AUTH_WEP;
    case WIFI_AUTH_WPA_PSK: return EW_AUTH_WPA;
    case WIFI_AUTH_WPA2_PSK: return EW_AUTH_WPA2;
    case WIFI_AUTH_WPA_WPA2_PSK: return EW_AUTH_WPA_WPA2;
    case WIFI_AUTH_WPA2_ENTERPRISE: return EW_AUTH_WPA2_ENT;
    case WIFI_AUTH_WPA3_PSK: return EW_AUTH_WPA3;
    case WIFI_AUTH_WPA2_WPA3_PSK: return EW_AUTH_WPA2_WPA3;
    case WIFI_AUTH_WAPI_PSK: return EW_AUTH_WAPI;
    case WIFI_AUTH_OWE: return EW_AUTH_OWE;
#if EW_IDF_HAS_WPA3_ENT_192
    case WIFI_AUTH_WPA3_ENT_192: return EW_AUTH_WPA3_ENT192;
#endif
#if EW_IDF_HAS_WPA3_EXT_PSK
    case WIFI_AUTH_WPA3_EXT_PSK: return EW_AUTH_WPA3_EXT;
    case WIFI_AUTH_WPA3_EXT_PSK_MIXED_MODE: return EW_AUTH_WPA3_EXT_MIXED;
#endif
#if EW_IDF_HAS_AUTH_DPP
    case WIFI_AUTH_DPP: return EW_AUTH_DPP;
#endif
#if EW_IDF_HAS_WPA3_ENTERPRISE
    case WIFI_AUTH_WPA3_ENTERPRISE: return EW_AUTH_WPA3_ENT;
    case WIFI_AUTH_WPA2_WPA3_ENTERPRISE: return EW_AUTH_WPA2_WPA3_ENT;
#endif
#if EW_IDF_HAS_WPA_ENTERPRISE
    case WIFI_AUTH_WPA_ENTERPRISE: return EW_AUTH_WPA_ENT;
#endif
    /* v6's placeholders (and modes a newer ESP-IDF adds) travel as "unknown". */
    default: return EW_AUTH_UNKNOWN;
    }
}

bool ew_idf_auth_to(ew_auth_t a, wifi_auth_mode_t *out)
{
    switch (a) {
    case EW_AUTH_OPEN: *out = WIFI_AUTH_OPEN; return true;
    case EW_AUTH_WEP: *out = WIFI_AUTH_WEP; return true;
    case EW_AUTH_WPA: *out = WIFI_AUTH_WPA_PSK; return true;
    case EW_AUTH_WPA2: *out = WIFI_AUTH_WPA2_PSK; return true;
    case EW_AUTH_WPA_WPA2: *out = WIFI_AUTH_WPA_WPA2_PSK; return true;
    case EW_AUTH_WPA2_ENT: *out = WIFI_AUTH_WPA2_ENTERPRISE; return true;
    case EW_AUTH_WPA3: *out = WIFI_AUTH_WPA3_PSK; return true;
    case EW_AUTH_WPA2_WPA3: *out = WIFI_AUTH_WPA2_WPA3_PSK; return true;
    case EW_AUTH_WAPI: *out = WIFI_AUTH_WAPI_PSK; return true;
    case EW_AUTH_OWE: *out = WIFI_AUTH_OWE; return true;
#if EW_IDF_HAS_WPA3_ENT_192
    case EW_AUTH_WPA3_ENT192: *out = WIFI_AUTH_WPA3_ENT_192; return true;
#endif
#if EW_IDF_HAS_WPA3_EXT_PSK
    case EW_AUTH_WPA3_EXT: *out = WIFI_AUTH_WPA3_EXT_PSK; return true;
    case EW_AUTH_WPA3_EXT_MIXED: *out = WIFI_AUTH_WPA3_EXT_PSK_MIXED_MODE; return true;
#elif EW_IDF_AT_LEAST(6, 0, 0)
    /* v6 retired the EXT_PSK modes; ESP-IDF documented them as behaving exactly like WPA3_PSK. */
    case EW_AUTH_WPA3_EXT:
    case EW_AUTH_WPA3_EXT_MIXED: *out = WIFI_AUTH_WPA3_PSK; return true;
#endif
#if EW_IDF_HAS_AUTH_DPP
    case EW_AUTH_DPP: *out = WIFI_AUTH_DPP; return true;
#endif
#if EW_IDF_HAS_WPA3_ENTERPRISE
    case EW_AUTH_WPA3_ENT: *out = WIFI_AUTH_WPA3_ENTERPRISE; return true;
    case EW_AUTH_WPA2_WPA3_ENT: *out = WIFI_AUTH_WPA2_WPA3_ENTERPRISE; return true;
#endif
#if EW_IDF_HAS_WPA_ENTERPRISE
    case EW_AUTH_WPA_ENT: *out = WIFI_AUTH_WPA_ENTERPRISE; return true;
#endif
    default: return false;
    }
}

ew_cipher_t ew_idf_cipher_from(wifi_cipher_type_t c)
{
    switch (c) {
    case WIFI_CIPHER_TYPE_NONE: return EW_CIPHER_NONE;
    case WIFI_CIPHER_TYPE_WEP40: return EW_CIPHER_WEP40;
    case WIFI_CIPHER_TYPE_WEP104: return EW_CIPHER_WEP104;
    case WIFI_CIPHER_TYPE_TKIP: return EW_CIPHER_TKIP;
    case WIFI_CIPHER_TYPE_CCMP: return EW_CIPHER_CCMP;
    case WIFI_CIPHER_TYPE_TKIP_CCMP: return EW_CIPHER_TKIP_CCMP;
    case WIFI_CIPHER_TYPE_AES_CMAC128: return EW_CIPHER_AES_CMAC128;
    case WIFI_CIPHER_TYPE_SMS4: return EW_CIPHER_SMS4;
    case WIFI_CIPHER_TYPE_GCMP: return EW_CIPHER_GCMP;
    case WIFI_CIPHER_TYPE_GCMP256: return EW_CIPHER_GCMP256;
    case WIFI_CIPHER_TYPE_AES_GMAC128: return EW_CIPHER_AES_GMAC128;
    case WIFI_CIPHER_TYPE_AES_GMAC256: return EW_CIPHER_AES_GMAC256;
    default: return EW_CIPHER_UNKNOWN;
    }
}

ew_second_t ew_idf_second_from(wifi_second_chan_t s)
{
    switch (s) {
    case WIFI_SECOND_CHAN_ABOVE: return EW_SECOND_ABOVE;
    case WIFI_SECOND_CHAN_BELOW: return EW_SECOND_BELOW;
    default: return EW_SECOND_NONE;
    }
}

/* Before v5.3 an AP record carries no bandwidth: a secondary channel is what makes it HT40. */
ew_bw_t ew_idf_bw_from_second(wifi_second_chan_t s)
{
    return s == WIFI_SECOND_CHAN_NONE ? EW_BW_HT20 : EW_BW_HT40;
}

#if EW_IDF_HAS_5G_PHY_BITS
static ew_bw_t bw_from(wifi_bandwidth_t bw, wifi_second_chan_t s)
{
    switch (bw) {
    case WIFI_BW20: return EW_BW_HT20;
    case WIFI_BW40: return EW_BW_HT40;
    case WIFI_BW80: return EW_BW_BW80;
    case WIFI_BW160: return EW_BW_BW160;
    case WIFI_BW80_BW80: return EW_BW_BW80_80;
    default: return ew_idf_bw_from_second(s); /* 0 = driver did not fill it in */
    }
}
#endif

bool ew_idf_bw_to(ew_bw_t bw, wifi_bandwidth_t *out)
{
    switch (bw) {
#if EW_IDF_HAS_BW_NAMES_V53
    case EW_BW_HT20: *out = WIFI_BW20; return true;
    case EW_BW_HT40: *out = WIFI_BW40; return true;
    case EW_BW_BW80: *out = WIFI_BW80; return true;
    case EW_BW_BW160: *out = WIFI_BW160; return true;
    case EW_BW_BW80_80: *out = WIFI_BW80_BW80; return true;
#else
    case EW_BW_HT20: *out = WIFI_BW_HT20; return true;
    case EW_BW_HT40: *out = WIFI_BW_HT40; return true;
#endif
    default: return false;
    }
}

bool ew_idf_proto_to(ew_proto_flags_t p, uint8_t *out)
{
    uint8_t bits = 0;
    if (p & EW_PROTO_B) bits |= WIFI_PROTOCOL_11B;
    if (p & EW_PROTO_G) bits |= WIFI_PROTOCOL_11G;
    if (p & EW_PROTO_N) bits |= WIFI_PROTOCOL_11N;
    if (p & EW_PROTO_L) bits |= WIFI_PROTOCOL_LR;
#ifdef WIFI_PROTOCOL_11A
    if (p & EW_PROTO_A) bits |= WIFI_PROTOCOL_11A;
#else
    if (p & EW_PROTO_A) return false;
#endif
#ifdef WIFI_PROTOCOL_11AC
    if (p & EW_PROTO_C) bits |= WIFI_PROTOCOL_11AC;
#else
    if (p & EW_PROTO_C) return false;
#endif
#ifdef WIFI_PROTOCOL_11AX
    if (p & EW_PROTO_X) bits |= WIFI_PROTOCOL_11AX;
#else
    if (p & EW_PROTO_X) return false;
#endif
    *out = bits;
    return true;
}

bool ew_idf_mode_to(ew_mode_t m, wifi_mode_t *out)
{
    switch (m) {
    case EW_MODE_NULL: *out = WIFI_MODE_NULL; return true;
    case EW_MODE_STA: *out = WIFI_MODE_STA; return true;
    case EW_MODE_AP: *out = WIFI_MODE_AP; return true;
    case EW_MODE_APSTA: *out = WIFI_MODE_APSTA; return true;
    default: return false;
    }
}

bool ew_idf_mode_from(wifi_mode_t m, ew_mode_t *out)
{
    switch (m) {
    case WIFI_MODE_NULL: *out = EW_MODE_NULL; return true;
    case WIFI_MODE_STA: *out = EW_MODE_STA; return true;
    case WIFI_MODE_AP: *out = EW_MODE_AP; return true;
    case WIFI_MODE_APSTA: *out = EW_MODE_APSTA; return true;
    default: return false; /* WIFI_MODE_NAN (v5.1+) has no protocol name */
    }
}

bool ew_idf_ps_to(ew_ps_t ps, wifi_ps_type_t *out)
{
    switch (ps) {
    case EW_PS_NONE: *out = WIFI_PS_NONE; return true;
    case EW_PS_MIN: *out = WIFI_PS_MIN_MODEM; return true;
    case EW_PS_MAX: *out = WIFI_PS_MAX_MODEM; return true;
    default: return false;
    }
}

ew_reset_reason_t ew_idf_reset_reason_from(esp_reset_reason_t r)
{
    switch (r) {
    case ESP_RST_POWERON: return EW_RESET_REASON_POWERON;
    case ESP_RST_EXT: return EW_RESET_REASON_EXT;
    case ESP_RST_SW: return EW_RESET_REASON_SW;
    case ESP_RST_PANIC: return EW_RESET_REASON_PANIC;
    case ESP_RST_INT_WDT: return EW_RESET_REASON_INT_WDT;
    case ESP_RST_TASK_WDT: return EW_RESET_REASON_TASK_WDT;
    case ESP_RST_WDT: return EW_RESET_REASON_WDT;
    case ESP_RST_DEEPSLEEP: return EW_RESET_REASON_DEEPSLEEP;
    case ESP_RST_BROWNOUT: return EW_RESET_REASON_BROWNOUT;
    case ESP_RST_SDIO: return EW_RESET_REASON_SDIO;
#if EW_IDF_HAS_RST_USB_JTAG
    case ESP_RST_USB: return EW_RESET_REASON_USB;
    case ESP_RST_JTAG: return EW_RESET_REASON_JTAG;
#endif
#if EW_IDF_HAS_RST_EFUSE_ETC
    case ESP_RST_EFUSE: return EW_RESET_REASON_EFUSE;
    case ESP_RST_PWR_GLITCH: return EW_RESET_REASON_PWR_GLITCH;
    case ESP_RST_CPU_LOCKUP: return EW_RESET_REASON_CPU_LOCKUP;
#endif
    default: return EW_RESET_REASON_UNKNOWN;
    }
}

static ew_phy_flags_t phy_from(const wifi_ap_record_t *in)
{
    ew_phy_flags_t f = 0;
    if (in->phy_11b) f |= EW_PHY_B;
    if (in->phy_11g) f |= EW_PHY_G;
    if (in->phy_11n) f |= EW_PHY_N;
    if (in->phy_lr) f |= EW_PHY_L;
#if EW_IDF_HAS_5G_PHY_BITS
    if (in->phy_11a) f |= EW_PHY_A;
    if (in->phy_11ac) f |= EW_PHY_C;
#endif
#if EW_IDF_HAS_11AX_PHY_BIT
    if (in->phy_11ax) f |= EW_PHY_X;
#endif
    if (in->wps) f |= EW_PHY_W;
    if (in->ftm_responder) f |= EW_PHY_F;
    return f;
}

/* The AP's country code: two letters, or "" when the AP sends none (or garbage). */
static void cc_from(const wifi_country_t *c, char out[3])
{
    bool letters = c->cc[0] >= 'A' && c->cc[0] <= 'Z' && c->cc[1] >= 'A' && c->cc[1] <= 'Z';
    out[0] = letters ? c->cc[0] : '\0';
    out[1] = letters ? c->cc[1] : '\0';
    out[2] = '\0';
}

void ew_idf_ap_record_from(const wifi_ap_record_t *in, ew_ap_record_t *out)
{
    memset(out, 0, sizeof(*out));
    /* ssid[33] is NUL-terminated by the driver; an SSID cannot contain NUL in esp_wifi's records. */
    size_t n = strnlen((const char *)in->ssid, EW_SSID_MAX);
    memcpy(out->ssid, in->ssid, n);
    out->ssid_len = (uint8_t)n;
    memcpy(out->bssid, in->bssid, sizeof(out->bssid));
    out->primary = in->primary;
    out->second = ew_idf_second_from(in->second);
    out->rssi = in->rssi;
    out->auth = ew_idf_auth_from(in->authmode);
    out->pairwise = ew_idf_cipher_from(in->pairwise_cipher);
    out->group = ew_idf_cipher_from(in->group_cipher);
    out->phy = phy_from(in);
#if EW_IDF_HAS_5G_PHY_BITS
    out->bw = bw_from(in->bandwidth, in->second);
#else
    out->bw = ew_idf_bw_from_second(in->second);
#endif
    cc_from(&in->country, out->cc);
}
