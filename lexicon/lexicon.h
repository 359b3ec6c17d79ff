/* lexicon.h — the lexicon's private interface for the aligner: stems and translation keys. */
#ifndef TA_LEXICON_H
#define TA_LEXICON_H
#include "internal.h"
#include <stdint.h>

#define TA_LEX_MAGIC "TALEX\0\0\0"
#define TA_LEX_VERSION 4u /* 4: the index and the lookup part apart, each with its checksum
                             * (3: one XXH3-64 checksum, 2: CRC-32) */

/* Lowercases (ё -> е) and stems one word into `out` with Snowball; lang 'e' or 'r'.
 * The stemmers are created on first use; a ta_stemmer is not thread-safe. */
typedef struct {
    struct sb_stemmer *en, *ru;
    /* the same algorithms on one byte a letter, for the words they can spell: ASCII English
     * words (ISO-8859-1), Russian words of а..я only (KOI8-R) */
    struct sb_stemmer *en_byte, *ru_byte;
    ta_buf low;
} ta_stemmer;
int ta_stem(ta_stemmer *st, char lang, const char *w, size_t n, ta_buf *out); /* 0 ok */
void ta_stemmer_release(ta_stemmer *st);

/* The match key of a Russian stem: a hash below TA_LEX_KEYS, the same in every lexicon file,
 * so several files merge by taking the union of their targets. */
#define TA_LEX_KEYS 100000000u
uint32_t ta_lex_key(const char *stem, size_t n);

/* Calls fn(key, ctx) for every Russian key an English stem translates to, in every file of
 * the lexicon; returns the number of keys. */
size_t ta_lexicon_each_target(const ta_lexicon *lx, const char *stem, size_t n,
                              void (*fn)(uint32_t key, void *ctx), void *ctx);

/* Calls fn(key, ctx) for every Russian key of every English headword with source lines (the
 * keys whose stems ta_lexicon_lookup finds), in every file, once a headword. */
void ta_lexicon_each_key(const ta_lexicon *lx, void (*fn)(uint32_t key, void *ctx), void *ctx);
/* Does ta_lexicon_lookup read w[0, n) as a Russian word (a Cyrillic letter in it)? */
bool ta_lex_russian(const char *w, size_t n);

/* Writes a lexicon from its text form (lines "word\tstem\tru stems\tru words", the Russian
 * stems space-separated, the words '|'-separated) with hash tables, header and checksum to
 * `path`, atomically. */
/* Verifies now the part of every file that only lookups read (checked lazily otherwise), so a
 * caller that treats a failed lookup as "not in the lexicon" can refuse a damaged file first:
 * TA_EFORMAT naming the file. */
ta_status ta_lexicon_verify_lookup(const ta_lexicon *lx, ta_error *err);

ta_status ta_lexicon_write(const char *path, const char *text, size_t len, ta_error *err);
#endif
