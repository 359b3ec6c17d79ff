/* test_stem.c — ta_stem's stems are Snowball's UTF-8 ones for every word (the one-byte
 * stemmers it takes for ASCII English and а..я Russian words must not change a stem). */
#include "lexicon.h"
#include "testutil.h"
#include <criterion/criterion.h>
#include <libstemmer.h>

/* What the UTF-8 stemmer of lang gives for the lowercased word. */
static void utf8_stem(char lang, const char *low, size_t n, char *out, size_t cap)
{
    struct sb_stemmer *s = sb_stemmer_new(lang == 'e' ? "english" : "russian", "UTF_8");
    cr_assert_not_null(s);
    const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)low, (int)n);
    cr_assert_not_null(r);
    snprintf(out, cap, "%.*s", sb_stemmer_length(s), (const char *)r);
    sb_stemmer_delete(s);
}

Test(stem, byte_stemmers_give_the_utf8_stems)
{
    FILE *f = fopen(fixture("stem_words.tsv"), "r");
    cr_assert_not_null(f);
    char line[2048];
    int cases = 0;
    ta_stemmer st = {0};
    ta_buf out = {0};
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = 0;
        char *rule = strtok(line, "\t"), *lang = strtok(NULL, "\t"), *word = strtok(NULL, "\t");
        cr_assert(rule && lang && word, "bad fixture line");
        cr_assert_eq(ta_stem(&st, lang[0], word, strlen(word), &out), 0, "%s", rule);
        char want[2048]; /* lowercased apart from ta_stem's short path (ё -> е as it does) */
        ta_buf low = {0};
        cr_assert_eq(ta_u8_lower(&low, word, strlen(word), true), 0);
        utf8_stem(lang[0], low.data, low.len, want, sizeof want);
        ta_buf_release(&low);
        cr_assert_eq(out.len, strlen(want), "%s: %.*s, want %s", rule, (int)out.len, out.data, want);
        cr_assert(!memcmp(out.data, want, out.len), "%s: %.*s, want %s", rule, (int)out.len, out.data, want);
        cases++;
    }
    fclose(f);
    cr_assert_gt(cases, 20);
    cr_assert_not_null(st.ru_byte, "the KOI8-R stemmer was never taken");
    cr_assert_not_null(st.en_byte, "the ISO-8859-1 stemmer was never taken");
    cr_assert_not_null(st.ru, "the UTF-8 Russian stemmer was never taken");
    cr_assert_not_null(st.en, "the UTF-8 English stemmer was never taken");
    ta_buf_release(&out);
    ta_stemmer_release(&st);
}

/* A typeset apostrophe (U+2019) is read as an ASCII one in English, as typeset news writes
 * possessives (Bank’s: bank, Government’s: govern) */
Test(stem, typeset_apostrophe_in_english)
{
    ta_stemmer st = {0};
    ta_buf a = {0}, b = {0};
    const char *pairs[][2] = {{"Bank\xe2\x80\x99s", "Bank's"}, {"government\xe2\x80\x99s", "government's"},
                              {"Davis\xe2\x80\x99", "Davis'"}};
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        cr_assert_eq(ta_stem(&st, 'e', pairs[k][0], strlen(pairs[k][0]), &a), 0);
        cr_assert_eq(ta_stem(&st, 'e', pairs[k][1], strlen(pairs[k][1]), &b), 0);
        cr_expect(a.len == b.len && !memcmp(a.data, b.data, a.len), "%s: %.*s, want %.*s",
                  pairs[k][1], (int)a.len, a.data, (int)b.len, b.data);
    }
    cr_assert_eq(ta_stem(&st, 'e', "Bank\xe2\x80\x99s", strlen("Bank\xe2\x80\x99s"), &a), 0);
    cr_expect(a.len == 4 && !memcmp(a.data, "bank", 4), "%.*s", (int)a.len, a.data);
    ta_buf_release(&a);
    ta_buf_release(&b);
    ta_stemmer_release(&st);
}
