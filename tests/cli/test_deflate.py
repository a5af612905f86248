"""deflate: what Breadboard compresses, CPython's zlib decompresses (every
format and window size), and DeflateIO works over any object with
read/write methods, not only io.BytesIO."""
import binascii
import zlib
from cliutil import run, check, done

SCRIPT = r'''
import deflate, io, binascii
text = b"".join(b"entry %d of a log that repeats itself, entry\n" % (i % 50) for i in range(2000))
noise = bytes((i * 2654435761 >> 11) & 0xFF for i in range(20000))
cases = [(text, f, w, c) for f in (deflate.RAW, deflate.ZLIB, deflate.GZIP, deflate.AUTO)
         for w in (0, 5, 9, 15) for c in (1000, 100000)]
cases += [(noise, deflate.ZLIB, 15, 777), (b"x", deflate.GZIP, 0, 1), (bytes(70000), deflate.RAW, 15, 65536)]
for data, fmt, wbits, chunk in cases:
    b = io.BytesIO()
    d = deflate.DeflateIO(b, fmt, wbits)
    for i in range(0, len(data), chunk):
        d.write(data[i:i + chunk])
    d.close()
    print(fmt, wbits, binascii.crc32(data), len(data), binascii.hexlify(b.getvalue()).decode())
'''

rc, out, err = run(["-c", SCRIPT], timeout=60)
check(rc == 0, "compression script runs", err[-500:])
lines = out.split()
rows = [lines[i:i + 5] for i in range(0, len(lines), 5)]
check(len(rows) == 35, "every case printed", len(rows))
for fmt, wbits, crc, n, hx in rows:
    blob = binascii.unhexlify(hx)
    w = {"0": -15, "1": -15, "2": 15, "3": 31}[fmt]
    try:
        data = zlib.decompress(blob, w)
        ok = zlib.crc32(data) == int(crc) and len(data) == int(n)
    except zlib.error as e:
        ok = e
    check(ok is True, "CPython decompresses format %s wbits %s (%s bytes)" % (fmt, wbits, n), ok)
    if fmt == "2":
        hdr_bits = (blob[0] >> 4) + 8
        check(hdr_bits >= max(int(wbits) or 8, 9) - 0 and (blob[0] * 256 + blob[1]) % 31 == 0,
              "zlib header valid for wbits %s" % wbits, blob[:2])
    if fmt == "1" and int(n) > 1000 and wbits != "5":
        check(len(blob) < int(n) // 3, "repetitive text compresses (%d -> %d)" % (int(n), len(blob)))

# CPython-made streams, through a stream class written in Python (read only, no readinto)
payload = b"".join(b"%d squared is %d\n" % (i, i * i) for i in range(3000))
blobs = {"zlib": zlib.compress(payload, 9), "raw": zlib.compress(payload)[2:-4]}
gz = zlib.compressobj(6, zlib.DEFLATED, 31)
blobs["gzip"] = gz.compress(payload) + gz.flush()
SCRIPT2 = r'''
import deflate, binascii
class Reader:
    def __init__(self, data):
        self.data, self.calls = data, 0
    def read(self, n=-1):
        self.calls += 1
        r, self.data = self.data[:n], self.data[n:]
        return r
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)
for name, fmt, hx in BLOBS:
    r = Reader(binascii.unhexlify(hx))
    out = deflate.DeflateIO(r, fmt, 15).read()
    print(name, binascii.crc32(out), len(out), r.calls > 1)
w = Writer()
d = deflate.DeflateIO(w, deflate.GZIP)
d.write(b"written through a Python class " * 100)
d.close()
print("writer", binascii.hexlify(b"".join(w.parts)).decode())
'''
blob_list = [("zlib", 2, blobs["zlib"].hex()), ("raw", 1, blobs["raw"].hex()), ("gzip", 3, blobs["gzip"].hex())]
rc, out, err = run(["-c", SCRIPT2.replace("BLOBS", repr(blob_list))], timeout=60)
check(rc == 0, "Python-class streams", err[-500:])
got = out.splitlines()
for line, name in zip(got, ("zlib", "raw", "gzip")):
    check(line == "%s %d %d True" % (name, zlib.crc32(payload), len(payload)), "decompress %s via a Python reader" % name, line)
w = got[-1].split() if got else ["", ""]
ok = w[0] == "writer" and zlib.decompress(binascii.unhexlify(w[1]), 31) == b"written through a Python class " * 100
check(ok, "compress via a Python writer, CPython reads it", got[-1:] if got else out)

# corrupt input never crashes: flip bytes of a stream and decompress
SCRIPT3 = r'''
import deflate, io, binascii
blob = binascii.unhexlify(HX)
n = 0
for i in range(len(blob)):
    for bit in (1, 0x10, 0x80):
        b = bytearray(blob)
        b[i] ^= bit
        try:
            deflate.DeflateIO(io.BytesIO(bytes(b))).read()
        except (OSError, EOFError):
            n += 1
print("done", n > 0)
'''
rc, out, err = run(["-c", SCRIPT3.replace("HX", repr(zlib.compress(payload[:3000]).hex()))], timeout=120)
check(rc == 0 and out.strip() == "done True", "bit flips give errors, not crashes", (rc, out[-200:], err[-300:]))
done()
