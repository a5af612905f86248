# oracle: micropython
# uctypes bitfields: extraction and insertion within their container, in both byte orders.
import uctypes

BF = uctypes.BF_POS
BL = uctypes.BF_LEN
D = {
    "lo": 0 | uctypes.BFUINT16 | 0 << BF | 4 << BL,
    "mid": 0 | uctypes.BFUINT16 | 4 << BF | 8 << BL,
    "hi": 0 | uctypes.BFUINT16 | 12 << BF | 4 << BL,
    "flag": 2 | uctypes.BFUINT8 | 7 << BF | 1 << BL,
    "s4": 2 | uctypes.BFINT8 | 0 << BF | 4 << BL,
    "w": 4 | uctypes.BFUINT32 | 3 << BF | 20 << BL,
    "top": 4 | uctypes.BFINT32 | 31 << BF | 1 << BL,
    "whole": 0 | uctypes.UINT16,
    "word": 4 | uctypes.UINT32,
}


def ref_get(buf, off, size, order, pos, ln):
    v = int.from_bytes(buf[off:off + size], order)
    return (v >> pos) & ((1 << ln) - 1)


for layout, order in ((uctypes.LITTLE_ENDIAN, "little"), (uctypes.BIG_ENDIAN, "big")):
    buf = bytearray(b"\x5a\xc3\x9e\x00\x12\x34\x56\x87")
    s = uctypes.struct(uctypes.addressof(buf), D, layout)
    print(uctypes.sizeof(s))
    print(s.lo, s.mid, s.hi, s.flag, s.s4, s.w, s.top)
    print(s.lo == ref_get(buf, 0, 2, order, 0, 4), s.mid == ref_get(buf, 0, 2, order, 4, 8),
          s.w == ref_get(buf, 4, 4, order, 3, 20))
    s.mid = 0x1FF  # masked to 8 bits; neighbours untouched
    print(s.lo, s.mid, s.hi, hex(s.whole))
    s.flag = 0
    s.s4 = 15
    print(s.flag, s.s4, buf[2])
    s.w = 0xABCDE
    print(hex(s.w), hex(s.word), s.top)
    s.top = 1
    print(s.top, hex(s.word))
    print(bytes(buf))
