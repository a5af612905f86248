for spec in ["", "10", "<10", ">10", "^10", "*^10", "+", " ", "08.3f", ".2e", ".3g", ",", "_", "x", "#X", "b", "%", ".1%", "e", "n"]:
    try:
        print(repr(spec), repr(format(1234.5678 if "x" not in spec.lower() and "b" not in spec else 1234, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError", e)
print(format("text", "^12"), format("t", "-<3"), format(True, "d"), format(None, ""), format(-0.0, "+.1f"))
print(format(123, "010"), format(-123, "010"), format(123, "=+10"), format(3.0, ""), format(1e100, ".3"))
print(format(float("inf"), ""), format(float("nan"), "f"), format(0.000012345, ".3"), format(12345678.9, "g"))
