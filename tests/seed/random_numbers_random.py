# board: nano-rp2040
# reference: micropython-reference.md, "Random Numbers > random()" (line 818)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import random

random_integer = random.randint(1, 10)
print("Random integer between 1 and 10:", random_integer)
