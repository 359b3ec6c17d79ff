/* boundary.h — the boundary zone of the rule table: abbreviations (lexicon/abbrev.LANG,
 * months.LANG) and the rules that veto or keep a boundary ICU or a candidate rule proposed
 * (private to the library). */
#ifndef TA_BOUNDARY_H
#define TA_BOUNDARY_H
#include "headline.h"
#include "segrules.h"

/* A language's abbreviation data and the scratch its lookups use. */
typedef struct {
    char lang[8];
    ta_strmap abbrev;   /* lowercased abbreviation -> class | (follow-list index << 4) */
    ta_strmap phrase;   /* lowercased prepositions that open a phrase, not a sentence */
    ta_strmap months;   /* months.LANG: month names in every form, lowercased */
    ta_vec follow;      /* per entry: a char ** NULL-terminated list of prefixes */
    ta_buf key, lower;
    bool split_semicolon; /* "option split-semicolon" in abbrev.LANG */
    ta_headliner *headliner; /* borrowed: sentence starters and stopwords; set after loading */
} ta_abbrevs;

/* Reads abbrev.LANG and months.LANG from data_dir (NULL: built-in). */
ta_status ta_abbrevs_load(ta_abbrevs *ab, const char *lang, const char *data_dir,
                          ta_error *err);
void ta_abbrevs_release(ta_abbrevs *ab);

/* Does a date start at s[a]: a day and a month, "24 апреля", "24 April"? */
bool ta_date_at(ta_abbrevs *ab, const char *s, size_t a, size_t hi);

/* The spaced dots ending at e: ". . ." gives 3; *first is the first dot's offset. */
int ta_spaced_dots(const char *s, size_t lo, size_t e, size_t *first);

/* Should the boundary at `p` (text s[lo, hi), the sentence starting at `sent`) be vetoed? The
 * boundary rules are tried in table order; the first with a verdict decides. When `report`,
 * the decision is counted and explained (a keep only when a rule made it). */
bool ta_boundary_vetoed(ta_abbrevs *ab, ta_ruleset *rs, bool report, const char *s, size_t lo,
                        size_t hi, size_t sent, size_t p, ta_rule_id *keeper);
#endif
