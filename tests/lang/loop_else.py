# for/while ... else, break/continue semantics
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while else ran, n =", n)

n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)

while False:
    pass
else:
    print("else on never-entered while")

for i in range(3):
    if i == 1:
        continue
    print("loop", i)
else:
    print("else after continue-only loop")

for i in range(3):
    for j in range(3):
        if j == i:
            break
    else:
        print("inner else", i)
    print("outer", i, j)

primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

def in_func():
    for x in range(5):
        if x == 2:
            return "returned " + str(x)
    else:
        return "else"
print(in_func())

count = 0
for _ in range(5):
    count += 1
    if count > 100:
        break
else:
    count *= 10
print(count)

it = iter([1, 2, 3])
for v in it:
    if v == 2:
        break
print(list(it))
for ch in "":
    print("never")
else:
    print("empty string else")
x = 10
while x:
    x -= 3 if x > 3 else x
    if x == 1:
        continue
else:
    print("x reached", x)
