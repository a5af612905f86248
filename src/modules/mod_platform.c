/* mod_platform.c: the platform module as MicroPython documents it.
 *
 * platform() joins, with dashes, the system name ("Breadboard"), the
 * MicroPython version Breadboard is compatible with, the host architecture,
 * the Breadboard version, and "with-" the C library and its version, e.g.
 * "Breadboard-1.27.0-x86_64-v0.1.0-with-glibc2.36".  python_compiler() names
 * the C compiler that built the interpreter; libc_ver() is (lib, version),
 * empty strings when the C library does not say.  Everything except the
 * architecture, compiler and libc parts is fixed, so programs can rely on
 * the leading "Breadboard-". */
#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

#include "py/runtime.h"

#define BB_VERSION "v0.1.0"
#define MP_COMPAT_VERSION "1.27.0"

#if defined(__x86_64__)
#define ARCH "x86_64"
#elif defined(__aarch64__)
#define ARCH "aarch64"
#elif defined(__arm__)
#define ARCH "arm"
#elif defined(__riscv)
#define ARCH "riscv"
#elif defined(__i386__)
#define ARCH "i686"
#else
#define ARCH "unknown"
#endif

static void libc(const char **name, const char **ver) {
#if defined(__GLIBC__)
    *name = "glibc";
    *ver = gnu_get_libc_version();
#else
    *name = "";
    *ver = "";
#endif
}

static py_val_t pf_platform(int argc, const py_val_t *argv, py_val_t kw) {
    const char *lib, *ver;
    libc(&lib, &ver);
    if (*lib)
        return py_str_printf("Breadboard-%s-%s-%s-with-%s%s", MP_COMPAT_VERSION, ARCH, BB_VERSION, lib, ver);
    return py_str_printf("Breadboard-%s-%s-%s", MP_COMPAT_VERSION, ARCH, BB_VERSION);
}

static py_val_t pf_python_compiler(int argc, const py_val_t *argv, py_val_t kw) {
#if defined(__clang__)
    return py_str_printf("Clang %d.%d.%d", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
    return py_str_printf("GCC %d.%d.%d", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
    return py_str_from_cstr("");
#endif
}

static py_val_t pf_libc_ver(int argc, const py_val_t *argv, py_val_t kw) {
    const char *lib, *ver;
    libc(&lib, &ver);
    return py_tuple_pack(2, py_str_from_cstr(lib), py_str_from_cstr(ver));
}

static py_val_t pf_processor(int argc, const py_val_t *argv, py_val_t kw) { return py_str_from_cstr(""); }

static const py_method_def_t platform_functions[] = {
    {"platform", pf_platform, 0, 2, PY_MF_KW}, /* CPython's aliased/terse flags are accepted and ignored */
    {"python_compiler", pf_python_compiler, 0, 0, 0},
    {"libc_ver", pf_libc_ver, 0, 4, PY_MF_KW},
    {"processor", pf_processor, 0, 0, 0},
    PY_MF_END,
};

const py_module_def_t py_module_platform = {"platform", platform_functions, NULL};
