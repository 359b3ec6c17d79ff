/* checkbench.c — false alarms of the translation QA checks on professional translations: reads
 * the line-aligned documents DIR/NAME.en + NAME.ru (WMT21: line i translates line i), makes one
 * ta_corpus of 1-1 beads per document, runs ta_check and prints the findings per 100 line
 * pairs for each check and severity, for the even and the odd documents (sorted names).
 *
 *   sh bench/checkbench.sh [-v] [-c CHECKS] [-q] [DIR]
 *
 * -v prints every finding with its line pair; -c chooses the checks (ta_check_opts.checks,
 * default: the surface checks); -q prints the quantiles of the length cost of the lines. */
#define _GNU_SOURCE
#include "talign.h"
#include "internal.h"
#include "model.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DOCS 1024
#define MAX_CHECKS 64
#define PER 100.0

typedef struct {
    char **line;
    size_t *len, n;
} lines;

static int read_lines(const char *path, lines *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *l = NULL;
    size_t cap = 0;
    ssize_t n;
    out->line = NULL, out->len = NULL, out->n = 0;
    while ((n = getline(&l, &cap, f)) >= 0) {
        while (n > 0 && (l[n - 1] == '\n' || l[n - 1] == '\r'))
            l[--n] = 0;
        out->line = realloc(out->line, (out->n + 1) * sizeof *out->line);
        out->len = realloc(out->len, (out->n + 1) * sizeof *out->len);
        out->line[out->n] = strdup(l);
        out->len[out->n++] = (size_t)n;
    }
    free(l);
    fclose(f);
    return 0;
}

static void free_lines(lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->line[i]);
    free(l->line), free(l->len);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The document names (NAME of NAME.en, not NAME.para.en), sorted. */
static size_t documents(const char *dir, char **names)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while (d && (e = readdir(d)) && n < MAX_DOCS) {
        size_t k = strlen(e->d_name);
        if (k > 3 && !strcmp(e->d_name + k - 3, ".en") && !strstr(e->d_name, ".para."))
            names[n++] = strndup(e->d_name, k - 3);
    }
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, by_name);
    return n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double *costs;
static size_t ncosts;

static void add_costs(const model *md, const lines *en, const lines *ru, size_t n)
{
    costs = realloc(costs, (ncosts + n) * sizeof *costs);
    for (size_t i = 0; i < n; i++)
        costs[ncosts++] = ta_len_cost(md, (int)ta_u8_count(en->line[i], en->len[i]),
                                      (int)ta_u8_count(ru->line[i], ru->len[i]));
}

int main(int argc, char **argv)
{
    const char *dir = "/work/shared/data/wmt21";
    const char *checks = "-all,untranslated,length,punctuation,spacing,yo,inconsistency";
    bool verbose = false, quantiles = false;
    for (int a = 1; a < argc; a++)
        if (!strcmp(argv[a], "-v"))
            verbose = true;
        else if (!strcmp(argv[a], "-q"))
            quantiles = true;
        else if (!strcmp(argv[a], "-c") && a + 1 < argc)
            checks = argv[++a];
        else
            dir = argv[a];
    ta_check_opts o = ta_check_opts_default();
    o.checks = checks;
    ta_checker *ck;
    ta_error err = {0};
    if (ta_checker_new(&o, NULL, &ck, &err) != TA_OK) {
        fprintf(stderr, "checkbench: %s\n", err.message);
        return 1;
    }
    model md;
    if (quantiles && ta_model_read(&md, true, NULL, NULL) != TA_OK)
        return 1;
    size_t nlist;
    const ta_check_info *list = ta_check_list(&nlist);
    static double count[MAX_CHECKS][3][2];
    double pairs[2] = {0};
    char *names[MAX_DOCS];
    size_t ndocs = documents(dir, names);
    for (size_t k = 0; k < ndocs; k++) {
        char path[4096];
        lines en, ru;
        snprintf(path, sizeof path, "%s/%s.en", dir, names[k]);
        if (read_lines(path, &en))
            continue;
        snprintf(path, sizeof path, "%s/%s.ru", dir, names[k]);
        if (read_lines(path, &ru)) {
            free_lines(&en);
            continue;
        }
        size_t n = en.n < ru.n ? en.n : ru.n;
        ta_bead *beads = calloc(n ? n : 1, sizeof *beads);
        for (size_t i = 0; i < n; i++)
            beads[i] = (ta_bead){(int)i, (int)i + 1, (int)i, (int)i + 1, 1.0};
        ta_corpus c = {.en = (const char *const *)en.line, .en_len = en.len, .n_en = n,
                       .ru = (const char *const *)ru.line, .ru_len = ru.len, .n_ru = n,
                       .beads = beads, .n_beads = n, .src_lang = "en", .tgt_lang = "ru"};
        ta_finding *f;
        size_t nf;
        if (ta_check(ck, &c, &f, &nf, &err) != TA_OK) {
            fprintf(stderr, "checkbench: %s: %s\n", names[k], err.message);
            return 1;
        }
        pairs[k % 2] += (double)n;
        for (size_t i = 0; i < nf; i++) {
            size_t j = 0;
            while (j < nlist && strcmp(list[j].name, f[i].check))
                j++;
            count[j][f[i].severity][k % 2]++;
            if (verbose)
                printf("%s:%zu\t%s\t%s\t%s\n\tEN %s\n\tRU %s\n", names[k], f[i].bead + 1,
                       f[i].check, ta_severity_name(f[i].severity), f[i].message,
                       en.line[f[i].bead], ru.line[f[i].bead]);
        }
        if (quantiles)
            add_costs(&md, &en, &ru, n);
        ta_findings_free(f, nf);
        free(beads);
        free_lines(&en), free_lines(&ru);
        free(names[k]);
    }
    printf("%zu documents, %.0f line pairs (even %.0f, odd %.0f); findings per %.0f line pairs\n",
           ndocs, pairs[0] + pairs[1], pairs[0], pairs[1], PER);
    printf("%-14s %-8s %8s %8s %8s\n", "check", "severity", "even", "odd", "all");
    for (size_t j = 0; j < nlist; j++)
        for (int s = 0; s < 3; s++)
            if (count[j][s][0] + count[j][s][1] > 0)
                printf("%-14s %-8s %8.2f %8.2f %8.2f\n", list[j].name,
                       ta_severity_name((ta_severity)s), PER * count[j][s][0] / pairs[0],
                       PER * count[j][s][1] / pairs[1],
                       PER * (count[j][s][0] + count[j][s][1]) / (pairs[0] + pairs[1]));
    if (quantiles && ncosts) {
        qsort(costs, ncosts, sizeof *costs, cmp_double);
        static const double Q[] = {0.5, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999};
        for (size_t q = 0; q < sizeof Q / sizeof *Q; q++)
            printf("length cost quantile %.3f: %.2f\n", Q[q], costs[(size_t)(Q[q] * (ncosts - 1))]);
    }
    ta_checker_free(ck);
    return 0;
}
