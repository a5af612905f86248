# board: nano-rp2040
# reference: micropython-reference.md, "Math > sqrt()" (line 586)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import math

result = math.sqrt(16)  # Result will be 4.0
