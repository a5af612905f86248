def bit_read(value, bit): return (value >> bit) & 1
def bit_set(value, bit): return value | (1 << bit)
def bit_clear(value, bit): return value & ~(1 << bit)
def high_byte(v): return (v >> 8) & 0xFF
def low_byte(v): return v & 0xFF
v = 0b1010
print(bit_read(v, 1), bit_read(v, 2), bin(bit_set(v, 0)), bin(bit_clear(v, 3)), hex(high_byte(0x1234)), hex(low_byte(0x1234)))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(16)], popcount(2 ** 100 - 1))
def reverse_bits(b):
    r = 0
    for i in range(8):
        r = (r << 1) | ((b >> i) & 1)
    return r
print([hex(reverse_bits(x)) for x in (1, 0x0F, 0xA5)])
