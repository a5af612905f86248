# Dictionaries and attribute-heavy classes.
class Particle:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.hits = 0
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        self.hits += 1
ps = [Particle(i, -i) for i in range(1000)]
for step in range(200):
    for p in ps:
        p.move(1, 2)
d = {}
for i in range(300000):
    k = "k%d" % (i % 5000)
    d[k] = d.get(k, 0) + i
print(sum(p.x + p.y + p.hits for p in ps), len(d), d["k42"])
