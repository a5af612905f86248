def arduino_map(x, in_min, in_max, out_min, out_max):
    return (x - in_min) * (out_max - out_min) // (in_max - in_min) + out_min
def constrain(x, lo, hi):
    return lo if x < lo else hi if x > hi else x
print(arduino_map(50, 0, 100, 0, 255), arduino_map(512, 0, 1023, 0, 180), arduino_map(-10, 0, 100, 0, 255))
print([constrain(v, 0, 100) for v in (-5, 50, 500)])
readings = [0, 255, 511, 767, 1023]
print([round(r * 3.3 / 1023, 3) for r in readings])
print([(r >> 2) for r in readings], [r * 65535 // 1023 for r in readings])
