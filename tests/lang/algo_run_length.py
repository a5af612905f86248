# run-length encoding, simple Huffman-free bit packing, base64 by hand
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)

def unrle(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "", "aaaaaaaaaaaaaaaaaaaaaa", "aabbbcccc"]:
    e = rle(s)
    print(repr(e), unrle(e) == s)

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [B64[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            chars[len(chunk) + 1:] = ["="] * (3 - len(chunk))
        out.append("".join(chars))
    return "".join(out)

def b64decode(s):
    out = bytearray()
    for i in range(0, len(s), 4):
        quad = s[i:i + 4]
        pad = quad.count("=")
        n = 0
        for ch in quad:
            n = n * 64 + (B64.index(ch) if ch != "=" else 0)
        out += n.to_bytes(3, "big")[:3 - pad]
    return bytes(out)

for raw in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"Hello, World!", bytes(range(10))]:
    enc = b64encode(raw)
    print(repr(enc), b64decode(enc) == raw)

def pack_bits(bits):
    out = bytearray()
    for i in range(0, len(bits), 8):
        byte = 0
        chunk = bits[i:i + 8]
        for b in chunk + "0" * (8 - len(chunk)):
            byte = byte << 1 | (b == "1")
        out.append(byte)
    return bytes(out)
print(pack_bits("1010101011110000111"), list(pack_bits("11111111" * 3)))
def checksum(data):
    a, b = 1, 0
    for x in data:
        a = (a + x) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
print(hex(checksum(b"Wikipedia")), checksum(b""), hex(checksum(bytes(range(256)) * 4)))
