/* test_pairseg.c — split-by-translation cuts only where a sentence can end: the cases of
 * tests/data/pairseg.tsv, one a line: the check that decides it, the language of the single
 * sentence, that sentence (" | " marks where it must be split; without one it must stay
 * whole) and the other side's two sentences joined by " || ". */
#include "testutil.h"
#include <criterion/criterion.h>

#define LINE_MAX_BYTES 4096

/* Copies s without its " | " mark into out; returns the mark's byte offset in out, or 0. */
static size_t unmark(const char *s, char *out)
{
    const char *m = strstr(s, " | ");
    if (!m) {
        strcpy(out, s);
        return 0;
    }
    size_t k = (size_t)(m - s);
    memcpy(out, s, k);
    out[k] = ' ';
    strcpy(out + k + 1, m + 3);
    return k + 1;
}

/* Runs ta_split_by_translation on one 1-2 (single is English) or 2-1 bead; the byte where the
 * single sentence was split, or 0. */
static size_t split_at(bool en_single, const char *single, const char *pair)
{
    const char *second = strstr(pair, " || ");
    cr_assert_not_null(second, "no ' || ' in %s", pair);
    char two[LINE_MAX_BYTES];
    size_t k = (size_t)(second - pair);
    memcpy(two, pair, k);
    strcpy(two + k, second + 3); /* keeps one space */
    ta_span *ss = malloc(sizeof *ss), *sm = malloc(2 * sizeof *sm);
    ss[0] = (ta_span){0, strlen(single), 0, TA_KIND_BODY};
    sm[0] = (ta_span){0, k, 0, TA_KIND_BODY};
    sm[1] = (ta_span){k + 1, strlen(two), 0, TA_KIND_BODY};
    size_t ns = 1, nm = 2, nb = 1;
    ta_bead *b = malloc(sizeof *b);
    b[0] = en_single ? (ta_bead){0, 1, 0, 2, 0.7} : (ta_bead){0, 2, 0, 1, 0.7};
    ta_status st = en_single
                       ? ta_split_by_translation(single, &ss, &ns, two, &sm, &nm, &b, &nb, NULL, NULL, NULL)
                       : ta_split_by_translation(two, &sm, &nm, single, &ss, &ns, &b, &nb, NULL, NULL, NULL);
    cr_assert_eq(st, TA_OK);
    size_t at = ns == 2 ? ss[1].start : 0;
    cr_assert_eq(nb, ns, "beads follow the split");
    ta_free(ss), ta_free(sm), ta_free(b);
    return at;
}

Test(pairseg, cuts_only_at_sentence_ends)
{
    FILE *f = fopen(fixture("pairseg.tsv"), "r");
    cr_assert_not_null(f, "missing fixture pairseg.tsv");
    char line[LINE_MAX_BYTES], single[LINE_MAX_BYTES];
    int lineno = 0, cases = 0, splits = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *check = strtok(line, "\t"), *lang = strtok(NULL, "\t"), *marked = strtok(NULL, "\t"),
             *pair = strtok(NULL, "\t");
        cr_assert(check && lang && marked && pair, "pairseg.tsv:%d: four fields", lineno);
        size_t want = unmark(marked, single);
        size_t got = split_at(!strcmp(lang, "en"), single, pair);
        cr_expect_eq(got, want, "pairseg.tsv:%d (%s): split at byte %zu, expected %zu", lineno,
                     check, got, want);
        cases++, splits += want != 0;
    }
    fclose(f);
    cr_assert_geq(cases, 8);
    cr_assert_geq(splits, 2, "the fixture has cases that must be split too");
}
