def f():
    print(y)
    y = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError")
except NameError:
    print("NameError")
try:
    undefined_name
except NameError as e:
    print("NameError", e)
def g():
    del_me = 1
    del del_me
    try:
        return del_me
    except NameError:
        return "deleted"
print(g())
