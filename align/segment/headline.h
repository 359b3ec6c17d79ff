/* headline.h — finding a headline or subheading glued to the sentence after it, with no
 * punctuation between them (private to the library). */
#ifndef TA_HEADLINE_H
#define TA_HEADLINE_H
#include "segrules.h"

typedef struct ta_headliner ta_headliner;

/* Reads starters.LANG, stopwords.LANG, endings.LANG, titlecase.en and titles.en from data_dir
 * (NULL: built-in). No hunspell dictionary is consulted until ta_headliner_use_hunspell names
 * its folder (a segmenter's rules do; pairseg.c's questions need none): no default folder is
 * read behind the caller's back. */
ta_status ta_headliner_new(const char *lang, const char *data_dir, ta_headliner **out,
                           ta_error *err);
/* Takes the hunspell dictionaries from `dir` (NULL: TA_HUNSPELL_DIR), LANG_xx opened the first
 * time a rule asks: its word-form file in forms_dir when one was made from these very files
 * (base/wordforms.h), else libhunspell. TA_EIO naming the file when LANG_xx.aff or .dic is
 * missing there and a rule switched on in rs needs it. */
ta_status ta_headliner_use_hunspell(ta_headliner *h, const char *dir, const char *forms_dir,
                                    const ta_ruleset *rs, ta_error *err);
void ta_headliner_free(ta_headliner *h);
/* The headline rules a segmenter uses (segment.c); NULL for a presegmented one. */
ta_headliner *ta_segmenter_headliner(const ta_segmenter *s);

/* Does t[ws, n) start with a sentence starter of starters.LANG ("The ", "В этом ")? */
bool ta_headliner_starter(const ta_headliner *h, const char *t, size_t n, size_t ws);

/* Is the word w (n bytes, any case) a function word of stopwords.LANG ("it", "the", "в")? */
bool ta_headliner_stopword(ta_headliner *h, const char *w, size_t n);

/* The byte in the sentence t[from, to) (t holds n bytes) where a sentence glued to a headline
 * starts, or 0 when there is none. `first`: 2 when this is the first sentence of the document,
 * where headlines are glued most often and more evidence is accepted; 1 when it is the rest of
 * that sentence after a headline (a subheading may follow, on less evidence); 0 elsewhere.
 * doc[0, len) is the whole document (words seen in lowercase elsewhere). The headline rules
 * switched on in rs are tried in table order; *rule receives the one that found it. */
size_t ta_glued_headline(ta_headliner *h, const ta_ruleset *rs, const char *t, size_t n,
                         size_t from, size_t to, int first, const char *doc, size_t len,
                         ta_rule_id *rule);

/* For a document's first sentence t[0, to) in which ta_glued_headline found no headline: where a
 * headline most probably ends, since a text that does not start with a headline line often had
 * its headline glued to the first paragraph. Each place where a capitalised word or a number
 * follows a word that is no function word is scored: a sentence starter after it, a common word
 * (seen in lowercase or known to hunspell), the headline's words named again in the next eight,
 * a number; against: inside a run of capitalised words, past 18 words. The best place in the
 * first 250 characters scoring 1 or more, or 0. */
size_t ta_forced_headline(ta_headliner *h, const char *t, size_t n, size_t to, const char *doc,
                          size_t len);

/* Where a sentence could start inside t[from, to) were a headline or sentence glued before it
 * without punctuation: word starts (a capital or a digit, maybe after an opening quote) after a
 * word ending in a letter, digit or closing quote that is not a stopword, with at least two
 * words before. Unless `anywhere`, only where a headline may end (the first 29 words and 300
 * bytes); when `anywhere`, only with three words or more after, and also after any word
 * ending in ".", "!" or "?" (the segmenter kept such a period: "added. rus.err.ee wrote").
 * Writes at most `max` byte offsets to `out`; returns how many. */
size_t ta_headline_candidates(ta_headliner *h, const char *t, size_t n, size_t from, size_t to,
                              bool anywhere, size_t *out, size_t max);

/* Is the word w (n bytes) found lowercased as a word of doc[0, len) (Russian: the same first
 * five letters, not an adjective made from a name), so a common word rather than a name? */
bool ta_headliner_seen_lowercase(ta_headliner *h, const char *w, size_t n, const char *doc,
                                 size_t len);
#endif
