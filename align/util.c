/* util.c — error reporting, growable buffers and arrays, and a string hash map. */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int ta_buf_addc(ta_buf *b, char c) { return ta_buf_add(b, &c, 1); }

void ta_buf_release(ta_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void *ta_vec_push(ta_vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *d = realloc(v->data, cap * v->esz);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len * v->esz;
    memset(slot, 0, v->esz);
    v->len++;
    return slot;
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

/* Equal bytes? Keys are short words: a loop beats a call to memcmp. */
static bool same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

static size_t slot_of(const ta_strmap *m, const char *k, size_t n, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    uint32_t h32 = (uint32_t)(h >> 32);
    while (m->keys[i] && !(m->hash[i] == h32 && m->klen[i] == n && same(m->keys[i], k, n)))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int rehash(ta_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    ta_strmap t = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(uint32_t)),
                   calloc(cap, sizeof(uint32_t)), calloc(cap, sizeof(int)), cap, m->n};
    if (!t.keys || !t.klen || !t.hash || !t.vals) {
        free(t.keys), free(t.klen), free(t.hash), free(t.vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = slot_of(&t, m->keys[i], m->klen[i], ta_hash(m->keys[i], m->klen[i]));
            t.keys[j] = m->keys[i];
            t.klen[j] = m->klen[i];
            t.hash[j] = m->hash[i];
            t.vals[j] = m->vals[i];
        }
    free(m->keys), free(m->klen), free(m->hash), free(m->vals);
    *m = t;
    return 0;
}

int ta_strmap_put(ta_strmap *m, const char *k, size_t n, int val)
{
    if ((m->n + 1) * 2 > m->cap && rehash(m))
        return -1;
    uint64_t h = ta_hash(k, n);
    size_t i = slot_of(m, k, n, h);
    if (!m->keys[i]) {
        char *c = malloc(n + 1);
        if (!c)
            return -1;
        memcpy(c, k, n);
        c[n] = 0;
        m->keys[i] = c;
        m->klen[i] = (uint32_t)n;
        m->hash[i] = (uint32_t)(h >> 32);
        m->n++;
    }
    m->vals[i] = val;
    return 0;
}

int ta_strmap_get(const ta_strmap *m, const char *k, size_t n, int *val)
{
    if (!m->cap)
        return 0;
    size_t i = slot_of(m, k, n, ta_hash(k, n));
    if (!m->keys[i])
        return 0;
    if (val)
        *val = m->vals[i];
    return 1;
}

void ta_strmap_release(ta_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys), free(m->klen), free(m->hash), free(m->vals);
    memset(m, 0, sizeof *m);
}
