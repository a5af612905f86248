# format(int, 'c') right-aligns like any number; '%*d' wants an int width
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(format(65, '5c') + '|', '{:>5c}|{:<5c}|{:^5c}|'.format(66, 67, 68), '%3c|%-3c|' % ('a', 98))
t(lambda: '%*d' % ('a', 1))
t(lambda: '%.*f' % (1.5, 1.0))
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
t(lambda: pow(1j, 2, 5))
t(lambda: pow(2.0, 2, 5))
print(pow(3, 4, 5))
