/* machine_i2c.c: machine.I2C (the port's hardware I2C) and machine.SoftI2C
 * on the simulated board, with MicroPython's extmod semantics:
 *
 *   I2C(id, freq=400000, *, scl, sda, timeout=50000)     (rp2 signature)
 *   SoftI2C(scl, sda, *, freq=400000, timeout=50000)
 *   scan readfrom readfrom_into writeto writevto readfrom_mem
 *   readfrom_mem_into writeto_mem; SoftI2C also init start stop readinto
 *   write (the primitives; hardware I2C raises "I2C operation not
 *   supported", as extmod does for a port without them).
 *
 * Errors: an address NACK is OSError(ENODEV) for SoftI2C, esp32 and stm32;
 * rp2's hardware I2C reports OSError(EIO) for any failure (the pico-sdk
 * gives only a generic error), including a NACKed data byte.  writeto
 * returns the number of ACKed bytes.  scan probes 0x08..0x77.
 *
 * The bus model is the one on the object's pads (machine_bus.c), so
 * devices added with sim.i2c_memory on I2C(0)'s pads answer a SoftI2C on
 * the same pads too.  Transfers take their bus time on the virtual clock
 * (bd_i2c); the trace shows start/addr/write/read/stop lines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/machine_bus.h"
#include "modules/machine_reset.h"

typedef struct {
    py_obj_t h;
    int id; /* -1: SoftI2C */
    uint32_t freq, timeout;
    int scl, sda;
    bd_i2c_t *bus;
    bool addr_next; /* primitives: the next write() byte is an address */
} i2c_obj_t;

static py_type_t i2c_type, softi2c_type;
/* one per hardware id: 0..4 (stm32 I2C1..I2C4) */
#define NHW 5
static py_val_t hw_objs[NHW];
static bool hw_ready; /* hw_objs set to None: machine imported (sim may come first) */
static bool rooted;

static void hw_mark(void) {
    for (int i = 0; i < NHW; i++) py_gc_mark(hw_objs[i]);
}

static i2c_obj_t *as_i2c(py_val_t v) {
    if (!py_is_obj(v) || (py_obj_type(v) != &i2c_type && py_obj_type(v) != &softi2c_type))
        py_raise_msg(&py_type_TypeError, "expecting an I2C object");
    return py_as_ptr(v);
}

static bool hw_id_ok(int id) {
    int port = mbus_port();
    if (port == MBUS_RP2 || port == MBUS_ESP32) return id == 0 || id == 1;
    return id >= 1 && id <= 4 && mbus_default_pad(BD_FN_I2C, id, BD_SIG_SCL) >= 0;
}

static void attach(i2c_obj_t *o) {
    char name[16];
    if (o->id >= 0) snprintf(name, sizeof name, "i2c%d", o->id);
    else snprintf(name, sizeof name, "softi2c");
    mod_board_now();
    o->bus = mbus_i2c_net(o->scl, o->sda, name);
}

/* Before each transfer: the bus runs at this object's frequency. */
static bd_i2c_t *bus_of(i2c_obj_t *o) {
    if (!o->bus) attach(o);
    mod_board_now();
    bd_i2c_set_freq(o->bus, o->freq);
    return o->bus;
}

static bool rp2_hw(i2c_obj_t *o) { return o->id >= 0 && mbus_port() == MBUS_RP2; }

static PY_NORETURN void raise_nack(i2c_obj_t *o) { mbus_raise_errno(rp2_hw(o) ? EIO : ENODEV); }

static uint32_t freq_arg(py_val_t v) {
    int64_t f = py_to_i64(v);
    if (f <= 0 || f > 5000000) py_raise_msg(&py_type_ValueError, "invalid freq");
    return (uint32_t)f;
}

static py_val_t i2c_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const kws[] = {"id", "freq", "scl", "sda", "timeout", NULL};
    mbus_check_kw(kwnames, kws);
    if (argc > 2) py_raise_msg(&py_type_TypeError, "function takes at most 2 positional arguments");
    int port = mbus_port();
    py_val_t idv = mbus_arg(argc, argv, kwnames, 0, "id", PY_NULL);
    if (py_is_null(idv)) {
        if (port == MBUS_STM32) py_raise_msg(&py_type_TypeError, "function missing required positional argument #1");
        idv = py_small(0); /* PICO_DEFAULT_I2C */
    }
    int64_t id64 = py_to_i64(idv);
    int id = id64 < 0 || id64 > 1000 ? -2 : (int)id64;
    if (!hw_id_ok(id)) py_raise_msg(&py_type_ValueError, "I2C(%d) doesn't exist", (int)id64);
    py_val_t freq = mbus_arg(argc, argv, kwnames, 1, "freq", PY_NULL);
    py_val_t scl = py_kwarg(argc, argv, kwnames, "scl", PY_NONE);
    py_val_t sda = py_kwarg(argc, argv, kwnames, "sda", PY_NONE);
    py_val_t timeout = py_kwarg(argc, argv, kwnames, "timeout", PY_NULL);
    if (!rooted) {
        py_gc_add_root_fn(hw_mark);
        rooted = true;
    }
    i2c_obj_t *o;
    bool fresh = py_is_null(hw_objs[id]) || py_is_none(hw_objs[id]);
    if (fresh) {
        o = py_gc_alloc(&i2c_type, sizeof(i2c_obj_t));
        memset((char *)o + sizeof(py_obj_t), 0, sizeof *o - sizeof(py_obj_t));
        o->id = id;
        o->scl = mbus_default_pad(BD_FN_I2C, id, BD_SIG_SCL);
        o->sda = mbus_default_pad(BD_FN_I2C, id, BD_SIG_SDA);
        o->freq = 0;
        hw_objs[id] = py_obj(o);
    } else {
        o = py_as_ptr(hw_objs[id]);
    }
    int nscl = o->scl, nsda = o->sda;
    if (!py_is_none(scl)) {
        nscl = mbus_pin_arg(scl);
        if (!mbus_pad_has(nscl, BD_FN_I2C, id, BD_SIG_SCL)) py_raise_msg(&py_type_ValueError, "bad SCL pin");
    }
    if (!py_is_none(sda)) {
        nsda = mbus_pin_arg(sda);
        if (!mbus_pad_has(nsda, BD_FN_I2C, id, BD_SIG_SDA)) py_raise_msg(&py_type_ValueError, "bad SDA pin");
    }
    if (nscl < 0 || nsda < 0) py_raise_msg(&py_type_ValueError, "bad SCL pin");
    bool any_kw = !py_is_null(kwnames) && py_as_tuple(kwnames)->len;
    if (argc > 1 || any_kw || o->freq == 0) {
        o->freq = py_is_null(freq) ? 400000 : freq_arg(freq);
        o->timeout = py_is_null(timeout) ? 50000 : (uint32_t)py_to_i64(timeout);
        if (nscl != o->scl || nsda != o->sda) o->bus = NULL;
        o->scl = nscl, o->sda = nsda;
        attach(o);
    }
    return py_obj(o);
}

static void soft_init_args(i2c_obj_t *o, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const kws[] = {"scl", "sda", "freq", "timeout", NULL};
    mbus_check_kw(kwnames, kws);
    int npos = argc - first;
    if (npos > 2) py_raise_msg(&py_type_TypeError, "function takes at most 2 positional arguments");
    py_val_t scl = npos > 0 ? argv[first] : py_kwarg(argc, argv, kwnames, "scl", PY_NULL);
    py_val_t sda = npos > 1 ? argv[first + 1] : py_kwarg(argc, argv, kwnames, "sda", PY_NULL);
    if (py_is_null(scl) || py_is_null(sda))
        py_raise_msg(&py_type_TypeError, "'%s' argument required", py_is_null(scl) ? "scl" : "sda");
    py_val_t freq = py_kwarg(argc, argv, kwnames, "freq", PY_NULL);
    py_val_t timeout = py_kwarg(argc, argv, kwnames, "timeout", PY_NULL);
    o->scl = mbus_pin_arg(scl);
    o->sda = mbus_pin_arg(sda);
    o->freq = py_is_null(freq) ? 400000 : freq_arg(freq);
    o->timeout = py_is_null(timeout) ? 50000 : (uint32_t)py_to_i64(timeout);
    o->bus = NULL;
    attach(o);
}

static py_val_t softi2c_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = py_gc_alloc(&softi2c_type, sizeof(i2c_obj_t));
    memset((char *)o + sizeof(py_obj_t), 0, sizeof *o - sizeof(py_obj_t));
    o->id = -1;
    soft_init_args(o, argc, argv, kwnames, 0);
    return py_obj(o);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    if (o->id >= 0) py_raise_msg(&py_type_OSError, "I2C operation not supported");
    soft_init_args(o, argc, argv, kwnames, 1);
    return PY_NONE;
}

static py_val_t m_scan(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_obj_t *o = as_i2c(argv[0]);
    bd_i2c_t *bus = bus_of(o);
    uint8_t found[128];
    size_t n = bd_i2c_scan(bus, found, sizeof found);
    py_val_t l = py_list_new(0);
    for (size_t i = 0; i < n && i < sizeof found; i++) py_list_append(l, py_small(found[i]));
    return l;
}

static bool stop_arg(int argc, const py_val_t *argv, py_val_t kwnames, int i) {
    return py_truthy(mbus_arg(argc, argv, kwnames, i, "stop", PY_TRUE));
}

static int addr_arg(py_val_t v) {
    int64_t a = py_to_i64(v);
    return (int)(a & 0x7f);
}

static void do_read(i2c_obj_t *o, int addr, uint8_t *buf, size_t n, bool stop) {
    bd_status_t st = bd_i2c_readfrom(bus_of(o), (uint8_t)addr, buf, n, stop);
    if (st == BD_ERR_NOTFOUND) raise_nack(o);
    if (st != BD_OK) mod_board_raise(st);
}

static py_val_t m_readfrom(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    int addr = addr_arg(argv[1]);
    int64_t n = py_to_i64(argv[2]);
    if (n < 0) n = 0;
    bool stop = stop_arg(argc, argv, kwnames, 3);
    uint8_t *buf = malloc(n ? (size_t)n : 1);
    if (!buf) py_raise_no_memory();
    py_try_t t;
    if (py_try(&t)) {
        do_read(o, addr, buf, (size_t)n, stop);
        py_try_end(&t);
    } else {
        free(buf);
        py_raise(t.exc);
    }
    py_val_t r = py_bytes_new(buf, (size_t)n);
    free(buf);
    return r;
}

static py_val_t m_readfrom_into(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[2], &b, 1);
    do_read(o, addr_arg(argv[1]), b.data, b.len, stop_arg(argc, argv, kwnames, 3));
    return PY_NONE;
}

static size_t do_write(i2c_obj_t *o, int addr, const uint8_t *data, size_t n, bool stop) {
    size_t acks = 0;
    bd_status_t st = bd_i2c_writeto(bus_of(o), (uint8_t)addr, data, n, stop, &acks);
    if (st == BD_ERR_NOTFOUND) raise_nack(o);
    if (st != BD_OK) mod_board_raise(st);
    if (rp2_hw(o) && acks < n) mbus_raise_errno(EIO);
    return acks;
}

static py_val_t m_writeto(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    py_buf_t b;
    mbus_buffer(argv[2], &b, 0);
    return py_small((int64_t)do_write(o, addr_arg(argv[1]), b.data, b.len, stop_arg(argc, argv, kwnames, 3)));
}

static py_val_t m_writevto(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    int addr = addr_arg(argv[1]);
    bool stop = stop_arg(argc, argv, kwnames, 3);
    py_sb_t sb;
    py_sb_init(&sb);
    py_val_t it = py_iter(argv[2]), item;
    while (!py_is_null(item = py_next(it))) {
        py_buf_t b;
        mbus_buffer(item, &b, 0);
        py_sb_add(&sb, (const char *)b.data, b.len);
    }
    return py_small((int64_t)do_write(o, addr, (const uint8_t *)sb.data, sb.len, stop));
}

static unsigned addrsize_arg(int argc, const py_val_t *argv, py_val_t kwnames) {
    int64_t a = py_to_i64(py_kwarg(argc, argv, kwnames, "addrsize", py_small(8)));
    if (a < 8 || a > 32 || a % 8) py_raise_msg(&py_type_ValueError, "invalid addrsize");
    return (unsigned)a;
}

static void do_read_mem(i2c_obj_t *o, int addr, uint32_t mem, unsigned asz, uint8_t *buf, size_t n) {
    bd_status_t st = bd_i2c_readfrom_mem(bus_of(o), (uint8_t)addr, mem, asz, buf, n);
    if (st == BD_ERR_NOTFOUND) raise_nack(o);
    if (st != BD_OK) mod_board_raise(st);
}

static py_val_t m_readfrom_mem(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    int addr = addr_arg(argv[1]);
    uint32_t mem = (uint32_t)py_to_i64(argv[2]);
    int64_t n = py_to_i64(argv[3]);
    if (n < 0) n = 0;
    unsigned asz = addrsize_arg(argc, argv, kwnames);
    uint8_t small[64];
    uint8_t *buf = n <= 64 ? small : malloc((size_t)n);
    if (!buf) py_raise_no_memory();
    py_try_t t;
    if (py_try(&t)) {
        do_read_mem(o, addr, mem, asz, buf, (size_t)n);
        py_try_end(&t);
    } else {
        if (buf != small) free(buf);
        py_raise(t.exc);
    }
    py_val_t r = py_bytes_new(buf, (size_t)n);
    if (buf != small) free(buf);
    return r;
}

static py_val_t m_readfrom_mem_into(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[3], &b, 1);
    do_read_mem(o, addr_arg(argv[1]), (uint32_t)py_to_i64(argv[2]), addrsize_arg(argc, argv, kwnames), b.data,
                b.len);
    return PY_NONE;
}

static py_val_t m_writeto_mem(int argc, const py_val_t *argv, py_val_t kwnames) {
    i2c_obj_t *o = as_i2c(argv[0]);
    py_buf_t b;
    mbus_buffer(argv[3], &b, 0);
    unsigned asz = addrsize_arg(argc, argv, kwnames);
    size_t acks = 0;
    bd_status_t st =
        bd_i2c_writeto_mem(bus_of(o), (uint8_t)addr_arg(argv[1]), (uint32_t)py_to_i64(argv[2]), asz, b.data, b.len, &acks);
    if (st == BD_ERR_NOTFOUND) raise_nack(o);
    if (st != BD_OK) mod_board_raise(st);
    if (rp2_hw(o) && acks < b.len) mbus_raise_errno(EIO);
    return PY_NONE;
}

/* ---- primitives (SoftI2C) */

static i2c_obj_t *prim(py_val_t self) {
    i2c_obj_t *o = as_i2c(self);
    if (o->id >= 0) py_raise_msg(&py_type_OSError, "I2C operation not supported");
    return o;
}

static py_val_t m_start(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_obj_t *o = prim(argv[0]);
    bd_i2c_start(bus_of(o));
    o->addr_next = true;
    return PY_NONE;
}

static py_val_t m_stop(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_obj_t *o = prim(argv[0]);
    bd_i2c_stop(bus_of(o));
    o->addr_next = false;
    return PY_NONE;
}

static py_val_t m_pwrite(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_obj_t *o = prim(argv[0]);
    py_buf_t b;
    mbus_buffer(argv[1], &b, 0);
    bd_i2c_t *bus = bus_of(o);
    size_t acks = 0;
    for (size_t i = 0; i < b.len; i++) {
        bool ack;
        if (o->addr_next) {
            ack = bd_i2c_address(bus, b.data[i] >> 1, b.data[i] & 1);
            o->addr_next = false;
        } else {
            ack = bd_i2c_write_byte(bus, b.data[i]);
        }
        if (!ack) break;
        acks++;
    }
    return py_small((int64_t)acks);
}

static py_val_t m_preadinto(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_obj_t *o = prim(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 1);
    bool nack = argc > 2 ? py_truthy(argv[2]) : true;
    bd_i2c_t *bus = bus_of(o);
    for (size_t i = 0; i < b.len; i++) b.data[i] = bd_i2c_read_byte(bus, !(nack && i + 1 == b.len));
    return PY_NONE;
}

static void i2c_print(py_sb_t *sb, py_val_t self, int kind) {
    i2c_obj_t *o = as_i2c(self);
    if (o->id >= 0)
        py_sb_printf(sb, "I2C(%d, freq=%u, scl=%d, sda=%d, timeout=%u)", o->id, (unsigned)o->freq,
                     mbus_pin_id(o->scl), mbus_pin_id(o->sda), (unsigned)o->timeout);
    else
        py_sb_printf(sb, "SoftI2C(scl=%d, sda=%d, freq=%u)", mbus_pin_id(o->scl), mbus_pin_id(o->sda),
                     (unsigned)o->freq);
}

static void i2c_trace(py_obj_t *o) {}

#define COMMON_METHODS                                                                                       \
    {"scan", m_scan, 1, 1, 0}, {"readfrom", m_readfrom, 3, 4, PY_MF_KW},                                     \
        {"readfrom_into", m_readfrom_into, 3, 4, PY_MF_KW}, {"writeto", m_writeto, 3, 4, PY_MF_KW},          \
        {"writevto", m_writevto, 3, 4, PY_MF_KW}, {"readfrom_mem", m_readfrom_mem, 4, 4, PY_MF_KW},          \
        {"readfrom_mem_into", m_readfrom_mem_into, 4, 4, PY_MF_KW},                                          \
        {"writeto_mem", m_writeto_mem, 4, 4, PY_MF_KW}, {"init", m_init, 1, -1, PY_MF_KW},                   \
        {"start", m_start, 1, 1, 0}, {"stop", m_stop, 1, 1, 0}, {"write", m_pwrite, 2, 2, 0},                \
        {"readinto", m_preadinto, 2, 3, 0}

static const py_method_def_t i2c_methods[] = {COMMON_METHODS, PY_MF_END};

static py_type_t i2c_type = {
    .h = {&py_type_type},
    .name = "I2C",
    .base = &py_type_object,
    .instance_size = sizeof(i2c_obj_t),
    .methods = i2c_methods,
    .make_new = i2c_make_new,
    .print = i2c_print,
    .trace = i2c_trace,
};
static py_type_t softi2c_type = {
    .h = {&py_type_type},
    .name = "SoftI2C",
    .base = &py_type_object,
    .instance_size = sizeof(i2c_obj_t),
    .methods = i2c_methods,
    .make_new = softi2c_make_new,
    .print = i2c_print,
    .trace = i2c_trace,
};

/* A hard reset resets the controllers: the next I2C(id) is a fresh
 * object that configures its pads again (machine_reset.h); the buses and
 * their parts stay. */
static void on_reset(bool hard) {
    if (!hard || !hw_ready) return;
    for (int i = 0; i < NHW; i++) hw_objs[i] = PY_NONE;
}

void mod_machine_i2c_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    for (int i = 0; i < NHW; i++) hw_objs[i] = PY_NONE;
    hw_ready = true;
    py_type_init_builtin(&i2c_type);
    py_type_init_builtin(&softi2c_type);
    py_module_add(m, "I2C", py_obj(&i2c_type));
    py_module_add(m, "SoftI2C", py_obj(&softi2c_type));
}

/* ------------------------------------------------------------ sim: a register file */

typedef struct {
    bd_i2c_dev_t dev;
    bd_i2c_t *bus;
    uint8_t *mem;
    size_t size;
    unsigned abytes, got;
    uint32_t ptr;
} i2c_mem_t;

#define MAX_MEMS 16
static i2c_mem_t *mems[MAX_MEMS];

static bool mem_start(void *ctx, bool read) {
    i2c_mem_t *d = ctx;
    if (!read) d->got = 0;
    return true;
}
static bool mem_write(void *ctx, uint8_t byte) {
    i2c_mem_t *d = ctx;
    if (d->got < d->abytes) {
        d->ptr = d->got ? (d->ptr << 8) | byte : byte;
        if (++d->got == d->abytes) d->ptr %= d->size;
        return true;
    }
    d->mem[d->ptr] = byte;
    d->ptr = (d->ptr + 1) % d->size;
    return true;
}
static uint8_t mem_read(void *ctx, bool ack) {
    i2c_mem_t *d = ctx;
    uint8_t v = d->mem[d->ptr];
    d->ptr = (d->ptr + 1) % d->size;
    return v;
}

/* bus: an I2C/SoftI2C object, or a hardware id (its current or default pads). */
static bd_i2c_t *sim_bus(py_val_t v) {
    if (py_is_obj(v) && (py_obj_type(v) == &i2c_type || py_obj_type(v) == &softi2c_type)) {
        i2c_obj_t *o = as_i2c(v);
        if (!o->bus) attach(o);
        return o->bus;
    }
    int64_t id = py_to_i64(v);
    if (!hw_id_ok(id < 0 || id > 1000 ? -2 : (int)id)) py_raise_msg(&py_type_ValueError, "I2C(%d) doesn't exist", (int)id);
    if (hw_ready && !py_is_none(hw_objs[id])) {
        i2c_obj_t *o = py_as_ptr(hw_objs[id]);
        if (!o->bus) attach(o);
        return o->bus;
    }
    char name[16];
    snprintf(name, sizeof name, "i2c%d", (int)id);
    mod_board_now();
    return mbus_i2c_net(mbus_default_pad(BD_FN_I2C, (int)id, BD_SIG_SCL), mbus_default_pad(BD_FN_I2C, (int)id, BD_SIG_SDA),
                        name);
}

static i2c_mem_t *find_mem(bd_i2c_t *bus, int addr) {
    for (int k = 0; k < MAX_MEMS; k++)
        if (mems[k] && mems[k]->bus == bus && mems[k]->dev.addr == addr) return mems[k];
    py_raise_msg(&py_type_ValueError, "no sim I2C memory at 0x%02x", addr);
}

/* sim.i2c_memory(bus, addr, size=256, addrsize=8) */
py_val_t mod_sim_i2c_memory(int argc, const py_val_t *argv, py_val_t kwnames) {
    bd_i2c_t *bus = sim_bus(argv[0]);
    int64_t addr = py_to_i64(argv[1]);
    int64_t size = py_to_i64(mbus_arg(argc, argv, kwnames, 2, "size", py_small(256)));
    int64_t asz = py_to_i64(mbus_arg(argc, argv, kwnames, 3, "addrsize", py_small(8)));
    if (addr < 0 || addr > 0x7f) py_raise_msg(&py_type_ValueError, "address out of range");
    if (size < 1 || size > (1 << 24)) py_raise_msg(&py_type_ValueError, "bad size");
    if (asz < 8 || asz > 32 || asz % 8) py_raise_msg(&py_type_ValueError, "invalid addrsize");
    int k;
    for (k = 0; k < MAX_MEMS && mems[k]; k++) {
    }
    if (k == MAX_MEMS) py_raise_msg(&py_type_OSError, "too many sim I2C devices");
    i2c_mem_t *d = calloc(1, sizeof *d);
    uint8_t *mem = calloc((size_t)size, 1);
    if (!d || !mem) {
        free(d);
        free(mem);
        py_raise_no_memory();
    }
    d->bus = bus;
    d->mem = mem;
    d->size = (size_t)size;
    d->abytes = (unsigned)asz / 8;
    d->dev = (bd_i2c_dev_t){.addr = (uint8_t)addr, .ctx = d, .start = mem_start, .write = mem_write, .read = mem_read};
    bd_status_t st = bd_i2c_add_device(bus, &d->dev);
    if (st != BD_OK) {
        free(d);
        free(mem);
        mod_board_raise(st);
    }
    mems[k] = d;
    return PY_NONE;
}

/* sim.i2c_memory_read(bus, addr, memaddr, n) -> bytes */
py_val_t mod_sim_i2c_memory_read(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_mem_t *d = find_mem(sim_bus(argv[0]), (int)py_to_i64(argv[1]));
    int64_t at = py_to_i64(argv[2]), n = py_to_i64(argv[3]);
    if (at < 0 || n < 0 || (size_t)(at + n) > d->size) py_raise_msg(&py_type_ValueError, "out of range");
    return py_bytes_new(d->mem + at, (size_t)n);
}

/* sim.i2c_memory_write(bus, addr, memaddr, data) */
py_val_t mod_sim_i2c_memory_write(int argc, const py_val_t *argv, py_val_t kw) {
    i2c_mem_t *d = find_mem(sim_bus(argv[0]), (int)py_to_i64(argv[1]));
    int64_t at = py_to_i64(argv[2]);
    py_buf_t b;
    mbus_buffer(argv[3], &b, 0);
    if (at < 0 || (size_t)at + b.len > d->size) py_raise_msg(&py_type_ValueError, "out of range");
    memcpy(d->mem + at, b.data, b.len);
    return PY_NONE;
}
