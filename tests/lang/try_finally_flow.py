def f1():
    try:
        return 1
    finally:
        return 2
print(f1())
def f2():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            print("f2 finally", i)
print(f2())
def f3():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise KeyError("deeper")
        except KeyError as e:
            return "handled " + repr(e)
print(f3())
def f4():
    try:
        try:
            1 / 0
        finally:
            print("f4 inner finally")
    except ZeroDivisionError:
        print("f4 caught")
    finally:
        print("f4 outer finally")
f4()
def f5():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                break
        finally:
            print("f5 loop finally", i)
    return i
print(f5())
def f6():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("f6 finally")
print(f6())
def f7(x):
    try:
        if x:
            raise TypeError("t")
        r = "no error"
    except TypeError:
        r = "error"
    else:
        r += " else"
    finally:
        r += " finally"
    return r
print(f7(0), f7(1))
