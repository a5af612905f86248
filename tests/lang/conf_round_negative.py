# round(x, n) with n < 0 is correctly rounded (no precision lost to x / 10**k * 10**k),
# half to even on exact ties
vals = [3.386633359590182e+19, 150.0, 250.0, 25.0, -25.0, 35.0, 5.0, 0.5, 1e308, -1e300,
        12345.678, 0.0, -0.0, 99999.5, 1e22, 123456789012345.67]
for v in vals:
    print([round(v, n) for n in (-1, -2, -3, -5, -10, -20, -300, -308, -309)])
print(round(15, -1), round(25, -1), round(-35, -1), round(12345, -2))
