b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper(), b.split(), b.strip().split(b", "))
print(b.find(b"World"), b.rfind(b"l"), b.index(b"H"), b.count(b"l"), b.startswith(b"  H"), b.endswith(b"  "))
print(b.replace(b" ", b""), b"abc".center(7, b"*") if hasattr(b"", "center") else b"**abc**", b"a,b,c".split(b",", 1))
print(b"hello world".title() if hasattr(b"", "title") else b"Hello World", b"123".isdigit(), b"abc".isalpha(), b"  ".isspace())
print(bytes([1, 2, 3]) + bytearray([4]), bytearray(b"x") + b"y", b"ab" * 3, 3 * b"c")
print(b"%d-%s" % (1, b"z"), b"abc"[1], b"abc"[1:], b"abc"[-1:], b"abc"[::-1], list(b"hi"))
print(bytes.fromhex("deadbeef"), b"\xde\xad".hex(), bytearray.fromhex("00ff"), b"x".join([b"1", b"2"]))
print(b"abc" < b"abd", b"" == bytes(), b"a" in b"cab", 97 in b"abc", bytes(b"copy"), b"A".decode("ascii"))
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
