/* wordforms.h — the lowercase word forms of a hunspell dictionary (en_US, ru_RU), expanded once
 * by scripts/mkforms.c (which `make` runs) into a hash table file that is mapped in
 * microseconds, where libhunspell takes 100 ms to load ru_RU and 40 ms to load en_US. Each form
 * carries one answer of Hunspell_stem (the headline rules' "dictionary form"), computed by
 * hunspell itself when the file was made. A file made from other .aff/.dic files than the ones
 * asked for is not opened: the caller then loads hunspell. */
#ifndef TA_WORDFORMS_H
#define TA_WORDFORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The flags of an entry (the two low bits of its key). */
enum { TA_WF_KNOWN = 1, /* hunspell accepts the form */
       TA_WF_LEMMA = 2, /* and takes it for a dictionary form (see ta_hl_lemma_of) */
       TA_WF_STEMS = 4, /* Hunspell_stem finds at least one stem */
       TA_WF_FLAGS = 7 };

typedef struct ta_wordforms ta_wordforms;

/* The key of w[0, n): a 64-bit hash with the flag bits clear, never 0. */
uint64_t ta_wordforms_key(const char *w, size_t n);

/* Maps DIR/forms.LOC ("forms.ru_RU") when its header names the sizes and modification times of
 * `aff` and `dic` as they are now; NULL when it is missing, stale or damaged. */
ta_wordforms *ta_wordforms_open(const char *dir, const char *loc, const char *aff,
                                const char *dic);

/* Does hunspell accept the lowercase word w[0, n) (Hunspell_spell), as a form of the file, a
 * number ("1,5", "2021"), words joined by hyphens ("экс-губернатор") or a known word after or
 * before a hyphen ("-то")? *lemma (may be NULL) then tells whether hunspell finds it its own
 * dictionary form: the flag of a form of the file; for the rest (no stem in hunspell), true,
 * but for a form with dots after it ("трлн."), which has the form's stems. */
bool ta_wordforms_spell(const ta_wordforms *f, const char *w, size_t n, bool *lemma);

/* Unmaps the file; NULL is a no-op. */
void ta_wordforms_close(ta_wordforms *f);

/* Writes `n` entries (key | flags, distinct keys) made from `aff` and `dic` to `path`, through a
 * temporary file renamed at the end; `ordinals` as below. 0 on success, -1 with errno set. */
int ta_wordforms_write(const char *path, const char *aff, const char *dic,
                       const uint64_t *entries, size_t n, bool ordinals);

/* Is w[0, n) an English ordinal as en_US's COMPOUNDRULEs make them: digits and the suffix the
 * last two digits ask for ("1st", "12th", "22nd", "103rd")? A file answers so when it was
 * written with `ordinals`: mkforms sets it when hunspell agrees on every number below 10,000. */
bool ta_wordforms_ordinal(const char *w, size_t n);

#endif
