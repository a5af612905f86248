/* bigint.c: magnitude arithmetic for arbitrary-precision ints (see bigint.h).
 *
 * Plain C over 32-bit limbs with 64-bit intermediates.  Multiplication uses
 * Karatsuba above KARATSUBA_LIMBS (scratch from malloc, falling back to the
 * schoolbook method if malloc fails); division is Knuth's algorithm D.
 */
#include "bigint.h"

#include <stdlib.h>
#include <string.h>

#define KARATSUBA_LIMBS 40

size_t bn_norm(const bn_limb_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

int bn_cmp(const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    an = bn_norm(a, an);
    bn = bn_norm(b, bn);
    if (an != bn) return an < bn ? -1 : 1;
    while (an-- > 0)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

size_t bn_add(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    if (an < bn) {
        const bn_limb_t *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    uint64_t c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (bn_limb_t)c;
        c >>= 32;
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (bn_limb_t)c;
        c >>= 32;
    }
    r[an] = (bn_limb_t)c;
    return bn_norm(r, an + 1);
}

size_t bn_sub(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    int64_t c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (int64_t)a[i] - b[i];
        r[i] = (bn_limb_t)c;
        c >>= 32; /* arithmetic: 0 or -1 */
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (bn_limb_t)c;
        c >>= 32;
    }
    return bn_norm(r, an);
}

static void mul_school(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t i = 0; i < an; i++) {
        uint64_t c = 0, ai = a[i];
        if (ai == 0) continue;
        for (size_t j = 0; j < bn; j++) {
            c += ai * b[j] + r[i + j];
            r[i + j] = (bn_limb_t)c;
            c >>= 32;
        }
        r[i + bn] = (bn_limb_t)c;
    }
}

/* r += a (r has room for the carry: rn limbs total). */
static void add_into(bn_limb_t *r, size_t rn, const bn_limb_t *a, size_t an) {
    uint64_t c = 0;
    size_t i = 0;
    for (; i < an; i++) {
        c += (uint64_t)r[i] + a[i];
        r[i] = (bn_limb_t)c;
        c >>= 32;
    }
    for (; c && i < rn; i++) {
        c += r[i];
        r[i] = (bn_limb_t)c;
        c >>= 32;
    }
}

/* r = a * b, an >= bn; r has an + bn limbs (fully written). */
static void kmul(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    if (bn < KARATSUBA_LIMBS) {
        mul_school(r, a, an, b, bn);
        return;
    }
    if (an >= 2 * bn) {
        /* Unbalanced: multiply bn-sized slices of a by b and accumulate. */
        bn_limb_t *t = malloc((2 * bn) * sizeof *t);
        if (!t) {
            mul_school(r, a, an, b, bn);
            return;
        }
        memset(r, 0, (an + bn) * sizeof *r);
        for (size_t i = 0; i < an; i += bn) {
            size_t n = an - i < bn ? an - i : bn;
            if (n >= bn)
                kmul(t, a + i, n, b, bn);
            else
                kmul(t, b, bn, a + i, n);
            add_into(r + i, an + bn - i, t, n + bn);
        }
        free(t);
        return;
    }
    size_t m = (an + 1) / 2;
    size_t a1n = an - m, b0n = bn < m ? bn : m, b1n = bn - b0n;
    /* scratch: sa (m+1), sb (m+1), z1 (2m+2) */
    bn_limb_t *s = malloc((4 * m + 4) * sizeof *s);
    if (!s) {
        mul_school(r, a, an, b, bn);
        return;
    }
    bn_limb_t *sa = s, *sb = s + m + 1, *z1 = s + 2 * m + 2;
    /* z0 into r[0..2m), z2 into r[2m..an+bn) */
    kmul(r, a, m, b, b0n);
    if (b1n > 0) {
        if (a1n >= b1n)
            kmul(r + 2 * m, a + m, a1n, b + m, b1n);
        else
            kmul(r + 2 * m, b + m, b1n, a + m, a1n);
    } else {
        memset(r + 2 * m, 0, (an + bn - 2 * m) * sizeof *r);
    }
    memset(sa, 0, (2 * m + 2) * sizeof *sa);
    bn_add(sa, a, m, a + m, a1n);
    bn_add(sb, b, b0n, b + m, b1n);
    kmul(z1, sa, m + 1, sb, m + 1);
    /* z1 -= z0 + z2, then r += z1 << m */
    size_t zn = 2 * m + 2;
    bn_sub(z1, z1, zn, r, 2 * m);
    bn_sub(z1, z1, zn, r + 2 * m, an + bn - 2 * m);
    zn = bn_norm(z1, zn);
    add_into(r + m, an + bn - m, z1, zn);
    free(s);
}

size_t bn_mul(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    an = bn_norm(a, an);
    bn = bn_norm(b, bn);
    if (an == 0 || bn == 0) return 0;
    if (an < bn)
        kmul(r, b, bn, a, an);
    else
        kmul(r, a, an, b, bn);
    return bn_norm(r, an + bn);
}

bn_limb_t bn_divmod_small(bn_limb_t *q, const bn_limb_t *a, size_t an, bn_limb_t d) {
    uint64_t rem = 0;
    for (size_t i = an; i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        q[i] = (bn_limb_t)(cur / d);
        rem = cur % d;
    }
    return (bn_limb_t)rem;
}

static int clz32(bn_limb_t x) { return x ? __builtin_clz(x) : 32; }

int bn_divmod(bn_limb_t *q, bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn) {
    an = bn_norm(a, an);
    if (bn == 1) {
        bn_limb_t *qq = q ? q : malloc((an + 1) * sizeof *qq);
        if (!qq) return -1;
        if (q) memset(q, 0, ((an >= 1 ? an : 1)) * sizeof *q);
        bn_limb_t rem = bn_divmod_small(qq, a, an, b[0]);
        if (r) r[0] = rem;
        if (!q) free(qq);
        return 0;
    }
    if (an < bn) {
        if (q) q[0] = 0;
        if (r) {
            memset(r, 0, bn * sizeof *r);
            memcpy(r, a, an * sizeof *r);
        }
        return 0;
    }
    int s = clz32(b[bn - 1]);
    bn_limb_t *u = malloc((an + 1 + bn) * sizeof *u);
    if (!u) return -1;
    bn_limb_t *v = u + an + 1;
    /* normalize so the top bit of v is set */
    for (size_t i = bn; i-- > 0;)
        v[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;) u[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
    uint64_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        uint64_t num = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
        uint64_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFFFFFFull || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFull) break;
        }
        /* u[j..j+bn] -= qhat * v */
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)u[i + j] - (int64_t)(p & 0xFFFFFFFFull) + borrow;
            u[i + j] = (bn_limb_t)t;
            borrow = t >> 32;
        }
        int64_t t = (int64_t)u[j + bn] - (int64_t)carry + borrow;
        u[j + bn] = (bn_limb_t)t;
        if (t < 0) {
            /* qhat was one too large: add v back */
            qhat--;
            uint64_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (uint64_t)u[i + j] + v[i];
                u[i + j] = (bn_limb_t)c;
                c >>= 32;
            }
            u[j + bn] += (bn_limb_t)c;
        }
        if (q) q[j] = (bn_limb_t)qhat;
    }
    if (r) {
        for (size_t i = 0; i < bn; i++) r[i] = (u[i] >> s) | (s ? u[i + 1] << (32 - s) : 0);
    }
    free(u);
    return 0;
}

size_t bn_shl(bn_limb_t *r, const bn_limb_t *a, size_t an, size_t bits) {
    size_t w = bits / 32;
    unsigned s = bits % 32;
    r[an + w] = 0;
    for (size_t i = an; i-- > 0;) {
        if (s) {
            r[i + w + 1] |= a[i] >> (32 - s);
            r[i + w] = a[i] << s;
        } else {
            r[i + w] = a[i];
        }
    }
    memset(r, 0, w * sizeof *r);
    return bn_norm(r, an + w + 1);
}

size_t bn_shr(bn_limb_t *r, const bn_limb_t *a, size_t an, size_t bits) {
    size_t w = bits / 32;
    unsigned s = bits % 32;
    if (w >= an) return 0;
    size_t n = an - w;
    for (size_t i = 0; i < n; i++) {
        bn_limb_t lo = a[i + w] >> s;
        bn_limb_t hi = (s && i + w + 1 < an) ? a[i + w + 1] << (32 - s) : 0;
        r[i] = lo | hi;
    }
    return bn_norm(r, n);
}

size_t bn_bit_length(const bn_limb_t *a, size_t an) {
    an = bn_norm(a, an);
    if (an == 0) return 0;
    return (an - 1) * 32 + (32 - (size_t)clz32(a[an - 1]));
}
