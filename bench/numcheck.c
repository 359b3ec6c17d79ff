/* numcheck.c — a driver for the number parser of the QA `number` check (align/check/numbers.c).
 * Build: make && cc -O2 -std=c11 -D_GNU_SOURCE -Iinclude -Ialign bench/numcheck.c build/libtalign.a \
 *          $(pkg-config --libs icu-uc icu-i18n hunspell libxml-2.0) -lstemmer -lz -lm -lpthread -o build/numcheck
 *   numcheck show e|r TEXT       the numbers of TEXT
 *   numcheck diff EN RU          the comparison of two texts
 *   numcheck wmt DIR [-v]        false alarms over the line-aligned DOC.en / DOC.ru of DIR (wmt21):
 *                                lines flagged per 100 line pairs, by even/odd document; -v prints them
 *   numcheck plant DIR [-v]      recall: one digit of one digit number changed per Russian line */
#include "check/numbers.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kinds[] = {"plain", "percent", "money", "date", "ordinal", "time", "decade", "code"};

static void show(ta_numparser *p, char lang, const char *s)
{
    ta_vec v = {0};
    ta_numbers_extract(p, lang, s, strlen(s), &v);
    for (size_t i = 0; i < v.len; i++) {
        ta_number *x = (ta_number *)v.data + i;
        printf("%.*s\t%.15g\t%s%s", (int)(x->end - x->start), s + x->start, x->value, kinds[x->kind],
               x->spelled ? " spelled" : "");
        for (int k = 0; k < x->nalt; k++)
            printf(" alt=%.15g", x->alt[k]);
        printf(x->currency ? " cur=%d\n" : "\n", x->currency);
    }
    ta_vec_release(&v);
}

static int diff(ta_numparser *p, const char *en, const char *ru, ta_buf *msg)
{
    ta_vec e = {0}, r = {0};
    msg->len = 0;
    if (ta_numbers_extract(p, 'e', en, strlen(en), &e) || ta_numbers_extract(p, 'r', ru, strlen(ru), &r))
        abort();
    int n = ta_numbers_diff(en, e.data, e.len, ru, r.data, r.len, msg, NULL);
    ta_vec_release(&e);
    ta_vec_release(&r);
    return n;
}

static char **lines(const char *path, size_t *n)
{
    char **out = NULL, *l = NULL;
    size_t cap = 0, k = 0;
    FILE *f = fopen(path, "r");
    *n = 0;
    if (!f)
        return NULL;
    ssize_t len;
    while ((len = getline(&l, &cap, f)) >= 0) {
        while (len && (l[len - 1] == '\n' || l[len - 1] == '\r'))
            l[--len] = 0;
        out = realloc(out, (k + 1) * sizeof *out);
        out[k++] = strdup(l);
    }
    free(l);
    fclose(f);
    *n = k;
    return out;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Changes one digit of one stand-alone digit run of s (the k-th by a hash); 0 when none. */
static int plant(char *s, unsigned seed)
{
    size_t runs[256], nr = 0, len = strlen(s);
    for (size_t i = 0; i < len && nr < 256; i++) {
        if (s[i] < '0' || s[i] > '9' || (i && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '-' ||
                                              (unsigned char)s[i - 1] >= 0x80 || ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z'))))
            continue;
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j < len && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (unsigned char)s[j] >= 0xC0))
            continue; /* against letters: a code */
        runs[nr++] = i;
    }
    if (!nr)
        return 0;
    size_t i = runs[seed % nr];
    s[i] = s[i] == '9' ? '8' : (char)(s[i] + 1);
    return 1;
}

static int corpus(ta_numparser *p, const char *dir, bool planting, bool verbose)
{
    DIR *d = opendir(dir);
    if (!d)
        return perror(dir), 1;
    char **docs = NULL;
    size_t nd = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t l = strlen(de->d_name);
        if (l > 3 && !strcmp(de->d_name + l - 3, ".en") && !strstr(de->d_name, ".para.")) {
            docs = realloc(docs, (nd + 1) * sizeof *docs);
            docs[nd++] = strndup(de->d_name, l - 3);
        }
    }
    closedir(d);
    qsort(docs, nd, sizeof *docs, cmp);
    size_t pairs[2] = {0}, flagged[2] = {0}, planted[2] = {0}, caught[2] = {0};
    ta_buf msg = {0};
    for (size_t k = 0; k < nd; k++) {
        char path[4096];
        size_t ne, nr;
        snprintf(path, sizeof path, "%s/%s.en", dir, docs[k]);
        char **en = lines(path, &ne);
        snprintf(path, sizeof path, "%s/%s.ru", dir, docs[k]);
        char **ru = lines(path, &nr);
        for (size_t i = 0; i < ne && i < nr; i++) {
            int par = (int)(k % 2);
            pairs[par]++;
            int n = diff(p, en[i], ru[i], &msg);
            flagged[par] += n > 0;
            if (!planting && verbose && n > 0)
                printf("%s:%zu\t%s\n  EN: %s\n  RU: %s\n", docs[k], i + 1, msg.data, en[i], ru[i]);
            if (planting && n == 0 && plant(ru[i], (unsigned)(i * 2654435761u + k))) {
                planted[par]++;
                int m = diff(p, en[i], ru[i], &msg);
                caught[par] += m > 0;
                if (verbose && m == 0)
                    printf("%s:%zu missed\n  EN: %s\n  RU: %s\n", docs[k], i + 1, en[i], ru[i]);
            }
        }
        for (size_t i = 0; i < ne; i++)
            free(en[i]);
        for (size_t i = 0; i < nr; i++)
            free(ru[i]);
        free(en), free(ru), free(docs[k]);
    }
    free(docs);
    ta_buf_release(&msg);
    for (int par = 0; par < 2; par++)
        if (planting)
            printf("%s documents: %zu lines planted, %zu caught, recall %.3f\n", par ? "odd" : "even",
                   planted[par], caught[par], planted[par] ? (double)caught[par] / planted[par] : 0);
        else
            printf("%s documents: %zu line pairs, %zu flagged, %.2f per 100\n", par ? "odd" : "even",
                   pairs[par], flagged[par], pairs[par] ? 100.0 * flagged[par] / pairs[par] : 0);
    return 0;
}

int main(int argc, char **argv)
{
    ta_numparser *p;
    ta_error err;
    if (ta_numparser_new(NULL, &p, &err) != TA_OK)
        return fprintf(stderr, "numcheck: %s\n", err.message), 1;
    int rc = 0;
    bool v = argc > 3 && !strcmp(argv[3], "-v");
    if (argc == 4 && !strcmp(argv[1], "show"))
        show(p, argv[2][0], argv[3]);
    else if (argc == 4 && !strcmp(argv[1], "diff")) {
        ta_buf msg = {0};
        int n = diff(p, argv[2], argv[3], &msg);
        printf("%d\t%s\n", n, msg.data ? msg.data : "");
        ta_buf_release(&msg);
    } else if (argc >= 3 && (!strcmp(argv[1], "wmt") || !strcmp(argv[1], "plant")))
        rc = corpus(p, argv[2], argv[1][0] == 'p', v);
    else
        {
        fprintf(stderr, "usage: numcheck show e|r TEXT | diff EN RU | wmt DIR [-v] | plant DIR [-v]\n");
        rc = 2;
    }
    ta_numparser_free(p);
    return rc;
}
