# An ADC sweep, written from docs/board.md, docs/stimulus.md and the
# MicroPython machine.ADC docs: the stimulus ramps A0 from 0 V up to the top
# of the range over one second; the script reads the ADC every 50 ms and
# prints the time, read_u16() and, where the port has it (esp32), read_uv().
import sys
import time
from machine import ADC, Pin

try:
    import sim
    BOARD = sim.board()
except ImportError:
    BOARD = "nano-rp2040"

if sys.platform == "esp32":
    # A0 is GPIO1; 11 dB attenuation for the whole 0..3.1 V range
    adc = ADC(Pin(1), atten=ADC.ATTN_11DB)
else:
    adc = ADC(Pin({"nano-rp2040": "A0", "rpi-pico": 26}[BOARD]))

t0 = time.ticks_ms()
for i in range(22):
    t = time.ticks_us()
    u16 = adc.read_u16()
    if hasattr(adc, "read_uv"):
        print("t", t, "u16", u16, "uv", adc.read_uv())
    else:
        print("t", t, "u16", u16)
    time.sleep_ms(50)
