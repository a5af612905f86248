/* bd_adc.c: ADC channel lookup and the conversion formulas of bd_adc.h.
 *
 * Invariant: a conversion reads only the pad's resolved voltage (or the
 * internal source) and the channel's settings; it changes nothing, so a
 * read between two events always returns the same value.
 */
#include <string.h>

#include "board/bd_adc.h"

static bool is_port(const bd_adc_t *a, const char *port) {
    return a->board && a->board->def && a->board->def->port && strcmp(a->board->def->port, port) == 0;
}

void bd_adc_init(bd_adc_t *a, bd_board_t *b) {
    memset(a, 0, sizeof *a);
    a->board = b;
    a->bits = b->def->adc_bits ? b->def->adc_bits : 12;
    a->vref_uv = b->def->adc_vref_uv ? b->def->adc_vref_uv : 3300000;
    a->has_atten = is_port(a, "esp32");
    a->temp_mc = 27000;
    /* rp2: 96 cycles of the 48 MHz ADC clock (datasheet 4.9).  ASSUMPTION for
     * the others: esp32 ~ 20 us per oneshot read, stm32 ~ 2 us. */
    a->conv_ns = is_port(a, "esp32") ? 20000 : 2000;
}

bd_status_t bd_adc_chan_for_pad(const bd_adc_t *a, int pad, bd_adc_chan_t *out) {
    if (pad < 0 || pad >= a->board->npins || !out) return BD_ERR_INVAL;
    bd_pin_fn_t fn;
    if (!bd_pin_def_fn(bd_board_pin_def(a->board, pad), BD_FN_ADC, -1, &fn)) return BD_ERR_UNSUPPORTED;
    out->unit = fn.unit;
    out->channel = fn.sig;
    out->pad = (int16_t)pad;
    out->atten = BD_ADC_ATTN_0DB;
    return BD_OK;
}

bd_status_t bd_adc_chan_by_number(const bd_adc_t *a, int unit, int n, bd_adc_chan_t *out) {
    if (!out || n < 0) return BD_ERR_INVAL;
    if (is_port(a, "rp2") && n == BD_ADC_RP2_TEMP_CH) {
        *out = (bd_adc_chan_t){0, BD_ADC_RP2_TEMP_CH, -1, 0};
        return BD_OK;
    }
    for (int i = 0; i < a->board->npins; i++) {
        const bd_mcu_pin_t *d = bd_board_pin_def(a->board, i);
        if (d->flags & BD_PINF_EXT) continue; /* NINA pads are reached by pin only */
        for (int k = 0; k < BD_PIN_MAX_FN && d->fn[k].kind != BD_FN_NONE; k++)
            if (d->fn[k].kind == BD_FN_ADC && d->fn[k].sig == n && (unit < 0 || d->fn[k].unit == unit)) {
                *out = (bd_adc_chan_t){d->fn[k].unit, (uint8_t)n, (int16_t)i, BD_ADC_ATTN_0DB};
                return BD_OK;
            }
    }
    return BD_ERR_NOTFOUND;
}

bd_status_t bd_adc_attach(bd_adc_t *a, const bd_adc_chan_t *c) {
    if (!c) return BD_ERR_INVAL;
    if (c->pad < 0) return BD_OK;
    if (c->pad >= a->board->npins) return BD_ERR_INVAL;
    return bd_pin_configure(bd_board_pin(a->board, c->pad), BD_MODE_ANALOG, BD_PULL_NONE);
}

int32_t bd_adc_full_scale_uv(const bd_adc_t *a, const bd_adc_chan_t *c) {
    static const int32_t esp32_fs[] = {950000, 1250000, 1750000, 3100000};
    if (a->has_atten && c->atten < sizeof esp32_fs / sizeof esp32_fs[0]) return esp32_fs[c->atten];
    return a->vref_uv;
}

int32_t bd_adc_rp2_temp_uv(int32_t temp_mc) {
    /* 706 mV at 27 C, -1.721 mV per degree: uV = 706000 - (mC - 27000) * 1721 / 1000 */
    int64_t d = (int64_t)(temp_mc - 27000) * 1721;
    int64_t q = d >= 0 ? (d + 500) / 1000 : -((-d + 500) / 1000);
    return (int32_t)(706000 - q);
}

int32_t bd_adc_input_uv(const bd_adc_t *a, const bd_adc_chan_t *c) {
    if (c->pad < 0) return bd_adc_rp2_temp_uv(a->temp_mc);
    return bd_pin_uv(bd_board_pin(a->board, c->pad));
}

uint32_t bd_adc_uv_to_raw(int32_t uv, int32_t fs_uv, unsigned bits) {
    if (uv <= 0 || fs_uv <= 0) return 0;
    uint64_t max = (1ull << bits) - 1;
    uint64_t raw = ((uint64_t)uv * 2 * (1ull << bits) + (uint64_t)fs_uv) / (2 * (uint64_t)fs_uv);
    return (uint32_t)(raw > max ? max : raw);
}

uint16_t bd_adc_raw_to_u16(uint32_t raw, unsigned bits) {
    if (bits >= 16) return (uint16_t)(raw >> (bits - 16));
    if (bits < 8) return (uint16_t)(raw << (16 - bits)); /* outside the ports' formula */
    return (uint16_t)(raw << (16 - bits) | raw >> (2 * bits - 16));
}

int32_t bd_adc_raw_to_uv(uint32_t raw, int32_t fs_uv, unsigned bits) {
    return (int32_t)(((uint64_t)raw * (uint64_t)fs_uv + (1ull << bits) / 2) >> bits);
}

uint32_t bd_adc_read_raw(const bd_adc_t *a, const bd_adc_chan_t *c) {
    return bd_adc_uv_to_raw(bd_adc_input_uv(a, c), bd_adc_full_scale_uv(a, c), a->bits);
}

uint16_t bd_adc_read_u16(const bd_adc_t *a, const bd_adc_chan_t *c) {
    return bd_adc_raw_to_u16(bd_adc_read_raw(a, c), a->bits);
}

int32_t bd_adc_read_uv(const bd_adc_t *a, const bd_adc_chan_t *c) {
    return bd_adc_raw_to_uv(bd_adc_read_raw(a, c), bd_adc_full_scale_uv(a, c), a->bits);
}
