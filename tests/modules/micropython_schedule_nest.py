# oracle: micropython
# micropython.schedule: a callback scheduled from inside a running callback
# runs only after that callback returns (the scheduler does not nest), and
# callbacks run at the next jump opcode, not at a call.
import micropython

done = 0


def inner(arg):
    global done
    print("inner", arg)
    done += 1


def outer(arg):
    global done
    micropython.schedule(inner, arg + 1)
    for i in range(3):
        pass
    print("outer", arg)
    done += 1


micropython.schedule(outer, 1)
while done < 2:
    pass
print("done", done)

done = 0
micropython.schedule(outer, 10)
micropython.schedule(outer, 20)
while done < 4:
    pass
print("done", done)


def last(arg):
    global done
    done = -1


# callbacks run at a jump, not at a call: this print comes first
micropython.schedule(last, None)
print("scheduled last")
while done != -1:
    pass
print("end")
