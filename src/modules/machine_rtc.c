/* machine_rtc.c: machine.RTC, the board's calendar clock, on the virtual
 * clock; time.time(), time_ns() and localtime() read it (mod_time.c), as on
 * the ports, where the RTC is the time base of the time module.
 *
 * The RTC is kept as "Unix nanoseconds `base` at virtual time `t0`": it runs
 * at exactly the rate of the virtual clock, and setting it moves only base
 * and t0.  Its date at power-on is the port's (deterministic; --rtc
 * YYYY-MM-DDTHH:MM:SS sets another):
 *   - rp2: 2021-01-01 00:00:00, which the firmware writes at every boot, so
 *     a hard reset (watchdog, machine.reset) goes back to it; a soft reset
 *     keeps the time (MicroPython issue #13506);
 *   - esp32: 2000-01-01 00:00:00 (the RTC counts from the 2000 Epoch at
 *     power-on), kept across every reset and deep sleep;
 *   - stm32: 2015-01-01 00:00:00 (what RTC.deinit() and a fresh RTC start at:
 *     machine.RTC docs), kept across resets (the backup domain).
 * datetime() is the 8-tuple (year, month, day, weekday, hours, minutes,
 * seconds, subseconds) (machine.RTC docs).  Per port:
 *   - rp2: weekday 0..6 (Monday 0, as time.localtime), subseconds always 0;
 *     setting checks every field and raises OSError(EINVAL) for one out of
 *     range (weekday 7 included: MicroPython PR #6928); no init();
 *   - esp32: weekday computed (Monday 0; the given one is ignored),
 *     subseconds are microseconds and are set too; init(datetime) is
 *     datetime(datetime); memory([bytes]) keeps up to 2048 bytes across
 *     resets and deep sleep ("buffer too long" beyond);
 *   - stm32 (pyb.RTC): weekday 1..7 (Monday 1), subseconds count down from
 *     255 to 0 within the second (1/256 s steps of the 32768 Hz LSE); init()
 *     takes no argument and only (re)starts the clock.
 * Dates out of range are normalised on esp32 and stm32 (the ports convert
 * through seconds): ASSUMPTION.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

enum { P_RP2, P_ESP32, P_STM32 };

#define MEM_MAX 2048

static struct {
    bool set_by_cli;
    int64_t cli_start; /* Unix seconds of --rtc */
    bool ready;
    int64_t base_ns; /* Unix ns at virtual t0 */
    bd_time_t t0;
    uint8_t mem[MEM_MAX];
    size_t mem_len;
} rtc;

static py_type_t rtc_type;
static py_val_t rtc_singleton = PY_NULL;

static int port_id(void) {
    const char *p = mod_board_def()->port;
    return !strcmp(p, "rp2") ? P_RP2 : !strcmp(p, "esp32") ? P_ESP32 : P_STM32;
}

/* The power-on date of the port, Unix seconds. */
static int64_t boot_date(void) {
    if (rtc.set_by_cli) return rtc.cli_start;
    switch (port_id()) {
    case P_RP2: return 1609459200;  /* 2021-01-01 */
    case P_ESP32: return 946684800; /* 2000-01-01 */
    default: return 1420070400;     /* 2015-01-01 */
    }
}

/* The RTC counts from power-on: virtual time 0. */
static void ensure(void) {
    if (rtc.ready) return;
    rtc.base_ns = boot_date() * 1000000000;
    rtc.t0 = 0;
    rtc.ready = true;
}

bool mod_rtc_set_start(const char *iso) {
    int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
    size_t len = strlen(iso);
    if (sscanf(iso, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return false;
    if ((size_t)n != len) {
        int n2 = 0;
        if ((iso[n] != 'T' && iso[n] != ' ') || sscanf(iso + n + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &n2) != 3 ||
            (size_t)(n + 1 + n2) != len)
            return false;
    }
    if (y < 1970 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || h < 0 ||
        mi < 0 || s < 0)
        return false;
    struct tm tm = {0};
    tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s;
    time_t t = timegm(&tm);
    struct tm back;
    if (!gmtime_r(&t, &back) || back.tm_mday != d) return false; /* 2023-02-30 */
    rtc.cli_start = (int64_t)t;
    rtc.set_by_cli = true;
    return true;
}

int64_t mod_rtc_unix_ns(void) {
    ensure();
    bd_time_t now = mod_board_now();
    return rtc.base_ns + (int64_t)(now - rtc.t0);
}

static void set_unix_ns(int64_t ns) {
    ensure();
    rtc.t0 = mod_board_now();
    rtc.base_ns = ns;
}

static void on_reset(bool hard) {
    /* the rp2 firmware writes its boot date into the RTC at every boot */
    if (hard && port_id() == P_RP2) {
        rtc.base_ns = boot_date() * 1000000000;
        rtc.t0 = mod_board()->sched.now;
        rtc.ready = true;
    }
}

/* ------------------------------------------------------------ datetime */

static py_val_t get_datetime(void) {
    int64_t ns = mod_rtc_unix_ns();
    int64_t secs = ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
    int64_t frac = ns - secs * 1000000000;
    time_t t = (time_t)secs;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) py_raise_msg(&py_type_OverflowError, "RTC out of range");
    int p = port_id();
    int wd = (tm.tm_wday + 6) % 7; /* Monday 0 */
    int64_t sub = 0;
    if (p == P_ESP32) sub = frac / 1000;
    if (p == P_STM32) wd += 1, sub = 255 - frac * 256 / 1000000000;
    py_val_t r = py_tuple_new(8);
    py_val_t *it = py_as_tuple(r)->items;
    it[0] = py_small((int64_t)tm.tm_year + 1900);
    it[1] = py_small(tm.tm_mon + 1);
    it[2] = py_small(tm.tm_mday);
    it[3] = py_small(wd);
    it[4] = py_small(tm.tm_hour);
    it[5] = py_small(tm.tm_min);
    it[6] = py_small(tm.tm_sec);
    it[7] = py_small(sub);
    return r;
}

static void set_datetime(py_val_t tup) {
    size_t n;
    py_val_t *items;
    if (!py_seq_items(tup, &n, &items)) py_raise_msg(&py_type_TypeError, "object isn't a tuple or list");
    if (n != 8) py_raise_msg(&py_type_ValueError, "requested length 8 but object has length %d", (int)n);
    int64_t f[8];
    for (int i = 0; i < 8; i++) f[i] = py_to_i64(items[i]);
    int p = port_id();
    if (p == P_RP2) {
        /* the hardware refuses a field out of range */
        if (f[0] < 0 || f[0] > 4095 || f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] < 0 || f[3] > 6 ||
            f[4] < 0 || f[4] > 23 || f[5] < 0 || f[5] > 59 || f[6] < 0 || f[6] > 59)
            py_raise(py_exc_new_args(&py_type_OSError, 1, (py_val_t[]){py_small(EINVAL)}));
    }
    for (int i = 0; i < 8; i++)
        if (f[i] < -1000000000 || f[i] > 1000000000) py_raise_msg(&py_type_OverflowError, "overflow converting long int to machine word");
    struct tm tm = {0};
    tm.tm_year = (int)f[0] - 1900, tm.tm_mon = (int)f[1] - 1, tm.tm_mday = (int)f[2];
    tm.tm_hour = (int)f[4], tm.tm_min = (int)f[5], tm.tm_sec = (int)f[6];
    int64_t secs = (int64_t)timegm(&tm);
    int64_t sub_ns = p == P_ESP32 ? f[7] * 1000 : 0;
    set_unix_ns(secs * 1000000000 + sub_ns);
}

/* ------------------------------------------------------------ methods */

static py_val_t rtc_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc > 0 && !(py_is_int(argv[0]) && py_to_i64(argv[0]) == 0))
        py_raise_msg(&py_type_ValueError, "RTC doesn't exist");
    ensure();
    if (py_is_null(rtc_singleton)) {
        rtc_singleton = py_obj(py_gc_alloc(&rtc_type, sizeof(py_obj_t)));
        py_gc_add_root(&rtc_singleton);
    }
    return rtc_singleton;
}

static py_val_t m_datetime(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) return get_datetime();
    set_datetime(argv[1]);
    return PY_NONE;
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    if (port_id() == P_STM32) {
        if (argc > 1) py_raise_msg(&py_type_TypeError, "function takes 1 positional arguments but %d were given", argc);
        return PY_NONE; /* (re)starts the clock: it runs already */
    }
    if (argc != 2) py_raise_msg(&py_type_TypeError, "function takes 2 positional arguments but %d were given", argc);
    set_datetime(argv[1]);
    return PY_NONE;
}

static py_val_t m_memory(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) return py_bytes_new(rtc.mem, rtc.mem_len);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 0);
    if (b.len > MEM_MAX) py_raise_msg(&py_type_ValueError, "buffer too long");
    memcpy(rtc.mem, b.data, b.len);
    rtc.mem_len = b.len;
    return PY_NONE;
}

static void rtc_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<RTC>"); }
static void rtc_trace(py_obj_t *o) {}

static const py_method_def_t methods_rp2[] = {
    {"datetime", m_datetime, 1, 2, 0},
    PY_MF_END,
};
static const py_method_def_t methods_esp32[] = {
    {"datetime", m_datetime, 1, 2, 0},
    {"init", m_init, 1, -1, 0},
    {"memory", m_memory, 1, 2, 0},
    PY_MF_END,
};
static const py_method_def_t methods_stm32[] = {
    {"datetime", m_datetime, 1, 2, 0},
    {"init", m_init, 1, -1, 0},
    PY_MF_END,
};

static py_type_t rtc_type = {
    .h = {&py_type_type},
    .name = "RTC",
    .base = &py_type_object,
    .instance_size = sizeof(py_obj_t),
    .make_new = rtc_make_new,
    .print = rtc_print,
    .trace = rtc_trace,
};

void mod_machine_rtc_init(py_val_t m) {
    int p = port_id();
    rtc_type.methods = p == P_RP2 ? methods_rp2 : p == P_ESP32 ? methods_esp32 : methods_stm32;
    py_type_init_builtin(&rtc_type);
    py_module_add(m, "RTC", py_obj(&rtc_type));
    mod_reset_on_reset(on_reset);
}
