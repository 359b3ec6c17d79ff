/* kit.h — what aligning a document pair needs besides its texts: a featurizer with its data
 * files read, the model's parameters and each language's headline rules (with hunspell). Made
 * once per ta_aligner and reused for every pair (one thread at a time); the public ta_align,
 * ta_split_glued_headlines and ta_split_by_translation make one per call. Private to the
 * library. */
#ifndef TA_KIT_H
#define TA_KIT_H
#include "headline.h"
#include "model.h"

typedef struct {
    ta_featurizer fz;      /* reset (ta_featurizer_reset) before each use */
    model md[2];           /* without, with the lexicon's rates; read at first use */
    bool md_read[2];
    ta_headliner *he, *hr; /* English, Russian: made at first use, or lent (not owned) */
    bool lent;
    char *data_dir;        /* the data files' folder (owned), NULL = built-in */
} ta_kit;

/* Reads the featurizer's data files from data_dir (NULL: built-in; the kit keeps a copy). */
ta_status ta_kit_init(ta_kit *k, const char *data_dir, ta_error *err);
/* Lends the kit the headline rules of the caller's segmenters (made with the kit's data_dir
 * and the caller's hunspell_dir), which then outlive it: loaded once per language. */
void ta_kit_lend_headliners(ta_kit *k, ta_headliner *en, ta_headliner *ru);
void ta_kit_release(ta_kit *k);
/* The model's parameters, with the lexicon's rates when `lex`. */
ta_status ta_kit_model(ta_kit *k, bool lex, const model **out, ta_error *err);
/* The featurizer, reset for a new document with lexicon `lx` (may be NULL). */
ta_featurizer *ta_kit_featurizer(ta_kit *k, const ta_lexicon *lx);
/* Both languages' headline rules: lent ones, or made here without a hunspell dictionary (the
 * questions pairseg.c asks, stopwords, starters and words seen in lowercase, need none). */
ta_status ta_kit_headliners(ta_kit *k, ta_headliner **en, ta_headliner **ru, ta_error *err);

/* ta_align, ta_split_glued_headlines and ta_split_by_translation with a kit. */
ta_status ta_align_kit(ta_kit *k, const ta_sentences *en, const ta_sentences *ru,
                       const ta_lexicon *lx, const ta_align_opts *opts, ta_bead **beads,
                       size_t *n_beads, ta_error *err);
ta_status ta_split_glued_headlines_kit(ta_kit *k, const char *en, ta_span **en_spans,
                                       size_t *n_en, const char *ru, ta_span **ru_spans,
                                       size_t *n_ru, const ta_lexicon *lx, ta_error *err);
ta_status ta_split_by_translation_kit(ta_kit *k, const char *en, ta_span **en_spans,
                                      size_t *n_en, const char *ru, ta_span **ru_spans,
                                      size_t *n_ru, ta_bead **beads, size_t *n_beads,
                                      const ta_lexicon *lx, ta_error *err);
#endif
