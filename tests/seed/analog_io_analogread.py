# board: giga-r1
# reference: micropython-reference.md, "Analog I/O > analogRead()" (line 184)
# board choice: names an STM32 pin (PC4), as on the GIGA R1 / Portenta H7
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine
import time

adc_pin = machine.Pin("PC4") 
adc = machine.ADC(adc_pin)

while True:
    reading = adc.read_u16()    
    print("ADC: ",reading)

    time.sleep_ms(1000)
