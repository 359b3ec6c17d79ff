/* pairseg.c — segmentation helped by the translation. Where scraped news has lost the line
 * break after its headline, the headline is glued to the first sentence on one side or both,
 * and the other side often shows where it ends (ta_split_glued_headlines, before aligning);
 * where a 2-1 or 1-2 bead's single sentence hides a boundary without punctuation, it is split
 * in two 1-1 beads (ta_split_by_translation, after). Splits are chosen with the alignment
 * model's own bead costs (lengths, lexicon, names, numbers), among the places that look like a
 * sentence end the segmenter could not see (sentence_end_like): never between two words of one
 * name or clause. */
#include "kit.h"
#include <stdlib.h>
#include <string.h>

/* What both functions need, from a kit: the model, a featurizer and each language's headline
 * rules. */
typedef struct {
    ta_featurizer *fz;
    const model *md;
    ta_headliner *he, *hr;
} tools;

static ta_status tools_init(tools *t, ta_kit *k, const ta_lexicon *lx, ta_error *err)
{
    memset(t, 0, sizeof *t);
    ta_status st = ta_kit_model(k, lx != NULL, &t->md, err);
    if (st == TA_OK)
        st = ta_kit_headliners(k, &t->he, &t->hr, err);
    t->fz = ta_kit_featurizer(k, lx);
    return st;
}

static void tools_release(tools *t)
{
    ta_featurizer_reset(t->fz, NULL); /* the document's forms freed at once */
}

#define MAX_CAND 32
#define SWITCH 1.0 /* nats: moving a split the segmenter made must win by this much */
#define NEAR 16384 /* bytes either side of a place searched for its next word elsewhere */

/* A white-space-delimited token t[a, e) and its letters t[ca, cz) (without quotes, brackets
 * and trailing punctuation); c is the first letter (0 when there is none). */
typedef struct {
    size_t a, e, ca, cz;
    uint32_t c;
} token;

static token token_at(const char *t, size_t a, size_t e)
{
    token k = {a, e, a, e, 0};
    for (size_t q = k.ca; q < e; k.ca = q)
        if (!ta_is_open_punct(ta_u8_decode(t, e, &q)))
            break;
    for (size_t q = k.cz; q > k.ca; k.cz = q) {
        uint32_t c = ta_u8_prev(t, &q);
        if (ta_is_alpha(c) || ta_is_digit(c))
            break;
    }
    size_t q = k.ca;
    k.c = k.ca < k.cz ? ta_u8_decode(t, k.cz, &q) : 0;
    return k;
}

/* The token that starts at w (w < to), or the one that ends at the space before w. */
static token token_after(const char *t, size_t w, size_t to)
{
    size_t e = w;
    while (e < to && t[e] != ' ')
        e++;
    return token_at(t, w, e);
}

static token token_before(const char *t, size_t from, size_t w)
{
    size_t e = w;
    while (e > from && t[e - 1] == ' ')
        e--;
    return token_at(t, ta_token_start(t, from, e), e);
}

/* Is the capitalised token x of t[0, to) a common word rather than a name: a function word, a
 * sentence starter ("The", "По", "According") or a word seen in lowercase in doc[0, len)? (No
 * dictionary: the answer does not depend on what the machine has installed.) */
static bool common(ta_headliner *h, const char *t, size_t to, token x, const char *doc,
                   size_t len)
{
    return ta_headliner_stopword(h, t + x.ca, x.cz - x.ca) ||
           ta_headliner_starter(h, t, to, x.ca) ||
           ta_headliner_seen_lowercase(h, t + x.ca, x.cz - x.ca, doc, len);
}

/* Is the word w (n bytes) used as a name elsewhere in doc[0, len): capitalised after a word of
 * the same sentence (a letter, digit or comma before the space), not at `self`? */
static bool name_elsewhere(const char *doc, size_t len, const char *w, size_t n, const char *self)
{
    for (const char *q = doc, *end = doc + len; (size_t)(end - q) > n;) {
        const char *m = memchr(q, (unsigned char)w[0], (size_t)(end - q) - n);
        if (!m)
            break;
        size_t i = (size_t)(m - doc), j = i + n, r = i - 1, s = j;
        if (m != self && i >= 2 && doc[i - 1] == ' ' && !memcmp(m, w, n) &&
            (j >= len || !ta_is_alpha(ta_u8_decode(doc, len, &s)))) {
            uint32_t c = ta_u8_prev(doc, &r);
            if (ta_is_alpha(c) || ta_is_digit(c) || c == ',')
                return true;
        }
        q = m + 1;
    }
    return false;
}

/* Could a sentence end before the word at w inside the sentence t[from, to), where the segmenter
 * saw none? Only before a word (not a dash: '"... дуэт?" - написал') and after sentence-final-
 * like evidence: a kept full stop after a word that is no initial ("added. rus.err.ee wrote";
 * not "M. Pompeo"), or a word that can close a clause followed by one that can open a sentence.
 * Never before a number or an acronym (they go with the word before: "at least 38",
 * "коронавируса COVID-19"), one word after a comma ("dialogue, Russian | Ambassador"), after a
 * capitalised word ("Eastern | Europe", "Madhya Pradesh | Chief Minister") unless a function
 * word and a lowercase word follow ("... Monument | The city") or, in a headline region
 * (`headline`: a document's first sentence), a word not used as a name elsewhere and a lowercase
 * one ("in Samara | Twelve crews"; not "Hichem | Mechichi has", "Mechichi" seen mid-sentence),
 * and never between a lowercase word and a name in apposition ("Locomotiv star | Miranchuk
 * have"). doc[0, len) is the whole text, searched NEAR bytes either side of w. */
static bool sentence_end_like(ta_headliner *h, const char *t, size_t from, size_t to, size_t w,
                              bool headline, const char *doc, size_t len)
{
    token p = token_before(t, from, w), x = token_after(t, w, to);
    if (!x.c)
        return false;
    if (p.cz < p.e && (t[p.cz] == '.' || t[p.cz] == '!' || t[p.cz] == '?'))
        return ta_u8_count(t + p.ca, p.cz - p.ca) > 1;
    if (ta_is_digit(x.c) || ta_is_acronym(t, x.ca, x.cz))
        return false;
    size_t c = p.a;
    while (c > from && t[c - 1] == ' ')
        c--;
    if (c > from && t[c - 1] == ',')
        return false;
    token y = x.e < to ? token_after(t, x.e + 1, to) : (token){0};
    size_t da = w > NEAR ? w - NEAR : 0, dz = w + NEAR < len ? w + NEAR : len;
    if (ta_is_upper(p.c) &&
        !(ta_headliner_stopword(h, t + x.ca, x.cz - x.ca) && !ta_is_upper(y.c)) &&
        !(headline && ta_is_lower(y.c) &&
          !name_elsewhere(doc + da, dz - da, t + x.ca, x.cz - x.ca, t + x.ca)))
        return false;
    return !(ta_is_lower(p.c) && ta_is_lower(y.c) && !common(h, t, to, x, doc + da, dz - da));
}

/* Keeps the candidates cand[0, n) that look like a sentence end; returns how many. */
static size_t sentence_ends(ta_headliner *h, const char *t, size_t from, size_t to, bool headline,
                            const char *doc, size_t len, size_t *cand, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (sentence_end_like(h, t, from, to, cand[i], headline, doc, len))
            cand[k++] = cand[i];
    return k;
}

typedef struct {
    const char *t;
    ta_span *sp;
    size_t n;
    size_t first;   /* the first headline or body span */
    size_t start, end; /* the region: span first, with the body span glued after it, if any */
    bool fixed;     /* a headline on its own line: nothing to decide */
    bool split;     /* the segmenter split the region in two (a glued headline it found) */
    size_t cand[MAX_CAND + 1];
    size_t ncand;
    ta_feat whole;  /* the region unsplit */
    ta_feat *head, *body; /* per candidate */
} side;

static void side_release(side *s)
{
    for (size_t k = 0; s->head && k < s->ncand; k++) {
        ta_feat_release(&s->head[k]);
        ta_feat_release(&s->body[k]);
    }
    ta_feat_release(&s->whole);
    free(s->head);
    free(s->body);
}

/* Finds the side's first sentence (with a headline the segmenter split off in the same
 * paragraph) and the places a glued headline could end; featurizes the parts. */
static ta_status prepare(side *s, ta_featurizer *fz, char lang, ta_headliner *h)
{
    s->first = 0;
    while (s->first < s->n && s->sp[s->first].kind != TA_KIND_BODY &&
           s->sp[s->first].kind != TA_KIND_HEADLINE)
        s->first++;
    if (s->first >= s->n)
        return TA_OK;
    ta_span *f = &s->sp[s->first];
    s->start = f->start, s->end = f->end;
    if (f->kind == TA_KIND_HEADLINE) {
        ta_span *g = f + 1;
        s->fixed = s->first + 1 >= s->n || g->paragraph != f->paragraph || g->kind != TA_KIND_BODY;
        if (s->fixed)
            return TA_OK;
        s->split = true;
        s->end = g->end;
    }
    s->ncand = ta_headline_candidates(h, s->t, s->end, s->start, s->end, false, s->cand,
                                      MAX_CAND);
    s->ncand = sentence_ends(h, s->t, s->start, s->end, true, s->t, s->sp[s->n - 1].end,
                             s->cand, s->ncand);
    if (s->split) { /* the segmenter's own split is one of the choices */
        size_t k = 0, p = s->sp[s->first + 1].start;
        while (k < s->ncand && s->cand[k] != p)
            k++;
        if (k == s->ncand)
            s->cand[s->ncand++] = p;
    }
    s->head = calloc(s->ncand + 1, sizeof *s->head);
    s->body = calloc(s->ncand + 1, sizeof *s->body);
    if (!s->head || !s->body ||
        ta_featurize(fz, lang, s->t + s->start, s->end - s->start, &s->whole))
        return TA_ENOMEM;
    for (size_t k = 0; k < s->ncand; k++) {
        size_t he = s->cand[k];
        while (he > s->start && s->t[he - 1] == ' ')
            he--;
        if (ta_featurize(fz, lang, s->t + s->start, he - s->start, &s->head[k]) ||
            ta_featurize(fz, lang, s->t + s->cand[k], s->end - s->cand[k], &s->body[k]))
            return TA_ENOMEM;
    }
    return TA_OK;
}

/* Makes the side's region one span (k == SIZE_MAX) or a headline and a body split at cand[k]. */
static ta_status apply(side *s, ta_span **spans, size_t *n, size_t k)
{
    size_t i = s->first;
    if (s->split && k == SIZE_MAX) { /* join */
        (*spans)[i].end = s->end;
        (*spans)[i].kind = TA_KIND_BODY;
        memmove(*spans + i + 1, *spans + i + 2, (*n - i - 2) * sizeof **spans);
        (*n)--;
        return TA_OK;
    }
    if (k == SIZE_MAX)
        return TA_OK;
    if (!s->split) {
        ta_span *v = realloc(*spans, (*n + 1) * sizeof *v);
        if (!v)
            return TA_ENOMEM;
        *spans = v;
        memmove(v + i + 1, v + i, (*n - i) * sizeof *v);
        (*n)++;
    }
    ta_span *v = *spans;
    size_t p = s->cand[k], he = p;
    while (he > s->start && s->t[he - 1] == ' ')
        he--;
    v[i].end = he;
    v[i].kind = TA_KIND_HEADLINE;
    v[i + 1] = v[i];
    v[i + 1].start = p;
    v[i + 1].end = s->end;
    v[i + 1].kind = TA_KIND_BODY;
    return TA_OK;
}

/* Cost of the choice (i, j): SIZE_MAX for a side left whole, else its candidate's split. */
static double choice_cost(const model *md, side *e, side *r, size_t i, size_t j)
{
    if (i == SIZE_MAX && j == SIZE_MAX)
        return ta_bead_cost(md, &e->whole, 1, &r->whole, 1, 0);
    if (i == SIZE_MAX) {
        ta_feat two[2] = {r->head[j], r->body[j]};
        return ta_bead_cost(md, &e->whole, 1, two, 2, 4);
    }
    if (j == SIZE_MAX) {
        ta_feat two[2] = {e->head[i], e->body[i]};
        return ta_bead_cost(md, two, 2, &r->whole, 1, 3);
    }
    return ta_bead_cost(md, &e->head[i], 1, &r->head[j], 1, 0) +
           ta_bead_cost(md, &e->body[i], 1, &r->body[j], 1, 0);
}

ta_status ta_split_glued_headlines(const char *en, size_t en_len, ta_span **en_spans,
                                   size_t *n_en, const char *ru, size_t ru_len,
                                   ta_span **ru_spans, size_t *n_ru, const ta_lexicon *lx,
                                   const char *data_dir, ta_error *err)
{
    (void)en_len, (void)ru_len;
    ta_kit k;
    ta_status st = ta_kit_init(&k, data_dir, err);
    if (st == TA_OK)
        st = ta_split_glued_headlines_kit(&k, en, en_spans, n_en, ru, ru_spans, n_ru, lx, err);
    ta_kit_release(&k);
    return st == TA_ENOMEM ? ta_fail(err, st, "out of memory") : st;
}

ta_status ta_split_glued_headlines_kit(ta_kit *k, const char *en, ta_span **en_spans,
                                       size_t *n_en, const char *ru, ta_span **ru_spans,
                                       size_t *n_ru, const ta_lexicon *lx, ta_error *err)
{
    side e = {.t = en, .sp = *en_spans, .n = *n_en}, r = {.t = ru, .sp = *ru_spans, .n = *n_ru};
    tools tl;
    ta_status st = tools_init(&tl, k, lx, err);
    if (st != TA_OK)
        return st;
    const model *md = tl.md;
    if ((st = prepare(&e, tl.fz, 'e', tl.he)) != TA_OK ||
        (st = prepare(&r, tl.fz, 'r', tl.hr)) != TA_OK)
        goto done;
    if (e.first >= e.n || r.first >= r.n || e.fixed || r.fixed || (!e.ncand && !r.ncand))
        goto done;
    /* where one side's segmenter split a headline off and the other's did not, the other side
     * gets the split (or none) that fits best; the segmenter's choice is the one to beat */
    size_t cur_i = e.split ? e.ncand - 1 : SIZE_MAX, cur_j = r.split ? r.ncand - 1 : SIZE_MAX;
    for (size_t k = 0; e.split && k + 1 < e.ncand; k++)
        if (e.cand[k] == e.sp[e.first + 1].start)
            cur_i = k;
    for (size_t k = 0; r.split && k + 1 < r.ncand; k++)
        if (r.cand[k] == r.sp[r.first + 1].start)
            cur_j = k;
    double best = choice_cost(md, &e, &r, cur_i, cur_j);
    size_t bi = cur_i, bj = cur_j;
    if (!e.split && !r.split)
        goto done; /* both whole: nothing to go by */
    bool both = e.split && r.split;
    for (size_t i = 0; i <= e.ncand; i++)
        for (size_t j = 0; j <= r.ncand; j++) {
            size_t ci = i < e.ncand ? i : SIZE_MAX, cj = j < r.ncand ? j : SIZE_MAX;
            /* one side keeps the segmenter's split; where both have one, either may move to
             * fit the other (by SWITCH nats at least) */
            if (both ? (ci != cur_i && cj != cur_j) || ci == SIZE_MAX || cj == SIZE_MAX
                     : (e.split && ci != cur_i) || (r.split && cj != cur_j))
                continue;
            double c = choice_cost(md, &e, &r, ci, cj) +
                       (both && (ci != cur_i || cj != cur_j)) * SWITCH;
            if (c < best)
                best = c, bi = ci, bj = cj;
        }
    if (bi != cur_i && (st = apply(&e, en_spans, n_en, bi)) != TA_OK)
        goto done;
    if (bj != cur_j)
        st = apply(&r, ru_spans, n_ru, bj);
done:
    side_release(&e);
    side_release(&r);
    tools_release(&tl);
    return st;
}

/* Inserts a split of span i at byte p (both parts keep the span's paragraph and kind). */
static ta_status split_span(const char *t, ta_span **spans, size_t *n, size_t i, size_t p)
{
    ta_span *v = realloc(*spans, (*n + 1) * sizeof *v);
    if (!v)
        return TA_ENOMEM;
    *spans = v;
    memmove(v + i + 1, v + i, (*n - i) * sizeof *v);
    (*n)++;
    size_t he = p;
    while (he > v[i].start && t[he - 1] == ' ')
        he--;
    v[i].end = he;
    v[i + 1].start = p;
    if (v[i + 1].kind == TA_KIND_HEADLINE)
        v[i + 1].kind = TA_KIND_BODY;
    return TA_OK;
}

/* For the bead b of type 2-1 (en_single false: the Russian side is one sentence) or 1-2: the
 * byte where the single sentence is best split in two 1-1 beads, or 0 to keep it. */
static ta_status best_split(tools *tl, const char *st, size_t st_len, const ta_span *ss,
                            const char *mt, const ta_span *ms, bool en_single, size_t *at)
{
    const model *md = tl->md;
    ta_featurizer *fz = tl->fz;
    ta_headliner *h = en_single ? tl->he : tl->hr;
    char sl = en_single ? 'e' : 'r', ml = en_single ? 'r' : 'e';
    size_t cand[MAX_CAND];
    size_t nc = ta_headline_candidates(h, st, ss->end, ss->start, ss->end, true, cand, MAX_CAND);
    nc = sentence_ends(h, st, ss->start, ss->end, false, st, st_len, cand, nc);
    *at = 0;
    if (!nc)
        return TA_OK;
    ta_feat whole = {0}, m[2] = {{0}}, a = {0}, b = {0};
    ta_status rc = TA_ENOMEM;
    if (ta_featurize(fz, sl, st + ss->start, ss->end - ss->start, &whole) ||
        ta_featurize(fz, ml, mt + ms[0].start, ms[0].end - ms[0].start, &m[0]) ||
        ta_featurize(fz, ml, mt + ms[1].start, ms[1].end - ms[1].start, &m[1]))
        goto out;
    double best = en_single ? ta_bead_cost(md, &whole, 1, m, 2, 4) : ta_bead_cost(md, m, 2, &whole, 1, 3);
    for (size_t k = 0; k < nc; k++) {
        size_t he = cand[k];
        while (he > ss->start && st[he - 1] == ' ')
            he--;
        if (ta_featurize(fz, sl, st + ss->start, he - ss->start, &a) ||
            ta_featurize(fz, sl, st + cand[k], ss->end - cand[k], &b))
            goto out;
        double c = en_single ? ta_bead_cost(md, &a, 1, &m[0], 1, 0) + ta_bead_cost(md, &b, 1, &m[1], 1, 0)
                             : ta_bead_cost(md, &m[0], 1, &a, 1, 0) + ta_bead_cost(md, &m[1], 1, &b, 1, 0);
        ta_feat_release(&a);
        ta_feat_release(&b);
        if (c < best)
            best = c, *at = cand[k];
    }
    rc = TA_OK;
out:
    ta_feat_release(&whole);
    ta_feat_release(&m[0]);
    ta_feat_release(&m[1]);
    ta_feat_release(&a);
    ta_feat_release(&b);
    return rc;
}

ta_status ta_split_by_translation(const char *en, ta_span **en_spans, size_t *n_en,
                                  const char *ru, ta_span **ru_spans, size_t *n_ru,
                                  ta_bead **beads, size_t *n_beads, const ta_lexicon *lx,
                                  const char *data_dir, ta_error *err)
{
    ta_kit k;
    ta_status st = ta_kit_init(&k, data_dir, err);
    if (st == TA_OK)
        st = ta_split_by_translation_kit(&k, en, en_spans, n_en, ru, ru_spans, n_ru, beads,
                                         n_beads, lx, err);
    ta_kit_release(&k);
    return st == TA_ENOMEM ? ta_fail(err, st, "out of memory") : st;
}

ta_status ta_split_by_translation_kit(ta_kit *kit, const char *en, ta_span **en_spans,
                                      size_t *n_en, const char *ru, ta_span **ru_spans,
                                      size_t *n_ru, ta_bead **beads, size_t *n_beads,
                                      const ta_lexicon *lx, ta_error *err)
{
    tools tl;
    ta_status st = tools_init(&tl, kit, lx, err);
    if (st != TA_OK)
        return st;
    ta_vec out = {.esz = sizeof(ta_bead)};
    size_t se = 0, sr = 0; /* sentences inserted so far on each side */
    for (size_t k = 0; k < *n_beads; k++) {
        ta_bead b = (*beads)[k];
        b.en0 += se, b.en1 += se, b.ru0 += sr, b.ru1 += sr;
        int de = b.en1 - b.en0, dr = b.ru1 - b.ru0;
        size_t at = 0;
        if ((de == 1 && dr == 2) || (de == 2 && dr == 1)) {
            bool es = de == 1;
            st = es ? best_split(&tl, en, (*en_spans)[*n_en - 1].end, &(*en_spans)[b.en0], ru,
                                 &(*ru_spans)[b.ru0], true, &at)
                    : best_split(&tl, ru, (*ru_spans)[*n_ru - 1].end, &(*ru_spans)[b.ru0], en,
                                 &(*en_spans)[b.en0], false, &at);
            if (st == TA_OK && at)
                st = es ? split_span(en, en_spans, n_en, (size_t)b.en0, at)
                        : split_span(ru, ru_spans, n_ru, (size_t)b.ru0, at);
            if (st != TA_OK)
                goto done;
            if (at) {
                ta_bead *x = ta_vec_push(&out), *y = x ? ta_vec_push(&out) : NULL;
                if (!y) {
                    st = TA_ENOMEM;
                    goto done;
                }
                x = (ta_bead *)out.data + out.len - 2; /* the push may have moved it */
                *x = (ta_bead){b.en0, b.en0 + 1, b.ru0, b.ru0 + 1, b.score};
                *y = (ta_bead){b.en0 + 1, b.en0 + 2, b.ru0 + 1, b.ru0 + 2, b.score};
                se += es, sr += !es;
                continue;
            }
        }
        ta_bead *x = ta_vec_push(&out);
        if (!x) {
            st = TA_ENOMEM;
            goto done;
        }
        *x = b;
    }
    ta_free(*beads);
    *beads = out.data;
    *n_beads = out.len;
    out.data = NULL;
done:
    ta_vec_release(&out);
    tools_release(&tl);
    return st;
}
