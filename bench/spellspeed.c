/* spellspeed.c — figures of the QA speller (align/check/spell.h):
 *   spellspeed speed NEWS.en NEWS.ru   load times, then words/s without suggestions, with
 *                                       libhunspell and with the word-form files
 *   spellspeed fa WMT21_DIR [-v]        flagged words per 100 line pairs per language over the
 *                                       professional translations (DOC.en/DOC.ru, even/odd
 *                                       documents); -v lists each flagged word with its line
 *   spellspeed recall WMT21_DIR         plants one typo (swap, drop or double a letter) per
 *                                       line and reports the share flagged per language
 *                                       (SPELL_MISSES=1 lists the typos missed)
 * SPELL_DATA=DIR: the data directory (abbrev.*, optional spell.en/spell.ru word lists).
 * SPELL_FORMS=DIR: where make put forms.en_US and forms.ru_RU (default lexicon; fa and recall
 * use them too).
 * Build (after make):
 *   cc -O2 -std=c11 -D_DEFAULT_SOURCE -Iinclude -Ialign bench/spellspeed.c build/libtalign.a \
 *      $(pkg-config --libs icu-uc icu-i18n hunspell libxml-2.0) -lstemmer -lz -lm -lpthread \
 *      -o build/spellspeed */
#include "check/spell.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LINE_MAX_BYTES 65536
#define MIN_TYPO_LETTERS 3 /* words shorter than this get no typo */
#define TYPO_KINDS 3

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char *forms_dir(void)
{
    const char *d = getenv("SPELL_FORMS");
    return d ? d : "lexicon";
}

/* A loaded speller: from the word-form files of `forms` (NULL: libhunspell). */
static ta_speller *speller_from(bool en, bool ru, const char *forms)
{
    ta_speller_opts o = {.en = en, .ru = ru, .data_dir = getenv("SPELL_DATA"), .forms_dir = forms};
    ta_speller *s;
    ta_error err = {0};
    if (ta_speller_new(&o, &s, &err) != TA_OK || ta_speller_load(s, &err) != TA_OK) {
        fprintf(stderr, "spellspeed: %s\n", err.message);
        exit(1);
    }
    return s;
}

static ta_speller *speller(bool en, bool ru) { return speller_from(en, ru, forms_dir()); }

static char **read_lines(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char **v = NULL, buf[LINE_MAX_BYTES];
    size_t cap = 0;
    *n = 0;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = 0;
        if (*n == cap)
            v = realloc(v, (cap = cap ? cap * 2 : 1024) * sizeof *v);
        v[(*n)++] = strdup(buf);
    }
    fclose(f);
    return v;
}

static void free_lines(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static size_t count_words(char **v, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        for (const char *p = v[i]; *p; p++)
            w += *p != ' ' && (p == v[i] || p[-1] == ' ');
    return w;
}

/* Words/s of speller s over the two files (line-aligned: each line's other side given). */
static void words_per_second(ta_speller *s, const char *en_path, const char *ru_path)
{
    const char *paths[] = {en_path, ru_path};
    for (int l = 0; l < 2; l++) {
        size_t n, flagged = 0;
        char **v = read_lines(paths[l], &n);
        size_t on;
        char **ov = read_lines(paths[!l], &on); /* the other side, line-aligned */
        size_t words = count_words(v, n);
        ta_vec out = {.esz = sizeof(ta_misspelling)};
        double t0 = now_ms();
        for (size_t i = 0; i < n; i++) {
            out.len = 0;
            ta_speller_check(s, l ? 'r' : 'e', v[i], strlen(v[i]), i < on ? ov[i] : NULL,
                             i < on ? strlen(ov[i]) : 0, false, &out, NULL);
            flagged += out.len;
        }
        double ms = now_ms() - t0;
        printf("  %s: %zu lines, %zu words, %.0f ms, %.0f words/s (%zu flagged)\n",
               paths[l], n, words, ms, words / (ms / 1e3), flagged);
        ta_misspellings_release(&out);
        free_lines(v, n);
        free_lines(ov, on);
    }
}

static int speed(const char *en_path, const char *ru_path)
{
    for (int f = 0; f < 2; f++) {
        const char *forms = f ? forms_dir() : NULL;
        printf("%s\n", f ? "word-form files" : "libhunspell");
        ta_speller *s = NULL;
        for (int k = 0; k < 3; k++) { /* en, ru, both (in parallel) */
            s = speller_from(k != 1, k != 0, forms);
            printf("  load %-4s %.1f ms%s\n", k == 0 ? "en" : k == 1 ? "ru" : "both",
                   ta_speller_load_ms(s),
                   f && !ta_speller_mapped(s, k == 0 ? 'e' : 'r') ? " (no files: run make)" : "");
            if (k < 2)
                ta_speller_free(s);
        }
        words_per_second(s, en_path, ru_path);
        ta_speller_free(s);
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The WMT21 documents: names of DOC.en files (not .para), sorted. */
static char **documents(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        exit(1);
    }
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 4 || strcmp(e->d_name + l - 3, ".en") || strstr(e->d_name, ".para."))
            continue;
        if (*n == cap)
            v = realloc(v, (cap = cap ? cap * 2 : 256) * sizeof *v);
        v[(*n)++] = strndup(e->d_name, l - 3);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, by_name);
    return v;
}

typedef void (*pair_fn)(ta_speller *s, size_t doc, char *en, char *ru, void *arg);
static void each_pair(const char *dir, ta_speller *s, pair_fn fn, void *arg)
{
    size_t nd;
    char **docs = documents(dir, &nd);
    for (size_t k = 0; k < nd; k++) {
        char pe[4096], pr[4096];
        snprintf(pe, sizeof pe, "%s/%s.en", dir, docs[k]);
        snprintf(pr, sizeof pr, "%s/%s.ru", dir, docs[k]);
        size_t ne, nr;
        char **e = read_lines(pe, &ne), **r = read_lines(pr, &nr);
        for (size_t i = 0; i < ne && i < nr; i++)
            fn(s, k, e[i], r[i], arg);
        free_lines(e, ne);
        free_lines(r, nr);
        free(docs[k]);
    }
    free(docs);
}

typedef struct {
    bool verbose;
    size_t lines[2], flagged[2][2]; /* [parity][lang] */
} fa_stats;

static void fa_pair(ta_speller *s, size_t doc, char *en, char *ru, void *arg)
{
    fa_stats *st = arg;
    int par = doc % 2;
    st->lines[par]++;
    char *side[2] = {en, ru};
    for (int l = 0; l < 2; l++) {
        ta_vec out = {.esz = sizeof(ta_misspelling)};
        ta_speller_check(s, l ? 'r' : 'e', side[l], strlen(side[l]), side[!l], strlen(side[!l]),
                         st->verbose, &out, NULL);
        st->flagged[par][l] += out.len;
        for (size_t i = 0; st->verbose && i < out.len; i++) {
            ta_misspelling *m = &((ta_misspelling *)out.data)[i];
            printf("%s\t%.*s\t[%s]\t%s\n", l ? "ru" : "en", (int)(m->end - m->start),
                   side[l] + m->start, m->suggestions, side[l]);
        }
        ta_misspellings_release(&out);
    }
}

static int false_alarms(const char *dir, bool verbose)
{
    ta_speller *s = speller(true, true);
    fa_stats st = {.verbose = verbose};
    double t0 = now_ms();
    each_pair(dir, s, fa_pair, &st);
    printf("fa: %.0f ms\n", now_ms() - t0);
    for (int p = 0; p < 2; p++)
        printf("%s documents: %zu line pairs; flagged per 100 lines: en %.2f, ru %.2f\n",
               p ? "odd" : "even", st.lines[p], 100.0 * st.flagged[p][0] / st.lines[p],
               100.0 * st.flagged[p][1] / st.lines[p]);
    ta_speller_free(s);
    return 0;
}

/* ---- recall --------------------------------------------------------------------- */

typedef struct {
    unsigned long rng;
    size_t planted[2], caught[2], real_word[2];
} recall_stats;

static unsigned long next(unsigned long *r)
{
    *r = *r * 6364136223846793005UL + 1442695040888963407UL;
    return *r >> 33;
}

/* The words of a line (runs of letters, at least MIN_TYPO_LETTERS) as byte spans. */
static size_t letter_words(const char *t, size_t spans[][2], size_t max)
{
    size_t k = 0, n = strlen(t);
    for (size_t i = 0; i < n && k < max;) {
        size_t j = i;
        uint32_t c = ta_u8_decode(t, n, &j);
        if (!ta_is_alpha(c)) {
            i = j;
            continue;
        }
        size_t a = i, letters = 0;
        while (i < n) {
            j = i;
            if (!ta_is_alpha(ta_u8_decode(t, n, &j)))
                break;
            i = j, letters++;
        }
        bool joined = (a && strchr("-'.@/_", t[a - 1])) || (i < n && strchr("-'.@/_0123456789", t[i]));
        if (letters >= MIN_TYPO_LETTERS && !joined)
            spans[k][0] = a, spans[k][1] = i, k++;
    }
    return k;
}

/* Writes into out the line with a typo in t[a, e); the typo'd word's span in *ta, *te. */
static void plant(const char *t, size_t a, size_t e, unsigned long *rng, char *out, size_t *te)
{
    uint32_t cp[256];
    size_t n = 0;
    for (size_t i = a; i < e && n < 255;)
        cp[n++] = ta_u8_decode(t, e, &i);
    size_t p = 1 + next(rng) % (n - 1); /* not the first letter: keeps the case shape */
    switch (next(rng) % TYPO_KINDS) {
    case 0: /* swap p-1 and p */
        if (cp[p - 1] != cp[p]) {
            uint32_t c = cp[p];
            cp[p] = cp[p - 1], cp[p - 1] = c;
            break;
        } /* fall through */
    case 1: /* drop p */
        memmove(cp + p, cp + p + 1, (n - p - 1) * sizeof *cp);
        n--;
        break;
    default: /* double p */
        memmove(cp + p + 1, cp + p, (n - p) * sizeof *cp);
        n++;
    }
    memcpy(out, t, a);
    size_t o = a;
    for (size_t i = 0; i < n; i++)
        o += (size_t)ta_u8_encode(cp[i], out + o);
    *te = o;
    strcpy(out + o, t + e);
}

static bool flagged_at(ta_vec *v, size_t a, size_t e)
{
    for (size_t i = 0; i < v->len; i++) {
        ta_misspelling *m = &((ta_misspelling *)v->data)[i];
        if (m->start < e && m->end > a)
            return true;
    }
    return false;
}

static void recall_pair(ta_speller *s, size_t doc, char *en, char *ru, void *arg)
{
    (void)doc;
    recall_stats *st = arg;
    char *side[2] = {en, ru};
    static char typo[2 * LINE_MAX_BYTES];
    size_t spans[512][2];
    for (int l = 0; l < 2; l++) {
        char lang = l ? 'r' : 'e';
        ta_vec out = {.esz = sizeof(ta_misspelling)};
        size_t k = letter_words(side[l], spans, 512);
        ta_speller_check(s, lang, side[l], strlen(side[l]), side[!l], strlen(side[!l]), false, &out, NULL);
        size_t cand[512], nc = 0; /* words not flagged in the original */
        for (size_t i = 0; i < k; i++)
            if (!flagged_at(&out, spans[i][0], spans[i][1]))
                cand[nc++] = i;
        if (nc) {
            size_t w = cand[next(&st->rng) % nc], te;
            plant(side[l], spans[w][0], spans[w][1], &st->rng, typo, &te);
            size_t a = spans[w][0];
            out.len = 0; /* a real word, or shapes never flagged, do not count */
            ta_speller_check(s, lang, typo + a, te - a, NULL, 0, false, &out, NULL);
            if (!out.len) {
                st->real_word[l]++;
            } else {
                out.len = 0;
                ta_speller_check(s, lang, typo, strlen(typo), side[!l], strlen(side[!l]), false,
                                 &out, NULL);
                st->planted[l]++;
                bool hit = flagged_at(&out, a, te);
                st->caught[l] += hit;
                if (!hit && getenv("SPELL_MISSES"))
                    printf("miss %s\t%.*s\t%.*s\n", l ? "ru" : "en", (int)(te - a), typo + a,
                           (int)(spans[w][1] - spans[w][0]), side[l] + spans[w][0]);
            }
        }
        ta_misspellings_release(&out);
    }
}

static int recall(const char *dir)
{
    ta_speller *s = speller(true, true);
    recall_stats st = {.rng = 42};
    each_pair(dir, s, recall_pair, &st);
    for (int l = 0; l < 2; l++)
        printf("recall %s: %zu of %zu planted typos flagged = %.3f (%zu typos made real words)\n",
               l ? "ru" : "en", st.caught[l], st.planted[l],
               st.planted[l] ? (double)st.caught[l] / st.planted[l] : 0, st.real_word[l]);
    ta_speller_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "speed"))
        return speed(argv[2], argv[3]);
    if (argc >= 3 && !strcmp(argv[1], "fa"))
        return false_alarms(argv[2], argc > 3 && !strcmp(argv[3], "-v"));
    if (argc >= 3 && !strcmp(argv[1], "recall"))
        return recall(argv[2]);
    fprintf(stderr, "usage: spellspeed speed NEWS.en NEWS.ru | fa WMT21_DIR [-v] | recall WMT21_DIR\n");
    return 2;
}
