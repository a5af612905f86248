print("a", "b", sep="-", end="!\n")
print()
print("no newline", end="")
print(" then")
print(*[1, 2, 3], sep=", ")
print("x", 1, 2.5, None, True, [1, "a"], {"k": (1,)}, sep="|")
import sys
print("to stdout", file=sys.stdout)
sys.stdout.write("written\n")
