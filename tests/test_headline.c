/* test_headline.c — the headline rules (align/segment/headline.h, private) consult a hunspell
 * dictionary only in the folder the caller names: a headliner given none (the alignment kit's
 * own, for pairseg.c) reads no default folder behind the caller's back. */
#include "headline.h"
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

#define DICTS "/usr/share/hunspell"

/* A headline glued to its lead, split only where "Bridges" is known as a common word: no
 * sentence starter, not seen in lowercase in the text, no name or number around. */
static const char GLUED[] = "Heavy storm hits coastal towns Bridges were damaged across the "
                            "whole region today.";

static size_t forced(ta_headliner *h)
{
    size_t n = strlen(GLUED);
    return ta_forced_headline(h, GLUED, n, n, GLUED, n);
}

Test(headline, dictionary_only_where_the_caller_says)
{
    if (access(DICTS "/en_US.dic", R_OK) != 0)
        cr_skip("no hunspell en_US dictionary in " DICTS);
    ta_ruleset rs;
    ta_error err = {0};
    cr_assert_eq(ta_ruleset_init(&rs, "en", NULL, &err), TA_OK, "%s", err.message);
    ta_headliner *with = NULL, *without = NULL, *forms = NULL;
    cr_assert_eq(ta_headliner_new("en", NULL, &with, &err), TA_OK, "%s", err.message);
    cr_assert_eq(ta_headliner_use_hunspell(with, DICTS, NULL, &rs, &err), TA_OK, "%s",
                 err.message);
    char dir[1024]; /* the word-form files make built from the same dictionary */
    snprintf(dir, sizeof dir, "%s/lexicon", getenv("TALIGN_SRC") ? getenv("TALIGN_SRC") : ".");
    cr_assert_eq(ta_headliner_new("en", NULL, &forms, &err), TA_OK, "%s", err.message);
    cr_assert_eq(ta_headliner_use_hunspell(forms, DICTS, dir, &rs, &err), TA_OK, "%s",
                 err.message);
    cr_assert_eq(ta_headliner_new("en", NULL, &without, &err), TA_OK, "%s", err.message);
    size_t at = (size_t)(strstr(GLUED, "Bridges") - GLUED);
    cr_expect_eq(forced(with), at, "with the dictionary: split at %zu, expected %zu",
                 forced(with), at);
    cr_expect_eq(forced(without), 0, "without one: split at %zu, expected none",
                 forced(without));
    cr_expect_eq(forced(forms), at, "with its word-form file: split at %zu, expected %zu",
                 forced(forms), at);
    ta_headliner_free(forms);
    ta_headliner_free(with);
    ta_headliner_free(without);
}
