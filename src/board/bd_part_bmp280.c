/* bd_part_bmp280.c: the Bosch BMP280 temperature and pressure sensor on I2C.
 *
 * Roles: sda, scl (the pads of the I2C bus it hangs on; the bus model does
 * the line work, bd_part_i2c.h).  Attributes: address (0x76 with SDO to
 * GND, 0x77 with SDO high), temperature (degC), pressure (hPa), and the
 * measurements chip_id, mode, measuring, measurements, adc_t, adc_p (ro).
 *
 * Register map (BMP280 data sheet BST-BMP280-DS001, sections 3 and 4):
 *   0x88..0x9F  calib00..23: dig_T1..T3, dig_P1..P9, little-endian words
 *   0xD0 id     0x58
 *   0xE0 reset  writing 0xB6 resets the device; reads 0x00
 *   0xF3 status bit 3 measuring (im_update, bit 0, reads 0: NVM copy not modelled)
 *   0xF4 ctrl_meas  osrs_t[7:5] osrs_p[4:2] mode[1:0] (00 sleep, 01/10 forced, 11 normal)
 *   0xF5 config     t_sb[7:5] filter[4:2] spi3w_en[0]
 *   0xF7..0xF9  press msb, lsb, xlsb[7:4];  0xFA..0xFC  temp msb, lsb, xlsb[7:4]
 * I2C: a write transfer is pairs of (register, value); a read returns
 * registers from the last register address on, incrementing.  Unmapped
 * registers read 0.
 *
 * Measurement (data sheet 3.3, 3.6, 3.8): a forced-mode write starts one
 * measurement, after which the mode bits read 00 (sleep) again; normal mode
 * repeats measurement + standby t_sb (0.5, 62.5, 125, 250, 500, 1000, 2000,
 * 4000 ms).  A measurement takes the typical time of table 13:
 * 1 ms + 2 ms x temperature oversampling + (2 ms x pressure oversampling
 * + 0.5 ms when pressure is measured), 5.5 ms at x1/x1, 37.5 ms at x16/x2;
 * `measuring` is set for that long and the data registers change at its
 * end.  The settings and the temperature and pressure attributes are taken
 * when it starts.  Oversampling 0 skips the quantity (output 0x80000);
 * xN gives 16 + log2 N bits (16 bits at x1: the low 4 bits are 0).
 * The IIR filter (coefficient 2, 4, 8, 16) runs on the raw values as the
 * data sheet gives it, with 20-bit output; writing config resets it, the
 * next sample initialises it, a skipped quantity leaves its memory alone.
 * Data registers are shadowed during a read transfer (3.10): results that
 * arrive mid-burst appear after the STOP.  After a reset the data registers
 * hold 0x80000.
 *
 * Raw values: the model holds fixed calibration words (the data sheet's
 * worked example, 3.12) and inverts the data sheet's integer compensation
 * (3.11.3, 64-bit pressure) by bisection (each is monotonic in its raw
 * value), so a driver applying the data sheet's formulas reads back the
 * attributes: within 0.01 degC and 1 Pa at x16, within the resolution of
 * table 4 and 5 at lower oversampling (x1: 0.005 degC, 2.62 Pa).
 *
 * Invariant: `measuring` iff ev_end is pending; ev_next is pending only in
 * normal mode between measurements.
 */
#include <math.h>
#include <stdio.h>

#include "board/bd_part.h"
#include "board/bd_part_i2c.h"

/* Calibration: the data sheet's example device (section 3.12). */
static const uint16_t T1 = 27504;
static const int16_t T2 = 26435, T3 = -1000;
static const uint16_t P1 = 36477;
static const int16_t P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000;

#define RAW_SKIPPED 0x80000u
#define RAW_MAX 0xFFFFFu

typedef struct {
    bd_i2c_part_t i2c;            /* the part and its place on the bus */
    double temperature, pressure; /* degC, hPa */
    uint8_t ctrl_meas, config;
    uint8_t ptr;
    bool have_ptr, reading;
    uint32_t out_t, out_p;   /* the data registers (20-bit) */
    uint32_t pend_t, pend_p; /* results waiting for the end of a read burst */
    bool pending;
    bool measuring;
    uint8_t m_ctrl, m_filter;    /* settings of the running measurement */
    uint32_t sample_t, sample_p; /* its raw ADC values */
    double filt_t, filt_p;
    bool filt_t_ok, filt_p_ok;
    bd_event_id_t ev_end, ev_next;
    uint64_t measurements;
} bmp280_t;

enum { A_ADDRESS, A_TEMP, A_PRESS, A_CHIP_ID, A_MODE, A_MEASURING, A_MEASUREMENTS, A_ADC_T, A_ADC_P };

static const bd_attr_def_t attrs[] = {
    {"address", BD_ATTR_INT, 0, "", 0x76, 0x77, NULL, "I2C address: 0x76 (SDO low) or 0x77 (SDO high)"},
    {"temperature", BD_ATTR_NUM, 0, "degC", -40, 85, NULL, "air temperature"},
    {"pressure", BD_ATTR_NUM, 0, "hPa", 300, 1100, NULL, "air pressure"},
    {"chip_id", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "register 0xD0 (0x58)"},
    {"mode", BD_ATTR_ENUM, BD_ATTR_RO, "", 1, 0, "sleep|forced|normal", "power mode in ctrl_meas"},
    {"measuring", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "a conversion is running"},
    {"measurements", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "conversions completed"},
    {"adc_t", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "raw temperature in the data registers"},
    {"adc_p", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "raw pressure in the data registers"},
};

/* ------------------------------------------------------------ compensation */

/* The data sheet's formulas, in 64-bit arithmetic (the same results as the
 * 32-bit temperature code wherever that does not overflow, and without the
 * undefined left shifts of negative numbers). */
static int32_t t_fine_of(int32_t adc_t) {
    int64_t v1 = ((((int64_t)adc_t >> 3) - (int64_t)T1 * 2) * T2) >> 11;
    int64_t d = ((int64_t)adc_t >> 4) - T1;
    int64_t v2 = (((d * d) >> 12) * T3) >> 14;
    return (int32_t)(v1 + v2);
}

/* Pressure in Pa, Q24.8 (0: the formula's division-by-zero guard). */
static int64_t pressure_q8(int32_t adc_p, int32_t t_fine) {
    int64_t v1 = (int64_t)t_fine - 128000;
    int64_t v2 = v1 * v1 * P6;
    v2 += v1 * P5 * 131072;            /* << 17 */
    v2 += (int64_t)P4 * 34359738368LL; /* << 35 */
    v1 = ((v1 * v1 * P3) >> 8) + v1 * P2 * 4096;
    v1 = (((int64_t)1 << 47) + v1) * P1 >> 33;
    if (v1 == 0) return 0;
    int64_t p = 1048576 - (int64_t)adc_p;
    p = (p * 2147483648LL - v2) * 3125 / v1;
    v1 = ((int64_t)P9 * (p >> 13) * (p >> 13)) >> 25;
    v2 = ((int64_t)P8 * p) >> 19;
    return ((p + v1 + v2) >> 8) + (int64_t)P7 * 16;
}

/* Raw temperature nearest to `degc` among multiples of `step`: t_fine / 5120
 * is the temperature and rises with the raw value. */
static uint32_t raw_temperature(double degc, uint32_t step) {
    double want = degc * 5120.0;
    uint32_t lo = 0, hi = RAW_MAX / step; /* first k with t_fine(k * step) >= want */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t_fine_of((int32_t)(mid * step)) >= want)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo > 0 &&
        fabs(t_fine_of((int32_t)((lo - 1) * step)) - want) <= fabs(t_fine_of((int32_t)(lo * step)) - want))
        lo--;
    return lo * step;
}

/* Raw pressure nearest to `pa` (the compensated pressure falls as it rises). */
static uint32_t raw_pressure(double pa, int32_t t_fine, uint32_t step) {
    double want = pa * 256.0;
    uint32_t lo = 0, hi = RAW_MAX / step; /* first k with p(k * step) <= want */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((double)pressure_q8((int32_t)(mid * step), t_fine) <= want)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo > 0 && fabs((double)pressure_q8((int32_t)((lo - 1) * step), t_fine) - want) <=
                      fabs((double)pressure_q8((int32_t)(lo * step), t_fine) - want))
        lo--;
    return lo * step;
}

/* ------------------------------------------------------------ timing */

static unsigned oversampling(unsigned osrs) { return osrs == 0 ? 0 : osrs >= 5 ? 16 : 1u << (osrs - 1); }

static bd_time_t measure_time(uint8_t ctrl) {
    unsigned ot = oversampling(ctrl >> 5), op = oversampling((ctrl >> 2) & 7);
    bd_time_t t = BD_US(1000) + BD_US(2000) * ot;
    if (op) t += BD_US(2000) * op + BD_US(500);
    return t;
}

static bd_time_t standby_time(uint8_t config) {
    static const uint32_t us[8] = {500, 62500, 125000, 250000, 500000, 1000000, 2000000, 4000000};
    return BD_US(us[config >> 5]);
}

static int mode_of(uint8_t ctrl) {
    int m = ctrl & 3;
    return m == 0 ? 0 : m == 3 ? 2 : 1; /* sleep, forced, normal */
}

static void measure_start(bmp280_t *b);

static void next_cycle(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bmp280_t *b = ctx;
    b->ev_next = 0;
    if (mode_of(b->ctrl_meas) == 2 && !b->measuring) measure_start(b);
}

static void publish(bmp280_t *b, uint32_t t, uint32_t p) {
    if (b->reading) { /* shadowing: a burst in progress sees one measurement */
        b->pend_t = t, b->pend_p = p, b->pending = true;
        return;
    }
    b->out_t = t, b->out_p = p;
}

static uint32_t filtered(double *mem, bool *ok, uint32_t sample, unsigned coef) {
    if (coef <= 1) return sample;
    *mem = *ok ? (*mem * (coef - 1) + sample) / coef : sample;
    *ok = true;
    double r = floor(*mem + 0.5);
    return r > RAW_MAX ? RAW_MAX : (uint32_t)r;
}

static void measure_end(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bmp280_t *b = ctx;
    b->ev_end = 0;
    b->measuring = false;
    unsigned fcoef = b->m_filter == 0 ? 1 : b->m_filter >= 4 ? 16 : 1u << b->m_filter;
    uint32_t t = RAW_SKIPPED, p = RAW_SKIPPED;
    if (b->m_ctrl >> 5) t = filtered(&b->filt_t, &b->filt_t_ok, b->sample_t, fcoef);
    if ((b->m_ctrl >> 2) & 7) p = filtered(&b->filt_p, &b->filt_p_ok, b->sample_p, fcoef);
    publish(b, t, p);
    b->measurements++;
    int mode = mode_of(b->ctrl_meas);
    if (mode == 1)
        b->ctrl_meas &= (uint8_t)~3u; /* forced: back to sleep */
    else if (mode == 2)
        bd_sched_after(s, standby_time(b->config), next_cycle, b, 0, &b->ev_next);
}

static void measure_start(bmp280_t *b) {
    b->m_ctrl = b->ctrl_meas;
    b->m_filter = (b->config >> 2) & 7;
    unsigned ot = oversampling(b->m_ctrl >> 5), op = oversampling((b->m_ctrl >> 2) & 7);
    /* resolution: 16 bits at x1, one more per doubling (data sheet 3.3.1) */
    uint32_t step_t = ot ? 16u / ot : 1, step_p = op ? 16u / op : 1;
    int32_t tf;
    if (ot) {
        b->sample_t = raw_temperature(b->temperature, step_t);
        tf = t_fine_of((int32_t)b->sample_t); /* what the driver will use */
    } else {
        tf = t_fine_of((int32_t)raw_temperature(b->temperature, 1));
    }
    if (op) b->sample_p = raw_pressure(b->pressure * 100.0, tf, step_p);
    b->measuring = true;
    bd_sched_after(bd_part_sched(&b->i2c.base), measure_time(b->m_ctrl), measure_end, b, 0, &b->ev_end);
}

/* ------------------------------------------------------------ registers */

static void power_on(bmp280_t *b) {
    bd_part_cancel(&b->i2c.base, &b->ev_end);
    bd_part_cancel(&b->i2c.base, &b->ev_next);
    b->measuring = false;
    b->ctrl_meas = b->config = 0;
    b->out_t = b->out_p = RAW_SKIPPED;
    b->pending = false;
    b->filt_t_ok = b->filt_p_ok = false;
}

static uint8_t calib_byte(unsigned i) {
    const uint16_t w[12] = {T1,           (uint16_t)T2, (uint16_t)T3, P1,
                            (uint16_t)P2, (uint16_t)P3, (uint16_t)P4, (uint16_t)P5,
                            (uint16_t)P6, (uint16_t)P7, (uint16_t)P8, (uint16_t)P9};
    return (uint8_t)(i & 1 ? w[i / 2] >> 8 : w[i / 2] & 0xff);
}

static uint8_t reg_read(const bmp280_t *b, uint8_t r) {
    if (r >= 0x88 && r <= 0x9F) return calib_byte(r - 0x88u);
    switch (r) {
    case 0xD0:
        return 0x58;
    case 0xF3:
        return b->measuring ? 0x08 : 0x00;
    case 0xF4:
        return b->ctrl_meas;
    case 0xF5:
        return b->config;
    case 0xF7:
        return (uint8_t)(b->out_p >> 12);
    case 0xF8:
        return (uint8_t)(b->out_p >> 4);
    case 0xF9:
        return (uint8_t)((b->out_p & 0xf) << 4);
    case 0xFA:
        return (uint8_t)(b->out_t >> 12);
    case 0xFB:
        return (uint8_t)(b->out_t >> 4);
    case 0xFC:
        return (uint8_t)((b->out_t & 0xf) << 4);
    default:
        return 0;
    }
}

static void reg_write(bmp280_t *b, uint8_t r, uint8_t v) {
    switch (r) {
    case 0xE0:
        if (v == 0xB6) power_on(b);
        break;
    case 0xF4: {
        b->ctrl_meas = v;
        int mode = mode_of(v);
        if (mode == 0) bd_part_cancel(&b->i2c.base, &b->ev_next); /* a running conversion still completes */
        /* forced while converting: ignored; normal: starts now unless a
         * cycle is already going */
        if (mode != 0 && !b->measuring && !b->ev_next) measure_start(b);
        break;
    }
    case 0xF5:
        b->config = v;
        b->filt_t_ok = b->filt_p_ok = false; /* "when writing to the register filter, the filter is reset" */
        break;
    default:
        break; /* read-only or unmapped */
    }
}

static bool dev_start(void *ctx, bool read) {
    bmp280_t *b = ctx;
    b->have_ptr = false;
    b->reading = read;
    return true;
}

static bool dev_write(void *ctx, uint8_t byte) {
    bmp280_t *b = ctx;
    if (!b->have_ptr) {
        b->ptr = byte;
        b->have_ptr = true;
    } else {
        reg_write(b, b->ptr, byte);
        b->have_ptr = false; /* pairs: the next byte is a register address again */
    }
    return true;
}

static uint8_t dev_read(void *ctx, bool ack) {
    bmp280_t *b = ctx;
    return reg_read(b, b->ptr++);
}

static void dev_stop(void *ctx) {
    bmp280_t *b = ctx;
    b->reading = false;
    if (b->pending) {
        b->pending = false;
        b->out_t = b->pend_t, b->out_p = b->pend_p;
    }
}

/* ------------------------------------------------------------ the part */

static void init(bd_part_t *p) {
    bmp280_t *b = (bmp280_t *)p;
    b->temperature = 20.0;
    b->pressure = 1013.25;
    b->i2c.slot.dev = (bd_i2c_dev_t){
        .addr = 0x76, .ctx = b, .start = dev_start, .write = dev_write, .read = dev_read, .stop = dev_stop};
    power_on(b);
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    bmp280_t *b = (bmp280_t *)p;
    switch (attr) {
    case A_ADDRESS:
        return bd_i2c_slot_readdress(p, &b->i2c.slot, (uint8_t)v->num, err, errlen);
    case A_TEMP:
        b->temperature = v->num;
        break;
    case A_PRESS:
        b->pressure = v->num;
        break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const bmp280_t *b = (const bmp280_t *)p;
    switch (attr) {
    case A_ADDRESS:
        v->num = b->i2c.slot.dev.addr;
        break;
    case A_TEMP:
        v->num = b->temperature;
        break;
    case A_PRESS:
        v->num = b->pressure;
        break;
    case A_CHIP_ID:
        v->num = 0x58;
        break;
    case A_MODE:
        v->num = mode_of(b->ctrl_meas);
        break;
    case A_MEASURING:
        v->num = b->measuring;
        break;
    case A_MEASUREMENTS:
        v->num = (double)b->measurements;
        break;
    case A_ADC_T:
        v->num = b->out_t;
        break;
    case A_ADC_P:
        v->num = b->out_p;
        break;
    }
}

static void reset(bd_part_t *p) {
    bmp280_t *b = (bmp280_t *)p;
    power_on(b);
    b->measurements = 0;
}

static void fini(bd_part_t *p) {
    bmp280_t *b = (bmp280_t *)p;
    power_on(b);
    bd_i2c_slot_leave(&b->i2c.slot);
}

const bd_part_type_t bd_part_bmp280_type = {
    .kind = "bmp280",
    .alias = NULL,
    .prefix = "bmp280_",
    .help = "Bosch BMP280 temperature and pressure sensor on I2C",
    .roles = bd_i2c_part_roles,
    .nroles = BD_I2C_NROLES,
    .npositional = BD_I2C_NROLES,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(bmp280_t),
    .init = init,
    .set = set,
    .get = get,
    .reset = reset,
    .fini = fini,
    .wired = bd_i2c_part_wired,
};
