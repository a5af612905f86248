/* test_vcd.c: the VCD writer checked by parsing its output back, the trace
 * log's lines, and long runs of edges. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board/bd_trace.h"
#include "board/bd_vcd.h"
#include "tap.h"

/* --- a small VCD reader: just what we write ------------------------------ */
typedef struct {
    char id[8], name[32];
} var_t;
typedef struct {
    bd_time_t t;
    int var;
    int value;
} change_t;
typedef struct {
    var_t vars[256];
    int nvars;
    change_t ch[4096];
    int nch;
    bool timescale_ns, enddefs, bad;
    bd_time_t last_t;
} vcd_t;

static int var_of(const vcd_t *v, const char *id) {
    for (int i = 0; i < v->nvars; i++)
        if (strcmp(v->vars[i].id, id) == 0) return i;
    return -1;
}

static void parse_vcd(const char *path, vcd_t *v) {
    memset(v, 0, sizeof *v);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    char tok[128];
    bd_time_t t = 0;
    bool in_dumpvars = false;
    while (fscanf(f, "%127s", tok) == 1) {
        if (strcmp(tok, "$timescale") == 0) {
            char unit[32];
            if (fscanf(f, "%31s", unit) == 1) v->timescale_ns = strcmp(unit, "1ns") == 0;
        } else if (strcmp(tok, "$var") == 0) {
            char type[16], width[8], id[8], name[32], end[8];
            if (fscanf(f, "%15s %7s %7s %31s %7s", type, width, id, name, end) != 5 ||
                strcmp(type, "wire") != 0 || strcmp(width, "1") != 0 || strcmp(end, "$end") != 0 ||
                var_of(v, id) >= 0)
                v->bad = true;
            else if (v->nvars < 256) {
                strcpy(v->vars[v->nvars].id, id);
                strcpy(v->vars[v->nvars].name, name);
                v->nvars++;
            }
        } else if (strcmp(tok, "$enddefinitions") == 0) {
            v->enddefs = true;
        } else if (strcmp(tok, "$dumpvars") == 0) {
            in_dumpvars = true;
        } else if (strcmp(tok, "$end") == 0) {
            in_dumpvars = false;
        } else if (tok[0] == '#') {
            bd_time_t nt = strtoull(tok + 1, NULL, 10);
            if (nt < t) v->bad = true; /* time must not go back */
            t = nt;
            v->last_t = t;
        } else if ((tok[0] == '0' || tok[0] == '1') && v->enddefs) {
            int var = var_of(v, tok + 1);
            if (var < 0)
                v->bad = true;
            else if (v->nch < 4096)
                v->ch[v->nch++] = (change_t){in_dumpvars ? 0 : t, var, tok[0] - '0'};
        }
    }
    fclose(f);
}

static int var_named(const vcd_t *v, const char *name) {
    for (int i = 0; i < v->nvars; i++)
        if (strcmp(v->vars[i].name, name) == 0) return i;
    return -1;
}

/* blink: toggle a pad from a periodic event, like a Timer callback would */
typedef struct {
    bd_pin_t *pin;
    int n;
} blink_t;

static void blink(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    blink_t *b = ctx;
    bd_pin_set_out(b->pin, !b->pin->out);
    if (++b->n < 6) bd_sched_after(s, BD_MS(500), blink, b, 0, NULL);
}

TEST(vcd_roundtrip) {
    const char *path = "build/board-tests/test_roundtrip.vcd";
    FILE *probe = fopen(path, "w");
    if (!probe)
        path = "test_roundtrip.vcd"; /* run from elsewhere */
    else
        fclose(probe);
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_default()), BD_OK);
    bd_vcd_t *v;
    CHECK_EQ(bd_vcd_open(&v, path, b.def->name), BD_OK);
    CHECK_EQ(bd_vcd_attach_board(v, &b), BD_OK);
    int led = bd_board_pin_find(&b, "LED", 0), d2 = bd_board_pin_find(&b, "D2", 0);
    int btn;
    bd_pin_driver_add(&b.pins[d2], "button", &btn);
    bd_pin_configure(&b.pins[led], BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(&b.pins[led], 1); /* t=0: 0 -> 1 */
    blink_t bl = {&b.pins[led], 0};
    bd_sched_after(&b.sched, BD_MS(500), blink, &bl, 0, NULL);
    bd_sched_run_until(&b.sched, BD_MS(1200), NULL);
    bd_pin_configure(&b.pins[d2], BD_MODE_INPUT, BD_PULL_UP); /* 0 -> 1 at 1.2 s */
    bd_pin_drive(&b.pins[d2], btn, BD_DRIVE_LOW, BD_STRONG);  /* pressed */
    bd_sched_run_until(&b.sched, BD_MS(1300), NULL);
    bd_pin_release(&b.pins[d2], btn);
    bd_sched_run_until(&b.sched, BD_S(4), NULL);
    CHECK_EQ(bd_vcd_close(v, bd_sched_now(&b.sched)), BD_OK);
    /* the listeners are gone: further edges must not touch the freed writer */
    bd_pin_set_out(&b.pins[led], !b.pins[led].out);

    static vcd_t r;
    parse_vcd(path, &r);
    CHECK(r.timescale_ns);
    CHECK(r.enddefs);
    CHECK(!r.bad);
    CHECK_EQ(r.nvars, 2); /* only the pads that changed */
    int vled = var_named(&r, "D13"), vd2 = var_named(&r, "D2");
    CHECK(vled >= 0 && vd2 >= 0);
    CHECK_EQ(r.last_t, BD_S(4)); /* end time written */
    /* expected LED: initial 0, 1 at 0, then toggles every 500 ms, 6 times */
    bd_time_t want_t[] = {0, 0, BD_MS(500), BD_MS(1000), BD_MS(1500), BD_MS(2000), BD_MS(2500), BD_MS(3000)};
    int want_v[] = {0, 1, 0, 1, 0, 1, 0, 1};
    int k = 0;
    for (int i = 0; i < r.nch; i++) {
        if (r.ch[i].var != vled) continue;
        if (k < 8) {
            CHECK_EQ(r.ch[i].t, want_t[k]);
            CHECK_EQ(r.ch[i].value, want_v[k]);
        }
        k++;
    }
    CHECK_EQ(k, 8);
    bd_time_t d2_t[] = {0, BD_MS(1200), BD_MS(1200), BD_MS(1300)};
    int d2_v[] = {0, 1, 0, 1};
    k = 0;
    for (int i = 0; i < r.nch; i++) {
        if (r.ch[i].var != vd2) continue;
        if (k < 4) {
            CHECK_EQ(r.ch[i].t, d2_t[k]);
            CHECK_EQ(r.ch[i].value, d2_v[k]);
        }
        k++;
    }
    CHECK_EQ(k, 4);
    bd_board_free(&b);
    remove(path);
}

TEST(vcd_open_error) {
    bd_vcd_t *v = (bd_vcd_t *)1;
    CHECK_EQ(bd_vcd_open(&v, "/nonexistent-dir/x.vcd", "s"), BD_ERR_IO);
    CHECK(v == NULL);
}

TEST(vcd_many_signals_ids_unique) {
    const char *path = "test_many.vcd";
    bd_vcd_t *v;
    CHECK_EQ(bd_vcd_open(&v, path, "many"), BD_OK);
    int sig[200];
    char name[16];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "s%d", i);
        CHECK_EQ(bd_vcd_signal(v, name, 0, &sig[i]), BD_OK);
    }
    for (int i = 0; i < 200; i++) bd_vcd_change(v, sig[i], (bd_time_t)i * 10, 1);
    bd_vcd_change(v, sig[5], 5000, 1); /* not a change: dropped */
    CHECK_EQ(bd_vcd_changes(v), 200);
    CHECK_EQ(bd_vcd_close(v, 0), BD_OK);
    static vcd_t r;
    parse_vcd(path, &r);
    CHECK(!r.bad);
    CHECK_EQ(r.nvars, 200); /* ids beyond one character ("!" .. "~", then two) */
    for (int i = 0; i < r.nvars; i++) CHECK_EQ(var_of(&r, r.vars[i].id), i);
    remove(path);
}

TEST(trace_lines) {
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    CHECK(mem != NULL);
    bd_board_t b;
    bd_board_init(&b, bd_board_def_default());
    bd_trace_t *t;
    CHECK_EQ(bd_trace_open_stream(&t, mem), BD_OK);
    CHECK_EQ(bd_trace_attach_board(t, &b), BD_OK);
    int led = bd_board_pin_find(&b, "LED", 0);
    bd_pin_configure(&b.pins[led], BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_sched_run_until(&b.sched, BD_MS(1500), NULL);
    bd_pin_set_out(&b.pins[led], 1);
    int ext;
    bd_pin_driver_add(&b.pins[led], "short", &ext);
    bd_sched_run_until(&b.sched, BD_S(2) + 7, NULL);
    bd_pin_drive(&b.pins[led], ext, BD_DRIVE_LOW, BD_STRONG);
    bd_trace_log(t, bd_sched_now(&b.sched), "uart0", "tx 0x%02x", 0x41);
    CHECK_EQ(bd_trace_close(t), BD_OK);
    fclose(mem);
    const char *want = "0.000000000 D13 mode OUT pull NONE\n"
                       "1.500000000 D13 high\n"
                       "2.000000007 D13 contention\n"
                       "2.000000007 D13 low\n"
                       "2.000000007 uart0 tx 0x41\n";
    CHECK(text && strcmp(text, want) == 0);
    if (text && strcmp(text, want) != 0) printf("# got:\n%s", text);
    free(text);
    bd_board_free(&b);
}

/* Many edges: every one of a long run of toggles reaches the file, in order.
 * (Speed is measured by `make bench`, not asserted here: a timed test fails
 * on a loaded machine.) */
TEST(vcd_many_edges) {
    const char *path = "test_many.vcd";
    bd_board_t b;
    bd_board_init(&b, bd_board_def_default());
    bd_vcd_t *v;
    CHECK_EQ(bd_vcd_open(&v, path, "many"), BD_OK);
    bd_vcd_attach_board(v, &b);
    bd_pin_t *p = &b.pins[bd_board_pin_find(&b, "LED", 0)];
    bd_pin_set_mode(p, BD_MODE_OUTPUT);
    enum { N = 200000 };
    for (int i = 0; i < N; i++) {
        bd_sched_advance(&b.sched, 40);
        bd_pin_set_out(p, i & 1 ? 0 : 1);
    }
    uint64_t end = bd_sched_now(&b.sched);
    CHECK_EQ(bd_vcd_close(v, end), BD_OK);
    /* Count the value changes after the header and check the timestamps rise. */
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[256];
    long changes = 0, stamps = 0;
    unsigned long long last = 0;
    bool body = false, ordered = true;
    while (f && fgets(line, sizeof line, f)) {
        if (!body) {
            if (strncmp(line, "$enddefinitions", 15) == 0) body = true;
            continue;
        }
        if (line[0] == '#') {
            unsigned long long t = strtoull(line + 1, NULL, 10);
            if (stamps && t <= last) ordered = false;
            last = t;
            stamps++;
        } else if (line[0] == '0' || line[0] == '1') {
            changes++;
        }
    }
    if (f) fclose(f);
    CHECK(ordered);
    /* The first toggle drives the pad high from its reset level; each later one flips it. */
    CHECK(changes >= N);
    CHECK(stamps >= N);
    bd_board_free(&b);
    remove(path);
}

int main(void) {
    RUN(vcd_roundtrip);
    RUN(vcd_open_error);
    RUN(vcd_many_signals_ids_unique);
    RUN(trace_lines);
    RUN(vcd_many_edges);
    return tap_done();
}
