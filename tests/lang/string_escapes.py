print("a\tb\\n", 'it\'s', "say \"hi\"", "\x41\x42", "\101", "\u00e9", r"raw\n", len("\n"), b"\x00\x01".hex())
s = """triple
quoted "string"
"""
print(s, end="")
print('''single ''' + "concat" "enated")
print("multi" \
      "line")
x = ("implicit "
     "join")
print(x, repr("\r\n"), repr("\x1b"), repr("\\"))
