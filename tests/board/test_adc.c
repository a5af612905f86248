/* test_adc.c: channel lookup per board, conversion and read_u16 scaling,
 * read_uv, attenuation (esp32), 16-bit converters (stm32), the RP2040
 * temperature channel. */
#include "board/bd_adc.h"
#include "tap.h"

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

TEST(formulas) {
    CHECK_EQ(bd_adc_uv_to_raw(0, 3300000, 12), 0);
    CHECK_EQ(bd_adc_uv_to_raw(-5, 3300000, 12), 0);
    CHECK_EQ(bd_adc_uv_to_raw(1650000, 3300000, 12), 2048);
    CHECK_EQ(bd_adc_uv_to_raw(3300000, 3300000, 12), 4095); /* clamped */
    CHECK_EQ(bd_adc_uv_to_raw(805, 3300000, 12), 1);         /* LSB 805.66 uV: rounds */
    CHECK_EQ(bd_adc_uv_to_raw(402, 3300000, 12), 0);
    CHECK_EQ(bd_adc_raw_to_u16(4095, 12), 65535); /* replication, not a shift */
    CHECK_EQ(bd_adc_raw_to_u16(2048, 12), 32776);
    CHECK_EQ(bd_adc_raw_to_u16(1, 12), 16);
    CHECK_EQ(bd_adc_raw_to_u16(0, 12), 0);
    CHECK_EQ(bd_adc_raw_to_u16(40000, 16), 40000);
    CHECK_EQ(bd_adc_raw_to_u16(1023, 10), 65535);
    CHECK_EQ(bd_adc_raw_to_uv(2048, 3300000, 12), 1650000);
    CHECK_EQ(bd_adc_rp2_temp_uv(27000), 706000);
    CHECK_EQ(bd_adc_rp2_temp_uv(37000), 706000 - 17210);
}

TEST(rp2_channels_and_reads) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("nano-rp2040")), BD_OK);
    bd_adc_t a;
    bd_adc_init(&a, &b);
    CHECK_EQ(a.bits, 12);
    bd_adc_chan_t c;
    CHECK_EQ(bd_adc_chan_for_pad(&a, pad(&b, "A4"), &c), BD_ERR_UNSUPPORTED); /* GPIO12: no ADC */
    CHECK_EQ(bd_adc_chan_for_pad(&a, pad(&b, "A0"), &c), BD_OK);
    CHECK_EQ(c.channel, 0);
    CHECK_EQ(c.pad, pad(&b, "GPIO26"));
    bd_adc_chan_t c2;
    CHECK_EQ(bd_adc_chan_by_number(&a, -1, 2, &c2), BD_OK);
    CHECK_EQ(c2.pad, pad(&b, "GPIO28"));
    CHECK_EQ(bd_adc_chan_by_number(&a, -1, 7, &c2), BD_ERR_NOTFOUND);

    bd_pin_t *p = bd_board_pin(&b, c.pad);
    CHECK_EQ(bd_adc_attach(&a, &c), BD_OK);
    CHECK_EQ(p->mode, BD_MODE_ANALOG);
    CHECK_EQ(p->pull, BD_PULL_NONE);
    int drv;
    bd_pin_driver_add(p, "pot", &drv);
    bd_pin_drive_uv(p, drv, 1650000);
    CHECK_EQ(bd_adc_read_raw(&a, &c), 2048);
    CHECK_EQ(bd_adc_read_u16(&a, &c), 32776);
    CHECK_EQ(bd_adc_read_uv(&a, &c), 1650000);
    bd_pin_drive_uv(p, drv, 3300000);
    CHECK_EQ(bd_adc_read_u16(&a, &c), 65535);
    bd_pin_drive_uv(p, drv, 0);
    CHECK_EQ(bd_adc_read_u16(&a, &c), 0);
    bd_pin_drive(p, drv, BD_DRIVE_HIGH, BD_STRONG); /* a digital driver: VDD */
    CHECK_EQ(bd_adc_read_u16(&a, &c), 65535);

    /* temperature sensor, channel 4 */
    bd_adc_chan_t t;
    CHECK_EQ(bd_adc_chan_by_number(&a, -1, BD_ADC_RP2_TEMP_CH, &t), BD_OK);
    CHECK_EQ(t.pad, -1);
    CHECK_EQ(bd_adc_attach(&a, &t), BD_OK);
    a.temp_mc = 27000;
    CHECK_EQ(bd_adc_read_raw(&a, &t), 876); /* 706 mV / 805.66 uV */
    a.temp_mc = 50000;
    uint32_t raw = bd_adc_read_raw(&a, &t);
    double v = raw * 3.3 / 4096, temp = 27 - (v - 0.706) / 0.001721;
    CHECK(temp > 49.0 && temp < 51.0); /* within an LSB (0.47 C) */
    bd_board_free(&b);
}

TEST(esp32_attenuation) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("nano-esp32")), BD_OK);
    bd_adc_t a;
    bd_adc_init(&a, &b);
    bd_adc_chan_t c;
    CHECK_EQ(bd_adc_chan_for_pad(&a, pad(&b, "A0"), &c), BD_OK); /* GPIO1 = ADC1 ch0 */
    CHECK_EQ(c.unit, 1);
    CHECK_EQ(c.channel, 0);
    bd_adc_attach(&a, &c);
    bd_pin_t *p = bd_board_pin(&b, c.pad);
    int drv;
    bd_pin_driver_add(p, "src", &drv);
    bd_pin_drive_uv(p, drv, 1000000);
    CHECK_EQ(bd_adc_read_u16(&a, &c), 65535); /* 0 dB: ~0.95 V full scale */
    c.atten = BD_ADC_ATTN_11DB;
    CHECK_EQ(bd_adc_read_raw(&a, &c), bd_adc_uv_to_raw(1000000, 3100000, 12));
    CHECK_EQ(bd_adc_chan_by_number(&a, 2, 0, &c), BD_OK); /* ADC2 ch0 = GPIO11 */
    CHECK_EQ(c.pad, pad(&b, "GPIO11"));
    bd_board_free(&b);
}

TEST(stm32_16bit) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("portenta-h7")), BD_OK);
    bd_adc_t a;
    bd_adc_init(&a, &b);
    CHECK_EQ(a.bits, 16);
    bd_adc_chan_t c;
    CHECK_EQ(bd_adc_chan_for_pad(&a, pad(&b, "A0"), &c), BD_OK);
    bd_adc_attach(&a, &c);
    int drv;
    bd_pin_t *p = bd_board_pin(&b, c.pad);
    bd_pin_driver_add(p, "src", &drv);
    bd_pin_drive_uv(p, drv, 1650000);
    CHECK_EQ(bd_adc_read_u16(&a, &c), 32768);
    bd_board_free(&b);
}

int main(void) {
    RUN(formulas);
    RUN(rp2_channels_and_reads);
    RUN(esp32_attenuation);
    RUN(stm32_16bit);
    return tap_done();
}
