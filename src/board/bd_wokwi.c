/* bd_wokwi.c: Wokwi's diagram.json on the board (bd_wokwi.h, docs/wokwi.md).
 *
 * Sources of the facts (formats and names only; no code was copied):
 *   - the file format: docs.wokwi.com "diagram.json File Format" (version,
 *     author, editor, parts {id, type, left, top, attrs, rotate, hide},
 *     connections [from "part:pin", to, color, route]) and its list of
 *     microcontroller part types;
 *   - pin names and attrs of each part: the docs.wokwi.com part reference
 *     pages (wokwi-led, -pushbutton, -potentiometer, -slide-potentiometer,
 *     -hc-sr04, -servo, -buzzer, -74hc595, -resistor, board-ssd1306,
 *     wokwi-pi-pico, wokwi-nano-rp2040-connect) and the part registry of
 *     Wokwi's diagram linter (@wokwi/diagram-lint: pins of
 *     board-arduino-nano-esp32, board-esp32-s3-devkitc-1, wokwi-gnd,
 *     wokwi-vcc, breadboard pin patterns "5t.a" / "tp.1");
 *   - ASSUMPTIONS where no source says: a bmp280 part type ("board-bmp280",
 *     Wokwi has none built in: custom chips use that name) with pins VCC GND
 *     SCL SDA SDO CSB; breadboard rails are continuous; buttons do not
 *     bounce unless the `bounce` attr is a count (Wokwi bounces by default,
 *     randomly; ours is deterministic and opt-in).
 *
 * Invariants: parts are built only after every connection resolved, into a
 * private set that joins the caller's set at the end, so a failing diagram
 * adds nothing; nets are union-find roots over nodes; node 0 is the GND
 * rail and node 1 the VCC rail.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_json.h"
#include "board/bd_text.h"
#include "board/bd_wokwi.h"

typedef struct wk_part wk_part_t;
typedef bd_status_t (*build_fn)(bd_wokwi_t *w, wk_part_t *p);

enum { SP_PART = 0, SP_RESISTOR, SP_GND, SP_VCC, SP_BREADBOARD, SP_DECOR };

typedef struct {
    const char *type;
    const char *pins; /* space-separated; NULL: checked by the special kind */
    unsigned char special;
    const char *kind; /* our part kind */
    build_fn build;
} wk_type_t;

/* A Wokwi microcontroller board we can run. */
typedef struct {
    const char *type;
    const char *board;
    const char *aliases; /* "WOKWI=OURS ..." pin renames */
    bool numeric;        /* bare numbers are GPIO numbers */
    const char *note;    /* said once when the board is used, or NULL */
} wk_board_t;

struct wk_part {
    char *id, *type;
    const bd_json_t *attrs; /* borrowed from the tree; may be NULL */
    int line, col;
    const wk_type_t *t; /* NULL: not a kind we build */
    bd_part_t *part;    /* what was built (owned by the part set) */
    char why[160];      /* why nothing was built */
};

typedef struct {
    char *key; /* "id:pin" after canonical renaming; "#pad:N", "#gnd", "#vcc" */
    int parent;
    int pad;  /* board pad of this node, -1 */
    int rail; /* BD_WOKWI_* */
    int pull; /* on roots after bd_wokwi_build: BD_PULL_* from resistors */
} node_t;

struct bd_wokwi {
    char *file;
    bd_json_t *root;
    wk_part_t *parts;
    size_t nparts;
    int mcu; /* index of the board part, -1 */
    int mcu2; /* a second board part (ignored), -1 */
    const wk_board_t *map;
    bd_board_t *b;
    node_t *nodes;
    size_t nnodes, nodes_cap;
    bd_partset_t tmp; /* parts being built */
    bd_partset_t *dest;
    FILE *warn;
    char *err;
    size_t errlen;
};

/* ------------------------------------------------------------ tables */

static bd_status_t build_led(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_button(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_pot(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_hcsr04(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_one_pin(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_buzzer(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_hc595(bd_wokwi_t *w, wk_part_t *p);
static bd_status_t build_i2c(bd_wokwi_t *w, wk_part_t *p);

static const wk_type_t types[] = {
    {"wokwi-led", "A C", SP_PART, "led", build_led},
    {"wokwi-pushbutton", "1.l 2.l 1.r 2.r", SP_PART, "button", build_button},
    {"wokwi-pushbutton-6mm", "1.l 2.l 1.r 2.r", SP_PART, "button", build_button},
    {"wokwi-potentiometer", "GND SIG VCC", SP_PART, "pot", build_pot},
    {"wokwi-slide-potentiometer", "GND SIG VCC", SP_PART, "pot", build_pot},
    {"wokwi-hc-sr04", "VCC TRIG ECHO GND", SP_PART, "hcsr04", build_hcsr04},
    {"wokwi-servo", "GND V+ PWM", SP_PART, "servo", build_one_pin},
    {"wokwi-buzzer", "1 2", SP_PART, "buzzer", build_buzzer},
    {"wokwi-74hc595", "DS SHCP STCP OE MR Q0 Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q7S GND VCC", SP_PART, "74hc595", build_hc595},
    {"board-ssd1306", "GND VCC SCL SDA", SP_PART, "ssd1306", build_i2c},
    {"board-bmp280", "VCC GND SCL SDA SDO CSB", SP_PART, "bmp280", build_i2c},
    {"wokwi-resistor", "1 2", SP_RESISTOR, NULL, NULL},
    {"wokwi-gnd", "GND", SP_GND, NULL, NULL},
    {"wokwi-vcc", "VCC", SP_VCC, NULL, NULL},
    {"wokwi-breadboard", NULL, SP_BREADBOARD, NULL, NULL},
    {"wokwi-breadboard-half", NULL, SP_BREADBOARD, NULL, NULL},
    {"wokwi-breadboard-mini", NULL, SP_BREADBOARD, NULL, NULL},
    {"wokwi-text", "", SP_DECOR, NULL, NULL},
    {"wokwi-logo", "", SP_DECOR, NULL, NULL},
};

static const wk_board_t boards[] = {
    {"wokwi-pi-pico", "rpi-pico", "TP4=GPIO23 TP5=GPIO25", false, NULL},
    {"board-pi-pico-w", "rpi-pico", "TP4=GPIO23 TP5=GPIO25", false,
     "the Pico W is simulated as a Pico (no radio; Pin(\"LED\") is GPIO25)"},
    {"wokwi-nano-rp2040-connect", "nano-rp2040", NULL, false, NULL},
    {"board-arduino-nano-esp32", "nano-esp32", "RX0=RX TX1=TX", false, NULL},
    {"board-esp32-s3-devkitc-1", "nano-esp32", "RX=GPIO44 TX=GPIO43", true,
     "the ESP32-S3-DevKitC-1 is simulated on nano-esp32 (the same ESP32-S3 chip; its pins are GPIO numbers)"},
};

/* Other microcontroller parts (docs.wokwi.com's list and the linter's
 * registry): recognised so the message can say the board is unsupported. */
static const char *const other_mcus[] = {
    "wokwi-attiny85", "wokwi-arduino-nano", "wokwi-arduino-mega", "wokwi-arduino-uno", "wokwi-esp32-devkit-v1",
    "wokwi-franzininho", "wokwi-tinypico", "board-esp32-", "board-xiao-", "board-st-nucleo-", "board-stm32-",
    "board-franzininho", "board-arduino-", "board-aitewinrobot-", "board-wemos-", "board-m5stack-", "board-esp-01",
    "board-pi-pico",
};

static const wk_type_t *type_find(const char *type) {
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(types[i].type, type)) return &types[i];
    return NULL;
}

static const wk_board_t *board_map(const char *type) {
    for (size_t i = 0; i < sizeof boards / sizeof boards[0]; i++)
        if (!strcmp(boards[i].type, type)) return &boards[i];
    return NULL;
}

static bool is_mcu_type(const char *type) {
    if (board_map(type)) return true;
    for (size_t i = 0; i < sizeof other_mcus / sizeof other_mcus[0]; i++) {
        size_t n = strlen(other_mcus[i]);
        bool prefix = other_mcus[i][n - 1] == '-';
        if (prefix ? !strncmp(type, other_mcus[i], n) : !strcmp(type, other_mcus[i])) return true;
    }
    return false;
}

const bd_board_def_t *bd_wokwi_board_for(const char *wokwi_type) {
    const wk_board_t *m = wokwi_type ? board_map(wokwi_type) : NULL;
    return m ? bd_board_def_find(m->board) : NULL;
}

/* A space-separated word list has w. */
static bool in_list(const char *list, const char *w) {
    size_t n = strlen(w);
    for (const char *p = list; p && *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if ((size_t)(e - p) == n && n && !strncmp(p, w, n)) return true;
        p = e;
    }
    return false;
}

/* ------------------------------------------------------------ messages */

static bd_status_t errat(bd_wokwi_t *w, const bd_json_t *at, bd_status_t st, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(w->err, w->errlen, w->file, at ? at->line : -1, at ? at->col : -1, fmt, ap);
    va_end(ap);
    return st;
}

static void warnat(bd_wokwi_t *w, int line, int col, const char *fmt, ...) {
    if (!w->warn) return;
    if (line > 0) fprintf(w->warn, "%s:%d:%d: warning: ", w->file, line, col);
    else fprintf(w->warn, "%s: warning: ", w->file);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(w->warn, fmt, ap);
    va_end(ap);
    fputc('\n', w->warn);
}
#define WARNP(w, p, ...) warnat((w), (p)->line, (p)->col, __VA_ARGS__)

/* ------------------------------------------------------------ loading */

void bd_wokwi_free(bd_wokwi_t *w) {
    if (!w) return;
    for (size_t i = 0; i < w->nparts; i++) free(w->parts[i].id), free(w->parts[i].type);
    for (size_t i = 0; i < w->nnodes; i++) free(w->nodes[i].key);
    bd_partset_free(&w->tmp);
    free(w->nodes);
    free(w->parts);
    bd_json_free(w->root);
    free(w->file);
    free(w);
}

static bd_status_t load_parts(bd_wokwi_t *w) {
    const bd_json_t *root = w->root;
    if (root->type != BD_JSON_OBJ)
        return errat(w, root, BD_ERR_INVAL, "a diagram is a JSON object ({\"version\": 1, \"parts\": [...], ...}), not %s",
                     bd_json_kind(root));
    const bd_json_t *parts = bd_json_get(root, "parts");
    if (!parts) return errat(w, root, BD_ERR_INVAL, "the diagram has no \"parts\" list");
    if (parts->type != BD_JSON_ARR) return errat(w, parts, BD_ERR_INVAL, "\"parts\" must be an array, not %s", bd_json_kind(parts));
    const bd_json_t *conns = bd_json_get(root, "connections");
    if (conns && conns->type != BD_JSON_ARR)
        return errat(w, conns, BD_ERR_INVAL, "\"connections\" must be an array, not %s", bd_json_kind(conns));
    w->parts = calloc(parts->len ? parts->len : 1, sizeof *w->parts);
    if (!w->parts) return BD_ERR_NOMEM;
    for (size_t i = 0; i < parts->len; i++) {
        const bd_json_t *o = parts->item[i];
        if (o->type != BD_JSON_OBJ)
            return errat(w, o, BD_ERR_INVAL, "a part is an object ({\"type\": ..., \"id\": ...}), not %s", bd_json_kind(o));
        const bd_json_t *id = bd_json_get(o, "id"), *type = bd_json_get(o, "type"), *attrs = bd_json_get(o, "attrs");
        if (!bd_json_str(type)) return errat(w, type ? type : o, BD_ERR_INVAL, "a part needs a \"type\" string");
        if (!bd_json_str(id) || !*id->str)
            return errat(w, id ? id : o, BD_ERR_INVAL, "a part needs an \"id\" string (part type %s)", type->str);
        if (attrs && attrs->type != BD_JSON_OBJ)
            return errat(w, attrs, BD_ERR_INVAL, "\"attrs\" of %s must be an object, not %s", id->str, bd_json_kind(attrs));
        for (size_t j = 0; j < w->nparts; j++)
            if (!strcmp(w->parts[j].id, id->str))
                return errat(w, id, BD_ERR_INVAL, "duplicate part id \"%s\" (first on line %d)", id->str, w->parts[j].line);
        wk_part_t *p = &w->parts[w->nparts];
        p->id = strdup(id->str);
        p->type = strdup(type->str);
        if (!p->id || !p->type) {
            free(p->id), free(p->type);
            return BD_ERR_NOMEM;
        }
        w->nparts++;
        p->attrs = attrs;
        p->line = o->line, p->col = o->col;
        p->t = type_find(type->str);
        if (is_mcu_type(type->str)) {
            if (w->mcu < 0) w->mcu = (int)(w->nparts - 1);
            else if (w->mcu2 < 0) w->mcu2 = (int)(w->nparts - 1);
        }
    }
    if (w->mcu >= 0) w->map = board_map(w->parts[w->mcu].type);
    return BD_OK;
}

bd_status_t bd_wokwi_parse(bd_wokwi_t **out, const char *fname, const char *text, size_t len, char *err,
                           size_t errlen) {
    *out = NULL;
    if (err && errlen) err[0] = 0;
    bd_wokwi_t *w = calloc(1, sizeof *w);
    if (!w) return BD_ERR_NOMEM;
    w->mcu = w->mcu2 = -1;
    w->err = err, w->errlen = errlen;
    bd_partset_init(&w->tmp);
    w->file = strdup(fname ? fname : "diagram.json");
    if (!w->file) {
        bd_wokwi_free(w);
        return BD_ERR_NOMEM;
    }
    char jerr[300];
    bd_status_t st = bd_json_parse(text, len, &w->root, jerr, sizeof jerr);
    if (st == BD_ERR_INVAL) {
        if (err && errlen) snprintf(err, errlen, "%s:%s", w->file, jerr);
    } else if (st == BD_OK) {
        st = load_parts(w);
    }
    if (st != BD_OK) {
        if (st == BD_ERR_NOMEM && err && errlen) snprintf(err, errlen, "%s: out of memory", w->file);
        bd_wokwi_free(w);
        return st;
    }
    w->err = NULL, w->errlen = 0;
    *out = w;
    return BD_OK;
}

bd_status_t bd_wokwi_load(bd_wokwi_t **out, const char *path, char *err, size_t errlen) {
    *out = NULL;
    char *text;
    size_t len;
    bd_status_t st = bd_text_read_file(path, &text, &len);
    if (st != BD_OK) {
        if (err && errlen) {
            if (st == BD_ERR_IO) snprintf(err, errlen, "cannot read diagram '%s': %s", path, strerror(errno));
            else snprintf(err, errlen, "cannot read diagram '%s': %s", path, bd_status_str(st));
        }
        return st;
    }
    st = bd_wokwi_parse(out, path, text, len, err, errlen);
    free(text);
    return st;
}

const char *bd_wokwi_board_type(const bd_wokwi_t *w) { return w->mcu >= 0 ? w->parts[w->mcu].type : NULL; }
const char *bd_wokwi_board_id(const bd_wokwi_t *w) { return w->mcu >= 0 ? w->parts[w->mcu].id : NULL; }

static wk_part_t *part_by_id(const bd_wokwi_t *w, const char *id, size_t n) {
    for (size_t i = 0; i < w->nparts; i++)
        if (strlen(w->parts[i].id) == n && !strncmp(w->parts[i].id, id, n)) return &w->parts[i];
    return NULL;
}

bd_status_t bd_wokwi_pick_board(bd_wokwi_t *w, const bd_board_def_t *explicit_def, const bd_board_def_t **out,
                                FILE *warn, char *err, size_t errlen) {
    w->warn = warn, w->err = err, w->errlen = errlen;
    if (err && errlen) err[0] = 0;
    wk_part_t *m = w->mcu >= 0 ? &w->parts[w->mcu] : NULL;
    const bd_json_t *ver = bd_json_get(w->root, "version");
    if (ver && !(ver->type == BD_JSON_NUM && ver->num == 1))
        warnat(w, ver->line, ver->col, "diagram version is not 1; reading it as version 1");
    if (w->mcu2 >= 0) {
        wk_part_t *m2 = &w->parts[w->mcu2];
        WARNP(w, m2, "a second board (%s \"%s\"): only the first, \"%s\", runs", m2->type, m2->id, m->id);
    }
    const bd_board_def_t *mine = m ? bd_wokwi_board_for(m->type) : NULL;
    bd_status_t st = BD_OK;
    if (explicit_def) {
        *out = explicit_def;
        if (m && mine != explicit_def)
            WARNP(w, m, "the diagram's board is %s \"%s\"%s%s%s; running on %s as --board asks (its pins are looked up "
                        "by name there)",
                  m->type, m->id, mine ? " (" : "", mine ? mine->name : "", mine ? ")" : "", explicit_def->name);
    } else if (mine) {
        *out = mine;
        if (w->map->note) WARNP(w, m, "%s", w->map->note);
    } else if (m) {
        char list[300] = "";
        for (size_t i = 0; i < sizeof boards / sizeof boards[0]; i++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", boards[i].type);
        }
        bd_json_t at = {.line = m->line, .col = m->col};
        st = errat(w, &at, BD_ERR_UNSUPPORTED,
                   "board %s \"%s\" has no Breadboard equivalent (supported: %s); choose one of ours with --board NAME",
                   m->type, m->id, list);
    } else {
        *out = bd_board_def_default();
        warnat(w, 0, 0, "the diagram has no microcontroller part; running on %s", (*out)->name);
    }
    w->err = NULL, w->errlen = 0;
    return st;
}

/* ------------------------------------------------------------ nodes and nets */

static int node_find_key(const bd_wokwi_t *w, const char *key) {
    for (size_t i = 0; i < w->nnodes; i++)
        if (!strcmp(w->nodes[i].key, key)) return (int)i;
    return -1;
}

/* The node named key, created if needed; -1 when out of memory. */
static int node_get(bd_wokwi_t *w, const char *key, int pad, int rail) {
    int i = node_find_key(w, key);
    if (i >= 0) return i;
    if (w->nnodes == w->nodes_cap) {
        size_t cap = w->nodes_cap ? w->nodes_cap * 2 : 32;
        node_t *n = realloc(w->nodes, cap * sizeof *n);
        if (!n) return -1;
        w->nodes = n, w->nodes_cap = cap;
    }
    char *k = strdup(key);
    if (!k) return -1;
    w->nodes[w->nnodes] = (node_t){k, (int)w->nnodes, pad, rail, BD_PULL_NONE};
    return (int)w->nnodes++;
}

static int uf_find(bd_wokwi_t *w, int i) {
    while (w->nodes[i].parent != i) {
        w->nodes[i].parent = w->nodes[w->nodes[i].parent].parent;
        i = w->nodes[i].parent;
    }
    return i;
}

static void uf_union(bd_wokwi_t *w, int a, int b) {
    a = uf_find(w, a), b = uf_find(w, b);
    if (a == b) return;
    /* the lower index stays root: the rails (0, 1) stay roots of their nets */
    if (a < b) w->nodes[b].parent = a;
    else w->nodes[a].parent = b;
}

typedef struct {
    int root;  /* -1: the pin is wired to nothing */
    int pad;   /* first board pad on the net, -1 */
    int npads; /* board pads on the net */
    int rail;  /* BD_WOKWI_*; both rails: GND */
    bool gnd, vcc;
    int pull; /* BD_PULL_* drawn as a resistor to a rail */
} net_t;

static net_t net_of_node(bd_wokwi_t *w, int node) {
    net_t n = {-1, -1, 0, BD_WOKWI_NONE, false, false, BD_PULL_NONE};
    if (node < 0) return n;
    n.root = uf_find(w, node);
    for (size_t i = 0; i < w->nnodes; i++) {
        if (uf_find(w, (int)i) != n.root) continue;
        const node_t *d = &w->nodes[i];
        if (d->pad >= 0) { /* one node per pad ("#pad:N"), so each counts once */
            if (n.pad < 0) n.pad = d->pad;
            n.npads++;
        }
        if (d->rail == BD_WOKWI_GND) n.gnd = true;
        if (d->rail == BD_WOKWI_VCC) n.vcc = true;
    }
    n.rail = n.gnd ? BD_WOKWI_GND : n.vcc ? BD_WOKWI_VCC : BD_WOKWI_NONE;
    n.pull = w->nodes[n.root].pull;
    return n;
}

/* Canonical pin names: a button's two pins of a contact are one node, a
 * breadboard's five holes of a row half and its rails are one node each.
 * Returns false for a name the part does not have. */
static bool canon_pin(const wk_part_t *p, const char *pin, char *out, size_t n) {
    if (p->t && p->t->special == SP_BREADBOARD) {
        /* "5t.a" .. "63b.j": a row half; "tp.1", "bn.50": a rail */
        const char *q = pin;
        if (isdigit((unsigned char)*q)) {
            while (isdigit((unsigned char)*q)) q++;
            if ((*q == 't' || *q == 'b') && q[1] == '.' && q[2] >= 'a' && q[2] <= 'j' && !q[3]) {
                snprintf(out, n, "%.*s", (int)(q - pin + 1), pin);
                return true;
            }
            return false;
        }
        if ((q[0] == 't' || q[0] == 'b') && (q[1] == 'p' || q[1] == 'n') && q[2] == '.' &&
            isdigit((unsigned char)q[3])) {
            for (q += 3; isdigit((unsigned char)*q); q++) {
            }
            if (*q) return false;
            snprintf(out, n, "%.2s", pin);
            return true;
        }
        return false;
    }
    if (p->t && !in_list(p->t->pins, pin)) return false;
    if (p->t && p->t->build == build_button && (pin[0] == '1' || pin[0] == '2')) {
        snprintf(out, n, "%c", pin[0]);
        return true;
    }
    snprintf(out, n, "%s", pin);
    return true;
}

/* Board pin names: the power and unsimulated pins, the board's renames,
 * "$gpioN", bare GPIO numbers, then our board's own labels. */
enum { BP_PAD, BP_GND, BP_VCC, BP_NC, BP_UNKNOWN };

static int board_pin(const bd_wokwi_t *w, const char *pin, int *pad) {
    static const char *const nc[] = {"RUN", "3V3_EN", "ADC_VREF", "RST", "EN", "AREF", "RESET", "REF", "NRST", "NC"};
    static const char *const vcc[] = {"3V3", "3.3V", "5V", "VCC", "VBUS", "VSYS", "VIN", "3V", "E5V", "VDD", "IOREF", "AVDD", "VBAT"};
    char base[64];
    snprintf(base, sizeof base, "%s", pin);
    char *dot = strchr(base, '.');
    if (dot && dot != base && isdigit((unsigned char)dot[1])) *dot = 0; /* GND.3, 3V3.1, RESET.2 */
    for (size_t i = 0; i < sizeof nc / sizeof nc[0]; i++)
        if (!strcasecmp(base, nc[i]) || (!strcmp(nc[i], "NC") && !strncasecmp(base, "NC", 2) && isdigit((unsigned char)base[2])))
            return BP_NC;
    if (!strncasecmp(base, "GND", 3) || !strcasecmp(base, "AGND")) return BP_GND;
    for (size_t i = 0; i < sizeof vcc / sizeof vcc[0]; i++)
        if (!strcasecmp(base, vcc[i])) return BP_VCC;
    char name[64];
    snprintf(name, sizeof name, "%s", pin);
    if (w->map && w->map->aliases) {
        size_t n = strlen(pin);
        for (const char *a = w->map->aliases; *a;) {
            const char *eq = strchr(a, '='), *sp = strchr(a, ' ');
            if (!sp) sp = a + strlen(a);
            if (eq && eq < sp && (size_t)(eq - a) == n && !strncmp(a, pin, n)) {
                snprintf(name, sizeof name, "%.*s", (int)(sp - eq - 1), eq + 1);
                break;
            }
            a = *sp ? sp + 1 : sp;
        }
    }
    if (!strncmp(name, "$gpio", 5) && isdigit((unsigned char)name[5])) {
        char g[64];
        snprintf(g, sizeof g, "GPIO%s", name + 5);
        snprintf(name, sizeof name, "%s", g);
    }
    int idx = -1;
    bool digits = *name != 0;
    for (const char *c = name; *c; c++) digits = digits && isdigit((unsigned char)*c);
    if (digits && w->map && w->map->numeric && strlen(name) < 6) idx = bd_board_pin_by_id(w->b, atoi(name));
    if (idx < 0) idx = bd_board_pin_find(w->b, name, BD_FIND_SILK);
    if (idx < 0) return BP_UNKNOWN;
    *pad = idx;
    return BP_PAD;
}

/* The node of one connection end ("part:pin"); -1 with err set (-2: out
 * of memory). */
static int endpoint(bd_wokwi_t *w, const bd_json_t *ep) {
    const char *s = ep->str;
    const char *colon = strchr(s, ':');
    if (!colon || colon == s || !colon[1]) {
        errat(w, ep, BD_ERR_INVAL, "a connection end is \"PART:PIN\", not \"%s\"", s);
        return -1;
    }
    wk_part_t *p = part_by_id(w, s, (size_t)(colon - s));
    const char *pin = colon + 1;
    if (!p) {
        errat(w, ep, BD_ERR_INVAL, "no part \"%.*s\" in the diagram (in \"%s\")", (int)(colon - s), s, s);
        return -1;
    }
    char key[200];
    int n;
    if (w->mcu >= 0 && p == &w->parts[w->mcu]) {
        int pad = -1;
        switch (board_pin(w, pin, &pad)) {
        case BP_GND: return 0;
        case BP_VCC: return 1;
        case BP_NC:
            snprintf(key, sizeof key, "%s:%s", p->id, pin);
            n = node_get(w, key, -1, BD_WOKWI_NONE);
            return n < 0 ? -2 : n;
        case BP_PAD:
            snprintf(key, sizeof key, "#pad:%d", pad);
            n = node_get(w, key, pad, BD_WOKWI_NONE);
            return n < 0 ? -2 : n;
        default:
            errat(w, ep, BD_ERR_INVAL, "unknown pin \"%s\" of %s \"%s\" on board %s", pin, p->type, p->id,
                  w->b->def->name);
            return -1;
        }
    }
    if (p->t && p->t->special == SP_GND && !strcmp(pin, "GND")) return 0;
    if (p->t && p->t->special == SP_VCC && !strcmp(pin, "VCC")) return 1;
    char cpin[64];
    if (strlen(pin) >= sizeof cpin || !canon_pin(p, pin, cpin, sizeof cpin)) {
        if (p->t && p->t->special == SP_BREADBOARD)
            errat(w, ep, BD_ERR_INVAL, "unknown breadboard pin \"%s\" of \"%s\" (rows are like 5t.a, rails like tp.1)",
                  pin, p->id);
        else
            errat(w, ep, BD_ERR_INVAL, "unknown pin \"%s\" of %s \"%s\" (its pins: %s)", pin, p->type, p->id,
                  *p->t->pins ? p->t->pins : "none");
        return -1;
    }
    snprintf(key, sizeof key, "%s:%s", p->id, cpin);
    n = node_get(w, key, -1, BD_WOKWI_NONE);
    return n < 0 ? -2 : n;
}

/* The node of part p's pin (after the connections are in), or -1. */
static int pin_node(bd_wokwi_t *w, const wk_part_t *p, const char *pin) {
    char cpin[64], key[200];
    if (!canon_pin(p, pin, cpin, sizeof cpin)) return -1;
    snprintf(key, sizeof key, "%s:%s", p->id, cpin);
    return node_find_key(w, key);
}

static net_t net_of(bd_wokwi_t *w, const wk_part_t *p, const char *pin) { return net_of_node(w, pin_node(w, p, pin)); }

static bd_status_t wire_up(bd_wokwi_t *w) {
    if (node_get(w, "#gnd", -1, BD_WOKWI_GND) != 0 || node_get(w, "#vcc", -1, BD_WOKWI_VCC) != 1) return BD_ERR_NOMEM;
    const bd_json_t *conns = bd_json_get(w->root, "connections");
    for (size_t i = 0; conns && i < conns->len; i++) {
        const bd_json_t *c = conns->item[i];
        if (c->type != BD_JSON_ARR || c->len < 2 || !bd_json_str(c->item[0]) || !bd_json_str(c->item[1]))
            return errat(w, c, BD_ERR_INVAL,
                         "a connection is [\"PART:PIN\", \"PART:PIN\", color, route], not %s", bd_json_kind(c));
        /* Wokwi's serial monitor is our console; its wires carry nothing here */
        if (c->item[0]->str[0] == '$' || c->item[1]->str[0] == '$') continue;
        int a = endpoint(w, c->item[0]), b = a < 0 ? a : endpoint(w, c->item[1]);
        if (b == -2) return errat(w, c, BD_ERR_NOMEM, "out of memory");
        if (b < 0) return BD_ERR_INVAL;
        uf_union(w, a, b);
    }
    /* resistors: series ones join their nets; one between a rail and a net
     * that reaches a board pin is that pin's pull resistor */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < w->nparts; i++) {
            wk_part_t *p = &w->parts[i];
            if (!p->t || p->t->special != SP_RESISTOR) continue;
            int a = pin_node(w, p, "1"), b = pin_node(w, p, "2");
            if (a < 0 || b < 0) continue;
            net_t na = net_of_node(w, a), nb = net_of_node(w, b);
            if (na.root == nb.root) continue;
            bool ra = na.rail != BD_WOKWI_NONE, rb = nb.rail != BD_WOKWI_NONE;
            if (pass == 0) {
                if (!ra && !rb) uf_union(w, a, b);
                continue;
            }
            if (ra == rb) continue; /* both rails (a load), or joined in pass 0 */
            net_t *other = ra ? &nb : &na, *rail = ra ? &na : &nb;
            if (other->pad >= 0) w->nodes[other->root].pull = rail->rail == BD_WOKWI_VCC ? BD_PULL_UP : BD_PULL_DOWN;
            else uf_union(w, a, b);
        }
    /* what the wiring says about the board's pins */
    for (size_t i = 0; i < w->nnodes; i++) {
        if (uf_find(w, (int)i) != (int)i) continue;
        net_t n = net_of_node(w, (int)i);
        if (n.gnd && n.vcc && i == 0) warnat(w, 0, 0, "GND and VCC are wired together (a short circuit)");
        if (n.pad >= 0 && n.rail != BD_WOKWI_NONE)
            warnat(w, 0, 0, "board pin %s is wired straight to %s", bd_board_pin_name(w->b, n.pad),
                   n.rail == BD_WOKWI_GND ? "GND" : "VCC");
        if (n.npads > 1) {
            const char *second = "";
            for (size_t j = 0; j < w->nnodes; j++)
                if (uf_find(w, (int)j) == (int)i && w->nodes[j].pad >= 0 && w->nodes[j].pad != n.pad)
                    second = bd_board_pin_name(w->b, w->nodes[j].pad);
            warnat(w, 0, 0, "board pins %s and %s are wired together; parts on that net use %s",
                   bd_board_pin_name(w->b, n.pad), second, bd_board_pin_name(w->b, n.pad));
        }
    }
    return BD_OK;
}

/* ------------------------------------------------------------ building parts */

/* An attr's value as text ("512" for 512 or "512"), NULL if absent. */
static const char *attr_text(const wk_part_t *p, const char *name, char *buf, size_t n, const bd_json_t **at) {
    const bd_json_t *v = bd_json_get(p->attrs, name);
    if (at) *at = v;
    return bd_json_scalar_text(v, buf, n);
}

static bool name_taken(const bd_wokwi_t *w, const char *name) {
    const bd_partset_t *sets[2] = {&w->tmp, w->dest};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; sets[s] && i < sets[s]->n; i++)
            if (!strcmp(sets[s]->v[i]->name, name)) return true;
    return false;
}

/* p->part: a part of our kind for p, named after its id (sanitised, made
 * unique); left NULL (BD_OK, warned) when this build lacks the kind. */
static bd_status_t make(bd_wokwi_t *w, wk_part_t *p) {
    char name[BD_PART_NAME_MAX];
    size_t n = 0;
    for (const char *c = p->id; *c && n < BD_PART_NAME_MAX - 5; c++)
        name[n++] = (isalnum((unsigned char)*c) || *c == '_' || *c == '-') ? *c : '_';
    name[n] = 0;
    if (!n) snprintf(name, sizeof name, "part");
    char base[BD_PART_NAME_MAX];
    snprintf(base, sizeof base, "%s", name);
    for (unsigned k = 2; name_taken(w, name) && k < 1000; k++) snprintf(name, sizeof name, "%.26s_%u", base, k % 1000);
    if (strcmp(name, p->id)) WARNP(w, p, "part \"%s\" is named %s here", p->id, name);
    bd_part_t *part = NULL;
    bd_status_t st = bd_part_new(&part, w->b, p->t->kind, name);
    if (st == BD_ERR_NOTFOUND) {
        snprintf(p->why, sizeof p->why, "%s is not simulated by this build (no part kind '%s')", p->type, p->t->kind);
        WARNP(w, p, "%s; %s skipped", p->why, p->id);
        return BD_OK;
    }
    if (st == BD_OK) st = bd_partset_add(&w->tmp, part);
    if (st != BD_OK) {
        bd_part_free(part);
        return errat(w, NULL, st, "%s", bd_status_str(st));
    }
    p->part = part;
    return BD_OK;
}

static bd_status_t set(bd_wokwi_t *w, wk_part_t *p, const char *attr, const char *text, const bd_json_t *at) {
    if (!p->part || bd_part_attr_find(p->part, attr) < 0) return BD_OK;
    char e[200];
    bd_status_t st = bd_part_set(p->part, attr, text, e, sizeof e);
    if (st == BD_OK) return BD_OK;
    bd_json_t here = {.line = p->line, .col = p->col};
    return errat(w, at ? at : &here, st, "%s (%s): %s", p->id, p->type, e);
}

static bd_status_t attach(bd_wokwi_t *w, wk_part_t *p, const char *role, int pad) {
    if (!p->part || pad < 0) return BD_OK;
    char e[200];
    bd_status_t st = bd_part_attach(p->part, role, pad, e, sizeof e);
    return st == BD_OK ? BD_OK : errat(w, NULL, st, "%s: %s", p->id, e);
}

/* Nothing built: say why, once. */
static bd_status_t skip(bd_wokwi_t *w, wk_part_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->why, sizeof p->why, fmt, ap);
    va_end(ap);
    WARNP(w, p, "%s \"%s\": %s; skipped", p->type, p->id, p->why);
    return BD_OK;
}

static const char *pad_name(bd_wokwi_t *w, int pad) { return bd_board_pin_name(w->b, pad); }

static bd_status_t build_led(bd_wokwi_t *w, wk_part_t *p) {
    net_t a = net_of(w, p, "A"), c = net_of(w, p, "C");
    int pad;
    bool low;
    if (a.pad >= 0 && (c.rail == BD_WOKWI_GND || c.pad < 0)) {
        pad = a.pad, low = false;
        if (c.rail != BD_WOKWI_GND)
            WARNP(w, p, "LED \"%s\": the cathode (C) is not wired to GND; modelled as lit while %s is high", p->id,
                  pad_name(w, pad));
    } else if (c.pad >= 0 && (a.rail == BD_WOKWI_VCC || a.pad < 0)) {
        pad = c.pad, low = true;
        if (a.rail != BD_WOKWI_VCC)
            WARNP(w, p, "LED \"%s\": the anode (A) is not wired to VCC; modelled as lit while %s is low", p->id,
                  pad_name(w, pad));
    } else if (a.pad >= 0 && c.pad >= 0) {
        pad = a.pad, low = false;
        WARNP(w, p, "LED \"%s\" is between two board pins (%s, %s); modelled as lit while %s is high", p->id,
              pad_name(w, a.pad), pad_name(w, c.pad), pad_name(w, a.pad));
    } else {
        return skip(w, p, "not wired to a board pin (through wires and resistors)");
    }
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    char buf[40];
    const bd_json_t *at;
    const char *color = attr_text(p, "color", buf, sizeof buf, &at);
    if (color && (st = set(w, p, "color", color, at)) != BD_OK) return st;
    if ((st = set(w, p, "active", low ? "low" : "high", NULL)) != BD_OK) return st;
    return attach(w, p, "pin", pad);
}

static bd_status_t build_button(bd_wokwi_t *w, wk_part_t *p) {
    net_t c1 = net_of(w, p, "1.l"), c2 = net_of(w, p, "2.l");
    if (c1.pad >= 0 && c2.pad >= 0)
        return skip(w, p, "a button between two board pins (%s, %s) is not modelled", pad_name(w, c1.pad),
                    pad_name(w, c2.pad));
    net_t *pin = c1.pad >= 0 ? &c1 : c2.pad >= 0 ? &c2 : NULL, *other = pin == &c1 ? &c2 : &c1;
    if (!pin) return skip(w, p, "neither contact is wired to a board pin");
    if (other->rail == BD_WOKWI_NONE)
        return skip(w, p, "one contact is on %s but the other is not wired to GND or VCC", pad_name(w, pin->pad));
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    if ((st = set(w, p, "to", other->rail == BD_WOKWI_GND ? "gnd" : "vcc", NULL)) != BD_OK) return st;
    const char *pull = pin->pull == BD_PULL_UP ? "up" : pin->pull == BD_PULL_DOWN ? "down" : "none";
    if ((st = set(w, p, "pull", pull, NULL)) != BD_OK) return st;
    char buf[40];
    const bd_json_t *at;
    const char *b = attr_text(p, "bounce", buf, sizeof buf, &at);
    char *end;
    long n = b ? strtol(b, &end, 10) : 0;
    if (b && *b && !*end && n > 0 && (st = set(w, p, "bounce", b, at)) != BD_OK) return st;
    return attach(w, p, "pin", pin->pad);
}

static bd_status_t build_pot(bd_wokwi_t *w, wk_part_t *p) {
    net_t sig = net_of(w, p, "SIG");
    if (sig.pad < 0) return skip(w, p, "SIG is not wired to a board pin");
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    char buf[40], pos[40];
    const bd_json_t *at;
    const char *v = attr_text(p, "value", buf, sizeof buf, &at);
    if (v) {
        /* Wokwi's value is 0..1023; ours a position 0..1 */
        double d;
        if (bd_text_number(v, &d) != BD_OK || d < 0 || d > 1023)
            return errat(w, at, BD_ERR_INVAL, "%s: value must be a number 0..1023, not \"%s\"", p->id, v);
        snprintf(pos, sizeof pos, "%.17g", d / 1023.0);
        if ((st = set(w, p, "position", pos, at)) != BD_OK) return st;
    } else if ((st = set(w, p, "position", "0", NULL)) != BD_OK) {
        return st;
    }
    return attach(w, p, "pin", sig.pad);
}

static bd_status_t build_hcsr04(bd_wokwi_t *w, wk_part_t *p) {
    net_t trig = net_of(w, p, "TRIG"), echo = net_of(w, p, "ECHO");
    if (trig.pad < 0 || echo.pad < 0)
        return skip(w, p, "%s is not wired to a board pin", trig.pad < 0 ? "TRIG" : "ECHO");
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    char buf[40];
    const bd_json_t *at;
    const char *d = attr_text(p, "distance", buf, sizeof buf, &at);
    /* Wokwi's default distance is 400 cm */
    if ((st = set(w, p, "distance", d ? d : "400", at)) != BD_OK) return st;
    if ((st = attach(w, p, "trig", trig.pad)) != BD_OK) return st;
    return attach(w, p, "echo", echo.pad);
}

static bd_status_t build_one_pin(bd_wokwi_t *w, wk_part_t *p) {
    net_t sig = net_of(w, p, "PWM");
    if (sig.pad < 0) return skip(w, p, "PWM is not wired to a board pin");
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    return attach(w, p, "pin", sig.pad);
}

static bd_status_t build_buzzer(bd_wokwi_t *w, wk_part_t *p) {
    net_t pos = net_of(w, p, "2"), neg = net_of(w, p, "1");
    int pad = pos.pad >= 0 ? pos.pad : neg.pad;
    if (pad < 0) return skip(w, p, "neither pin is wired to a board pin");
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    return attach(w, p, "pin", pad);
}

static bd_status_t build_hc595(bd_wokwi_t *w, wk_part_t *p) {
    static const char *const wk[] = {"DS", "SHCP", "STCP", "OE", "MR", "Q7S", "Q0", "Q1",
                                     "Q2", "Q3",   "Q4",   "Q5", "Q6", "Q7"};
    static const char *const ours[] = {"ser", "srclk", "rclk", "oe", "srclr", "q7s", "q0", "q1",
                                       "q2",  "q3",    "q4",   "q5", "q6",    "q7"};
    net_t n[14];
    for (int i = 0; i < 14; i++) n[i] = net_of(w, p, wk[i]);
    for (int i = 0; i < 3; i++)
        if (n[i].pad < 0) return skip(w, p, "%s is not wired to a board pin", wk[i]);
    if (n[3].rail == BD_WOKWI_VCC) WARNP(w, p, "74HC595 \"%s\": OE is tied to VCC (outputs always off)", p->id);
    if (n[4].rail == BD_WOKWI_GND) WARNP(w, p, "74HC595 \"%s\": MR is tied to GND (the register is held clear)", p->id);
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    for (int i = 0; i < 14; i++)
        if ((st = attach(w, p, ours[i], n[i].pad)) != BD_OK) return st;
    return BD_OK;
}

static bd_status_t build_i2c(bd_wokwi_t *w, wk_part_t *p) {
    net_t sda = net_of(w, p, "SDA"), scl = net_of(w, p, "SCL");
    if (sda.pad < 0 || scl.pad < 0) return skip(w, p, "%s is not wired to a board pin", sda.pad < 0 ? "SDA" : "SCL");
    bd_status_t st = make(w, p);
    if (st != BD_OK || !p->part) return st;
    /* Wokwi attr -> ours, where our kind has it */
    static const char *const map[][2] = {{"i2c-address", "address"}, {"i2cAddress", "address"},
                                         {"temperature", "temperature"}, {"pressure", "pressure"}};
    char buf[40];
    const bd_json_t *at;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        const char *v = attr_text(p, map[i][0], buf, sizeof buf, &at);
        if (v && (st = set(w, p, map[i][1], v, at)) != BD_OK) return st;
    }
    if ((st = attach(w, p, "sda", sda.pad)) != BD_OK) return st;
    return attach(w, p, "scl", scl.pad);
}

bd_status_t bd_wokwi_build(bd_wokwi_t *w, bd_board_t *b, bd_partset_t *ps, FILE *warn, char *err, size_t errlen) {
    if (err && errlen) err[0] = 0;
    if (w->b) {
        if (err && errlen) snprintf(err, errlen, "%s: the diagram was already built", w->file);
        return BD_ERR_BUSY;
    }
    w->b = b, w->dest = ps, w->warn = warn, w->err = err, w->errlen = errlen;
    bd_status_t st = wire_up(w);
    for (size_t i = 0; st == BD_OK && i < w->nparts; i++) {
        wk_part_t *p = &w->parts[i];
        if ((int)i == w->mcu) continue;
        if (p->t && p->t->build) st = p->t->build(w, p);
    }
    if (st == BD_OK) {
        /* unsupported types: one warning per type, naming every part of it */
        for (size_t i = 0; i < w->nparts; i++) {
            wk_part_t *p = &w->parts[i];
            if (p->t || (int)i == w->mcu || is_mcu_type(p->type)) continue;
            bool first = true;
            for (size_t j = 0; j < i && first; j++) first = strcmp(w->parts[j].type, p->type) != 0;
            snprintf(p->why, sizeof p->why, "%s is not simulated by Breadboard", p->type);
            if (!first || !w->warn) continue;
            fprintf(w->warn, "%s:%d:%d: warning: %s; skipped:", w->file, p->line, p->col, p->why);
            for (size_t j = i; j < w->nparts; j++)
                if (!strcmp(w->parts[j].type, p->type)) fprintf(w->warn, " %s", w->parts[j].id);
            fputc('\n', w->warn);
        }
        for (size_t i = 0; i < w->nparts; i++)
            if ((int)i != w->mcu && is_mcu_type(w->parts[i].type))
                snprintf(w->parts[i].why, sizeof w->parts[i].why, "only the first board runs");
        /* hand the parts over; on failure take back what moved, so the
         * caller's set is unchanged */
        size_t moved = 0;
        while (moved < w->tmp.n && (st = bd_partset_add(ps, w->tmp.v[moved])) == BD_OK) moved++;
        if (st == BD_OK) w->tmp.n = 0;
        else {
            ps->n -= moved;
            errat(w, NULL, st, "out of memory");
        }
    }
    if (st != BD_OK) {
        bd_partset_free(&w->tmp);
        bd_partset_init(&w->tmp);
        for (size_t i = 0; i < w->nparts; i++) w->parts[i].part = NULL;
    }
    w->warn = NULL, w->err = NULL, w->errlen = 0;
    return st;
}

/* ------------------------------------------------------------ queries */

bd_part_t *bd_wokwi_part(const bd_wokwi_t *w, const char *id, const char **type, const char **why) {
    wk_part_t *p = part_by_id(w, id, strlen(id));
    if (type) *type = p ? p->type : NULL;
    if (why) *why = p ? (p->part ? NULL : p->why[0] ? p->why : "it is not a part that can be controlled") : NULL;
    return p ? p->part : NULL;
}

bd_status_t bd_wokwi_pin_net(const bd_wokwi_t *cw, const char *id, const char *pin, bd_wokwi_net_t *out, char *err,
                             size_t errlen) {
    bd_wokwi_t *w = (bd_wokwi_t *)cw; /* union-find compresses paths: logically const */
    out->pad = -1, out->rail = BD_WOKWI_NONE;
    wk_part_t *p = part_by_id(w, id, strlen(id));
    if (!p) {
        if (err) snprintf(err, errlen, "no part \"%s\" in the diagram", id);
        return BD_ERR_NOTFOUND;
    }
    if (!w->b) {
        if (err) snprintf(err, errlen, "the diagram is not built");
        return BD_ERR_INVAL;
    }
    if ((int)(p - w->parts) == w->mcu) {
        int pad = -1, k = board_pin(w, pin, &pad);
        if (k == BP_UNKNOWN) {
            if (err) snprintf(err, errlen, "unknown pin \"%s\" of %s \"%s\" on board %s", pin, p->type, id, w->b->def->name);
            return BD_ERR_NOTFOUND;
        }
        if (k == BP_NC) {
            if (err) snprintf(err, errlen, "pin \"%s\" of \"%s\" is not simulated", pin, id);
            return BD_ERR_INVAL;
        }
        out->pad = pad;
        /* a board pin is read at its pad, whatever else its net holds */
        out->rail = k == BP_GND ? BD_WOKWI_GND : k == BP_VCC ? BD_WOKWI_VCC : BD_WOKWI_NONE;
        return BD_OK;
    }
    char cpin[64];
    if (p->t && p->t->special != SP_BREADBOARD && !canon_pin(p, pin, cpin, sizeof cpin)) {
        if (err) snprintf(err, errlen, "unknown pin \"%s\" of %s \"%s\" (its pins: %s)", pin, p->type, id, p->t->pins);
        return BD_ERR_NOTFOUND;
    }
    net_t n = net_of_node(w, pin_node(w, p, pin));
    if (n.pad < 0 && n.rail == BD_WOKWI_NONE) {
        if (err) snprintf(err, errlen, "%s:%s is not wired to a board pin, GND or VCC", id, pin);
        return BD_ERR_INVAL;
    }
    out->pad = n.pad;
    out->rail = n.rail;
    return BD_OK;
}
