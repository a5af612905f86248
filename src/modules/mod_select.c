/* mod_select.c: the select module: poll objects (MicroPython's preferred
 * API) and select.select, over the host's poll(2).
 *
 * A registered object is reached one of three ways, tried in order:
 *   - an int is a file descriptor;
 *   - an object with fileno() (files, sys.stdin) is polled by that fd;
 *   - an object with an ioctl(request, arg) method follows MicroPython's
 *     stream protocol: ioctl(3, mask) (3 is MP_STREAM_POLL) returns the
 *     subset of mask that is ready now.  Such objects are asked again after
 *     every board event and IRQ handler while the wait goes on.
 * Anything else raises TypeError, as CPython does.
 *
 * poll.poll() returns [(obj, events), ...] with the registered object itself
 * (MicroPython's form; for int registrations this equals CPython's).
 * ipoll(timeout, flags) returns an iterator over the same tuples; flags & 1
 * makes it one-shot: a reported entry's mask is cleared until modify().
 * POLLHUP/POLLERR are always reported, whatever the mask, as POSIX says.
 * modify() of an unregistered object raises OSError(ENOENT); unregister()
 * of one is ignored (MicroPython) rather than a KeyError (CPython).
 * Timeouts are milliseconds for poll, seconds (float) for select, of the
 * board's virtual time (a poll(1000) with nothing ready is a one-second
 * sleep: board events and soft IRQ handlers run meanwhile); negative or
 * None waits forever.  fd 0 (sys.stdin) is the board's console: ready when
 * a stimulus `serial` byte has arrived (board_console.h), the process's
 * stdin itself once the stimulus is over.  Signals interrupt the wait only
 * to run pending handlers (Ctrl-C raises KeyboardInterrupt). */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>

#include "modules/board_console.h"
#include "modules/board_runtime.h"
#include "py/runtime.h"

#define STREAM_POLL_IOCTL 3

typedef struct {
    py_val_t obj;
    py_val_t ioctl; /* bound ioctl when polled by the stream protocol, else PY_NULL */
    int fd;         /* -1 for ioctl streams */
    int mask;
} entry_t;

typedef struct {
    py_obj_t h;
    entry_t *e; /* raw payload */
    size_t len, cap;
} poll_t;

static py_type_t type_poll;

static poll_t *as_poll(py_val_t v) {
    if (!py_is_obj(v) || !py_is_subtype(py_obj_type(v), &type_poll))
        py_raise_type_error_arg("poll", "poll", v);
    return py_as_ptr(v);
}

/* How obj is polled: fills fd or ioctl. */
static void classify(py_val_t obj, int *fd, py_val_t *ioctl) {
    *fd = -1;
    *ioctl = PY_NULL;
    if (py_is_int(obj)) {
        int64_t n = py_to_i64(obj);
        if (n < 0)
            py_raise_msg(&py_type_ValueError, "file descriptor cannot be a negative integer (%lld)",
                         (long long)n);
        *fd = (int)n;
        return;
    }
    py_val_t f = py_getattr_opt(obj, py_intern("fileno"));
    if (!py_is_null(f)) {
        py_val_t r = py_call0(f);
        if (!py_is_int(r)) py_raise_msg(&py_type_TypeError, "fileno() returned a non-integer");
        int64_t n = py_to_i64(r);
        if (n < 0)
            py_raise_msg(&py_type_ValueError, "file descriptor cannot be a negative integer (%lld)",
                         (long long)n);
        *fd = (int)n;
        return;
    }
    py_val_t io = py_getattr_opt(obj, py_intern("ioctl"));
    if (!py_is_null(io)) {
        *ioctl = io;
        return;
    }
    py_raise_msg(&py_type_TypeError, "argument must be an int, or have a fileno() method.");
}

static ssize_t find(poll_t *p, py_val_t obj) {
    for (size_t i = 0; i < p->len; i++)
        if (p->e[i].obj == obj || py_eq(p->e[i].obj, obj)) return (ssize_t)i;
    return -1;
}

static int mask_arg(py_val_t v) { return (int)py_to_i64(v) & 0xFFFF; }

/* ------------------------------------------------------------- waiting */

/* One look at every entry, now, without waiting: ioctl streams are asked,
 * file descriptors polled with a zero timeout, and fd 0 (sys.stdin) is the
 * board's console while that decides (stimulus bytes on the virtual clock).
 * `host` tells that some fd was not ready and can only become ready in
 * wall time (a pipe, a terminal); `until` is when the console's "not yet"
 * may change without a board event (the stimulus's end). */
typedef struct {
    const entry_t *e;
    size_t n;
    int *revents;
    struct pollfd *fds; /* [n], host fds only */
    size_t *which;      /* [n]: fds[k] is entry which[k] */
    size_t nfd;         /* host fds in the last look */
    bool host;
    bd_time_t until;
} look_t;

static size_t look(look_t *l) {
    size_t ready = 0, nfd = 0;
    l->host = false;
    l->until = BD_TIME_NEVER;
    for (size_t i = 0; i < l->n; i++) {
        const entry_t *e = &l->e[i];
        l->revents[i] = 0;
        if (!e->mask) continue; /* a cleared one-shot entry */
        if (!py_is_null(e->ioctl)) {
            py_val_t r = py_call2(e->ioctl, py_small(STREAM_POLL_IOCTL), py_small(e->mask));
            int ev = py_is_int(r) ? (int)py_to_i64(r) : 0;
            if (ev < 0) ev = POLLERR; /* an error code from the stream */
            l->revents[i] = ev & (e->mask | POLLERR | POLLHUP);
        } else if (e->fd == 0 && (e->mask & POLLIN)) {
            bd_time_t until;
            int c = mod_console_ready(&until);
            if (c >= 0) {
                if (c) l->revents[i] = POLLIN;
                if (until < l->until) l->until = until;
                if (l->revents[i]) ready++;
                continue;
            }
        }
        if (py_is_null(e->ioctl)) {
            l->fds[nfd].fd = e->fd;
            l->fds[nfd].events = (short)e->mask;
            l->fds[nfd].revents = 0;
            l->which[nfd++] = i;
        }
        if (l->revents[i]) ready++;
    }
    if (nfd) {
        int r;
        while ((r = poll(l->fds, (nfds_t)nfd, 0)) < 0 && errno == EINTR) {
        }
        if (r < 0) {
            int err = errno;
            py_val_t args[2] = {py_small(err), py_str_from_cstr(strerror(err))};
            py_raise(py_exc_new_args(&py_type_OSError, 2, args));
        }
        for (size_t k = 0; k < nfd; k++) {
            l->revents[l->which[k]] = l->fds[k].revents;
            if (l->fds[k].revents) ready++;
            else l->host = true;
        }
    }
    l->nfd = nfd;
    return ready;
}

static bool look_ready(void *ctx) { return look(ctx) > 0; }

/* Waits up to timeout_ms (-1: forever) of virtual time on n entries, as
 * the port's poll loop does: board events and soft IRQ handlers run
 * meanwhile and readiness is looked at after each.  While a host fd that is
 * not ready is waited on, time moves in steps of a millisecond, each also
 * a millisecond of wall time (the host's input cannot come faster), so
 * poll(1000) on an idle pipe takes a second even under --speed max, as on
 * the host.  Fills revents[i]; returns the number of ready entries. */
static size_t wait_entries(const entry_t *e, size_t n, int *revents, int64_t timeout_ms) {
    struct pollfd stackfds[16];
    size_t stackwhich[16];
    struct pollfd *fds = n <= 16 ? stackfds : py_raw_alloc(n * sizeof *fds);
    size_t *which = n <= 16 ? stackwhich : py_raw_alloc(n * sizeof *which);
    look_t l = {e, n, revents, fds, which, 0, false, BD_TIME_NEVER};
    bd_time_t now = mod_board_now();
    bd_time_t deadline = timeout_ms < 0 || timeout_ms > 1000000000000 ? BD_TIME_NEVER
                                                                      : now + (bd_time_t)timeout_ms * 1000000u;
    size_t ready;
    for (;;) {
        ready = look(&l);
        bd_board_t *b = mod_board();
        if (ready || b->sched.now >= deadline) break;
        bd_time_t step = deadline;
        if (l.until < step) step = l.until;
        if (l.host) {
            /* a pipe or a terminal becomes ready in wall time, whatever
             * --speed says: wait for it a millisecond of wall time (less
             * if it gets ready), then let a millisecond of virtual time
             * pass (pacing finds that wall time already spent) */
            if (poll(fds, (nfds_t)l.nfd, 1) < 0 && errno == EINTR && py_pending) py_handle_pending();
            if (b->sched.now + 1000000u < step) step = b->sched.now + 1000000u;
        }
        mod_board_idle_for(step, look_ready, &l);
    }
    if (fds != stackfds) py_raw_free(fds);
    if (which != stackwhich) py_raw_free(which);
    return ready;
}

/* Raw blocks are not traced: the values an entry array holds are also put in
 * a list the caller keeps in a local, so a collection during an ioctl call
 * (which may unregister things) cannot free them. */
static py_val_t keep_alive(const entry_t *e, size_t n) {
    py_val_t keep = py_list_new(0);
    for (size_t i = 0; i < n; i++) {
        py_list_append(keep, e[i].obj);
        if (!py_is_null(e[i].ioctl)) py_list_append(keep, e[i].ioctl);
    }
    return keep;
}

static int64_t timeout_ms_arg(int argc, const py_val_t *argv, int i) {
    if (argc <= i || py_is_none(argv[i])) return -1;
    if (py_is_float(argv[i])) {
        double d = py_as_float(argv[i]);
        return d < 0 ? -1 : (int64_t)ceil(d);
    }
    int64_t t = py_to_i64(argv[i]);
    return t < 0 ? -1 : t;
}

/* ------------------------------------------------------------- methods */

static py_val_t p_register(int argc, const py_val_t *argv, py_val_t kw) {
    poll_t *p = as_poll(argv[0]);
    int mask = argc > 2 ? mask_arg(argv[2]) : POLLIN | POLLOUT;
    int fd;
    py_val_t io;
    classify(argv[1], &fd, &io);
    ssize_t i = find(p, argv[1]);
    if (i < 0) {
        if (p->len == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 4;
            p->e = p->e ? py_raw_realloc(p->e, cap * sizeof(entry_t)) : py_raw_alloc(cap * sizeof(entry_t));
            p->cap = cap;
        }
        i = (ssize_t)p->len++;
        p->e[i].obj = argv[1];
    }
    p->e[i].fd = fd;
    p->e[i].ioctl = io;
    p->e[i].mask = mask;
    return PY_NONE;
}

static py_val_t p_unregister(int argc, const py_val_t *argv, py_val_t kw) {
    poll_t *p = as_poll(argv[0]);
    ssize_t i = find(p, argv[1]);
    if (i >= 0) {
        memmove(p->e + i, p->e + i + 1, (p->len - (size_t)i - 1) * sizeof(entry_t));
        p->len--;
    }
    return PY_NONE;
}

static py_val_t p_modify(int argc, const py_val_t *argv, py_val_t kw) {
    poll_t *p = as_poll(argv[0]);
    ssize_t i = find(p, argv[1]);
    if (i < 0) {
        py_val_t args[2] = {py_small(ENOENT), py_str_from_cstr(strerror(ENOENT))};
        py_raise(py_exc_new_args(&py_type_OSError, 2, args));
    }
    p->e[i].mask = mask_arg(argv[2]);
    return PY_NONE;
}

/* Runs one wait and builds the result list; one_shot clears reported masks. */
static py_val_t do_poll(poll_t *p, int64_t timeout, bool one_shot) {
    size_t n = p->len;
    py_val_t out = py_list_new(0);
    if (n == 0 && timeout < 0) return out; /* nothing could ever become ready */
    /* the registrations are copied: ioctl callbacks may (un)register meanwhile */
    entry_t *copy = n ? py_raw_alloc(n * sizeof(entry_t)) : NULL;
    int *rev = n ? py_raw_alloc(n * sizeof(int)) : NULL;
    if (n) memcpy(copy, p->e, n * sizeof(entry_t));
    volatile py_val_t keep = keep_alive(copy, n);
    wait_entries(copy, n, rev, timeout);
    (void)keep;
    for (size_t i = 0; i < n; i++) {
        if (!rev[i]) continue;
        py_list_append(out, py_tuple_pack(2, copy[i].obj, py_small(rev[i])));
        if (one_shot) {
            ssize_t k = find(p, copy[i].obj);
            if (k >= 0) p->e[k].mask = 0;
        }
    }
    py_raw_free(copy);
    py_raw_free(rev);
    return out;
}

static py_val_t p_poll(int argc, const py_val_t *argv, py_val_t kw) {
    return do_poll(as_poll(argv[0]), timeout_ms_arg(argc, argv, 1), false);
}

static py_val_t p_ipoll(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t flags = argc > 2 ? py_to_i64(argv[2]) : 0;
    return py_iter(do_poll(as_poll(argv[0]), timeout_ms_arg(argc, argv, 1), (flags & 1) != 0));
}

static void poll_trace(py_obj_t *self) {
    poll_t *p = (poll_t *)self;
    py_gc_mark_raw(p->e);
    for (size_t i = 0; i < p->len; i++) {
        py_gc_mark(p->e[i].obj);
        py_gc_mark(p->e[i].ioctl);
    }
}

static void poll_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_printf(sb, "<poll object at %p>", py_as_ptr(self));
}

static const py_method_def_t poll_methods[] = {
    {"register", p_register, 2, 3, 0}, {"unregister", p_unregister, 2, 2, 0}, {"modify", p_modify, 3, 3, 0},
    {"poll", p_poll, 1, 2, 0},         {"ipoll", p_ipoll, 1, 3, 0},           PY_MF_END,
};

static py_type_t type_poll = {
    .h = {&py_type_type},
    .name = "poll",
    .instance_size = sizeof(poll_t),
    .base = &py_type_object,
    .methods = poll_methods,
    .print = poll_print,
    .trace = poll_trace,
};

/* ---------------------------------------------------------- functions */

static py_val_t s_poll(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_init_builtin(&type_poll);
    return py_obj(py_gc_alloc(&type_poll, sizeof(poll_t)));
}

/* select(rlist, wlist, xlist[, timeout]): built on a temporary poll set. */
static py_val_t s_select(int argc, const py_val_t *argv, py_val_t kw) {
    static const int masks[3] = {POLLIN, POLLOUT, POLLPRI};
    py_val_t lists[3];
    for (int k = 0; k < 3; k++) lists[k] = py_list_from_iter(argv[k]);
    int64_t timeout = -1;
    if (argc > 3 && !py_is_none(argv[3])) {
        double t = py_to_double(argv[3]);
        if (t < 0) py_raise_msg(&py_type_ValueError, "timeout must be non-negative");
        timeout = (int64_t)ceil(t * 1000.0);
    }
    size_t n = 0;
    for (int k = 0; k < 3; k++) n += py_as_list(lists[k])->len;
    entry_t *e = n ? py_raw_alloc(n * sizeof(entry_t)) : NULL;
    int *rev = n ? py_raw_alloc(n * sizeof(int)) : NULL;
    int *which = n ? py_raw_alloc(n * sizeof(int)) : NULL;
    size_t i = 0;
    volatile py_val_t keep = py_list_new(0); /* the ioctl methods, which only e[] refers to */
    for (int k = 0; k < 3; k++) {
        py_list_t *l = py_as_list(lists[k]);
        for (size_t j = 0; j < l->len; j++, i++) {
            e[i].obj = l->items[j];
            classify(l->items[j], &e[i].fd, &e[i].ioctl);
            if (!py_is_null(e[i].ioctl)) py_list_append(keep, e[i].ioctl);
            e[i].mask = masks[k];
            which[i] = k;
        }
    }
    if (n)
        wait_entries(e, n, rev, timeout);
    else if (timeout > 0)
        mod_board_sleep_until(mod_board_now() + (bd_time_t)timeout * 1000000u); /* a sleep on the board */
    (void)keep;
    py_val_t out[3] = {py_list_new(0), py_list_new(0), py_list_new(0)};
    for (i = 0; i < n; i++) {
        int k = which[i];
        /* an error or hang-up makes a read/write candidate ready (its I/O will not block) */
        int hit = rev[i] & (masks[k] | (k < 2 ? POLLERR | POLLHUP : 0));
        if (hit) py_list_append(out[k], e[i].obj);
    }
    py_raw_free(e);
    py_raw_free(rev);
    py_raw_free(which);
    return py_tuple_from_array(3, out);
}

static const py_method_def_t select_functions[] = {
    {"poll", s_poll, 0, 0, 0},
    {"select", s_select, 3, 4, 0},
    PY_MF_END,
};

static void select_init(py_val_t m) {
    py_type_init_builtin(&type_poll);
    py_module_add(m, "POLLIN", py_small(POLLIN));
    py_module_add(m, "POLLPRI", py_small(POLLPRI));
    py_module_add(m, "POLLOUT", py_small(POLLOUT));
    py_module_add(m, "POLLERR", py_small(POLLERR));
    py_module_add(m, "POLLHUP", py_small(POLLHUP));
    py_module_add(m, "POLLNVAL", py_small(POLLNVAL));
}

const py_module_def_t py_module_select = {"select", select_functions, select_init};
