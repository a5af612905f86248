def read_lines():
    for line in ["10 apples", "5 pears", "x bad", "7 plums"]:
        yield line
def parse(lines):
    for line in lines:
        parts = line.split()
        if parts[0].isdigit():
            yield int(parts[0]), parts[1]
def total(items):
    return sum(n for n, _ in items)
print(total(parse(read_lines())))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals()))))
def batched(it, size):
    batch = []
    for v in it:
        batch.append(v)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(7), 3)))
