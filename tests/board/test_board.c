/* test_board.c: board registry, table consistency, name lookup rules, pad
 * capabilities checked against the documented pinouts, reset states. */
#include <string.h>

#include "board/bd_board.h"
#include "tap.h"

static int find(const bd_board_t *b, const char *name, unsigned how) {
    return bd_board_pin_find(b, name, how);
}

TEST(registry) {
    CHECK_EQ(bd_board_def_count(), 5);
    CHECK(strcmp(bd_board_def_default()->name, "nano-rp2040") == 0);
    const char *names[] = {"nano-rp2040", "nano-esp32", "giga-r1", "portenta-h7", "rpi-pico"};
    for (int i = 0; i < 5; i++) CHECK(bd_board_def_find(names[i]) != NULL);
    CHECK(bd_board_def_find("NANO_RP2040") == bd_board_def_find("nano-rp2040"));
    CHECK(bd_board_def_find("Portenta-H7") != NULL);
    CHECK(bd_board_def_find("nano") == NULL);
    CHECK(bd_board_def_find("nano-rp2040x") == NULL);
    CHECK(bd_board_def_find(NULL) == NULL);
    CHECK(bd_board_def_at(5) == NULL);
}

/* Every board builds (all labels name a pad), has the headers users touch,
 * and unique display names (they become VCD signal names). */
TEST(every_board_is_consistent) {
    for (size_t i = 0; i < bd_board_def_count(); i++) {
        const bd_board_def_t *def = bd_board_def_at(i);
        bd_board_t b;
        bd_status_t st = bd_board_init(&b, def);
        CHECK_EQ(st, BD_OK);
        if (st != BD_OK) continue;
        printf("# %s: %d pads, %u labels\n", def->name, b.npins, def->nlabels);
        CHECK(find(&b, def->led, BD_FIND_SILK) >= 0);
        bool nano = strncmp(def->name, "rpi-", 4) != 0;
        char name[16];
        for (int d = 0; nano && d <= 13; d++) {
            snprintf(name, sizeof name, "D%d", d);
            if (find(&b, name, BD_FIND_SILK) < 0) printf("#   %s missing %s\n", def->name, name);
            CHECK(find(&b, name, BD_FIND_SILK) >= 0);
        }
        for (int a = 0; nano && a <= 7; a++) {
            snprintf(name, sizeof name, "A%d", a);
            int idx = find(&b, name, BD_FIND_SILK);
            CHECK(idx >= 0);
            /* except the Nano RP2040's A4/A5: GPIO12/13 have no ADC on the RP2040 */
            bool digital_only = strcmp(def->name, "nano-rp2040") == 0 && (a == 4 || a == 5);
            if (idx >= 0)
                CHECK(bd_pin_def_fn(bd_board_pin_def(&b, idx), BD_FN_ADC, -1, NULL) != digital_only);
        }
        for (int p = 0; p < b.npins; p++)
            for (int q = p + 1; q < b.npins; q++)
                if (strcmp(bd_board_pin_name(&b, p), bd_board_pin_name(&b, q)) == 0) {
                    printf("#   %s: duplicate display name %s\n", def->name, bd_board_pin_name(&b, p));
                    CHECK(0);
                }
        bd_board_free(&b);
    }
}

TEST(nano_rp2040_pins) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("nano-rp2040")), BD_OK);
    CHECK(strcmp(b.def->port, "rp2") == 0 && strcmp(b.def->platform, "rp2") == 0);
    int d13 = find(&b, "D13", 0);
    CHECK(d13 >= 0);
    CHECK_EQ(d13, find(&b, "LED", 0));
    CHECK_EQ(d13, find(&b, "GPIO6", 0));
    CHECK_EQ(d13, bd_board_pin_by_id(&b, 6));
    CHECK(strcmp(bd_board_pin_name(&b, d13), "D13") == 0);
    CHECK(strcmp(b.pins[d13].name, "D13") == 0);
    const char *labels[4];
    CHECK_EQ(bd_board_pin_labels(&b, d13, labels, 4), 4); /* D13 LED LED_BUILTIN SCK */
    CHECK(strcmp(labels[1], "LED") == 0);
    /* case and silkscreen rules */
    CHECK_EQ(find(&b, "led", 0), -1);
    CHECK_EQ(find(&b, "led", BD_FIND_NOCASE), d13);
    CHECK_EQ(find(&b, "D0", 0), -1); /* firmware calls it RX */
    CHECK_EQ(find(&b, "D0", BD_FIND_SILK), find(&b, "RX", 0));
    CHECK_EQ(find(&b, "D0", BD_FIND_SILK), bd_board_pin_by_id(&b, 1));
    CHECK_EQ(find(&b, "nope", BD_FIND_SILK | BD_FIND_NOCASE), -1);
    CHECK_EQ(find(&b, NULL, 0), -1);
    /* the RGB LED: LED_RED/GREEN/BLUE for the firmware (MicroPython issue
     * #13272), Arduino's LEDR/G/B silkscreen only, and they name the pad */
    int red = find(&b, "LED_RED", 0);
    CHECK(red >= 0 && find(&b, "LED_BLUE", 0) >= 0 && find(&b, "LED_GREEN", 0) >= 0);
    CHECK_EQ(find(&b, "LEDR", 0), -1);
    CHECK_EQ(find(&b, "LEDR", BD_FIND_SILK), red);
    CHECK(strcmp(bd_board_pin_name(&b, red), "LEDR") == 0);
    CHECK_EQ(bd_board_pin_by_id(&b, 30), -1);
    CHECK_EQ(bd_board_pin_by_id(&b, -1), -1);
    /* D2 is GPIO25: PWM slice 4 channel B (TinyGo/Arduino pinout) */
    int d2 = find(&b, "D2", 0);
    CHECK_EQ(d2, bd_board_pin_by_id(&b, 25));
    bd_pin_fn_t fn;
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, d2), BD_FN_PWM, -1, &fn));
    CHECK_EQ(fn.unit, 4);
    CHECK_EQ(fn.sig, 1);
    CHECK(!bd_pin_def_fn(bd_board_pin_def(&b, d2), BD_FN_ADC, -1, NULL));
    /* D13 = GPIO6: PWM3 A; A0 = GPIO26: ADC0; A4 = GPIO12: I2C0 SDA */
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, d13), BD_FN_PWM, -1, &fn));
    CHECK_EQ(fn.unit, 3);
    CHECK_EQ(fn.sig, 0);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "A0", 0)), BD_FN_ADC, -1, &fn));
    CHECK_EQ(fn.unit, 0);
    CHECK_EQ(fn.sig, 0);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "A3", 0)), BD_FN_ADC, -1, &fn));
    CHECK_EQ(fn.sig, 3);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "A4", 0)), BD_FN_I2C, -1, &fn));
    CHECK_EQ(fn.unit, 0);
    CHECK_EQ(fn.sig, BD_SIG_SDA);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "TX", 0)), BD_FN_UART, -1, &fn));
    CHECK_EQ(fn.unit, 0);
    CHECK_EQ(fn.sig, BD_SIG_TX);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "D12", 0)), BD_FN_SPI, -1, &fn)); /* GPIO4 SPI0 RX */
    CHECK_EQ(fn.unit, 0);
    CHECK_EQ(fn.sig, BD_SIG_MISO);
    /* A6 is on the NINA module */
    int a6 = find(&b, "A6", 0);
    CHECK(a6 >= 0 && (bd_board_pin_def(&b, a6)->flags & BD_PINF_EXT));
    /* RP2040 pads reset pulled down: an untouched pad reads 0 and is not floating */
    CHECK_EQ(bd_pin_level(&b.pins[d2]), 0);
    CHECK(!bd_pin_floating(&b.pins[d2]));
    CHECK_EQ(b.pins[d2].pull, BD_PULL_DOWN);
    CHECK_EQ(b.sched.cpu_hz, 125000000);
    bd_board_free(&b);
}

TEST(nano_esp32_pins) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("nano-esp32")), BD_OK);
    int d13 = find(&b, "D13", 0);
    CHECK_EQ(d13, bd_board_pin_by_id(&b, 48));
    CHECK_EQ(d13, find(&b, "LED_BUILTIN", 0));
    CHECK_EQ(find(&b, "D0", 0), bd_board_pin_by_id(&b, 44));
    bd_pin_fn_t fn;
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "A0", 0)), BD_FN_ADC, -1, &fn));
    CHECK_EQ(fn.unit, 1);
    CHECK_EQ(fn.sig, 0);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, find(&b, "A4", 0)), BD_FN_ADC, -1, &fn)); /* GPIO11 */
    CHECK_EQ(fn.unit, 2);
    CHECK_EQ(fn.sig, 0);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, d13), BD_FN_PWM, -1, &fn)); /* LEDC: any pad */
    CHECK_EQ(fn.unit, -1);
    CHECK(!bd_pin_def_fn(bd_board_pin_def(&b, d13), BD_FN_ADC, -1, NULL));
    CHECK_EQ(bd_board_pin_by_id(&b, 22), -1); /* no GPIO22..25 on the S3 */
    CHECK(bd_pin_floating(&b.pins[d13]));     /* resets without pull */
    bd_board_free(&b);
}

TEST(stm32_boards_pins) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("portenta-h7")), BD_OK);
    CHECK(strcmp(b.def->platform, "pyboard") == 0);
    int pc6 = find(&b, "PC6", 0);
    CHECK_EQ(pc6, find(&b, "D5", 0));
    CHECK_EQ(pc6, bd_board_pin_by_id(&b, 2 * 16 + 6));
    bd_pin_fn_t fn;
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, pc6), BD_FN_TIM, 3, &fn)); /* pyb.Timer(3).channel(1, pin=PC6) */
    CHECK_EQ(fn.sig, 1);
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, pc6), BD_FN_TIM, 8, &fn));
    CHECK_EQ(fn.sig, 1);
    CHECK(!bd_pin_def_fn(bd_board_pin_def(&b, pc6), BD_FN_TIM, 4, NULL));
    int pc4 = find(&b, "PC4", 0); /* the reference's ADC example */
    CHECK(bd_pin_def_fn(bd_board_pin_def(&b, pc4), BD_FN_ADC, -1, &fn));
    CHECK_EQ(fn.sig, 4);
    int a0 = find(&b, "A0", 0);
    CHECK(strcmp(bd_board_pin_def(&b, a0)->name, "PA0_C") == 0);
    CHECK(bd_board_pin_def(&b, a0)->flags & BD_PINF_ANALOG_ONLY);
    CHECK_EQ(b.pins[pc6].mode, BD_MODE_ANALOG); /* STM32 pads reset analog */
    CHECK_EQ(find(&b, "PK8", 0), -1);
    CHECK_EQ(b.npins, 168 + 4);
    CHECK(b.def->led_active_low);
    bd_board_free(&b);

    CHECK_EQ(bd_board_init(&b, bd_board_def_find("giga-r1")), BD_OK);
    CHECK_EQ(find(&b, "D13", 0), -1); /* not a firmware name on the GIGA */
    CHECK_EQ(find(&b, "D13", BD_FIND_SILK), find(&b, "PH6", 0));
    CHECK_EQ(find(&b, "LEDR", 0), find(&b, "PI12", 0));
    CHECK_EQ(find(&b, "A0", BD_FIND_SILK), find(&b, "PC4", 0));
    CHECK(strcmp(bd_board_pin_name(&b, find(&b, "PH6", 0)), "D13") == 0);
    CHECK(strcmp(bd_board_pin_name(&b, find(&b, "PK7", 0)), "PK7") == 0); /* unlabelled: MCU name */
    bd_board_free(&b);
}

TEST(rpi_pico_pins) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("rpi-pico")), BD_OK);
    CHECK_EQ(find(&b, "LED", 0), bd_board_pin_by_id(&b, 25));
    CHECK_EQ(find(&b, "GP25", 0), bd_board_pin_by_id(&b, 25));
    CHECK_EQ(find(&b, "GP15", 0), find(&b, "GPIO15", 0));
    CHECK_EQ(b.npins, 30);
    bd_board_free(&b);
}

TEST(two_boards_are_independent) {
    bd_board_t a, b;
    CHECK_EQ(bd_board_init(&a, bd_board_def_default()), BD_OK);
    CHECK_EQ(bd_board_init(&b, bd_board_def_default()), BD_OK);
    int led = find(&a, "LED", 0);
    bd_pin_configure(&a.pins[led], BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(&a.pins[led], 1);
    bd_sched_run_until(&a.sched, 1000, NULL);
    CHECK_EQ(bd_pin_level(&a.pins[led]), 1);
    CHECK_EQ(bd_pin_level(&b.pins[led]), 0);
    CHECK_EQ(bd_sched_now(&b.sched), 0);
    bd_board_reset(&a);
    CHECK_EQ(bd_pin_level(&a.pins[led]), 0);
    CHECK_EQ(bd_sched_now(&a.sched), 1000);
    bd_board_free(&a);
    bd_board_free(&b);
}

int main(void) {
    RUN(registry);
    RUN(every_board_is_consistent);
    RUN(nano_rp2040_pins);
    RUN(nano_esp32_pins);
    RUN(stm32_boards_pins);
    RUN(rpi_pico_pins);
    RUN(two_boards_are_independent);
    return tap_done();
}
