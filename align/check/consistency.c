/* consistency.c — per-document checks of consistency: ё and е mixed in one word ("ещё" here,
 * "еще" there), and inconsistent translation (the same English sentence translated in two
 * ways, or two different English sentences translated the same). */
#include "checks.h"
#include <stdlib.h>
#include <string.h>

#define YO 0x451
#define YO_UPPER 0x401
#define IE 0x435

/* The bead of each Russian sentence (-1 when none holds it), into a malloc'ed array. */
static long *ru_beads(const ta_corpus *d)
{
    long *at = malloc((d->n_ru ? d->n_ru : 1) * sizeof *at);
    for (size_t j = 0; at && j < d->n_ru; j++)
        at[j] = -1;
    for (size_t i = 0; at && i < d->n_beads; i++)
        for (size_t j = d->beads[i].ru0; j < d->beads[i].ru1; j++)
            if (j < d->n_ru)
                at[j] = (long)i;
    return at;
}

static int emit_on(check_ctx *x, long bead, const char *lang, const char *word, const char *fmt,
                   const char *a, int ia, const char *b, int ib)
{
    const ta_bead *bd = &x->doc->beads[bead];
    return ta_emit(x, (size_t)bead, bd->en0, bd->en1, bd->ru0, bd->ru1, lang, word, NULL, fmt, a,
                   ia, b, ib);
}

/* ---- yo ---- */

/* Words whose ё and е forms are different words (все "all" / всё "everything", чем / чём,
 * звезды genitive singular / звёзды plural ...): both forms are right in one text. */
static const char *const YO_HOMOGRAPHS[] = {
    "все", "чем", "нем", "берет", "осел", "слез", "небо", "узнаем", "признаем", "падеж", "лен",
    "мел", "плачем", "совершенный", "совершенная", "совершенное", "совершенно", "звезды",
    "сестры", "жены", "озера", "села", "весла", "гнезда", "ведра", "пчелы", "стекла", "слезы",
    "ремесла", "желчь", "истекший", "поем", "летем", "вселенная"};

static bool homograph(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof YO_HOMOGRAPHS / sizeof *YO_HOMOGRAPHS; k++)
        if (strlen(YO_HOMOGRAPHS[k]) == n && !memcmp(YO_HOMOGRAPHS[k], w, n))
            return true;
    return false;
}

/* A word written with ё somewhere in the document. */
typedef struct {
    char *yo_form, *e_form; /* as first written (e_form NULL until seen) */
    int yo_sent, e_sent;
} yo_word;

typedef struct {
    ta_strmap map; /* lowercase е form -> index into words */
    ta_vec words;  /* yo_word */
    ta_buf key;
} yo_state;

/* Calls fn for each word (run of letters) of s. 0, or -1 when fn fails. */
static int each_word(yo_state *st, const char *s, size_t n, int sent,
                     int (*fn)(yo_state *, const char *, size_t, int))
{
    for (size_t i = 0; i < n;) {
        size_t a = i, z = i;
        while (z < n) {
            size_t j = z;
            if (!ta_is_alpha(ta_u8_decode(s, n, &j)))
                break;
            z = j;
        }
        if (z > a) {
            if (fn(st, s + a, z - a, sent))
                return -1;
            i = z;
        } else
            ta_u8_decode(s, n, &i);
    }
    return 0;
}

static bool has_yo(const char *w, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t ch = ta_u8_decode(w, n, &i);
        if (ch == YO || ch == YO_UPPER)
            return true;
    }
    return false;
}

static bool has_ie(const char *w, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t ch = ta_to_lower(ta_u8_decode(w, n, &i));
        if (ch == IE)
            return true;
    }
    return false;
}

static int add_yo(yo_state *st, const char *w, size_t n, int sent)
{
    if (!has_yo(w, n))
        return 0;
    st->key.len = 0;
    if (ta_u8_lower(&st->key, w, n, true))
        return -1;
    int k;
    if (homograph(st->key.data, st->key.len) || ta_strmap_get(&st->map, st->key.data, st->key.len, &k))
        return 0;
    yo_word *y = ta_vec_push(&st->words);
    if (!y || !(y->yo_form = strndup(w, n)))
        return -1;
    y->yo_sent = sent, y->e_sent = -1;
    return ta_strmap_put(&st->map, st->key.data, st->key.len, (int)st->words.len - 1) ? -1 : 0;
}

static int add_e(yo_state *st, const char *w, size_t n, int sent)
{
    if (has_yo(w, n) || !has_ie(w, n))
        return 0;
    st->key.len = 0;
    if (ta_u8_lower(&st->key, w, n, true))
        return -1;
    int k;
    if (!ta_strmap_get(&st->map, st->key.data, st->key.len, &k))
        return 0;
    yo_word *y = (yo_word *)st->words.data + k;
    if (y->e_form)
        return 0;
    y->e_sent = sent;
    return (y->e_form = strndup(w, n)) ? 0 : -1;
}

static int yo_report(check_ctx *x, yo_state *st)
{
    long *at = ru_beads(x->doc);
    if (!at)
        return -1;
    int r = 0;
    for (size_t k = 0; k < st->words.len && !r; k++) {
        const yo_word *y = (yo_word *)st->words.data + k;
        int later = y->e_sent > y->yo_sent ? y->e_sent : y->yo_sent;
        if (y->e_form && at[later] >= 0)
            r = emit_on(x, at[later], "ru", y->yo_form,
                        "ё and е mixed: \"%s\" (Russian sentence %d) and \"%s\" (sentence %d)",
                        y->yo_form, y->yo_sent, y->e_form, y->e_sent);
    }
    free(at);
    return r;
}

int ta_check_yo(check_ctx *x)
{
    const ta_corpus *d = x->doc;
    yo_state st = {.words = {.esz = sizeof(yo_word)}};
    int r = 0;
    for (size_t j = 0; j < d->n_ru && !r; j++)
        r = each_word(&st, d->ru[j], d->ru_len[j], (int)j, add_yo);
    for (size_t j = 0; j < d->n_ru && !r && st.words.len; j++)
        r = each_word(&st, d->ru[j], d->ru_len[j], (int)j, add_e);
    if (!r && st.words.len)
        r = yo_report(x, &st);
    for (size_t k = 0; k < st.words.len; k++)
        free(((yo_word *)st.words.data)[k].yo_form), free(((yo_word *)st.words.data)[k].e_form);
    ta_vec_release(&st.words);
    ta_strmap_release(&st.map);
    ta_buf_release(&st.key);
    return r;
}

/* ---- inconsistency ---- */

/* Sentences of fewer words than this are left out (datelines, "Source: TASS", "Thank you."):
 * they are translated in several right ways */
#define CONSIST_MIN_WORDS 4
/* bytes of the other translation quoted in a message */
#define CONSIST_QUOTE 100

/* A 1-1 bead's two sides, normalised: lowercase, ё as е, white space collapsed. */
typedef struct {
    size_t en, ru;   /* offsets into the text buffer */
    size_t en_n, ru_n;
    bool en_long, ru_long; /* at least CONSIST_MIN_WORDS words */
} norm_pair;

static int norm_side(ta_buf *b, const char *s, size_t n, size_t *off, size_t *len, bool *lng)
{
    *off = b->len;
    size_t words = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        uint32_t ch = ta_u8_decode(s, n, &i);
        if (ta_is_space(ch)) {
            space = b->len > *off;
            continue;
        }
        if (space && ta_buf_addc(b, ' '))
            return -1;
        words += space || b->len == *off;
        space = false;
        ch = ta_to_lower(ch);
        char tmp[4];
        if (ta_buf_add(b, tmp, (size_t)ta_u8_encode(ch == YO ? IE : ch, tmp)))
            return -1;
    }
    *len = b->len - *off;
    *lng = words >= CONSIST_MIN_WORDS;
    return ta_buf_addc(b, '\0');
}

static bool one_one(const ta_bead *b) { return b->en1 - b->en0 == 1 && b->ru1 - b->ru0 == 1; }

/* Reports the bead under test against bead j: same English, other translation (same_en), or
 * the other way round. */
static int inconsistent(check_ctx *x, size_t j, bool same_en)
{
    const ta_corpus *d = x->doc;
    const ta_bead *bj = &d->beads[j];
    if (same_en) {
        const char *r = d->ru[bj->ru0];
        size_t rn = d->ru_len[bj->ru0];
        int q = rn > CONSIST_QUOTE ? CONSIST_QUOTE : (int)rn;
        while (q > 0 && ((unsigned char)r[q] & 0xC0) == 0x80 && (size_t)q < rn)
            q--;
        return TA_EMIT_BEAD(x, "ru", NULL, NULL, "the same English sentence (English %zu) is "
                            "translated differently in Russian %zu: \"%.*s%s\"", bj->en0, bj->ru0,
                            q, r, (size_t)q < rn ? "…" : "");
    }
    const char *e = d->en[bj->en0];
    size_t en = d->en_len[bj->en0];
    int q = en > CONSIST_QUOTE ? CONSIST_QUOTE : (int)en;
    while (q > 0 && ((unsigned char)e[q] & 0xC0) == 0x80 && (size_t)q < en)
        q--;
    return TA_EMIT_BEAD(x, "en", NULL, NULL, "the same translation (Russian %zu) is given for a "
                        "different English sentence (English %zu): \"%.*s%s\"", bj->ru0, bj->en0,
                        q, e, (size_t)q < en ? "…" : "");
}

static bool same(const ta_buf *t, size_t a, size_t an, size_t b, size_t bn)
{
    return an == bn && !memcmp(t->data + a, t->data + b, an);
}

static int compare_beads(check_ctx *x, ta_buf *t, norm_pair *np)
{
    const ta_corpus *d = x->doc;
    ta_strmap by_en = {0}, by_ru = {0};
    int r = 0;
    for (size_t i = 0; i < d->n_beads && !r; i++) {
        const ta_bead *b = &d->beads[i];
        if (!one_one(b))
            continue;
        x->cur = (check_bead){.index = i, .b = b};
        int j;
        const norm_pair *p = &np[i];
        if (p->en_long && ta_strmap_get(&by_en, t->data + p->en, p->en_n, &j)) {
            if (!same(t, p->ru, p->ru_n, np[j].ru, np[j].ru_n))
                r = inconsistent(x, (size_t)j, true);
        } else if (p->en_long && ta_strmap_put(&by_en, t->data + p->en, p->en_n, (int)i))
            r = -1;
        if (r || !p->ru_long)
            continue;
        if (ta_strmap_get(&by_ru, t->data + p->ru, p->ru_n, &j)) {
            if (!same(t, p->en, p->en_n, np[j].en, np[j].en_n))
                r = inconsistent(x, (size_t)j, false);
        } else if (ta_strmap_put(&by_ru, t->data + p->ru, p->ru_n, (int)i))
            r = -1;
    }
    ta_strmap_release(&by_en);
    ta_strmap_release(&by_ru);
    return r;
}

int ta_check_inconsistency(check_ctx *x)
{
    const ta_corpus *d = x->doc;
    norm_pair *np = calloc(d->n_beads ? d->n_beads : 1, sizeof *np);
    ta_buf t = {0};
    int r = np ? 0 : -1;
    for (size_t i = 0; i < d->n_beads && !r; i++) {
        const ta_bead *b = &d->beads[i];
        if (one_one(b))
            r = norm_side(&t, d->en[b->en0], d->en_len[b->en0], &np[i].en, &np[i].en_n,
                          &np[i].en_long) ||
                norm_side(&t, d->ru[b->ru0], d->ru_len[b->ru0], &np[i].ru, &np[i].ru_n,
                          &np[i].ru_long);
    }
    if (!r)
        r = compare_beads(x, &t, np);
    free(np);
    ta_buf_release(&t);
    return r;
}
