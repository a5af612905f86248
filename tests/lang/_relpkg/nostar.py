p2 = 1
_hidden = 2
