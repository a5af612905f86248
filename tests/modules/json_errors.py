# json: decode errors with positions, encoder errors, circular references.
# json.loads error positions and messages (CPython's wording).
import json
for bad in ['', ' ', '[', ']', '[1,]', '[1 2]', '{"a" 1}', '{a:1}', '{"a":1,}', '{"a":}', '"abc', '"ab\\', '[1] x',
            '"\\x"', '"\\u12"', '"\\u12zz"', 'tru', 'nul', '"a\nb"', '-', '-x', '01', '1.', '.5', '1e', '[1,\n 2,\n x]',
            '{"\u00e9": x}', 'NaNx', '[-Infinity, Infinityy]', '\ufeff1']:
    try:
        print(repr(json.loads(bad)))
    except ValueError as e:
        print(repr(bad), '->', e)
try:
    json.loads('[1, 2')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, e.doc, isinstance(e, ValueError))
for bad in [5, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
print(json.loads(b'{"a": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')))
deep = '[' * 200 + ']' * 200
print(len(json.dumps(json.loads(deep))))
l = [1]
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print('ValueError', e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print('ValueError', e)
for bad in [{1, 2}, object, b'x', 1j, {(1,): 2}, [{"a": {1.5: set()}}]]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print('TypeError', e)
