/* machine_adc.c: machine.ADC on the simulated board (bd_adc).
 *
 * Per port, as the real firmware behaves:
 *   - rp2: ADC(pin or channel); channels 0..3 are GPIO26..29, 4 is the
 *     temperature sensor (ADC.CORE_TEMP); another int is a pin number
 *     (ADC(26) is channel 0); read_u16() only; repr <ADC channel=N>; a pin
 *     without ADC: ValueError "Pin doesn't have ADC capabilities"; a pin
 *     argument puts the pad in analog (high-Z) mode, a channel number does
 *     not touch the pad (rp2 quickref, "ADC");
 *   - esp32: ADC(pin, *, atten=); read(), read_u16(), read_uv(), atten(),
 *     width(); constants ATTN_0DB.. ATTN_11DB, WIDTH_12BIT; a pin without ADC:
 *     ValueError "invalid pin"; repr ADC(Pin(N), atten=A);
 *   - stm32: ADC(pin or channel); read_u16(); a pin without ADC: ValueError
 *     "Pin(X) doesn't have ADC capabilities".
 * Conversions are bd_adc's (ideal converter, deterministic).  ASSUMPTION:
 * a read costs no virtual time beyond the VM's own (bd_adc conv_ns unused).
 */
#include <string.h>

#include "board/bd_adc.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "py/runtime.h"

enum { P_RP2, P_ESP32, P_STM32 };

typedef struct {
    py_obj_t h;
    bd_adc_chan_t ch;
} adc_obj_t;

static bd_adc_t adc;
static int port;
static int32_t temp_mc = 27000;

static bd_adc_t *model(void) {
    if (adc.board != mod_board()) {
        bd_adc_init(&adc, mod_board());
        adc.temp_mc = temp_mc;
    }
    return &adc;
}

void mod_machine_adc_set_temp_mc(int32_t mc) {
    temp_mc = mc;
    if (adc.board == mod_board()) adc.temp_mc = mc;
}

static py_type_t adc_type;

static adc_obj_t *self_of(py_val_t v) { return py_as_ptr(v); }

static void set_atten(adc_obj_t *o, py_val_t v) {
    int64_t a = py_to_i64(v);
    if (a < 0 || a > 3) py_raise_msg(&py_type_ValueError, "invalid atten");
    o->ch.atten = (uint8_t)a;
}

static py_val_t adc_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "function takes 1 positional arguments but %d were given", argc);
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    py_val_t atten = PY_NULL;
    if (nkw) {
        if (port != P_ESP32) py_raise_msg(&py_type_TypeError, "function doesn't take keyword arguments");
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++)
            if (strcmp(py_str_data(k->items[i]), "atten"))
                py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
        atten = py_kwarg(argc, argv, kwnames, "atten", PY_NULL);
    }
    bd_adc_t *a = model();
    bd_adc_chan_t ch;
    py_val_t src = argv[0];
    mod_board_now();
    /* rp2: an int outside 0..4 is looked up as a pin (ADC(26) is GPIO26) */
    bool by_channel = py_is_int(src) && port != P_ESP32 &&
                      !(port == P_RP2 && (py_to_i64(src) < 0 || py_to_i64(src) > BD_ADC_RP2_TEMP_CH));
    if (by_channel) {
        int64_t n = py_to_i64(src);
        bd_status_t st = n < 0 || n > 255 ? BD_ERR_NOTFOUND : bd_adc_chan_by_number(a, -1, (int)n, &ch);
        if (st != BD_OK) py_raise_msg(&py_type_ValueError, "invalid channel");
    } else {
        int idx = mod_machine_find_pin(src);
        if (bd_adc_chan_for_pad(a, idx, &ch) != BD_OK) {
            if (port == P_RP2) py_raise_msg(&py_type_ValueError, "Pin doesn't have ADC capabilities");
            if (port == P_ESP32) py_raise_msg(&py_type_ValueError, "invalid pin");
            py_raise_msg(&py_type_ValueError, "Pin(%s) doesn't have ADC capabilities",
                         bd_board_pin_def(mod_board(), idx)->name + 1);
        }
    }
    /* rp2 quickref: a Pin argument puts the pad in high-Z (analog) mode; a
     * channel number leaves the pad as it is, configuring it is the user's */
    if (!(by_channel && port == P_RP2)) {
        bd_status_t st = bd_adc_attach(a, &ch);
        if (st != BD_OK) mod_board_raise(st);
    }
    adc_obj_t *o = py_gc_alloc(&adc_type, sizeof *o);
    o->ch = ch;
    if (!py_is_null(atten)) set_atten(o, atten);
    return py_obj(o);
}

static py_val_t m_read_u16(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    mod_board_clock_read();
    return py_small(bd_adc_read_u16(model(), &self_of(argv[0])->ch));
}

static py_val_t m_read_uv(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    mod_board_clock_read();
    return py_int_from_i64(bd_adc_read_uv(model(), &self_of(argv[0])->ch));
}

static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    mod_board_clock_read();
    return py_small(bd_adc_read_raw(model(), &self_of(argv[0])->ch));
}

static py_val_t m_atten(int argc, const py_val_t *argv, py_val_t kw) {
    adc_obj_t *o = self_of(argv[0]);
    if (argc < 2) return py_small(o->ch.atten);
    set_atten(o, argv[1]);
    return PY_NONE;
}

static py_val_t m_width(int argc, const py_val_t *argv, py_val_t kw) {
    /* ESP32-S3: only the 12-bit width (ADC_WIDTH_BIT_12 = 3) */
    if (argc < 2) return py_small(3);
    if (py_to_i64(argv[1]) != 3) py_raise_msg(&py_type_ValueError, "invalid bit-width");
    return PY_NONE;
}

static void adc_print(py_sb_t *sb, py_val_t self, int kind) {
    adc_obj_t *o = self_of(self);
    if (port == P_ESP32) {
        py_sb_printf(sb, "ADC(Pin(%d), atten=%d)", bd_board_pin_def(mod_board(), o->ch.pad)->id, o->ch.atten);
    } else if (port == P_STM32) {
        py_sb_printf(sb, "<ADC%d channel=%d>", o->ch.unit, o->ch.channel);
    } else {
        py_sb_printf(sb, "<ADC channel=%d>", o->ch.channel);
    }
}

static void adc_trace(py_obj_t *o) {}

static const py_method_def_t methods_rp2[] = {
    {"read_u16", m_read_u16, 1, 1, 0},
    PY_MF_END,
};
static const py_method_def_t methods_esp32[] = {
    {"read", m_read, 1, 1, 0},     {"read_u16", m_read_u16, 1, 1, 0}, {"read_uv", m_read_uv, 1, 1, 0},
    {"atten", m_atten, 1, 2, 0},   {"width", m_width, 1, 2, 0},       PY_MF_END,
};

static py_type_t adc_type = {
    .h = {&py_type_type},
    .name = "ADC",
    .base = &py_type_object,
    .instance_size = sizeof(adc_obj_t),
    .make_new = adc_make_new,
    .print = adc_print,
    .trace = adc_trace,
};

static void add_int(py_type_t *t, const char *name, int64_t v) {
    py_dict_set(t->dict, py_intern(name), py_int_from_i64(v));
}

void mod_machine_adc_init(py_val_t m) {
    const char *pn = mod_board_def()->port;
    port = !strcmp(pn, "rp2") ? P_RP2 : !strcmp(pn, "esp32") ? P_ESP32 : P_STM32;
    adc_type.methods = port == P_ESP32 ? methods_esp32 : methods_rp2;
    py_type_init_builtin(&adc_type);
    if (port == P_RP2) add_int(&adc_type, "CORE_TEMP", BD_ADC_RP2_TEMP_CH);
    if (port == P_ESP32) {
        add_int(&adc_type, "ATTN_0DB", 0);
        add_int(&adc_type, "ATTN_2_5DB", 1);
        add_int(&adc_type, "ATTN_6DB", 2);
        add_int(&adc_type, "ATTN_11DB", 3);
        add_int(&adc_type, "WIDTH_12BIT", 3);
    }
    py_module_add(m, "ADC", py_obj(&adc_type));
}
