/* bd_boards.c: the board definitions, as tables, and the registry.
 *
 * Sources of the facts (facts only; nothing here is copied code).  Every
 * fact and where it was checked is listed in docs/board-facts.md; the
 * main ones:
 *   - D/A numbering and MCU pads: Arduino's full-pinout documents and
 *     tutorials (ABX00053 Nano RP2040 Connect, ABX00083 Nano ESP32 and its
 *     cheat sheet, the GIGA R1 MicroPython pin map), the Raspberry Pi Pico
 *     pinout (LED on GP25);
 *   - firmware names (BD_LABEL_FW, what Pin("NAME") accepts): MicroPython
 *     issues and docs where they say so (rp2 "LED" on the Pico; the Nano
 *     RP2040 Connect's LEDs are LED, LED_RED, LED_GREEN, LED_BLUE and it
 *     has no LED_BUILTIN, issue #13272; the GIGA needs 'PA3' for D2, Arduino's
 *     GIGA MicroPython guide).  The other FW names are UNCONFIRMED by any
 *     document (docs/board-facts.md lists them);
 *   - silkscreen names (BD_LABEL_SILK): the same Arduino documents.
 * Labels are listed D-numbers first, so a pad's display name is its header
 * label ("D13" rather than "LED").
 * Clocks: RP2040 125 MHz at boot (rp2 quickref); ESP32-S3 160 MHz and
 * STM32H747 480 MHz are UNCONFIRMED; every board's I/O supply and ADC
 * reference is 3.3 V (rp2 quickref: ADC range 0-3.3 V; GIGA cheat sheet).
 */
#include <ctype.h>
#include <string.h>

#include "board/bd_mcu.h"

#define FW(l, p)                                                                                             \
    { l, p, BD_LABEL_FW }
#define SILK(l, p)                                                                                           \
    { l, p, BD_LABEL_SILK }
#define N(a) (uint16_t)(sizeof a / sizeof a[0])

/* --- Arduino Nano RP2040 Connect ------------------------------------------
 * D0/D1 are silkscreen only: the firmware calls them RX/TX (UNCONFIRMED).
 * A6, A7 and the RGB LED are on the NINA-W102 WiFi module, reached through
 * it (EXT_GPIO0..4, not RP2040 pads); A6/A7 are the NINA's GPIO36/GPIO35
 * (Arduino's "Nano RP2040 Connect Python API Guide"), modelled as extra
 * pads with an ADC channel on "unit 9", meaning the NINA's ADC.  The RGB
 * LED's firmware names are LED_RED/LED_GREEN/LED_BLUE (MicroPython issue
 * #13272); LEDR/LEDG/LEDB are the Arduino core's names, kept as silkscreen
 * (first, so traces keep naming the pads LEDR...).  A4/A5 (GPIO12/13, the
 * I2C pins) have no ADC: the RP2040 has ADC inputs on GPIO26..29 only. */
static const bd_mcu_pin_t nano_rp2040_extra[] = {
    {"EXT_GPIO0", -1, BD_PINF_EXT, {{0, 0, 0}}},         {"EXT_GPIO1", -1, BD_PINF_EXT, {{0, 0, 0}}},
    {"EXT_GPIO2", -1, BD_PINF_EXT, {{0, 0, 0}}},         {"EXT_GPIO3", -1, BD_PINF_EXT, {{BD_FN_ADC, 9, 3}}},
    {"EXT_GPIO4", -1, BD_PINF_EXT, {{BD_FN_ADC, 9, 4}}},
};
static const bd_label_t nano_rp2040_labels[] = {
    SILK("D0", "GPIO1"),      SILK("D1", "GPIO0"),          FW("D2", "GPIO25"),      FW("D3", "GPIO15"),
    FW("D4", "GPIO16"),       FW("D5", "GPIO17"),           FW("D6", "GPIO18"),      FW("D7", "GPIO19"),
    FW("D8", "GPIO20"),       FW("D9", "GPIO21"),           FW("D10", "GPIO5"),      FW("D11", "GPIO7"),
    FW("D12", "GPIO4"),       FW("D13", "GPIO6"),           FW("A0", "GPIO26"),      FW("A1", "GPIO27"),
    FW("A2", "GPIO28"),       FW("A3", "GPIO29"),           FW("A4", "GPIO12"),      FW("A5", "GPIO13"),
    FW("A6", "EXT_GPIO3"),    FW("A7", "EXT_GPIO4"),        FW("RX", "GPIO1"),       FW("TX", "GPIO0"),
    FW("LED", "GPIO6"),       SILK("LED_BUILTIN", "GPIO6"), SILK("LEDR", "EXT_GPIO0"), SILK("LEDG", "EXT_GPIO1"),
    SILK("LEDB", "EXT_GPIO2"), SILK("D14", "GPIO26"),        SILK("D15", "GPIO27"),   SILK("D16", "GPIO28"),
    SILK("D17", "GPIO29"),    SILK("D18", "GPIO12"),        SILK("D19", "GPIO13"),   SILK("D20", "EXT_GPIO3"),
    SILK("D21", "EXT_GPIO4"), SILK("SDA", "GPIO12"),        SILK("SCL", "GPIO13"),   SILK("SCK", "GPIO6"),
    SILK("CIPO", "GPIO4"),    SILK("COPI", "GPIO7"),        FW("LED_RED", "EXT_GPIO0"), FW("LED_GREEN", "EXT_GPIO1"),
    FW("LED_BLUE", "EXT_GPIO2"),
};

/* --- Arduino Nano ESP32 (ESP32-S3) ----------------------------------------
 * Pads: Arduino's ABX00083 full pinout and the Nano ESP32 cheat sheet
 * (D0 = GPIO44 ... D13 = GPIO48 = LED_BUILTIN, A0..A7 = GPIO1-4, 11-14,
 * B0 = GPIO46, B1 = GPIO0; RGB LED red GPIO46, green GPIO0, blue GPIO45 as
 * the pinout has it: the cheat sheet's default sketch swaps green and blue,
 * and notes a first batch with those two swapped).  The esp32 port has
 * named pins since the Nano ESP32 was added (MicroPython PR #12001); which
 * names its pins.csv holds is UNCONFIRMED: all are taken as firmware names
 * except D14-D16/B0/B1 (the RGB LED and boot pads), silkscreen here. */
static const bd_label_t nano_esp32_labels[] = {
    FW("D0", "GPIO44"),       FW("D1", "GPIO43"),    FW("D2", "GPIO5"),           FW("D3", "GPIO6"),
    FW("D4", "GPIO7"),        FW("D5", "GPIO8"),     FW("D6", "GPIO9"),           FW("D7", "GPIO10"),
    FW("D8", "GPIO17"),       FW("D9", "GPIO18"),    FW("D10", "GPIO21"),         FW("D11", "GPIO38"),
    FW("D12", "GPIO47"),      FW("D13", "GPIO48"),   FW("A0", "GPIO1"),           FW("A1", "GPIO2"),
    FW("A2", "GPIO3"),        FW("A3", "GPIO4"),     FW("A4", "GPIO11"),          FW("A5", "GPIO12"),
    FW("A6", "GPIO13"),       FW("A7", "GPIO14"),    FW("LED_BUILTIN", "GPIO48"), FW("LEDR", "GPIO46"),
    FW("LEDG", "GPIO0"),      FW("LEDB", "GPIO45"),  FW("LED_RED", "GPIO46"),     FW("LED_GREEN", "GPIO0"),
    FW("LED_BLUE", "GPIO45"), FW("D17", "GPIO1"),    FW("D18", "GPIO2"),          FW("D19", "GPIO3"),
    FW("D20", "GPIO4"),       FW("D21", "GPIO11"),   FW("D22", "GPIO12"),         FW("D23", "GPIO13"),
    FW("D24", "GPIO14"),      FW("TX", "GPIO43"),    FW("RX", "GPIO44"),          FW("RTS", "GPIO45"),
    FW("CTS", "GPIO6"),       FW("DTR", "GPIO1"),    FW("DSR", "GPIO7"),          FW("SS", "GPIO21"),
    FW("MOSI", "GPIO38"),     FW("MISO", "GPIO47"),  FW("SCK", "GPIO48"),         FW("SDA", "GPIO11"),
    FW("SCL", "GPIO12"),      SILK("D14", "GPIO46"), SILK("D15", "GPIO0"),        SILK("D16", "GPIO45"),
    SILK("B0", "GPIO46"),     SILK("B1", "GPIO0"),
};

/* --- Raspberry Pi Pico ----------------------------------------------------
 * GP0-GP22, GP26-GP28 and the LED on GP25 as the Pico pinout; Pin("LED")
 * works on the Pico (MicroPython maintainers, pico-micropython-examples
 * PR #62).  GPIO29 is connected to VSYS (rp2 quickref); GPIO23 (SMPS mode)
 * and GPIO24 (VBUS sense) are UNCONFIRMED; all three keep their MCU names. */
static const bd_label_t rpi_pico_labels[] = {
    FW("GP0", "GPIO0"),     FW("GP1", "GPIO1"),     FW("GP2", "GPIO2"),     FW("GP3", "GPIO3"),
    FW("GP4", "GPIO4"),     FW("GP5", "GPIO5"),     FW("GP6", "GPIO6"),     FW("GP7", "GPIO7"),
    FW("GP8", "GPIO8"),     FW("GP9", "GPIO9"),     FW("GP10", "GPIO10"),   FW("GP11", "GPIO11"),
    FW("GP12", "GPIO12"),   FW("GP13", "GPIO13"),   FW("GP14", "GPIO14"),   FW("GP15", "GPIO15"),
    FW("GP16", "GPIO16"),   FW("GP17", "GPIO17"),   FW("GP18", "GPIO18"),   FW("GP19", "GPIO19"),
    FW("GP20", "GPIO20"),   FW("GP21", "GPIO21"),   FW("GP22", "GPIO22"),   FW("GP25", "GPIO25"),
    FW("GP26", "GPIO26"),   FW("GP27", "GPIO27"),   FW("GP28", "GPIO28"),   FW("LED", "GPIO25"),
    SILK("ADC0", "GPIO26"), SILK("ADC1", "GPIO27"), SILK("ADC2", "GPIO28"),
};

/* --- Arduino Portenta H7 (STM32H747) ----------------------------------------
 * UNCONFIRMED by any document found: the D/A pads, the firmware names
 * and the LED pins PK5/PK6/PK7 (docs/board-facts.md); A0-A3 are taken as
 * the analog-only "_C" pads; the RGB LED as active low. */
static const bd_label_t portenta_h7_labels[] = {
    FW("D0", "PH15"),         FW("D1", "PK1"),        FW("D2", "PJ11"),       FW("D3", "PG7"),
    FW("D4", "PC7"),          FW("D5", "PC6"),        FW("D6", "PA8"),        FW("D7", "PI0"),
    FW("D8", "PC3"),          FW("D9", "PI1"),        FW("D10", "PC2"),       FW("D11", "PH8"),
    FW("D12", "PH7"),         FW("D13", "PA10"),      FW("D14", "PA9"),       FW("A0", "PA0_C"),
    FW("A1", "PA1_C"),        FW("A2", "PC2_C"),      FW("A3", "PC3_C"),      FW("A4", "PC2"),
    FW("A5", "PC3"),          FW("A6", "PA4"),        FW("A7", "PA6"),        FW("D20", "PC3"),
    FW("D21", "PA4"),         FW("UART1_TX", "PA9"),  FW("UART1_RX", "PA10"), FW("UART4_TX", "PA0"),
    FW("UART4_RX", "PI9"),    FW("UART6_TX", "PG14"), FW("UART6_RX", "PG9"),  FW("UART8_TX", "PJ8"),
    FW("UART8_RX", "PJ9"),    FW("DAC1", "PA4"),      FW("LEDR", "PK5"),      FW("LEDG", "PK6"),
    FW("LEDB", "PK7"),        FW("LED_RED", "PK5"),   FW("LED_GREEN", "PK6"), FW("LED_BLUE", "PK7"),
    FW("LED_BUILTIN", "PK6"), FW("I2C1_SDA", "PB7"),  FW("I2C1_SCL", "PB6"),  FW("I2C3_SDA", "PH8"),
    FW("I2C3_SCL", "PH7"),    FW("OSCEN", "PH1"),
};

/* --- Arduino GIGA R1 WiFi (STM32H747) ---------------------------------------
 * D0-D21, A0-A7, A12, A13 as Arduino's "MicroPython on the GIGA R1" pin
 * map, which also says MicroPython needs the MCU name ('PA3' for D2): the
 * header names are silkscreen here, so Pin("D13") fails as on the real
 * board while stimulus files may use it.  A8-A11 are analog-only (GIGA
 * cheat sheet); their "_C" pads, the bus and LED names and the LED pins
 * (PI12, PJ13, PE3) are UNCONFIRMED.  LED_BUILTIN is active low (cheat
 * sheet). */
static const bd_label_t giga_r1_labels[] = {
    SILK("D0", "PB7"),      SILK("D1", "PA9"),      SILK("D2", "PA3"),      SILK("D3", "PA2"),
    SILK("D4", "PJ8"),      SILK("D5", "PA7"),      SILK("D6", "PD13"),     SILK("D7", "PB4"),
    SILK("D8", "PB8"),      SILK("D9", "PB9"),      SILK("D10", "PK1"),     SILK("D11", "PJ10"),
    SILK("D12", "PJ11"),    SILK("D13", "PH6"),     SILK("D14", "PG14"),    SILK("D15", "PC7"),
    SILK("D16", "PH13"),    SILK("D17", "PI9"),     SILK("D18", "PD5"),     SILK("D19", "PD6"),
    SILK("D20", "PB11"),    SILK("D21", "PH4"),     SILK("A0", "PC4"),      SILK("A1", "PC5"),
    SILK("A2", "PB0"),      SILK("A3", "PB1"),      SILK("A4", "PC3"),      SILK("A5", "PC2"),
    SILK("A6", "PC0"),      SILK("A7", "PA0"),      SILK("A8", "PC2_C"),    SILK("A9", "PC3_C"),
    SILK("A10", "PA1_C"),   SILK("A11", "PA0_C"),   SILK("A12", "PA4"),     SILK("A13", "PA5"),
    FW("UART1_TX", "PA9"),  FW("UART1_RX", "PB7"),  FW("UART2_TX", "PD5"),  FW("UART2_RX", "PD6"),
    FW("UART4_TX", "PH13"), FW("UART4_RX", "PI9"),  FW("UART6_TX", "PG14"), FW("UART6_RX", "PC7"),
    FW("DAC1", "PA4"),      FW("DAC2", "PA5"),      FW("LEDR", "PI12"),     FW("LEDG", "PJ13"),
    FW("LEDB", "PE3"),      FW("I2C1_SDA", "PB9"),  FW("I2C1_SCL", "PB8"),  FW("I2C2_SDA", "PB11"),
    FW("I2C2_SCL", "PH4"),  FW("I2C4_SDA", "PH12"), FW("I2C4_SCL", "PB6"),  SILK("LED_BUILTIN", "PI12"),
};

static const bd_board_def_t boards[] = {
    {"nano-rp2040", "Arduino Nano RP2040 Connect", "rp2", "rp2", "Arduino Nano RP2040 Connect with RP2040",
     &bd_mcu_rp2040, nano_rp2040_extra, N(nano_rp2040_extra), nano_rp2040_labels, N(nano_rp2040_labels),
     125000000, 12, 3300000, 3300000, "LED", false, "ARDUINO_NANO_RP2040_CONNECT"},
    {"nano-esp32", "Arduino Nano ESP32", "esp32", "esp32", "Arduino Nano ESP32 with ESP32S3", &bd_mcu_esp32s3,
     NULL, 0, nano_esp32_labels, N(nano_esp32_labels), 160000000, 12, 3300000, 3300000, "LED_BUILTIN", false,
     "ARDUINO_NANO_ESP32"},
    {"giga-r1", "Arduino GIGA R1 WiFi", "stm32", "pyboard", "Arduino GIGA R1 WiFi with STM32H747",
     &bd_mcu_stm32h747, NULL, 0, giga_r1_labels, N(giga_r1_labels), 480000000, 16, 3300000, 3300000, "LEDR",
     true, "ARDUINO_GIGA"},
    {"portenta-h7", "Arduino Portenta H7", "stm32", "pyboard", "Arduino Portenta H7 with STM32H747",
     &bd_mcu_stm32h747, NULL, 0, portenta_h7_labels, N(portenta_h7_labels), 480000000, 16, 3300000, 3300000,
     "LED_BUILTIN", true, "ARDUINO_PORTENTA_H7"},
    {"rpi-pico", "Raspberry Pi Pico", "rp2", "rp2", "Raspberry Pi Pico with RP2040", &bd_mcu_rp2040, NULL, 0,
     rpi_pico_labels, N(rpi_pico_labels), 125000000, 12, 3300000, 3300000, "LED", false, "RPI_PICO"},
};

size_t bd_board_def_count(void) { return sizeof boards / sizeof boards[0]; }

const bd_board_def_t *bd_board_def_at(size_t i) { return i < bd_board_def_count() ? &boards[i] : NULL; }

const bd_board_def_t *bd_board_def_default(void) { return &boards[0]; }

/* Board names: ASCII case ignored, '_' and '-' equivalent ("NANO_RP2040"). */
static int fold(int c) { return c == '_' ? '-' : tolower((unsigned char)c); }

const bd_board_def_t *bd_board_def_find(const char *name) {
    if (!name) return NULL;
    for (size_t i = 0; i < bd_board_def_count(); i++) {
        const char *a = boards[i].name, *b = name;
        while (*a && *b && fold(*a) == fold(*b)) a++, b++;
        if (!*a && !*b) return &boards[i];
    }
    return NULL;
}
