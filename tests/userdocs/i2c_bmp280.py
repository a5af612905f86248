# An I2C scan finding a BMP280 and an SSD1306, written from docs/parts.md,
# docs/displays.md, the MicroPython machine.I2C docs and the BMP280 data
# sheet (BST-BMP280-DS001: register map, section 3.11.3 compensation in
# integer arithmetic).  The script scans the bus, checks the BMP280's chip
# id (0x58 in register 0xD0), reads its calibration, makes a forced
# measurement at x16 oversampling twice (the stimulus warms the air in
# between), and shows the readings on the OLED.
import struct
import time
from machine import I2C, Pin
import ssd1306

try:
    import sim
    BOARD = sim.board()
except ImportError:
    BOARD = "nano-rp2040"

if BOARD == "nano-esp32":
    i2c = I2C(0, scl=Pin(12), sda=Pin(11))   # A5 / A4
else:
    i2c = I2C(0)      # Nano RP2040: A4 SDA, A5 SCL; Pico: GP4 SDA, GP5 SCL

found = i2c.scan()
print("scan", [hex(a) for a in found])
BMP = 0x76 if 0x76 in found else 0x77
chip = i2c.readfrom_mem(BMP, 0xD0, 1)[0]
print("chip id", hex(chip))

# dig_T1 (unsigned), dig_T2, dig_T3, dig_P1 (unsigned), dig_P2..dig_P9,
# little-endian words from 0x88.
cal = struct.unpack("<HhhHhhhhhhhh", i2c.readfrom_mem(BMP, 0x88, 24))
T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9 = cal
print("dig_T1", T1, "dig_P1", P1)


def compensate(adc_t, adc_p):
    # temperature: the data sheet's 32-bit integer formula, 0.01 degC units
    v1 = (((adc_t >> 3) - (T1 << 1)) * T2) >> 11
    v2 = (((((adc_t >> 4) - T1) * ((adc_t >> 4) - T1)) >> 12) * T3) >> 14
    t_fine = v1 + v2
    t = (t_fine * 5 + 128) >> 8
    # pressure: the 64-bit integer formula, Pa in Q24.8
    v1 = t_fine - 128000
    v2 = v1 * v1 * P6
    v2 = v2 + ((v1 * P5) << 17)
    v2 = v2 + (P4 << 35)
    v1 = ((v1 * v1 * P3) >> 8) + ((v1 * P2) << 12)
    v1 = (((1 << 47) + v1) * P1) >> 33
    if v1 == 0:
        return t / 100, 0
    p = 1048576 - adc_p
    p = (((p << 31) - v2) * 3125) // v1
    v1 = (P9 * (p >> 13) * (p >> 13)) >> 25
    v2 = (P8 * p) >> 19
    p = ((p + v1 + v2) >> 8) + (P7 << 4)
    return t / 100, p / 256


def measure():
    # ctrl_meas: osrs_t x16 (101), osrs_p x16 (101), forced mode (01)
    i2c.writeto_mem(BMP, 0xF4, bytes([0b10110101]))
    t0 = time.ticks_ms()
    time.sleep_ms(1)
    while i2c.readfrom_mem(BMP, 0xF3, 1)[0] & 0x08:   # status: measuring
        time.sleep_ms(1)
    took = time.ticks_diff(time.ticks_ms(), t0)
    d = i2c.readfrom_mem(BMP, 0xF7, 6)
    adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
    adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
    t, p = compensate(adc_t, adc_p)
    print("measured in %d ms: T %.2f C P %.2f Pa" % (took, t, p))
    return t, p


oled = ssd1306.SSD1306_I2C(128, 64, i2c)
for n in range(2):
    t, p = measure()
    oled.fill(0)
    oled.fill_rect(0, 0, 4, 4, 1)            # a mark in the top left corner
    oled.text("BMP280 %d" % n, 8, 0, 1)
    oled.text("%.2f C" % t, 0, 16, 1)
    oled.text("%.1f hPa" % (p / 100), 0, 32, 1)
    oled.show()
    time.sleep_ms(500)
# the frame buffer, for the test to compare with the PNG
print("fb", oled.buffer.hex())
