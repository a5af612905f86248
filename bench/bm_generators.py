# Generators and iteration protocols.
def gen(n):
    for i in range(n):
        yield i * 2
def pipeline(n):
    return sum(x for x in gen(n) if x % 3)
total = 0
for r in range(10):
    total += pipeline(200000)
print(total)
