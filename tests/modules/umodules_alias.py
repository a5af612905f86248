# oracle: micropython
# MicroPython's u-prefixed module names resolve to the same builtin modules
import ustruct
import struct
import uarray
import ubinascii
import uhashlib
import uerrno
import array

print(ustruct is struct, uarray is array)
print(ustruct.pack("<hH", -1, 2), ustruct.unpack(">I", b"\x00\x00\x01\x00"), ustruct.calcsize("<iq"))
print(uarray.array("h", [1, 2]))
print(ubinascii.hexlify(b"\x12\xab"), ubinascii.unhexlify("3132"), ubinascii.b2a_base64(b"hi"))
print(ubinascii.hexlify(uhashlib.sha256(b"abc").digest()))
print(uerrno.ENOENT, uerrno.EINVAL, uerrno.errorcode[uerrno.EIO])
try:
    import unosuchmodule
except ImportError as e:
    print("ImportError")
b = bytearray(4)
struct.pack_into("<H", b, 1, 0x4142)
print(b, struct.unpack_from("<H", b, -3))
