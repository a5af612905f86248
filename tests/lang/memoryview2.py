# memoryview over bytes and bytearray
data = bytearray(b"abcdefgh")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], bytes(mv[2:5]), list(mv[:3]))
mv[0] = 65
print(data)
mv[1:3] = b"BC"
print(data)
sub = mv[4:]
sub[0] = ord("E")
print(data, len(sub), bytes(sub))
ro = memoryview(b"readonly")
print(bytes(ro[:4]), ro[0])
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__)
print(bytes(mv) == bytes(data), bytearray(mv[:2]))
data[7] = ord("!")
print(bytes(mv[-2:]))
print([b for b in memoryview(b"xyz")])
print(type(mv[0]).__name__, type(mv[0:1]).__name__)
s = 0
for b in memoryview(bytes(range(10)))[3:7]:
    s += b
print(s)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print(type(e).__name__)
