# a small stack-based bytecode VM with an assembler, labels, calls
def assemble(src):
    code, labels, fixups = [], {}, []
    for line in src.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        op = parts[0]
        arg = parts[1] if len(parts) > 1 else None
        if arg is not None:
            if arg.lstrip("-").isdigit():
                arg = int(arg)
            else:
                fixups.append((len(code), arg))
        code.append([op, arg])
    for pos, name in fixups:
        code[pos][1] = labels[name]
    return code

def run(code, trace=False):
    stack, calls, out = [], [], []
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push": stack.append(arg)
        elif op == "pop": stack.pop()
        elif op == "dup": stack.append(stack[-1])
        elif op == "swap": stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "over": stack.append(stack[-2])
        elif op == "rot": stack.append(stack.pop(-3))
        elif op == "add": b = stack.pop(); stack[-1] += b
        elif op == "sub": b = stack.pop(); stack[-1] -= b
        elif op == "mul": b = stack.pop(); stack[-1] *= b
        elif op == "mod": b = stack.pop(); stack[-1] %= b
        elif op == "lt": b = stack.pop(); stack[-1] = int(stack[-1] < b)
        elif op == "jmp": pc = arg
        elif op == "jz":
            if stack.pop() == 0:
                pc = arg
        elif op == "call": calls.append(pc); pc = arg
        elif op == "ret": pc = calls.pop()
        elif op == "print": out.append(stack.pop())
        elif op == "halt": return out, steps, stack
        else: raise ValueError("unknown op " + op)

countdown = """
    push 5
loop:
    dup
    print
    push 1
    sub
    dup
    jz done
    jmp loop
done:
    halt
"""
print(run(assemble(countdown)))

factorial = """
    push 1        ; acc
    push 10       ; n
loop:
    dup
    jz end
    dup           ; acc n n
    call mulacc
    push 1
    sub
    jmp loop
end:
    pop
    print
    halt
mulacc:           ; acc n n -> acc*n n
    swap          ; acc n n -> acc n n (n twice, swap no-op on equal)
    pop           ; acc n
    swap          ; n acc
    over          ; n acc n
    mul           ; n acc*n
    swap          ; acc*n n
    ret
"""
print(run(assemble(factorial)))

sumsq = """
    push 0        ; acc
    push 10       ; n
loop:
    dup
    jz end
    dup
    dup
    mul           ; acc n n*n
    rot           ; n n*n acc
    add           ; n acc'
    swap          ; acc' n
    push 1
    sub
    jmp loop
end:
    pop
    print
    halt
"""
out, steps, stack = run(assemble(sumsq))
print(out, steps, stack)
try:
    run(assemble("push 1\nbogus\nhalt"))
except ValueError as e:
    print(e)
