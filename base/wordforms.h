/* wordforms.h — the lowercase word forms of a hunspell dictionary (en_US, ru_RU), expanded once
 * by scripts/mkforms.c (which `make` runs) into a hash table file that is mapped in
 * microseconds, where libhunspell takes 100 ms to load ru_RU and 40 ms to load en_US (and 50 ms
 * to free them). The headline rules and the spelling check ask it. Each form
 * carries one answer of Hunspell_stem (the headline rules' "dictionary form"), computed by
 * hunspell itself when the file was made. A file made from other .aff/.dic files than the ones
 * asked for is not opened: the caller then loads hunspell. */
#ifndef TA_WORDFORMS_H
#define TA_WORDFORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The flags of an entry (the low bits of its key). The key of a lowercase form carries what
 * hunspell answers for it in three cases; a form in mixed case ("iPhone", "McCain") has an
 * entry of its own whose TA_WF_KNOWN is hunspell's answer for it as it is. */
enum { TA_WF_KNOWN = 1,  /* hunspell accepts the form */
       TA_WF_LEMMA = 2,  /* and takes it for a dictionary form (see ta_hl_lemma_of) */
       TA_WF_STEMS = 4,  /* Hunspell_stem finds at least one stem */
       TA_WF_CAP = 8,    /* hunspell accepts it capitalised ("Moscow", "House") */
       TA_WF_UPPER = 16, /* and in capitals ("NASA", "HOUSE") */
       TA_WF_FLAGS = 31 };

/* How ta_wordforms_recase changes a word: all lowercase, the first letter a capital and the
 * rest lowercase, all capitals (Unicode's simple case mappings, as hunspell's own tables). */
typedef enum { TA_WF_LOWER, TA_WF_INITCAP, TA_WF_ALLCAPS } ta_wf_case;

/* Writes w[0, n) in case `c` to out (NUL-terminated) and returns its length; 0 when it does
 * not fit in `cap` bytes. */
size_t ta_wordforms_recase(const char *w, size_t n, ta_wf_case c, char *out, size_t cap);

typedef struct ta_wordforms ta_wordforms;

/* The key of w[0, n): a 64-bit hash with the flag bits clear, never 0. */
uint64_t ta_wordforms_key(const char *w, size_t n);

/* The key of w[0, n) among the entries of the words the spelling check adds to the dictionary
 * (align/check/spellwords.h): what hunspell answers with them, kept where it differs from
 * the dictionary alone. Only ta_wordforms_spell_cased asks them. */
uint64_t ta_wordforms_added_key(const char *w, size_t n);

/* Maps DIR/forms.LOC ("forms.ru_RU") when its header names the sizes and modification times of
 * `aff` and `dic` as they are now; NULL when it is missing, stale or damaged. A file is mapped
 * once per process: handles on the same file share it (thread-safe); each is closed. */
ta_wordforms *ta_wordforms_open(const char *dir, const char *loc, const char *aff,
                                const char *dic);

/* Does hunspell accept the lowercase word w[0, n) (Hunspell_spell), as a form of the file, a
 * number ("1,5", "2021"), words joined by hyphens ("экс-губернатор") or a known word after or
 * before a hyphen ("-то")? *lemma (may be NULL) then tells whether hunspell finds it its own
 * dictionary form: the flag of a form of the file; for the rest (no stem in hunspell), true,
 * but for a form with dots after it ("трлн."), which has the form's stems. */
bool ta_wordforms_spell(const ta_wordforms *f, const char *w, size_t n, bool *lemma);

/* Another dictionary a lookup may ask (the spelling check's names): does it take w[0, n)? */
typedef bool (*ta_wordforms_other)(void *ctx, const char *w, size_t n);

/* Hunspell_spell for w[0, n) in any case, with the added words (ta_wordforms_words), as
 * hunspell reads case: all lowercase, one capital first ("Moscow"), all capitals ("NASA"), or
 * mixed ("iPhone": only as it is); then as ta_wordforms_spell (dots after it, numbers, parts
 * between hyphens, each part in its own case). `other` (may be NULL) is asked first of the
 * word and of each part, as if its words were in the dictionary. Not emulated: ordinals in
 * capitals ("21ST") and the .aff's ICONV (en_US's ’ for '): the caller normalises those. */
bool ta_wordforms_spell_cased(const ta_wordforms *f, const char *w, size_t n,
                              ta_wordforms_other other, void *ctx);

/* The hash of the words added to the dictionary when the file was made (ta_spellwords_hash;
 * 0 for none). */
uint64_t ta_wordforms_words(const ta_wordforms *f);

/* Lets go of the handle, and unmaps the file when it was the last; NULL is a no-op. */
void ta_wordforms_close(ta_wordforms *f);

/* Writes `n` entries (key | flags, distinct keys) made from `aff` and `dic` with the added words
 * of hash `words` to `path`, through a temporary file renamed at the end; `ordinals` as below.
 * 0 on success, -1 with errno set. */
int ta_wordforms_write(const char *path, const char *aff, const char *dic, uint64_t words,
                       const uint64_t *entries, size_t n, bool ordinals);

/* Is w[0, n) an English ordinal as en_US's COMPOUNDRULEs make them: digits and the suffix the
 * last two digits ask for ("1st", "12th", "22nd", "103rd")? A file answers so when it was
 * written with `ordinals`: mkforms sets it when hunspell agrees on every number below 10,000. */
bool ta_wordforms_ordinal(const char *w, size_t n);

#endif
