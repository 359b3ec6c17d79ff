/* wordchecks.c — the checks built on their own modules: `number` (numbers.c: each side read in
 * its own locale, then compared) and `spelling` (spell.c: hunspell with a bilingual text's
 * exemptions). Both modules are created with the checker when their check is on. */
#include "checks.h"
#include "numbers.h"
#include "spell.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Loading the dictionaries (hunspell: 100-300 ms) starts in a thread when the checker is made,
 * so that it overlaps the alignment that usually comes before the first check. */
struct ta_spell_preload {
    pthread_t th;
    ta_speller *sp;
    ta_status status;
    ta_error err;
};

static void *preload(void *arg)
{
    struct ta_spell_preload *p = arg;
    p->status = ta_speller_load(p->sp, &p->err);
    return NULL;
}

/* Waits for the preload (once); its status. */
static ta_status preload_wait(ta_checker *c, ta_error *err)
{
    struct ta_spell_preload *p = c->preload;
    if (!p)
        return TA_OK;
    pthread_join(p->th, NULL);
    ta_status s = p->status;
    if (s != TA_OK && err)
        *err = p->err;
    free(p);
    c->preload = NULL;
    return s;
}

ta_status ta_wordchecks_init(ta_checker *c, ta_error *err)
{
    ta_status s = TA_OK;
    c->nums_en.esz = c->nums_ru.esz = sizeof(ta_number);
    c->misspelt.esz = sizeof(ta_misspelling);
    if (ta_checker_on(c, ta_check_number))
        s = ta_numparser_new(c->o.data_dir, &c->np, err);
    if (s == TA_OK && ta_checker_on(c, ta_check_spelling)) {
        ta_speller_opts so = {.dict_dir = c->o.dict_dir, .names = c->o.names,
                              .data_dir = c->o.data_dir, .forms_dir = c->o.forms_dir,
                              .en = true, .ru = true};
        s = ta_speller_new(&so, &c->sp, err);
        struct ta_spell_preload *p = s == TA_OK ? calloc(1, sizeof *p) : NULL;
        if (p && (p->sp = c->sp) && !pthread_create(&p->th, NULL, preload, p))
            c->preload = p;
        else
            free(p); /* no thread: the speller loads at its first use */
    }
    return s;
}

void ta_wordchecks_release(ta_checker *c)
{
    preload_wait(c, NULL);
    ta_numparser_free(c->np);
    ta_speller_free(c->sp);
    ta_vec_release(&c->nums_en);
    ta_vec_release(&c->nums_ru);
    ta_vec_release(&c->misspelt);
}

int ta_check_number(check_ctx *x)
{
    ta_checker *c = x->ck;
    const ta_bead *b = x->cur.b;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return 0; /* a left-out sentence is reported as such */
    c->nums_en.len = c->nums_ru.len = 0;
    if (ta_numbers_extract(c->np, 'e', x->cur.en, x->cur.en_len, &c->nums_en) ||
        ta_numbers_extract(c->np, 'r', x->cur.ru, x->cur.ru_len, &c->nums_ru))
        return -1;
    c->scratch.len = 0;
    int changed, d = ta_numbers_diff(x->cur.en, c->nums_en.data, c->nums_en.len, x->cur.ru,
                                     c->nums_ru.data, c->nums_ru.len, &c->scratch, &changed);
    if (d < 0)
        return -1;
    if (!changed) /* only numbers one side adds (a year, a date spelt out): often explicitation */
        x->severity = TA_SEV_WARNING;
    return d ? TA_EMIT_BEAD(x, NULL, NULL, NULL, "%s", c->scratch.data) : 0;
}

/* The id of the sentence of one side of the bead that holds byte `at` of the joined text. */
static size_t sentence_at(const size_t *len, size_t a, size_t b, size_t at)
{
    size_t end = 0;
    for (size_t i = a; i < b; i++) {
        end += len[i] + (i > a);
        if (at < end)
            return i;
    }
    return b > a ? b - 1 : a;
}

static int spell_side(check_ctx *x, bool en)
{
    ta_checker *c = x->ck;
    const ta_bead *b = x->cur.b;
    const char *t = en ? x->cur.en : x->cur.ru, *o = en ? x->cur.ru : x->cur.en;
    size_t n = en ? x->cur.en_len : x->cur.ru_len, on = en ? x->cur.ru_len : x->cur.en_len;
    if (!n)
        return 0;
    c->misspelt.len = 0;
    ta_error err = {0};
    ta_status s = preload_wait(c, &err);
    if (s == TA_OK)
        s = ta_speller_check(c->sp, en ? 'e' : 'r', t, n, o, on, !c->o.no_suggestions,
                             &c->misspelt, &err);
    ta_misspelling *m = c->misspelt.data;
    if (s != TA_OK) {
        for (size_t k = 0; k < c->misspelt.len; k++)
            free(m[k].suggestions);
        c->misspelt.len = 0;
        c->status = s;
        c->err = err;
        return -1;
    }
    int rc = 0;
    for (size_t k = 0; k < c->misspelt.len && !rc; k++) {
        c->scratch.len = 0;
        if (ta_buf_add(&c->scratch, t + m[k].start, m[k].end - m[k].start)) {
            rc = -1;
            break;
        }
        const char *w = c->scratch.data, *sg = m[k].suggestions;
        size_t i = en ? sentence_at(x->doc->en_len, b->en0, b->en1, m[k].start) : 0;
        size_t j = en ? 0 : sentence_at(x->doc->ru_len, b->ru0, b->ru1, m[k].start);
        rc = ta_emit(x, x->cur.index, en ? i : b->en0, en ? i + 1 : b->en1, en ? b->ru0 : j,
                     en ? b->ru1 : j + 1, en ? "en" : "ru", w, sg ? sg : "",
                     "%s: \"%s\" is not in the dictionary", en ? "English" : "Russian", w);
    }
    for (size_t k = 0; k < c->misspelt.len; k++)
        free(m[k].suggestions);
    c->misspelt.len = 0;
    return rc;
}

int ta_check_spelling(check_ctx *x)
{
    return spell_side(x, true) || spell_side(x, false) ? -1 : 0;
}
