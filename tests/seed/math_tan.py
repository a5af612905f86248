# board: nano-rp2040
# reference: micropython-reference.md, "Math > tan()" (line 622)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import math

# Specify the angle in radians
angle_in_radians = math.radians(60)

# Calculate the tangent of the angle
tangent_value = math.tan(angle_in_radians)

# Print the result
print(f"The tangent of {angle_in_radians} radians is: {tangent_value}")
