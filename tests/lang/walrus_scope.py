def f(data):
    if any((hit := x) > 5 for x in data):
        return hit
    return None
print(f([1, 7, 3]), f([1, 2]))
total = 0
print([total := total + v for v in [1, 2, 3]], total)
while (line := ["a", "b", ""][total - 6 if total > 5 else 0]) and total < 9:
    total += 1
print(total, repr(line))
