# binascii: hexlify/unhexlify, base64 both ways, crc32, and their errors
import binascii

def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(0, 256, 15))
print(binascii.hexlify(data), binascii.hexlify(b""), binascii.hexlify(bytearray(b"\x00\xff")))
print(binascii.hexlify(data, "-"), binascii.hexlify(b"\x01\x02\x03", b":"), binascii.hexlify(b"\x01", " "))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", -2))
print(binascii.hexlify(memoryview(b"ab")), binascii.b2a_hex(b"\xde\xad"))
print(binascii.unhexlify(b"0aff10"), binascii.unhexlify("DEADbeef"), binascii.unhexlify(""), binascii.a2b_hex("00"))
print(binascii.unhexlify(binascii.hexlify(data)) == data, binascii.unhexlify(bytearray(b"41")))
attempt(binascii.unhexlify, "abc")
attempt(binascii.unhexlify, "zz")
attempt(binascii.unhexlify, b"0g")
attempt(binascii.hexlify, "text")
attempt(binascii.hexlify, 5)
attempt(binascii.hexlify, b"ab", "--")
attempt(binascii.unhexlify, 5)

for s in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))):
    e = binascii.b2a_base64(s)
    print(e[:40], len(e), binascii.a2b_base64(e) == s, binascii.b2a_base64(s, newline=False)[-4:])
print(binascii.b2a_base64(bytearray(b"\xff\xfe")), binascii.b2a_base64(memoryview(b"xyz"), newline=True))
print(binascii.a2b_base64("Zm9vYmFy"), binascii.a2b_base64(b"Zm9v\nYmFy\n"), binascii.a2b_base64("Zm 9v*Ym!Fy"))
print(binascii.a2b_base64(b"Zg=="), binascii.a2b_base64(b"Zm8="), binascii.a2b_base64(b"Zg==trailing"),
      binascii.a2b_base64(b"Zm8=Zg=="), binascii.a2b_base64(b""), binascii.a2b_base64(b"===="))
print(binascii.a2b_base64(b"Z=g=="), binascii.a2b_base64(b"Zm=9v"), binascii.a2b_base64(bytearray(b"QUJD")))
for bad in (b"Zg", b"Zg=", b"Zm9vY", b"Z", b"Zm9vYmF", b"abcde===="):
    attempt(binascii.a2b_base64, bad)
attempt(binascii.a2b_base64, b"Zg==", strict_mode=True)
attempt(binascii.a2b_base64, b"Zg==x", strict_mode=True)
attempt(binascii.a2b_base64, b"Z*g==", strict_mode=True)
attempt(binascii.a2b_base64, 5)
attempt(binascii.b2a_base64, "str")
print(issubclass(binascii.Error, ValueError))
try:
    binascii.unhexlify("1")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__)

print(binascii.crc32(b""), binascii.crc32(b"a"), binascii.crc32(b"hello world"), binascii.crc32(data))
print(binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"x", 0xFFFFFFFF), binascii.crc32(b"x", -1))
print(binascii.crc32(bytearray(b"abc")), binascii.crc32(memoryview(b"abc")), binascii.crc32(b"abc", 2**40 + 5))
crc = 0
for i in range(0, len(data), 3):
    crc = binascii.crc32(data[i:i + 3], crc)
print(crc == binascii.crc32(data))
attempt(binascii.crc32, "abc")
