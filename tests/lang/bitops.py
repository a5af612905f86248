def bits(n):
    return [(n >> i) & 1 for i in range(8)]
print(bits(0b10110010), 0xFF & 0x0F, 0xF0 | 0x0F, 0xAA ^ 0xFF, ~0xFF & 0xFFFF)
reading = 51234
print((reading >> 6) & 0x3FF, reading & 0xFF, (reading >> 8) & 0xFF)
x = 0
x |= 1 << 3
x |= 1 << 5
x &= ~(1 << 3)
print(x, bin(x), x.bit_length())
print(1 << 62, 1 << 63, 1 << 64, (1 << 100) >> 98, -1 << 10, -1024 >> 3)
print(hex(0xDEADBEEF), hex(0xDEADBEEF >> 16), oct(0o777 & 0o070))
