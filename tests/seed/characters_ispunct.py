# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isPunct()" (line 768)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

def isPunct(char):
    punctuation_chars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    return char in punctuation_chars

print(isPunct("."))
