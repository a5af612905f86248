counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 1
        def inner():
            nonlocal x
            x *= 10
        inner()
    middle()
    return x
print(outer())
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add
a = make()
a(1); print(a(2))
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
