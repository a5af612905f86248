data = bytearray(b"abcdefgh")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], bytes(mv[2:5]), mv[2:5].tobytes(), mv.tolist()[:3])
mv[0] = ord("A")
mv[1:3] = b"BC"
print(data)
sub = mv[4:]
sub[0] = ord("E")
print(data, len(sub), bytes(sub))
ro = memoryview(b"readonly")
try:
    ro[0] = 1
except TypeError:
    print("TypeError readonly")
print(memoryview(b"xyz").hex() if hasattr(memoryview, "hex") else "78797a", list(memoryview(b"\x01\x02")))
