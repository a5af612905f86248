/* bd_pin.h: one GPIO pad: what the firmware configures, what the outside
 * world drives, and the level that results.
 *
 * Two sides, as in Zephyr's GPIO emulator:
 *   - the machine side (the bindings of machine.Pin): bd_pin_configure,
 *     bd_pin_set_out, bd_pin_set_drive, bd_pin_set_alt, and a peripheral
 *     (PWM, UART...) in alt mode through bd_pin_set_periph;
 *   - the sim side (parts, wires, stimulus, the `sim` module): external
 *     drivers (bd_pin_driver_add / bd_pin_drive / bd_pin_drive_uv) and
 *     listeners that hear edges and configuration changes.
 *
 * Every setter ends in bd_pin_update(), the one function that recomputes the
 * resolved state from all inputs and emits events (QEMU's update() pattern),
 * so no write path can forget an edge.
 *
 * Resolution rule (documented, deterministic; voltages in microvolts):
 *   1. Strong sources: the MCU's own output (push-pull: its value; open-drain:
 *      low or released; alt: the peripheral's value, or released), external
 *      strong drivers, and external voltage sources.  If they all agree the
 *      pad is at that voltage.  If they disagree it is CONTENTION (counted,
 *      reported once per episode as BD_PEV_CONTENTION) and the lowest voltage
 *      wins: in CMOS the N-channel pull-down is the stronger transistor, so
 *      a short between outputs reads low.
 *   2. Otherwise weak sources: external weak drivers (resistors in parts) win
 *      over the internal pull, because board resistors (~10k) are stronger
 *      than the pad's own (~50k); weak external disagreement: lowest wins,
 *      not contention (little current flows).  Then the internal pull, which
 *      is disconnected in ANALOG mode as on STM32 and RP2040.
 *   3. Otherwise the pad floats: it keeps its last level (the charge on the
 *      pad holds it; level is LOW after bd_pin_init), and `floating` is set
 *      so the bindings can warn about a missing pull-up.
 * The digital level is HIGH when the voltage is at least half of VDD (no
 * Schmitt hysteresis is modelled).
 *
 * Listeners run synchronously inside bd_pin_update.  They may drive this or
 * other pins (a wire part does): a nested update of the same pin is deferred
 * and re-run after the current one, so events stay in causal order.  A loop
 * that never settles (a zero-delay ring oscillator) stops after
 * BD_PIN_MAX_SETTLE passes and sets `unstable`; parts should use the
 * scheduler for any delay.  Listeners must not call into the VM: IRQs are
 * queued for the VM by the bindings.
 *
 * Ownership: a pin owns its driver and listener arrays; names and ctx
 * pointers are borrowed and must outlive the pin (or be removed first).
 */
#ifndef BD_PIN_H
#define BD_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_sched.h"
#include "board/bd_status.h"

typedef enum {
    BD_MODE_INPUT = 0,
    BD_MODE_OUTPUT,         /* push-pull */
    BD_MODE_OPEN_DRAIN,     /* drives low, releases for 1 */
    BD_MODE_ANALOG,         /* input buffer and pulls disconnected (ADC, DAC) */
    BD_MODE_ALT,            /* a peripheral owns the pad, push-pull */
    BD_MODE_ALT_OPEN_DRAIN, /* a peripheral owns the pad, open-drain (I2C) */
} bd_pin_mode_t;

typedef enum { BD_PULL_NONE = 0, BD_PULL_UP, BD_PULL_DOWN } bd_pull_t;

typedef enum {
    BD_DRIVE_RELEASE = 0, /* not driving: high impedance */
    BD_DRIVE_LOW,
    BD_DRIVE_HIGH,
    BD_DRIVE_VOLTAGE, /* an analog source (potentiometer, stimulus) at uv */
} bd_drive_t;

typedef enum { BD_WEAK = 0, BD_STRONG = 1 } bd_strength_t;

/* Event kinds, also used as a mask when listening. */
enum {
    BD_PEV_EDGE = 1u << 0,       /* digital level changed; ev->level is the new one */
    BD_PEV_CONFIG = 1u << 1,     /* mode, pull, alt or drive strength changed */
    BD_PEV_CONTENTION = 1u << 2, /* strong sources started to disagree */
    BD_PEV_ALL = 0x7u,
};

typedef struct bd_pin bd_pin_t;

typedef struct {
    uint32_t kind;  /* one BD_PEV_* bit */
    int level;      /* resolved level after the change, 0 or 1 */
    bd_time_t time; /* virtual time of the change */
} bd_pin_event_t;

typedef void (*bd_pin_listener_fn)(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev);

typedef struct {
    const char *name; /* who drives: a part's name, for the trace; borrowed */
    uint8_t kind;     /* bd_drive_t */
    uint8_t strength; /* bd_strength_t */
    int32_t uv;       /* for BD_DRIVE_VOLTAGE */
} bd_pin_driver_t;

typedef struct {
    uint32_t mask;
    bd_pin_listener_fn fn; /* NULL: removed slot, reusable */
    void *ctx;
} bd_pin_listener_t;

#define BD_PIN_MAX_SETTLE 64

struct bd_pin {
    /* identity */
    uint16_t index;          /* index in the board's pin array */
    const char *name;        /* display name (board label or MCU name); borrowed */
    const bd_sched_t *clock; /* for event times; may be NULL (time 0) */
    int32_t vdd_uv;

    /* machine side */
    uint8_t mode;  /* bd_pin_mode_t */
    uint8_t pull;  /* bd_pull_t */
    uint8_t out;   /* output register, kept while in input mode */
    uint8_t drive; /* drive strength as the port numbers it; stored, not modelled */
    int16_t alt;   /* alternate function number, -1 = none */
    int8_t periph; /* peripheral output in alt modes: -1 released, 0, 1 */

    /* sim side */
    bd_pin_driver_t *drv;
    uint16_t ndrv, drv_cap;
    bd_pin_listener_t *lis;
    uint16_t nlis, lis_cap;

    /* resolved state: read-only outside bd_pin.c */
    uint8_t level;
    bool floating;
    bool contention;
    bool unstable;
    int32_t uv;
    uint64_t rises, falls, contentions;
    bd_time_t last_edge;

    bool updating, dirty; /* re-entry guard of bd_pin_update */
};

/* Set up a pin in reset state (input, no pull, out 0, level LOW). */
void bd_pin_init(bd_pin_t *p, uint16_t index, const char *name, const bd_sched_t *clock, int32_t vdd_uv);
void bd_pin_free(bd_pin_t *p);
/* Firmware reset: machine side back to (mode, pull), out 0, no alt.  External
 * drivers and listeners stay: resetting the MCU does not unplug the parts. */
void bd_pin_reset(bd_pin_t *p, bd_pin_mode_t mode, bd_pull_t pull);

/* machine side.  Errors: BD_ERR_INVAL for a value out of range. */
bd_status_t bd_pin_configure(bd_pin_t *p, bd_pin_mode_t mode, bd_pull_t pull);
bd_status_t bd_pin_set_mode(bd_pin_t *p, bd_pin_mode_t mode);
bd_status_t bd_pin_set_pull(bd_pin_t *p, bd_pull_t pull);
void bd_pin_set_out(bd_pin_t *p, int value); /* any non-zero is 1 */
void bd_pin_set_drive(bd_pin_t *p, uint8_t drive);
void bd_pin_set_alt(bd_pin_t *p, int alt);
void bd_pin_set_periph(bd_pin_t *p, int value); /* -1 release, 0, 1 */

/* sim side: drivers.  *id is stable for the pin's life. */
bd_status_t bd_pin_driver_add(bd_pin_t *p, const char *name, int *id);
bd_status_t bd_pin_drive(bd_pin_t *p, int id, bd_drive_t kind, bd_strength_t strength);
bd_status_t bd_pin_drive_uv(bd_pin_t *p, int id, int32_t uv); /* strong voltage source */
bd_status_t bd_pin_release(bd_pin_t *p, int id);

/* sim side: listeners.  *handle (may be NULL) names the registration. */
bd_status_t bd_pin_listen(bd_pin_t *p, uint32_t mask, bd_pin_listener_fn fn, void *ctx, int *handle);
bd_status_t bd_pin_unlisten(bd_pin_t *p, int handle);

/* Recompute the resolved state and emit events.  Setters call it; call it
 * yourself only after changing fields directly (tests). */
void bd_pin_update(bd_pin_t *p);

static inline int bd_pin_level(const bd_pin_t *p) { return p->level; }
static inline int32_t bd_pin_uv(const bd_pin_t *p) { return p->uv; }
static inline bool bd_pin_floating(const bd_pin_t *p) { return p->floating; }

const char *bd_pin_mode_name(bd_pin_mode_t mode); /* "IN", "OUT", "OPEN_DRAIN", ... */
const char *bd_pull_name(bd_pull_t pull);         /* "NONE", "UP", "DOWN" */

#endif
