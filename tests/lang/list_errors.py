for f in [lambda: [].pop(), lambda: [1][5], lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: [1][1:2:0]]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
a = [1, 2, 3]
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError", e)
