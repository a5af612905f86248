/* mod_bbusb.c: `_bbusb`, the private native layer under the frozen
 * micropython-lib-style packages usb.device, usb.device.hid,
 * usb.device.keyboard and usb.device.mouse (src/lib/usb/device/), over the
 * board's USB HID model (src/board/bd_usb_hid.h); and the sim module's
 * view of the USB host (sim.usb_*).  Not a MicroPython module: scripts use
 * usb.device, which on a real board sits on machine.USBDevice.
 *
 *   _bbusb.native()                    the port has machine.USBDevice (rp2,
 *                                      esp32-s3; not the stm32 boards)
 *   _bbusb.init(kinds, intervals, cdc, dispatcher)
 *                                      (re)attach with HID interfaces of
 *                                      these boot protocols and polling
 *                                      intervals (ms); dispatcher(itf) runs
 *                                      as a soft callback when an output
 *                                      report (LEDs) arrives for itf
 *   _bbusb.deinit()                    detach
 *   _bbusb.configured()                the host configured the device
 *   _bbusb.busy(itf)                   a report waits in itf's endpoint
 *   _bbusb.send(itf, data, timeout_ms) wait up to timeout_ms of virtual
 *                                      time for the endpoint, queue the
 *                                      report; False if not configured or
 *                                      still busy
 *   _bbusb.take(itf)                   the output report that arrived
 *                                      (bytes), or None
 *
 * Invariant: one model per run: the --parts file's usbhost part if there
 * is one (so the stimulus and sim.part see the same host), else a model of
 * our own, made on first use; the trace is attached then.
 */
#include <stdio.h>
#include <string.h>

#include "board/bd_part.h"
#include "board/bd_usb_hid.h"
#include "modules/board_runtime.h"
#include "modules/machine_bus.h"
#include "modules/mod_bbusb.h"

static bd_usb_hid_t own;
static bd_usb_hid_t *usb;
static py_val_t dispatcher = PY_NULL;
static uint8_t out_data[BD_USB_MAX_ITF];
static bool out_pending[BD_USB_MAX_ITF];

/* Called from inside the scheduler: record, and queue the Python side. */
static void on_out(void *ctx, bd_usb_hid_t *u, int itf, const uint8_t *data, size_t len, bd_time_t t) {
    if (itf < 0 || itf >= BD_USB_MAX_ITF || !len) return;
    out_data[itf] = data[0];
    out_pending[itf] = true;
    if (!py_is_null(dispatcher)) py_schedule(dispatcher, py_small(itf)); /* queue full: dropped, as IRQs */
}

static bd_usb_hid_t *model(void) {
    if (usb) return usb;
    bd_partset_t *ps = mod_board_parts();
    for (size_t i = 0; i < ps->n && !usb; i++) usb = bd_usbhost_model(ps->v[i]);
    if (!usb) {
        bd_usb_hid_init(&own, &mod_board()->sched);
        usb = &own;
    }
    bd_usb_hid_set_trace(usb, mod_board_trace());
    bd_usb_hid_set_out_callback(usb, on_out, NULL);
    static bool rooted;
    if (!rooted) {
        py_gc_add_root(&dispatcher);
        rooted = true;
    }
    return usb;
}

static int itf_arg(py_val_t v) {
    int64_t i = py_to_i64(v);
    bd_usb_hid_t *u = model();
    if (i < 0 || i >= u->nitf) py_raise_msg(&py_type_ValueError, "no USB interface %d", (int)i);
    return (int)i;
}

static py_val_t b_native(int argc, const py_val_t *argv, py_val_t kw) { return py_bool(mbus_port() != MBUS_STM32); }

static py_val_t b_init(int argc, const py_val_t *argv, py_val_t kw) {
    size_t nk, ni;
    py_val_t *kinds, *ivs;
    if (!py_seq_items(argv[0], &nk, &kinds) || !py_seq_items(argv[1], &ni, &ivs) || nk != ni)
        py_raise_msg(&py_type_TypeError, "init(kinds, intervals, cdc, dispatcher): two sequences of the same length");
    if (nk > BD_USB_MAX_ITF) py_raise_msg(&py_type_ValueError, "at most %d USB HID interfaces", BD_USB_MAX_ITF);
    int k[BD_USB_MAX_ITF], iv[BD_USB_MAX_ITF];
    for (size_t i = 0; i < nk; i++) {
        int64_t a = py_to_i64(kinds[i]), b = py_to_i64(ivs[i]);
        if (b < 1 || b > 255) py_raise_msg(&py_type_ValueError, "interval_ms must be 1..255");
        k[i] = (int)a, iv[i] = (int)b;
    }
    bool cdc = py_truthy(argv[2]);
    bd_usb_hid_t *u = model();
    mod_board_now();
    bd_usb_hid_detach(u);
    for (size_t i = 0; i < nk; i++) bd_usb_hid_add(u, k[i], (unsigned)iv[i]);
    memset(out_pending, 0, sizeof out_pending);
    dispatcher = argv[3];
    bd_usb_hid_attach(u, cdc);
    static bool noted;
    if (!cdc && !noted) {
        noted = true;
        fprintf(stderr, "breadboard: usb: builtin_driver=False: on the board the USB serial port (REPL, print "
                        "output) is gone until the next reset; here the output continues\n");
    }
    return PY_NONE;
}

static py_val_t b_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    bd_usb_hid_detach(model());
    return PY_NONE;
}

static py_val_t b_configured(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    return py_bool(bd_usb_hid_configured(model()));
}

static py_val_t b_busy(int argc, const py_val_t *argv, py_val_t kw) {
    int itf = itf_arg(argv[0]);
    mod_board_now();
    return py_bool(bd_usb_hid_busy(model(), itf));
}

static bool endpoint_free(void *ctx) { return !bd_usb_hid_busy(usb, *(int *)ctx); }

static py_val_t b_send(int argc, const py_val_t *argv, py_val_t kw) {
    int itf = itf_arg(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 0);
    if (b.len == 0 || b.len > BD_USB_REPORT_MAX)
        py_raise_msg(&py_type_ValueError, "a report is 1..%d bytes", BD_USB_REPORT_MAX);
    int64_t timeout = py_to_i64(argv[2]);
    if (timeout < 0) timeout = 0;
    if (timeout > 3600000) timeout = 3600000;
    uint8_t data[BD_USB_REPORT_MAX];
    memcpy(data, b.data, b.len); /* before any wait: the caller may reuse its buffer */
    bd_time_t t = mod_board_now();
    bd_usb_hid_t *u = model();
    if (!bd_usb_hid_configured(u)) return PY_FALSE;
    if (bd_usb_hid_busy(u, itf) && !mod_board_wait_for(t + BD_MS(timeout), endpoint_free, &itf)) return PY_FALSE;
    return py_bool(bd_usb_hid_send(u, itf, data, b.len) == BD_OK);
}

static py_val_t b_take(int argc, const py_val_t *argv, py_val_t kw) {
    int itf = itf_arg(argv[0]);
    if (!out_pending[itf]) return PY_NONE;
    out_pending[itf] = false;
    return py_bytes_new(&out_data[itf], 1);
}

static const py_method_def_t bbusb_functions[] = {
    {"native", b_native, 0, 0, 0},
    {"init", b_init, 4, 4, 0},
    {"deinit", b_deinit, 0, 0, 0},
    {"configured", b_configured, 0, 0, 0},
    {"busy", b_busy, 1, 1, 0},
    {"send", b_send, 3, 3, 0},
    {"take", b_take, 1, 1, 0},
    PY_MF_END,
};

const py_module_def_t py_module_bbusb = {"_bbusb", bbusb_functions, NULL};

/* ------------------------------------------------------------ sim side */

/* sim.usb_typed(): what the host's keyboards typed (US layout). */
py_val_t mod_sim_usb_typed(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    return py_str_from_cstr(bd_usb_hid_typed(model()));
}

/* sim.usb_reports(name=None): [(time_us, interface name, bytes)], oldest
 * first (at most BD_USB_LOG_MAX), only `name`'s ("kbd", "mouse") if given. */
py_val_t mod_sim_usb_reports(int argc, const py_val_t *argv, py_val_t kw) {
    const char *want = NULL;
    if (argc > 0 && !py_is_none(argv[0])) {
        if (!py_is_str(argv[0])) py_raise_msg(&py_type_TypeError, "name must be a str");
        want = py_str_data(argv[0]);
    }
    mod_board_now();
    bd_usb_hid_t *u = model();
    py_val_t l = py_list_new(0);
    for (size_t i = 0; i < u->log_len; i++) {
        const bd_usb_report_t *r = &u->log[i];
        const char *name = r->name;
        if (want && strcmp(want, name)) continue;
        py_val_t t = py_tuple_pack(3, py_int_from_u64(r->time / 1000u), py_str_from_cstr(name),
                                   py_bytes_new(r->data, r->len));
        py_list_append(l, t);
    }
    return l;
}

static void dset(py_val_t d, const char *k, py_val_t v) { py_dict_set(d, py_intern(k), v); }

/* sim.usb_host(): the host's state as a dict. */
py_val_t mod_sim_usb_host(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    bd_usb_hid_t *u = model();
    py_val_t d = py_dict_new();
    dset(d, "configured", py_bool(bd_usb_hid_configured(u)));
    dset(d, "leds", py_small(u->leds));
    py_val_t keys = py_list_new(0);
    uint8_t mods = 0;
    for (int i = 0; i < u->nitf; i++) {
        uint8_t k[6], m;
        int n = bd_usb_hid_keys(u, i, k, &m);
        mods |= m;
        for (int j = 0; j < n; j++) py_list_append(keys, py_small(k[j]));
    }
    dset(d, "keys", keys);
    dset(d, "modifiers", py_small(mods));
    dset(d, "x", py_int_from_i64(u->x));
    dset(d, "y", py_int_from_i64(u->y));
    dset(d, "wheel", py_int_from_i64(u->wheel));
    dset(d, "buttons", py_small(u->buttons));
    dset(d, "presses", py_tuple_pack(3, py_int_from_u64(u->presses[0]), py_int_from_u64(u->presses[1]),
                                     py_int_from_u64(u->presses[2])));
    dset(d, "reports", py_int_from_u64(u->reports));
    dset(d, "key_presses", py_int_from_u64(u->keys_pressed));
    py_val_t names = py_list_new(0);
    for (int i = 0; i < u->nitf; i++) py_list_append(names, py_str_from_cstr(u->itf[i].name));
    dset(d, "interfaces", names);
    return d;
}

/* sim.usb_leds(mask): the host's lock state (Num 1, Caps 2, Scroll 4):
 * configured keyboards get the output report one frame later. */
py_val_t mod_sim_usb_leds(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t m = py_to_i64(argv[0]);
    if (m < 0 || m > 31) py_raise_msg(&py_type_ValueError, "LED mask must be 0..31");
    mod_board_now();
    bd_usb_hid_set_leds(model(), (uint8_t)m);
    return PY_NONE;
}

/* sim.usb_clear(): forget the typed text, the report log and the counters. */
py_val_t mod_sim_usb_clear(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    bd_usb_hid_clear(model());
    return PY_NONE;
}

/* sim.usb_enum_delay(ms): the host's attach -> configured time, for the
 * next attach. */
py_val_t mod_sim_usb_enum_delay(int argc, const py_val_t *argv, py_val_t kw) {
    double ms = py_to_double(argv[0]);
    if (!(ms >= 0 && ms <= 60000)) py_raise_msg(&py_type_ValueError, "enumeration delay must be 0..60000 ms");
    bd_usb_hid_set_enum_delay(model(), (bd_time_t)(ms * 1e6 + 0.5));
    return PY_NONE;
}
