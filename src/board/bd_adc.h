/* bd_adc.h: the ADC: which channel a pad reaches, and what a conversion of
 * its voltage returns, with each port's rounding and scaling.
 *
 * Inputs: the resolved analog voltage of a pad (bd_pin_uv: a potentiometer,
 * a stimulus source, or the level of a digital driver), or an internal
 * source (the RP2040 temperature sensor, ADC channel 4).  Outputs: raw counts
 * at the converter's native resolution, the 16-bit value of read_u16, and
 * read_uv's microvolts.  A conversion has no side effect on the pad; it costs
 * bd_adc_conv_ns of virtual time, which the bindings may charge.
 *
 * Conversion (one formula for every port, parameters per port):
 *     raw = floor(uv * 2^bits / fs_uv + 1/2), clamped to [0, 2^bits - 1]
 * i.e. an ideal mid-tread converter, LSB = fs_uv / 2^bits, first transition
 * at half an LSB.  fs_uv is the board's adc_vref_uv (rp2, stm32), or the
 * full scale of the channel's attenuation on esp32.  ASSUMPTION: real parts
 * add offset, gain error and noise (the RP2040 has ~8.7 ENOB); none of that
 * is modelled, so a run stays deterministic and a reading is predictable.
 *
 * read_u16 scaling: machine.ADC's documentation says the raw reading is
 * "scaled such that the minimum value is 0 and the maximum value is 65535";
 * MicroPython's maintainer describes the ports' expression as a Taylor
 * expansion of u16 = raw * 65535 / (2^bits - 1) (PR #5033).  Modelled as
 *     u16 = raw << (16 - bits) | raw >> (2 * bits - 16)     (8 <= bits <= 16)
 * bit replication, so 0 -> 0 and full scale 4095 -> 65535 (a plain shift
 * would top out at 65520).  For 16-bit converters it is the identity.
 * ASSUMPTION: that every port uses exactly this expansion (not confirmed
 * per port by a document; docs/board-facts.md).
 *
 * read_uv: raw * fs_uv / 2^bits rounded to the nearest uV (the centre of the
 * code's step is not used: the ports compute from the code, not the input).
 * Which ports expose read_uv is the bindings' business (esp32 does).
 *
 * RP2040 temperature sensor, ADC channel 4 (RP2040 datasheet 4.9.5,
 * "Temperature Sensor"; rp2 quickref: the fifth channel):
 *     V = 0.706 V - (T - 27 C) * 1.721 mV/C
 * so the usual 27 - (V - 0.706) / 0.001721 recovers T.  The die temperature
 * is a field the sim side sets (temp_mc, milli-degrees C; default 27000).
 *
 * Ownership: bd_adc_t borrows the board; no allocation, nothing to free.
 */
#ifndef BD_ADC_H
#define BD_ADC_H

#include <stdbool.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

/* ESP32 input attenuation (ADC.ATTN_0DB ...), the index into the full-scale
 * table: 950, 1250, 1750, 3100 mV, the measurable ranges of the ESP32-S3
 * (ESP-IDF v4.4 ESP32-S3 ADC guide, "ADC Attenuation"; 12-bit single
 * reads).  The lower ends of the original ESP32's ranges (100-150 mV) do not
 * apply to the S3, whose ranges start at 0 mV. */
typedef enum { BD_ADC_ATTN_0DB = 0, BD_ADC_ATTN_2_5DB, BD_ADC_ATTN_6DB, BD_ADC_ATTN_11DB } bd_adc_atten_t;

#define BD_ADC_RP2_TEMP_CH 4

typedef struct {
    bd_board_t *board;
    uint8_t bits;      /* native resolution (board table) */
    int32_t vref_uv;   /* reference (board table) */
    bool has_atten;    /* esp32: per-channel attenuation sets the full scale */
    int32_t temp_mc;   /* die temperature for the internal sensor, milli-C */
    bd_time_t conv_ns; /* time one conversion takes */
} bd_adc_t;

/* One channel the bindings hold (an ADC object). */
typedef struct {
    int8_t unit;     /* ADC number as in bd_pin_fn_t */
    uint8_t channel; /* channel number within the unit */
    int16_t pad;     /* board pad index, or -1 for an internal source */
    uint8_t atten;   /* bd_adc_atten_t, esp32 only */
} bd_adc_chan_t;

/* Set up from the board definition (adc_bits, adc_vref_uv, port). */
void bd_adc_init(bd_adc_t *a, bd_board_t *b);

/* The channel a pad reaches.  BD_ERR_UNSUPPORTED if the pad has no ADC
 * function; BD_ERR_INVAL for a bad index. */
bd_status_t bd_adc_chan_for_pad(const bd_adc_t *a, int pad, bd_adc_chan_t *out);

/* A channel by number, as ADC(n) takes it.  rp2: 0..3 are GPIO26..29 and 4
 * is the temperature sensor; other ports: the first pad whose ADC function
 * has channel n (on `unit`, or any unit when unit < 0).  BD_ERR_NOTFOUND if
 * there is no such channel. */
bd_status_t bd_adc_chan_by_number(const bd_adc_t *a, int unit, int n, bd_adc_chan_t *out);

/* Claim the pad for the ADC: analog mode (input buffer and pulls off), as
 * rp2's adc_gpio_init and the stm32 analog mode do.  Internal channels: no-op. */
bd_status_t bd_adc_attach(bd_adc_t *a, const bd_adc_chan_t *c);

/* Full-scale voltage of a channel (vref, or the attenuation's range). */
int32_t bd_adc_full_scale_uv(const bd_adc_t *a, const bd_adc_chan_t *c);
/* The voltage at the converter's input now. */
int32_t bd_adc_input_uv(const bd_adc_t *a, const bd_adc_chan_t *c);

/* Conversions (pure functions of the input voltage). */
uint32_t bd_adc_read_raw(const bd_adc_t *a, const bd_adc_chan_t *c);
uint16_t bd_adc_read_u16(const bd_adc_t *a, const bd_adc_chan_t *c);
int32_t bd_adc_read_uv(const bd_adc_t *a, const bd_adc_chan_t *c);

/* The formulas, exposed for tests and for ports that differ. */
uint32_t bd_adc_uv_to_raw(int32_t uv, int32_t fs_uv, unsigned bits);
uint16_t bd_adc_raw_to_u16(uint32_t raw, unsigned bits);
int32_t bd_adc_raw_to_uv(uint32_t raw, int32_t fs_uv, unsigned bits);
/* Sensor voltage of the RP2040 temperature diode at temp_mc milli-C. */
int32_t bd_adc_rp2_temp_uv(int32_t temp_mc);

#endif
