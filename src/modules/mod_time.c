/* mod_time.c: the time module, MicroPython's API on the board's virtual clock.
 *
 * The script always runs on a simulated board (board_runtime.h), so time is
 * the board's: sleeps advance the virtual clock (running board events and
 * soft IRQ handlers on the way; with --speed 1 they also take that long in
 * wall time, with --speed max they cost next to nothing), and the clocks
 * read it, including the CPU time the bytecode run so far has cost.
 * ticks_ms/ticks_us read the virtual clock, ticks_cpu counts CPU cycles at
 * the board's machine.freq(); all wrap modulo
 * TICKS_PERIOD (2**30, as on most MicroPython ports), so programs must
 * compare them with ticks_diff and advance them with ticks_add; both keep
 * MicroPython's rules: ticks_diff's result lies in [-PERIOD/2, PERIOD/2),
 * ticks_add refuses a delta outside (-PERIOD/2, PERIOD/2).  time()/time_ns()
 * read machine.RTC (machine_rtc.c: its power-on date is the port's, rp2
 * 2021-01-01 as the rp2 port sets its RTC at boot, MicroPython issue
 * #13506), which runs with the virtual clock, so RTC().datetime(...) moves
 * time() too; time() is an int as on the board ports.  The tick counters
 * count from the last boot (a board reset restarts them).  The Epoch is the port's
 * (MicroPython time docs: the RP2 and MIMXRT ports use 1970-01-01, "the
 * other embedded ports" 2000-01-01), so on esp32 and stm32 time(), time_ns(),
 * mktime() and the argument of gmtime()/localtime() count from 2000 and
 * gmtime(0) is 2000-01-01.  TICKS_PERIOD 2**30: MicroPython small ints
 * (esp32 issues #6026 and #16602 show the 0x3FFFFFFF mask).  Dates are
 * 8-tuples (year, month, mday, hour, minute, second, weekday 0=Monday,
 * yearday 1..366); a board has no time zone, so localtime equals gmtime and
 * mktime is its inverse. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

#define TICKS_PERIOD ((int64_t)1 << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

/* Sleeps ns nanoseconds of virtual time. */
static void sleep_ns(int64_t ns) {
    bd_time_t now = mod_board_now();
    if (ns < 0) ns = 0;
    bd_time_t t = (uint64_t)ns > BD_TIME_NEVER - 1 - now ? BD_TIME_NEVER - 1 : now + (bd_time_t)ns;
    mod_board_sleep_until(t);
}

/* The tick counters' time: since the firmware booted (a board reset
 * restarts them, machine_reset.h). */
static uint64_t clock_ns(void) {
    mod_board_clock_read();
    return mod_board_now() - mod_reset_boot_time();
}

static py_val_t t_sleep(int argc, const py_val_t *argv, py_val_t kw) {
    double s = py_to_double(argv[0]);
    if (isnan(s)) py_raise_msg(&py_type_ValueError, "Invalid value NaN (not a number)");
    if (s < 0) py_raise_msg(&py_type_ValueError, "sleep length must be non-negative");
    if (s > 1e9) s = 1e9;
    sleep_ns((int64_t)(s * 1e9 + 0.5));
    return PY_NONE;
}

static py_val_t t_sleep_ms(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t ms = py_to_i64(argv[0]);
    if (ms > 0) sleep_ns(ms > INT64_MAX / 1000000 ? INT64_MAX : ms * 1000000);
    return PY_NONE;
}

static py_val_t t_sleep_us(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t us = py_to_i64(argv[0]);
    if (us > 0) sleep_ns(us > INT64_MAX / 1000 ? INT64_MAX : us * 1000);
    return PY_NONE;
}

static py_val_t t_ticks_ms(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)(clock_ns() / 1000000u) & TICKS_MASK);
}
static py_val_t t_ticks_us(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)(clock_ns() / 1000u) & TICKS_MASK);
}
static py_val_t t_ticks_cpu(int argc, const py_val_t *argv, py_val_t kw) {
    /* cycles at the board's clock: ns * hz / 1e9, without overflow */
    uint64_t ns = clock_ns(), hz = mod_board_def()->cpu_hz;
    uint64_t cyc = (ns / 1000000000u) * hz + (ns % 1000000000u) * hz / 1000000000u;
    return py_small((int64_t)(cyc & TICKS_MASK));
}

static py_val_t t_ticks_add(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t t = py_to_i64(argv[0]), d = py_to_i64(argv[1]);
    if (d <= -TICKS_HALF || d >= TICKS_HALF) py_raise_msg(&py_type_OverflowError, "ticks interval overflow");
    return py_small((int64_t)(((uint64_t)t + (uint64_t)d) & TICKS_MASK));
}

static py_val_t t_ticks_diff(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t a = py_to_i64(argv[0]), b = py_to_i64(argv[1]);
    int64_t d = (int64_t)(((uint64_t)a - (uint64_t)b + TICKS_HALF) & TICKS_MASK) - TICKS_HALF;
    return py_small(d);
}

/* Seconds from 1970-01-01 to the port's Epoch: 0 on rp2, 2000-01-01 on the
 * esp32 and stm32 ports. */
static int64_t epoch_offset(void) { return strcmp(mod_board_def()->port, "rp2") ? 946684800 : 0; }

/* The RTC in Unix seconds. */
static int64_t rtc_seconds(void) {
    mod_board_clock_read();
    int64_t ns = mod_rtc_unix_ns(); /* machine.RTC (machine_rtc.c) */
    return ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
}

static py_val_t t_time(int argc, const py_val_t *argv, py_val_t kw) { return py_small(rtc_seconds() - epoch_offset()); }

static py_val_t t_time_ns(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_clock_read();
    return py_int_from_i64(mod_rtc_unix_ns() - epoch_offset() * 1000000000);
}

/* The seconds argument of gmtime/localtime (port Epoch), as Unix seconds:
 * now when absent or None. */
static time_t secs_arg(int argc, const py_val_t *argv) {
    if (argc < 1 || py_is_none(argv[0])) return (time_t)rtc_seconds();
    if (py_is_float(argv[0])) {
        double d = py_to_double(argv[0]);
        if (!isfinite(d) || fabs(d) > 1e17) py_raise_msg(&py_type_OverflowError, "timestamp out of range for platform time_t");
        return (time_t)floor(d) + (time_t)epoch_offset();
    }
    int64_t v = py_to_i64(argv[0]);
    if (v > INT64_MAX - epoch_offset()) py_raise_msg(&py_type_OverflowError, "timestamp out of range for platform time_t");
    return (time_t)(v + epoch_offset());
}

static py_val_t tm_tuple(const struct tm *tm) {
    py_val_t t = py_tuple_new(8);
    py_val_t *it = py_as_tuple(t)->items;
    it[0] = py_small((int64_t)tm->tm_year + 1900);
    it[1] = py_small(tm->tm_mon + 1);
    it[2] = py_small(tm->tm_mday);
    it[3] = py_small(tm->tm_hour);
    it[4] = py_small(tm->tm_min);
    it[5] = py_small(tm->tm_sec);
    it[6] = py_small((tm->tm_wday + 6) % 7);
    it[7] = py_small(tm->tm_yday + 1);
    return t;
}

static py_val_t t_gmtime(int argc, const py_val_t *argv, py_val_t kw) {
    time_t s = secs_arg(argc, argv);
    struct tm tm;
    if (!gmtime_r(&s, &tm)) py_raise_msg(&py_type_OverflowError, "timestamp out of range for platform time_t");
    return tm_tuple(&tm);
}

static py_val_t t_localtime(int argc, const py_val_t *argv, py_val_t kw) {
    time_t s = secs_arg(argc, argv);
    struct tm tm;
    if (!gmtime_r(&s, &tm)) py_raise_msg(&py_type_OverflowError, "timestamp out of range for platform time_t");
    return tm_tuple(&tm);
}

static int tm_field(py_val_t v) {
    int64_t i = py_to_i64(v);
    if (i < -1000000000 || i > 1000000000) py_raise_msg(&py_type_OverflowError, "mktime argument out of range");
    return (int)i;
}

/* mktime(tuple): the inverse of localtime (UTC); fields out of range are
 * normalised (month 14 is February of the next year). */
static py_val_t t_mktime(int argc, const py_val_t *argv, py_val_t kw) {
    size_t n;
    py_val_t *items;
    if (!py_seq_items(argv[0], &n, &items) || (n != 8 && n != 9))
        py_raise_msg(&py_type_TypeError, "mktime needs a tuple of length 8 or 9");
    struct tm tm = {0};
    tm.tm_year = tm_field(items[0]) - 1900;
    tm.tm_mon = tm_field(items[1]) - 1;
    tm.tm_mday = tm_field(items[2]);
    tm.tm_hour = tm_field(items[3]);
    tm.tm_min = tm_field(items[4]);
    tm.tm_sec = tm_field(items[5]);
    tm.tm_isdst = -1;
    time_t t = timegm(&tm);
    return py_int_from_i64((int64_t)t - epoch_offset());
}

static const py_method_def_t time_functions[] = {
    {"sleep", t_sleep, 1, 1, 0},
    {"sleep_ms", t_sleep_ms, 1, 1, 0},
    {"sleep_us", t_sleep_us, 1, 1, 0},
    {"ticks_ms", t_ticks_ms, 0, 0, 0},
    {"ticks_us", t_ticks_us, 0, 0, 0},
    {"ticks_cpu", t_ticks_cpu, 0, 0, 0},
    {"ticks_add", t_ticks_add, 2, 2, 0},
    {"ticks_diff", t_ticks_diff, 2, 2, 0},
    {"time", t_time, 0, 0, 0},
    {"time_ns", t_time_ns, 0, 0, 0},
    {"gmtime", t_gmtime, 0, 1, 0},
    {"localtime", t_localtime, 0, 1, 0},
    {"mktime", t_mktime, 1, 1, 0},
    PY_MF_END,
};

const py_module_def_t py_module_time = {"time", time_functions, NULL};
