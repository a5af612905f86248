# platform: only the shape of the answers (their text describes the host)
import platform

s = platform.platform()
print(type(s), len(s) > 0, "-" in s)
print(type(platform.python_compiler()))
lib = platform.libc_ver()
print(type(lib), len(lib), type(lib[0]), type(lib[1]))
