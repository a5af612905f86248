# an AttributeError raised while looking an attribute up (a property getter) falls back to __getattr__
class P:
    @property
    def x(self):
        raise AttributeError('inner')
    @property
    def y(self):
        raise KeyError('not an AttributeError')
    def __getattr__(self, n):
        return 'fallback ' + n
p = P()
print(p.x, p.zz, getattr(p, 'x'), getattr(p, 'x', 'dflt'), hasattr(p, 'x'))
try:
    p.y
except KeyError as e:
    print('KeyError', e)
class Q:
    @property
    def x(self):
        raise AttributeError('no fallback')
try:
    Q().x
except AttributeError as e:
    print('AttributeError', e)
print(getattr(Q(), 'x', 'dflt'), hasattr(Q(), 'x'))
