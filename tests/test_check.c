/* test_check.c — translation QA through the public API: the cases of
 * tests/data/check_surface.txt (untranslated, length, punctuation, spacing, yo, inconsistency;
 * one check at a time) and unit tests of the per-document checks over several beads. */
#include "testutil.h"
#include <criterion/criterion.h>

#define MAX_SENT 64
#define MAX_BEADS 32

/* A document built by hand: sentences of both sides and its beads. */
typedef struct {
    const char *en[MAX_SENT], *ru[MAX_SENT];
    size_t en_len[MAX_SENT], ru_len[MAX_SENT];
    size_t n_en, n_ru;
    ta_bead beads[MAX_BEADS];
    int n_beads;
} doc;

static void add_sentences(const char **s, size_t *len, size_t *n, char *side)
{
    if (!strcmp(side, "<none>"))
        return;
    for (char *p = side;;) {
        char *sep = strstr(p, " || ");
        if (sep)
            *sep = 0;
        cr_assert(*n < MAX_SENT);
        s[*n] = p, len[*n] = strlen(p), ++*n;
        if (!sep)
            break;
        p = sep + 4;
    }
}

/* Adds one bead of the sentences of `en` and `ru` (" || " between sentences, "<none>"). */
static void add_bead(doc *d, char *en, char *ru)
{
    cr_assert(d->n_beads < MAX_BEADS);
    ta_bead *b = &d->beads[d->n_beads++];
    b->en0 = d->n_en, b->ru0 = d->n_ru, b->score = 1;
    add_sentences(d->en, d->en_len, &d->n_en, en);
    add_sentences(d->ru, d->ru_len, &d->n_ru, ru);
    b->en1 = d->n_en, b->ru1 = d->n_ru;
}

static ta_corpus corpus_of(const doc *d)
{
    return (ta_corpus){.en = d->en, .en_len = d->en_len, .n_en = (size_t)d->n_en,
                       .ru = d->ru, .ru_len = d->ru_len, .n_ru = (size_t)d->n_ru,
                       .beads = d->beads, .n_beads = (size_t)d->n_beads, .src_lang = "en",
                       .tgt_lang = "ru"};
}

/* Runs check `name` alone over d. */
static void run(const char *name, const doc *d, ta_finding **f, size_t *n)
{
    char spec[64];
    snprintf(spec, sizeof spec, "-all,%s", name);
    ta_check_opts o = ta_check_opts_default();
    o.checks = spec;
    ta_checker *c = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_checker_new(&o, NULL, &c, &err), TA_OK, "%s: %s", name, err.message);
    ta_corpus cp = corpus_of(d);
    cr_assert_eq(ta_check(c, &cp, f, n, &err), TA_OK, "%s", err.message);
    ta_checker_free(c);
}

/* "\n" and "\t" in a fixture side stand for a line break and a tab. */
static void unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++)
        if (p[0] == '\\' && (p[1] == 'n' || p[1] == 't'))
            *o++ = p[1] == 'n' ? '\n' : '\t', p++;
        else
            *o++ = *p;
    *o = 0;
}

/* Splits one side into its beads at " ## " (in place): the count. */
static int split_beads(char *side, char **out)
{
    int n = 0;
    for (char *p = side;;) {
        char *sep = strstr(p, " ## ");
        if (sep)
            *sep = 0;
        cr_assert(n < MAX_BEADS);
        out[n++] = p;
        if (!sep)
            break;
        p = sep + 4;
    }
    return n;
}

/* Runs one line of the fixture; returns false (and says why) when it fails. */
static bool run_case(char *line, int lineno)
{
    char *check = strtok(line, "\t"), *en = strtok(NULL, "\t"), *ru = strtok(NULL, "\t"),
         *want = strtok(NULL, "\t\n");
    cr_assert(check && en && ru && want, "check_surface.txt:%d: 4 fields expected", lineno);
    unescape(en), unescape(ru);
    char *eb[MAX_BEADS], *rb[MAX_BEADS];
    int ne = split_beads(en, eb), nr = split_beads(ru, rb);
    cr_assert_eq(ne, nr, "check_surface.txt:%d: %d English beads, %d Russian", lineno, ne, nr);
    static doc d;
    memset(&d, 0, sizeof d);
    for (int k = 0; k < ne; k++)
        add_bead(&d, eb[k], rb[k]);
    ta_finding *f;
    size_t n;
    run(check, &d, &f, &n);
    bool none = !strcmp(want, "-"), ok = none && n == 0;
    for (size_t i = 0; i < n && !none && !ok; i++)
        ok = strstr(f[i].message, want) != NULL;
    if (!ok) {
        cr_log_error("check_surface.txt:%d: %s: expected %s%s%s, found %zu finding(s)%s%s",
                     lineno, check, *want == '-' ? "" : "\"", want, *want == '-' ? "" : "\"", n,
                     n ? ": " : "", n ? f[0].message : "");
    }
    for (size_t i = 0; i < n; i++)
        cr_expect_str_eq(f[i].check, check, "check_surface.txt:%d", lineno);
    ta_findings_free(f, n);
    return ok;
}

Test(check_surface, fixture)
{
    FILE *in = fopen(fixture("check_surface.txt"), "r");
    cr_assert(in, "no tests/data/check_surface.txt (TALIGN_SRC?)");
    char line[4096];
    int lineno = 0, cases = 0, failed = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        if (*line == '#' || *line == '\n')
            continue;
        cases++;
        failed += !run_case(line, lineno);
    }
    fclose(in);
    cr_expect_eq(failed, 0, "%d of %d cases failed", failed, cases);
    cr_expect_gt(cases, 50);
}

Test(check_surface, listed_with_severities)
{
    static const struct { const char *name; ta_severity sev; } want[] = {
        {"untranslated", TA_SEV_ERROR}, {"length", TA_SEV_WARNING},
        {"punctuation", TA_SEV_WARNING}, {"spacing", TA_SEV_INFO}, {"yo", TA_SEV_INFO},
        {"inconsistency", TA_SEV_WARNING}};
    size_t n;
    const ta_check_info *list = ta_check_list(&n);
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        size_t i = 0;
        while (i < n && strcmp(list[i].name, want[k].name))
            i++;
        cr_assert_lt(i, n, "%s is not listed", want[k].name);
        cr_expect_eq(list[i].severity, want[k].sev, "%s", want[k].name);
    }
}

/* Several beads; "ещё" and "еще" three times each: one finding, on the bead where the second
 * form first appears, naming the first sentence of each form. */
Test(check_yo, once_per_word_over_beads)
{
    doc d = {0};
    char s[8][128];
    const char *ru[] = {"Он ещё здесь.", "Всё готово.", "Он ещё там.", "Все пришли.",
                        "Он еще тут.", "Зелёный свет.", "Он еще спит.", "Еще раз."};
    const char *en[] = {"He is still here.", "All is ready.", "He is still there.",
                        "Everybody came.", "He is still around.", "Green light.",
                        "He is still asleep.", "Once more."};
    char e[8][128];
    for (int i = 0; i < 8; i++) {
        snprintf(s[i], sizeof s[i], "%s", ru[i]);
        snprintf(e[i], sizeof e[i], "%s", en[i]);
        add_bead(&d, e[i], s[i]);
    }
    ta_finding *f;
    size_t n;
    run("yo", &d, &f, &n);
    cr_assert_eq(n, 1, "%zu findings", n);
    cr_expect_eq(f[0].bead, 4);
    cr_expect_eq(f[0].ru0, 4);
    cr_expect_eq(f[0].ru1, 5);
    cr_expect_eq(f[0].severity, TA_SEV_INFO);
    cr_expect_str_eq(f[0].lang, "ru");
    cr_expect_str_eq(f[0].word, "ещё");
    cr_expect(strstr(f[0].message, "\"ещё\" (Russian sentence 0) and \"еще\" (sentence 4)"),
              "%s", f[0].message);
    ta_findings_free(f, n);
}

/* A 2-1 bead in front shifts the sentence ids; the е form first: the finding is on the bead
 * of the ё form. */
Test(check_yo, e_form_first)
{
    doc d = {0};
    char e0[] = "One. || Two.", r0[] = "Раз, два.", e1[] = "He is still here.",
         r1[] = "Он еще здесь.", e2[] = "Her car.", r2[] = "Её машина.", e3[] = "Still.",
         r3[] = "Ещё.";
    add_bead(&d, e0, r0), add_bead(&d, e1, r1), add_bead(&d, e2, r2), add_bead(&d, e3, r3);
    ta_finding *f;
    size_t n;
    run("yo", &d, &f, &n);
    cr_assert_eq(n, 1, "%zu findings", n);
    cr_expect_eq(f[0].bead, 3);
    cr_expect_eq(f[0].en0, 4);
    cr_expect_eq(f[0].ru0, 3);
    cr_expect(strstr(f[0].message, "\"Ещё\" (Russian sentence 3) and \"еще\" (sentence 1)"),
              "%s", f[0].message);
    ta_findings_free(f, n);
}

/* The same English sentence three times, translated X, Y, X: one finding (the Y, against the
 * first); a repeated translation of a short sentence and 2-1 beads are left alone. */
Test(check_inconsistency, against_the_first_occurrence)
{
    doc d = {0};
    char e[6][96], r[6][128];
    const char *en[] = {"The talks will continue on Monday.", "Source: TASS",
                        "The talks will continue on Monday.", "Source: TASS",
                        "The talks will continue on Monday.", "The talks will continue on Monday."};
    const char *ru[] = {"Переговоры продолжатся в понедельник.", "Источник: ТАСС",
                        "Переговоры возобновятся в понедельник.", "Источник — ТАСС",
                        "Переговоры продолжатся в понедельник.",
                        "Переговоры пройдут в понедельник."};
    for (int i = 0; i < 5; i++) {
        snprintf(e[i], sizeof e[i], "%s", en[i]);
        snprintf(r[i], sizeof r[i], "%s", ru[i]);
        add_bead(&d, e[i], r[i]);
    }
    /* a 2-1 bead with the same first sentence but another translation: not compared */
    snprintf(e[5], sizeof e[5], "%s || Nobody knows.", en[5]);
    snprintf(r[5], sizeof r[5], "%s", ru[5]);
    add_bead(&d, e[5], r[5]);
    ta_finding *f;
    size_t n;
    run("inconsistency", &d, &f, &n);
    cr_assert_eq(n, 1, "%zu findings", n);
    cr_expect_eq(f[0].bead, 2);
    cr_expect_eq(f[0].severity, TA_SEV_WARNING);
    cr_expect(strstr(f[0].message, "(English 0) is translated differently in Russian 0: "
                                   "\"Переговоры продолжатся в понедельник.\""),
              "%s", f[0].message);
    ta_findings_free(f, n);
}

/* Two different English sentences with one translation, in both directions of the test. */
Test(check_inconsistency, same_translation)
{
    doc d = {0};
    char e0[] = "The negotiations will resume on Monday.", e1[] = "Prices rose sharply in May.",
         e2[] = "The talks will continue on Monday.";
    char r0[] = "Переговоры продолжатся в понедельник.", r1[] = "Цены резко выросли в мае.",
         r2[] = "Переговоры  продолжатся в понедельник.";
    add_bead(&d, e0, r0), add_bead(&d, e1, r1), add_bead(&d, e2, r2);
    ta_finding *f;
    size_t n;
    run("inconsistency", &d, &f, &n);
    cr_assert_eq(n, 1, "%zu findings", n);
    cr_expect_eq(f[0].bead, 2);
    cr_expect_str_eq(f[0].lang, "en");
    cr_expect(strstr(f[0].message, "different English sentence (English 0): \"The negotiations"),
              "%s", f[0].message);
    ta_findings_free(f, n);
}
