/* bigint.h: magnitude arithmetic on little-endian arrays of 32-bit limbs.
 *
 * No Python here: obj_int.c owns signs, objects and errors.  A "normalized"
 * magnitude has no leading zero limbs (zero has length 0).  Functions accept
 * non-normalized inputs unless noted and return the normalized result length.
 * Output buffers are sized by the caller as documented per function.
 */
#ifndef PY_BIGINT_H
#define PY_BIGINT_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t bn_limb_t;
#define BN_BITS 32

size_t bn_norm(const bn_limb_t *a, size_t n);
int bn_cmp(const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn);
/* r: max(an, bn) + 1 limbs; r may alias a or b. */
size_t bn_add(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn);
/* Requires a >= b and an >= bn; r: an limbs; r may alias a. */
size_t bn_sub(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn);
/* r: an + bn limbs, must not alias a or b.  Karatsuba above a threshold. */
size_t bn_mul(bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn);
/* q: an limbs (may alias a); returns the remainder. d != 0. */
bn_limb_t bn_divmod_small(bn_limb_t *q, const bn_limb_t *a, size_t an, bn_limb_t d);
/* a / b with b normalized, bn >= 1, an >= bn.  q: an - bn + 1 limbs, r: bn limbs;
 * either may be NULL.  Returns 0, or -1 when scratch memory is exhausted. */
int bn_divmod(bn_limb_t *q, bn_limb_t *r, const bn_limb_t *a, size_t an, const bn_limb_t *b, size_t bn);
/* r: an + bits/32 + 1 limbs. */
size_t bn_shl(bn_limb_t *r, const bn_limb_t *a, size_t an, size_t bits);
/* r: an limbs (may alias a). */
size_t bn_shr(bn_limb_t *r, const bn_limb_t *a, size_t an, size_t bits);
size_t bn_bit_length(const bn_limb_t *a, size_t an);

#endif
