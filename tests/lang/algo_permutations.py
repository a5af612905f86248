# permutations, combinations, power set, next permutation, all by hand
def permutations(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i in range(len(xs)):
        for rest in permutations(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + rest

def combinations(xs, k):
    if k == 0:
        yield []
        return
    for i in range(len(xs) - k + 1):
        for rest in combinations(xs[i + 1:], k - 1):
            yield [xs[i]] + rest

def powerset(xs):
    out = [[]]
    for x in xs:
        out += [s + [x] for s in out]
    return out

def next_perm(a):
    a = list(a)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return None
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[i + 1:][::-1]
    return a

print(list(permutations([1, 2, 3])))
print(len(list(permutations(list(range(6))))), ["".join(p) for p in permutations("abc")])
print(list(combinations("abcd", 2)))
print(len(list(combinations(list(range(10)), 4))), list(combinations([1, 2], 3)))
print(powerset([1, 2, 3]))
p = [1, 2, 3, 4]
seq = []
while p:
    seq.append("".join(map(str, p)))
    p = next_perm(p)
print(len(seq), seq[:8], seq[-1])
print(next_perm([1, 1, 2]), next_perm([3, 2, 1]))
def derangements(n):
    return sum(1 for p in permutations(list(range(n))) if all(p[i] != i for i in range(n)))
print([derangements(n) for n in range(1, 7)])
def subset_sums(xs, target):
    return [s for s in powerset(xs) if sum(s) == target]
print(subset_sums([3, 34, 4, 12, 5, 2], 9))
