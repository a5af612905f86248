# argument checks of str/bytes methods that CPython makes in a particular order
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)
t(lambda: 'a\nb'.splitlines(True))
t(lambda: 'a\nb'.splitlines(1))
t(lambda: 'a\nb'.splitlines('b'))
t(lambda: b'a\nb'.splitlines(b'x'))
t(lambda: b'a\nb'.splitlines(keepends=True))
# start/end are checked before the needle
t(lambda: b'aaa'.count(-1, b'l'))
t(lambda: b'aaa'.find(300, b'x'))
t(lambda: b'aaa'.find(300))
t(lambda: b'aaa'.count(97, 1))
t(lambda: b'abc'.rindex(99, 0, 3))
# an empty value assigned to an extended bytearray slice deletes it (as CPython)
for s in (slice(5, 10, 10), slice(1, 10, 2), slice(None, None, -3)):
    ba = bytearray(range(10))
    try:
        ba[s] = b''
    except ValueError as e:
        print('ValueError')
    print(ba)
ba = bytearray(range(10))
try:
    ba[1::2] = b'ab'
except ValueError:
    print('ValueError')
print(ba, type(iter(ba)).__name__, type(iter(b'')).__name__)
