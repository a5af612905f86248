# board: nano-rp2040
# reference: micropython-reference.md, "Math > sin()" (line 604)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import math

# Specify the angle in radians
angle_in_radians = math.radians(30)

# Calculate the sine of the angle
sine_value = math.sin(angle_in_radians)

# Print the result
print(f"The sine of {angle_in_radians} radians is: {sine_value}")

