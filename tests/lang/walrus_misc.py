data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
i = 0
while (i := i + 1) < 4:
    print("i", i)
print(1 if True else 2, [1, 2, 3][1:], (1, 2) == (1, 2) != (2, 1))
x = 5
print(0 < x < 10, 0 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5)
print(not x, -x, ~x, x if x else -1)
