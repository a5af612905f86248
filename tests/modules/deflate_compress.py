# oracle: micropython
# deflate.DeflateIO compression: whatever is written reads back unchanged, for
# every format and window size, however the writes are split; the compressed
# bytes themselves are implementation-specific and not printed.
import deflate, io

text = b"".join(b"record %d: some repetitive text, some repetitive text\n" % (i % 37) for i in range(400))
noise = bytes((i * 2654435761 >> 13) & 0xFF for i in range(5000))
runs = b"a" * 1000 + b"ab" * 500 + b"abc" * 333 + bytes(300)


def roundtrip(data, fmt, wbits, chunk):
    b = io.BytesIO()
    d = deflate.DeflateIO(b, fmt, wbits)
    n = 0
    for i in range(0, len(data), chunk):
        n += d.write(data[i : i + chunk])
    d.close()
    blob = b.getvalue()
    rfmt = deflate.RAW if fmt == deflate.AUTO else fmt
    back = deflate.DeflateIO(io.BytesIO(blob), rfmt, wbits or 8).read() if blob else b""
    return n == len(data) and back == data


for fmt in (deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP):
    for wbits in (0, 5, 8, 11, 15):
        res = [roundtrip(data, fmt, wbits, chunk) for data in (text, noise, runs, b"x") for chunk in (1, 7, 4096)]
        print(fmt, wbits, res)
print("compresses text", len(text))
b = io.BytesIO()
d = deflate.DeflateIO(b, deflate.ZLIB)
d.write(text)
d.close()
print(len(b.getvalue()) < len(text) // 4)

# nothing written: nothing output at all
for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    b = io.BytesIO()
    d = deflate.DeflateIO(b, fmt)
    d.write(b"")
    d.close()
    print(fmt, b.getvalue())

# str, bytearray and memoryview data; write after close; close=True
b = io.BytesIO()
with deflate.DeflateIO(b, deflate.GZIP) as d:
    print(d.write("text "), d.write(bytearray(b"bytearray ")), d.write(memoryview(b"memoryview")))
print(deflate.DeflateIO(io.BytesIO(b.getvalue())).read())
try:
    d.write(b"more")
except OSError as e:
    print("OSError", e.args[0])
print(d.write(b""))
b = io.BytesIO()
d = deflate.DeflateIO(b, deflate.ZLIB, 0, True)
d.write(b"abc")
d.close()
try:
    b.getvalue()
except ValueError:
    print("underlying stream closed")

# one object both compresses and decompresses
b = io.BytesIO()
d = deflate.DeflateIO(b, deflate.ZLIB, 9)
d.write(runs)
d.close()
blob = b.getvalue()
s = io.BytesIO(blob)
d = deflate.DeflateIO(s, deflate.ZLIB)
print(d.read() == runs)
