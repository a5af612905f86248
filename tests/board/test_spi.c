/* test_spi.c: full-duplex transfers with a device selected by its CS pad,
 * MISO with nobody selected, bus time, SCK/MOSI edges per mode, the rp2
 * baud divider. */
#include "board/bd_spi.h"
#include "tap.h"

typedef struct {
    int selects, deselects;
    uint16_t last, reply;
    int n;
} dev_t_;

static void d_select(void *ctx, bool sel) {
    dev_t_ *d = ctx;
    if (sel)
        d->selects++;
    else
        d->deselects++;
}
static uint16_t d_xfer(void *ctx, uint16_t mosi) {
    dev_t_ *d = ctx;
    uint16_t r = d->reply;
    d->reply = mosi; /* echoes the previous word, like a shift register */
    d->last = mosi;
    d->n++;
    return r;
}

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

typedef struct {
    int n;
    bd_time_t t[64];
    int lv[64];
} edges_t;
static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    edges_t *e = ctx;
    if (e->n < 64) e->t[e->n] = ev->time, e->lv[e->n] = ev->level;
    e->n++;
}

TEST(cs_and_duplex) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_spi_t bus;
    bd_spi_init(&bus, &b, "spi0");
    CHECK_EQ(bd_spi_configure(&bus, 1000000, 0, 8, false), BD_OK);
    int cs = pad(&b, "GP17");
    bd_pin_t *csp = bd_board_pin(&b, cs);
    bd_pin_configure(csp, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(csp, 1);
    dev_t_ d = {0};
    d.reply = 0xa5;
    bd_spi_dev_t dev = {cs, &d, d_select, d_xfer, -1, false};
    CHECK_EQ(bd_spi_add_device(&bus, &dev), BD_OK);
    uint8_t in[3] = {1, 2, 3}, out[3] = {0};
    bd_spi_transfer(&bus, in, out, 3, 0); /* nobody selected, no MISO pad */
    CHECK_EQ(out[0], 0xff);
    CHECK_EQ(d.n, 0);
    bd_pin_set_out(csp, 0); /* the script's CS pin selects */
    CHECK_EQ(d.selects, 1);
    bd_time_t t0 = bd_sched_now(&b.sched);
    bd_spi_transfer(&bus, in, out, 3, 0);
    CHECK_EQ(bd_sched_now(&b.sched) - t0, 3 * BD_US(8));
    CHECK_EQ(out[0], 0xa5);
    CHECK_EQ(out[1], 1);
    CHECK_EQ(out[2], 2);
    bd_spi_transfer(&bus, NULL, out, 1, 0xff); /* read: sends fill */
    CHECK_EQ(d.last, 0xff);
    bd_pin_set_out(csp, 1);
    CHECK_EQ(d.deselects, 1);
    bd_spi_free(&bus);
    CHECK_EQ(bus.ndev, 0);
    CHECK_EQ(bd_spi_configure(&bus, 0, 0, 8, false), BD_ERR_INVAL);
    CHECK_EQ(bd_spi_configure(&bus, 1000, 4, 8, false), BD_ERR_INVAL);
    bd_board_free(&b);
}

TEST(lines_mode3_lsb) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_spi_t bus;
    bd_spi_init(&bus, &b, "spi0");
    int sck = pad(&b, "GP18"), mosi = pad(&b, "GP19"), miso = pad(&b, "GP16");
    bd_spi_configure(&bus, 500000, 3, 8, true);
    CHECK_EQ(bd_spi_attach_pins(&bus, sck, mosi, miso), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sck)), 1); /* CPOL 1 idles high */
    static edges_t es, em;
    es.n = em.n = 0;
    bd_pin_listen(bd_board_pin(&b, sck), BD_PEV_EDGE, on_edge, &es, NULL);
    bd_pin_listen(bd_board_pin(&b, mosi), BD_PEV_EDGE, on_edge, &em, NULL);
    uint8_t out = 0x12;
    bd_spi_transfer(&bus, (const uint8_t *)"\x01", &out, 1, 0);
    CHECK_EQ(out, 0x00); /* nobody drives MISO: the rp2 pad's pull-down */
    CHECK_EQ(es.n, 16);  /* 8 clocks */
    CHECK_EQ(es.lv[0], 0);
    CHECK_EQ(es.t[1] - es.t[0], BD_US(1)); /* half of 2 us */
    CHECK_EQ(em.n, 2);                     /* LSB first: 1 then 0s */
    CHECK_EQ(em.lv[0], 1);

    dev_t_ d = {0};
    d.reply = 0x3c;
    bd_spi_dev_t dev = {-1, &d, NULL, d_xfer, -1, false}; /* always selected */
    bd_spi_add_device(&bus, &dev);
    bd_spi_transfer(&bus, (const uint8_t *)"\x77", &out, 1, 0);
    CHECK_EQ(out, 0x3c); /* sampled from the MISO pad the device drove */
    CHECK_EQ(d.last, 0x77);
    bd_spi_free(&bus);
    bd_board_free(&b);
}

TEST(rp2_baud) {
    CHECK_EQ(bd_spi_rp2_baud(125000000, 1000000), 992063); /* 125 MHz / (2 * 63) */
    CHECK_EQ(bd_spi_rp2_baud(125000000, 62500000), 62500000);
    uint32_t slow = bd_spi_rp2_baud(125000000, 10000);
    CHECK(slow > 9800 && slow < 10200); /* the divider can land on either side */
}

int main(void) {
    RUN(cs_and_duplex);
    RUN(lines_mode3_lsb);
    RUN(rp2_baud);
    return tap_done();
}
