# starred assignment targets
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = "hello"
print(a)
first, *middle, last = "abcdef"
print(first, middle, last)
[x, *y] = (10, 20, 30)
print(x, y)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
for head, *tail in [[1, 2, 3], [4], [5, 6]]:
    print(head, tail)
a, *b = iter([9, 8, 7])
print(a, b)
d = {"k1": 1, "k2": 2, "k3": 3}
k, *ks = d
print(k, ks)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__)
lst = [0, 0, 0]
lst[0], *lst[1:] = [1, 2, 3, 4]
print(lst)
class O:
    pass
o = O()
o.x, *o.y = (1, 2, 3)
print(o.x, o.y)
t = 1, *[2, 3], *(4,)
print(t)
l = [*range(3), *"ab"]
print(l)
s = {*[1, 2], *[2, 3]}
print(sorted(s))
