/* pair.c — the whole pipeline for one document pair: segment both texts, repair glued
 * headlines, align, split by translation; a reusable ta_aligner holds the segmenters. */
#include "kit.h"
#include <stdlib.h>
#include <string.h>

struct ta_aligner {
    ta_aligner_opts o;
    ta_segmenter *seg[2];
    const ta_lexicon *lx;
    bool en_ru; /* English source, Russian target: the pair-level repairs apply */
    ta_kit kit; /* the featurizer, model and headline rules every pair reuses */
};

typedef struct {
    char *text;
    size_t len;
    ta_span *sp;
    size_t n;
    const char **s;
    size_t *slen;
} pair_side;

struct ta_pair {
    pair_side side[2];
    ta_bead *beads;
    size_t n_beads;
    const char *src_lang, *tgt_lang;
};

ta_aligner_opts ta_aligner_opts_default(void)
{
    ta_aligner_opts o = {.src_lang = "en", .tgt_lang = "ru", .align = ta_align_opts_default()};
    return o;
}

ta_status ta_aligner_new(const ta_aligner_opts *opts, const ta_lexicon *lx, ta_aligner **out,
                         ta_error *err)
{
    *out = NULL;
    ta_aligner *a = calloc(1, sizeof *a);
    if (!a)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    a->o = opts ? *opts : ta_aligner_opts_default();
    a->lx = lx;
    ta_status st = ta_kit_init(&a->kit, a->o.data_dir ? a->o.data_dir : a->o.align.data_dir, err);
    if (st != TA_OK) {
        free(a);
        return st;
    }
    const char *lang[2] = {a->o.src_lang ? a->o.src_lang : "en",
                           a->o.tgt_lang ? a->o.tgt_lang : "ru"};
    a->o.src_lang = lang[0], a->o.tgt_lang = lang[1];
    char p0[4] = "", p1[4] = "";
    a->en_ru = !a->o.presegmented && !ta_lang_primary(lang[0], p0) && !strcmp(p0, "en") &&
               !ta_lang_primary(lang[1], p1) && !strcmp(p1, "ru");
    for (int k = 0; k < 2; k++) {
        ta_segment_opts so = ta_segment_opts_default();
        so.lang = lang[k];
        so.presegmented = a->o.presegmented;
        so.wrapped = a->o.wrapped;
        so.split_semicolons = a->o.split_semicolons; /* clauses split at "; " rarely match
                                                        * across languages */
        so.keep_semicolons = !a->o.split_semicolons;
        so.rules = a->o.seg_rules;
        so.hunspell_dir = a->o.hunspell_dir;
        so.forms_dir = a->o.forms_dir;
        so.data_dir = a->kit.data_dir;
        ta_status s = ta_segmenter_new(&so, &a->seg[k], err);
        if (s != TA_OK) {
            ta_aligner_free(a);
            return s;
        }
    }
    if (a->en_ru) /* the segmenters' rules (the same data_dir): one set per language, every
                     one with the caller's hunspell_dir */
        ta_kit_lend_headliners(&a->kit, ta_segmenter_headliner(a->seg[0]),
                               ta_segmenter_headliner(a->seg[1]));
    *out = a;
    return TA_OK;
}

void ta_aligner_free(ta_aligner *a)
{
    if (!a)
        return;
    ta_kit_release(&a->kit);
    ta_segmenter_free(a->seg[0]);
    ta_segmenter_free(a->seg[1]);
    free(a);
}

/* The sentence strings of a side, from its spans. 0, or -1 out of memory. */
static int side_strings(pair_side *d)
{
    free(d->s);
    free(d->slen);
    d->s = calloc(d->n + 1, sizeof *d->s);
    d->slen = calloc(d->n + 1, sizeof *d->slen);
    if (!d->s || !d->slen)
        return -1;
    for (size_t i = 0; i < d->n; i++)
        d->s[i] = d->text + d->sp[i].start, d->slen[i] = d->sp[i].end - d->sp[i].start;
    return 0;
}

static ta_status load_side(ta_segmenter *sg, pair_side *d, const char *t, size_t len,
                           ta_error *err)
{
    if (!(d->text = malloc(len + 1)))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    memcpy(d->text, t, len);
    d->text[len] = 0;
    d->len = len;
    return ta_segment(sg, d->text, len, &d->sp, &d->n, err);
}

static ta_status run(ta_aligner *a, ta_pair *p, ta_error *err)
{
    pair_side *e = &p->side[0], *r = &p->side[1];
    const ta_lexicon *lx = a->o.align.use_lexicon ? a->lx : NULL;
    ta_status s = TA_OK;
    if (a->en_ru)
        s = ta_split_glued_headlines_kit(&a->kit, e->text, &e->sp, &e->n, r->text, &r->sp,
                                         &r->n, lx, err);
    if (s == TA_OK && (side_strings(e) || side_strings(r)))
        s = TA_ENOMEM;
    if (s == TA_OK) {
        ta_sentences es = {e->s, e->slen, e->n}, rs = {r->s, r->slen, r->n};
        if ((s = ta_align_kit(&a->kit, &es, &rs, lx, &a->o.align, &p->beads, &p->n_beads,
                              err)) != TA_OK)
            return s;
    }
    if (s == TA_OK && a->en_ru)
        s = ta_split_by_translation_kit(&a->kit, e->text, &e->sp, &e->n, r->text, &r->sp,
                                        &r->n, &p->beads, &p->n_beads, lx, err);
    if (s == TA_OK && (side_strings(e) || side_strings(r)))
        s = TA_ENOMEM;
    /* the model's and the data files' errors name the file; memory is all that is left */
    return s == TA_ENOMEM ? ta_fail(err, s, "alignment failed: %s", ta_strerror(s)) : s;
}

ta_status ta_aligner_run(ta_aligner *a, const char *en, size_t en_len, const char *ru,
                         size_t ru_len, ta_pair **out, ta_error *err)
{
    *out = NULL;
    ta_pair *p = calloc(1, sizeof *p);
    if (!p)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    p->src_lang = a->o.src_lang, p->tgt_lang = a->o.tgt_lang;
    ta_status s = load_side(a->seg[0], &p->side[0], en, en_len, err);
    if (s == TA_OK)
        s = load_side(a->seg[1], &p->side[1], ru, ru_len, err);
    if (s == TA_OK)
        s = run(a, p, err);
    if (s != TA_OK) {
        ta_pair_free(p);
        return s;
    }
    *out = p;
    return TA_OK;
}

const ta_span *ta_pair_spans(const ta_pair *p, int side, size_t *n)
{
    *n = p->side[side != 0].n;
    return p->side[side != 0].sp;
}

const char *ta_pair_text(const ta_pair *p, int side, size_t *len)
{
    *len = p->side[side != 0].len;
    return p->side[side != 0].text;
}

void ta_pair_corpus(const ta_pair *p, ta_corpus *out)
{
    memset(out, 0, sizeof *out);
    const pair_side *e = &p->side[0], *r = &p->side[1];
    out->en = e->s, out->en_len = e->slen, out->n_en = e->n;
    out->ru = r->s, out->ru_len = r->slen, out->n_ru = r->n;
    out->beads = p->beads, out->n_beads = p->n_beads;
    out->src_lang = p->src_lang, out->tgt_lang = p->tgt_lang;
}

void ta_pair_free(ta_pair *p)
{
    if (!p)
        return;
    for (int k = 0; k < 2; k++) {
        free(p->side[k].text);
        ta_free(p->side[k].sp);
        free(p->side[k].s);
        free(p->side[k].slen);
    }
    ta_free(p->beads);
    free(p);
}
