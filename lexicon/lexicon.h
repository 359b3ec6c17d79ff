/* lexicon.h — the lexicon's private interface for the aligner: stems and stem-id lookups. */
#ifndef TA_LEXICON_H
#define TA_LEXICON_H
#include "internal.h"
#include <stdint.h>

#define TA_LEX_MAGIC "TALEX\0\0\0"
#define TA_LEX_VERSION 1u

/* Lowercases (ё -> е) and stems one word into `out` with Snowball; lang 'e' or 'r'.
 * The stemmers are created on first use per thread-unsafe cache in `st`. */
typedef struct {
    struct sb_stemmer *en, *ru;
    ta_buf low;
} ta_stemmer;
int ta_stem(ta_stemmer *st, char lang, const char *w, size_t n, ta_buf *out); /* 0 ok */
void ta_stemmer_release(ta_stemmer *st);

/* Stem ids: -1 when the stem is not in the lexicon. */
int ta_lexicon_en_id(const ta_lexicon *lx, const char *stem, size_t n);
int ta_lexicon_ru_id(const ta_lexicon *lx, const char *stem, size_t n);
/* The Russian stem ids an English stem id translates to. */
const int *ta_lexicon_targets(const ta_lexicon *lx, int en_id, size_t *n);

/* Writes a lexicon payload (lines "word\tstem\tru stems\tru words") with header and
 * checksum to `path` atomically. */
ta_status ta_lexicon_write(const char *path, const char *payload, size_t len, uint32_t entries,
                           ta_error *err);
#endif
