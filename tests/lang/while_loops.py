n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
i = 0
total = 0
while True:
    i += 1
    if i % 2:
        continue
    total += i
    if i >= 100:
        break
print(total)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 5
while x:
    x -= 1
else:
    print("while done", x)
