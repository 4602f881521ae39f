// GENERATED from protocol/protocol.json by protocol/gen.mjs (protocol/gen/ts-errors.mjs) — do not edit.

/** Protocol error names (BAD_ARG, ALREADY_FETCHED, ...) and what each means. */
export const PROTOCOL_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  "BAD_CRC": "the frame's checksum did not match; the frame was dropped (sent as rx_error, never as a reply)",
  "LINE_TOO_LONG": "a line exceeded max_line bytes; it was dropped (rx_error)",
  "MALFORMED": "the line starts with the marker but is not a frame (rx_error, or a reply when the id was readable and the CRC matched)",
  "UNKNOWN_COMMAND": "no such command",
  "BAD_ARG": "an argument is unknown, repeated, out of range or badly encoded; arg= names it, why= says what is wrong",
  "MISSING_ARG": "a required argument is absent; arg= names it",
  "ALREADY_FETCHED": "ap_records was already called for this scan; the driver freed the records (the host answers from its cache)",
  "NO_SCAN": "ap_records or ap_num before any scan completed",
  "SCAN_IN_PROGRESS": "a scan is running; the firmware refuses a second one and refuses ap_records until SCAN_DONE",
  "BUSY": "a blocking operation is running"
});

/** esp_err_t names without ESP_ERR_ (WIFI_STATE, ...) and their numbers. */
export const ESP_ERRORS: Readonly<Record<string, number>> = Object.freeze({
  "FAIL": -1,
  "NO_MEM": 257,
  "INVALID_ARG": 258,
  "INVALID_STATE": 259,
  "INVALID_SIZE": 260,
  "NOT_FOUND": 261,
  "NOT_SUPPORTED": 262,
  "TIMEOUT": 263,
  "WIFI_NOT_INIT": 12289,
  "WIFI_NOT_STARTED": 12290,
  "WIFI_NOT_STOPPED": 12291,
  "WIFI_IF": 12292,
  "WIFI_MODE": 12293,
  "WIFI_STATE": 12294,
  "WIFI_CONN": 12295,
  "WIFI_NVS": 12296,
  "WIFI_MAC": 12297,
  "WIFI_SSID": 12298,
  "WIFI_PASSWORD": 12299,
  "WIFI_TIMEOUT": 12300,
  "WIFI_WAKE_FAIL": 12301,
  "WIFI_WOULD_BLOCK": 12302,
  "WIFI_NOT_CONNECT": 12303,
  "WIFI_POST": 12306,
  "WIFI_INIT_STATE": 12307,
  "WIFI_STOP_STATE": 12308,
  "WIFI_NOT_ASSOC": 12309,
  "WIFI_TX_DISALLOW": 12310,
  "ESP_NETIF_INVALID_PARAMS": 20481,
  "ESP_NETIF_IF_NOT_READY": 20482,
  "ESP_NETIF_DHCP_ALREADY_STARTED": 20484,
  "ESP_NETIF_DHCP_ALREADY_STOPPED": 20485,
  "ESP_NETIF_DHCP_NOT_STOPPED": 20487
});
