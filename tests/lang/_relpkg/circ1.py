from . import circ2
V = 1
print("circ1 done", circ2.W)
