/* kit.c — the reusable resources of a document pair's alignment (kit.h). */
#include "kit.h"
#include <stdlib.h>
#include <string.h>

ta_status ta_kit_init(ta_kit *k, const char *data_dir, ta_error *err)
{
    memset(k, 0, sizeof *k);
    if (data_dir && *data_dir && !(k->data_dir = strdup(data_dir)))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    ta_status st = ta_featurizer_init(&k->fz, NULL, k->data_dir, err);
    if (st != TA_OK) {
        free(k->data_dir);
        k->data_dir = NULL;
    }
    return st;
}

void ta_kit_lend_headliners(ta_kit *k, ta_headliner *en, ta_headliner *ru)
{
    if (!en || !ru)
        return; /* a presegmented side has none: the kit makes its own */
    if (!k->lent) {
        ta_headliner_free(k->he);
        ta_headliner_free(k->hr);
    }
    k->he = en, k->hr = ru, k->lent = true;
}

void ta_kit_release(ta_kit *k)
{
    ta_featurizer_release(&k->fz);
    if (!k->lent) {
        ta_headliner_free(k->he);
        ta_headliner_free(k->hr);
    }
    free(k->data_dir);
    memset(k, 0, sizeof *k);
}

ta_status ta_kit_model(ta_kit *k, bool lex, const model **out, ta_error *err)
{
    if (!k->md_read[lex]) {
        ta_status st = ta_model_read(&k->md[lex], lex, k->data_dir, err);
        if (st != TA_OK)
            return st;
        k->md_read[lex] = true;
    }
    *out = &k->md[lex];
    return TA_OK;
}

ta_featurizer *ta_kit_featurizer(ta_kit *k, const ta_lexicon *lx)
{
    ta_featurizer_reset(&k->fz, lx);
    return &k->fz;
}

ta_status ta_kit_headliners(ta_kit *k, ta_headliner **en, ta_headliner **ru, ta_error *err)
{
    ta_status st = TA_OK;
    if (!k->he)
        st = ta_headliner_new("en", k->data_dir, &k->he, err);
    if (st == TA_OK && !k->hr)
        st = ta_headliner_new("ru", k->data_dir, &k->hr, err);
    *en = k->he, *ru = k->hr;
    return st;
}
