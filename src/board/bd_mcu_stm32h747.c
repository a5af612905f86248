/* bd_mcu_stm32h747.c: the STM32H747XI's GPIO pads (PA0..PK7) and its four
 * analog-only "_C" pads.
 *
 * Numbering for Pin(n): port * 16 + bit (PA0 = 0, PB0 = 16, ... PK7 = 167);
 * the "_C" pads get 0x100 + n.  Functions come from the alternate-function
 * and ADC-channel tables of the STM32H747 datasheet (DS12930), restricted to
 * what MicroPython's pyb/machine use: timer PWM outputs, ADC channels, DAC,
 * and the UART/SPI/I2C pins the Arduino boards route.  ASSUMPTION: they were
 * transcribed from the datasheet tables as recalled, not machine-extracted;
 * the pins the reference and the Arduino pinouts use (PC6 = TIM3_CH1, the
 * D/A header pads) were checked against Arduino's variant files; other rows
 * may be incomplete (HRTIM, LPTIM, SAI... are left out on purpose).  ADC
 * channels name the lowest ADC that reaches the pad (ADC12_INP4 -> ADC1 ch 4).
 * Pads reset in analog mode (GPIOx_MODER reset value), without pull.
 */
#include "board/bd_mcu.h"

enum { PORT_A, PORT_B, PORT_C, PORT_D, PORT_E, PORT_F, PORT_G, PORT_H, PORT_I, PORT_J, PORT_K };

#define NOFN                                                                                                 \
    { BD_FN_NONE, 0, 0 }
#define ADC(u, c)                                                                                            \
    { BD_FN_ADC, u, c }
#define DAC(u, c)                                                                                            \
    { BD_FN_DAC, u, c }
#define TIM(t, c)                                                                                            \
    { BD_FN_TIM, t, c }
#define TIMN(t, c)                                                                                           \
    { BD_FN_TIM, t, (c) | BD_SIG_N }
#define UART(u, r)                                                                                           \
    { BD_FN_UART, u, BD_SIG_##r }
#define SPI(u, r)                                                                                            \
    { BD_FN_SPI, u, BD_SIG_##r }
#define I2C(u, r)                                                                                            \
    { BD_FN_I2C, u, BD_SIG_##r }
#define ST(port, bit, ...)                                                                                   \
    {                                                                                                        \
        "P" #port #bit, PORT_##port * 16 + (bit), 0, { __VA_ARGS__ }                                         \
    }
#define STC(name, id, ...)                                                                                   \
    {                                                                                                        \
        name, id, BD_PINF_ANALOG_ONLY, { __VA_ARGS__ }                                                       \
    }

static const bd_mcu_pin_t pins[] = {
    ST(A, 0, ADC(1, 16), TIM(2, 1), TIM(5, 1)),
    ST(A, 1, ADC(1, 17), TIM(2, 2), TIM(5, 2)),
    ST(A, 2, ADC(1, 14), TIM(2, 3), TIM(5, 3), TIM(15, 1), UART(2, TX)),
    ST(A, 3, ADC(1, 15), TIM(2, 4), TIM(5, 4), TIM(15, 2), UART(2, RX)),
    ST(A, 4, ADC(1, 18), DAC(1, 1), SPI(1, CS)),
    ST(A, 5, ADC(1, 19), DAC(1, 2), TIM(2, 1), SPI(1, SCK)),
    ST(A, 6, ADC(1, 3), TIM(3, 1), TIM(13, 1), SPI(1, MISO)),
    ST(A, 7, ADC(1, 7), TIM(3, 2), TIM(14, 1), SPI(1, MOSI)),
    ST(A, 8, TIM(1, 1), I2C(3, SCL)),
    ST(A, 9, TIM(1, 2), UART(1, TX)),
    ST(A, 10, TIM(1, 3), UART(1, RX)),
    ST(A, 11, TIM(1, 4)),
    ST(A, 12, NOFN),
    ST(A, 13, NOFN),
    ST(A, 14, NOFN),
    ST(A, 15, TIM(2, 1), SPI(1, CS)),
    ST(B, 0, ADC(1, 9), TIM(3, 3)),
    ST(B, 1, ADC(1, 5), TIM(3, 4)),
    ST(B, 2, NOFN),
    ST(B, 3, TIM(2, 2), SPI(1, SCK)),
    ST(B, 4, TIM(3, 1), SPI(1, MISO)),
    ST(B, 5, TIM(3, 2), SPI(1, MOSI)),
    ST(B, 6, TIM(4, 1), I2C(1, SCL), UART(1, TX)),
    ST(B, 7, TIM(4, 2), I2C(1, SDA), UART(1, RX)),
    ST(B, 8, TIM(4, 3), I2C(1, SCL)),
    ST(B, 9, TIM(4, 4), I2C(1, SDA)),
    ST(B, 10, TIM(2, 3), I2C(2, SCL)),
    ST(B, 11, TIM(2, 4), I2C(2, SDA)),
    ST(B, 12, NOFN),
    ST(B, 13, NOFN),
    ST(B, 14, TIM(12, 1)),
    ST(B, 15, TIM(12, 2)),
    ST(C, 0, ADC(1, 10)),
    ST(C, 1, ADC(1, 11)),
    ST(C, 2, ADC(1, 12)),
    ST(C, 3, ADC(1, 13)),
    ST(C, 4, ADC(1, 4)),
    ST(C, 5, ADC(1, 8)),
    ST(C, 6, TIM(3, 1), TIM(8, 1), UART(6, TX)),
    ST(C, 7, TIM(3, 2), TIM(8, 2), UART(6, RX)),
    ST(C, 8, TIM(3, 3), TIM(8, 3)),
    ST(C, 9, TIM(3, 4), TIM(8, 4)),
    ST(C, 10, NOFN),
    ST(C, 11, NOFN),
    ST(C, 12, NOFN),
    ST(C, 13, NOFN),
    ST(C, 14, NOFN),
    ST(C, 15, NOFN),
    ST(D, 0, NOFN),
    ST(D, 1, NOFN),
    ST(D, 2, NOFN),
    ST(D, 3, NOFN),
    ST(D, 4, NOFN),
    ST(D, 5, UART(2, TX)),
    ST(D, 6, UART(2, RX)),
    ST(D, 7, NOFN),
    ST(D, 8, NOFN),
    ST(D, 9, NOFN),
    ST(D, 10, NOFN),
    ST(D, 11, NOFN),
    ST(D, 12, TIM(4, 1)),
    ST(D, 13, TIM(4, 2)),
    ST(D, 14, TIM(4, 3)),
    ST(D, 15, TIM(4, 4)),
    ST(E, 0, NOFN),
    ST(E, 1, NOFN),
    ST(E, 2, NOFN),
    ST(E, 3, NOFN),
    ST(E, 4, NOFN),
    ST(E, 5, TIM(15, 1)),
    ST(E, 6, TIM(15, 2)),
    ST(E, 7, NOFN),
    ST(E, 8, NOFN),
    ST(E, 9, TIM(1, 1)),
    ST(E, 10, NOFN),
    ST(E, 11, TIM(1, 2)),
    ST(E, 12, NOFN),
    ST(E, 13, TIM(1, 3)),
    ST(E, 14, TIM(1, 4)),
    ST(E, 15, NOFN),
    ST(F, 0, NOFN),
    ST(F, 1, NOFN),
    ST(F, 2, NOFN),
    ST(F, 3, NOFN),
    ST(F, 4, NOFN),
    ST(F, 5, NOFN),
    ST(F, 6, NOFN),
    ST(F, 7, NOFN),
    ST(F, 8, NOFN),
    ST(F, 9, NOFN),
    ST(F, 10, NOFN),
    ST(F, 11, NOFN),
    ST(F, 12, NOFN),
    ST(F, 13, NOFN),
    ST(F, 14, NOFN),
    ST(F, 15, NOFN),
    ST(G, 0, NOFN),
    ST(G, 1, NOFN),
    ST(G, 2, NOFN),
    ST(G, 3, NOFN),
    ST(G, 4, NOFN),
    ST(G, 5, NOFN),
    ST(G, 6, NOFN),
    ST(G, 7, NOFN),
    ST(G, 8, NOFN),
    ST(G, 9, UART(6, RX)),
    ST(G, 10, NOFN),
    ST(G, 11, NOFN),
    ST(G, 12, NOFN),
    ST(G, 13, NOFN),
    ST(G, 14, UART(6, TX)),
    ST(G, 15, NOFN),
    ST(H, 0, NOFN),
    ST(H, 1, NOFN),
    ST(H, 2, NOFN),
    ST(H, 3, NOFN),
    ST(H, 4, I2C(2, SCL)),
    ST(H, 5, I2C(2, SDA)),
    ST(H, 6, TIM(12, 1), SPI(5, SCK)),
    ST(H, 7, I2C(3, SCL)),
    ST(H, 8, TIM(5, 3), I2C(3, SDA)),
    ST(H, 9, TIM(12, 2)),
    ST(H, 10, TIM(5, 1)),
    ST(H, 11, TIM(5, 2), I2C(4, SCL)),
    ST(H, 12, TIM(5, 3), I2C(4, SDA)),
    ST(H, 13, UART(4, TX)),
    ST(H, 14, NOFN),
    ST(H, 15, TIMN(8, 3)),
    ST(I, 0, TIM(5, 4)),
    ST(I, 1, NOFN),
    ST(I, 2, TIM(8, 4)),
    ST(I, 3, NOFN),
    ST(I, 4, NOFN),
    ST(I, 5, TIM(8, 1)),
    ST(I, 6, TIM(8, 2)),
    ST(I, 7, TIM(8, 3)),
    ST(I, 8, NOFN),
    ST(I, 9, UART(4, RX)),
    ST(I, 10, NOFN),
    ST(I, 11, NOFN),
    ST(I, 12, NOFN),
    ST(I, 13, NOFN),
    ST(I, 14, NOFN),
    ST(I, 15, NOFN),
    ST(J, 0, NOFN),
    ST(J, 1, NOFN),
    ST(J, 2, NOFN),
    ST(J, 3, NOFN),
    ST(J, 4, NOFN),
    ST(J, 5, NOFN),
    ST(J, 6, NOFN),
    ST(J, 7, NOFN),
    ST(J, 8, TIM(8, 1), UART(8, TX)),
    ST(J, 9, UART(8, RX)),
    ST(J, 10, TIM(8, 2), SPI(5, MOSI)),
    ST(J, 11, TIM(1, 2), SPI(5, MISO)),
    ST(J, 12, NOFN),
    ST(J, 13, NOFN),
    ST(J, 14, NOFN),
    ST(J, 15, NOFN),
    ST(K, 0, NOFN),
    ST(K, 1, TIM(1, 1), TIM(8, 3), SPI(5, CS)),
    ST(K, 2, NOFN),
    ST(K, 3, NOFN),
    ST(K, 4, NOFN),
    ST(K, 5, NOFN),
    ST(K, 6, NOFN),
    ST(K, 7, NOFN),
    /* dual pads: the ADC-only half of PA0, PA1, PC2, PC3 */
    STC("PA0_C", 0x100, ADC(2, 0)),
    STC("PA1_C", 0x101, ADC(2, 1)),
    STC("PC2_C", 0x102, ADC(3, 0)),
    STC("PC3_C", 0x103, ADC(3, 1)),
};

const bd_mcu_t bd_mcu_stm32h747 = {"STM32H747XI", pins, sizeof pins / sizeof pins[0], BD_MODE_ANALOG,
                                   BD_PULL_NONE};
