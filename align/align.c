/* align.c — sentence alignment: dynamic programming over 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and
 * 3-1 beads inside a band around the diagonal (widened when the path touches its edge).
 * Bead cost = Gale–Church length cost + unmatched-word cost (lexicon, numbers, names) + prior. */
#include "sentfeat.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

ta_align_opts ta_align_opts_default(void)
{
    ta_align_opts o = {.max_bead = 3, .use_lexicon = true, .realign = true, .band = 100};
    return o;
}

typedef struct {
    int de, dr;
    double prior; /* -log P(type) */
} bead_type;

static const bead_type TYPES[] = {{1, 1, 0.16}, {1, 0, 4.6}, {0, 1, 4.6}, {2, 1, 2.8},
                                  {1, 2, 2.8},  {2, 2, 5.0}, {3, 1, 5.0}, {1, 3, 5.0}};
#define NTYPES (sizeof TYPES / sizeof *TYPES)
#ifndef W_UNMATCHED
#define W_UNMATCHED 0.2 /* cost of an unmatched content word (nats) */
#endif
#ifndef W_MATCH
#define W_MATCH 0.1     /* gain of a matched content word (nats) */
#endif

typedef struct {
    double c, s2;
    const ta_feat *en, *ru;
    size_t n, m;
    int band;
    float *cost;            /* (n+1) x (2*band+1) */
    unsigned char *back;
    unsigned char *match;   /* n x (2*band+1): matched words of the 1-1 pair (i, j) */
} dp;

static long lo_of(const dp *d, size_t i)
{
    return (long)((double)i * (double)d->m / (double)(d->n ? d->n : 1)) - d->band;
}

static int matches(const dp *d, size_t i, size_t j)
{
    long k = (long)j - lo_of(d, i);
    if (k < 0 || k > 2 * d->band)
        return ta_feat_matches(&d->en[i], &d->ru[j]);
    return d->match[i * (size_t)(2 * d->band + 1) + (size_t)k];
}

static double len_cost(const dp *d, int a, int b)
{
    if (a == 0 || b == 0) /* null beads: their prior and word costs decide */
        return 0;
    double mean = (a + b / d->c) / 2.0;
    double delta = (b - d->c * a) / sqrt((mean < 1 ? 1 : mean) * d->s2);
    double z = fabs(delta) / sqrt(2.0);
    double p = erfc(z);
    if (p < 1e-300)
        return z * z + log(z * sqrt(M_PI));
    return -log(p);
}

/* cost of the bead ending at (i, j) with type t, and its lexical figures */
static double bead_cost(const dp *d, size_t i, size_t j, const bead_type *t, double *sim)
{
    int le = 0, lr = 0, ce = 0, cr = 0, m = 0;
    for (int a = 1; a <= t->de; a++)
        le += d->en[i - (size_t)a].len, ce += d->en[i - (size_t)a].ncontent;
    for (int b = 1; b <= t->dr; b++)
        lr += d->ru[j - (size_t)b].len, cr += d->ru[j - (size_t)b].ncontent;
    for (int a = 1; a <= t->de; a++) {
        int mi = 0;
        for (int b = 1; b <= t->dr; b++)
            mi += matches(d, i - (size_t)a, j - (size_t)b);
        int cap = d->en[i - (size_t)a].ncontent;
        m += mi < cap ? mi : cap;
    }
    if (m > cr)
        m = cr;
    if (sim)
        *sim = ce + cr ? 2.0 * m / (ce + cr) : 0;
    return len_cost(d, le, lr) + t->prior + W_UNMATCHED * (ce + cr - 2 * m) - W_MATCH * m;
}

/* Runs the DP; returns 1 when the path touched the band edge, -1 when out of memory. */
static int run(dp *d, int max_bead)
{
    size_t w = (size_t)(2 * d->band + 1);
    d->cost = malloc(sizeof(float) * (d->n + 1) * w);
    d->back = malloc((d->n + 1) * w);
    d->match = malloc((d->n ? d->n : 1) * w);
    if (!d->cost || !d->back || !d->match)
        return -1;
    for (size_t i = 0; i < d->n; i++)
        for (size_t k = 0; k < w; k++) {
            long j = lo_of(d, i) + (long)k;
            d->match[i * w + k] = (unsigned char)(j >= 0 && (size_t)j < d->m
                                      ? (size_t)ta_feat_matches(&d->en[i], &d->ru[j]) : 0);
        }
    for (size_t i = 0; i <= d->n; i++) {
        long lo = lo_of(d, i);
        for (size_t k = 0; k < w; k++) {
            long j = lo + (long)k;
            float best = INFINITY;
            unsigned char bt = 255;
            if (j >= 0 && (size_t)j <= d->m) {
                if (i == 0 && j == 0)
                    best = 0;
                for (size_t t = 0; t < NTYPES; t++) {
                    const bead_type *ty = &TYPES[t];
                    if (ty->de > max_bead || ty->dr > max_bead || (size_t)ty->de > i || ty->dr > j)
                        continue;
                    size_t pi = i - (size_t)ty->de;
                    long pk = j - ty->dr - lo_of(d, pi);
                    if (pk < 0 || pk >= (long)w)
                        continue;
                    float pc = d->cost[pi * w + (size_t)pk];
                    if (pc == INFINITY)
                        continue;
                    float c = pc + (float)bead_cost(d, i, (size_t)j, ty, NULL);
                    if (c < best)
                        best = c, bt = (unsigned char)t;
                }
            }
            d->cost[i * w + k] = best;
            d->back[i * w + k] = bt;
        }
    }
    /* does the best path come near the band edge (where the band cut it off)? */
    size_t i = d->n, j = d->m;
    while (i > 0 || j > 0) {
        long k = (long)j - lo_of(d, i);
        if (k < 0 || k >= (long)w || d->back[i * w + (size_t)k] == 255)
            return 1;
        if ((k <= 1 && lo_of(d, i) > 0) || (k >= (long)w - 2 && lo_of(d, i) + (long)w - 1 < (long)d->m))
            return 1;
        const bead_type *ty = &TYPES[d->back[i * w + (size_t)k]];
        i -= (size_t)ty->de, j -= (size_t)ty->dr;
    }
    return 0;
}

static void dp_free(dp *d)
{
    free(d->cost), free(d->back), free(d->match);
    d->cost = NULL, d->back = d->match = NULL;
}

/* Confidence of a bead: a logistic model of its lexical similarity and length fit. */
static double confidence(const dp *d, size_t i, size_t j, const bead_type *t)
{
    double sim;
    bead_cost(d, i, j, t, &sim);
    if (!t->de || !t->dr)
        return 0.5;
    int le = 0, lr = 0;
    for (int a = 1; a <= t->de; a++)
        le += d->en[i - (size_t)a].len;
    for (int b = 1; b <= t->dr; b++)
        lr += d->ru[j - (size_t)b].len;
    double lp = exp(-len_cost(d, le, lr));
    double x = -3.0 + 9.0 * sim + 2.0 * lp - (t->de + t->dr > 2 ? 1.0 : 0.0);
    return 1.0 / (1.0 + exp(-x));
}

/* lexicon/params.en-ru: "c VALUE" and "s2 VALUE" lines */
static ta_status read_params(double *c, double *s2)
{
    char **lines;
    size_t n;
    *c = 1.0128, *s2 = 3.118;
    if (ta_data_lines(NULL, "params.en-ru", &lines, &n, NULL, NULL) != TA_OK)
        return TA_OK; /* built-in defaults */
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(lines[i], "c ", 2))
            *c = atof(lines[i] + 2);
        else if (!strncmp(lines[i], "s2 ", 3))
            *s2 = atof(lines[i] + 3);
    }
    ta_lines_free(lines);
    return *c > 0 && *s2 > 0 ? TA_OK : TA_EFORMAT;
}

ta_status ta_align(const char *const *en, const size_t *en_len, size_t n_en,
                   const char *const *ru, const size_t *ru_len, size_t n_ru,
                   const ta_lexicon *lx, const ta_align_opts *opts, ta_bead **beads,
                   size_t *n_beads)
{
    *beads = NULL;
    *n_beads = 0;
    ta_align_opts o = opts ? *opts : ta_align_opts_default();
    if (o.max_bead < 1 || o.max_bead > 3 || o.band < 1)
        return TA_EINVAL;
    ta_featurizer fz;
    ta_status st = ta_featurizer_init(&fz, o.use_lexicon ? lx : NULL, NULL);
    if (st != TA_OK)
        return st;
    dp d = {.n = n_en, .m = n_ru};
    if ((st = read_params(&d.c, &d.s2)) != TA_OK) {
        ta_featurizer_release(&fz);
        return st;
    }
    ta_feat *fe = calloc(n_en + 1, sizeof *fe), *fr = calloc(n_ru + 1, sizeof *fr);
    st = fe && fr ? TA_OK : TA_ENOMEM;
    for (size_t i = 0; st == TA_OK && i < n_en; i++)
        if (ta_featurize(&fz, 'e', en[i], en_len[i], &fe[i]))
            st = TA_ENOMEM;
    for (size_t j = 0; st == TA_OK && j < n_ru; j++)
        if (ta_featurize(&fz, 'r', ru[j], ru_len[j], &fr[j]))
            st = TA_ENOMEM;
    d.en = fe, d.ru = fr;
    long diff = (long)n_en - (long)n_ru;
    d.band = o.band;
    if (d.band < labs(diff) / 2 + 10)
        d.band = (int)(labs(diff) / 2 + 10);
    while (st == TA_OK) {
        if ((size_t)d.band > n_en + n_ru + 2)
            d.band = (int)(n_en + n_ru + 2);
        int r = run(&d, o.max_bead);
        if (r < 0)
            st = TA_ENOMEM;
        if (r != 1 || (size_t)d.band >= n_en + n_ru + 2)
            break;
        dp_free(&d);
        d.band *= 2;
    }
    ta_vec out = {.esz = sizeof(ta_bead)};
    if (st == TA_OK) {
        size_t w = (size_t)(2 * d.band + 1), i = n_en, j = n_ru;
        while (i > 0 || j > 0) {
            long k = (long)j - lo_of(&d, i);
            unsigned char bt = d.back[i * w + (size_t)k];
            const bead_type *ty = &TYPES[bt];
            ta_bead *b = ta_vec_push(&out);
            if (!b) {
                st = TA_ENOMEM;
                break;
            }
            *b = (ta_bead){(int)(i - (size_t)ty->de), (int)i, (int)(j - (size_t)ty->dr), (int)j,
                           confidence(&d, i, j, ty)};
            i -= (size_t)ty->de, j -= (size_t)ty->dr;
        }
    }
    dp_free(&d);
    for (size_t i = 0; fe && i < n_en; i++)
        ta_feat_release(&fe[i]);
    for (size_t j = 0; fr && j < n_ru; j++)
        ta_feat_release(&fr[j]);
    free(fe), free(fr);
    ta_featurizer_release(&fz);
    if (st != TA_OK) {
        ta_vec_release(&out);
        return st;
    }
    ta_bead *b = out.data; /* reverse into document order */
    for (size_t k = 0; k < out.len / 2; k++) {
        ta_bead t = b[k];
        b[k] = b[out.len - 1 - k];
        b[out.len - 1 - k] = t;
    }
    *beads = b;
    *n_beads = out.len;
    return TA_OK;
}
