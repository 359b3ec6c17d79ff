/* pairseg.c — segmentation helped by the translation: where scraped news has lost the line
 * break after its headline, the headline is glued to the first sentence on one side or both.
 * The other side often shows where it ends; the split is chosen with the alignment model's
 * own bead costs (lengths, lexicon, names, numbers). */
#include "headline.h"
#include "model.h"
#include <stdlib.h>
#include <string.h>

#define MAX_CAND 32
#define MARGIN 0.5 /* nats a change must win by */

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
    s->ncand = ta_headline_candidates(h, s->t, s->end, s->start, s->end, s->cand, MAX_CAND);
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
                                   ta_span **ru_spans, size_t *n_ru, const ta_lexicon *lx)
{
    (void)en_len, (void)ru_len;
    side e = {.t = en, .sp = *en_spans, .n = *n_en}, r = {.t = ru, .sp = *ru_spans, .n = *n_ru};
    ta_featurizer fz;
    model md;
    ta_headliner *he = NULL, *hr = NULL;
    ta_status st = ta_featurizer_init(&fz, lx, NULL);
    if (st != TA_OK)
        return st;
    if ((st = ta_model_read(&md, lx != NULL)) != TA_OK ||
        (st = ta_headliner_new("en", NULL, NULL, &he, NULL)) != TA_OK ||
        (st = ta_headliner_new("ru", NULL, NULL, &hr, NULL)) != TA_OK ||
        (st = prepare(&e, &fz, 'e', he)) != TA_OK || (st = prepare(&r, &fz, 'r', hr)) != TA_OK)
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
    double best = choice_cost(&md, &e, &r, cur_i, cur_j);
    size_t bi = cur_i, bj = cur_j;
    if (e.split == r.split)
        goto done; /* both whole: nothing to go by; both split: the segmenter's word stands */
    for (size_t i = 0; i <= e.ncand; i++)
        for (size_t j = 0; j <= r.ncand; j++) {
            size_t ci = i < e.ncand ? i : SIZE_MAX, cj = j < r.ncand ? j : SIZE_MAX;
            if ((e.split && ci != cur_i) || (r.split && cj != cur_j))
                continue; /* the side split by the segmenter stays as it is */
            double c = choice_cost(&md, &e, &r, ci, cj);
            if (c < best - MARGIN)
                best = c, bi = ci, bj = cj;
        }
    if (bi != cur_i && (st = apply(&e, en_spans, n_en, bi)) != TA_OK)
        goto done;
    if (bj != cur_j)
        st = apply(&r, ru_spans, n_ru, bj);
done:
    side_release(&e);
    side_release(&r);
    ta_headliner_free(he);
    ta_headliner_free(hr);
    ta_featurizer_release(&fz);
    return st;
}
