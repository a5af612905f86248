a = 1 + 2j
b = complex(3, -4)
print(a, b, a + b, a - b, a * b, a / b)
print(abs(b), a.real, a.imag, a.conjugate(), -a)
print(1j * 1j, (1 + 1j) ** 2, complex(2), complex('1+2j'), 2j, -3j)
print(a == complex(1, 2), a != b, repr(0j), complex(0, -1))
