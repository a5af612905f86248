# int.from_bytes and int.to_bytes
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff" * 4, "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x80\x00", "big", signed=True))
print(int.from_bytes(bytearray(b"\x12\x34\x56"), "little"))
print(int.from_bytes(b"\x01" + b"\x00" * 16, "big"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((0).to_bytes(3, "big"), (255).to_bytes(1, "big"))
print((2 ** 64).to_bytes(9, "big"))
print((-1).to_bytes(2, "big", signed=True), (-256).to_bytes(2, "little", signed=True))
print((127).to_bytes(1, "big", signed=True), (-128).to_bytes(1, "big", signed=True))
for n in [0, 1, 255, 256, 65535, 2 ** 32 - 1, 2 ** 100]:
    size = max(1, (n.bit_length() + 7) // 8)
    b = n.to_bytes(size, "big")
    print(n, b, int.from_bytes(b, "big") == n, int.from_bytes(n.to_bytes(size, "little"), "little") == n)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__)
try:
    (128).to_bytes(1, "big", signed=True)
except OverflowError as e:
    print(type(e).__name__)
for n in range(-5, 6):
    b = n.to_bytes(2, "big", signed=True)
    print(n, list(b), int.from_bytes(b, "big", signed=True))
