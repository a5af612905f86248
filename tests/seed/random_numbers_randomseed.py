# board: nano-rp2040
# reference: micropython-reference.md, "Random Numbers > randomSeed()" (line 833)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import random
import time

# Seed the random number generator with the current time
seed_value = int(time.time())
random.seed(seed_value)

# Generate random numbers using the seeded generator
random_number = random.randint(1,100)
print(random_number)
