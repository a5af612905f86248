# Raising and catching exceptions, try/finally, with-less cleanup paths.
class AppError(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i

caught = 0
fin = 0
acc = 0
for i in range(150000):
    try:
        try:
            acc += check(i)
        finally:
            fin += 1
    except AppError as e:
        caught += e.args[0] & 1
    except KeyError:
        caught += 2
d = {}
miss = 0
for i in range(100000):
    try:
        d[i & 1023] += 1
    except KeyError:
        d[i & 1023] = 1
        miss += 1
print(caught, fin, acc, miss, len(d))
