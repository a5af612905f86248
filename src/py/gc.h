/* gc.h: the garbage-collected heap.
 *
 * Mark-and-sweep, non-moving.  Roots are: registered slots and callbacks, and
 * a conservative scan of the C stack and registers, so native code may keep
 * values in local variables without registering them.  Values that live only
 * in malloc'd memory are invisible to the collector: either allocate that
 * memory with py_raw_alloc and trace it from an object, or register a root.
 * Every allocation counts against the heap limit (-X heapsize); when a
 * collection cannot make room, MemoryError is raised and the heap stays usable.
 */
#ifndef PY_GC_H
#define PY_GC_H

#include <stdbool.h>
#include <stddef.h>

#include "obj.h"

void py_gc_init(size_t heap_limit, void *stack_base);
void py_gc_deinit(void); /* frees every block: lets leak checkers see a clean exit */

/* A zeroed object of `size` bytes whose header is set to `type`.  May collect;
 * raises MemoryError when the limit is reached. */
void *py_gc_alloc(py_type_t *type, size_t size);

/* Raw storage for buffers owned by an object (list items, dict tables, string
 * builders).  Returns the payload, zeroed.  py_raw_realloc keeps the contents. */
void *py_raw_alloc(size_t payload);
void *py_raw_realloc(void *payload, size_t new_payload);
void py_raw_free(void *payload); /* optional early release; NULL is fine */
/* The same without zeroing, for blocks the caller fills completely before
 * they can be read (str/bytes text, string builders): only the header is set. */
void *py_gc_alloc_nz(py_type_t *type, size_t size);
void *py_raw_alloc_nz(size_t payload);
void *py_raw_realloc_nz(void *payload, size_t new_payload);

/* Marking, for trace slots and root callbacks. */
void py_gc_mark(py_val_t v);
void py_gc_mark_obj(void *obj); /* NULL and non-heap (static) objects are ignored */
void py_gc_mark_raw(void *payload);
void py_gc_mark_array(const py_val_t *a, size_t n);

/* Roots beyond the C stack. */
void py_gc_add_root(py_val_t *slot);
void py_gc_remove_root(py_val_t *slot);
void py_gc_add_root_fn(void (*fn)(void)); /* called during marking; it calls py_gc_mark* */

void py_gc_collect(void);
void py_gc_enable(bool on);
bool py_gc_is_enabled(void);
size_t py_gc_bytes_used(void);
size_t py_gc_bytes_free(void);
size_t py_gc_heap_limit(void);
void py_gc_lock(void);   /* micropython.heap_lock: allocation raises MemoryError */
void py_gc_unlock(void);
bool py_gc_is_locked(void);
bool py_gc_is_heap_ptr(const void *p); /* true for the start of a live block */

/* Debug switches (Lua's habit): collect at every allocation; fail the k-th. */
void py_gc_set_stress(bool on);
void py_gc_fail_after(long k);

#endif
