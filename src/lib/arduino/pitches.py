# arduino.pitches: the note frequencies of Arduino's pitches.h (the file the
# tone examples include), as NOTE_B0 .. NOTE_DS8 in whole hertz.
#
#     from arduino.pitches import *
#     tone(8, NOTE_C4, 250)
#
# The values are the equal-tempered pitches (A4 = 440 Hz) rounded to an
# integer, as pitches.h lists them -- with its one exception kept: NOTE_FS2
# is 93 there (92.50 Hz rounds to 92).  Facts taken from the published
# pitches.h table of Arduino's toneMelody example.
_NAMES = ("C", "CS", "D", "DS", "E", "F", "FS", "G", "GS", "A", "AS", "B")
# 89 notes a semitone apart, from NOTE_B0 to NOTE_DS8
_HZ = (
    31, 33, 35, 37, 39, 41, 44, 46, 49, 52, 55, 58,
    62, 65, 69, 73, 78, 82, 87, 93, 98, 104, 110, 117,
    123, 131, 139, 147, 156, 165, 175, 185, 196, 208, 220, 233,
    247, 262, 277, 294, 311, 330, 349, 370, 392, 415, 440, 466,
    494, 523, 554, 587, 622, 659, 698, 740, 784, 831, 880, 932,
    988, 1047, 1109, 1175, 1245, 1319, 1397, 1480, 1568, 1661, 1760, 1865,
    1976, 2093, 2217, 2349, 2489, 2637, 2794, 2960, 3136, 3322, 3520, 3729,
    3951, 4186, 4435, 4699, 4978,
)


def _define():
    g = globals()
    for i, hz in enumerate(_HZ):
        n = i + 11  # semitones above C0: B0 is the 11th
        g["NOTE_%s%d" % (_NAMES[n % 12], n // 12)] = hz


_define()
