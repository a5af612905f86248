/* test_i2c_parts.c: the I2C parts and what they share: bmp280 registers,
 * the compensation round trip (the data sheet's double-precision formulas
 * applied here recover the attributes), measurement timing in forced and
 * normal mode, skipped channels, reset, shadowing, the IIR filter; ssd1306
 * command decoding and the viewer's image; the PNG encoder's bytes; parts
 * and masters meeting on one bus in either order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board/bd_i2c.h"
#include "board/bd_part.h"
#include "board/bd_parts_file.h"
#include "board/bd_png.h"
#include "tap.h"

typedef struct {
    bd_board_t b;
    bd_i2c_t *bus;
    int sda, scl;
} rig_t;

static void rig_init(rig_t *r) {
    bd_board_init(&r->b, bd_board_def_find("nano-rp2040"));
    r->sda = bd_board_pin_find(&r->b, "A4", 0);
    r->scl = bd_board_pin_find(&r->b, "A5", 0);
    bd_i2c_net(&r->b, r->scl, r->sda, "i2c0", &r->bus);
    bd_i2c_set_freq(r->bus, 400000);
}

static bd_part_t *wire(rig_t *r, const char *kind, const char *name) {
    bd_part_t *p;
    if (bd_part_new(&p, &r->b, kind, name) != BD_OK) return NULL;
    bd_part_attach(p, "sda", r->sda, NULL, 0);
    bd_part_attach(p, "scl", r->scl, NULL, 0);
    return p;
}

static void wr(rig_t *r, uint8_t addr, uint8_t reg, uint8_t v) {
    bd_i2c_writeto_mem(r->bus, addr, reg, 8, &v, 1, NULL);
}
static uint8_t rd(rig_t *r, uint8_t addr, uint8_t reg) {
    uint8_t v = 0xAA;
    bd_i2c_readfrom_mem(r->bus, addr, reg, 8, &v, 1);
    return v;
}
static double num(bd_part_t *p, const char *attr) {
    double v = -1;
    bd_part_get_num(p, attr, &v);
    return v;
}
static void run_for(rig_t *r, bd_time_t dt) {
    bd_sched_run_until(&r->b.sched, bd_sched_now(&r->b.sched) + dt, NULL);
}

/* ------------------------------------------------------------ bmp280 */

typedef struct {
    uint16_t T1, P1;
    int16_t T2, T3, P2, P3, P4, P5, P6, P7, P8, P9;
} cal_t;

static cal_t read_cal(rig_t *r, uint8_t addr) {
    uint8_t c[24];
    bd_i2c_readfrom_mem(r->bus, addr, 0x88, 8, c, 24);
#define W(i) ((uint16_t)(c[i] | c[(i) + 1] << 8))
    cal_t k = {W(0),           W(6),           (int16_t)W(2),  (int16_t)W(4),
               (int16_t)W(8),  (int16_t)W(10), (int16_t)W(12), (int16_t)W(14),
               (int16_t)W(16), (int16_t)W(18), (int16_t)W(20), (int16_t)W(22)};
#undef W
    return k;
}

/* The data sheet's floating-point compensation (appendix 8.1), written
 * independently of the model's integer code. */
static double comp_t(const cal_t *k, int32_t adc, double *t_fine) {
    double v1 = (adc / 16384.0 - k->T1 / 1024.0) * k->T2;
    double d = adc / 131072.0 - k->T1 / 8192.0;
    double v2 = d * d * k->T3;
    *t_fine = (double)(int32_t)(v1 + v2);
    return (v1 + v2) / 5120.0;
}
static double comp_p(const cal_t *k, int32_t adc, double t_fine) {
    double v1 = t_fine / 2.0 - 64000.0;
    double v2 = v1 * v1 * k->P6 / 32768.0;
    v2 = v2 + v1 * k->P5 * 2.0;
    v2 = v2 / 4.0 + k->P4 * 65536.0;
    v1 = (k->P3 * v1 * v1 / 524288.0 + k->P2 * v1) / 524288.0;
    v1 = (1.0 + v1 / 32768.0) * k->P1;
    if (v1 == 0) return 0;
    double p = 1048576.0 - adc;
    p = (p - v2 / 4096.0) * 6250.0 / v1;
    v1 = k->P9 * p * p / 2147483648.0;
    v2 = p * k->P8 / 32768.0;
    return p + (v1 + v2 + k->P7) / 16.0;
}

static void raw(rig_t *r, uint8_t addr, int32_t *adc_t, int32_t *adc_p) {
    uint8_t d[6];
    bd_i2c_readfrom_mem(r->bus, addr, 0xF7, 8, d, 6);
    *adc_p = d[0] << 12 | d[1] << 4 | d[2] >> 4;
    *adc_t = d[3] << 12 | d[4] << 4 | d[5] >> 4;
}

TEST(bmp280_registers) {
    rig_t r;
    rig_init(&r);
    bd_part_t *p = wire(&r, "bmp280", "bmp1");
    uint8_t found[4];
    CHECK_EQ(bd_i2c_scan(r.bus, found, 4), 1);
    CHECK_EQ(found[0], 0x76);
    CHECK_EQ(rd(&r, 0x76, 0xD0), 0x58);
    CHECK_EQ(num(p, "chip_id"), 0x58);
    cal_t k = read_cal(&r, 0x76); /* the data sheet's example device */
    CHECK_EQ(k.T1, 27504);
    CHECK_EQ(k.T2, 26435);
    CHECK_EQ(k.T3, -1000);
    CHECK_EQ(k.P1, 36477);
    CHECK_EQ(k.P2, -10685);
    CHECK_EQ(k.P9, 6000);
    /* after power-on: sleep, registers 0, data 0x80000 */
    uint8_t d[6];
    bd_i2c_readfrom_mem(r.bus, 0x76, 0xF3, 8, d, 3);
    CHECK(d[0] == 0 && d[1] == 0 && d[2] == 0);
    bd_i2c_readfrom_mem(r.bus, 0x76, 0xF7, 8, d, 6);
    CHECK(d[0] == 0x80 && d[1] == 0 && d[2] == 0 && d[3] == 0x80 && d[4] == 0 && d[5] == 0);
    /* writes are (register, value) pairs */
    uint8_t pairs[4] = {0xF5, 0xA0, 0xF4, 0x24};
    bd_i2c_writeto(r.bus, 0x76, pairs, 4, true, NULL);
    CHECK_EQ(rd(&r, 0x76, 0xF5), 0xA0);
    CHECK_EQ(rd(&r, 0x76, 0xF4), 0x24);
    /* soft reset */
    wr(&r, 0x76, 0xE0, 0xB6);
    CHECK_EQ(rd(&r, 0x76, 0xF4), 0);
    CHECK_EQ(rd(&r, 0x76, 0xF5), 0);
    CHECK_EQ(rd(&r, 0x76, 0xE0), 0);
    /* the SDO pin: 0x77 */
    CHECK_EQ(bd_part_set(p, "address", "0x77", NULL, 0), BD_OK);
    CHECK_EQ(bd_i2c_scan(r.bus, found, 4), 1);
    CHECK_EQ(found[0], 0x77);
    CHECK_EQ(bd_part_set(p, "address", "0x78", NULL, 0), BD_ERR_INVAL);
    bd_part_free(p);
    CHECK_EQ(bd_i2c_scan(r.bus, found, 4), 0);
    bd_board_free(&r.b);
}

TEST(bmp280_round_trip) {
    rig_t r;
    rig_init(&r);
    bd_part_t *p = wire(&r, "bmp280", "bmp1");
    cal_t k = read_cal(&r, 0x76);
    static const double temps[] = {-40, -12.34, 0, 25.08, 31.7, 85};
    static const double press[] = {300, 650.5, 1006.53, 1013.25, 1100};
    double worst_t = 0, worst_p = 0, worst_t1 = 0, worst_p1 = 0;
    for (size_t i = 0; i < sizeof temps / sizeof temps[0]; i++)
        for (size_t j = 0; j < sizeof press / sizeof press[0]; j++) {
            bd_part_set_num(p, "temperature", temps[i], NULL, 0);
            bd_part_set_num(p, "pressure", press[j], NULL, 0);
            int32_t at, ap;
            double tf;
            /* x16 / x16, forced: full 20-bit resolution */
            wr(&r, 0x76, 0xF4, 0xB5);
            run_for(&r, BD_MS(70));
            raw(&r, 0x76, &at, &ap);
            double t = comp_t(&k, at, &tf), pa = comp_p(&k, ap, tf);
            worst_t = fmax(worst_t, fabs(t - temps[i]));
            worst_p = fmax(worst_p, fabs(pa - press[j] * 100));
            /* x1 / x1: 16 bits, the low four are zero */
            wr(&r, 0x76, 0xF4, 0x25);
            run_for(&r, BD_MS(10));
            raw(&r, 0x76, &at, &ap);
            CHECK_EQ(at & 15, 0);
            CHECK_EQ(ap & 15, 0);
            t = comp_t(&k, at, &tf), pa = comp_p(&k, ap, tf);
            worst_t1 = fmax(worst_t1, fabs(t - temps[i]));
            worst_p1 = fmax(worst_p1, fabs(pa - press[j] * 100));
        }
    printf("# worst error x16: %.4f degC %.3f Pa; x1: %.4f degC %.3f Pa\n", worst_t, worst_p, worst_t1,
           worst_p1);
    CHECK(worst_t < 0.01);
    CHECK(worst_p < 1.0);
    CHECK(worst_t1 < 0.01); /* 16 bits: 0.005 degC resolution */
    CHECK(worst_p1 < 2.62); /* 16 bits: 2.62 Pa resolution (data sheet table 4) */
    /* the data sheet's worked example: 519888 reads as 25.08 degC */
    double tf;
    CHECK(fabs(comp_t(&k, 519888, &tf) - 25.08) < 0.005);
    CHECK(fabs(comp_p(&k, 415148, tf) - 100653.27) < 0.05);
    bd_part_free(p);
    bd_board_free(&r.b);
}

TEST(bmp280_timing) {
    rig_t r;
    rig_init(&r);
    bd_part_t *p = wire(&r, "bmp280", "bmp1");
    /* 5 MHz: the measurement starts less than 1 us (ACK + STOP) before the
     * write returns */
    bd_i2c_set_freq(r.bus, 5000000);
    /* forced x1/x1: 5.5 ms measuring, then sleep */
    wr(&r, 0x76, 0xF4, 0x25);
    bd_time_t t0 = bd_sched_now(&r.b.sched);
    CHECK_EQ(rd(&r, 0x76, 0xF3), 0x08);
    CHECK_EQ(num(p, "mode"), 1);
    bd_sched_run_until(&r.b.sched, t0 + BD_US(5499), NULL);
    CHECK_EQ(num(p, "measuring"), 1);
    CHECK_EQ(num(p, "adc_t"), 0x80000);
    bd_sched_run_until(&r.b.sched, t0 + BD_US(5500), NULL);
    CHECK_EQ(num(p, "measuring"), 0);
    CHECK_EQ(num(p, "measurements"), 1);
    CHECK_EQ(rd(&r, 0x76, 0xF4), 0x24); /* mode bits back to sleep */
    CHECK_EQ(num(p, "mode"), 0);
    CHECK(num(p, "adc_t") != 0x80000);
    /* a new temperature shows only after the next measurement */
    double before = num(p, "adc_t");
    bd_part_set_num(p, "temperature", 30, NULL, 0);
    run_for(&r, BD_MS(100));
    CHECK_EQ(num(p, "adc_t"), before);
    /* x16 / x2: 37.5 ms */
    wr(&r, 0x76, 0xF4, 0x55);
    t0 = bd_sched_now(&r.b.sched);
    bd_sched_run_until(&r.b.sched, t0 + BD_US(37499), NULL);
    CHECK_EQ(num(p, "measuring"), 1);
    bd_sched_run_until(&r.b.sched, t0 + BD_US(37500), NULL);
    CHECK_EQ(num(p, "measuring"), 0);
    CHECK(num(p, "adc_t") > before);
    /* normal mode x1/x1, standby 0.5 ms: a result every 6 ms */
    wr(&r, 0x76, 0xF5, 0x00);
    uint64_t m0 = (uint64_t)num(p, "measurements");
    wr(&r, 0x76, 0xF4, 0x27);
    t0 = bd_sched_now(&r.b.sched);
    bd_sched_run_until(&r.b.sched, t0 + BD_US(59500), NULL);
    CHECK_EQ(num(p, "measurements") - (double)m0, 10); /* ends at 5.5, 11.5, ... 59.5 ms */
    CHECK_EQ(num(p, "mode"), 2);
    /* standby 1000 ms (t_sb = 101) */
    wr(&r, 0x76, 0xF5, 0xA0);
    m0 = (uint64_t)num(p, "measurements");
    run_for(&r, BD_S(3) + BD_MS(20));
    CHECK_EQ(num(p, "measurements") - (double)m0, 3);
    /* back to sleep: no more results */
    wr(&r, 0x76, 0xF4, 0x24);
    run_for(&r, BD_MS(10)); /* a conversion under way completes */
    m0 = (uint64_t)num(p, "measurements");
    run_for(&r, BD_S(5));
    CHECK_EQ(num(p, "measurements"), (double)m0);
    /* skipped temperature: 0x80000, pressure measured */
    wr(&r, 0x76, 0xF4, 0x05);
    run_for(&r, BD_MS(10));
    CHECK_EQ(num(p, "adc_t"), 0x80000);
    CHECK(num(p, "adc_p") != 0x80000);
    /* reset: data 0x80000 again */
    wr(&r, 0x76, 0xE0, 0xB6);
    CHECK_EQ(num(p, "adc_p"), 0x80000);
    bd_part_free(p);
    bd_board_free(&r.b);
}

TEST(bmp280_shadow_and_filter) {
    rig_t r;
    rig_init(&r);
    bd_part_t *p = wire(&r, "bmp280", "bmp1");
    wr(&r, 0x76, 0xF4, 0xB5); /* x16/x16 forced */
    run_for(&r, BD_MS(70));
    double t20 = num(p, "adc_t");
    /* a burst read open while a measurement ends keeps the old values */
    bd_part_set_num(p, "temperature", 40, NULL, 0);
    wr(&r, 0x76, 0xF4, 0xB5);
    bd_i2c_start(r.bus);
    bd_i2c_address(r.bus, 0x76, false);
    bd_i2c_write_byte(r.bus, 0xFA);
    bd_i2c_start(r.bus);
    bd_i2c_address(r.bus, 0x76, true);
    uint8_t msb = bd_i2c_read_byte(r.bus, true);
    run_for(&r, BD_MS(70)); /* the conversion ends mid-burst */
    uint8_t lsb = bd_i2c_read_byte(r.bus, false);
    bd_i2c_stop(r.bus);
    CHECK_EQ(msb, (int)t20 >> 12);
    CHECK_EQ(lsb, ((int)t20 >> 4) & 0xff);
    double t40 = num(p, "adc_t");
    CHECK(t40 > t20);
    /* IIR filter coefficient 16: reset by the config write, the first
     * sample initialises it, then each moves 1/16 of the way */
    wr(&r, 0x76, 0xF5, 0x10);
    wr(&r, 0x76, 0xF4, 0xB5);
    run_for(&r, BD_MS(70));
    CHECK_EQ(num(p, "adc_t"), t40);
    bd_part_set_num(p, "temperature", 20, NULL, 0);
    wr(&r, 0x76, 0xF4, 0xB5);
    run_for(&r, BD_MS(70));
    CHECK_EQ(num(p, "adc_t"), floor((t40 * 15 + t20) / 16 + 0.5));
    bd_part_free(p);
    bd_board_free(&r.b);
}

/* Parts and masters meet on the pads' bus in either order; a second device
 * at a taken address is refused with a message. */
TEST(i2c_parts_share_bus) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    int sda = bd_board_pin_find(&b, "A4", 0), scl = bd_board_pin_find(&b, "A5", 0);
    bd_part_t *p1;
    bd_part_new(&p1, &b, "bmp280", "bmp1");
    CHECK_EQ(bd_part_attach(p1, "sda", sda, NULL, 0), BD_OK);
    CHECK_EQ(bd_part_attach(p1, "scl", scl, NULL, 0), BD_OK);
    bd_i2c_t *bus, *again;
    CHECK_EQ(bd_i2c_net(&b, scl, sda, "i2c0", &bus), BD_OK); /* the part came first */
    CHECK_EQ(bd_i2c_probe(bus, 0x76), 1);
    CHECK_EQ(bd_i2c_net(&b, scl, sda, NULL, &again), BD_OK);
    CHECK(again == bus);
    CHECK_EQ(bd_i2c_net(&b, sda, scl, NULL, &again), BD_OK); /* swapped lines: another bus */
    CHECK(again != bus);
    bd_part_t *p2, *o;
    bd_part_new(&p2, &b, "bmp280", "bmp2");
    char err[200] = "";
    bd_part_attach(p2, "sda", sda, err, sizeof err);
    CHECK_EQ(bd_part_attach(p2, "scl", scl, err, sizeof err), BD_ERR_BUSY);
    CHECK(strstr(err, "0x76 is already taken") != NULL);
    CHECK(bd_part_pin(p2, 1) == NULL); /* the refused role is disconnected */
    CHECK_EQ(bd_part_set(p2, "address", "0x77", NULL, 0), BD_OK);
    CHECK_EQ(bd_part_attach(p2, "scl", scl, err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set(p2, "address", "0x76", err, sizeof err), BD_ERR_BUSY);
    CHECK_EQ(num(p2, "address"), 0x77);
    /* the display joins the bus that exists already */
    bd_part_new(&o, &b, "ssd1306", "oled");
    bd_part_attach(o, "sda", sda, NULL, 0);
    bd_part_attach(o, "scl", scl, NULL, 0);
    uint8_t found[8];
    CHECK_EQ(bd_i2c_scan(bus, found, 8), 3);
    CHECK(found[0] == 0x3c && found[1] == 0x76 && found[2] == 0x77);
    /* moving a role moves the device; disconnecting takes it off */
    bd_part_attach(o, "scl", -1, NULL, 0);
    CHECK_EQ(bd_i2c_probe(bus, 0x3c), 0);
    /* SDA and SCL on one pad */
    CHECK_EQ(bd_part_attach(o, "scl", sda, err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "different pins") != NULL);
    bd_part_free(o);
    bd_part_free(p2);
    bd_part_free(p1);
    CHECK_EQ(bus->ndev, 0);
    bd_board_free(&b);
}

TEST(i2c_parts_file) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    bd_partset_t ps;
    bd_partset_init(&ps);
    char err[300] = "";
    CHECK_EQ(bd_parts_file_parse(&ps, &b, "c.parts",
                                 "bmp280 A4 A5 temperature=30.5 pressure=990\n"
                                 "ssd1306 oled sda=A4 scl=A5 height=32\n",
                                 err, sizeof err),
             BD_OK);
    CHECK_EQ(ps.n, 2);
    CHECK(strcmp(ps.v[0]->name, "bmp280_1") == 0);
    CHECK_EQ(num(ps.v[0], "temperature"), 30.5);
    CHECK_EQ(num(ps.v[1], "height"), 32);
    bd_i2c_t *bus;
    bd_i2c_net(&b, bd_board_pin_find(&b, "A5", 0), bd_board_pin_find(&b, "A4", 0), NULL, &bus);
    CHECK_EQ(bd_i2c_scan(bus, NULL, 0), 2);
    /* errors name the line */
    CHECK_EQ(bd_parts_file_parse(&ps, &b, "c.parts", "bmp280 sda=A4 scl=A5\n", err, sizeof err), BD_ERR_BUSY);
    CHECK(strstr(err, "c.parts:1: bmp280 bmp280_2: I2C address 0x76 is already taken") != NULL);
    CHECK_EQ(
        bd_parts_file_parse(&ps, &b, "c.parts", "bmp280 sda=A4 scl=A5 temperature=100\n", err, sizeof err),
        BD_ERR_INVAL);
    CHECK(strstr(err, "temperature must be in -40..85 degC") != NULL);
    CHECK_EQ(bd_parts_file_parse(&ps, &b, "c.parts", "ssd1306 A2 A3 height=20\n", err, sizeof err),
             BD_ERR_INVAL);
    CHECK(strstr(err, "multiple of 8") != NULL);
    CHECK_EQ(bd_parts_file_parse(&ps, &b, "c.parts", "ssd1306 sda=A2\n", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "pin 'scl' is not connected") != NULL);
    CHECK_EQ(ps.n, 2);
    bd_partset_free(&ps);
    bd_board_free(&b);
}

/* ------------------------------------------------------------ ssd1306 */

static void cmds(rig_t *r, const uint8_t *c, size_t n) {
    uint8_t buf[64] = {0x00}; /* control: Co = 0, D/C# = 0: commands to the end */
    memcpy(buf + 1, c, n);
    bd_i2c_writeto(r->bus, 0x3c, buf, n + 1, true, NULL);
}
static void data_bytes(rig_t *r, const uint8_t *d, size_t n) {
    uint8_t buf[1100] = {0x40};
    memcpy(buf + 1, d, n);
    bd_i2c_writeto(r->bus, 0x3c, buf, n + 1, true, NULL);
}

/* The viewer's pixel from the text view. */
static int px(bd_part_t *o, int x, int y) {
    bd_attr_val_t v;
    bd_part_get_value(o, bd_part_attr_find(o, "text"), &v);
    int w = (int)num(o, "width");
    return v.text[y * (w + 1) + x] == '#';
}

/* The usual setup: horizontal mode, A1, C8, mux 64, charge pump, on. */
static const uint8_t setup[] = {0xAE, 0x20, 0x00, 0x40, 0xA1, 0xA8, 0x3F, 0xC8, 0xD3, 0x00, 0xDA, 0x12, 0xD5,
                                0x80, 0xD9, 0xF1, 0xDB, 0x30, 0x81, 0xFF, 0xA4, 0xA6, 0x8D, 0x14, 0xAF};

TEST(ssd1306_commands) {
    rig_t r;
    rig_init(&r);
    bd_part_t *o = wire(&r, "ssd1306", "oled");
    CHECK_EQ(bd_i2c_probe(r.bus, 0x3c), 1);
    CHECK_EQ(num(o, "on"), 0);
    CHECK_EQ(num(o, "contrast"), 0x7F);
    cmds(&r, setup, sizeof setup);
    CHECK_EQ(num(o, "on"), 1);
    CHECK_EQ(num(o, "contrast"), 0xFF);
    CHECK_EQ(num(o, "commands"), 16);
    CHECK_EQ(num(o, "pixels"), 0);
    /* one command byte per transfer, the argument in the next (Co = 1) */
    uint8_t one[2] = {0x80, 0x81};
    bd_i2c_writeto(r.bus, 0x3c, one, 2, true, NULL);
    one[1] = 0x10;
    bd_i2c_writeto(r.bus, 0x3c, one, 2, true, NULL);
    CHECK_EQ(num(o, "contrast"), 0x10);
    /* Co = 1 then another control byte: command, then data, in one transfer */
    uint8_t mixed[6] = {0x80, 0xA7, 0xC0, 0xFF, 0x80, 0xA6};
    bd_i2c_writeto(r.bus, 0x3c, mixed, 6, true, NULL);
    CHECK_EQ(num(o, "inverted"), 0);
    CHECK(px(o, 0, 0) && px(o, 0, 7) && !px(o, 0, 8) && !px(o, 1, 0)); /* the data byte went to (0, page 0) */
    /* status read: bit 6 set while the display is off */
    uint8_t st;
    bd_i2c_readfrom(r.bus, 0x3c, &st, 1, true);
    CHECK_EQ(st, 0x00);
    /* horizontal mode in a window: columns 10..12, pages 1..2 */
    static const uint8_t win[] = {0x21, 10, 12, 0x22, 1, 2};
    cmds(&r, win, sizeof win);
    uint8_t six[7] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x80};
    data_bytes(&r, six, 7);                                /* the 7th wraps to (10, page 1) */
    CHECK(px(o, 10, 15) && px(o, 11, 9) && px(o, 12, 10)); /* 0x80 over 0x01 at column 10 */
    CHECK(!px(o, 10, 8));
    CHECK(px(o, 10, 19) && px(o, 11, 20) && px(o, 12, 21));
    CHECK_EQ(num(o, "pixels"), 8 + 6);
    /* entire on, inverse, off, charge pump */
    cmds(&r, (const uint8_t[]){0xA5}, 1);
    CHECK_EQ(num(o, "pixels"), 128 * 64);
    cmds(&r, (const uint8_t[]){0xA4, 0xA7}, 2);
    CHECK_EQ(num(o, "pixels"), 128 * 64 - 14);
    cmds(&r, (const uint8_t[]){0xA6, 0xAE}, 2);
    CHECK_EQ(num(o, "pixels"), 0);
    bd_i2c_readfrom(r.bus, 0x3c, &st, 1, true);
    CHECK_EQ(st, 0x40);
    cmds(&r, (const uint8_t[]){0xAF, 0x8D, 0x10}, 3);
    CHECK_EQ(num(o, "on"), 0); /* no panel voltage */
    bd_part_set(o, "external_vcc", "1", NULL, 0);
    CHECK_EQ(num(o, "on"), 1);
    CHECK_EQ(num(o, "pixels"), 14);
    /* scrolling commands take their arguments (6 and 5 bytes) */
    static const uint8_t scroll[] = {0x26, 0x00, 0x00, 0x00, 0x07, 0x00, 0xFF, 0x29,
                                     0,    0,    0,    7,    1,    0x2F, 0x2E, 0xA7};
    cmds(&r, scroll, sizeof scroll);
    CHECK_EQ(num(o, "inverted"), 1);
    bd_part_free(o);
    bd_board_free(&r.b);
}

TEST(ssd1306_geometry) {
    rig_t r;
    rig_init(&r);
    bd_part_t *o = wire(&r, "ssd1306", "oled");
    cmds(&r, setup, sizeof setup);
    /* page addressing: page 2, column 5 */
    static const uint8_t pm[] = {0x20, 0x02, 0xB2, 0x05, 0x10};
    cmds(&r, pm, sizeof pm);
    data_bytes(&r, (const uint8_t[]){0xFF}, 1);
    CHECK(px(o, 5, 16) && px(o, 5, 23) && !px(o, 5, 24) && !px(o, 4, 16));
    /* C0 flips the image at once: row y shows row 63 - y */
    cmds(&r, (const uint8_t[]){0xC0}, 1);
    CHECK(px(o, 5, 63 - 16) && px(o, 5, 63 - 23));
    cmds(&r, (const uint8_t[]){0xC8}, 1);
    /* A0 mirrors only what is written after it */
    cmds(&r, (const uint8_t[]){0xA0, 0xB0, 0x00, 0x10}, 4);
    data_bytes(&r, (const uint8_t[]){0x01}, 1);
    CHECK(px(o, 127, 0) && px(o, 5, 16));
    /* start line 8: RAM row 8 at the top */
    cmds(&r, (const uint8_t[]){0x48}, 1);
    CHECK(px(o, 5, 8) && !px(o, 127, 0) && px(o, 127, 56));
    cmds(&r, (const uint8_t[]){0x40, 0xD3, 16}, 3);
    CHECK(px(o, 5, 0) && px(o, 5, 7)); /* the offset shifts the same way */
    cmds(&r, (const uint8_t[]){0xD3, 0}, 2);
    /* page mode wraps the column after 127, page unchanged */
    cmds(&r, (const uint8_t[]){0xA1, 0xB7, 0x0E, 0x17}, 4); /* column 126, page 7 */
    data_bytes(&r, (const uint8_t[]){0x80, 0x40, 0x20}, 3); /* the third goes to column 126 again */
    CHECK(px(o, 127, 62) && px(o, 126, 61) && !px(o, 126, 63) && !px(o, 0, 63));
    /* vertical addressing: down the pages, then the next column */
    static const uint8_t vm[] = {0x20, 0x01, 0x21, 40, 41, 0x22, 0, 1};
    cmds(&r, vm, sizeof vm);
    data_bytes(&r, (const uint8_t[]){0x01, 0x01, 0x01}, 3);
    CHECK(px(o, 40, 0) && px(o, 40, 8) && px(o, 41, 0) && !px(o, 41, 8));
    /* 128 x 32 glass with mux 32: COMs 0..31 */
    bd_part_set(o, "height", "32", NULL, 0);
    cmds(&r, (const uint8_t[]){0xA8, 31}, 2);
    CHECK(px(o, 40, 0) && px(o, 40, 8));
    /* a mux of 16 drives COM0..15 only: the half of the glass they reach */
    cmds(&r, (const uint8_t[]){0xA5, 0xA8, 15}, 3);
    CHECK_EQ(num(o, "pixels"), 128 * 16);
    CHECK(px(o, 0, 16) && !px(o, 0, 15));
    /* a bad multiplex ratio (under 16 rows) is ignored */
    cmds(&r, (const uint8_t[]){0xA8, 3}, 2);
    CHECK_EQ(num(o, "pixels"), 128 * 16);
    bd_part_free(o);
    bd_board_free(&r.b);
}

/* ------------------------------------------------------------ PNG */

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

/* Check a PNG's structure and return its pixels (8-bit gray, stored
 * blocks), or NULL. */
static uint8_t *png_pixels(const uint8_t *d, size_t n, uint32_t *w, uint32_t *h) {
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n < 8 + 25 + 12 || memcmp(d, sig, 8)) return NULL;
    size_t at = 8;
    uint8_t *z = NULL, *out = NULL;
    size_t zn = 0;
    while (at + 12 <= n) {
        uint32_t len = be32(d + at);
        const uint8_t *type = d + at + 4, *body = d + at + 8;
        if (at + 12 + len > n || bd_png_crc32(0, type, len + 4) != be32(body + len)) goto bad;
        if (!memcmp(type, "IHDR", 4)) {
            *w = be32(body), *h = be32(body + 4);
            if (len != 13 || body[8] != 8 || body[9] != 0 || body[10] || body[11] || body[12]) goto bad;
        } else if (!memcmp(type, "IDAT", 4)) {
            z = realloc(z, zn + len);
            memcpy(z + zn, body, len);
            zn += len;
        } else if (!memcmp(type, "IEND", 4)) {
            break;
        }
        at += 12 + len;
    }
    if (!z || zn < 6 || z[0] != 0x78 || (z[0] * 256 + z[1]) % 31) goto bad;
    size_t rawn = (size_t)*h * (*w + 1), got = 0, zi = 2;
    uint8_t *rawb = malloc(rawn);
    for (;;) {
        uint8_t hdr = z[zi];
        if ((hdr & 6) != 0) break; /* not stored */
        uint16_t len = (uint16_t)(z[zi + 1] | z[zi + 2] << 8), nlen = (uint16_t)(z[zi + 3] | z[zi + 4] << 8);
        if ((unsigned)len + (unsigned)nlen != 0xFFFFu || got + len > rawn) break;
        memcpy(rawb + got, z + zi + 5, len);
        got += len;
        zi += 5 + (size_t)len;
        if (hdr & 1) break;
    }
    if (got == rawn && zi + 4 == zn && be32(z + zi) == bd_png_adler32(1, rawb, rawn)) {
        out = malloc((size_t)*w * *h);
        for (uint32_t y = 0; y < *h; y++) {
            if (rawb[y * (*w + 1)] != 0) { /* filter None */
                free(out);
                out = NULL;
                break;
            }
            memcpy(out + y * *w, rawb + y * (*w + 1) + 1, *w);
        }
    }
    free(rawb);
bad:
    free(z);
    return out;
}

TEST(png_bytes) {
    CHECK_EQ(bd_png_crc32(0, (const uint8_t *)"123456789", 9), 0xCBF43926u);
    CHECK_EQ(bd_png_crc32(bd_png_crc32(0, (const uint8_t *)"1234", 4), (const uint8_t *)"56789", 5),
             0xCBF43926u);
    CHECK_EQ(bd_png_adler32(1, (const uint8_t *)"Wikipedia", 9), 0x11E60398u);
    uint8_t img[3 * 2] = {0, 128, 255, 7, 8, 9};
    uint8_t *png;
    size_t n;
    CHECK_EQ(bd_png_encode_gray8(img, 3, 2, &png, &n), BD_OK);
    /* signature, IHDR(13), IDAT(2 + 5 + 8 + 4), IEND */
    CHECK_EQ(n, 8 + 25 + (12 + 19) + 12);
    CHECK(memcmp(png + 12, "IHDR", 4) == 0 && be32(png + 16) == 3 && be32(png + 20) == 2);
    CHECK(png[24] == 8 && png[25] == 0);
    const uint8_t *idat = png + 33;
    CHECK(be32(idat) == 19 && memcmp(idat + 4, "IDAT", 4) == 0);
    static const uint8_t zl[19] = {0x78, 0x01, 0x01, 8, 0, 0xF7, 0xFF, 0, 0, 128, 255, 0, 7, 8, 9};
    CHECK(memcmp(idat + 8, zl, 15) == 0);
    CHECK_EQ(be32(idat + 8 + 15), bd_png_adler32(1, zl + 7, 8));
    CHECK(memcmp(png + n - 8, "IEND", 4) == 0 && be32(png + n - 4) == 0xAE426082u);
    uint32_t w, h;
    uint8_t *back = png_pixels(png, n, &w, &h);
    CHECK(back && w == 3 && h == 2 && memcmp(back, img, 6) == 0);
    free(back);
    free(png);
    /* more than one stored block: 300 x 300 = 90300 raw bytes */
    uint8_t *big = malloc(300 * 300);
    for (int i = 0; i < 300 * 300; i++) big[i] = (uint8_t)(i * 7 + i / 300);
    CHECK_EQ(bd_png_encode_gray8(big, 300, 300, &png, &n), BD_OK);
    back = png_pixels(png, n, &w, &h);
    CHECK(back && w == 300 && h == 300 && memcmp(back, big, 300 * 300) == 0);
    free(back);
    free(png);
    free(big);
    CHECK_EQ(bd_png_encode_gray8(img, 0, 2, &png, &n), BD_ERR_INVAL);
    CHECK_EQ(bd_png_write_gray8("/nonexistent-dir/x.png", img, 3, 2), BD_ERR_IO);
}

static uint8_t *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    uint8_t *d = malloc(1 << 20);
    *n = fread(d, 1, 1 << 20, f);
    fclose(f);
    return d;
}

TEST(ssd1306_png) {
    rig_t r;
    rig_init(&r);
    bd_part_t *o = wire(&r, "ssd1306", "oled");
    cmds(&r, setup, sizeof setup);
    uint8_t frame[1024];
    for (int i = 0; i < 1024; i++) frame[i] = (uint8_t)(i * 37 ^ i >> 3);
    data_bytes(&r, frame, 1024);
    char path[64], path2[64], err[200];
    snprintf(path, sizeof path, "/tmp/test_i2c_parts_%d.png", (int)getpid());
    snprintf(path2, sizeof path2, "/tmp/test_i2c_parts_%d_x2.png", (int)getpid());
    CHECK_EQ(bd_part_set(o, "snapshot", path, err, sizeof err), BD_OK);
    size_t n;
    uint8_t *d = read_file(path, &n);
    uint32_t w = 0, h = 0;
    uint8_t *img = d ? png_pixels(d, n, &w, &h) : NULL;
    CHECK(img && w == 128 && h == 64);
    int bad = 0;
    for (int y = 0; img && y < 64; y++)
        for (int x = 0; x < 128; x++) {
            int want =
                (frame[(y / 8) * 128 + x] >> (y % 8)) & 1; /* horizontal mode, A1, C8: the buffer as is */
            bad += img[y * 128 + x] != (want ? 255 : 0);
            bad += px(o, x, y) != want;
        }
    CHECK_EQ(bad, 0);
    free(img);
    free(d);
    /* scale 2, written at the end (part freed) and when set */
    bd_part_set(o, "scale", "2", NULL, 0);
    CHECK_EQ(bd_part_set(o, "png", path2, err, sizeof err), BD_OK);
    cmds(&r, (const uint8_t[]){0xA5}, 1);
    bd_part_free(o);
    d = read_file(path2, &n);
    img = d ? png_pixels(d, n, &w, &h) : NULL;
    CHECK(img && w == 256 && h == 128);
    bad = 0;
    for (int i = 0; img && i < 256 * 128; i++) bad += img[i] != 255;
    CHECK_EQ(bad, 0);
    free(img);
    free(d);
    remove(path);
    remove(path2);
    /* a file that cannot be written is refused at once */
    o = wire(&r, "ssd1306", "oled");
    CHECK_EQ(bd_part_set(o, "png", "/nonexistent-dir/o.png", err, sizeof err), BD_ERR_IO);
    CHECK(strstr(err, "cannot write '/nonexistent-dir/o.png'") != NULL);
    bd_part_free(o);
    bd_board_free(&r.b);
}

int main(void) {
    RUN(bmp280_registers);
    RUN(bmp280_round_trip);
    RUN(bmp280_timing);
    RUN(bmp280_shadow_and_filter);
    RUN(i2c_parts_share_bus);
    RUN(i2c_parts_file);
    RUN(ssd1306_commands);
    RUN(ssd1306_geometry);
    RUN(png_bytes);
    RUN(ssd1306_png);
    return tap_done();
}
