/* headwords.h — what the headline rules know of words (private to align/segment/): the
 * headliner's data (starters, stopwords, Title Case words, titles, roles, endings, hunspell)
 * and the word tests of headliner.c, and the evidence of headline_evidence.c that the rules of
 * headline.c combine. Data flows one way: headline.c -> headline_evidence.c -> headliner.c. */
#ifndef TA_HEADWORDS_H
#define TA_HEADWORDS_H
#include "headline.h"
#include "wordforms.h"
#include <hunspell/hunspell.h>

/* The kinds of endings.LANG lines. */
enum { END_VERB, END_ADJ_STEM, END_ADJ, END_DEMONYM, END_OBLIQUE, END_ORDINAL, END_KINDS };

enum { HUNSPELL_MAX_BYTES = 60, /* longer words are not looked up */
       RU_VERB_MIN_LETTERS = 4, PREFIX_LETTERS = 5 };

struct ta_headliner {
    char lang[8];
    char **starters;  /* starters.LANG */
    ta_strmap first;  /* the first word of every starter, to skip the list for other words */
    ta_strmap stop;   /* stopwords.LANG: a headline does not end with one */
    ta_strmap minor;  /* titlecase.LANG: lowercase words of Title Case headlines */
    ta_strmap titles; /* titles.LANG: a title before a name ("Chief Minister") */
    ta_strmap roles;  /* roles.LANG: starters that end names ("Metropolitan Police") */
    char **end[END_KINDS]; /* endings.LANG (and ordinals of endings.en, endings.ru) */
    char *dict_dir;   /* hunspell dictionaries */
    char *forms_dir;  /* their word-form files (base/wordforms.h); NULL: none */
    ta_wordforms *forms; /* opened the first time a rule asks, else */
    Hunhandle *hun;      /* hunspell loaded then */
    bool hun_tried;
    bool lemma;       /* the last word ta_hl_common_word knew: a dictionary form */
    ta_buf key, tmp;
};

/* ---- word tests (headliner.c) ---------------------------------------------- */

/* Does c close a quotation or a parenthesis? */
bool ta_hl_is_close_quote(uint32_t c);

/* The letters of the token s[a, e): without surrounding quotes, brackets and trailing
 * punctuation (",", ":", "'s" is kept). Returns the trimmed end; *a moves past opening marks. */
size_t ta_hl_word_core(const char *s, size_t *a, size_t e);

/* The end of the token starting at s[a]: the next space, or n. */
size_t ta_hl_token_end(const char *s, size_t n, size_t a);

/* Is w[0, n) one of the strings of the NULL-ended list? */
bool ta_hl_in_list(char **list, const char *w, size_t n);

/* Is w[0, n), lowercased, a key of m? (h->key is the scratch buffer) */
bool ta_hl_in_map(ta_headliner *h, const ta_strmap *m, const char *w, size_t n);

/* Is w[0, n) a stopword of the headliner's language (stopwords.LANG)? */
bool ta_hl_is_stopword(ta_headliner *h, const char *w, size_t n);

/* Is t[from, w) a Title Case headline: four words or more, every word capitalised but the
 * minor ones (titlecase.LANG), and after the first word a minor word capitalised too or five
 * capitalised words? */
bool ta_hl_title_case(ta_headliner *h, const char *t, size_t from, size_t w);

/* Does a lowercase word that is not minor come within the first k words from ws ("Pakistan
 * and England will ...")? */
bool ta_hl_sentence_soon(ta_headliner *h, const char *t, size_t n, size_t ws, int k);

/* The first nd[0, nn) in h[0, hn) (memmem), NULL when nn is 0 or it is not there. */
const char *ta_hl_find(const char *h, size_t hn, const char *nd, size_t nn);

/* Does w[0, n) end with one of `list` and hold more before it? */
bool ta_hl_ends_with(char **list, const char *w, size_t n);

/* Is the word at t[a] a Russian verb in the past or the present third person, lowercase and
 * four letters or more: "заявил", "сообщила", "считает", "говорят"? */
bool ta_hl_ru_verb(const ta_headliner *h, const char *t, size_t n, size_t a);

/* The bytes of the first k characters of b (all of it when shorter). */
size_t ta_hl_prefix_bytes(const ta_buf *b, size_t k);

/* Is `w` (n bytes) found lowercased as a word of the document? In Russian the first five
 * letters are compared, so that other inflected forms count (ученик, ученика), but not an
 * adjective made from a name (Ливана, ливанской). */
bool ta_hl_seen_lowercase(ta_headliner *h, const char *doc, size_t len, const char *w, size_t n);

/* Does hunspell know `w` written in lowercase (a common word, not a name)? */
bool ta_hl_common_word(ta_headliner *h, const char *w, size_t n);

/* Is the lowercase word w its own dictionary form by Hunspell_stem's k stems (see below)? */
bool ta_hl_lemma_of(const char *w, char **stems, int k);

/* Can the word in h->tmp (lowercase) open a sentence by its dictionary form (Hunspell's stem):
 * the form itself ("количество"), a masculine plural, the form and "ы" or "и" ("офицеры"), an
 * adverb in "о" ("временно", "необходимо") or a word without a stem ("экс-солист"); not
 * "генплана" (генплан) or "прозы" (проза)? Call after common_word() found it. */
bool ta_hl_lemma_form(ta_headliner *h);

/* ---- evidence (headline_evidence.c) --------------------------------------- */

/* A day, its month and an agency, then a dash: "25 июля (UPI) -", "25 июля(UPI) –". */
bool ta_hl_day_dateline(const char *t, size_t n, size_t ws);

/* Does a dateline start at t[ws]? "VIRGINIA BEACH, Va. --", "ISLAMABAD (AP) -",
 * "July 25 (UPI) --", "Luanda - " (this style only in the headline zone, `head`) */
bool ta_hl_dateline_like(const char *t, size_t n, size_t ws, bool head);

/* Does a starter (starters.LANG: "The", "Today,") open t at ws? *end is then where the
 * word after it starts. */
bool ta_hl_starts_with_starter(const ta_headliner *h, const char *t, size_t n, size_t ws,
                                size_t *end);

/* Compares the cores of the k tokens starting at a and at b; true when all k are equal. */
bool ta_hl_same_words(const char *t, size_t n, size_t a, size_t b, int k);

/* A name repeated across the join: "... Golden Boot winner Jamie Vardy | Jamie Vardy
 * acknowledged", or, in the first sentence, the headline's two opening words as the sentence's
 * subject ("Украинские военные будут ... | Украинские военные начали"); after a capitalised
 * word only when the repeated word t[wa, wz) is a common word ("... мотивы Трампа | Мэр
 * Канзас-сити", not "... России Владимир | Путин"; an empty range is none: hunspell is asked
 * only here, since loading it costs about 350 M instructions). w: the join, ws: the first letter after
 * it, words: the words before it. */
bool ta_hl_repeated(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                     bool first, bool prev_upper, size_t wa, size_t wz, size_t words);

/* A name of the headline t[from, w) (a capitalised word of four letters or more, no stopword
 * or sentence starter) among the first six words from ws, where a lead names its subject:
 * "Gagarina named the foods ... | Russian singer Polina Gagarina named five". *at: the token
 * where the name was found. */
bool ta_hl_name_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                      size_t *at);

/* Does a lead open at ws with an apposition before a name of the headline t[from, w):
 * "Forward | Kirill Panchenko is", "Washington winger Aleksandr Ovechkin admitted", "Manchester
 * United star Paul Pogba has"? Up to two capitalised words (one when the headline ends with a
 * capitalised word: "Inter Milan | German ex-goalie"), a title (titles.LANG, maybe after
 * "ex-"), one to three capitalised words, one of them a name of four letters or more from the
 * headline, and then a lowercase word. */
bool ta_hl_apposition_lead(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                            size_t ws, bool prev_lower);

/* Do the five words before w (in t[from, w)) come again, as they are, in the lead after w
 * (the next 2,000 bytes of t[w, to)), and there go on with a lowercase word, where at w a
 * capitalised one starts a sentence? */
bool ta_hl_lead_repeats_headline(const char *t, size_t from, size_t w, size_t to);

/* Is t[from, pe) one quotation (its opening mark at `from`, its closing one at pe - 1, none
 * between), a sentence without its full stop, and the word ending at ne, after it, capitalised
 * and followed by a lowercase one ('"Social networks must act faster" | Twitter was accused')? */
bool ta_hl_quoted_sentence(const char *t, size_t n, size_t from, size_t pe, size_t ne);

/* Is the name at u the lead's subject, the words between w and it the headline's last ones,
 * restated after the name ("... despite severe | Brexit backlash | Tony Blair has pledged ...
 * following severe backlash"), not an apposition ("... spot | Manchester United star Paul
 * Pogba has ... United finished")? A word of four letters or more, not a stopword, from
 * t[w, u) comes again in the sentence after u (within 30 words), and the word before u is not
 * capitalised. */
bool ta_hl_gap_restated(ta_headliner *h, const char *t, size_t n, size_t w, size_t u);

/* Russian endings of oblique cases, rare on a sentence's first word (its subject is in the
 * nominative): "передана | Министерству здравоохранения", "с мэрами | Бурятского округа";
 * and of surnames that are also common words (Кузнецов, Попов). */
bool ta_hl_oblique(const ta_headliner *h, const char *w, size_t n);

/* Does a single quote open a word in t[from, e): "good 'worth ethic'", not "Taylor's"? */
bool ta_hl_opened_single(const char *t, size_t from, size_t e);

/* Does the headline t[from, w) end with a site name after a dash, "... - RT USA News", "... |
 * BBC News": one to four capitalised words, one of them an acronym? */
bool ta_hl_site_suffix(const char *t, size_t from, size_t w);

/* Is a sentence's first word t[from, w - 1) a headline of its own: repeated ("Protests |
 * Protests have been held") or, in the document's first sentence, followed by a starter and a
 * lowercase word ("Протесты | В ряде городов", not "Напоминаю Вам, что")? */
bool ta_hl_one_word_headline(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                              bool first);

/* An ordinal, which modifies the word after it: "44th", "1st", "21-й", "5-го" */
bool ta_hl_ordinal(const ta_headliner *h, const char *w, size_t n);

/* Do two different words of four letters or more of the headline t[from, e) come again among
 * the twelve words from ws? */
bool ta_hl_headline_words_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t e,
                                size_t ws);

/* The end of a Title Case headline glued to its lead, where every word up to the lead's first
 * lowercase one is capitalised ("... Over Rs. 100 Bribe | Paras Raykar's cart carrying"). The
 * lead starts with a sentence starter and a lowercase word or number ("... Nadu | At least 38"),
 * with the headline's own words again ("... "Backstab" India | Pakistan tried to"), or with the
 * run of names, titles (titles.LANG, and the word before one: "Home Minister") and
 * possessives before its first lowercase word ("... Covid Positive | Madhya Pradesh Chief
 * Minister Shivraj Singh Chouhan, who"). 0 when it is no such headline. */
size_t ta_hl_title_case_end(ta_headliner *h, const char *t, size_t n, size_t from);

/* Is the word core t[a, z) found, in any case, among the cores of the headline t[from, e)? In
 * Russian the first five letters are compared, so that other inflected forms count
 * ("пакистанской", "Пакистан"). */
bool ta_hl_in_headline(ta_headliner *h, const char *t, size_t from, size_t e, size_t a, size_t z);
#endif
