# try / except / else / finally in every combination
def run(raise_it, label):
    out = []
    try:
        out.append("try")
        if raise_it:
            raise ValueError(label)
    except ValueError as e:
        out.append("except " + str(e))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
print(run(False, "a"))
print(run(True, "b"))

def only_finally(raise_it):
    try:
        if raise_it:
            raise KeyError("k")
        return "returned"
    finally:
        print("  finally ran", raise_it)
print(only_finally(False))
try:
    only_finally(True)
except KeyError:
    print("KeyError propagated")

def multi_except(exc):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        return "tuple " + type(e).__name__
    except LookupError as e:
        return "lookup " + type(e).__name__
    except Exception:
        return "generic"
for exc in (TypeError, ValueError("v"), KeyError, IndexError(1), ZeroDivisionError, RuntimeError):
    print(multi_except(exc))

def bare():
    try:
        1 / 0
    except:
        return "bare except"
print(bare())

def else_raises():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as e:
    print("else raised", e)

def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer caught", e)
    else:
        print("  no")
    finally:
        print("  outer finally")
nested()

def as_cleared():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        e
    except NameError:
        return "e unbound after except"
print(as_cleared())

def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)

def except_in_else():
    try:
        x = 1
    except Exception:
        pass
    else:
        try:
            raise OSError("inside else")
        except OSError as e:
            x = str(e)
    finally:
        x = x + "!"
    return x
print(except_in_else())
