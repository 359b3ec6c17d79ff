/* match.c — the sentence-pair score of the public API: shared content words (lexicon, numbers,
 * names) and the word pairs behind them, for translation QA. */
#include "sentfeat.h"
#include <stdlib.h>
#include <string.h>

struct ta_matcher {
    ta_featurizer fz;
};

ta_status ta_matcher_new(const ta_lexicon *lx, ta_matcher **out, ta_error *err)
{
    *out = NULL;
    ta_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    ta_status st = ta_featurizer_init(&m->fz, lx, err);
    if (st != TA_OK) {
        free(m);
        return st;
    }
    *out = m;
    return TA_OK;
}

void ta_matcher_free(ta_matcher *m)
{
    if (!m)
        return;
    ta_featurizer_release(&m->fz);
    free(m);
}

/* A 1024-bit filter of a sentence's keys, in front of the exact comparison. */
static unsigned bit_of(int key)
{
    return (unsigned)key * 2654435761u >> 22;
}

ta_status ta_lexicon_match(ta_matcher *m, const char *en, size_t en_len, const char *ru,
                           size_t ru_len, double *similarity, ta_word_pair **pairs,
                           size_t *npairs)
{
    ta_feat e, r;
    *similarity = 0;
    if (pairs)
        *pairs = NULL, *npairs = 0;
    m->fz.no_offsets = !pairs;
    m->fz.no_set = true;
    if (ta_featurize(&m->fz, 'e', en, en_len, &e))
        return TA_ENOMEM;
    if (ta_featurize(&m->fz, 'r', ru, ru_len, &r)) {
        ta_feat_release(&e);
        return TA_ENOMEM;
    }
    uint64_t filter[16] = {0};
    for (int q = 0; q < r.tok[r.ncontent]; q++)
        filter[bit_of(r.keys[q]) >> 6] |= 1ULL << (bit_of(r.keys[q]) & 63);
    /* per Russian token: matched? (a bit a token, in words of 64) */
    uint64_t rhit_small[4] = {0}, *rhit = rhit_small;
    size_t words = ((size_t)r.ncontent + 63) / 64;
    if (words > 4 && !(rhit = calloc(words, sizeof *rhit))) {
        ta_feat_release(&e);
        ta_feat_release(&r);
        return TA_ENOMEM;
    }
    ta_status st = TA_OK;
    ta_vec v = {.esz = sizeof(ta_word_pair)};
    int me = 0, mr = 0;
    for (int t = 0; t < e.ncontent && st == TA_OK; t++) {
        int first = -1;
        for (int k = e.tok[t]; k < e.tok[t + 1]; k++) {
            int key = e.keys[k];
            unsigned b = bit_of(key);
            if (!(filter[b >> 6] >> (b & 63) & 1))
                continue;
            for (int u = 0; u < r.ncontent; u++)
                for (int q = r.tok[u]; q < r.tok[u + 1]; q++)
                    if (r.keys[q] == key) {
                        rhit[u >> 6] |= 1ULL << (u & 63);
                        if (first < 0)
                            first = u;
                        break;
                    }
        }
        if (first < 0)
            continue;
        me++;
        if (pairs) {
            ta_word_pair *p = ta_vec_push(&v);
            if (!p)
                st = TA_ENOMEM;
            else
                *p = (ta_word_pair){e.start[t], e.end[t], r.start[first], r.end[first]};
        }
    }
    for (size_t w = 0; w < words; w++)
        mr += __builtin_popcountll(rhit[w]);
    if (e.ncontent + r.ncontent)
        *similarity = (double)(me + mr) / (e.ncontent + r.ncontent);
    if (rhit != rhit_small)
        free(rhit);
    ta_feat_release(&e);
    ta_feat_release(&r);
    if (st != TA_OK) {
        ta_vec_release(&v);
        return st;
    }
    if (pairs)
        *pairs = v.data, *npairs = v.len;
    return TA_OK;
}
