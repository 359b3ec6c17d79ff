/* learn.c — word pairs learned from aligned sentences: co-occurrence of content-word stems in
 * sentence pairs, scored with the Dice coefficient, written as a lexicon file. */
#include "sentfeat.h"
#include <stdlib.h>
#include <string.h>

ta_learn_opts ta_learn_opts_default(void)
{
    ta_learn_opts o = {.min_count = 3, .min_dice = 0.3, .max_per_word = 3};
    return o;
}

typedef struct {
    int en, ru, count;
    double dice;
} pair;

static int by_en_then_dice(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->en != b->en)
        return a->en < b->en ? -1 : 1;
    return a->dice > b->dice ? -1 : a->dice < b->dice;
}

/* adds 1 to the count of `key` (an int or a pair of ints) */
static int bump(ta_strmap *m, const int *key, size_t n)
{
    int v = 0;
    ta_strmap_get(m, (const char *)key, n * sizeof(int), &v);
    return ta_strmap_put(m, (const char *)key, n * sizeof(int), v + 1);
}

/* distinct stems of one sentence into `out` (at most `max`) */
static int distinct(const ta_feat *f, int *out, int max)
{
    int n = 0;
    for (int t = 0; t < f->ncontent; t++) {
        int s = f->stem[t];
        bool seen = s < 0;
        for (int k = 0; k < n && !seen; k++)
            seen = out[k] == s;
        if (!seen && n < max)
            out[n++] = s;
    }
    return n;
}

ta_status ta_lexicon_learn(const ta_sentences *en_s, const ta_sentences *ru_s,
                           const ta_learn_opts *opts, const char *out_path, size_t *npairs,
                           ta_error *err)
{
    if (en_s->n != ru_s->n)
        return ta_fail(err, TA_EINVAL, "%zu English and %zu Russian sentences: pairs expected",
                       en_s->n, ru_s->n);
    const char *const *en = en_s->text, *const *ru = ru_s->text;
    const size_t *en_len = en_s->len, *ru_len = ru_s->len;
    size_t n = en_s->n;
    ta_learn_opts o = opts ? *opts : ta_learn_opts_default();
    ta_featurizer fz;
    ta_status st = ta_featurizer_init(&fz, NULL, opts ? opts->data_dir : NULL, err);
    if (st != TA_OK)
        return st;
    ta_strmap single = {0}, both = {0};
    for (size_t k = 0; k < n && st == TA_OK; k++) {
        ta_feat fe, fr;
        if (ta_featurize(&fz, 'e', en[k], en_len[k], &fe) ||
            ta_featurize(&fz, 'r', ru[k], ru_len[k], &fr)) {
            st = ta_fail(err, TA_ENOMEM, "out of memory");
            break;
        }
        int se[128], sr[128];
        int ne = distinct(&fe, se, 128), nr = distinct(&fr, sr, 128);
        for (int a = 0; a < ne && st == TA_OK; a++)
            if (bump(&single, &se[a], 1))
                st = TA_ENOMEM;
        for (int b = 0; b < nr && st == TA_OK; b++)
            if (bump(&single, &sr[b], 1))
                st = TA_ENOMEM;
        for (int a = 0; a < ne && st == TA_OK; a++)
            for (int b = 0; b < nr && st == TA_OK; b++) {
                int key[2] = {se[a], sr[b]};
                if (bump(&both, key, 2))
                    st = TA_ENOMEM;
            }
        ta_feat_release(&fe);
        ta_feat_release(&fr);
    }
    if (st == TA_ENOMEM)
        ta_fail(err, st, "out of memory");
    /* the stem strings, by id ("e:stem" / "r:stem") */
    const char **name = calloc(fz.stems.n + 1, sizeof *name);
    ta_vec keep = {.esz = sizeof(pair)};
    if (st == TA_OK && !name)
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    const char *k;
    int v;
    for (size_t i = 0; st == TA_OK && i < fz.stems.cap; i++)
        if (ta_strmap_at(&fz.stems, i, &k, NULL, &v))
            name[v] = k;
    for (size_t i = 0; st == TA_OK && i < both.cap; i++) {
        if (!ta_strmap_at(&both, i, &k, NULL, &v) || v < o.min_count)
            continue;
        int key[2], ce = 0, cr = 0;
        memcpy(key, k, sizeof key);
        ta_strmap_get(&single, (const char *)&key[0], sizeof(int), &ce);
        ta_strmap_get(&single, (const char *)&key[1], sizeof(int), &cr);
        double dice = 2.0 * v / (ce + cr);
        pair *p = dice >= o.min_dice ? ta_vec_push(&keep) : NULL;
        if (p)
            *p = (pair){key[0], key[1], v, dice};
        else if (dice >= o.min_dice)
            st = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_buf text = {0};
    size_t written = 0;
    if (st == TA_OK && keep.len) {
        qsort(keep.data, keep.len, sizeof(pair), by_en_then_dice);
        const pair *p = keep.data;
        for (size_t k = 0, per = 0; k < keep.len && st == TA_OK; k++) {
            per = k && p[k].en == p[k - 1].en ? per + 1 : 0;
            if ((int)per >= o.max_per_word)
                continue;
            const char *e = name[p[k].en] + 2, *r = name[p[k].ru] + 2;
            if (ta_buf_add(&text, e, strlen(e)) || ta_buf_addc(&text, '\t') ||
                ta_buf_add(&text, e, strlen(e)) || ta_buf_addc(&text, '\t') ||
                ta_buf_add(&text, r, strlen(r)) || ta_buf_addc(&text, '\t') ||
                ta_buf_add(&text, r, strlen(r)) || ta_buf_addc(&text, '\n'))
                st = ta_fail(err, TA_ENOMEM, "out of memory");
            written++;
        }
    }
    if (st == TA_OK)
        st = ta_lexicon_write(out_path, text.data ? text.data : "", text.len, err);
    if (st == TA_OK && npairs)
        *npairs = written;
    ta_buf_release(&text);
    ta_vec_release(&keep);
    free(name);
    ta_strmap_release(&single);
    ta_strmap_release(&both);
    ta_featurizer_release(&fz);
    return st;
}
