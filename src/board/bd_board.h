/* bd_board.h: boards as data, and the board context that owns a simulation.
 *
 * A board definition (bd_board_def_t) is constant data: the MCU (its pads and
 * what each pad can do), the board's labels for those pads, clocks and ADC.
 * Nothing in it is code, so adding a board is adding a table (bd_boards.c,
 * bd_mcu_*.c).  A bd_board_t is one running board: its scheduler (the clock),
 * one bd_pin_t per MCU pad, and whatever models attach later.  All mutable
 * state lives in a bd_board_t; several may exist in one process.
 *
 * Pin names.  Each pad has an MCU name ("GPIO25", "PA3", "PA0_C") and zero or
 * more board labels ("D13", "A0", "LED").  Labels are marked either as names
 * the real MicroPython firmware of that board accepts in Pin("...") (the
 * port's pins.csv), or as silkscreen-only names (on the board and in Arduino
 * documentation, but Pin("D0") is a ValueError on the real firmware).
 * Lookup, bd_board_pin_find:
 *   - default: firmware names only, exact and case-sensitive, board labels
 *     before MCU names, as MicroPython does;
 *   - BD_FIND_SILK also accepts silkscreen labels (stimulus files, parts,
 *     the CLI); BD_FIND_NOCASE ignores ASCII case.
 * Board names (bd_board_def_find) ignore case and treat '_' as '-'.
 * A pad's display name (VCD, trace) is its first label in table order, else
 * its MCU name.
 */
#ifndef BD_BOARD_H
#define BD_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_pin.h"
#include "board/bd_sched.h"
#include "board/bd_status.h"

/* What a pad can be used for.  unit/sig meaning per kind:
 *   ADC:  unit = ADC number (rp2: 0; esp32: 1 or 2; stm32: 1..3, the lowest
 *         ADC that reaches the pad), sig = channel
 *   PWM:  rp2: unit = slice, sig = 0 (A) / 1 (B); esp32 LEDC: unit = -1 (any
 *         channel, assigned at run time), sig = 0
 *   TIM:  stm32 timer output: unit = timer, sig = channel, | BD_SIG_N for CHxN
 *   DAC:  unit = DAC, sig = channel
 *   UART/SPI/I2C: unit = instance, sig = BD_SIG_* role */
typedef enum {
    BD_FN_NONE = 0,
    BD_FN_ADC,
    BD_FN_PWM,
    BD_FN_TIM,
    BD_FN_DAC,
    BD_FN_UART,
    BD_FN_SPI,
    BD_FN_I2C,
} bd_fn_kind_t;

/* Roles; numbered as the RP2040 function table orders them, so its pads can
 * be described by a formula (bd_mcu_rp2040.c). */
enum { BD_SIG_TX = 0, BD_SIG_RX = 1, BD_SIG_CTS = 2, BD_SIG_RTS = 3 };    /* UART */
enum { BD_SIG_MISO = 0, BD_SIG_CS = 1, BD_SIG_SCK = 2, BD_SIG_MOSI = 3 }; /* SPI */
enum { BD_SIG_SDA = 0, BD_SIG_SCL = 1 };                                  /* I2C */
#define BD_SIG_N 0x80                                                     /* complementary timer output */

typedef struct {
    uint8_t kind; /* bd_fn_kind_t */
    int8_t unit;
    uint8_t sig;
} bd_pin_fn_t;

#define BD_PIN_MAX_FN 6

enum {
    BD_PINF_ANALOG_ONLY = 1u << 0, /* an ADC-only pad (STM32H7 "_C" pads) */
    BD_PINF_MATRIX = 1u << 1,      /* buses routable to any pad (ESP32 GPIO matrix) */
    BD_PINF_EXT = 1u << 2,         /* not an MCU pad: an on-board expander (NINA) */
    BD_PINF_STRAP = 1u << 3,       /* boot strapping pin: sampled at reset */
};

typedef struct {
    const char *name; /* MCU name */
    int16_t id;       /* Pin(n) number: rp2/esp32 the GPIO number; stm32 port*16+bit;
                         "_C" pads 0x100+; -1 when a number does not name it */
    uint8_t flags;
    bd_pin_fn_t fn[BD_PIN_MAX_FN]; /* ends at the first BD_FN_NONE */
} bd_mcu_pin_t;

typedef struct {
    const char *name; /* "RP2040", "ESP32-S3", "STM32H747XI" */
    const bd_mcu_pin_t *pins;
    uint16_t npins;
    uint8_t reset_mode; /* bd_pin_mode_t of every pad after reset */
    uint8_t reset_pull; /* bd_pull_t after reset (RP2040 pads reset pulled down) */
} bd_mcu_t;

enum { BD_LABEL_FW = 0, BD_LABEL_SILK = 1 };

typedef struct {
    const char *label;
    const char *pin; /* MCU name */
    uint8_t kind;    /* BD_LABEL_FW or BD_LABEL_SILK */
} bd_label_t;

typedef struct {
    const char *name;        /* "nano-rp2040" (--board NAME) */
    const char *description; /* "Arduino Nano RP2040 Connect" */
    const char *port;        /* MicroPython port directory: "rp2", "esp32", "stm32" */
    const char *platform;    /* sys.platform: "rp2", "esp32", "pyboard" */
    const char *machine;     /* os.uname().machine */
    const bd_mcu_t *mcu;
    const bd_mcu_pin_t *extra; /* on-board pads outside the MCU, may be NULL */
    uint16_t nextra;
    const bd_label_t *labels;
    uint16_t nlabels;
    uint64_t cpu_hz;  /* machine.freq() after boot */
    uint8_t adc_bits; /* native ADC resolution */
    int32_t adc_vref_uv;
    int32_t vdd_uv;  /* I/O supply: the HIGH level */
    const char *led; /* label of the user LED */
    bool led_active_low;
    const char *fw_board; /* the firmware's board name (sys.implementation._build): "RPI_PICO" */
} bd_board_def_t;

/* The registry: all boards, the default (nano-rp2040), lookup by name. */
size_t bd_board_def_count(void);
const bd_board_def_t *bd_board_def_at(size_t i);
const bd_board_def_t *bd_board_def_default(void);
const bd_board_def_t *bd_board_def_find(const char *name); /* NULL if unknown */

typedef struct bd_board {
    const bd_board_def_t *def;
    bd_sched_t sched;
    uint16_t npins;
    bd_pin_t *pins;              /* [npins]: MCU pads, then def->extra */
    const bd_mcu_pin_t **pindef; /* [npins] */
    int16_t *label_pin;          /* [def->nlabels]: pad index of each label */
    struct bd_trace *trace;      /* the event log attached (bd_trace_attach_board), or NULL: models log to it */
    struct bd_i2c_net *i2c_nets; /* I2C buses by pads (bd_i2c_net), freed with the board */
} bd_board_t;

/* Build a board in reset state.  Errors: BD_ERR_NOMEM; BD_ERR_INVAL if the
 * definition is inconsistent (a label naming no pad: caught by the tests). */
bd_status_t bd_board_init(bd_board_t *b, const bd_board_def_t *def);
void bd_board_free(bd_board_t *b);
/* Firmware reset: pads to the MCU's reset state; the clock keeps running. */
void bd_board_reset(bd_board_t *b);

enum { BD_FIND_SILK = 1u << 0, BD_FIND_NOCASE = 1u << 1 };

/* Pad index for a name, or -1. */
int bd_board_pin_find(const bd_board_t *b, const char *name, unsigned how);
/* Pad index for a Pin(n) number, or -1. */
int bd_board_pin_by_id(const bd_board_t *b, int id);

static inline bd_pin_t *bd_board_pin(bd_board_t *b, int idx) { return &b->pins[idx]; }
static inline const bd_mcu_pin_t *bd_board_pin_def(const bd_board_t *b, int idx) { return b->pindef[idx]; }
const char *bd_board_pin_name(const bd_board_t *b, int idx); /* display name */
/* Up to max labels of pad idx (both kinds, table order); returns how many exist. */
size_t bd_board_pin_labels(const bd_board_t *b, int idx, const char **out, size_t max);

/* First function of `kind` on a pad (unit -1: any unit).  false if none. */
bool bd_pin_def_fn(const bd_mcu_pin_t *def, bd_fn_kind_t kind, int unit, bd_pin_fn_t *out);

#endif
