/* filter.c — the units of a corpus: their text as written, the filters that drop units
 * (score, bead type, length, untranslated text, numbers) and the dedup set (exact and
 * bifixer-like normalised keys, 64-bit hashes). */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

static const char *const fate_names[TA_UNIT_NREASONS] = {
    "kept", "min_score", "only_1_1", "min_chars", "length_ratio", "identical", "script",
    "numbers", "misspelled", "duplicate", "near_duplicate"};

const char *ta_unit_fate_name(ta_unit_fate f)
{
    return f >= 0 && f < TA_UNIT_NREASONS ? fate_names[f] : "kept";
}

ta_unit_filter ta_unit_filter_default(void)
{
    return (ta_unit_filter){0};
}

ta_status ta_unit_text(const ta_sentences *s, size_t a, size_t b, char **buf, size_t *blen,
                       size_t *cap)
{
    ta_buf t = {*buf, *blen, *cap};
    const size_t *len = s->len;
    int bad = 0;
    for (size_t k = a; k < b && !bad; k++) {
        if (k > a)
            bad |= ta_buf_addc(&t, ' ');
        const char *p = s->text[k];
        for (size_t i = 0; i < len[k] && !bad;) {
            size_t at = i;
            uint32_t c = ta_u8_decode(p, len[k], &i);
            if (c < 0x20 || c == 0x7F)
                bad |= ta_buf_addc(&t, ' ');
            else if ((c == 0xFFFD && i - at == 1) || c == 0xFFFE || c == 0xFFFF ||
                     (c >= 0xD800 && c <= 0xDFFF))
                continue; /* not UTF-8, or not a character XML may carry */
            else
                bad |= ta_buf_add(&t, p + at, i - at);
        }
    }
    *buf = t.data, *blen = t.len, *cap = t.cap;
    return bad ? TA_ENOMEM : TA_OK;
}

/* ---- filters ----------------------------------------------------------------------------- */

static bool is_latin(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool is_cyrillic(uint32_t c)
{
    return c >= 0x400 && c <= 0x4FF;
}

/* Latin and Cyrillic letters of a text */
static void scripts(const char *s, size_t n, size_t *lat, size_t *cyr)
{
    *lat = *cyr = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = ta_u8_decode(s, n, &i);
        *lat += is_latin(c);
        *cyr += is_cyrillic(c);
    }
}

enum { GROUP = 3, MAX_NUMS = 256 };

static bool thousands_sep(const char *s, size_t n, size_t i, size_t *skip)
{
    /* the separator's bytes at s[i]: , . space, U+00A0, U+2009, U+202F */
    size_t w = 0;
    if (s[i] == ',' || s[i] == '.' || s[i] == ' ')
        w = 1;
    else if (n - i >= 2 && !memcmp(s + i, "\xC2\xA0", 2))
        w = 2;
    else if (n - i >= 3 && (!memcmp(s + i, "\xE2\x80\x89", 3) || !memcmp(s + i, "\xE2\x80\xAF", 3)))
        w = 3;
    if (!w || n - i < w + GROUP)
        return false;
    for (size_t k = 0; k < GROUP; k++)
        if (!ta_is_digit((unsigned char)s[i + w + k]))
            return false;
    if (i + w + GROUP < n && ta_is_digit((unsigned char)s[i + w + GROUP]))
        return false;
    *skip = w;
    return true;
}

/* The numbers of a text as hashes of their digits, sorted; at most MAX_NUMS. */
static size_t numbers(const char *s, size_t n, uint64_t *out)
{
    size_t k = 0;
    char digits[64];
    for (size_t i = 0; i < n && k < MAX_NUMS;) {
        if (!ta_is_digit((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t d = 0, skip;
        uint64_t h = 0;
        for (;;) {
            while (i < n && ta_is_digit((unsigned char)s[i])) {
                if (d < sizeof digits)
                    digits[d] = s[i];
                d++, i++;
            }
            if (i < n && thousands_sep(s, n, i, &skip))
                i += skip;
            else
                break;
        }
        h = ta_hash(digits, d < sizeof digits ? d : sizeof digits) ^ d;
        size_t j = k++;
        while (j > 0 && out[j - 1] > h) /* insertion: texts hold few numbers */
            out[j] = out[j - 1], j--;
        out[j] = h;
    }
    return k;
}

bool ta_unit_numbers_differ(const char *en, size_t en_len, const char *ru, size_t ru_len)
{
    uint64_t a[MAX_NUMS], b[MAX_NUMS];
    size_t na = numbers(en, en_len, a), nb = numbers(ru, ru_len, b);
    return na != nb || (na && memcmp(a, b, na * sizeof *a) != 0);
}

ta_unit_fate ta_unit_filter_apply(const ta_unit_filter *f, const char *en, size_t en_len,
                                  const char *ru, size_t ru_len, size_t n_en, size_t n_ru,
                                  double score)
{
    if (score < f->min_score)
        return TA_UNIT_SCORE;
    if (f->only_1_1 && (n_en != 1 || n_ru != 1))
        return TA_UNIT_NOT_1_1;
    size_t ce = ta_u8_count(en, en_len), cr = ta_u8_count(ru, ru_len);
    if (f->min_chars && (ce < f->min_chars || cr < f->min_chars))
        return TA_UNIT_SHORT;
    if (f->max_ratio > 0) {
        size_t lo = ce < cr ? ce : cr, hi = ce < cr ? cr : ce;
        if ((double)hi > f->max_ratio * (double)(lo ? lo : 1))
            return TA_UNIT_RATIO;
    }
    if (f->drop_identical && en_len == ru_len && !memcmp(en, ru, en_len))
        return TA_UNIT_IDENTICAL;
    if (f->drop_script) {
        size_t el, ec, rl, rc;
        scripts(en, en_len, &el, &ec);
        scripts(ru, ru_len, &rl, &rc);
        if (ec > el || rl > rc)
            return TA_UNIT_SCRIPT;
    }
    if (f->drop_numbers && ta_unit_numbers_differ(en, en_len, ru, ru_len))
        return TA_UNIT_NUMBERS;
    return TA_UNIT_KEPT;
}

/* ---- dedup ------------------------------------------------------------------------------- */

static const uint64_t MIX = 0x9E3779B97F4A7C15ull;

static uint64_t pair_hash(uint64_t a, uint64_t b)
{
    uint64_t h = a ^ (b * MIX + (a << 6) + (a >> 2));
    return h ? h : 1; /* 0 marks an empty slot */
}

/* letters only, lowercased */
static uint64_t norm_hash(const char *s, size_t n)
{
    enum { CHUNK = 256 };
    char buf[CHUNK + 4];
    size_t b = 0;
    uint64_t h = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = ta_u8_decode(s, n, &i);
        if (!ta_is_alpha(c))
            continue;
        b += (size_t)ta_u8_encode(ta_to_lower(c), buf + b);
        if (b >= CHUNK) {
            h = h * MIX ^ ta_hash(buf, b);
            b = 0;
        }
    }
    return h * MIX ^ ta_hash(buf, b);
}

void ta_unit_keys(const char *en, size_t en_len, const char *ru, size_t ru_len,
                  uint64_t keys[2])
{
    keys[0] = pair_hash(ta_hash(en, en_len), ta_hash(ru, ru_len));
    keys[1] = pair_hash(norm_hash(en, en_len), norm_hash(ru, ru_len));
}

typedef struct {
    uint64_t *slot;
    size_t cap, n;
} hset;

struct ta_dedup {
    hset exact, norm;
};

static bool hset_has(const hset *s, uint64_t k)
{
    if (!s->cap)
        return false;
    for (size_t i = k & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->slot[i] == k)
            return true;
        if (!s->slot[i])
            return false;
    }
}

static int hset_add(hset *s, uint64_t k)
{
    if (2 * (s->n + 1) > s->cap) { /* at most half full */
        size_t nc = s->cap ? 2 * s->cap : 1024;
        uint64_t *v = calloc(nc, sizeof *v);
        if (!v)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i]) {
                size_t j = s->slot[i] & (nc - 1);
                while (v[j])
                    j = (j + 1) & (nc - 1);
                v[j] = s->slot[i];
            }
        free(s->slot);
        s->slot = v, s->cap = nc;
    }
    size_t i = k & (s->cap - 1);
    while (s->slot[i] && s->slot[i] != k)
        i = (i + 1) & (s->cap - 1);
    s->n += !s->slot[i];
    s->slot[i] = k;
    return 0;
}

ta_status ta_dedup_new(ta_dedup **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? TA_OK : TA_ENOMEM;
}

ta_status ta_dedup_add(ta_dedup *d, const uint64_t keys[2], ta_unit_fate *fate)
{
    *fate = TA_UNIT_KEPT;
    if (hset_has(&d->exact, keys[0]))
        *fate = TA_UNIT_DUPLICATE;
    else if (hset_has(&d->norm, keys[1]))
        *fate = TA_UNIT_NEAR_DUPLICATE;
    else if (hset_add(&d->exact, keys[0]) || hset_add(&d->norm, keys[1]))
        return TA_ENOMEM;
    return TA_OK;
}

size_t ta_dedup_count(const ta_dedup *d)
{
    return d ? d->exact.n : 0;
}

void ta_dedup_free(ta_dedup *d)
{
    if (!d)
        return;
    free(d->exact.slot), free(d->norm.slot);
    free(d);
}
