/* segrules.h — the segmentation rule table (private to the library): every rule's id, and the
 * switches, hit counts and explanations of one segmenter. The rules themselves live with the
 * zone they work in: boundary.c (vetoes of proposed boundaries), candidates.c (boundaries ICU
 * does not propose), headline.c (headlines glued to the text after them). Data flows one way:
 * segment.c -> boundary.c, candidates.c, headline.c -> segrules.c. */
#ifndef TA_SEGRULES_H
#define TA_SEGRULES_H
#include "internal.h"

/* In table order: the order in which the rules of one zone are tried (first match decides). */
typedef enum {
    /* the proposer of a boundary no rule made: ICU's sentence break iterator */
    R_ICU,
    /* boundary: vetoes of a proposed boundary (boundary.c) */
    R_BRACKETED_ELLIPSIS, R_IN_BRACKETS, R_OPEN_BRACKET, R_SPACED_ELLIPSIS, R_LIST_PAREN,
    R_ARMENIAN_STOP, R_EXCLAIM_IN_WORD, R_EXCLAIM_BRAND, R_EXCLAIM_LOWERCASE, R_PRONOUN_I,
    R_ROMAN_AFTER_NAME, R_INITIAL, R_ABBREV_TITLE, R_ABBREV_NUMBER, R_ABBREV_DATE,
    R_ABBREV_AMBIGUOUS, R_DOTTED_INITIALS, R_DOTTED_LOWER, R_LIST_ITEM_START, R_SINGLE_QUOTED,
    /* placement: where a made boundary goes (segment.c) */
    R_REFERENCE_STAYS, R_FOOTNOTE_STAYS, R_ELLIPSIS_OPENS, R_LIST_MARKER_NEXT,
    /* candidates: boundaries ICU does not propose (candidates.c) */
    R_SEMICOLON, R_FULLWIDTH_STOP, R_DIALOGUE_DASH, R_PAREN_ITEM, R_CAMEL_OR_DOMAIN,
    R_LETTER_ITEM, R_LOWERCASE_PAREN, R_ELLIPSIS_CAPITAL, R_EMOTICON, R_DIGIT_AFTER_WORD,
    R_GLUED_FOOTNOTE, R_GLUED_SENTENCE, R_MENU_TAIL,
    /* headline: a headline or subheading glued to the text after it (headline.c) */
    R_TITLE_CASE_HEADLINE, R_ONE_WORD_HEADLINE, R_DAY_DATELINE, R_QUOTED_SENTENCE, R_COMMA_STOP,
    R_COLON_HEADLINE, R_DATELINE, R_SITE_SUFFIX, R_STARTER, R_LEAD_REPEATS_HEADLINE,
    R_SEEN_LOWERCASE, R_RU_NAME_VERB, R_APPOSITION_LEAD, R_LONG_HEADLINE, R_NAME_SOON,
    R_SUBJECT_AGAIN, R_REPEATED_WORDS, R_TITLE_CASE_LEAD, R_RU_COMMON_NOUN, R_FORCED_HEADLINE,
    /* where the headline rules look (segment.c) */
    R_SUBHEADING_SEARCH,
    R_COUNT
} ta_rule_id;

/* A rule's verdict on a boundary: no opinion (the next rule is tried), join (the boundary is
 * vetoed) or keep (made; no later rule of the zone is asked). */
typedef enum { RV_PASS, RV_JOIN, RV_KEEP } ta_verdict;

/* One segmenter's switches, hit counts and explanation callback. */
typedef struct {
    bool on[R_COUNT];
    size_t hits[R_COUNT];
    void (*explain)(void *ctx, size_t offset, const char *rule, bool made);
    void *explain_ctx;
    size_t base; /* byte offset of the text the rules see in the caller's text */
} ta_ruleset;

/* The defaults (ta_seg_rules' `on`), then the switches in `spec` ("-NAME,+NAME", NULL: none).
 * TA_EINVAL with the name when a rule is unknown. */
ta_status ta_ruleset_init(ta_ruleset *rs, const char *lang, const char *spec, ta_error *err);

/* Is rule r switched on (for a NULL set: its default)? */
static inline bool ta_rule_on(const ta_ruleset *rs, ta_rule_id r)
{
    return !rs || rs->on[r];
}

/* Counts a decision of rule r and reports it to the explain callback: the boundary at byte
 * `offset` (of the text the rules see) made or vetoed. Returns `made`. */
bool ta_rule_decided(ta_ruleset *rs, ta_rule_id r, size_t offset, bool made);

/* The rule's name ("abbrev-title"). */
const char *ta_rule_name(ta_rule_id r);

/* A list marker token s[a, e) ("2.", "b)", "IV.", "• 9."): its item number, -1 for a marker
 * without a number, 0 when it is not one; *bullet tells whether a bullet opened it. */
int ta_list_marker(const char *s, size_t a, size_t e, bool *bullet);
#endif
