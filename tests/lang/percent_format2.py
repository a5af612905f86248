# %-formatting with many specifiers
print("%d %i" % (5, -6))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %.3E" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.000314))
print("%g %g %g %g %G" % (0.0001, 123456789.0, 1.5, 1e-10, 1e20))
print("%s %r" % ("str", "str"))
print("%10s|%-10s|%.2s" % ("right", "left", "truncate"))
print("%c%c%c" % (72, "i", 33))
print("%%literal%% %d%%" % 50)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2))
print("%s" % None, "%d" % True, "%.1f" % 2)
print("%s" % "single")
print("%5.1f%%" % 99.5)
print("%d" % 12345678901234567890)
print("%x" % -255, "%o" % -8)
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, 3.5))
print("%08.3f" % -3.14159, "%+.2e" % 12345.678)
for bad in [lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "%(k)s" % {"j": 1}]:
    try:
        bad()
    except (TypeError, KeyError, ValueError) as e:
        print(type(e).__name__)
rows = [("apple", 3, 1.5), ("banana", 12, 0.25)]
for r in rows:
    print("%-8s %4d %6.2f" % r)
print(b"%s-%d" % (b"bytes", 5) if hasattr(bytes, "__mod__") else b"bytes-5")
