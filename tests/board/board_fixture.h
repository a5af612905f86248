/* board_fixture.h: what several board unit tests share: a recorder of the
 * edges on a pin, what the waveform tests measure periods, high times and
 * start times from.  Test-only code. */
#ifndef BOARD_FIXTURE_H
#define BOARD_FIXTURE_H

#include "board/bd_pin.h"

/* Edges kept per recorder; later ones are counted, not kept. */
#define FIXTURE_MAX_EDGES 4096

typedef struct {
    int n; /* edges seen (may exceed FIXTURE_MAX_EDGES) */
    bd_time_t t[FIXTURE_MAX_EDGES];
    int lv[FIXTURE_MAX_EDGES];
} edges_t;

/* A pin listener: bd_pin_listen(pin, BD_PEV_EDGE, on_edge, &edges, NULL). */
static inline void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    edges_t *e = ctx;
    if (ev->kind != BD_PEV_EDGE) return;
    if (e->n < FIXTURE_MAX_EDGES) {
        e->t[e->n] = ev->time;
        e->lv[e->n] = ev->level;
    }
    e->n++;
}

#endif
