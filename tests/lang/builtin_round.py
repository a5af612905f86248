for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1e16, 1234.5678]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(123456, -3), type(round(2.5)), type(round(2.5, 0)))
