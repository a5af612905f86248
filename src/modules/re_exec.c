/* re_exec.c: runs a compiled pattern (re_compile.c) over a subject.
 *
 * A backtracking machine with an explicit stack of choice points, so neither
 * the pattern nor the input length can overflow the C stack.  Entries:
 *   BRANCH  (pc, pos)        an untried alternative of OP_SPLIT;
 *   RESTORE (slot, old)      undoes a capture/register write when popped;
 *   GREEDY  (rep pc, pos, lo) a greedy OP_REP that can give back units down to lo;
 *   LAZY    (rep pc, pos, n)  a lazy OP_REP that can take one more unit;
 *   LOOK    (look pc, pos)    a look-around (or atomic group) barrier.
 * Captures are undone only through RESTORE records, so committing a
 * look-ahead or atomic group drops the alternatives above its barrier but
 * keeps those records.  The loop polls for Ctrl-C every 65536 failures so a
 * runaway pattern can be interrupted.
 *
 * The body lives in re_vm.h, instantiated for byte and code point units.
 */
#include <string.h>

#include "modules/re_int.h"

enum { BT_BRANCH, BT_RESTORE, BT_GREEDY, BT_LAZY, BT_LOOK };

typedef struct {
    int32_t kind;
    int32_t pc;
    ssize_t pos;
    ssize_t aux;
} bt_t;

#define LOCAL_STACK 64
#define LOCAL_SLOTS 32

typedef struct {
    bt_t *stack; /* local[] or a raw GC block (kept alive by this struct on the C stack) */
    size_t sp, cap;
    ssize_t *slots;
    unsigned fails;
    bt_t local[LOCAL_STACK];
} vm_t;

static void grow_stack(vm_t *vm) {
    size_t nc = vm->cap * 2;
    if (nc > ((size_t)1 << 40) / sizeof(bt_t)) py_raise_no_memory();
    bt_t *n;
    if (vm->stack == vm->local) {
        n = py_raw_alloc(nc * sizeof(bt_t));
        memcpy(n, vm->local, sizeof vm->local);
    } else {
        n = py_raw_realloc(vm->stack, nc * sizeof(bt_t));
    }
    vm->stack = n;
    vm->cap = nc;
}

static inline void push(vm_t *vm, int kind, int32_t pc, ssize_t pos, ssize_t aux) {
    if (vm->sp == vm->cap) grow_stack(vm);
    bt_t *e = &vm->stack[vm->sp++];
    e->kind = kind;
    e->pc = pc;
    e->pos = pos;
    e->aux = aux;
}

static inline uint32_t fold(uint32_t c, int uni) {
    if (c < 128) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return uni ? mod_re_lower(c, 1) : c;
}

static inline int class_has(const re_class_t *k, const uint32_t *ranges, uint32_t c) {
    if (c < 256) return k->bits[c >> 5] >> (c & 31) & 1;
    return mod_re_class_test(ranges, k, c);
}

#define UNIT uint8_t
#define FN(x) x##_8
#include "re_vm.h"
#undef UNIT
#undef FN

#define UNIT uint32_t
#define FN(x) x##_32
#include "re_vm.h"
#undef UNIT
#undef FN

int mod_re_exec(const re_prog_t *p, const re_subject_t *s, ssize_t start, int mode, int must_advance,
                ssize_t *out) {
    vm_t vm;
    vm.stack = vm.local;
    vm.sp = 0;
    vm.cap = LOCAL_STACK;
    vm.fails = 0;
    ssize_t local_slots[LOCAL_SLOTS];
    vm.slots = p->nslots <= LOCAL_SLOTS ? local_slots : py_raw_alloc(sizeof(ssize_t) * (size_t)p->nslots);
    if (start > s->len) return 0;
    int ok = s->wide ? search_32(&vm, p, s->units, s->len, start, mode, must_advance)
                     : search_8(&vm, p, s->units, s->len, start, mode, must_advance);
    if (ok) memcpy(out, vm.slots, sizeof(ssize_t) * (2 * (size_t)p->ngroups + 1));
    return ok;
}
