print("%d items cost %.2f" % (3, 4.5), "%s" % [1, 2], "%r" % "q", "%5s|%-5s|" % ("a", "b"))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8), "%e %E" % (1234.5, 0.00012), "%g %G" % (1e-10, 1e20))
print("%3d|%-3d|%03d|%+d|% d" % (5, 5, 5, 5, 5), "%c%c" % ("a", 98), "%.3s" % "abcdef", "%*d" % (5, 1))
print("%(x)s and %(y)r" % {"x": 1, "y": "z"}, "%s" % (1,), "%s %s" % ("a", "b"), "100%%" % ())
for bad in [("%d", "s"), ("%s %s", ("a",)), ("%s", ("a", "b"))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print("TypeError", e)
print(b"%s-%d" % (b"x", 5), "%.0f %.1f" % (2.5, 0.05), "%i" % 3.9, "%s" % None)
