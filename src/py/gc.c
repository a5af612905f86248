/* gc.c: the garbage-collected heap (the contract is gc.h).
 *
 * The whole heap is one virtual arena of heap_limit bytes reserved with mmap
 * at start-up (untouched pages cost nothing), cut into 4 KB pages.  A page is
 * free, holds blocks of one size class (16-byte granules up to 512 bytes,
 * then coarser classes up to 2 KB), or belongs to a run of pages holding one
 * large block.  Per page, a side table keeps the kind, the class and two
 * bitmaps (allocated, marked): nothing lives in the blocks themselves, so an
 * object's first word is its type and nothing else.
 *
 * Invariants:
 *   - a block is live iff its alloc bit is set (large: its first page is
 *     P_LARGE); every live block starts with a valid type pointer, set by
 *     py_gc_alloc before it returns;
 *   - mark bits are all clear outside a collection;
 *   - used_bytes is the sum of the sizes of the live blocks; the limit is
 *     the arena, so "no free page" is the out-of-memory condition.
 *
 * Marking uses an explicit stack (no recursion: deep structures cannot
 * overflow the C stack).  The C stack is scanned conservatively from the
 * current stack pointer up to the base given at init: every aligned word is
 * taken as a possible raw pointer or NaN-boxed object pointer, and interior
 * pointers keep their block alive (a payload pointer keeps its raw block).
 * Registers are spilled by setjmp into a local jmp_buf first.
 *
 * Speed: allocation has an inlined fast path (a free bit of the class's
 * current page) that only runs while no collection is due and no debug switch
 * is on (H.fast_limit); str text and string builders use the unzeroed
 * variants.  Marking finishes leaves (no trace slot, static type) without
 * pushing them, and finds a block's index by multiplication, not division.
 * The arena asks for transparent huge pages: a growing heap then takes a few
 * faults instead of one per 4 KB page.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "objcore.h"
#include "runtime.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define NCLASS 40
#define SMALL_MAX 2048
#define NONE_PAGE UINT32_MAX
#define MIN_STEP ((size_t)8 << 20) /* bytes allocated between collections, at least */

enum { P_FREE, P_SMALL, P_LARGE, P_CONT };

typedef struct {
    uint8_t kind;
    uint8_t cls;
    uint8_t in_avail; /* on its class's avail list (or the current page) */
    uint8_t large_mark;
    uint32_t nfree;    /* small: free blocks */
    uint32_t npages;   /* large: pages in the run; cont: index of the run's first page */
    uint32_t next;     /* avail list link */
    uint64_t alloc[4]; /* small: one bit per block (256 blocks of 16 bytes at most) */
    uint64_t mark[4];
} page_t;

static const uint16_t class_size[NCLASS] = {
    16,  32,  48,  64,  80,  96,  112, 128, 144, 160, 176, 192, 208, 224,  240,  256,  272,  288,  304,  320,
    336, 352, 368, 384, 400, 416, 432, 448, 464, 480, 496, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048,
};
static uint16_t class_nblocks[NCLASS];
/* ceil(2^32 / size): (offset * recip) >> 32 is offset / size for every offset
 * in a page (4096 * 2048 < 2^32 keeps the rounding error below 1 / size), so
 * finding a block needs no division */
static uint32_t class_recip[NCLASS];
static uint64_t class_invalid[NCLASS][4]; /* bits of block indexes past the page's end */

static struct {
    uint8_t *lo, *hi; /* the arena */
    size_t arena_size;
    size_t limit; /* bytes of live blocks allowed (-X heapsize) */
    uint32_t npages;
    page_t *pages;
    uint64_t *free_bits; /* 1 = page free */
    uint32_t free_hint;  /* no free page below this index */
    uint32_t high;       /* pages at or above this index were never used */
    uint32_t cur[NCLASS];
    uint32_t avail[NCLASS];
    size_t used;       /* bytes in live blocks */
    size_t next_gc;    /* collect when used reaches this */
    size_t fast_limit; /* allocation's fast path only below this (0: always the slow path) */
    char *stack_base;
    bool enabled, stress, locked, collecting;
    long fail_after;
    /* roots */
    py_val_t **roots;
    size_t nroots, caproots;
    void (**root_fns)(void);
    size_t nroot_fns, caproot_fns;
    /* mark stack */
    void **mstack;
    size_t msp, mcap;
} H;

/* The fast path of allocation skips every check but the heap limit, so it is
 * off (limit 0) while a switch that alloc_slow tests is on. */
static void update_fast(void) {
    if (H.locked || H.stress || H.fail_after > 0) H.fast_limit = 0;
    else H.fast_limit = H.enabled ? H.next_gc : SIZE_MAX;
}

/* ------------------------------------------------------------ pages */

static inline bool page_is_free(uint32_t i) { return (H.free_bits[i >> 6] >> (i & 63)) & 1; }
static inline void page_set_free(uint32_t i) {
    H.free_bits[i >> 6] |= 1ull << (i & 63);
    if (i < H.free_hint) H.free_hint = i;
}
static inline void page_set_used(uint32_t i) {
    H.free_bits[i >> 6] &= ~(1ull << (i & 63));
    if (i + 1 > H.high) H.high = i + 1;
}

/* First fit: the lowest run of n free pages, or NONE_PAGE. */
static uint32_t take_pages(uint32_t n) {
    uint32_t i = H.free_hint, run = 0, start = 0;
    while (i < H.npages) {
        if ((i & 63) == 0 && H.free_bits[i >> 6] == 0) {
            run = 0;
            if (i == H.free_hint) H.free_hint = i + 64;
            i += 64;
            continue;
        }
        if (page_is_free(i)) {
            if (run == 0) start = i;
            if (++run == n) {
                for (uint32_t k = start; k < start + n; k++) page_set_used(k);
                if (start == H.free_hint) H.free_hint = start + n;
                return start;
            }
        } else {
            run = 0;
            if (i == H.free_hint) H.free_hint = i + 1;
        }
        i++;
    }
    return NONE_PAGE;
}

static inline uint8_t *page_addr(uint32_t i) { return H.lo + ((size_t)i << PAGE_SHIFT); }

static inline int size_class(size_t size) {
    if (size <= 512) return (int)((size + 15) >> 4) - 1;
    for (int c = 32; c < NCLASS; c++)
        if (size <= class_size[c]) return c;
    return -1;
}

static void *small_alloc(int c) {
    for (;;) {
        uint32_t pi = H.cur[c];
        if (pi != NONE_PAGE) {
            page_t *pg = &H.pages[pi];
            if (pg->nfree) {
                for (int w = 0; w < 4; w++) {
                    uint64_t freebits = ~pg->alloc[w];
                    if (freebits) {
                        int b = __builtin_ctzll(freebits);
                        pg->alloc[w] |= 1ull << b;
                        pg->nfree--;
                        return page_addr(pi) + (size_t)(w * 64 + b) * class_size[c];
                    }
                }
            }
            pg->in_avail = 0;
            H.cur[c] = NONE_PAGE;
        }
        if (H.avail[c] != NONE_PAGE) {
            pi = H.avail[c];
            H.avail[c] = H.pages[pi].next;
            H.cur[c] = pi;
            continue;
        }
        pi = take_pages(1);
        if (pi == NONE_PAGE) return NULL;
        page_t *pg = &H.pages[pi];
        memset(pg, 0, sizeof *pg);
        pg->kind = P_SMALL;
        pg->cls = (uint8_t)c;
        pg->nfree = class_nblocks[c];
        memcpy(pg->alloc, class_invalid[c], sizeof pg->alloc);
        pg->in_avail = 1;
        H.cur[c] = pi;
    }
}

static void *large_alloc(size_t size) {
    size_t n = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
    if (n > H.npages) return NULL;
    uint32_t pi = take_pages((uint32_t)n);
    if (pi == NONE_PAGE) return NULL;
    page_t *pg = &H.pages[pi];
    memset(pg, 0, sizeof *pg);
    pg->kind = P_LARGE;
    pg->npages = (uint32_t)n;
    for (uint32_t k = 1; k < n; k++) {
        H.pages[pi + k].kind = P_CONT;
        H.pages[pi + k].npages = pi;
    }
    return page_addr(pi);
}

/* The block containing p (interior pointers allowed), or NULL if p points to
 * no live block.  *pg_out gets the block's (first) page, *idx its index. */
static inline uint8_t *find_block(uintptr_t p, page_t **pg_out, uint32_t *idx) {
    if (p < (uintptr_t)H.lo || p >= (uintptr_t)H.lo + ((size_t)H.high << PAGE_SHIFT)) return NULL;
    size_t off = p - (uintptr_t)H.lo;
    uint32_t pi = (uint32_t)(off >> PAGE_SHIFT);
    page_t *pg = &H.pages[pi];
    switch (pg->kind) {
    case P_SMALL: {
        uint32_t in = (uint32_t)(off & (PAGE_SIZE - 1));
        uint32_t b = (uint32_t)(((uint64_t)in * class_recip[pg->cls]) >> 32);
        if (b >= class_nblocks[pg->cls]) return NULL;
        if (!((pg->alloc[b >> 6] >> (b & 63)) & 1)) return NULL;
        *pg_out = pg;
        *idx = b;
        return page_addr(pi) + (size_t)b * class_size[pg->cls];
    }
    case P_CONT: pi = pg->npages; pg = &H.pages[pi]; /* fall through */
    case P_LARGE:
        *pg_out = pg;
        *idx = 0;
        return page_addr(pi);
    default: return NULL;
    }
}

static size_t block_size(page_t *pg) {
    return pg->kind == P_SMALL ? class_size[pg->cls] : (size_t)pg->npages << PAGE_SHIFT;
}

static void free_block(uint8_t *blk, page_t *pg, uint32_t b) {
    if (pg->kind == P_SMALL) {
        pg->alloc[b >> 6] &= ~(1ull << (b & 63));
        pg->nfree++;
        H.used -= class_size[pg->cls];
        if (!pg->in_avail) {
            uint32_t pi = (uint32_t)((blk - H.lo) >> PAGE_SHIFT);
            pg->in_avail = 1;
            pg->next = H.avail[pg->cls];
            H.avail[pg->cls] = pi;
        }
    } else {
        uint32_t pi = (uint32_t)((blk - H.lo) >> PAGE_SHIFT);
        uint32_t n = pg->npages;
        H.used -= (size_t)n << PAGE_SHIFT;
        for (uint32_t k = 0; k < n; k++) {
            H.pages[pi + k].kind = P_FREE;
            page_set_free(pi + k);
        }
    }
}

/* ------------------------------------------------------------ init */

void py_gc_init(size_t heap_limit, void *stack_base) {
    memset(&H, 0, sizeof H);
    if (heap_limit < 64 * 1024) heap_limit = 64 * 1024;
    /* The limit counts the bytes of live blocks; the arena is larger so that
     * partly filled pages of the size classes never make a small heap fail
     * before its limit is reached. */
    size_t size = heap_limit + heap_limit / 2 + ((size_t)NCLASS << PAGE_SHIFT);
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    H.limit = heap_limit;
    void *a = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (a == MAP_FAILED) {
        fprintf(stderr, "fatal: cannot reserve a heap of %zu bytes\n", size);
        exit(1);
    }
#ifdef MADV_HUGEPAGE
    /* fewer page faults as the heap grows (the kernel may ignore this); the
     * first 8 MB keep small pages so a small script's resident size stays
     * small (a 2 MB huge page at start-up would more than double it) */
    if (size > ((size_t)8 << 20)) madvise((char *)a + ((size_t)8 << 20), size - ((size_t)8 << 20), MADV_HUGEPAGE);
#endif
    H.lo = a;
    H.arena_size = size;
    H.hi = H.lo + size;
    H.npages = (uint32_t)(size >> PAGE_SHIFT);
    H.pages = calloc(H.npages, sizeof(page_t));
    size_t nwords = (H.npages + 63) / 64;
    H.free_bits = calloc(nwords, sizeof(uint64_t));
    if (!H.pages || !H.free_bits) {
        fprintf(stderr, "fatal: out of memory\n");
        exit(1);
    }
    for (uint32_t i = 0; i < H.npages; i++) H.free_bits[i >> 6] |= 1ull << (i & 63);
    for (int c = 0; c < NCLASS; c++) {
        uint32_t n = (uint32_t)(PAGE_SIZE / class_size[c]);
        class_nblocks[c] = (uint16_t)n;
        class_recip[c] = (uint32_t)((((uint64_t)1 << 32) + class_size[c] - 1) / class_size[c]);
        for (uint32_t b = n; b < 256; b++) class_invalid[c][b >> 6] |= 1ull << (b & 63);
        H.cur[c] = H.avail[c] = NONE_PAGE;
    }
    H.stack_base = stack_base;
    H.enabled = true;
    H.next_gc = MIN_STEP;
    /* debugging aid: collect at every allocation */
    const char *st = getenv("BREADBOARD_GC_STRESS");
    H.stress = st && *st && *st != '0';
    update_fast();
}

void py_gc_deinit(void) {
    if (H.lo) munmap(H.lo, H.arena_size);
    free(H.pages);
    free(H.free_bits);
    free(H.roots);
    free(H.root_fns);
    free(H.mstack);
    memset(&H, 0, sizeof H);
}

/* ------------------------------------------------------------ marking */

static __attribute__((noinline)) void mark_grow(void) {
    {
        size_t ncap = H.mcap ? H.mcap * 2 : 4096;
        void **n = realloc(H.mstack, ncap * sizeof(void *));
        if (!n) {
            fprintf(stderr, "fatal: out of memory while collecting\n");
            abort();
        }
        H.mstack = n;
        H.mcap = ncap;
    }
}

static inline void mark_push(void *blk) {
    if (H.msp == H.mcap) mark_grow();
    H.mstack[H.msp++] = blk;
}

static inline __attribute__((always_inline)) void mark_addr(uintptr_t p) {
    page_t *pg;
    uint32_t b;
    uint8_t *blk = find_block(p, &pg, &b);
    if (!blk) return;
    if (pg->kind == P_SMALL) {
        uint64_t bit = 1ull << (b & 63);
        if (pg->mark[b >> 6] & bit) return;
        pg->mark[b >> 6] |= bit;
    } else {
        if (pg->large_mark) return;
        pg->large_mark = 1;
    }
    /* Leaves (raw buffers, strs, ints...: no trace slot, and a static type
     * that needs no marking) are done now: pushing them would only make
     * drain pop them again. */
    const py_type_t *t = ((py_obj_t *)blk)->type;
    if (!t || (!t->trace && ((const uint8_t *)t < H.lo || (const uint8_t *)t >= H.hi))) return;
    mark_push(blk);
}

void py_gc_mark(py_val_t v) {
    if (py_is_obj(v)) mark_addr((uintptr_t)py_as_ptr(v));
}
void py_gc_mark_obj(void *obj) {
    if (obj) mark_addr((uintptr_t)obj);
}
void py_gc_mark_raw(void *payload) {
    if (payload) mark_addr((uintptr_t)payload);
}
void py_gc_mark_array(const py_val_t *a, size_t n) {
    /* marking reads each object's first word (its type): fetch a few items
     * ahead so big lists do not wait on one cache miss per element */
    enum { AHEAD = 8 };
    size_t i = 0;
    for (; i + AHEAD < n; i++) {
        if (py_is_obj(a[i + AHEAD])) __builtin_prefetch(py_as_ptr(a[i + AHEAD]));
        if (py_is_obj(a[i])) mark_addr((uintptr_t)py_as_ptr(a[i]));
    }
    for (; i < n; i++)
        if (py_is_obj(a[i])) mark_addr((uintptr_t)py_as_ptr(a[i]));
}

static void drain(void) {
    while (H.msp) {
        py_obj_t *o = H.mstack[--H.msp];
        py_type_t *t = o->type;
        if (t == &py_type_raw || !t) continue;
        mark_addr((uintptr_t)t); /* classes are heap objects too */
        if (t->trace) t->trace(o);
    }
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_ASAN __attribute__((no_sanitize("address")))
#endif
#endif
#if !defined(NO_ASAN) && defined(__SANITIZE_ADDRESS__)
#define NO_ASAN __attribute__((no_sanitize_address))
#endif
#ifndef NO_ASAN
#define NO_ASAN
#endif

/* Reads every word between lo and hi: any may hold a pointer into the heap. */
NO_ASAN static void scan_range(const char *lo, const char *hi) {
    uintptr_t a = ((uintptr_t)lo + 7) & ~(uintptr_t)7;
    for (; a + 8 <= (uintptr_t)hi; a += 8) {
        uint64_t w = *(const volatile uint64_t *)a;
        if ((w & PY_TAG_MASK) == PY_TAG_OBJ) w &= PY_PAYLOAD_MASK;
        if (w >= (uintptr_t)H.lo && w < (uintptr_t)H.hi) mark_addr((uintptr_t)w);
    }
}

__attribute__((noinline)) NO_ASAN static void scan_stack(void) {
    jmp_buf regs; /* spills callee-saved registers onto the stack we scan */
    setjmp(regs);
    volatile char here = 0;
    const char *sp = (const char *)&here;
    const char *base = H.stack_base;
    if (!base) return;
    if (sp < base) scan_range(sp < (const char *)&regs ? sp : (const char *)&regs, base + 64);
    else scan_range(base, sp); /* a stack growing upwards */
    scan_range((const char *)&regs, (const char *)&regs + sizeof regs);
}

static void sweep(void) {
    for (int c = 0; c < NCLASS; c++) H.cur[c] = H.avail[c] = NONE_PAGE;
    for (uint32_t i = 0; i < H.high; i++) {
        page_t *pg = &H.pages[i];
        if (pg->kind == P_SMALL) {
            int c = pg->cls;
            uint32_t freed = 0;
            for (int w = 0; w < 4; w++) {
                uint64_t dead = pg->alloc[w] & ~pg->mark[w] & ~class_invalid[c][w];
                freed += (uint32_t)__builtin_popcountll(dead);
                pg->alloc[w] = pg->mark[w] | class_invalid[c][w];
                pg->mark[w] = 0;
            }
            pg->nfree += freed;
            H.used -= (size_t)freed * class_size[c];
            pg->in_avail = 0;
            if (pg->nfree == class_nblocks[c]) {
                pg->kind = P_FREE;
                page_set_free(i);
            } else if (pg->nfree) {
                pg->in_avail = 1;
                pg->next = H.avail[c];
                H.avail[c] = i;
            }
        } else if (pg->kind == P_LARGE) {
            uint32_t n = pg->npages;
            if (pg->large_mark) {
                pg->large_mark = 0;
            } else {
                H.used -= (size_t)n << PAGE_SHIFT;
                for (uint32_t k = 0; k < n; k++) {
                    H.pages[i + k].kind = P_FREE;
                    page_set_free(i + k);
                }
            }
            i += n - 1;
        }
    }
    /* drop never-again-used pages from the top so scans stay short */
    while (H.high > 0 && H.pages[H.high - 1].kind == P_FREE) H.high--;
}

void py_gc_collect(void) {
    if (H.collecting || !H.lo) return;
    H.collecting = true;
    for (size_t i = 0; i < H.nroots; i++) py_gc_mark(*H.roots[i]);
    for (size_t i = 0; i < H.nroot_fns; i++) H.root_fns[i]();
    drain();
    scan_stack();
    drain();
    sweep();
    size_t step = H.used > MIN_STEP ? H.used : MIN_STEP;
    H.next_gc = H.used + step;
    H.collecting = false;
    update_fast();
}

/* ------------------------------------------------------------ allocation */

static void *try_alloc(size_t size) {
    if (size <= SMALL_MAX) {
        int c = size_class(size);
        if (H.used + class_size[c] > H.limit) return NULL;
        void *p = small_alloc(c);
        if (p) H.used += class_size[c];
        return p;
    }
    if (H.used + ((size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) > H.limit) return NULL;
    void *p = large_alloc(size);
    if (p) H.used += H.pages[(uint32_t)(((uint8_t *)p - H.lo) >> PAGE_SHIFT)].npages * PAGE_SIZE;
    return p;
}

/* The slow cases of allocation: a collection is due or forced (stress), the
 * lock, the fail-after switch, a full heap. */
static __attribute__((noinline)) void *alloc_slow(size_t size) {
    if (H.locked) py_raise_no_memory();
    if (H.fail_after > 0 && --H.fail_after == 0) {
        update_fast();
        py_raise_no_memory();
    }
    if (size > H.limit) py_raise_no_memory();
    if (!H.collecting && H.enabled && (H.stress || H.used >= H.next_gc)) py_gc_collect();
    void *p = try_alloc(size);
    if (!p) {
        if (!H.collecting) py_gc_collect();
        p = try_alloc(size);
        if (!p) py_raise_no_memory();
    }
    return p;
}

/* A block of at least size bytes, contents undefined.  The fast path takes a
 * free block from the current page of the class when no collection is due
 * and no switch is on (H.fast_limit, see update_fast). */
static inline void *alloc_block(size_t size) {
    if (size <= 512 && H.used < H.fast_limit) {
        int c = (int)((size + 15) >> 4) - 1;
        uint32_t pi = H.cur[c];
        if (pi != NONE_PAGE && H.used + class_size[c] <= H.limit) {
            page_t *pg = &H.pages[pi];
            if (pg->nfree) {
                for (int w = 0; w < 4; w++) {
                    uint64_t freebits = ~pg->alloc[w];
                    if (freebits) {
                        int b = __builtin_ctzll(freebits);
                        pg->alloc[w] |= 1ull << b;
                        pg->nfree--;
                        H.used += class_size[c];
                        return page_addr(pi) + (size_t)(w * 64 + b) * class_size[c];
                    }
                }
            }
        }
    }
    return alloc_slow(size);
}

void *py_gc_alloc(py_type_t *type, size_t size) {
    if (size < 16) size = 16;
    void *p = alloc_block(size);
    size_t n = size <= SMALL_MAX ? class_size[size_class(size)] : size;
    memset(p, 0, n);
    ((py_obj_t *)p)->type = type;
    return p;
}

void *py_gc_alloc_nz(py_type_t *type, size_t size) {
    if (size < 16) size = 16;
    void *p = alloc_block(size);
    ((py_obj_t *)p)->type = type;
    return p;
}

void *py_raw_alloc(size_t payload) {
    if (payload > H.limit) py_raise_no_memory();
    py_raw_t *r = py_gc_alloc(&py_type_raw, sizeof(py_raw_t) + payload);
    r->size = payload;
    return py_raw_data(r);
}

void *py_raw_alloc_nz(size_t payload) {
    if (payload > H.limit) py_raise_no_memory();
    py_raw_t *r = py_gc_alloc_nz(&py_type_raw, sizeof(py_raw_t) + payload);
    r->size = payload;
    return py_raw_data(r);
}

static void *raw_realloc(void *payload, size_t new_payload, bool zero) {
    if (!payload) return zero ? py_raw_alloc(new_payload) : py_raw_alloc_nz(new_payload);
    py_raw_t *r = py_raw_of(payload);
    page_t *pg;
    uint32_t b;
    uint8_t *blk = find_block((uintptr_t)r, &pg, &b);
    if (blk == (uint8_t *)r) {
        size_t cap = block_size(pg) - sizeof(py_raw_t);
        if (new_payload <= cap) {
            if (zero && new_payload > r->size) memset((char *)payload + r->size, 0, new_payload - r->size);
            r->size = new_payload;
            return payload;
        }
    }
    void *n = zero ? py_raw_alloc(new_payload) : py_raw_alloc_nz(new_payload);
    memcpy(n, payload, r->size < new_payload ? r->size : new_payload);
    py_raw_free(payload);
    return n;
}

void *py_raw_realloc(void *payload, size_t new_payload) { return raw_realloc(payload, new_payload, true); }
void *py_raw_realloc_nz(void *payload, size_t new_payload) { return raw_realloc(payload, new_payload, false); }

void py_raw_free(void *payload) {
    if (!payload || H.collecting) return;
    py_raw_t *r = py_raw_of(payload);
    page_t *pg;
    uint32_t b;
    uint8_t *blk = find_block((uintptr_t)r, &pg, &b);
    if (blk != (uint8_t *)r || r->h.type != &py_type_raw) return;
    free_block(blk, pg, b);
}

/* ------------------------------------------------------------ roots, switches */

void py_gc_add_root(py_val_t *slot) {
    if (H.nroots == H.caproots) {
        size_t n = H.caproots ? H.caproots * 2 : 64;
        py_val_t **a = realloc(H.roots, n * sizeof *a);
        if (!a) abort();
        H.roots = a;
        H.caproots = n;
    }
    H.roots[H.nroots++] = slot;
}

void py_gc_remove_root(py_val_t *slot) {
    for (size_t i = H.nroots; i-- > 0;)
        if (H.roots[i] == slot) {
            H.roots[i] = H.roots[--H.nroots];
            return;
        }
}

void py_gc_add_root_fn(void (*fn)(void)) {
    if (H.nroot_fns == H.caproot_fns) {
        size_t n = H.caproot_fns ? H.caproot_fns * 2 : 16;
        void (**a)(void) = realloc(H.root_fns, n * sizeof *a);
        if (!a) abort();
        H.root_fns = a;
        H.caproot_fns = n;
    }
    H.root_fns[H.nroot_fns++] = fn;
}

void py_gc_enable(bool on) {
    H.enabled = on;
    update_fast();
}
bool py_gc_is_enabled(void) { return H.enabled; }
size_t py_gc_bytes_used(void) { return H.used; }
size_t py_gc_bytes_free(void) { return H.limit > H.used ? H.limit - H.used : 0; }
size_t py_gc_heap_limit(void) { return H.limit; }
void py_gc_lock(void) {
    H.locked = true;
    update_fast();
}
void py_gc_unlock(void) {
    H.locked = false;
    update_fast();
}
bool py_gc_is_locked(void) { return H.locked; }
void py_gc_set_stress(bool on) {
    H.stress = on;
    update_fast();
}
void py_gc_fail_after(long k) {
    H.fail_after = k;
    update_fast();
}

bool py_gc_is_heap_ptr(const void *p) {
    page_t *pg;
    uint32_t b;
    return find_block((uintptr_t)p, &pg, &b) == (const uint8_t *)p;
}

/* Hot (string builders ask it on every grow and finish): no division and no
 * alloc-bit test, as callers pass live blocks; other addresses still get 0
 * when they are outside the used pages. */
size_t py_gc_block_size(const void *p) {
    uintptr_t a = (uintptr_t)p;
    if (a < (uintptr_t)H.lo || a >= (uintptr_t)H.lo + ((size_t)H.high << PAGE_SHIFT)) return 0;
    const page_t *pg = &H.pages[(a - (uintptr_t)H.lo) >> PAGE_SHIFT];
    if (pg->kind == P_SMALL) return class_size[pg->cls];
    if (pg->kind == P_CONT) pg = &H.pages[pg->npages];
    return pg->kind == P_LARGE ? (size_t)pg->npages << PAGE_SHIFT : 0;
}
