# float formatting with format specs
vals = [0.0, 1.0, -1.5, 3.14159265358979, 1234567.891, 0.000123456, 1e20, -2.5e-8, 100.0]
for v in vals:
    print("%r|%s|%.3f|%.2e|%g|%10.4f|%-12.3g|%+.1f" % (v, v, v, v, v, v, v, v))
for v in vals:
    print("{:f}|{:.0f}|{:e}|{:.3g}|{:G}|{:12.2f}|{:<12.1e}|{:^12g}|".format(v, v, v, v, v, v, v, v))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375]:
    print("{:.0f} {:.2f} {:.1f}".format(v, v, v))
print("{:.15g} {:.17g} {:.1g}".format(0.1, 0.1, 0.15))
print("{:g} {:g} {:g} {:g}".format(1e-4, 1e-5, 123456.0, 1234567.0))
print("{:010.3f} {:+010.2f} {:=10.1f}".format(-3.14159, 2.5, -7.25))
print("{:.3%} {:8.1%}".format(0.12345, 1.0))
print("{:,.3f}".format(1234567.12345), "{:,.0f}".format(1e9))
print(format(2.5), format(1e300, ".3e"), format(-0.0, ".2f"), format(float("inf"), "f"), format(float("nan"), ".2f"))
print(format(float("inf"), "e"), format(-float("inf"), "g"), format(float("inf"), "10"))
print(str(1e16), str(1e-5), str(123456789.0), str(0.1 + 0.7))
print("%.10f" % (1 / 3), "%.20f" % 0.5, "%.0e" % 12345)
print("%5.1f|%-8.2f|%08.3f" % (2.25, 2.25, -2.25))
