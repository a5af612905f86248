# conditional expressions
def sign(x):
    return "pos" if x > 0 else "neg" if x < 0 else "zero"
print([sign(v) for v in (-5, 0, 7)])
calls = []
def t(v):
    calls.append(v)
    return v
r = t("yes") if t(True) else t("no")
print(r, calls)
calls.clear()
r = t("yes") if t(0) else t("no")
print(r, calls)
x = 7
print("odd" if x % 2 else "even", (x if x > 10 else 10) * 2)
print([i if i % 3 else "fizz" for i in range(1, 8)])
f = (lambda a: a * 2) if x > 5 else (lambda a: a + 2)
print(f(10))
print(1 if [] else 2, 1 if [0] else 2, 1 if None else 2)
nested = ("a" if x > 5 else "b") if x < 100 else "c"
print(nested)
val = None
print(val if val is not None else "default", (val or "or-default"))
print(len("abc" if x else ""), ("X" if x == 7 else "Y").lower())
items = []
print(items[0] if items else "empty")
def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v
print([clamp(v, 0, 10) for v in (-3, 4, 99)])
print(sum(v if v > 0 else 0 for v in [-1, 2, -3, 4]))
