# oracle: micropython
# hashlib: digest() finishes a hash as on MicroPython; update() or digest()
# afterwards raise ValueError.
import hashlib

for name in ("sha256",):  # the oracle build has only sha256
    algo = getattr(hashlib, name, None)
    if algo is None:
        continue
    h = algo(b"123")
    d = h.digest()
    for op in ("digest", "update"):
        try:
            if op == "digest":
                h.digest()
            else:
                h.update(b"456")
            print(name, op, "allowed")
        except ValueError as e:
            print("ValueError", e)
    h = algo()
    h.update(b"12")
    h.update(b"3")
    print(h.digest() == d)
print(hashlib.sha256(b"abc").digest())
