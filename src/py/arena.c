/* arena.c: bump allocator for the syntax tree.
 *
 * Invariants: every block handed out is zeroed and 16-byte aligned; chunks
 * form a singly linked list from `head` and are released together by
 * py_arena_free, which leaves the arena empty and reusable.
 */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "runtime.h"

#define CHUNK_SIZE (64 * 1024)

struct py_arena_chunk {
    py_arena_chunk_t *next;
    size_t used;
    size_t cap;
    size_t pad; /* keeps the payload 16-byte aligned */
};

void py_arena_init(py_arena_t *a) { a->head = NULL; }

void *py_arena_alloc(py_arena_t *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    py_arena_chunk_t *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
        py_arena_chunk_t *nc = malloc(sizeof(py_arena_chunk_t) + cap);
        if (!nc) py_raise_no_memory();
        nc->used = 0;
        nc->cap = cap;
        if (c && cap != CHUNK_SIZE) {
            /* a big block goes behind the current chunk so its free tail stays usable */
            nc->next = c->next;
            c->next = nc;
            nc->used = cap;
            void *p = (char *)(nc + 1);
            memset(p, 0, n);
            return p;
        }
        nc->next = c;
        a->head = c = nc;
    }
    void *p = (char *)(c + 1) + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

void py_arena_free(py_arena_t *a) {
    py_arena_chunk_t *c = a->head;
    while (c) {
        py_arena_chunk_t *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
