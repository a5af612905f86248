s = "0123456789"
for args in [(None, None, 2), (1, None, 3), (None, None, -1), (8, 2, -2), (-3, None, None), (None, -3, None), (5, 5, None), (20, None, None), (-20, 3, None), (None, None, -3)]:
    print(args, s[slice(*args)])
print(s[::-1][::-1] == s, s[len(s):], s[-1:-4:-1])
