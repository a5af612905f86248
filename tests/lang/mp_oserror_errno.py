# oracle: micropython
# OSError raised with a lone errno number carries it as .errno (MicroPython drivers test e.errno).
import errno
for args in ((errno.ENODEV,), (errno.EIO, 'io'), ('text',), ()):
    e = OSError(*args)
    print(len(args), e.errno, e.args)
try:
    raise OSError(errno.ETIMEDOUT)
except OSError as e:
    print(e.errno == errno.ETIMEDOUT)
