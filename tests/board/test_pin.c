/* test_pin.c: pad resolution (pulls, drivers, open drain, contention,
 * voltages, analog mode) and edge listeners (times, masks, re-entrancy). */
#include <string.h>

#include "board/bd_pin.h"
#include "tap.h"

#define VDD 3300000

typedef struct {
    int n, edges, configs, contentions;
    int last_level;
    bd_time_t times[64];
    int levels[64];
} seen_t;

static void listener(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    seen_t *s = ctx;
    if (ev->kind == BD_PEV_EDGE) {
        if (s->edges < 64) {
            s->times[s->edges] = ev->time;
            s->levels[s->edges] = ev->level;
        }
        s->edges++;
        s->last_level = ev->level;
    }
    if (ev->kind == BD_PEV_CONFIG) s->configs++;
    if (ev->kind == BD_PEV_CONTENTION) s->contentions++;
    s->n++;
}

TEST(reset_input_floats_low) {
    bd_pin_t p;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_update(&p);
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK(bd_pin_floating(&p));
    bd_pin_free(&p);
}

TEST(pulls) {
    bd_pin_t p;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_configure(&p, BD_MODE_INPUT, BD_PULL_UP);
    CHECK_EQ(bd_pin_level(&p), 1);
    CHECK(!bd_pin_floating(&p));
    CHECK_EQ(bd_pin_uv(&p), VDD);
    bd_pin_set_pull(&p, BD_PULL_DOWN);
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_set_pull(&p, BD_PULL_UP);
    bd_pin_set_pull(&p, BD_PULL_NONE); /* floats: holds the last level */
    CHECK_EQ(bd_pin_level(&p), 1);
    CHECK(bd_pin_floating(&p));
    CHECK_EQ(bd_pin_configure(&p, (bd_pin_mode_t)99, BD_PULL_NONE), BD_ERR_INVAL);
    bd_pin_free(&p);
}

TEST(push_pull_and_output_register) {
    bd_pin_t p;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_set_out(&p, 1); /* in input mode: only the register changes */
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_set_mode(&p, BD_MODE_OUTPUT);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_set_out(&p, 0);
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_set_out(&p, 42);
    CHECK_EQ(p.out, 1);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_configure(&p, BD_MODE_OUTPUT, BD_PULL_DOWN); /* strong beats the pull */
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_set_drive(&p, 3);
    CHECK_EQ(p.drive, 3);
    bd_pin_free(&p);
}

TEST(open_drain) {
    bd_pin_t p;
    int other;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_configure(&p, BD_MODE_OPEN_DRAIN, BD_PULL_UP);
    bd_pin_set_out(&p, 1);
    CHECK_EQ(bd_pin_level(&p), 1); /* released: the pull-up wins */
    bd_pin_set_out(&p, 0);
    CHECK_EQ(bd_pin_level(&p), 0);
    /* wired-AND: another open-drain device pulls low while we release */
    bd_pin_driver_add(&p, "dev", &other);
    bd_pin_set_out(&p, 1);
    bd_pin_drive(&p, other, BD_DRIVE_LOW, BD_STRONG);
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK(!p.contention);
    bd_pin_set_out(&p, 0); /* both low: agreement, no contention */
    CHECK(!p.contention);
    bd_pin_release(&p, other);
    bd_pin_set_out(&p, 1);
    CHECK_EQ(bd_pin_level(&p), 1);
    /* no pull: released open drain floats */
    bd_pin_set_pull(&p, BD_PULL_NONE);
    CHECK(bd_pin_floating(&p));
    bd_pin_free(&p);
}

TEST(external_drivers_and_weak_vs_pull) {
    bd_pin_t p;
    int a, b;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_driver_add(&p, "button", &a);
    bd_pin_driver_add(&p, "resistor", &b);
    CHECK(a != b);
    bd_pin_configure(&p, BD_MODE_INPUT, BD_PULL_UP);
    bd_pin_drive(&p, a, BD_DRIVE_LOW, BD_STRONG); /* button to GND pressed */
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_release(&p, a);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_drive(&p, b, BD_DRIVE_LOW, BD_WEAK); /* external 10k pull-down beats internal pull-up */
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK(!p.contention);
    bd_pin_drive(&p, a, BD_DRIVE_HIGH, BD_STRONG); /* strong beats weak */
    CHECK_EQ(bd_pin_level(&p), 1);
    CHECK(!p.contention);
    CHECK_EQ(bd_pin_drive(&p, 7, BD_DRIVE_LOW, BD_STRONG), BD_ERR_INVAL);
    bd_pin_free(&p);
}

TEST(contention_low_wins_and_is_counted) {
    bd_pin_t p;
    int ext;
    seen_t s;
    memset(&s, 0, sizeof s);
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_listen(&p, BD_PEV_ALL, listener, &s, NULL);
    bd_pin_driver_add(&p, "other-output", &ext);
    bd_pin_set_mode(&p, BD_MODE_OUTPUT);
    bd_pin_set_out(&p, 1);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_drive(&p, ext, BD_DRIVE_LOW, BD_STRONG);
    CHECK(p.contention);
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK_EQ(p.contentions, 1);
    CHECK_EQ(s.contentions, 1);
    bd_pin_set_out(&p, 1); /* still fighting: same episode */
    CHECK_EQ(p.contentions, 1);
    bd_pin_set_out(&p, 0); /* agree */
    CHECK(!p.contention);
    bd_pin_set_out(&p, 1); /* fight again: a new episode */
    CHECK_EQ(p.contentions, 2);
    CHECK_EQ(s.contentions, 2);
    bd_pin_free(&p);
}

TEST(voltage_sources_and_analog_mode) {
    bd_pin_t p;
    int pot;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_driver_add(&p, "pot", &pot);
    bd_pin_drive_uv(&p, pot, 2000000);
    CHECK_EQ(bd_pin_uv(&p), 2000000);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_drive_uv(&p, pot, 1000000);
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_drive_uv(&p, pot, VDD / 2); /* threshold: half of VDD reads high */
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_release(&p, pot);
    bd_pin_configure(&p, BD_MODE_ANALOG, BD_PULL_UP); /* pull disconnected in analog mode */
    CHECK(bd_pin_floating(&p));
    bd_pin_set_mode(&p, BD_MODE_INPUT);
    CHECK(!bd_pin_floating(&p));
    bd_pin_free(&p);
}

TEST(alt_mode_peripheral_drives) {
    bd_pin_t p;
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_set_alt(&p, 4);
    bd_pin_configure(&p, BD_MODE_ALT, BD_PULL_NONE);
    CHECK(bd_pin_floating(&p)); /* peripheral not driving yet */
    bd_pin_set_periph(&p, 1);
    CHECK_EQ(bd_pin_level(&p), 1);
    bd_pin_set_periph(&p, 0);
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_set_out(&p, 1); /* GPIO register is not connected in alt mode */
    CHECK_EQ(bd_pin_level(&p), 0);
    bd_pin_configure(&p, BD_MODE_ALT_OPEN_DRAIN, BD_PULL_UP); /* I2C style */
    bd_pin_set_periph(&p, 1);
    CHECK_EQ(bd_pin_level(&p), 1);
    CHECK(!bd_pin_floating(&p));
    bd_pin_free(&p);
}

TEST(edge_listeners_times_and_masks) {
    bd_sched_t clk;
    bd_sched_init(&clk);
    bd_pin_t p;
    seen_t all, edges;
    memset(&all, 0, sizeof all);
    memset(&edges, 0, sizeof edges);
    bd_pin_init(&p, 0, "P", &clk, VDD);
    int h_all, h_edges;
    bd_pin_listen(&p, BD_PEV_ALL, listener, &all, &h_all);
    bd_pin_listen(&p, BD_PEV_EDGE, listener, &edges, &h_edges);
    bd_pin_set_mode(&p, BD_MODE_OUTPUT); /* config event, no edge (stays low) */
    CHECK_EQ(all.configs, 1);
    CHECK_EQ(edges.n, 0);
    bd_sched_run_until(&clk, 1000, NULL);
    bd_pin_set_out(&p, 1);
    bd_sched_run_until(&clk, 2500, NULL);
    bd_pin_set_out(&p, 1); /* no change: no event */
    bd_pin_set_out(&p, 0);
    CHECK_EQ(edges.edges, 2);
    CHECK_EQ(edges.times[0], 1000);
    CHECK_EQ(edges.levels[0], 1);
    CHECK_EQ(edges.times[1], 2500);
    CHECK_EQ(edges.levels[1], 0);
    CHECK_EQ(p.rises, 1);
    CHECK_EQ(p.falls, 1);
    CHECK_EQ(p.last_edge, 2500);
    CHECK_EQ(bd_pin_unlisten(&p, h_edges), BD_OK);
    CHECK_EQ(bd_pin_unlisten(&p, h_edges), BD_ERR_NOTFOUND);
    bd_pin_set_out(&p, 1);
    CHECK_EQ(edges.edges, 2);
    CHECK_EQ(all.edges, 3);
    bd_pin_free(&p);
    bd_sched_free(&clk);
}

/* A wire: an edge on A drives B through a driver. */
typedef struct {
    bd_pin_t *to;
    int drv;
} wire_t;

static void wire_fn(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    wire_t *w = ctx;
    bd_pin_drive(w->to, w->drv, ev->level ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

TEST(listener_drives_another_pin) {
    bd_pin_t a, b;
    seen_t sb;
    memset(&sb, 0, sizeof sb);
    bd_pin_init(&a, 0, "A", NULL, VDD);
    bd_pin_init(&b, 1, "B", NULL, VDD);
    wire_t w = {&b, -1};
    bd_pin_driver_add(&b, "wire", &w.drv);
    bd_pin_listen(&a, BD_PEV_EDGE, wire_fn, &w, NULL);
    bd_pin_listen(&b, BD_PEV_EDGE, listener, &sb, NULL);
    bd_pin_configure(&b, BD_MODE_INPUT, BD_PULL_DOWN);
    bd_pin_set_mode(&a, BD_MODE_OUTPUT);
    bd_pin_set_out(&a, 1);
    CHECK_EQ(bd_pin_level(&b), 1);
    bd_pin_set_out(&a, 0);
    CHECK_EQ(bd_pin_level(&b), 0);
    CHECK_EQ(sb.edges, 2);
    bd_pin_free(&a);
    bd_pin_free(&b);
}

/* A listener that changes its own pin: the nested update is deferred and the
 * second edge is reported after the first, in order. */
static void self_release(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    int *drv = ctx;
    if (ev->level) bd_pin_drive(pin, *drv, BD_DRIVE_LOW, BD_STRONG);
}

/* A zero-delay inverter on its own input: never settles. */
static void ring(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    int *drv = ctx;
    bd_pin_drive(pin, *drv, ev->level ? BD_DRIVE_LOW : BD_DRIVE_HIGH, BD_STRONG);
}

TEST(reentrant_updates_and_oscillation_guard) {
    bd_pin_t p;
    int drv;
    seen_t s;
    memset(&s, 0, sizeof s);
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_driver_add(&p, "self", &drv);
    bd_pin_listen(&p, BD_PEV_EDGE, self_release, &drv, NULL);
    bd_pin_listen(&p, BD_PEV_EDGE, listener, &s, NULL);
    bd_pin_drive(&p, drv, BD_DRIVE_HIGH, BD_STRONG);
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK_EQ(s.edges, 2);
    CHECK_EQ(s.levels[0], 1);
    CHECK_EQ(s.levels[1], 0);
    CHECK(!p.unstable);
    bd_pin_free(&p);

    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_driver_add(&p, "inv", &drv);
    bd_pin_listen(&p, BD_PEV_EDGE, ring, &drv, NULL);
    bd_pin_drive(&p, drv, BD_DRIVE_HIGH, BD_STRONG); /* must return */
    CHECK(p.unstable);
    CHECK(p.rises + p.falls <= BD_PIN_MAX_SETTLE + 1);
    bd_pin_free(&p);
}

TEST(reset_keeps_parts_connected) {
    bd_pin_t p;
    int drv;
    seen_t s;
    memset(&s, 0, sizeof s);
    bd_pin_init(&p, 0, "P", NULL, VDD);
    bd_pin_driver_add(&p, "button", &drv);
    bd_pin_listen(&p, BD_PEV_EDGE, listener, &s, NULL);
    bd_pin_configure(&p, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(&p, 1);
    bd_pin_reset(&p, BD_MODE_INPUT, BD_PULL_DOWN);
    CHECK_EQ(bd_pin_level(&p), 0);
    CHECK_EQ(p.out, 0);
    bd_pin_drive(&p, drv, BD_DRIVE_HIGH, BD_STRONG);
    CHECK_EQ(bd_pin_level(&p), 1);
    CHECK_EQ(s.edges, 3);
    bd_pin_free(&p);
}

int main(void) {
    RUN(reset_input_floats_low);
    RUN(pulls);
    RUN(push_pull_and_output_register);
    RUN(open_drain);
    RUN(external_drivers_and_weak_vs_pull);
    RUN(contention_low_wins_and_is_counted);
    RUN(voltage_sources_and_analog_mode);
    RUN(alt_mode_peripheral_drives);
    RUN(edge_listeners_times_and_masks);
    RUN(listener_drives_another_pin);
    RUN(reentrant_updates_and_oscillation_guard);
    RUN(reset_keeps_parts_connected);
    return tap_done();
}
