# repr(float) is the shortest string that reads back as the same double; the
# correctly rounded 16-digit string is not always it (2**-24 is ...063e-08).
for e in range(-1074, 1024, 3):
    x = 2.0 ** e
    print(e, repr(x), repr(x * 3), repr(-x / 7))
for k in range(1, 400):
    print(repr(k / 97), repr(k * 1.1), repr(1 / (k * 13.0)))
