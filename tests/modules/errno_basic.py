# errno: constants and the errorcode map
import errno

names = ["EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "EBADF", "ECHILD", "EAGAIN", "EWOULDBLOCK",
         "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE",
         "EMFILE", "ENOTTY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK",
         "ENAMETOOLONG", "ENOSYS", "ENOTEMPTY", "ELOOP", "ENOTSOCK", "EMSGSIZE", "EOPNOTSUPP", "ENOTSUP",
         "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ECONNABORTED", "ECONNRESET",
         "ENOBUFS", "EISCONN", "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS",
         "ECANCELED"]
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v])
print(errno.EAGAIN == errno.EWOULDBLOCK, type(errno.errorcode).__name__, len(errno.errorcode) > 50)
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
print(sorted(errno.errorcode.items())[:5])
try:
    raise OSError(errno.ENOENT, "missing")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], e.args)
try:
    open("/nonexistent/dir/file")
except OSError as e:
    print(errno.errorcode[e.errno])
