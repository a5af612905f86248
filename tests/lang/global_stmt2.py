# global statement
count = 0
def bump():
    global count
    count += 1
    return count
bump(); bump()
print(count)

def make_global():
    global created
    created = "yes"
make_global()
print(created)

def read_only():
    return count * 10
print(read_only())

def local_shadow():
    count = 100
    return count
print(local_shadow(), count)

def unbound_local():
    try:
        print(count)
    except NameError as e:   # UnboundLocalError is a NameError subclass
        print(type(e).__name__, isinstance(e, NameError))
    count = 5
    return count
print(unbound_local())

def nested():
    def inner():
        global count
        count = -1
    inner()
nested()
print(count)

g_list = []
def append_global(v):
    g_list.append(v)
append_global(1); append_global(2)
print(g_list)

def delete_global():
    global created
    del created
delete_global()
try:
    created
except NameError as e:
    print(type(e).__name__)

class C:
    global class_made
    class_made = "from class body"
print(class_made)

def multi():
    global a1, a2
    a1, a2 = 1, 2
multi()
print(a1 + a2)
print("count" in globals(), "nope" in globals())
