/* mod_micropython.c: the micropython module.
 *
 * schedule() queues (function, argument) pairs in a small fixed ring, like
 * MicroPython's, and raises py_pending; py_handle_pending (runtime) calls
 * py_run_scheduled to run them between bytecodes (at calls and backward
 * jumps).  The ring is a GC root.
 * native/viper/asm_thumb are decorators that return the function unchanged:
 * the code still runs, as bytecode. */
#include <stdio.h>

#include "runtime.h"
#include "sysio.h"

#define SCHED_DEPTH 8

static py_val_t sched_q[SCHED_DEPTH * 2];
static int sched_head, sched_count;
static bool sched_rooted;
int py_kbd_intr_char = 3;
void *py_stack_base_hint;

static void sched_mark(void) { py_gc_mark_array(sched_q, SCHED_DEPTH * 2); }

int py_scheduled_count(void) { return sched_count; }

/* A callback's exception does not reach the interrupted code: as on
 * MicroPython it is printed to stdout and the program goes on.  SystemExit
 * still ends the program. */
__attribute__((noinline)) static void run_protected(py_val_t fn, py_val_t arg) {
    py_try_t t;
    if (py_try(&t)) {
        py_call1(fn, arg);
        py_try_end(&t);
        return;
    }
    if (py_exc_matches(t.exc, py_obj(&py_type_SystemExit))) py_raise(t.exc);
    py_print_exception(t.exc, py_cur_stdout());
}

/* Callbacks do not nest: one scheduled from inside a callback runs after it
 * returns (MicroPython locks the scheduler while a callback runs). */
static bool sched_running;

__attribute__((noinline)) static void run_queue(void) {
    while (sched_count > 0) {
        py_val_t fn = sched_q[sched_head * 2], arg = sched_q[sched_head * 2 + 1];
        sched_q[sched_head * 2] = sched_q[sched_head * 2 + 1] = PY_NONE;
        sched_head = (sched_head + 1) % SCHED_DEPTH;
        sched_count--;
        run_protected(fn, arg);
    }
}

void py_run_scheduled(void) {
    /* not inside a soft callback, nor inside a hard IRQ handler (the
     * scheduler is locked there; py_hard_irq_run re-raises py_pending) */
    if (sched_running || py_in_hard_irq) return;
    sched_running = true;
    py_try_t t;
    if (py_try(&t)) {
        run_queue();
        py_try_end(&t);
        sched_running = false;
        return;
    }
    sched_running = false;
    py_raise(t.exc);
}

/* A board reset: what was scheduled never runs. */
void py_schedule_clear(void) {
    for (int i = 0; i < SCHED_DEPTH * 2; i++) sched_q[i] = PY_NONE;
    sched_head = sched_count = 0;
    sched_running = false;
}

bool py_schedule(py_val_t fn, py_val_t arg) {
    if (!sched_rooted) {
        for (int i = 0; i < SCHED_DEPTH * 2; i++) sched_q[i] = PY_NONE;
        py_gc_add_root_fn(sched_mark);
        sched_rooted = true;
    }
    if (sched_count == SCHED_DEPTH) return false;
    int slot = (sched_head + sched_count) % SCHED_DEPTH;
    sched_q[slot * 2] = fn;
    sched_q[slot * 2 + 1] = arg;
    sched_count++;
    py_pending = 1;
    return true;
}

static py_val_t m_schedule(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_schedule(argv[0], argv[1])) py_raise_msg(&py_type_RuntimeError, "schedule queue full");
    return PY_NONE;
}

static py_val_t m_identity(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static py_val_t m_opt_level(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 0) return py_small(py_opt_level);
    py_opt_level = (int)py_to_i64(argv[0]);
    return PY_NONE;
}

static void out(const char *s) {
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s", s);
    py_write_to(py_cur_stdout(), buf, (size_t)n);
}

static py_val_t m_mem_info(int argc, const py_val_t *argv, py_val_t kw) {
    char buf[320];
    size_t used = py_gc_bytes_used(), free_ = py_gc_bytes_free();
    long su = 0, limit = 0;
    if (py_stack_base_hint) {
        su = (long)((char *)py_stack_base_hint - (char *)&buf);
        if (su < 0) su = -su;
        if (py_stack_limit) limit = (long)((char *)py_stack_base_hint - py_stack_limit);
    }
    /* the same three lines MicroPython prints; the block counts have no
     * meaning for this collector and are reported as a summary */
    snprintf(buf, sizeof buf,
             "stack: %ld out of %ld\nGC: total: %zu, used: %zu, free: %zu\n"
             " No. of 1-blocks: 0, 2-blocks: 0, max blk sz: 0, max free sz: %zu\n",
             su, limit, used + free_, used, free_, free_ / 16);
    out(buf);
    return PY_NONE;
}

static py_val_t m_qstr_info(int argc, const py_val_t *argv, py_val_t kw) {
    out("qstr pool: n_pool=1, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n");
    return PY_NONE;
}

static py_val_t m_stack_use(int argc, const py_val_t *argv, py_val_t kw) {
    char here;
    if (!py_stack_base_hint) return py_small(0);
    ptrdiff_t d = (char *)py_stack_base_hint - &here;
    return py_small(d < 0 ? -d : d);
}

/* heap_lock nests: the heap stays locked until as many unlocks. */
static int heap_lock_depth;

static py_val_t m_heap_lock(int argc, const py_val_t *argv, py_val_t kw) {
    if (heap_lock_depth++ == 0) py_gc_lock();
    return PY_NONE;
}
static py_val_t m_heap_unlock(int argc, const py_val_t *argv, py_val_t kw) {
    if (heap_lock_depth > 0 && --heap_lock_depth == 0) py_gc_unlock();
    return py_small(heap_lock_depth);
}
static py_val_t m_heap_locked(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(py_gc_is_locked() ? (heap_lock_depth ? heap_lock_depth : 1) : 0);
}

void py_heap_unlock_all(void) {
    heap_lock_depth = 0;
    py_gc_unlock();
}

/* The emergency buffer lets boards raise in interrupt handlers; MemoryError
 * and tracebacks here never need one, so the size is accepted and ignored. */
static py_val_t m_alloc_emergency_exception_buf(int argc, const py_val_t *argv, py_val_t kw) {
    (void)py_to_i64(argv[0]);
    return PY_NONE;
}
static py_val_t m_kbd_intr(int argc, const py_val_t *argv, py_val_t kw) {
    py_kbd_intr_char = (int)py_to_i64(argv[0]);
    return PY_NONE;
}

static const py_method_def_t micropython_functions[] = {
    {"const", m_identity, 1, 1, 0},
    {"opt_level", m_opt_level, 0, 1, 0},
    {"mem_info", m_mem_info, 0, 1, 0},
    {"qstr_info", m_qstr_info, 0, 1, 0},
    {"stack_use", m_stack_use, 0, 0, 0},
    {"heap_lock", m_heap_lock, 0, 0, 0},
    {"heap_unlock", m_heap_unlock, 0, 0, 0},
    {"heap_locked", m_heap_locked, 0, 0, 0},
    {"kbd_intr", m_kbd_intr, 1, 1, 0},
    {"alloc_emergency_exception_buf", m_alloc_emergency_exception_buf, 1, 1, 0},
    {"schedule", m_schedule, 2, 2, 0},
    {"native", m_identity, 1, 1, 0},
    {"viper", m_identity, 1, 1, 0},
    {"asm_thumb", m_identity, 1, 1, 0},
    PY_MF_END,
};

extern py_type_t py_type_ringio; /* obj_ringio.c */

static void micropython_init(py_val_t m) {
    py_type_init_builtin(&py_type_ringio);
    py_module_add(m, "RingIO", py_obj(&py_type_ringio));
}

const py_module_def_t py_module_micropython = {"micropython", micropython_functions, micropython_init};
