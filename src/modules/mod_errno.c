/* mod_errno.c: the errno module: the host's error numbers by name, and
 * errorcode, the reverse map.  Values come from the C library's <errno.h>,
 * so they agree with the OSError.errno values the runtime reports.  Aliases
 * (EWOULDBLOCK, ENOTSUP ...) are listed before the name errorcode maps
 * their number to, because later entries overwrite earlier ones.  The
 * second list holds the Linux-only names. */
#include <errno.h>

#include "py/runtime.h"

/* clang-format off */
#define ERRNO_POSIX(E) \
    E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC) E(EBADF) E(ECHILD) \
    E(EWOULDBLOCK) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(ENOTBLK) E(EBUSY) E(EEXIST) E(EXDEV) \
    E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY) E(ETXTBSY) E(EFBIG) \
    E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(EDOM) E(ERANGE) E(EDEADLK) E(ENAMETOOLONG) \
    E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENOMSG) E(EIDRM) E(ENOSTR) E(ENODATA) E(ETIME) \
    E(ENOSR) E(EREMOTE) E(ENOLINK) E(EPROTO) E(EMULTIHOP) E(EBADMSG) E(EOVERFLOW) E(EILSEQ) \
    E(EUSERS) E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT) \
    E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(EOPNOTSUPP) E(ENOTSUP) E(EPFNOSUPPORT) E(EAFNOSUPPORT) \
    E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN) E(ENETUNREACH) E(ENETRESET) E(ECONNABORTED) \
    E(ECONNRESET) E(ENOBUFS) E(EISCONN) E(ENOTCONN) E(ESHUTDOWN) E(ETOOMANYREFS) E(ETIMEDOUT) \
    E(ECONNREFUSED) E(EHOSTDOWN) E(EHOSTUNREACH) E(EALREADY) E(EINPROGRESS) E(ESTALE) E(EDQUOT) \
    E(ECANCELED) E(EOWNERDEAD) E(ENOTRECOVERABLE)
#define ERRNO_LINUX(E) \
    E(EDEADLOCK) E(ECHRNG) E(EL2NSYNC) E(EL3HLT) E(EL3RST) E(ELNRNG) E(EUNATCH) E(ENOCSI) E(EL2HLT) \
    E(EBADE) E(EBADR) E(EXFULL) E(ENOANO) E(EBADRQC) E(EBADSLT) E(EBFONT) E(ENONET) E(ENOPKG) \
    E(EADV) E(ESRMNT) E(ECOMM) E(EDOTDOT) E(ENOTUNIQ) E(EBADFD) E(EREMCHG) E(ELIBACC) E(ELIBBAD) \
    E(ELIBSCN) E(ELIBMAX) E(ELIBEXEC) E(ERESTART) E(ESTRPIPE) E(EUCLEAN) E(ENOTNAM) E(ENAVAIL) \
    E(EISNAM) E(EREMOTEIO) E(ENOMEDIUM) E(EMEDIUMTYPE) E(ENOKEY) E(EKEYEXPIRED) E(EKEYREVOKED) \
    E(EKEYREJECTED) E(ERFKILL)
/* clang-format on */

static void add(py_val_t m, py_val_t codes, const char *name, int value) {
    py_val_t n = py_intern(name), v = py_small(value);
    py_module_add(m, name, v);
    py_dict_set(codes, v, n);
}

static void errno_init(py_val_t m) {
    py_val_t codes = py_dict_new();
#define E(n) add(m, codes, #n, n);
    ERRNO_POSIX(E)
#ifdef __linux__
    ERRNO_LINUX(E)
#endif
#undef E
    py_module_add(m, "errorcode", codes);
}

const py_module_def_t py_module_errno = {"errno", NULL, errno_init};
