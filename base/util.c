/* util.c — error reporting, growable buffers and arrays, and a string hash map. */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20) /* x86-64 and arm64 transparent huge page size */

const char *ta_strerror(ta_status s)
{
    switch (s) {
    case TA_OK: return "success";
    case TA_ENOMEM: return "out of memory";
    case TA_EIO: return "input/output error";
    case TA_EDECODE: return "undecodable input";
    case TA_EFORMAT: return "malformed data file";
    case TA_EVERSION: return "data file from another version";
    case TA_EINVAL: return "invalid argument";
    }
    return "unknown status";
}

void ta_free(void *p) { free(p); }

void ta_hint_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + n) & ~(HUGE_PAGE - 1);
    if (p && e > a)
        (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p, (void)n;
#endif
}

static ta_status vfail(ta_error *err, ta_status s, bool has, size_t off, const char *fmt, va_list ap)
{
    if (err) {
        err->has_offset = has;
        err->offset = off;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return s;
}

ta_status ta_fail(ta_error *err, ta_status s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, s, false, 0, fmt, ap);
    va_end(ap);
    return s;
}

ta_status ta_fail_at(ta_error *err, ta_status s, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, s, true, offset, fmt, ap);
    va_end(ap);
    return s;
}

int ta_buf_grow(ta_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d)
        return -1;
    ta_hint_huge(d, cap);
    b->data = d;
    b->cap = cap;
    return 0;
}

int ta_buf_add(ta_buf *b, const char *s, size_t n)
{
    if (ta_buf_grow(b, n))
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

void ta_buf_release(ta_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void *ta_vec_grow_push(ta_vec *v)
{
    size_t cap = v->cap ? v->cap * 2 : 16;
    void *d = realloc(v->data, cap * v->esz);
    if (!d)
        return NULL;
    ta_hint_huge(d, cap * v->esz);
    v->data = d;
    v->cap = cap;
    return ta_vec_push(v);
}

void ta_vec_release(ta_vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

uint64_t ta_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

/* The string maps' hash: eight bytes at a time (ta_hash, byte by byte, stays the lexicon
 * file's hash). */
static uint64_t map_hash(const char *s, size_t n)
{
    const uint64_t m = 0x9E3779B97F4A7C15ULL;
    uint64_t h = n * m;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * m;
        h ^= h >> 32;
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, s, n);
        h = (h ^ w) * m;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

static const char *key_of(const ta_strslot *x)
{
    return x->len - 1 < sizeof x->key.in ? x->key.in : x->key.out;
}

static size_t slot_of(const ta_strmap *m, const char *k, size_t n, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    uint32_t h32 = (uint32_t)(h >> 32);
    for (;; i = (i + 1) & (m->cap - 1)) {
        const ta_strslot *x = &m->slot[i];
        if (!x->len)
            return i;
        if (x->hash == h32 && x->len == n + 1 && !memcmp(key_of(x), k, n))
            return i;
    }
}

static int rehash(ta_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    size_t size = cap * sizeof(ta_strslot); /* a power of two: a multiple of either alignment */
    /* no slot across two cache lines; a large table in whole huge pages */
    ta_strslot *t = aligned_alloc(size >= HUGE_PAGE ? HUGE_PAGE : 64, size);
    if (!t)
        return -1;
    ta_hint_huge(t, size);
    memset(t, 0, cap * sizeof *t);
    ta_strmap nm = {t, cap, m->n};
    for (size_t i = 0; i < m->cap; i++)
        if (m->slot[i].len) {
            const char *k = key_of(&m->slot[i]);
            t[slot_of(&nm, k, m->slot[i].len - 1, map_hash(k, m->slot[i].len - 1))] = m->slot[i];
        }
    free(m->slot);
    *m = nm;
    return 0;
}

int ta_strmap_put(ta_strmap *m, const char *k, size_t n, int val)
{
    if ((m->n + 1) * 2 > m->cap && rehash(m))
        return -1;
    uint64_t h = map_hash(k, n);
    ta_strslot *x = &m->slot[slot_of(m, k, n, h)];
    if (!x->len) {
        char *d = n < sizeof x->key.in ? x->key.in : (x->key.out = malloc(n + 1));
        if (!d)
            return -1;
        memcpy(d, k, n);
        d[n] = 0; /* keys are NUL-terminated strings too */
        x->len = (uint32_t)n + 1;
        x->hash = (uint32_t)(h >> 32);
        m->n++;
    }
    x->val = val;
    return 0;
}

uint64_t ta_strmap_hash(const char *k, size_t n) { return map_hash(k, n); }

void ta_strmap_prefetch(const ta_strmap *m, uint64_t h)
{
    if (m->cap)
        __builtin_prefetch(&m->slot[h & (m->cap - 1)]);
}

int ta_strmap_get(const ta_strmap *m, const char *k, size_t n, int *val)
{
    return ta_strmap_get_h(m, k, n, map_hash(k, n), val);
}

int ta_strmap_get_h(const ta_strmap *m, const char *k, size_t n, uint64_t h, int *val)
{
    if (!m->cap)
        return 0;
    const ta_strslot *x = &m->slot[slot_of(m, k, n, h)];
    if (!x->len)
        return 0;
    if (val)
        *val = x->val;
    return 1;
}

int ta_strmap_at(const ta_strmap *m, size_t i, const char **k, size_t *n, int *val)
{
    const ta_strslot *x = &m->slot[i];
    if (!x->len)
        return 0;
    if (k)
        *k = key_of(x);
    if (n)
        *n = x->len - 1;
    if (val)
        *val = x->val;
    return 1;
}

void ta_strmap_release(ta_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slot[i].len - 1 >= sizeof m->slot[i].key.in && m->slot[i].len)
            free(m->slot[i].key.out);
    free(m->slot);
    memset(m, 0, sizeof *m);
}

int ta_lang_primary(const char *tag, char out[4])
{
    size_t n = 0;
    while (tag && n < 4 && ((tag[n] | 32) >= 'a' && (tag[n] | 32) <= 'z'))
        n++;
    if (!tag || n < 2 || n > 3 || (tag[n] && tag[n] != '-' && tag[n] != '_'))
        return -1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(tag[i] | 32);
    out[n] = 0;
    return 0;
}
