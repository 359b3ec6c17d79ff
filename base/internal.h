/* internal.h — helpers shared by the library's modules: growable buffers, a string hash
 * set/map, UTF-8 utilities and access to the data files (built in or from a directory). */
#ifndef TA_INTERNAL_H
#define TA_INTERNAL_H

#include "talign.h"
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

/* Decoded text (decode.c, mojibake.c): NUL-terminated UTF-8 NFC with LF line ends. */
struct ta_text {
    char *data;
    size_t len;
    char encoding[32];
};

/* Fills err (when non-NULL) with a formatted message; returns `s` for tail calls. */
ta_status ta_fail(ta_error *err, ta_status s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
ta_status ta_fail_at(ta_error *err, ta_status s, size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Asks the kernel to back the whole 2 MB pages inside [p, p + n) with huge pages (Linux
 * transparent huge pages, when set to madvise): fewer page faults and TLB misses for the large
 * buffers a long document needs. A hint only; does nothing for smaller buffers or elsewhere. */
void ta_hint_huge(void *p, size_t n);

/* A growable byte buffer, always NUL-terminated when len > 0. */
typedef struct {
    char *data;
    size_t len, cap;
} ta_buf;
int ta_buf_grow(ta_buf *b, size_t extra);                   /* 0 on success */
int ta_buf_add(ta_buf *b, const char *s, size_t n);         /* 0 on success */
/* One byte; 0 on success. Inline: the segmenter's keys and the writers add byte by byte. */
static inline int ta_buf_addc(ta_buf *b, char c)
{
    if (b->len + 2 > b->cap && ta_buf_grow(b, 1))
        return -1;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}
void ta_buf_release(ta_buf *b);
/* Normalises b (valid UTF-8) to NFC in place; TA_ENOMEM or TA_EDECODE (ICU) with err filled. */
ta_status ta_nfc_buf(ta_buf *b, ta_error *err);

/* A growable array of elements of size `esz`: `ta_vec_push` returns a pointer to a new zeroed
 * slot, NULL when out of memory. */
typedef struct {
    void *data;
    size_t len, cap, esz;
} ta_vec;
/* ta_vec_push when v is full: grows it, then pushes. */
void *ta_vec_grow_push(ta_vec *v);
/* Inline: the featurizer pushes a million slots on a long document. */
static inline void *ta_vec_push(ta_vec *v)
{
    if (v->len == v->cap)
        return ta_vec_grow_push(v);
    void *slot = (char *)v->data + v->len * v->esz;
    memset(slot, 0, v->esz);
    v->len++;
    return slot;
}
void ta_vec_release(ta_vec *v);

/* A map from byte strings to int values (open addressing; keys copied and NUL-terminated, in
 * the slot itself when shorter than 16 bytes, so that a lookup touches one cache line). */
typedef struct {
    uint32_t hash, len; /* 32 bits of the key's hash (compared first); len + 1, 0 = empty */
    int val;
    union {
        char in[16];
        char *out;
    } key;
} ta_strslot;
typedef struct {
    ta_strslot *slot;
    size_t cap, n;
} ta_strmap;
uint64_t ta_hash(const char *s, size_t n);
int ta_strmap_put(ta_strmap *m, const char *k, size_t n, int val);   /* 0 on success */
int ta_strmap_get(const ta_strmap *m, const char *k, size_t n, int *val); /* 1 if found */
/* Lookups in two steps, so that a caller can touch the slots of many keys before reading
 * them: the key's hash, a prefetch of its slot, and ta_strmap_get with the hash given. */
uint64_t ta_strmap_hash(const char *k, size_t n);
void ta_strmap_prefetch(const ta_strmap *m, uint64_t h);
int ta_strmap_get_h(const ta_strmap *m, const char *k, size_t n, uint64_t h, int *val);
/* Slot i of the table (i < m->cap): 1 with its key, length and value when occupied, else 0. */
int ta_strmap_at(const ta_strmap *m, size_t i, const char **k, size_t *n, int *val);
void ta_strmap_release(ta_strmap *m);

/* UTF-8 helpers. ta_u8_decode reads one code point at s[*i] (advancing *i); invalid bytes
 * give U+FFFD and advance by one. ASCII and two-byte forms inline (the hot paths of the
 * segmenter and the featurizer), the rest in ta_u8_decode_long. */
uint32_t ta_u8_decode_long(const char *s, size_t len, size_t *i);
static inline uint32_t ta_u8_decode(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str + *i;
    if (s[0] < 0x80) {
        ++*i;
        return s[0];
    }
    if (s[0] >= 0xC2 && s[0] < 0xE0 && *i + 1 < len && (s[1] & 0xC0) == 0x80) {
        *i += 2;
        return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    return ta_u8_decode_long(str, len, i);
}
/* The code point that ends just before byte `i` (moving *i back to its start); 0 at the start.
 * ASCII and two-byte forms inline. */
uint32_t ta_u8_prev_long(const char *s, size_t *i);
static inline uint32_t ta_u8_prev(const char *str, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    if (p && s[p - 1] < 0x80) {
        --*i;
        return s[p - 1];
    }
    if (p >= 2 && (s[p - 1] & 0xC0) == 0x80 && s[p - 2] >= 0xC2 && s[p - 2] < 0xE0) {
        *i = p - 2;
        return (uint32_t)(s[p - 2] & 0x1F) << 6 | (s[p - 1] & 0x3F);
    }
    return ta_u8_prev_long(str, i);
}
int ta_u8_encode(uint32_t c, char out[4]);

/* The number of words (runs without a space) that start in t[a, z), counting up to max. */
static inline size_t ta_count_words(const char *t, size_t a, size_t z, size_t max)
{
    size_t words = 0;
    for (size_t i = a; i < z && words < max; i++)
        words += t[i] != ' ' && (i == a || t[i - 1] == ' ');
    return words;
}

/* The number of characters in the valid UTF-8 s[0, n). */
static inline size_t ta_u8_count(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}
/* Character classes: ASCII and basic Cyrillic (U+0400-U+045F) inline, others through ICU. */
bool ta_u_is_upper(uint32_t c);
bool ta_u_is_lower(uint32_t c);
bool ta_u_is_alpha(uint32_t c);
uint32_t ta_u_to_lower(uint32_t c);
uint32_t ta_u_to_upper(uint32_t c);
static inline bool ta_is_upper(uint32_t c)
{
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : c >= 0x400 && c < 0x460 ? c < 0x430 : ta_u_is_upper(c);
}
static inline bool ta_is_lower(uint32_t c)
{
    return c < 0x80 ? (c >= 'a' && c <= 'z') : c >= 0x400 && c < 0x460 ? c >= 0x430 : ta_u_is_lower(c);
}
static inline bool ta_is_alpha(uint32_t c)
{
    return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : (c >= 0x400 && c < 0x460) || ta_u_is_alpha(c);
}
static inline bool ta_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static inline uint32_t ta_to_lower(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x400 && c < 0x430)
        return c < 0x410 ? c + 0x50 : c + 0x20;
    return c < 0x460 ? c : ta_u_to_lower(c);
}
static inline uint32_t ta_to_upper(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c >= 0x430 && c < 0x460)
        return c < 0x450 ? c - 0x20 : c - 0x50;
    return c < 0x430 && c >= 0x400 ? c : ta_u_to_upper(c);
}
bool ta_is_space(uint32_t c);
/* Opening quotes and brackets: ( [ { " ' « “ „ ‘ */
bool ta_is_open_punct(uint32_t c);
/* Start of the white-space-delimited token of s that ends at byte e (not before lo). */
size_t ta_token_start(const char *s, size_t lo, size_t e);
/* Narrows [*a, *z) of s past white space at both ends (no-break and ideographic spaces too). */
void ta_trim_space(const char *s, size_t *a, size_t *z);
/* Is s[a, z) all capitals and digits, two capitals or more ("US", "COVID-19")? */
bool ta_is_acronym(const char *s, size_t a, size_t z);
/* Appends a lowercased copy (Latin and Cyrillic, ё -> е when `yo`) of s to b. 0 on success. */
int ta_u8_lower(ta_buf *b, const char *s, size_t n, bool yo);

/* The primary language subtag of a BCP 47 tag ("en-US", "RU_ru", "ru"), lowercase, into
 * out: 0, or -1 when the tag does not start with two or three letters. */
int ta_lang_primary(const char *tag, char out[4]);

/* Hunspell handles, made and destroyed under one lock (hunspell.c says why); NULL-safe. */
struct Hunhandle;
struct Hunhandle *ta_hunspell_create(const char *aff, const char *dic);
void ta_hunspell_destroy(struct Hunhandle *h);

/* Data files (abbrev.en, boilerplate.txt ...): from `dir` when non-NULL and not empty, else the
 * copy built into the library. *out is malloc'ed and NUL-terminated. */
ta_status ta_data_read(const char *dir, const char *name, char **out, size_t *len, ta_error *err);

/* A data file as its lines, trailing white space trimmed, blank lines and # comments dropped.
 * *lines is a NULL-terminated array (*n entries) released with ta_lines_free; when `lineno` is
 * not NULL it receives a malloc'ed array of the 1-based line numbers (for messages). */
ta_status ta_data_lines(const char *dir, const char *name, char ***lines, size_t *n, int **lineno,
                        ta_error *err);
/* The same for any text file. */
ta_status ta_file_lines(const char *path, char ***lines, size_t *n, int **lineno, ta_error *err);
void ta_lines_free(char **lines);
/* The abbreviations of abbrev.LANG (data_lines' dir: NULL for the built-in copy), lowercased as
 * written ("st.", "u.s."), into *out with their class: TA_ABBREV_TITLE (never ends a sentence:
 * Mr., St., Capt.) or TA_ABBREV_OTHER. */
enum { TA_ABBREV_TITLE = 1, TA_ABBREV_OTHER = 2 };
ta_status ta_abbrev_load(const char *dir, const char *lang, ta_strmap *out, ta_error *err);

/* The file at path mapped read-only (*len bytes; release it with munmap), or NULL with errno
 * set: a file that cannot be opened or mapped, or an empty one (ENODATA). */
void *ta_map_file(const char *path, size_t *len);

#endif
