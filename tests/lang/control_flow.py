for i in range(3):
    if i == 0:
        print("zero")
    elif i == 1:
        print("one")
    else:
        print("other")
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("even", n)
else:
    print("not reached")
for i in range(2):
    pass
else:
    print("for-else", i)
while False:
    pass
else:
    print("while-else")
for i in []:
    print("never")
x = 5
print("big" if x > 3 else "small", "a" if 0 else "b")
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
