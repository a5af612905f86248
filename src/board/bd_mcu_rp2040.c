/* bd_mcu_rp2040.c: the RP2040's 30 pads (GPIO0..GPIO29).
 *
 * The RP2040 function table is regular (RP2040 datasheet, section 2.19.2),
 * so each pad's functions are computed from its number at compile time:
 *   PWM  slice (n >> 1) & 7, channel A for even n, B for odd;
 *   UART instance ((n + 4) >> 3) & 1, role n & 3 = TX, RX, CTS, RTS;
 *   SPI  instance (n >> 3) & 1, role n & 3 = RX(MISO), CSn, SCK, TX(MOSI);
 *   I2C  instance (n >> 1) & 1, SDA on even n, SCL on odd;
 *   ADC  channels 0..3 on GPIO26..29.
 * Pads reset as inputs with the pull-down enabled (PADS_BANK0 reset value).
 */
#include "board/bd_mcu.h"

/* clang-format off */
#define RP2_ADC(n) {(n) >= 26 ? BD_FN_ADC : BD_FN_NONE, 0, (n) >= 26 ? (n) - 26 : 0}
#define RP2_PIN(n)                                      \
    {"GPIO" #n, n, 0,                                   \
     {{BD_FN_PWM, ((n) >> 1) & 7, (n) & 1},             \
      {BD_FN_UART, (((n) + 4) >> 3) & 1, (n) & 3},      \
      {BD_FN_SPI, ((n) >> 3) & 1, (n) & 3},             \
      {BD_FN_I2C, ((n) >> 1) & 1, (n) & 1},             \
      RP2_ADC(n)}}
/* clang-format on */

static const bd_mcu_pin_t pins[] = {
    RP2_PIN(0),  RP2_PIN(1),  RP2_PIN(2),  RP2_PIN(3),  RP2_PIN(4),  RP2_PIN(5),  RP2_PIN(6),  RP2_PIN(7),
    RP2_PIN(8),  RP2_PIN(9),  RP2_PIN(10), RP2_PIN(11), RP2_PIN(12), RP2_PIN(13), RP2_PIN(14), RP2_PIN(15),
    RP2_PIN(16), RP2_PIN(17), RP2_PIN(18), RP2_PIN(19), RP2_PIN(20), RP2_PIN(21), RP2_PIN(22), RP2_PIN(23),
    RP2_PIN(24), RP2_PIN(25), RP2_PIN(26), RP2_PIN(27), RP2_PIN(28), RP2_PIN(29),
};

const bd_mcu_t bd_mcu_rp2040 = {"RP2040", pins, sizeof pins / sizeof pins[0], BD_MODE_INPUT, BD_PULL_DOWN};
