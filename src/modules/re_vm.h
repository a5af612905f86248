/* re_vm.h: the matcher body, included twice by re_exec.c with UNIT set to
 * uint8_t (bytes, ASCII strs) and uint32_t (other strs) and FN() naming the
 * instantiation.  See re_exec.c for the machine's invariants. */

/* How many of s[pos], s[pos+1] ... (at most max) pass the single-unit test t. */
static ssize_t FN(count)(const re_ins_t *t, const UNIT *s, ssize_t pos, ssize_t max, const re_class_t *classes,
                         const uint32_t *ranges) {
    const UNIT *q = s + pos, *e = s + pos + max;
    switch (t->op) {
    case OP_ANYALL: return max;
    case OP_ANY:
        if (sizeof(UNIT) == 1) {
            const UNIT *nl = memchr(q, '\n', (size_t)max);
            return nl ? nl - q : max;
        }
        while (q < e && *q != '\n') q++;
        break;
    case OP_CHAR: {
        uint32_t c = (uint32_t)t->a;
        while (q < e && (uint32_t)*q == c) q++;
        break;
    }
    case OP_CHARI: {
        uint32_t c = (uint32_t)t->a;
        while (q < e && fold(*q, t->b) == c) q++;
        break;
    }
    case OP_CLASS: {
        const re_class_t *k = &classes[t->a];
        if (sizeof(UNIT) == 1) {
            while (q < e && (k->bits[*q >> 5] >> (*q & 31) & 1)) q++;
        } else {
            while (q < e && class_has(k, ranges, *q)) q++;
        }
        break;
    }
    default: return 0;
    }
    return q - (s + pos);
}

static int FN(test1)(const re_ins_t *t, UNIT u, const re_class_t *classes, const uint32_t *ranges) {
    uint32_t c = u;
    switch (t->op) {
    case OP_ANYALL: return 1;
    case OP_ANY: return c != '\n';
    case OP_CHAR: return c == (uint32_t)t->a;
    case OP_CHARI: return fold(c, t->b) == (uint32_t)t->a;
    case OP_CLASS: return class_has(&classes[t->a], ranges, c);
    }
    return 0;
}

/* One attempt at `start`; 1 on a match (slots filled). */
static int FN(attempt)(vm_t *vm, const re_prog_t *p, const UNIT *s, ssize_t n, ssize_t start, int full,
                       int must_adv) {
    const re_ins_t *code = re_code(p);
    const re_class_t *classes = re_classes(p);
    const uint32_t *ranges = re_ranges(p);
    ssize_t *slots = vm->slots;
    for (int i = 0; i < p->nslots; i++) slots[i] = -1;
    vm->sp = 0;
    int pc = 0;
    ssize_t pos = start;
    for (;;) {
        const re_ins_t *in = &code[pc];
        switch ((re_op_t)in->op) {
        case OP_CHAR:
            if (pos < n && (uint32_t)s[pos] == (uint32_t)in->a) {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_CHARI:
            if (pos < n && fold(s[pos], in->b) == (uint32_t)in->a) {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_ANY:
            if (pos < n && s[pos] != '\n') {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_ANYALL:
            if (pos < n) {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_CLASS:
            if (pos < n && class_has(&classes[in->a], ranges, s[pos])) {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_BOL:
            if (pos != 0) goto fail;
            pc++;
            continue;
        case OP_BOLM:
            if (pos != 0 && s[pos - 1] != '\n') goto fail;
            pc++;
            continue;
        case OP_EOL:
            if (pos != n && !(pos == n - 1 && s[pos] == '\n')) goto fail;
            pc++;
            continue;
        case OP_EOLM:
            if (pos != n && s[pos] != '\n') goto fail;
            pc++;
            continue;
        case OP_EOS:
            if (pos != n) goto fail;
            pc++;
            continue;
        case OP_WORDB:
        case OP_NWORDB: {
            int uni = !in->a;
            int before = pos > 0 && mod_re_is_word(s[pos - 1], uni);
            int after = pos < n && mod_re_is_word(s[pos], uni);
            if ((before != after) != (in->op == OP_WORDB)) goto fail;
            pc++;
            continue;
        }
        case OP_SPLIT:
            push(vm, BT_BRANCH, in->b, pos, 0);
            pc = in->a;
            continue;
        case OP_JMP: pc = in->a; continue;
        case OP_SAVE:
        case OP_MARK:
            if (vm->sp) push(vm, BT_RESTORE, in->a, slots[in->a], 0);
            slots[in->a] = pos;
            if (in->b) { /* a group closed: it is the last matched group (lastindex) */
                if (vm->sp) push(vm, BT_RESTORE, in->c, slots[in->c], 0);
                slots[in->c] = in->a >> 1;
            }
            pc++;
            continue;
        case OP_LOOP:
            pc = pos != slots[in->a] ? in->b : pc + 1;
            continue;
        case OP_REP: {
            ssize_t mn = in->a, room = n - pos;
            ssize_t mx = in->b < 0 || in->b > room ? room : in->b;
            if (mx < mn) goto fail;
            if (in->c) {
                ssize_t cnt = FN(count)(in + 1, s, pos, mx, classes, ranges);
                if (cnt < mn) goto fail;
                if (cnt > mn) push(vm, BT_GREEDY, pc, pos + cnt, pos + mn);
                pos += cnt;
            } else {
                if (mn && FN(count)(in + 1, s, pos, mn, classes, ranges) < mn) goto fail;
                pos += mn;
                if (mn < mx) push(vm, BT_LAZY, pc, pos, mn);
            }
            pc += 2;
            continue;
        }
        case OP_BACKREF: {
            ssize_t b = slots[2 * in->a], e = slots[2 * in->a + 1];
            if (b < 0 || e < 0) goto fail;
            ssize_t len = e - b;
            if (len > n - pos) goto fail;
            if (in->b) {
                for (ssize_t k = 0; k < len; k++)
                    if (fold(s[b + k], in->c) != fold(s[pos + k], in->c)) goto fail;
            } else if (memcmp(s + b, s + pos, (size_t)len * sizeof(UNIT)) != 0) {
                goto fail;
            }
            pos += len;
            pc++;
            continue;
        }
        case OP_LOOK: {
            int behind = in->a == RE_LOOK_BEHIND || in->a == RE_LOOK_NBEHIND;
            if (behind && pos < in->c) {
                if (in->a == RE_LOOK_NBEHIND) {
                    pc = in->b;
                    continue;
                }
                goto fail;
            }
            push(vm, BT_LOOK, pc, pos, 0);
            if (behind) pos -= in->c;
            pc++;
            continue;
        }
        case OP_LOOK_END: {
            size_t bi = vm->sp;
            while (vm->stack[--bi].kind != BT_LOOK) {
            }
            bt_t barrier = vm->stack[bi];
            const re_ins_t *li = &code[barrier.pc];
            int kind = li->a;
            if ((kind == RE_LOOK_BEHIND || kind == RE_LOOK_NBEHIND) && pos != barrier.pos) goto fail;
            if (kind == RE_LOOK_NAHEAD || kind == RE_LOOK_NBEHIND) {
                /* the sub-pattern matched: the assertion fails, with its captures undone */
                while (vm->sp > bi + 1) {
                    bt_t *e = &vm->stack[--vm->sp];
                    if (e->kind == BT_RESTORE) slots[e->pc] = e->pos;
                }
                vm->sp = bi;
                goto fail;
            }
            /* commit: drop the sub-pattern's alternatives, keep its capture undo records */
            size_t j = bi;
            for (size_t k = bi + 1; k < vm->sp; k++)
                if (vm->stack[k].kind == BT_RESTORE) vm->stack[j++] = vm->stack[k];
            vm->sp = j;
            if (kind != RE_LOOK_ATOMIC) pos = barrier.pos;
            pc = li->b;
            continue;
        }
        case OP_GREF:
            pc = slots[2 * in->a] >= 0 && slots[2 * in->a + 1] >= 0 ? pc + 1 : in->b;
            continue;
        case OP_MATCH:
            if (full && pos != n) goto fail;
            if (must_adv && pos == start) goto fail;
            return 1;
        case OP_FAIL: goto fail;
        }
    fail:
        if (++vm->fails > (1 << 16)) {
            vm->fails = 0;
            if (py_pending) py_handle_pending();
        }
        for (;;) {
            if (vm->sp == 0) return 0;
            bt_t *e = &vm->stack[vm->sp - 1];
            switch (e->kind) {
            case BT_BRANCH:
                vm->sp--;
                pc = e->pc;
                pos = e->pos;
                goto resume;
            case BT_RESTORE:
                slots[e->pc] = e->pos;
                vm->sp--;
                continue;
            case BT_GREEDY: {
                ssize_t np = e->pos - 1, lo = e->aux;
                const re_ins_t *next = &code[e->pc + 2];
                if (next->op == OP_CHAR) {
                    /* skip the positions where the continuation's first char cannot match */
                    uint32_t c = (uint32_t)next->a;
                    while (np >= lo && (uint32_t)s[np] != c) np--;
                    if (np < lo) {
                        vm->sp--;
                        continue;
                    }
                }
                if (np <= lo)
                    vm->sp--;
                else
                    e->pos = np;
                pc = e->pc + 2;
                pos = np;
                goto resume;
            }
            case BT_LAZY: {
                const re_ins_t *ri = &code[e->pc];
                if ((ri->b >= 0 && e->aux >= ri->b) || e->pos >= n ||
                    !FN(test1)(ri + 1, s[e->pos], classes, ranges)) {
                    vm->sp--;
                    continue;
                }
                e->pos++;
                e->aux++;
                pos = e->pos;
                pc = e->pc + 2;
                goto resume;
            }
            case BT_LOOK: {
                vm->sp--;
                const re_ins_t *li = &code[e->pc];
                if (li->a == RE_LOOK_NAHEAD || li->a == RE_LOOK_NBEHIND) {
                    /* the sub-pattern failed everywhere: the negative assertion holds */
                    pos = e->pos;
                    pc = li->b;
                    goto resume;
                }
                continue;
            }
            }
        }
    resume:;
    }
}

static int FN(search)(vm_t *vm, const re_prog_t *p, const UNIT *s, ssize_t n, ssize_t start, int mode,
                      int must_adv) {
    if (mode != RE_MODE_SEARCH) return FN(attempt)(vm, p, s, n, start, mode == RE_MODE_FULL, must_adv);
    UNIT pre[64];
    ssize_t plen = p->prefix_len;
    for (ssize_t k = 0; k < plen; k++) {
        uint32_t c = re_prefix(p)[k];
        if (sizeof(UNIT) == 1 && c > 255) return 0; /* the subject cannot contain it */
        pre[k] = (UNIT)c;
    }
    for (; start <= n; start++) {
        if (p->anchored && start > 0) return 0;
        if (plen && sizeof(UNIT) == 1) {
            if (n - start < plen) return 0;
            const UNIT *hit = plen == 1 ? memchr(s + start, pre[0], (size_t)(n - start))
                                        : memmem(s + start, (size_t)(n - start), pre, (size_t)plen);
            if (!hit) return 0;
            start = hit - s;
        } else if (p->has_first) {
            while (start < n) {
                uint32_t c = s[start];
                if (c < 256 ? (p->first[c >> 5] >> (c & 31) & 1) : p->first_high) break;
                start++;
            }
            if (start >= n) return 0;
        }
        if (FN(attempt)(vm, p, s, n, start, 0, must_adv)) return 1;
        must_adv = 0;
    }
    return 0;
}
