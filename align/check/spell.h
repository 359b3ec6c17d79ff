/* spell.h — the speller of the translation QA (`spelling` check, `talign align --spell`):
 * hunspell's en_US and ru_RU (their word-form files, or libhunspell) with the exemptions a
 * bilingual news text needs (private).
 *
 * A word is a run of letters joined by inner hyphens, apostrophes and dots. Never flagged:
 * words with digits; raw tokens that are URLs, e-mail addresses, @handles or #hashtags; words
 * with inner dots (U.S., т.е., tass.ru); one-letter words; ALL-CAPS words of at most
 * TA_SPELL_CAPS_MAX letters; the abbreviations of lexicon/abbrev.en and abbrev.ru; the names of
 * the names file; words found on the other side of the bead, as they are (case and ё ignored)
 * or, for capitalised words, transliterated (Байденом ~ Biden, through names.h); words of a
 * script no loaded dictionary covers (a Latin word in a Russian text when only ru is loaded,
 * Greek ...). A word is checked by the dictionary of its script (Cyrillic: ru_RU, Latin:
 * en_US), whatever the side; ’ counts as ', ё that ru_RU lacks as е, and an English possessive
 * ('s, s') is dropped. A hyphenated word that hunspell does not know as a whole is checked part
 * by part, and each unknown part is reported on its own.
 *
 * Names file: one name a line, # comments; a line "NAME<TAB>MODEL" gives the model word
 * itself. A Cyrillic name goes into ru_RU with a model word chosen by its ending (Песков as
 * Пушкин, Захарова as мама, Байден as стол ...), so that its inflected forms pass (Байденом);
 * a Latin one into en_US as it is (and its possessive). Lines of several words add each word.
 *
 * Dictionaries are opened at the first ta_speller_check: a word-form file of forms_dir when
 * `make` made one from these very .aff/.dic files with these very words (spell.en, spell.ru;
 * mapped in microseconds, same answers as hunspell), the names then in a hunspell dictionary of
 * their own (the .aff and their model words' .dic lines: 10-40 ms); else libhunspell (both at
 * once in two threads, ~130 ms), which a word-form file still loads for a word whose
 * suggestions need hunspell's own search. Words and suggestions are converted between UTF-8 and the
 * dictionary's encoding (SET line: UTF-8, KOI8-R, ISO8859-1 ...) with iconv. */
#ifndef TA_SPELL_H
#define TA_SPELL_H
#include "internal.h"

#define TA_SPELL_CAPS_MAX 5     /* ALL-CAPS words up to this many letters are abbreviations */
#define TA_SPELL_SUGGEST_MAX 5  /* suggestions kept per word */
#define TA_SPELL_WORD_MAX 100   /* bytes: longer words are unknown (hunspell's own limit) */

typedef struct {
    const char *dict_dir; /* en_US.aff/.dic and ru_RU.aff/.dic; NULL = /usr/share/hunspell */
    const char *names;    /* a file of names that are never flagged; NULL = none */
    const char *data_dir; /* talign data files (abbrev.en, abbrev.ru); NULL = built-in */
    const char *forms_dir; /* word-form files (base/wordforms.h) standing for the dictionaries
                              when made from them with these words; NULL = libhunspell */
    bool en, ru;          /* which dictionaries to load (the languages to check) */
} ta_speller_opts;

/* Holds hunspell handles and scratch buffers: not thread-safe, one per thread. */
typedef struct ta_speller ta_speller;

/* Reads the abbreviation lists and the names file (the dictionaries wait for the first
 * check). Errors: TA_EIO/TA_EFORMAT (names or data file; err names it), TA_EINVAL (neither
 * language on), TA_ENOMEM. */
ta_status ta_speller_new(const ta_speller_opts *o, ta_speller **out, ta_error *err);
void ta_speller_free(ta_speller *s);

/* Loads the dictionaries now (ta_speller_check does it at its first call). Errors: TA_EIO
 * when a .aff/.dic file is missing or hunspell cannot read it (err names the file), TA_ENOMEM.
 * An error is remembered: later calls return it again. */
ta_status ta_speller_load(ta_speller *s, ta_error *err);

/* One misspelt word: bytes [start, end) of the text checked. `suggestions` (malloc'ed, the
 * caller frees it) is hunspell's suggestions in UTF-8 joined by ", " (maybe "") when they
 * were asked for, else NULL. */
typedef struct {
    size_t start, end;
    char *suggestions;
} ta_misspelling;

/* Appends to `out` (a ta_vec of ta_misspelling: esz 0 is set, another esz is TA_EINVAL) the
 * misspelt words of text[0, n) (UTF-8), the side of language `lang` ('e' or 'r'; words are
 * still routed to the dictionary of their script). `other` (may be NULL) is the other side of
 * the bead. With `suggest` false no suggestions are computed (fast). Errors: those of
 * ta_speller_load, TA_EINVAL (lang), TA_ENOMEM. */
ta_status ta_speller_check(ta_speller *s, char lang, const char *text, size_t n, const char *other,
                           size_t on, bool suggest, ta_vec *out, ta_error *err);

/* Frees the suggestions of the misspellings in `v` and the vector itself. */
void ta_misspellings_release(ta_vec *v);

/* Does the speller answer for language `lang` ('e', 'r') from a word-form file (after
 * ta_speller_load), rather than libhunspell? */
bool ta_speller_mapped(const ta_speller *s, char lang);

/* Is libhunspell's whole dictionary of language `lang` loaded (without a word-form file, or
 * for suggestions)? */
bool ta_speller_hunspell_loaded(const ta_speller *s, char lang);

/* Milliseconds the last ta_speller_load took (wall clock, both dictionaries); 0 before. */
double ta_speller_load_ms(const ta_speller *s);

#endif
