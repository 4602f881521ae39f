/*
 * Weak fallbacks so the virtual board links while the core (components/espwifi_core) is still
 * being written. The real core's definitions override these; with them in place the board
 * sends a log line saying the core is missing instead of a hello.
 */
#include <string.h>
#include "espwifi_core.h"

__attribute__((weak)) ew_err_t ew_core_init(ew_core_t *core, const ew_port_t *port)
{
    memset(core, 0, sizeof *core);
    core->port = port;
    return EW_OK;
}

__attribute__((weak)) void ew_core_boot(ew_core_t *core)
{
    static const char msg[] = "E (0) espwifi-sim: built without the espwifi core\n";
    core->port->write(core->port->ctx, msg, sizeof msg - 1);
}

__attribute__((weak)) void ew_core_rx(ew_core_t *core, const uint8_t *data, size_t len)
{
    (void)core; (void)data; (void)len;
}

__attribute__((weak)) void ew_core_on_event(ew_core_t *core, const ew_event_t *ev)
{
    (void)core; (void)ev;
}
