# A potentiometer on GP26 (ADC0) read every 100 ms.  The console first asks
# how to show it: "raw" (read_u16) or "pct" (percent of full scale).
from machine import ADC
import time

pot = ADC(26)
unit = input("unit (raw/pct)? ").strip()
print("showing", unit)
while True:
    v = pot.read_u16()
    if unit == "pct":
        print("pot: %d%%" % (v * 100 // 65535))
    else:
        print("pot:", v)
    time.sleep_ms(100)
