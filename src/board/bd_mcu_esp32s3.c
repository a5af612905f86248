/* bd_mcu_esp32s3.c: the ESP32-S3's GPIO pads (GPIO0..21, GPIO26..48; 22..25
 * do not exist on the S3).
 *
 * ADC: GPIO1..10 are ADC1 channels 0..9, GPIO11..20 are ADC2 channels 0..9
 * (ESP32-S3 datasheet, IO MUX table).  PWM is the LEDC peripheral, which the
 * GPIO matrix can route to any output pad, so every pad gets "PWM, any
 * channel"; likewise UART/SPI/I2C are routable anywhere (BD_PINF_MATRIX) and
 * the defaults per board live in the board table's labels.
 * Strapping pins GPIO0, 3, 45, 46 are flagged.  Pads reset as inputs; the
 * per-pad reset pulls of the S3 (weak pull-ups on a few pads) are not
 * modelled: all reset without pull.
 */
#include "board/bd_mcu.h"

#define S3_ADC(n)                                                                                            \
    ((n) >= 1 && (n) <= 20 ? BD_FN_ADC : BD_FN_NONE), (int8_t)((n) <= 10 ? 1 : 2),                           \
        (uint8_t)((n) >= 1 && (n) <= 10    ? (n)-1                                                           \
                  : (n) >= 11 && (n) <= 20 ? (n)-11                                                          \
                                           : 0)
#define S3_STRAP(n) ((n) == 0 || (n) == 3 || (n) == 45 || (n) == 46 ? BD_PINF_STRAP : 0)
#define S3_PIN(n)                                                                                            \
    {                                                                                                        \
        "GPIO" #n, n, BD_PINF_MATRIX | S3_STRAP(n), {                                                        \
            {BD_FN_PWM, -1, 0}, { S3_ADC(n) }                                                                \
        }                                                                                                    \
    }

static const bd_mcu_pin_t pins[] = {
    S3_PIN(0),  S3_PIN(1),  S3_PIN(2),  S3_PIN(3),  S3_PIN(4),  S3_PIN(5),  S3_PIN(6),  S3_PIN(7),
    S3_PIN(8),  S3_PIN(9),  S3_PIN(10), S3_PIN(11), S3_PIN(12), S3_PIN(13), S3_PIN(14), S3_PIN(15),
    S3_PIN(16), S3_PIN(17), S3_PIN(18), S3_PIN(19), S3_PIN(20), S3_PIN(21), S3_PIN(26), S3_PIN(27),
    S3_PIN(28), S3_PIN(29), S3_PIN(30), S3_PIN(31), S3_PIN(32), S3_PIN(33), S3_PIN(34), S3_PIN(35),
    S3_PIN(36), S3_PIN(37), S3_PIN(38), S3_PIN(39), S3_PIN(40), S3_PIN(41), S3_PIN(42), S3_PIN(43),
    S3_PIN(44), S3_PIN(45), S3_PIN(46), S3_PIN(47), S3_PIN(48),
};

const bd_mcu_t bd_mcu_esp32s3 = {"ESP32-S3", pins, sizeof pins / sizeof pins[0], BD_MODE_INPUT, BD_PULL_NONE};
