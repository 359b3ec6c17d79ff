/* test_clean.c — ta_text_clean: fixture cases (tests/data/clean.txt, one a line) and the API's
 * contract. */
#include "testutil.h"
#include <criterion/criterion.h>

/* Replaces every "↵" in s by a line break, in place. */
static void unmark(char *s)
{
    char *w = s;
    for (char *r = s; *r;)
        if (!strncmp(r, "\xE2\x86\xB5", 3))
            *w++ = '\n', r += 3;
        else
            *w++ = *r++;
    *w = 0;
}

static char *clean(const char *in, size_t *changes)
{
    ta_text *t = NULL;
    cr_assert_eq(ta_text_decode(in, strlen(in), "UTF-8", &t, NULL), TA_OK);
    cr_assert_eq(ta_text_clean(t, changes, NULL), TA_OK);
    size_t len;
    char *out = strdup(ta_text_data(t, &len));
    cr_assert_eq(strlen(out), len);
    ta_text_free(t);
    return out;
}

Test(clean, fixtures)
{
    FILE *f = fopen(fixture("clean.txt"), "r");
    cr_assert_not_null(f);
    char line[4096];
    int lineno = 0, cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        char *sep = strstr(line, " => ");
        if (!line[0] || line[0] == '#')
            continue;
        cr_assert_not_null(sep, "clean.txt:%d has no \" => \"", lineno);
        *sep = 0;
        unmark(line);
        unmark(sep + 4);
        char *got = clean(line, NULL);
        cr_expect_str_eq(got, sep + 4, "clean.txt:%d: got \"%s\"", lineno, got);
        free(got);
        cases++;
    }
    fclose(f);
    cr_assert_gt(cases, 15);
}

Test(clean, counts_changes_and_keeps_plain_text)
{
    size_t n = 99;
    char *got = clean("Plain news text. Nothing to do.\nSecond line.", &n);
    cr_expect_str_eq(got, "Plain news text. Nothing to do.\nSecond line.");
    cr_expect_eq(n, 0);
    free(got);
    got = clean("<b>Bold</b> and &amp;", &n);
    cr_expect_str_eq(got, "Bold and &");
    cr_expect_eq(n, 3);
    free(got);
    got = clean("", &n);
    cr_expect_str_eq(got, "");
    cr_expect_eq(n, 0);
    free(got);
}

Test(clean, result_is_nfc)
{
    char *got = clean("e&#769;te\xCC\x81", NULL); /* e + combining acute, twice */
    cr_expect_str_eq(got, "\xC3\xA9t\xC3\xA9");
    free(got);
}

Test(clean, segments_cleaned_text)
{
    ta_text *t = NULL;
    const char *in = "<p>This is a test. Another test.</p>\n<p>Third.</p>";
    cr_assert_eq(ta_text_decode(in, strlen(in), NULL, &t, NULL), TA_OK);
    cr_assert_eq(ta_text_clean(t, NULL, NULL), TA_OK);
    size_t len;
    const char *s = ta_text_data(t, &len);
    char *got = segment_join("en", s);
    cr_expect_str_eq(got, "This is a test. || Another test. || Third.");
    free(got);
    ta_text_free(t);
}
