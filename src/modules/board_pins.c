/* board_pins.c: `breadboard --board NAME --pins`, the pin table of a board
 * printed from its definition (bd_boards.c, bd_mcu_*.c) and the bus
 * defaults the machine bindings use (machine_bus.c), so what it prints is
 * what the simulator does.  tools/gen_pins_doc.py turns the output into
 * docs/pins.md, and tests/cli/test_pins_doc.py checks that the two agree.
 *
 * Format (docs/pins.md describes it for users): a header line naming the
 * board, a column header, then one line per pad that carries a board label,
 * in MCU order with the on-board extra pads last; columns are separated by
 * at least two spaces, an empty cell is "-", and no cell holds two spaces
 * in a row, so a reader can split on runs of spaces.  Pads without any
 * label are listed by MCU name on one final "unlabelled:" line.  Columns:
 *   pad        the MCU name (GPIO6, PA9, EXT_GPIO0 for a pad of the NINA module)
 *   Pin(n)     the number Pin() takes, "-" if none
 *   names      the names the port's Pin("...") accepts (BD_LABEL_FW)
 *   silkscreen names on the board and in Arduino documents only, which
 *              --parts, --stimulus and sim accept but Pin() rejects
 *   functions  ADCu_CHn, PWMs_A/B (rp2 slice and channel), LEDC (esp32:
 *              any LEDC channel), TIMt_CHc[N], DACu_OUTc, UARTu_TX/RX/CTS/RTS,
 *              SPIu_SCK/MOSI/MISO/CS, I2Cu_SDA/SCL
 *   defaults   the bus signals that use this pad when the constructor gets
 *              no pins: "I2C(0).scl", "UART(1).tx", "SPI(0).sck"
 *   notes      "analog only", "strapping pin", "user LED[, active low]", "on the
 *              NINA module, not an MCU pad", joined by ", "
 */
#include <stdio.h>
#include <string.h>

#include "board/bd_board.h"
#include "modules/machine_bus.h"

#define CELL 160

typedef struct {
    char col[7][CELL];
} row_t;

/* Appends a word to a cell, after sep if the cell is not empty. */
static void add_sep(char *cell, const char *word, const char *sep) {
    size_t n = strlen(cell);
    snprintf(cell + n, CELL - n, "%s%s", n ? sep : "", word);
}

static void add(char *cell, const char *word) { add_sep(cell, word, " "); }

static const char *role(int kind, int sig) {
    static const char *const uart[] = {"TX", "RX", "CTS", "RTS"};
    static const char *const spi[] = {"MISO", "CS", "SCK", "MOSI"};
    static const char *const i2c[] = {"SDA", "SCL"};
    if (kind == BD_FN_UART) return uart[sig & 3];
    if (kind == BD_FN_SPI) return spi[sig & 3];
    return i2c[sig & 1];
}

static void functions(char *cell, const bd_mcu_pin_t *d) {
    char w[32];
    for (int k = 0; k < BD_PIN_MAX_FN && d->fn[k].kind != BD_FN_NONE; k++) {
        const bd_pin_fn_t *f = &d->fn[k];
        w[0] = 0;
        switch (f->kind) {
        case BD_FN_ADC:
            /* unit 9 is the ADC of the Nano RP2040's NINA module (bd_boards.c) */
            if (f->unit == 9)
                snprintf(w, sizeof w, "ADCNINA_CH%d", f->sig);
            else
                snprintf(w, sizeof w, "ADC%d_CH%d", f->unit, f->sig);
            break;
        case BD_FN_PWM:
            if (f->unit < 0)
                snprintf(w, sizeof w, "LEDC");
            else
                snprintf(w, sizeof w, "PWM%d_%c", f->unit, f->sig ? 'B' : 'A');
            break;
        case BD_FN_TIM:
            snprintf(w, sizeof w, "TIM%d_CH%d%s", f->unit, f->sig & ~BD_SIG_N, f->sig & BD_SIG_N ? "N" : "");
            break;
        case BD_FN_DAC:
            snprintf(w, sizeof w, "DAC%d_OUT%d", f->unit, f->sig);
            break;
        case BD_FN_UART:
            snprintf(w, sizeof w, "UART%d_%s", f->unit, role(f->kind, f->sig));
            break;
        case BD_FN_SPI:
            snprintf(w, sizeof w, "SPI%d_%s", f->unit, role(f->kind, f->sig));
            break;
        case BD_FN_I2C:
            snprintf(w, sizeof w, "I2C%d_%s", f->unit, role(f->kind, f->sig));
            break;
        default:
            break;
        }
        if (w[0]) add(cell, w);
    }
}

/* Which default bus signals land on each pad: buses 0..9 of each kind. */
static void defaults(const bd_board_t *b, int pad, char *cell) {
    static const struct {
        int kind;
        const char *name;
        int sig[3];
        const char *sig_name[3];
    } buses[] = {
        {BD_FN_UART, "UART", {BD_SIG_TX, BD_SIG_RX, -1}, {"tx", "rx", NULL}},
        {BD_FN_I2C, "I2C", {BD_SIG_SCL, BD_SIG_SDA, -1}, {"scl", "sda", NULL}},
        {BD_FN_SPI, "SPI", {BD_SIG_SCK, BD_SIG_MOSI, BD_SIG_MISO}, {"sck", "mosi", "miso"}},
    };
    for (size_t k = 0; k < sizeof buses / sizeof buses[0]; k++)
        for (int unit = 0; unit <= 9; unit++)
            for (int s = 0; s < 3 && buses[k].sig[s] >= 0; s++)
                if (mbus_default_pad_on(b, buses[k].kind, unit, buses[k].sig[s]) == pad) {
                    char w[24];
                    snprintf(w, sizeof w, "%s(%d).%s", buses[k].name, unit, buses[k].sig_name[s]);
                    add(cell, w);
                }
}

static void notes(const bd_board_t *b, int pad, char *cell) {
    const bd_mcu_pin_t *d = bd_board_pin_def(b, pad);
    if (d->flags & BD_PINF_ANALOG_ONLY) add_sep(cell, "analog only", ", ");
    if (d->flags & BD_PINF_STRAP) add_sep(cell, "strapping pin", ", ");
    if (d->flags & BD_PINF_EXT) add_sep(cell, "on the NINA module, not an MCU pad", ", ");
    int led = b->def->led ? bd_board_pin_find(b, b->def->led, BD_FIND_SILK) : -1;
    if (led == pad) add_sep(cell, b->def->led_active_low ? "user LED, active low" : "user LED", ", ");
}

static void fill(const bd_board_t *b, int pad, row_t *r) {
    memset(r, 0, sizeof *r);
    const bd_mcu_pin_t *d = bd_board_pin_def(b, pad);
    snprintf(r->col[0], CELL, "%s", d->name);
    if (d->id >= 0) snprintf(r->col[1], CELL, "%d", d->id);
    for (uint16_t k = 0; k < b->def->nlabels; k++)
        if (b->label_pin[k] == pad)
            add(r->col[b->def->labels[k].kind == BD_LABEL_FW ? 2 : 3], b->def->labels[k].label);
    functions(r->col[4], d);
    defaults(b, pad, r->col[5]);
    notes(b, pad, r->col[6]);
    for (int c = 0; c < 7; c++)
        if (!r->col[c][0]) strcpy(r->col[c], "-");
}

static bool labelled(const bd_board_t *b, int pad) {
    for (uint16_t k = 0; k < b->def->nlabels; k++)
        if (b->label_pin[k] == pad) return true;
    return false;
}

static const char *const heads[7] = {"pad",       "Pin(n)",   "names", "silkscreen",
                                     "functions", "defaults", "notes"};

static void print_row(FILE *f, const char (*cols)[CELL], const size_t *w) {
    for (int c = 0; c < 7; c++) {
        if (c == 6)
            fprintf(f, "%s\n", cols[c]);
        else
            fprintf(f, "%-*s  ", (int)w[c], cols[c]);
    }
}

int mod_board_print_pins(FILE *f, const bd_board_def_t *def) {
    bd_board_t b;
    if (bd_board_init(&b, def) != BD_OK) return -1;
    size_t w[7];
    for (int c = 0; c < 7; c++) w[c] = strlen(heads[c]);
    row_t r;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            fprintf(f, "%s: %s, %s, sys.platform %s, %d pads%s\n", def->name, def->description,
                    def->mcu->name, def->platform, b.npins,
                    def->mcu->pins[0].flags & BD_PINF_MATRIX
                        ? "; UART, SPI and I2C reach any pad (GPIO matrix)"
                        : "");
            char hc[7][CELL];
            for (int c = 0; c < 7; c++) snprintf(hc[c], CELL, "%s", heads[c]);
            print_row(f, (const char(*)[CELL])hc, w);
        }
        for (int pad = 0; pad < b.npins; pad++) {
            if (!labelled(&b, pad)) continue;
            fill(&b, pad, &r);
            if (pass == 0) {
                for (int c = 0; c < 7; c++)
                    if (strlen(r.col[c]) > w[c]) w[c] = strlen(r.col[c]);
            } else {
                print_row(f, (const char(*)[CELL])r.col, w);
            }
        }
    }
    char line[2048] = "";
    size_t n = 0;
    for (int pad = 0; pad < b.npins; pad++)
        if (!labelled(&b, pad) && n + 16 < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, " %s", bd_board_pin_def(&b, pad)->name);
    fprintf(f, "unlabelled:%s\n", n ? line : " -");
    bd_board_free(&b);
    return 0;
}
