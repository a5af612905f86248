/* bd_part_led.c: an LED (with its resistor) between a pin and GND, or
 * between VCC and the pin (active=low).
 *
 * Roles: pin (IN).  Attributes:
 *   on          ro bool   lit now (pin level, inverted when active=low)
 *   brightness  ro 0..1   fraction of the last `window` the LED was lit: a
 *                         PWM-dimmed LED reads its duty, a steady one 0 or 1
 *   window      time      brightness averaging window (default 20ms)
 *   active      high|low  which level lights it (default high)
 *   changes     ro int    on/off changes seen
 *   on_time     ro time   total time lit since attach/reset
 *   color       text      for display only (default "red")
 * History: every change (time, on) is logged, the first BD_LED_LOG_MAX kept
 * (bd_led_log_at); the brightness window reads a ring of the last RING
 * changes, so a very fast PWM averages over the span the ring covers.
 *
 * Invariant: `on` equals the pin's level (xor active-low) after every event;
 * ring[] holds the most recent changes, oldest first from ring_head.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_part.h"

#define RING 512

typedef struct {
    bd_time_t t;
    uint8_t on;
} led_change_t;

typedef struct {
    bd_part_t base;
    int on, active_low;
    bd_time_t window;
    uint64_t changes;
    bd_time_t on_total, since; /* on time accumulated up to `since` */
    bd_time_t start;           /* attach/reset time: before it the LED had no history */
    int start_on;
    led_change_t ring[RING];
    unsigned ring_head, ring_len;
    led_change_t *log;
    size_t nlog, log_cap;
    char color[24];
} led_t;

enum { A_ON, A_BRIGHTNESS, A_WINDOW, A_ACTIVE, A_CHANGES, A_ON_TIME, A_COLOR };

static const bd_attr_def_t attrs[] = {
    {"on", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "lit now"},
    {"brightness", BD_ATTR_NUM, BD_ATTR_RO, "", 0, 1, NULL, "fraction of the last window lit (PWM duty)"},
    {"window", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "brightness averaging window"},
    {"active", BD_ATTR_ENUM, 0, "", 1, 0, "high|low", "level that lights the LED"},
    {"changes", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "on/off changes seen"},
    {"on_time", BD_ATTR_TIME, BD_ATTR_RO, "ns", 1, 0, NULL, "total time lit"},
    {"color", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "for display"},
};

static const bd_role_def_t roles[] = {{"pin", BD_ROLE_IN, "the pin driving the LED"}};

static void init(bd_part_t *p) {
    led_t *l = (led_t *)p;
    l->window = BD_MS(20);
    strcpy(l->color, "red");
}

static int level_on(const led_t *l) { return bd_part_level(&l->base, 0, 0) ^ l->active_low; }

static void restart(led_t *l) {
    l->on = level_on(l);
    l->start_on = l->on;
    l->start = l->since = bd_part_now(&l->base);
    l->on_total = 0;
    l->ring_head = l->ring_len = 0;
}

static void record(led_t *l, int on, bd_time_t t) {
    if (on == l->on) return;
    if (l->on) l->on_total += t - l->since;
    l->since = t;
    l->on = on;
    l->changes++;
    unsigned slot = (l->ring_head + l->ring_len) % RING;
    if (l->ring_len == RING)
        l->ring_head = (l->ring_head + 1) % RING;
    else
        l->ring_len++;
    l->ring[slot] = (led_change_t){t, (uint8_t)on};
    if (l->nlog < BD_LED_LOG_MAX) {
        if (l->nlog == l->log_cap) {
            size_t cap = l->log_cap ? l->log_cap * 2 : 64;
            led_change_t *nl = realloc(l->log, cap * sizeof *nl);
            if (!nl) return; /* the log is best effort; counters stay right */
            l->log = nl;
            l->log_cap = cap;
        }
        l->log[l->nlog++] = (led_change_t){t, (uint8_t)on};
    }
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    led_t *l = (led_t *)p;
    record(l, ev->level ^ l->active_low, ev->time);
}

static double brightness(const led_t *l) {
    bd_time_t now = bd_part_now(&l->base);
    bd_time_t from = now > l->window ? now - l->window : 0;
    if (from < l->start) from = l->start;
    if (now <= from) return l->on;
    bd_time_t acc = 0, end = now;
    int state = l->on;
    for (unsigned k = l->ring_len; k-- > 0;) {
        const led_change_t *c = &l->ring[(l->ring_head + k) % RING];
        bd_time_t begin = c->t > from ? c->t : from;
        if (state && end > begin) acc += end - begin;
        if (c->t <= from) return (double)acc / (double)(now - from);
        end = c->t;
        state = !c->on;
    }
    if (l->ring_len == RING) /* history lost: average over what the ring covers */
        return end < now ? (double)acc / (double)(now - end) : l->on;
    if (state && end > from) acc += end - from;
    return (double)acc / (double)(now - from);
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const led_t *l = (const led_t *)p;
    switch (attr) {
    case A_ON: v->num = l->on; break;
    case A_BRIGHTNESS: v->num = brightness(l); break;
    case A_WINDOW: v->num = (double)l->window; break;
    case A_ACTIVE: v->num = l->active_low; break;
    case A_CHANGES: v->num = (double)l->changes; break;
    case A_ON_TIME: v->num = (double)(l->on_total + (l->on ? bd_part_now(p) - l->since : 0)); break;
    case A_COLOR: v->text = l->color; break;
    }
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    led_t *l = (led_t *)p;
    switch (attr) {
    case A_WINDOW:
        if (v->num < 1) {
            if (err) snprintf(err, errlen, "%s.window must be > 0", p->name);
            return BD_ERR_INVAL;
        }
        l->window = (bd_time_t)v->num;
        break;
    case A_ACTIVE:
        l->active_low = (int)v->num;
        record(l, level_on(l), bd_part_now(p));
        break;
    case A_COLOR: snprintf(l->color, sizeof l->color, "%s", v->text); break;
    }
    return BD_OK;
}

/* After (re)wiring: the LED now follows a possibly different pin. */
static void update(bd_part_t *p) {
    led_t *l = (led_t *)p;
    if (!l->changes && !l->ring_len)
        restart(l);
    else
        record(l, level_on(l), bd_part_now(p));
}

static void reset(bd_part_t *p) {
    led_t *l = (led_t *)p;
    l->changes = 0;
    l->nlog = 0;
    restart(l);
}

static void fini(bd_part_t *p) { free(((led_t *)p)->log); }

size_t bd_led_log_count(const bd_part_t *p) {
    return p->type == &bd_part_led_type ? ((const led_t *)p)->nlog : 0;
}

bool bd_led_log_at(const bd_part_t *p, size_t i, bd_time_t *t, int *on) {
    if (p->type != &bd_part_led_type) return false;
    const led_t *l = (const led_t *)p;
    if (i >= l->nlog) return false;
    *t = l->log[i].t;
    *on = l->log[i].on;
    return true;
}

const bd_part_type_t bd_part_led_type = {
    .kind = "led",
    .prefix = "led",
    .help = "an LED on a pin (to GND; active=low: from VCC)",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(led_t),
    .init = init,
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};
