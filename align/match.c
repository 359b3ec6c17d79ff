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

static bool share_key(const ta_feat *a, int t, const ta_feat *b, int u)
{
    for (int k = a->tok[t]; k < a->tok[t + 1]; k++)
        for (int q = b->tok[u]; q < b->tok[u + 1]; q++)
            if (a->keys[k] == b->keys[q])
                return true;
    return false;
}

ta_status ta_lexicon_match(ta_matcher *m, const char *en, size_t en_len, const char *ru,
                           size_t ru_len, double *similarity, ta_word_pair **pairs,
                           size_t *npairs)
{
    ta_feat e, r;
    *similarity = 0;
    if (pairs)
        *pairs = NULL, *npairs = 0;
    if (ta_featurize(&m->fz, 'e', en, en_len, &e))
        return TA_ENOMEM;
    if (ta_featurize(&m->fz, 'r', ru, ru_len, &r)) {
        ta_feat_release(&e);
        return TA_ENOMEM;
    }
    int me = ta_feat_matches(&e, &r, 1), mr = ta_feat_matches(&r, &e, 1);
    if (e.ncontent + r.ncontent)
        *similarity = (double)(me + mr) / (e.ncontent + r.ncontent);
    ta_status st = TA_OK;
    ta_vec v = {.esz = sizeof(ta_word_pair)};
    for (int t = 0; pairs && t < e.ncontent && st == TA_OK; t++) {
        if (!ta_feat_token_matched(&e, t, &r))
            continue;
        for (int u = 0; u < r.ncontent; u++)
            if (share_key(&e, t, &r, u)) {
                ta_word_pair *p = ta_vec_push(&v);
                if (!p) {
                    st = TA_ENOMEM;
                    break;
                }
                *p = (ta_word_pair){e.start[t], e.end[t], r.start[u], r.end[u]};
                break;
            }
    }
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
