/* candidates.h — the candidate zone of the rule table: boundaries ICU's sentence break
 * iterator does not propose (private to the library). */
#ifndef TA_CANDIDATES_H
#define TA_CANDIDATES_H
#include "segrules.h"

/* A proposed boundary and the rule that proposed it. */
typedef struct {
    size_t at;
    ta_rule_id rule;
    bool subheading; /* a headline rule's, past the document's first sentence */
} ta_cand;

/* Appends to `c` (ta_cand) the boundaries the candidate rules find in t[0, n), each rule
 * switched on in rs (NULL: the defaults); "; " only when `semicolon`. -1 when out of memory. */
int ta_extra_candidates(const char *t, size_t n, bool semicolon, const ta_ruleset *rs, ta_vec *c);

/* In a paragraph joined from wrapped lines (s[0, n) holds line breaks), one or two lowercase
 * words after the last line's sentence end are a menu's first item, not the sentence's end:
 * "It was a cold\nnight in the city. features\ncontact manager". Their start, or 0. */
size_t ta_menu_tail(const char *s, size_t n);

/* Does the word at s[a, e) start in lowercase with a capital inside: "iPhone", "eBay"? */
bool ta_camel_word(const char *s, size_t a, size_t e);
#endif
