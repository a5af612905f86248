/* vm.h: VM-internal declarations shared by vm.c, obj_func.c and obj_gen.c.
 *
 * Not part of the runtime contract (runtime.h): only the files that make up
 * the virtual machine include it.
 *
 * A frame is a header followed by its locals, its cells, its value stack and
 * its handler blocks, all in one piece of memory.  Ordinary frames live on a
 * VM-owned stack of memory chunks registered with the collector (the whole
 * used part of every chunk is marked as values, so the header keeps every
 * reference it owns in py_val_t fields); generator frames live inside their
 * generator object, which traces them.  Frames link to their caller through
 * `prev`, across C-level entries too, so vm.frame always names the innermost
 * running Python frame.
 */
#ifndef PY_VM_H
#define PY_VM_H

#include "bytecode.h"
#include "runtime.h"

typedef struct {
    uint32_t handler; /* instruction index of the handler */
    uint32_t depth;   /* value-stack depth to cut back to */
} py_block_t;

/* frame flags */
#define PY_FR_ENTRY 0x1 /* entered from C: RETURN_VALUE leaves the dispatch loop */
#define PY_FR_GEN 0x2   /* owned by a generator/coroutine/async generator */

struct py_gen;
typedef struct py_frame {
    /* values (marked by whoever owns the memory) */
    py_val_t func;         /* the function, or PY_NULL for module/exec code */
    py_val_t code_v;       /* the code object as a value */
    py_val_t globals;      /* dict */
    py_val_t locals;       /* namespace for *_NAME ops, PY_NULL in function frames */
    py_val_t builtins;     /* dict */
    py_val_t prev_handled; /* handled exception when the frame was entered/resumed */
    py_val_t gen_v;        /* owning generator, or PY_NULL */
    /* machine state */
    struct py_frame *prev;
    py_code_t *code;
    const uint32_t *ip; /* next instruction (saved at each dispatch) */
    py_val_t *sp;       /* saved value-stack pointer (valid while not running) */
    py_val_t *fast;     /* nlocals locals, then ncells cells */
    py_val_t *stack;    /* stacksize slots */
    py_block_t *blocks; /* maxblocks entries */
    uint32_t nblocks;
    uint32_t flags;
    /* VM stack bookkeeping: where vm.top was before this frame was pushed
     * (restored when it is popped) and just after (restored when an
     * exception is caught in it, which drops frames that were being built) */
    py_val_t *saved_top;
    void *saved_chunk;
    py_val_t *top_after;
    void *chunk_after;
} py_frame_t;

/* Generator states */
enum { PY_GEN_CREATED, PY_GEN_SUSPENDED, PY_GEN_RUNNING, PY_GEN_FINISHED };

/* Generator, coroutine and async generator share this layout; the frame
 * memory follows the struct in the same GC block. */
typedef struct py_gen {
    py_obj_t h;
    py_val_t name;
    py_val_t qualname;
    py_val_t handled;   /* exception handled inside while suspended, or PY_NULL */
    py_frame_t *frame;  /* points just after this struct */
    size_t frame_words; /* size of the frame memory in values */
    uint8_t state;
    uint8_t ag_running; /* async generator: an asend/athrow is in progress */
    uint8_t ag_closed;  /* async generator: aclose() has run */
    uint8_t in_yf;      /* suspended inside YIELD_FROM (ip points at it) */
} py_gen_t;

/* How a resumed generator stopped. */
enum {
    PY_RESUME_YIELD,  /* YIELD_VALUE: *out is the yielded value */
    PY_RESUME_AWAIT,  /* yielded from inside YIELD_FROM (an await passing through) */
    PY_RESUME_RETURN, /* finished: *out is the return value */
};

extern py_type_t py_type_async_generator;

/* vm.c */
size_t py_vm_frame_words(const py_code_t *code);
/* Builds a function object (MAKE_FUNCTION; obj_func.c). */
py_val_t py_func_new(py_val_t code, py_val_t globals, py_val_t defaults, py_val_t kwdefaults,
                     py_val_t closure);
/* Fills a frame whose memory (py_vm_frame_words(code) values, starting at f)
 * is zeroed or scratch, for a call of fn, and binds the arguments; raises
 * TypeError on a binding error.  The header, the locals (PY_NULL) and the
 * stack pointers are valid before anything is allocated. */
void py_vm_init_frame(py_frame_t *f, py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames);
/* Resumes a generator: send value, or throw_exc != PY_NULL to raise it at the
 * suspension point.  Returns PY_RESUME_*; raises what the generator raises
 * (the generator is then finished). */
int py_vm_resume(py_gen_t *g, py_val_t send, py_val_t throw_exc, py_val_t *out);
/* Calls a Python function from C (the function type's call slot). */
py_val_t py_vm_call_function(py_val_t func, int argc, const py_val_t *argv, py_val_t kwnames);
/* The name a function is reported under in TypeErrors: its __qualname__. */
const char *py_vm_func_name(py_val_t func);

/* obj_gen.c */
py_val_t py_gen_new(py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames);
static inline bool py_is_gen_like(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &py_type_generator || t == &py_type_coroutine;
}
/* One step of `yield from` / `await` on an iterator: sends v (None means
 * next()).  Returns true when the iterator finished, with its return value in
 * *out; false when it yielded *out.  Raises what the iterator raises. */
bool py_gen_delegate_send(py_val_t it, py_val_t v, py_val_t *out);
/* throw() forwarded to a delegate by a suspended `yield from`: same results;
 * *has_throw is set to false (and nothing done) if the delegate has no throw. */
bool py_gen_delegate_throw(py_val_t it, py_val_t exc, py_val_t *out, bool *has_throw);
/* Closes a delegate on GeneratorExit (calls its close() if it has one). */
void py_gen_delegate_close(py_val_t it);
/* The awaitable protocol: the iterator `await obj` drives. */
py_val_t py_gen_get_awaitable(py_val_t obj);
py_val_t py_gen_get_aiter(py_val_t obj);
py_val_t py_gen_get_anext(py_val_t aiter);

#endif
