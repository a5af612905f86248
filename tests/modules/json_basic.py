# json: dumps/loads of every JSON type, options (indent, separators, sort_keys, ensure_ascii, default), streams.
import json
print(json.dumps([1, 2.5, "a\u00e9\U0001F600\n", None, True, False, {"k": [1, {}], "e": []}, (1, 2), 10**30, -3]))
print(json.dumps({"a": 1, 2: 3, 1.5: 4, True: 5, None: 6}))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=2))
print(json.dumps([1, [2, 3]], indent="\t"))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e16, 0.1, -0.0]))
print(json.dumps([1, 2], separators=(',', ':')))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"], "b": {}}'))
print(json.loads(b'[1, 123456789012345678901234567890, -0, 1E5, NaN, Infinity, -Infinity]'))
for bad in ['', '[', '[1,]', '{"a" 1}', '{a:1}', '"abc', '[1] x', '"\\x"', '"\\u12"', 'tru', '"a\nb"', '{"a":1,}']:
    try:
        json.loads(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [{1, 2}, {(1,): 2}, b'x']:
    try:
        json.dumps(bad)
    except TypeError as e:
        print('TypeError', e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.dumps(set([1]), default=list))
print(json.dumps("\x7f\x00\x1f", ensure_ascii=False), json.dumps("\x7fé"))
try:
    json.loads(5)
except TypeError as e:
    print(e)
e = None
try:
    json.loads('[1, 2')
except json.JSONDecodeError as ex:
    print(ex.msg, ex.pos, ex.lineno, ex.colno, isinstance(ex, ValueError))
print(json.loads('"\\ud800x"') == '\ud800x' if False else 'skip')
# dump/load through stream objects
class Sink:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
class Source:
    def __init__(self, s): self.s = s
    def read(self, *a): return self.s
out = Sink()
json.dump({"a": [1, 2, {"b": None}]}, out)
print(''.join(out.parts))
print(json.load(Source('{"x": [1.5, "y"], "z": false}')))
out = Sink()
json.dump([1, 2], out, separators=(',', ':'))
print(''.join(out.parts))
# round trips of awkward values
for v in [0, -1, 2**63, -2**100, 1.0, 1e-7, 123456789.125, 1e300, "", "\u2028\t\"\\/", [[[]]], {"": {}}, [True, None]]:
    s = json.dumps(v)
    print(s, json.loads(s) == v)
print(json.loads('  {"a" : 1 , "b":[ 1 ,2 ] }  '), json.loads('"\\/\\b\\f\\r\\t"'), json.loads('1.5e3'), json.loads('-0.0'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('"\\u00e9\\u20ac"'), json.loads('"\u00e9"'))
print(json.dumps({"k": 1}, indent=0), json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([{}], indent=1))
print(json.dumps(float('nan'), allow_nan=True))
try:
    json.dumps(float('inf'), allow_nan=False)
except ValueError as e:
    print('ValueError', e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
try:
    json.dumps([1], bogus=1)
except TypeError as e:
    print('TypeError')
class MyList(list): pass
class MyDict(dict): pass
class MyStr(str): pass
class MyInt(int): pass
print(json.dumps([MyList([1]), MyDict(a=MyStr('s')), MyInt(5), (1,)]))
print(json.dumps("é😀", ensure_ascii=False))
