s = "a,b;c d"
print(s.split(","), s.split(";"), s.replace(";", ",").split(","))
print("  many   spaces here ".split(), "a\tb\nc".split(), "x".split("x"))
print(",".join("abc"), "|".join(map(str, [1, 2, 3])), "".join(reversed("abc")))
print("one two three".split(" ", 1), "one two three".rsplit(" ", 1), "a b".split(None, 0))
print("1,2,3".split(",", maxsplit=1), "path/to/file.txt".rsplit("/", 1)[-1], "file.tar.gz".split(".", 1))
print("".join([]), "-".join(["only"]), " ".join(["a", "b"]).split(" "))
lines = "l1\nl2\n\nl4"
print(lines.split("\n"), lines.splitlines(), len(lines.splitlines()))
