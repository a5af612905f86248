# split, rsplit, splitlines, partition, rpartition, join
print("a b  c".split(), "a b  c".split(" "), "  lead trail  ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a,b,c".rsplit(",", 0))
print("".split(), "".split(","), ",".split(","), "abc".split("abc"))
print("one  two three".split(None, 1), "one  two three".rsplit(None, 1))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1))
print("x y z".split(maxsplit=1), "x y z".rsplit(maxsplit=1))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__)
print("line1\nline2\r\nline3\rline4".splitlines())
print("a\n\nb\n".splitlines(), "a\nb".splitlines(True), "".splitlines(), "\n".splitlines())
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("=".join(["a", "b"]), "".join([]), ", ".join("abc"), "-".join(str(i) for i in range(4)))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__)
print("\t a \n b \x0b c".split())
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print({r[0]: int(r[1]) for r in rows[1:]})
path = "/usr/local/bin/python"
print(path.rsplit("/", 1)[-1], path.split("/")[1:3], path.rpartition("/")[0])
