/* obj.h: the object header, the type object and the layouts shared across files.
 *
 * Every heap object starts with a pointer to its type; nothing else is in the
 * header because the collector keeps its mark bits beside the blocks, not in
 * them.  A type is itself an object whose slots are C function pointers: the
 * VM calls a slot directly for builtin types and the generic slot
 * implementations in obj_type.c dispatch to dunder methods for classes
 * written in Python, so both kinds go through one path.
 *
 * Layouts that several files must see (str, tuple, list, dict, module,
 * exception, instance, raw buffer) are here; a type used by one file only
 * keeps its struct in that file.
 */
#ifndef PY_OBJ_H
#define PY_OBJ_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

typedef struct py_type py_type_t;
typedef struct py_sb py_sb_t; /* string builder, see runtime.h */

typedef struct py_obj {
    py_type_t *type;
} py_obj_t;

/* Binary operators.  The compiler emits these codes as BINARY_OP / INPLACE_OP
 * arguments and type slots receive them, so the order is an ABI. */
typedef enum {
    PY_OP_ADD,
    PY_OP_SUB,
    PY_OP_MUL,
    PY_OP_MATMUL,
    PY_OP_TRUEDIV,
    PY_OP_FLOORDIV,
    PY_OP_MOD,
    PY_OP_POW,
    PY_OP_LSHIFT,
    PY_OP_RSHIFT,
    PY_OP_AND,
    PY_OP_OR,
    PY_OP_XOR,
    PY_OP_NUM_BINARY,
    /* In-place forms: PY_OP_IADD == PY_OP_ADD + PY_OP_INPLACE and so on.
     * A slot that does not implement the in-place form returns PY_NULL and
     * the runtime falls back to the plain operator. */
    PY_OP_INPLACE = PY_OP_NUM_BINARY,
} py_binop_t;

typedef enum { PY_CMP_LT, PY_CMP_LE, PY_CMP_EQ, PY_CMP_NE, PY_CMP_GT, PY_CMP_GE } py_cmpop_t;

typedef enum {
    PY_UNARY_NEG,
    PY_UNARY_POS,
    PY_UNARY_INVERT,
    PY_UNARY_BOOL, /* returns PY_TRUE / PY_FALSE */
    PY_UNARY_LEN,  /* returns a small int */
    PY_UNARY_HASH, /* returns a small int */
    PY_UNARY_ABS,
} py_unop_t;

/* print slot kinds */
enum { PY_PRINT_REPR = 0, PY_PRINT_STR = 1 };

/* A readable (and maybe writable) byte buffer exported by bytes-like objects. */
typedef struct {
    uint8_t *data;
    size_t len;
    char typecode; /* 'B' for plain bytes; array/memoryview item codes otherwise */
    int itemsize;
    int writable;
} py_buf_t;

/* Native function: argv holds argc positional values followed by one value
 * per name in kwnames (a tuple of str, or PY_NULL when there are none). */
typedef py_val_t (*py_cfunc_t)(int argc, const py_val_t *argv, py_val_t kwnames);

/* A native function or method as declared in C tables. */
typedef struct {
    const char *name;
    py_cfunc_t fn;
    int16_t min_args; /* positional, counting self for methods */
    int16_t max_args; /* -1: any number */
    uint32_t flags;   /* PY_MF_* */
} py_method_def_t;

#define PY_MF_KW 0x1     /* accepts keyword arguments (kwnames may be non-NULL) */
#define PY_MF_STATIC 0x2 /* in a type: staticmethod (no self) */
#define PY_MF_CLASS 0x4  /* in a type: classmethod (argv[0] is the class) */
#define PY_MF_END {NULL, NULL, 0, 0, 0}

/* type flags */
#define PY_TF_HEAP 0x1       /* created by a class statement; slots dispatch to dunders */
#define PY_TF_BASETYPE 0x2   /* may be subclassed */
#define PY_TF_EXCEPTION 0x4  /* BaseException or a subclass */
#define PY_TF_ABSTRACT 0x8   /* cannot be instantiated by calling it */
#define PY_TF_HAS_GETATTR 0x10 /* a class in the MRO defines __getattr__ */

struct py_type {
    py_obj_t h;       /* the metaclass: &py_type_type unless a class says otherwise */
    const char *name; /* C string; for classes it points into name_obj */
    py_val_t name_obj;
    py_val_t qualname; /* classes: __qualname__ (kept out of the dict, as in CPython); else unset */
    uint32_t flags;
    uint32_t instance_size; /* bytes allocated per instance by the generic constructor */
    uint32_t dict_offset;   /* offset of a py_val_t instance-dict slot, or 0 */
    py_type_t *base;        /* the layout base (first builtin ancestor for classes) */
    py_val_t bases;         /* tuple of direct bases */
    py_val_t mro;           /* tuple, starting with this type */
    py_val_t dict;          /* the namespace: methods, class attributes */
    const py_method_def_t *methods; /* for builtin types: turned into dict entries at start-up */

    /* ---- slots: NULL means "not supported" ---- */
    py_val_t (*make_new)(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames);
    py_val_t (*call)(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames);
    void (*print)(py_sb_t *sb, py_val_t self, int kind);
    py_val_t (*unary)(py_unop_t op, py_val_t v);
    /* Called first with the left operand's type, then (if that returned PY_NULL)
     * with the right operand's type, always as (op, lhs, rhs). */
    py_val_t (*binary)(py_binop_t op, py_val_t lhs, py_val_t rhs);
    /* Called as (op, self, other); the runtime retries reflected on other's type. */
    py_val_t (*compare)(py_cmpop_t op, py_val_t self, py_val_t other);
    /* Extra attributes not found in the type's dict or the instance dict.
     * Returns PY_NULL when absent (the runtime raises AttributeError). */
    py_val_t (*getattr)(py_val_t self, py_val_t name);
    /* value == PY_NULL deletes.  Returns 0 if the attribute cannot be set. */
    int (*setattr)(py_val_t self, py_val_t name, py_val_t value);
    py_val_t (*getitem)(py_val_t self, py_val_t key);
    void (*setitem)(py_val_t self, py_val_t key, py_val_t value); /* PY_NULL value deletes */
    py_val_t (*iter)(py_val_t self);
    py_val_t (*iternext)(py_val_t self); /* PY_NULL when exhausted */
    int (*buffer)(py_val_t self, py_buf_t *out, int writable);
    /* Optional: fast membership test for `in`; returns 0/1. */
    int (*contains)(py_val_t self, py_val_t item);
    /* Garbage collector: mark every value and block this object refers to. */
    void (*trace)(py_obj_t *self);
};

/* A raw GC block: the storage behind lists, dicts and string builders.  It is
 * an object (so the collector can find and free it) whose payload follows the
 * header; nothing in it is traced, its owner traces what it holds. */
typedef struct {
    py_obj_t h;
    size_t size; /* payload bytes */
} py_raw_t;

static inline void *py_raw_data(py_raw_t *r) { return (void *)(r + 1); }
static inline py_raw_t *py_raw_of(void *data) { return (py_raw_t *)data - 1; }

/* str and bytes share this layout; the type says which.  `data` is always
 * NUL-terminated so C code may use it as a C string (bytes may hold NULs). */
typedef struct {
    py_obj_t h;
    uint64_t hash;   /* 0 = not computed yet */
    size_t len;      /* bytes */
    size_t nchars;   /* code points (== len for ASCII and for bytes) */
    uint8_t interned;
    uint8_t ascii;
    uint8_t uniq; /* str only: vm.c's in-place += state (0 = shared or unknown) */
    char data[];
} py_str_t;

typedef struct {
    py_obj_t h;
    size_t len;
    py_val_t items[];
} py_tuple_t;

typedef struct {
    py_obj_t h;
    size_t len;
    size_t cap;
    py_val_t *items; /* payload of a raw block (py_raw_of(items)), or NULL when cap == 0 */
} py_list_t;

/* Insertion-ordered hash table: entries are appended in order; `index` maps
 * hash slots to entry numbers.  Deleted entries keep key == PY_NULL until
 * the next resize compacts them. */
typedef struct {
    py_val_t key;
    py_val_t value;
    uint64_t hash;
} py_dict_entry_t;

typedef struct {
    py_obj_t h;
    size_t used;     /* live entries */
    size_t filled;   /* entries appended, live or deleted */
    size_t cap;      /* entries capacity */
    size_t mask;     /* index slots - 1 (power of two), 0 when empty */
    py_dict_entry_t *entries; /* raw payload */
    int32_t *index;           /* raw payload: -1 empty, -2 deleted, else entry number */
    uint32_t version;         /* bumped on every insert/delete: lets inline caches validate */
} py_dict_t;

typedef struct {
    py_obj_t h;
    py_val_t name;    /* str */
    py_val_t dict;    /* the module's globals */
} py_module_t;

/* Instances of classes written in Python.  For a class derived from a
 * builtin type with a fixed-size layout (list, dict, exceptions ...) the
 * instance is that layout with the dict slot appended (type->dict_offset);
 * for variable-size bases (int, str, tuple, bytes) `native` holds the value
 * of the builtin type. */
typedef struct {
    py_obj_t h;
    py_val_t dict;
    py_val_t native;
} py_instance_t;

/* BaseException and every subclass. */
typedef struct {
    py_obj_t h;
    py_val_t args;      /* tuple */
    py_val_t traceback; /* list of (filename, line, funcname) tuples, innermost FIRST (printers walk it backwards); or PY_NULL */
    py_val_t cause;     /* __cause__ or PY_NONE */
    py_val_t context;   /* __context__ or PY_NONE */
    py_val_t value;     /* StopIteration.value, SystemExit code ...: PY_NULL unless set */
    py_val_t dict;      /* attributes set on the instance */
    uint8_t suppress_context;
} py_exc_t;

static inline py_type_t *py_obj_type(py_val_t v) { return ((py_obj_t *)py_as_ptr(v))->type; }

#endif
