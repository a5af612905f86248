# board: giga-r1
# reference: micropython-reference.md, "External Interrupts > detachInterrupt()" (line 887)
# board choice: names an STM32 pin (PA3), as on the GIGA R1 / Portenta H7
# The example follows unchanged; checks in tests/cli/test_seed.py.

from machine import Pin
import time

# Define a callback function to be called when the interrupt occurs
def interrupt_callback(pin):
    print("Interrupt occurred on pin", pin_name)
    # Detaches the interrupt from the pin
    interrupt_pin.irq(handler=None) 

# Pin name
pin_name = "PA3"

# Define the pin to which you want to attach the interrupt
interrupt_pin = Pin(pin_name, Pin.IN, Pin.PULL_UP)  # Replace 2 with the actual pin number you are using

# Attach the interrupt to the pin, specifying the callback function and trigger type
interrupt_pin.irq(trigger=Pin.IRQ_FALLING, handler=interrupt_callback)

while True:
    print("hello world")
    time.sleep(1)
