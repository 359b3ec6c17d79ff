/* sentfeat.h — what the aligner knows of a sentence: length, content tokens and match keys. */
#ifndef TA_SENTFEAT_H
#define TA_SENTFEAT_H
#include "lexicon.h"

typedef struct {
    int len;          /* characters (code points) */
    int ncontent;     /* content tokens (not stopwords) */
    int ntok;         /* English: tokens with keys; tok[k]..tok[k+1] index into keys */
    int *tok;         /* English only: ntok + 1 offsets */
    int *keys;        /* English: keys per token; Russian: sorted unique keys */
    int nkeys;
    uint64_t mask;    /* Russian: a one-word Bloom filter of keys */
} ta_feat;

typedef struct {
    ta_stemmer st;
    ta_strmap stop_en, stop_ru;
    ta_strmap extra;  /* number and name keys -> id (offset by TA_KEY_EXTRA) */
    const ta_lexicon *lx;
    ta_buf tmp, stem;
} ta_featurizer;

#define TA_KEY_EXTRA 100000000

ta_status ta_featurizer_init(ta_featurizer *f, const ta_lexicon *lx, ta_error *err);
void ta_featurizer_release(ta_featurizer *f);
/* lang 'e' or 'r'; fills *out (release with ta_feat_release) */
int ta_featurize(ta_featurizer *f, char lang, const char *s, size_t n, ta_feat *out);
void ta_feat_release(ta_feat *x);
/* English content tokens of `e` that have a key in Russian sentence `r`. */
int ta_feat_matches(const ta_feat *e, const ta_feat *r);
#endif
