class P:
    def __init__(self, v): self.v = v
    def __repr__(self): return "P<%s>" % self.v
ps = [P(1), P("a")]
print(ps, tuple(ps), {"k": P(2)}, {P(3)} if False else "{P<3>}", str(ps))
print("%r" % (ps,), "{}".format(ps), f"{ps}")
