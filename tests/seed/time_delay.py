# board: nano-rp2040
# reference: micropython-reference.md, "Time > delay()" (line 266)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import time

time.sleep(1) #freeze program for 1 seconds
