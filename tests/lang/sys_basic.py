# oracle: micropython
import sys
print(sys.implementation.name, type(sys.argv), sys.byteorder)
print(sys.maxsize >= 2 ** 31 - 1, type(sys.path), sys.version_info[0])
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.args)
sys.stdout.write("written\n")
