# A push button on a Pin IRQ, written from docs/board.md and the MicroPython
# machine.Pin docs: the button pulls the pin to GND (Pin.PULL_UP inside the
# MCU), both edges interrupt, and the handler counts raw falling edges and
# debounced presses: a falling edge is a press only when the pin had been
# high (released) for 20 ms, so the contact's bounce on pressing and on
# releasing is ignored.  Each accepted press prints its time.
import time
from machine import Pin

try:
    import sim                      # Breadboard only: which board am I on?
    BOARD = sim.board()
except ImportError:
    BOARD = "nano-rp2040"

# The button's pin on each board (the .parts files wire the same pins).
BUTTON = {"nano-rp2040": "D2", "nano-esp32": 5, "rpi-pico": 15}[BOARD]
DEBOUNCE_MS = 20

button = Pin(BUTTON, Pin.IN, Pin.PULL_UP)
edges = 0
presses = 0
last_rise = time.ticks_ms()


def on_edge(pin):
    global edges, presses, last_rise
    now = time.ticks_ms()
    if pin.irq().flags() & Pin.IRQ_RISING:
        last_rise = now
        return
    edges += 1
    if time.ticks_diff(now, last_rise) < DEBOUNCE_MS:
        return                      # bounce: released for too short a time
    presses += 1
    print("press", presses, "at", time.ticks_us(), "us")


button.irq(handler=on_edge, trigger=Pin.IRQ_FALLING | Pin.IRQ_RISING)
print("ready on", BOARD, button)
try:
    while True:
        time.sleep_ms(100)
finally:
    print("presses", presses, "edges", edges)
