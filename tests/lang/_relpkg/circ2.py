from . import circ1
W = 2
print("circ2 sees V:", hasattr(circ1, "V"))
