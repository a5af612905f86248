# less common str methods: capitalize, title, swapcase, istitle, isidentifier,
# zfill, expandtabs, removeprefix/removesuffix, casefold-free comparisons
print("hello world".capitalize(), "HELLO".capitalize(), repr("".capitalize()), "1abc".capitalize())
print("hello world".title(), "they're bill's".title(), "a1b c2d".title(), "UPPER lower".title())
print("Hello World".swapcase(), "ABCdef123".swapcase())
print("Title Case".istitle(), "not Title".istitle(), "".istitle(), "A".istitle())
print("abc".isidentifier(), "1abc".isidentifier(), "_x".isidentifier(), "a-b".isidentifier(), "".isidentifier())
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(2)), repr("x\ty".expandtabs(1)))
print(repr("prefix_value".removeprefix("prefix_")), repr("value.txt".removesuffix(".txt")))
print(repr("abc".removeprefix("x")), repr("abc".removesuffix("")), repr("aaa".removeprefix("a")))
print("3".isdecimal(), "3".isnumeric(), "x".isdecimal())
print("ab".isascii(), "".isascii())
for w in ["python", "PYTHON", "pYtHoN"]:
    print(w.capitalize(), w.title(), w.swapcase())
