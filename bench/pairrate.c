/* pairrate.c — the per-pair cost of the pipeline in one long-lived thread (issue 14): loads the
 * lexicon once, makes one ta_aligner and runs every WMT21 document pair (DIR/DOC.para.en with
 * .para.ru) N times over: decode both texts, segment, align, split. Prints pairs/s, CPU ms per
 * pair, peak RSS after 1,000 pairs and at the end, and a hash of every pair's sentences and
 * beads (the same in every pass when no result depends on the pairs before it).
 * Usage: pairrate DIR LEXICON [TOTAL_PAIRS] (default: every pair once) */
#include <talign.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define RSS_AT 1000 /* pairs: the first peak-RSS reading */
#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

typedef struct {
    char *b[2];
    size_t n[2];
} doc;

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (b && fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        b[sz] = 0, *n = (size_t)sz;
    return b;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The pairs of DIR, sorted by name; returns their count. */
static size_t load_docs(const char *dir, doc **out)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **names = NULL;
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 8 && !strcmp(e->d_name + l - 8, ".para.en")) {
            names = realloc(names, sizeof *names * (nn + 1));
            names[nn++] = strndup(e->d_name, l - 8);
        }
    }
    closedir(d);
    qsort(names, nn, sizeof *names, by_name);
    doc *v = calloc(nn, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < nn; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s.para.en", dir, names[i]);
        v[k].b[0] = slurp(p, &v[k].n[0]);
        snprintf(p, sizeof p, "%s/%s.para.ru", dir, names[i]);
        v[k].b[1] = slurp(p, &v[k].n[1]);
        if (v[k].b[0] && v[k].b[1])
            k++;
        free(names[i]);
    }
    free(names);
    *out = v;
    return k;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * FNV_PRIME;
    return h;
}

/* A hash of the pair's sentences (their bytes) and beads (with their scores' bits). */
static uint64_t pair_hash(const ta_pair *p)
{
    ta_corpus c;
    ta_pair_corpus(p, &c);
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < c.n_en; i++)
        h = fnv(fnv(h, c.en[i], c.en_len[i]), "\n", 1);
    for (size_t i = 0; i < c.n_ru; i++)
        h = fnv(fnv(h, c.ru[i], c.ru_len[i]), "\n", 1);
    for (size_t i = 0; i < c.n_beads; i++)
        h = fnv(h, &c.beads[i], sizeof c.beads[i]);
    return h;
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pairrate DIR LEXICON [TOTAL_PAIRS]\n");
        return 2;
    }
    doc *docs = NULL;
    size_t nd = load_docs(argv[1], &docs);
    if (!nd) {
        fprintf(stderr, "pairrate: no DOC.para.en/.para.ru pairs in %s\n", argv[1]);
        return 1;
    }
    size_t total = argc > 3 ? strtoul(argv[3], NULL, 10) : nd;
    ta_error err = {0};
    ta_lexicon *lx = NULL;
    ta_aligner *al = NULL;
    ta_aligner_opts o = ta_aligner_opts_default();
    double c0 = cpu_now();
    if (ta_lexicon_load(argv[2], &lx, &err) != TA_OK || ta_aligner_new(&o, lx, &al, &err) != TA_OK) {
        fprintf(stderr, "pairrate: %s\n", err.message);
        return 1;
    }
    double c1 = cpu_now(), w1 = wall_now();
    uint64_t *first = calloc(nd, sizeof *first), all = FNV_BASIS;
    size_t differ = 0;
    long rss_at = 0;
    for (size_t k = 0; k < total; k++) {
        const doc *d = &docs[k % nd];
        ta_text *t[2] = {NULL, NULL};
        ta_pair *p = NULL;
        ta_status s = TA_OK;
        for (int i = 0; i < 2 && s == TA_OK; i++)
            s = ta_text_decode(d->b[i], d->n[i], NULL, &t[i], &err);
        size_t el = 0, rl = 0;
        if (s == TA_OK) {
            const char *et = ta_text_data(t[0], &el), *rt = ta_text_data(t[1], &rl);
            s = ta_aligner_run(al, et, el, rt, rl, &p, &err);
        }
        if (s != TA_OK) {
            fprintf(stderr, "pairrate: pair %zu: %s\n", k % nd, err.message);
            return 1;
        }
        uint64_t h = pair_hash(p);
        if (k < nd)
            first[k] = h, all = fnv(all, &h, sizeof h);
        else if (h != first[k % nd])
            differ++;
        ta_pair_free(p);
        ta_text_free(t[0]);
        ta_text_free(t[1]);
        if (k + 1 == RSS_AT)
            rss_at = peak_rss_kb();
    }
    double c2 = cpu_now(), w2 = wall_now();
    printf("start-up (lexicon, aligner): %.1f ms CPU\n", (c1 - c0) * 1e3);
    printf("%zu pairs (%zu documents): %.0f pairs/s, %.3f ms CPU/pair\n", total, nd,
           (double)total / (w2 - w1), (c2 - c1) * 1e3 / (double)total);
    if (rss_at)
        printf("peak RSS: %ld KB at %d pairs, %ld KB at %zu pairs\n", rss_at, RSS_AT,
               peak_rss_kb(), total);
    else
        printf("peak RSS: %ld KB at %zu pairs\n", peak_rss_kb(), total);
    printf("output hash %016llx; pairs that differ from their first run: %zu\n",
           (unsigned long long)all, differ);
    ta_aligner_free(al);
    ta_lexicon_free(lx);
    for (size_t i = 0; i < nd; i++)
        free(docs[i].b[0]), free(docs[i].b[1]);
    free(docs);
    free(first);
    return differ != 0;
}
