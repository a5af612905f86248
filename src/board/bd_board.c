/* bd_board.c: a running board: builds the pads from a definition, resolves
 * names, resets.
 *
 * Invariant: pins[i] and pindef[i] describe the same pad, MCU pads first in
 * MCU table order, then the board's extra pads; label_pin[k] is the pad of
 * def->labels[k] (checked at init, so lookups never fail on a bad table).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_board.h"
#include "board/bd_i2c.h"

static int find_mcu_name(const bd_board_t *b, const char *name, bool nocase) {
    for (int i = 0; i < b->npins; i++) {
        const char *n = b->pindef[i]->name;
        if (nocase ? strcasecmp(n, name) == 0 : strcmp(n, name) == 0) return i;
    }
    return -1;
}

bd_status_t bd_board_init(bd_board_t *b, const bd_board_def_t *def) {
    memset(b, 0, sizeof *b);
    if (!def || !def->mcu) return BD_ERR_INVAL;
    b->def = def;
    bd_sched_init(&b->sched);
    bd_sched_set_cpu_hz(&b->sched, def->cpu_hz);
    size_t n = (size_t)def->mcu->npins + def->nextra;
    b->pins = calloc(n, sizeof *b->pins);
    b->pindef = calloc(n, sizeof *b->pindef);
    b->label_pin = calloc(def->nlabels ? def->nlabels : 1, sizeof *b->label_pin);
    if (!b->pins || !b->pindef || !b->label_pin) {
        bd_board_free(b);
        return BD_ERR_NOMEM;
    }
    b->npins = (uint16_t)n;
    for (size_t i = 0; i < n; i++)
        b->pindef[i] = i < def->mcu->npins ? &def->mcu->pins[i] : &def->extra[i - def->mcu->npins];
    for (uint16_t k = 0; k < def->nlabels; k++) {
        int idx = find_mcu_name(b, def->labels[k].pin, false);
        if (idx < 0) {
            bd_board_free(b);
            return BD_ERR_INVAL;
        }
        b->label_pin[k] = (int16_t)idx;
    }
    for (size_t i = 0; i < n; i++) {
        bd_pin_init(&b->pins[i], (uint16_t)i, NULL, &b->sched, def->vdd_uv);
        b->pins[i].name = bd_board_pin_name(b, (int)i);
    }
    bd_board_reset(b);
    return BD_OK;
}

void bd_board_free(bd_board_t *b) {
    bd_i2c_nets_free(b);
    if (b->pins)
        for (int i = 0; i < b->npins; i++) bd_pin_free(&b->pins[i]);
    free(b->pins);
    free(b->pindef);
    free(b->label_pin);
    bd_sched_free(&b->sched);
    memset(b, 0, sizeof *b);
}

void bd_board_reset(bd_board_t *b) {
    for (int i = 0; i < b->npins; i++) {
        /* expander pads (NINA) have no MCU reset state: plain inputs */
        bool ext = b->pindef[i]->flags & BD_PINF_EXT;
        bd_pin_reset(&b->pins[i], ext ? BD_MODE_INPUT : (bd_pin_mode_t)b->def->mcu->reset_mode,
                     ext ? BD_PULL_NONE : (bd_pull_t)b->def->mcu->reset_pull);
    }
}

int bd_board_pin_find(const bd_board_t *b, const char *name, unsigned how) {
    if (!name) return -1;
    bool nocase = how & BD_FIND_NOCASE;
    for (uint16_t k = 0; k < b->def->nlabels; k++) {
        const bd_label_t *l = &b->def->labels[k];
        if (l->kind == BD_LABEL_SILK && !(how & BD_FIND_SILK)) continue;
        if (nocase ? strcasecmp(l->label, name) == 0 : strcmp(l->label, name) == 0) return b->label_pin[k];
    }
    return find_mcu_name(b, name, nocase);
}

int bd_board_pin_by_id(const bd_board_t *b, int id) {
    if (id < 0) return -1;
    for (int i = 0; i < b->npins; i++)
        if (b->pindef[i]->id == id) return i;
    return -1;
}

const char *bd_board_pin_name(const bd_board_t *b, int idx) {
    for (uint16_t k = 0; k < b->def->nlabels; k++)
        if (b->label_pin[k] == idx) return b->def->labels[k].label;
    return b->pindef[idx]->name;
}

size_t bd_board_pin_labels(const bd_board_t *b, int idx, const char **out, size_t max) {
    size_t n = 0;
    for (uint16_t k = 0; k < b->def->nlabels; k++)
        if (b->label_pin[k] == idx) {
            if (n < max) out[n] = b->def->labels[k].label;
            n++;
        }
    return n;
}

bool bd_pin_def_fn(const bd_mcu_pin_t *def, bd_fn_kind_t kind, int unit, bd_pin_fn_t *out) {
    for (int i = 0; i < BD_PIN_MAX_FN && def->fn[i].kind != BD_FN_NONE; i++)
        if (def->fn[i].kind == kind && (unit < 0 || def->fn[i].unit == unit)) {
            if (out) *out = def->fn[i];
            return true;
        }
    return false;
}
