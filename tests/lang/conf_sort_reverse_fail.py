# a failing sort(reverse=True) leaves the list as CPython does (the reversal is undone)
for c in ([3, 1, 'x', 2], [-100, -100, 1, 5, 'a', 5, 100], [5, 4, 3, None], ['a', 1]):
    for rev in (False, True):
        l = list(c)
        try:
            l.sort(reverse=rev)
        except TypeError:
            print('TypeError', end=' ')
        print(l)
l = [3, 1, 2]
try:
    l.sort(key=lambda v: 1 / (v - 1), reverse=True)
except ZeroDivisionError:
    print('ZeroDivisionError', l)
