/* machine_spi.c: machine.SPI (the port's hardware SPI) and machine.SoftSPI
 * on the simulated board.
 *
 *   SPI(id, baudrate=1000000, *, polarity=0, phase=0, bits=8,
 *       firstbit=SPI.MSB, sck, mosi, miso)              (rp2 signature)
 *   SoftSPI(baudrate=500000, *, polarity, phase, bits, firstbit, sck, mosi, miso)
 *   init deinit read(n, write=0) readinto(buf, write=0) write(buf)
 *   write_readinto(wbuf, rbuf); constants MSB LSB.
 *
 * Port facts: rp2's SPI.MSB is 1 and LSB 0 (pico-sdk SPI_MSB_FIRST), its
 * hardware rate is what the PL022 dividers reach (bd_spi_rp2_baud) and it
 * takes only MSB first ("firstbit must be MSB"); extmod's SoftSPI has
 * MSB 0, LSB 1 and needs all three pins.  Words are 8 bits here for every
 * bits setting up to 8 (ASSUMPTION: wider words are not modelled yet).
 * The bus model belongs to the pads (machine_bus.c); sim.spi_loopback
 * puts an always-selected echo device on it (MISO returns MOSI).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/machine_bus.h"
#include "modules/machine_reset.h"

typedef struct {
    py_obj_t h;
    int id; /* -1: SoftSPI */
    uint32_t baud;
    uint8_t polarity, phase, bits;
    bool lsb;
    int sck, mosi, miso;
    bd_spi_t *bus;
} spi_obj_t;

static py_type_t spi_type, softspi_type;
/* one per hardware id: 0..6 (stm32 SPI1..SPI6) */
#define NHW 7
static py_val_t hw_objs[NHW];
static bool hw_ready; /* hw_objs set to None: machine imported (sim may come first) */
static bool rooted;

static void hw_mark(void) {
    for (int i = 0; i < NHW; i++) py_gc_mark(hw_objs[i]);
}

static spi_obj_t *as_spi(py_val_t v) {
    if (!py_is_obj(v) || (py_obj_type(v) != &spi_type && py_obj_type(v) != &softspi_type))
        py_raise_msg(&py_type_TypeError, "expecting an SPI object");
    return py_as_ptr(v);
}

static int msb_const(bool soft) { return soft || mbus_port() != MBUS_RP2 ? 0 : 1; }

static bool hw_id_ok(int id) {
    int port = mbus_port();
    if (port == MBUS_RP2) return id == 0 || id == 1;
    if (port == MBUS_ESP32) return id == 1 || id == 2;
    return id >= 1 && id <= 6 && mbus_default_pad(BD_FN_SPI, id, BD_SIG_SCK) >= 0;
}

static void attach(spi_obj_t *o) {
    char name[16];
    if (o->id >= 0) snprintf(name, sizeof name, "spi%d", o->id);
    else snprintf(name, sizeof name, "softspi");
    mod_board_now();
    o->bus = mbus_spi_net(o->sck, o->mosi, o->miso, name);
}

static bd_spi_t *bus_of(spi_obj_t *o) {
    if (!o->bus) py_raise_msg(&py_type_OSError, "SPI not initialised");
    mod_board_now();
    bd_status_t st = bd_spi_configure(o->bus, o->baud, (unsigned)(o->polarity << 1 | o->phase), o->bits, o->lsb);
    if (st != BD_OK) mod_board_raise(st);
    return o->bus;
}

/* init arguments; positional baudrate at argv[first]. */
static void spi_init_args(spi_obj_t *o, int argc, const py_val_t *argv, py_val_t kwnames, int first, bool fresh) {
    static const char *const kws[] = {"id",  "baudrate", "polarity", "phase", "bits", "firstbit",
                                      "sck", "mosi",     "miso",     NULL};
    mbus_check_kw(kwnames, kws);
    bool soft = o->id < 0;
    int npos = argc - first;
    if (npos > 1) py_raise_msg(&py_type_TypeError, "function takes at most %d positional arguments", first + 1);
    py_val_t baud = npos > 0 ? argv[first] : py_kwarg(argc, argv, kwnames, "baudrate", PY_NULL);
    py_val_t pol = py_kwarg(argc, argv, kwnames, "polarity", PY_NULL);
    py_val_t pha = py_kwarg(argc, argv, kwnames, "phase", PY_NULL);
    py_val_t bits = py_kwarg(argc, argv, kwnames, "bits", PY_NULL);
    py_val_t fb = py_kwarg(argc, argv, kwnames, "firstbit", PY_NULL);
    py_val_t sck = py_kwarg(argc, argv, kwnames, "sck", PY_NONE);
    py_val_t mosi = py_kwarg(argc, argv, kwnames, "mosi", PY_NONE);
    py_val_t miso = py_kwarg(argc, argv, kwnames, "miso", PY_NONE);
    if (fresh) {
        o->baud = soft ? 500000 : 1000000;
        o->polarity = o->phase = 0;
        o->bits = 8;
        o->lsb = false;
    }
    if (!py_is_null(baud)) {
        int64_t v = py_to_i64(baud);
        if (v <= 0 || v > 100000000) py_raise_msg(&py_type_ValueError, "invalid baudrate");
        o->baud = (uint32_t)v;
    }
    if (!py_is_null(pol)) o->polarity = py_to_i64(pol) ? 1 : 0;
    if (!py_is_null(pha)) o->phase = py_to_i64(pha) ? 1 : 0;
    if (!py_is_null(bits)) {
        int64_t v = py_to_i64(bits);
        if (v < 1 || v > 16) py_raise_msg(&py_type_ValueError, "invalid bits");
        if (v > 8) py_raise_msg(&py_type_NotImplementedError, "bits > 8 not supported by the simulator");
        o->bits = (uint8_t)v;
    }
    if (!py_is_null(fb)) {
        int64_t v = py_to_i64(fb);
        bool lsb = v != msb_const(soft);
        if (!soft && mbus_port() == MBUS_RP2 && lsb) py_raise_msg(&py_type_ValueError, "firstbit must be MSB");
        o->lsb = lsb;
    }
    int nsck = o->sck, nmosi = o->mosi, nmiso = o->miso;
    if (soft) {
        if (py_is_none(sck) || py_is_none(mosi) || py_is_none(miso)) {
            if (fresh) py_raise_msg(&py_type_ValueError, "must specify all of sck/mosi/miso");
        } else {
            nsck = mbus_pin_arg(sck), nmosi = mbus_pin_arg(mosi), nmiso = mbus_pin_arg(miso);
        }
    } else {
        if (!py_is_none(sck)) {
            nsck = mbus_pin_arg(sck);
            if (!mbus_pad_has(nsck, BD_FN_SPI, o->id, BD_SIG_SCK)) py_raise_msg(&py_type_ValueError, "bad SCK pin");
        }
        if (!py_is_none(mosi)) {
            nmosi = mbus_pin_arg(mosi);
            if (!mbus_pad_has(nmosi, BD_FN_SPI, o->id, BD_SIG_MOSI)) py_raise_msg(&py_type_ValueError, "bad MOSI pin");
        }
        if (!py_is_none(miso)) {
            nmiso = mbus_pin_arg(miso);
            if (!mbus_pad_has(nmiso, BD_FN_SPI, o->id, BD_SIG_MISO)) py_raise_msg(&py_type_ValueError, "bad MISO pin");
        }
        if (mbus_port() == MBUS_RP2) o->baud = bd_spi_rp2_baud(MBUS_RP2_CLK_PERI_HZ, o->baud);
    }
    if (nsck != o->sck || nmosi != o->mosi || nmiso != o->miso || !o->bus) {
        o->sck = nsck, o->mosi = nmosi, o->miso = nmiso;
        attach(o);
    }
    bus_of(o); /* SCK to its idle level now */
}

static py_val_t spi_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1) py_raise_msg(&py_type_TypeError, "function missing required positional argument #1");
    int64_t id64 = py_to_i64(argv[0]);
    int id = id64 < 0 || id64 > 1000 ? -2 : (int)id64;
    if (!hw_id_ok(id)) py_raise_msg(&py_type_ValueError, "SPI(%d) doesn't exist", (int)id64);
    if (!rooted) {
        py_gc_add_root_fn(hw_mark);
        rooted = true;
    }
    bool fresh = py_is_none(hw_objs[id]);
    spi_obj_t *o;
    if (fresh) {
        o = py_gc_alloc(&spi_type, sizeof(spi_obj_t));
        memset((char *)o + sizeof(py_obj_t), 0, sizeof *o - sizeof(py_obj_t));
        o->id = id;
        o->sck = mbus_default_pad(BD_FN_SPI, id, BD_SIG_SCK);
        o->mosi = mbus_default_pad(BD_FN_SPI, id, BD_SIG_MOSI);
        o->miso = mbus_default_pad(BD_FN_SPI, id, BD_SIG_MISO);
        hw_objs[id] = py_obj(o);
    } else {
        o = py_as_ptr(hw_objs[id]);
    }
    bool any_kw = !py_is_null(kwnames) && py_as_tuple(kwnames)->len;
    if (fresh || argc > 1 || any_kw) spi_init_args(o, argc, argv, kwnames, 1, fresh);
    return py_obj(o);
}

static py_val_t softspi_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    spi_obj_t *o = py_gc_alloc(&softspi_type, sizeof(spi_obj_t));
    memset((char *)o + sizeof(py_obj_t), 0, sizeof *o - sizeof(py_obj_t));
    o->id = -1;
    o->sck = o->mosi = o->miso = -1;
    spi_init_args(o, argc, argv, kwnames, 0, true);
    return py_obj(o);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    spi_init_args(as_spi(argv[0]), argc, argv, kwnames, 1, false);
    return PY_NONE;
}

static py_val_t m_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    as_spi(argv[0]);
    return PY_NONE;
}

static uint8_t fill_arg(int argc, const py_val_t *argv, py_val_t kwnames, int i) {
    return (uint8_t)py_to_i64(mbus_arg(argc, argv, kwnames, i, "write", py_small(0)));
}

static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kwnames) {
    spi_obj_t *o = as_spi(argv[0]);
    int64_t n = py_to_i64(argv[1]);
    if (n < 0) n = 0;
    uint8_t fill = fill_arg(argc, argv, kwnames, 2);
    bd_spi_t *bus = bus_of(o);
    uint8_t *buf = malloc(n ? (size_t)n : 1);
    if (!buf) py_raise_no_memory();
    bd_spi_transfer(bus, NULL, buf, (size_t)n, fill);
    py_val_t r = py_bytes_new(buf, (size_t)n);
    free(buf);
    return r;
}

static py_val_t m_readinto(int argc, const py_val_t *argv, py_val_t kwnames) {
    spi_obj_t *o = as_spi(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 1);
    uint8_t fill = fill_arg(argc, argv, kwnames, 2);
    bd_spi_transfer(bus_of(o), NULL, b.data, b.len, fill);
    return PY_NONE;
}

static py_val_t m_write(int argc, const py_val_t *argv, py_val_t kw) {
    spi_obj_t *o = as_spi(argv[0]);
    py_buf_t b;
    mbus_buffer(argv[1], &b, 0);
    bd_spi_transfer(bus_of(o), b.data, NULL, b.len, 0);
    return PY_NONE;
}

static py_val_t m_write_readinto(int argc, const py_val_t *argv, py_val_t kw) {
    spi_obj_t *o = as_spi(argv[0]);
    py_buf_t w, r;
    mbus_buffer(argv[1], &w, 0);
    py_get_buffer(argv[2], &r, 1);
    if (w.len != r.len) py_raise_msg(&py_type_ValueError, "buffers must be the same length");
    /* the same buffer may be passed twice: copy the words out first */
    uint8_t *tmp = malloc(w.len ? w.len : 1);
    if (!tmp) py_raise_no_memory();
    memcpy(tmp, w.data, w.len);
    bd_spi_transfer(bus_of(o), tmp, r.data, w.len, 0);
    free(tmp);
    return PY_NONE;
}

static void spi_print(py_sb_t *sb, py_val_t self, int kind) {
    spi_obj_t *o = as_spi(self);
    if (o->id >= 0)
        py_sb_printf(sb, "SPI(%d, baudrate=%u, polarity=%u, phase=%u, bits=%u, sck=%d, mosi=%d, miso=%d)", o->id,
                     (unsigned)o->baud, o->polarity, o->phase, o->bits, mbus_pin_id(o->sck), mbus_pin_id(o->mosi),
                     mbus_pin_id(o->miso));
    else
        py_sb_printf(sb, "SoftSPI(baudrate=%u, polarity=%u, phase=%u, sck=%d, mosi=%d, miso=%d)", (unsigned)o->baud,
                     o->polarity, o->phase, mbus_pin_id(o->sck), mbus_pin_id(o->mosi), mbus_pin_id(o->miso));
}

static void spi_trace(py_obj_t *o) {}

static const py_method_def_t spi_methods[] = {
    {"init", m_init, 1, -1, PY_MF_KW},     {"deinit", m_deinit, 1, 1, 0},
    {"read", m_read, 2, 3, PY_MF_KW},      {"readinto", m_readinto, 2, 3, PY_MF_KW},
    {"write", m_write, 2, 2, 0},           {"write_readinto", m_write_readinto, 3, 3, 0},
    PY_MF_END,
};

static py_type_t spi_type = {
    .h = {&py_type_type},
    .name = "SPI",
    .base = &py_type_object,
    .instance_size = sizeof(spi_obj_t),
    .methods = spi_methods,
    .make_new = spi_make_new,
    .print = spi_print,
    .trace = spi_trace,
};
static py_type_t softspi_type = {
    .h = {&py_type_type},
    .name = "SoftSPI",
    .base = &py_type_object,
    .instance_size = sizeof(spi_obj_t),
    .methods = spi_methods,
    .make_new = softspi_make_new,
    .print = spi_print,
    .trace = spi_trace,
};

/* A hard reset resets the controllers: the next SPI(id) is a fresh
 * object that configures its pads again (machine_reset.h); the buses and
 * their parts stay. */
static void on_reset(bool hard) {
    if (!hard || !hw_ready) return;
    for (int i = 0; i < NHW; i++) hw_objs[i] = PY_NONE;
}

void mod_machine_spi_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    for (int i = 0; i < NHW; i++) hw_objs[i] = PY_NONE;
    hw_ready = true;
    py_type_init_builtin(&spi_type);
    py_type_init_builtin(&softspi_type);
    int msb = msb_const(false);
    py_dict_set(spi_type.dict, py_intern("MSB"), py_small(msb));
    py_dict_set(spi_type.dict, py_intern("LSB"), py_small(mbus_port() == MBUS_STM32 ? 0x80 : !msb));
    py_dict_set(softspi_type.dict, py_intern("MSB"), py_small(0));
    py_dict_set(softspi_type.dict, py_intern("LSB"), py_small(1));
    py_module_add(m, "SPI", py_obj(&spi_type));
    py_module_add(m, "SoftSPI", py_obj(&softspi_type));
}

/* ------------------------------------------------------------ sim: echo device */

typedef struct {
    bd_spi_dev_t dev;
    bd_spi_t *bus;
    uint8_t *got;
    size_t len, cap;
} spi_echo_t;

#define MAX_ECHO 8
static spi_echo_t *echoes[MAX_ECHO];

static uint16_t echo_xfer(void *ctx, uint16_t mosi) {
    spi_echo_t *e = ctx;
    if (e->len == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 256;
        uint8_t *p = realloc(e->got, cap);
        if (p) e->got = p, e->cap = cap;
    }
    if (e->len < e->cap) e->got[e->len++] = (uint8_t)mosi;
    return mosi;
}

static bd_spi_t *sim_bus(py_val_t v) {
    if (py_is_obj(v) && (py_obj_type(v) == &spi_type || py_obj_type(v) == &softspi_type)) {
        spi_obj_t *o = as_spi(v);
        if (!o->bus) attach(o);
        return o->bus;
    }
    int64_t id = py_to_i64(v);
    if (!hw_id_ok(id < 0 || id > 1000 ? -2 : (int)id)) py_raise_msg(&py_type_ValueError, "SPI(%d) doesn't exist", (int)id);
    if (hw_ready && !py_is_none(hw_objs[id])) return as_spi(hw_objs[id])->bus;
    char name[16];
    snprintf(name, sizeof name, "spi%d", (int)id);
    mod_board_now();
    return mbus_spi_net(mbus_default_pad(BD_FN_SPI, (int)id, BD_SIG_SCK), mbus_default_pad(BD_FN_SPI, (int)id, BD_SIG_MOSI),
                        mbus_default_pad(BD_FN_SPI, (int)id, BD_SIG_MISO), name);
}

/* sim.spi_loopback(bus, cs=None): an echo device (selected by cs, or always) */
py_val_t mod_sim_spi_loopback(int argc, const py_val_t *argv, py_val_t kwnames) {
    bd_spi_t *bus = sim_bus(argv[0]);
    py_val_t cs = mbus_arg(argc, argv, kwnames, 1, "cs", PY_NONE);
    int k;
    for (k = 0; k < MAX_ECHO && echoes[k]; k++) {
    }
    if (k == MAX_ECHO) py_raise_msg(&py_type_OSError, "too many sim SPI devices");
    spi_echo_t *e = calloc(1, sizeof *e);
    if (!e) py_raise_no_memory();
    e->bus = bus;
    e->dev.cs_pad = py_is_none(cs) ? -1 : mbus_pin_arg(cs);
    e->dev.ctx = e;
    e->dev.xfer = echo_xfer;
    mod_board_now();
    bd_status_t st = bd_spi_add_device(bus, &e->dev);
    if (st != BD_OK) {
        free(e);
        mod_board_raise(st);
    }
    echoes[k] = e;
    return PY_NONE;
}

/* sim.spi_received(bus): the bytes the echo devices on that bus heard */
py_val_t mod_sim_spi_received(int argc, const py_val_t *argv, py_val_t kw) {
    bd_spi_t *bus = sim_bus(argv[0]);
    py_sb_t sb;
    py_sb_init(&sb);
    for (int k = 0; k < MAX_ECHO; k++)
        if (echoes[k] && echoes[k]->bus == bus && echoes[k]->len) py_sb_add(&sb, (const char *)echoes[k]->got, echoes[k]->len);
    return py_sb_to_bytes(&sb);
}
