/* names.h — Latin forms, consonant skeletons and similarity of names across scripts. */
#ifndef TA_NAMES_H
#define TA_NAMES_H
#include "internal.h"

/* A transliterator to lowercase ASCII Latin (ICU's, opened when a word needs it); NULL when
 * memory is out. */
typedef struct ta_latin ta_latin;
ta_latin *ta_latin_new(void);
void ta_latin_free(ta_latin *l);
/* Appends the Latin form of w to out (Байден -> bayden, João -> joao); ASCII and Russian words
 * need no transliterator (l may be NULL: other words then get no Latin form). 0, or -1 on
 * ENOMEM. */
int ta_latin_of(ta_latin *l, const char *w, size_t n, ta_buf *out);
/* "~" + the first four consonants of a Latin form (c,q -> k, w -> v, x -> ks, ph -> f; vowels,
 * y, j, h and zh dropped) into sk: its length, or 0 when it has fewer than `least` consonants. */
int ta_skeleton(const char *lat, size_t n, int least, char sk[8]);
/* 1 - the edit distance of two Latin forms over the longer length (64 bytes at most), in [0,1];
 * vowels weigh less than consonants. */
double ta_name_similarity(const char *a, size_t an, const char *b, size_t bn);
#endif
