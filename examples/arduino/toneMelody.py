# toneMelody: play a little melody once on a piezo buzzer on pin 8.
# Arduino's 02.Digital/toneMelody, written with the arduino module; the note
# frequencies are pitches.h's (arduino.pitches).  A note lasts 1000/4 ms
# (a quarter) or 1000/8 ms (an eighth); tone() returns at once, so the sketch
# waits the note's length plus 30% before the next one.  0 is a rest.
#
#     ./breadboard --speed max --until 2.5s --parts examples/arduino/toneMelody.parts \
#                  --stimulus examples/arduino/toneMelody.stim --trace - examples/arduino/toneMelody.py
from arduino import *
from arduino.pitches import *

melody = [NOTE_C4, NOTE_G3, NOTE_G3, NOTE_A3, NOTE_G3, 0, NOTE_B3, NOTE_C4]
noteDurations = [4, 8, 8, 4, 4, 4, 4, 4]  # 4 = quarter note, 8 = eighth note


def setup():
    for thisNote in range(8):
        noteDuration = 1000 // noteDurations[thisNote]  # one second divided by the note type
        tone(8, melody[thisNote], noteDuration)
        pauseBetweenNotes = int(noteDuration * 1.30)     # the note's duration + 30%
        delay(pauseBetweenNotes)
        noTone(8)                                        # stop the tone playing


def loop():
    pass  # the melody plays once


run()
