/* test_i2c.c: scan, NACK on a missing address, register reads/writes with
 * repeated start, data NACK, bus time, SDA/SCL edges, the bus pull-ups and
 * SDA hand-overs without glitches, the trace. */
#include <stdlib.h>
#include <string.h>

#include "board/bd_i2c.h"
#include "tap.h"

/* A fake memory device: first written byte sets the pointer, then data. */
typedef struct {
    uint8_t reg[256];
    uint8_t ptr;
    bool have_ptr;
    int starts, stops;
    int limit; /* NACK writes after this many data bytes (0: never) */
    int written;
} fake_t;

static bool f_start(void *ctx, bool read) {
    fake_t *f = ctx;
    f->starts++;
    f->have_ptr = read; /* a write transfer begins with the pointer */
    f->written = 0;
    return true;
}
static bool f_write(void *ctx, uint8_t v) {
    fake_t *f = ctx;
    if (!f->have_ptr) {
        f->ptr = v;
        f->have_ptr = true;
        return true;
    }
    if (f->limit && f->written >= f->limit) return false;
    f->reg[f->ptr++] = v;
    f->written++;
    return true;
}
static uint8_t f_read(void *ctx, bool ack) {
    fake_t *f = ctx;
    return f->reg[f->ptr++];
}
static void f_stop(void *ctx) { ((fake_t *)ctx)->stops++; }

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

TEST(scan_and_nack) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    bd_i2c_t bus;
    bd_i2c_init(&bus, &b, "i2c0", 100000);
    fake_t f = {0};
    bd_i2c_dev_t d = {0x3c, &f, f_start, f_write, f_read, f_stop};
    CHECK_EQ(bd_i2c_add_device(&bus, &d), BD_OK);
    CHECK_EQ(bd_i2c_add_device(&bus, &d), BD_ERR_BUSY);
    uint8_t found[8];
    bd_time_t t0 = bd_sched_now(&b.sched);
    CHECK_EQ(bd_i2c_scan(&bus, found, 8), 1);
    CHECK_EQ(found[0], 0x3c);
    /* 112 probes of START + 9 bits + STOP at 10 us a bit */
    CHECK_EQ(bd_sched_now(&b.sched) - t0, 112 * 11 * BD_US(10));
    CHECK(!bd_i2c_probe(&bus, 0x50));
    size_t acks = 99;
    CHECK_EQ(bd_i2c_writeto(&bus, 0x50, (const uint8_t *)"x", 1, true, &acks), BD_ERR_NOTFOUND);
    CHECK_EQ(acks, 0);
    uint8_t buf[2];
    CHECK_EQ(bd_i2c_readfrom(&bus, 0x51, buf, 2, true), BD_ERR_NOTFOUND);
    CHECK(!bus.active); /* the failed address was followed by a STOP */
    bd_board_free(&b);
}

TEST(mem_and_repeated_start) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    bd_i2c_t bus;
    bd_i2c_init(&bus, &b, "i2c0", 400000);
    fake_t f = {0};
    bd_i2c_dev_t d = {0x48, &f, f_start, f_write, f_read, f_stop};
    bd_i2c_add_device(&bus, &d);
    size_t acks = 0;
    CHECK_EQ(bd_i2c_writeto_mem(&bus, 0x48, 0x10, 8, (const uint8_t *)"\xaa\xbb\xcc", 3, &acks), BD_OK);
    CHECK_EQ(acks, 3);
    CHECK_EQ(f.reg[0x10], 0xaa);
    CHECK_EQ(f.reg[0x12], 0xcc);
    uint8_t buf[3] = {0};
    int st0 = f.starts, sp0 = f.stops;
    CHECK_EQ(bd_i2c_readfrom_mem(&bus, 0x48, 0x11, 8, buf, 2), BD_OK);
    CHECK_EQ(buf[0], 0xbb);
    CHECK_EQ(buf[1], 0xcc);
    CHECK_EQ(f.starts - st0, 2); /* write pointer, restart, read */
    CHECK_EQ(f.stops - sp0, 2);  /* the restart ended the first transfer */

    /* data NACK: the write stops, the count says how far it got */
    f.limit = 1;
    CHECK_EQ(bd_i2c_writeto(&bus, 0x48, (const uint8_t *)"\x20\x01\x02\x03", 4, true, &acks), BD_OK);
    CHECK_EQ(acks, 2); /* pointer + one data byte */
    CHECK(!bus.active);
    /* writeto without stop leaves the bus open for a repeated start */
    f.limit = 0;
    CHECK_EQ(bd_i2c_writeto(&bus, 0x48, (const uint8_t *)"\x10", 1, false, &acks), BD_OK);
    CHECK(bus.active);
    CHECK_EQ(bd_i2c_readfrom(&bus, 0x48, buf, 1, true), BD_OK);
    CHECK_EQ(buf[0], 0xaa);
    CHECK_EQ(bd_i2c_add_device(&bus, &(bd_i2c_dev_t){0x80, NULL, NULL, NULL, NULL, NULL}), BD_ERR_INVAL);
    bd_board_free(&b);
}

static int edges;
static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) { edges++; }

TEST(lines_and_trace) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    bd_i2c_t bus;
    bd_i2c_init(&bus, &b, "i2c0", 100000);
    int scl = pad(&b, "A5"), sda = pad(&b, "A4");
    for (int i = 0; i < 2; i++) bd_pin_set_pull(bd_board_pin(&b, i ? sda : scl), BD_PULL_UP);
    CHECK_EQ(bd_i2c_attach_pins(&bus, scl, sda), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, scl)), 1);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 1);
    edges = 0;
    bd_pin_listen(bd_board_pin(&b, scl), BD_PEV_EDGE, on_edge, NULL, NULL);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    bd_trace_t *tr;
    bd_trace_open_stream(&tr, mem);
    bd_i2c_set_trace(&bus, tr);
    fake_t f = {0};
    f.reg[0] = 0x5a;
    bd_i2c_dev_t d = {0x3c, &f, f_start, f_write, f_read, f_stop};
    bd_i2c_add_device(&bus, &d);
    uint8_t v = 0;
    CHECK_EQ(bd_i2c_readfrom_mem(&bus, 0x3c, 0x00, 8, &v, 1), BD_OK);
    CHECK_EQ(v, 0x5a);
    CHECK(!bd_i2c_probe(&bus, 0x3d));
    CHECK(edges >= 2 * 27); /* 3 bytes of 9 clocks, plus starts and stops */
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, scl)), 1); /* idle after STOP */
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 1);
    bd_trace_close(tr);
    fclose(mem);
    CHECK(strstr(text, "i2c0 start") != NULL);
    CHECK(strstr(text, "i2c0 addr 0x3c w ack") != NULL);
    CHECK(strstr(text, "i2c0 restart") != NULL);
    CHECK(strstr(text, "i2c0 addr 0x3c r ack") != NULL);
    CHECK(strstr(text, "i2c0 read 0x5a nack") != NULL);
    CHECK(strstr(text, "i2c0 addr 0x3d w nack") != NULL);
    CHECK(strstr(text, "i2c0 stop") != NULL);
    free(text);
    bd_board_free(&b);
}

/* SDA edge times and levels, to look for zero-width pulses */
static bd_time_t sda_t[4096];
static int sda_n;
static void on_sda(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    if (sda_n < 4096) sda_t[sda_n++] = ev->time;
}

TEST(pullups_and_handover) {
    /* no pulls set by hand: the rp2 pads reset pulled down, the bus's own
     * pull-ups (bd_i2c_attach_pins) win and the lines rest high */
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-rp2040"));
    bd_i2c_t bus;
    bd_i2c_init(&bus, &b, "i2c0", 100000);
    int scl = pad(&b, "A5"), sda = pad(&b, "A4");
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 0);
    CHECK_EQ(bd_i2c_attach_pins(&bus, scl, sda), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, scl)), 1);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 1);
    CHECK_EQ(bd_board_pin(&b, sda)->pull, BD_PULL_DOWN); /* the pad's own pull is untouched */
    CHECK_EQ(bd_i2c_attach_pins(&bus, sda, scl), BD_ERR_BUSY);
    CHECK_EQ(bd_i2c_attach_pins(&bus, scl, scl), BD_ERR_INVAL);
    sda_n = 0;
    bd_pin_listen(bd_board_pin(&b, sda), BD_PEV_EDGE, on_sda, NULL, NULL);
    fake_t f = {0};
    f.reg[0x10] = 0x00; /* a read of 0 bits right after the ACK: a hand-over low to low */
    bd_i2c_dev_t d = {0x42, &f, f_start, f_write, f_read, f_stop};
    bd_i2c_add_device(&bus, &d);
    uint8_t data[2] = {0x00, 0x80};
    CHECK_EQ(bd_i2c_writeto_mem(&bus, 0x42, 0x10, 8, data, 2, NULL), BD_OK);
    uint8_t v[2];
    CHECK_EQ(bd_i2c_readfrom_mem(&bus, 0x42, 0x10, 8, v, 2), BD_OK);
    CHECK_EQ(v[0], 0x00);
    CHECK_EQ(v[1], 0x80);
    CHECK(sda_n > 10);
    int zero_width = 0;
    for (int i = 1; i < sda_n; i++) zero_width += sda_t[i] == sda_t[i - 1];
    CHECK_EQ(zero_width, 0); /* master/device hand-overs make no pulse */
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, scl)), 1);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 1);
    /* a board reset puts the pads back; attaching again restores the bus */
    bd_board_reset(&b);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, sda)), 1); /* the resistors stay */
    CHECK_EQ(bd_i2c_attach_pins(&bus, scl, sda), BD_OK);
    CHECK_EQ(bd_board_pin(&b, sda)->mode, BD_MODE_ALT_OPEN_DRAIN);
    CHECK_EQ(bd_i2c_readfrom_mem(&bus, 0x42, 0x11, 8, v, 1), BD_OK);
    CHECK_EQ(v[0], 0x80);
    bd_board_free(&b);
}

int main(void) {
    RUN(scan_and_nack);
    RUN(mem_and_repeated_start);
    RUN(lines_and_trace);
    RUN(pullups_and_handover);
    return tap_done();
}
