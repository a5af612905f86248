# hashlib: sha256, sha224, sha1, md5: digests against known values, incremental
# updates across block boundaries, copy, attributes and errors
import hashlib

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

inputs = [b"", b"abc", b"message digest", b"a" * 55, b"a" * 56, b"a" * 57, b"a" * 63, b"a" * 64, b"a" * 65,
          b"a" * 119, b"a" * 120, bytes(range(256)) * 9,
          b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]
for name in ("sha256", "sha224", "sha1", "md5"):
    ctor = getattr(hashlib, name)
    for data in inputs:
        h = ctor(data)
        print(name, len(data), h.hexdigest())
        inc = ctor()
        for step in (1, 3, 64, 100):
            inc = ctor()
            for i in range(0, len(data), step):
                inc.update(data[i:i + step])
            assert inc.digest() == bytes.fromhex(h.hexdigest()), (name, len(data), step)
    h = ctor(b"x")
    d = h.digest()
    print(name, h.digest_size, h.block_size, h.name, len(d), d == bytes.fromhex(h.hexdigest()))

# hexdigest() does not finish the object: more data may follow
h = hashlib.sha256(b"hello")
d1 = h.hexdigest()
h.update(b" world")
print(d1, h.hexdigest(), h.hexdigest() == hashlib.sha256(b"hello world").hexdigest())
c = h.copy()
c.update(b"!")
print(h.hexdigest()[:16], c.hexdigest()[:16], hashlib.sha256(b"hello world!").hexdigest()[:16])
print(hashlib.sha1(bytearray(b"abc")).hexdigest(), hashlib.md5(memoryview(b"abc")).hexdigest())
print(hashlib.sha256(string=b"abc").hexdigest()[:8], hashlib.new("sha256", b"abc").hexdigest()[:8],
      hashlib.new("MD5").hexdigest(), hashlib.new("sha1", b"").hexdigest())
m = hashlib.md5()
m.update(b"The quick brown fox ")
m.update(b"jumps over the lazy dog")
print(m.digest())
big = hashlib.sha1()
chunk = b"0123456789" * 100
for _ in range(100):
    big.update(chunk)
print(big.hexdigest())

attempt(hashlib.sha256, "text")
attempt(hashlib.sha256().update, "text")
attempt(hashlib.md5, 5)
attempt(hashlib.new, "nosuchhash")
attempt(hashlib.sha1().update, None)
