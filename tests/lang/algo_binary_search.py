# binary search variants, bisect by hand, integer square root, search on answer
def bsearch(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

def bisect_left(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

def bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo

def isqrt(n):
    if n < 2:
        return n
    lo, hi = 1, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo

a = [1, 3, 3, 3, 5, 8, 13, 21]
print([bsearch(a, x) for x in (1, 5, 21, 4, 0, 100)])
print([(x, bisect_left(a, x), bisect_right(a, x)) for x in (0, 3, 4, 21, 22)])
ins = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    ins.insert(bisect_right(ins, v), v)
print(ins)
print([isqrt(n) for n in (0, 1, 3, 4, 15, 16, 17, 99, 100, 10 ** 12)], isqrt(10 ** 40 + 12345), isqrt(2 * 10 ** 30))
def min_capacity(weights, days):
    def ok(cap):
        d, load = 1, 0
        for w in weights:
            if load + w > cap:
                d += 1
                load = 0
            load += w
        return d <= days
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
print(min_capacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), min_capacity([3, 2, 2, 4, 1, 4], 3))
def find_root(f, lo, hi, iters=60):
    for _ in range(iters):
        mid = (lo + hi) / 2
        if (f(lo) < 0) == (f(mid) < 0):
            lo = mid
        else:
            hi = mid
    return round((lo + hi) / 2, 9)
print(find_root(lambda x: x * x - 2, 0, 2), find_root(lambda x: x ** 3 - x - 1, 1, 2))
big = list(range(0, 10 ** 6, 3))
print(bsearch(big, 999999), bsearch(big, 1000), bisect_left(big, 1000))
