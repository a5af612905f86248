a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, c > b >= 2 > a, 1 < 2 != 3)
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(0) < v(5))
print(1 in [1, 2] in [[1, 2]], "a" in "abc" not in "xyz")
x = [1, 2]
print(x is x is not None, None is None is None)
print(True and False or True, not True or not False, (1 and 2) or 3, 0 or 0.0 or "")
