/* lexcover.c — lexicon figures for issue 3 on line-aligned document pairs (WMT21 DOC.en/DOC.ru):
 * the share of English content words (not stopwords, not numbers) whose translation is found in
 * the paired Russian sentence, for right pairs (line i with line i) and wrong ones (i with i+1),
 * with stems only, stems + names + numbers, and the same with extra lexicon files; then the speed
 * of ta_lexicon_match. Usage: lexcover WMT21_DIR LEXICON [MORE.lex...] */
#include "sentfeat.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char **en, **ru;
    size_t *doc_end; /* line index where each document ends */
    size_t n, ndocs;
} corpus;

static char **read_lines(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    char **v = NULL, *l = NULL;
    size_t cap = 0, lc = 0;
    ssize_t r;
    *n = 0;
    while (f && (r = getline(&l, &lc, f)) > 0) {
        if (l[r - 1] == '\n')
            l[--r] = 0;
        if (*n == cap)
            v = realloc(v, sizeof *v * (cap = cap ? cap * 2 : 64));
        v[(*n)++] = strdup(l);
    }
    free(l);
    if (f)
        fclose(f);
    return v;
}

static void load(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    memset(c, 0, sizeof *c);
    size_t cap = 0, dcap = 0;
    while (d && (de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 4 || strcmp(de->d_name + l - 3, ".en") || strstr(de->d_name, ".para."))
            continue;
        char pe[4096], pr[4096];
        snprintf(pe, sizeof pe, "%s/%s", dir, de->d_name);
        snprintf(pr, sizeof pr, "%s/%.*s.ru", dir, (int)(l - 3), de->d_name);
        size_t ne, nr;
        char **e = read_lines(pe, &ne), **r = read_lines(pr, &nr);
        for (size_t k = 0; k < ne && k < nr; k++) {
            if (c->n == cap) {
                cap = cap ? cap * 2 : 1024;
                c->en = realloc(c->en, sizeof *c->en * cap);
                c->ru = realloc(c->ru, sizeof *c->ru * cap);
            }
            c->en[c->n] = e[k], c->ru[c->n] = r[k], c->n++;
        }
        if (c->ndocs == dcap)
            c->doc_end = realloc(c->doc_end, sizeof *c->doc_end * (dcap = dcap ? dcap * 2 : 64));
        c->doc_end[c->ndocs++] = c->n;
        free(e), free(r);
    }
    if (d)
        closedir(d);
}

/* English words (stem >= 0) of e with a key in r, names confirmed as ta_lexicon_match does */
static void count(ta_featurizer *fz, const ta_feat *e, const ta_feat *r, double *hit,
                  double *all)
{
    for (int t = 0; t < e->ncontent; t++)
        if (e->stem[t] >= 0) {
            *all += 1;
            *hit += ta_feat_token_confirmed(fz, e, t, r);
        }
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static void figure(const char *label, const corpus *c, const ta_lexicon *lx, unsigned use)
{
    ta_featurizer fz;
    if (ta_featurizer_init(&fz, lx, NULL, NULL) != TA_OK)
        exit(1);
    fz.use = use;
    double rh = 0, ra = 0, wh = 0, wa = 0;
    size_t doc = 0;
    for (size_t k = 0; k < c->n; k++) {
        while (doc < c->ndocs && c->doc_end[doc] <= k)
            doc++;
        ta_feat e, r, r2;
        ta_featurize(&fz, 'e', c->en[k], strlen(c->en[k]), &e);
        ta_featurize(&fz, 'r', c->ru[k], strlen(c->ru[k]), &r);
        count(&fz, &e, &r, &rh, &ra);
        if (k + 1 < c->doc_end[doc]) { /* the next sentence of the same document */
            ta_featurize(&fz, 'r', c->ru[k + 1], strlen(c->ru[k + 1]), &r2);
            count(&fz, &e, &r2, &wh, &wa);
            ta_feat_release(&r2);
        }
        ta_feat_release(&e), ta_feat_release(&r);
    }
    printf("%-34s right pairs %.3f   wrong pairs (i, i+1) %.3f\n", label, rh / ra, wh / wa);
    ta_featurizer_release(&fz);
}

/* The word-evidence figures of lexicon/params.en-ru: matched content tokens (numbers included)
 * on each side, right and wrong pairs. */
static void params(const char *prefix, const corpus *c, const ta_lexicon *lx)
{
    ta_featurizer fz;
    if (ta_featurizer_init(&fz, lx, NULL, NULL) != TA_OK)
        exit(1);
    double m[2][2] = {{0}}, all[2][2] = {{0}}; /* [side][wrong] */
    size_t doc = 0;
    for (size_t k = 0; k < c->n; k++) {
        while (doc < c->ndocs && c->doc_end[doc] <= k)
            doc++;
        for (int w = 0; w < 2; w++) {
            if (w && k + 1 >= c->doc_end[doc])
                continue;
            ta_feat e, r;
            ta_featurize(&fz, 'e', c->en[k], strlen(c->en[k]), &e);
            ta_featurize(&fz, 'r', c->ru[k + (size_t)w], strlen(c->ru[k + (size_t)w]), &r);
            m[0][w] += ta_feat_matches(&e, &r, 1), all[0][w] += e.ncontent;
            m[1][w] += ta_feat_matches(&r, &e, 1), all[1][w] += r.ncontent;
            ta_feat_release(&e), ta_feat_release(&r);
        }
    }
    printf("%sen.right %.3f\n%sen.wrong %.3f\n%sru.right %.3f\n%sru.wrong %.3f\n", prefix,
           m[0][0] / all[0][0], prefix, m[0][1] / all[0][1], prefix, m[1][0] / all[1][0], prefix,
           m[1][1] / all[1][1]);
    ta_featurizer_release(&fz);
}

/* Speed of the public sentence-pair score: a first pass (every word form is new: stems,
 * lexicon lookups, transliteration), then 25 timed passes over all pairs (the forms cached, as
 * in a long run); the best and the median pass are printed (this machine's speed varies by up
 * to 1.5 times from one moment to the next). */
static void speed(const char *label, const corpus *c, const ta_lexicon *lx)
{
    ta_matcher *m;
    if (ta_matcher_new(lx, NULL, &m, NULL) != TA_OK)
        exit(1);
    double rate[25], sum = 0, sim, cold = 0;
    for (int round = -1; round < 25; round++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        sum = 0;
        for (size_t k = 0; k < c->n; k++) {
            ta_lexicon_match(m, c->en[k], strlen(c->en[k]), c->ru[k], strlen(c->ru[k]), &sim,
                             NULL, NULL, NULL);
            sum += sim;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double r = c->n / ((double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
        if (round >= 0)
            rate[round] = r;
        else
            cold = r;
    }
    qsort(rate, 25, sizeof *rate, cmp_double);
    printf("ta_lexicon_match, %s: %.0f sentence pairs a second (one core, best of 25 passes; "
           "median %.0f; first pass, every word form new: %.0f; mean similarity %.3f)\n", label,
           rate[24], rate[12], cold, sum / c->n);
    ta_matcher_free(m);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lexcover WMT21_DIR LEXICON [MORE.lex...]\n");
        return 2;
    }
    corpus c;
    load(&c, argv[1]);
    ta_lexicon *lx;
    ta_error err;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (ta_lexicon_load(argv[2], &lx, &err) != TA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 3;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("lexicon load: %.1f ms (%s, index checksum verified)\n",
           (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6, argv[2]);
    printf("%zu sentence pairs in %zu documents; share of English content words translated:\n",
           c.n, c.ndocs);
    figure("stems (lexicon)", &c, lx, TA_USE_LEXICON);
    figure("stems + names + numbers", &c, lx, TA_USE_LEXICON | TA_USE_NAMES | TA_USE_NUMBERS);
    printf("word-evidence figures for lexicon/params.en-ru (Mueller only):\n");
    params("lex.", &c, lx);
    speed("Mueller lexicon", &c, lx);
    for (int k = 3; k < argc; k++)
        if (ta_lexicon_add(lx, argv[k], &err) != TA_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 3;
        }
    if (argc > 3)
        figure("+ learned pairs", &c, lx, TA_USE_LEXICON | TA_USE_NAMES | TA_USE_NUMBERS);
    printf("with the learned pairs too:\n");
    params("lex.", &c, lx);
    params("nolex.", &c, NULL);
    if (argc > 3)
        speed("Mueller + learned", &c, lx);
    ta_lexicon_free(lx);
    return 0;
}
