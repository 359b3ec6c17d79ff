/* match.c — the sentence-pair score of the public API: shared content words (lexicon, numbers,
 * names) and the word pairs behind them, for translation QA. */
#include "sentfeat.h"
#include <stdlib.h>
#include <string.h>

/* The Russian sentence's keys, for exact lookups: open addressing, a slot is current when its
 * stamp is the call's (no clearing between calls). */
#define KEY_SLOTS 1024
typedef struct {
    int key;
    uint32_t stamp;
    uint64_t tokens; /* bit u: Russian content token u has the key (tokens 0..63) */
} key_slot;

struct ta_matcher {
    ta_featurizer fz;
    ta_feat e, r;     /* reused between calls */
    uint32_t stamp;
    key_slot slot[KEY_SLOTS];
};

ta_status ta_matcher_new(const ta_lexicon *lx, const char *data_dir, ta_matcher **out,
                         ta_error *err)
{
    *out = NULL;
    ta_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    ta_status st = ta_featurizer_init(&m->fz, lx, data_dir, err);
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
    ta_feat_release(&m->e);
    ta_feat_release(&m->r);
    free(m);
}

static unsigned slot_of(int key) { return (unsigned)key * 2654435761u >> 22; }

/* Puts the keys of r (at most 64 content tokens, fewer than KEY_SLOTS / 2 keys) in m->slot. */
static void index_keys(ta_matcher *m, const ta_feat *r)
{
    if (++m->stamp == 0) { /* wrapped: old stamps could look current */
        memset(m->slot, 0, sizeof m->slot);
        m->stamp = 1;
    }
    for (int u = 0; u < r->ncontent; u++)
        for (int q = r->tok[u]; q < r->tok[u + 1]; q++) {
            unsigned i = slot_of(r->keys[q]);
            while (m->slot[i].stamp == m->stamp && m->slot[i].key != r->keys[q])
                i = (i + 1) & (KEY_SLOTS - 1);
            key_slot *x = &m->slot[i];
            if (x->stamp != m->stamp)
                *x = (key_slot){r->keys[q], m->stamp, 0};
            x->tokens |= 1ULL << u;
        }
}

/* Russian tokens with `key`, as a bit set (0 when none) */
static uint64_t tokens_with(const ta_matcher *m, int key)
{
    for (unsigned i = slot_of(key);; i = (i + 1) & (KEY_SLOTS - 1)) {
        const key_slot *x = &m->slot[i];
        if (x->stamp != m->stamp)
            return 0;
        if (x->key == key)
            return x->tokens;
    }
}

ta_status ta_lexicon_match(ta_matcher *m, const char *en, size_t en_len, const char *ru,
                           size_t ru_len, double *similarity, ta_word_pair **pairs,
                           size_t *npairs, ta_error *err)
{
    ta_feat *e = &m->e, *r = &m->r;
    *similarity = 0;
    if (pairs)
        *pairs = NULL, *npairs = 0;
    m->fz.no_offsets = !pairs;
    m->fz.no_set = true;
    if (ta_featurize_again(&m->fz, 'e', en, en_len, e) ||
        ta_featurize_again(&m->fz, 'r', ru, ru_len, r))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    bool small = r->ncontent <= 64 && r->tok[r->ncontent] < KEY_SLOTS / 2;
    if (small)
        index_keys(m, r);
    /* per Russian token, a bit: matched by any English word (rhit), by the current English
     * word through the lexicon or a number (lex) or through a name key only (name) */
    size_t words = ((size_t)r->ncontent + 63) / 64 + 1;
    uint64_t small_bits[3 * 4] = {0}, *rhit = small_bits;
    if (words > 4 && !(rhit = calloc(3 * words, sizeof *rhit)))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    uint64_t *lex = rhit + words, *name = lex + words;
    ta_status st = TA_OK;
    ta_vec v = {.esz = sizeof(ta_word_pair)};
    int me = 0, mr = 0;
    for (int t = 0; t < e->ncontent && st == TA_OK; t++) {
        memset(lex, 0, 2 * words * sizeof *lex);
        for (int k = e->tok[t]; k < e->tok[t + 1]; k++) {
            int key = e->keys[k];
            uint64_t *into = ta_name_key(key) ? name : lex;
            if (small)
                into[0] |= tokens_with(m, key);
            else
                for (int u = 0; u < r->ncontent; u++)
                    for (int q = r->tok[u]; q < r->tok[u + 1]; q++)
                        if (r->keys[q] == key) {
                            into[u >> 6] |= 1ULL << (u & 63);
                            break;
                        }
        }
        int first = -1; /* the Russian word reported with the pair */
        double score = 0;
        bool by_lex = false;
        for (size_t w = 0; w < words && !by_lex; w++)
            if (lex[w])
                by_lex = true, first = (int)(w * 64) + __builtin_ctzll(lex[w]);
        for (size_t w = 0; w < words; w++) {
            for (uint64_t b = name[w] & ~lex[w]; b; b &= b - 1) { /* a name: confirmed */
                int u = (int)(w * 64) + __builtin_ctzll(b);
                double sim = ta_feat_name_similarity(&m->fz, e, t, r, u);
                if (sim < TA_NAME_MIN)
                    name[w] &= ~(1ULL << (u & 63));
                else if (!by_lex && sim > score)
                    score = sim, first = u;
            }
            rhit[w] |= lex[w] | name[w];
        }
        if (first < 0)
            continue;
        if (by_lex)
            score = 1;
        me++;
        if (pairs) {
            ta_word_pair *p = ta_vec_push(&v);
            if (!p)
                st = TA_ENOMEM;
            else
                *p = (ta_word_pair){e->start[t], e->end[t], r->start[first], r->end[first], score};
        }
    }
    for (size_t w = 0; w < words; w++)
        mr += __builtin_popcountll(rhit[w]);
    if (e->ncontent + r->ncontent)
        *similarity = (double)(me + mr) / (e->ncontent + r->ncontent);
    if (rhit != small_bits)
        free(rhit);
    if (st != TA_OK) {
        ta_vec_release(&v);
        return ta_fail(err, st, "out of memory");
    }
    if (pairs)
        *pairs = v.data, *npairs = v.len;
    return TA_OK;
}
