# bytes construction and methods
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"xy"), bytes("héllo", "utf-8"), bytes(range(5)))
b = b"Hello, World"
print(len(b), b[0], b[-1], b[:5], list(b[:3]))
print(b.upper(), b.lower(), b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"W"))
print(b.split(b", "), b.replace(b"l", b"L"), b.startswith(b"Hell"), b.endswith(b"ld"))
print(b" pad ".strip(), b"xxaxx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
print(b"-".join([b"a", b"b", b"c"]), b"a,b".partition(b","), b"a,b,c".rpartition(b","))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", 120 in b"abc")
print(b"abc" < b"abd", b"abc" == b"abc", b"" < b"a", b"abc" == "abc")
print(b"hello".decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode("utf-8"))
print(b"\x00\x01\xff", b"'", b'"', b"\\", b"\n\t\r", repr(b"a'b\"c"))
print(b"abc".hex(), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff"))
print(b"a1".isalpha(), b"abc".isalpha(), b"123".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower())
print(b"a b  c".split(), b"a\nb\r\nc".splitlines(), b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4))
print([x for x in b"hi"], sorted(b"cab"), max(b"abc"), sum(b"\x01\x02"))
print(bytes(x ^ 0x20 for x in b"Swap"), b"%d-%s" % (1, b"x"))
print(type(b[0]).__name__, type(b[0:1]).__name__, b[0:1] == b"H")
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__)
try:
    b"\xff".decode("utf-8")
except UnicodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], len({b"a", b"a", b"b"}))
print(b"abcabc".count(b"bc"), b"aaa".replace(b"a", b"bb", 2), b"x".zfill(3) if hasattr(b"x", "zfill") else b"00x")
