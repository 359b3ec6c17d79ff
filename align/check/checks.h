/* checks.h — the checker's state and the check functions of the table in check.c (private).
 * Word evidence (which content words of one side have a translation, number or name on the
 * other) comes from the aligner's featurizer, so the checks and the aligner agree. */
#ifndef TA_CHECKS_H
#define TA_CHECKS_H
#include "check.h"
#include "lexicon.h"
#include "model.h"
#include "sentfeat.h"

#define TA_MAX_CHECKS 32
#define TA_MESSAGE_MAX 512

/* A glossary entry: the stems of an English term and of one Russian rendering. */
typedef struct {
    char *en, *ru;       /* as written in the file (for messages) */
    char *en_stems, *ru_stems; /* stems separated by single spaces */
    bool forbidden;      /* "!RU": must not be used */
} gloss_entry;

struct ta_checker {
    ta_check_opts o;
    const ta_lexicon *lx;
    bool on[TA_MAX_CHECKS];
    ta_status status;    /* set by a check that fails for another reason than memory */
    ta_error err;        /* ... and what it says */
    ta_buf en, ru;       /* the bead under test, joined */
    /* word evidence of the last ta_check_evidence call */
    ta_featurizer fz;
    ta_feat fe, fr;
    ta_vec em, rm;       /* bool per content token of fe / fr: has evidence on the other side */
    bool ev_valid;       /* ... and they are the bead under test's (ta_bead_evidence) */
    /* per bead of the document (ta_checker_prepare): the bead holding the moved counterpart */
    long *moved;
    int *moved_sent;     /* ... and, in that bead, the sentence that is the counterpart (-1: all) */
    bool *moved_weak;    /* ... and whether the move rests on little evidence (weak_moves) */
    size_t moved_cap;
    ta_vec lone;         /* bool per sentence (English, then Russian) of the units: in a null one */
    ta_vec units;        /* ta_bead: the beads the checks run on (regroup.c) ... */
    ta_vec unit_bead;    /* size_t: ... and the document's bead each reports on */
    ta_vec gloss;        /* gloss_entry */
    ta_stemmer stemmer;
    ta_strmap irregular;     /* term: irregular.en form -> line */
    char **irregular_lines;  /* "form\0base" */
    ta_buf stems_en, stems_ru, scratch;
    /* surface.c: the length model (when length is on) and two scratch buffers */
    model len_model;
    ta_buf sf_a, sf_b;
    struct ta_numparser *np; /* number: the parser (numbers.h) */
    ta_vec nums_en, nums_ru; /* ta_number */
    struct ta_speller *sp;   /* spelling: the speller (spell.h) */
    ta_vec misspelt;         /* ta_misspelling */
    struct ta_spell_preload *preload; /* the dictionaries loading in a thread, until joined */
    ta_strmap openers[2];    /* omission: clause-opening words, English and Russian */
    uint64_t *ru_keys;       /* name: the lexicon's Russian keys as a bit filter (a clear bit: no
                              * headword gives the key), made when first asked (lexical.c) */
    ta_strmap abbrev[2];     /* name: abbrev.en, abbrev.ru (ta_abbrev_load), lowercased */
};

/* Loads what the switched-on checks need (glossary ...). */
ta_status ta_checker_init(ta_checker *c, ta_error *err);
/* Per document, before the checks run: the units the checks run on (*units: doc with the
 * beads regrouped where the alignment is suspect, c->unit_bead their beads in doc) and the
 * moved sentences among them (c->moved, by unit). */
ta_status ta_checker_prepare(ta_checker *c, const ta_corpus *doc, ta_corpus *units,
                             ta_error *err);
/* Does content token u of r share a key with any token of e, or English token t of e with
 * Russian token u of r (a name key only when the two are alike enough as names)? */
bool ta_ru_confirmed(ta_featurizer *f, const ta_feat *e, const ta_feat *r, int u);
bool ta_feats_match(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r, int u);
/* moves.c: c->moved and c->moved_sent for n beads, all -1, and c->moved_weak, all false
 * (ta_moves_reset); then the moves of d's null beads paired with each other (ta_moves_pair),
 * their neighbours that joined them (ta_moves_extend), and those whose counterpart is in a bead
 * with both sides (ta_moves_rescue). Each 0, or -1 out of memory. */
int ta_moves_reset(ta_checker *c, size_t n);
int ta_moves_pair(ta_checker *c, const ta_corpus *d);
int ta_moves_extend(ta_checker *c, const ta_corpus *d);
int ta_moves_rescue(ta_checker *c, const ta_corpus *d);
/* a move found before regrouping is kept out of it when its ends are more beads apart than
 * this (nearer, the regrouping decides: a sentence shortened by a left-out clause is often
 * aligned as a left-out and an added sentence side by side) */
#define TA_PINNED_MIN_DISTANCE 2
/* Regroups the beads of d into units (ta_bead) and the bead of d each reports on (ub, size_t);
 * pinned[k] (English k, Russian n_en + k) stays a null unit. 0, or -1 out of memory. */
int ta_regroup(ta_checker *c, const ta_corpus *d, const bool *pinned, ta_vec *units, ta_vec *ub);
void ta_checker_release(ta_checker *c);
/* surface.c: loads what untranslated ... spacing need (the length model); releases it. */
ta_status ta_surface_init(ta_checker *c, ta_error *err);
void ta_surface_release(ta_checker *c);
/* Is the check with this function switched on? */
bool ta_checker_on(const ta_checker *c, check_fn fn);
/* Joins sentences [a, b) of one side with single spaces into buf (emptied first; "" when
 * a == b); -1 when memory is short. */
int ta_join_side(ta_buf *buf, const char *const *s, const size_t *len, size_t a, size_t b);

/* Featurizes en and ru into c->fe / c->fr and marks their content tokens that have evidence on
 * the other side (c->em, c->rm). 0, or -1 out of memory. */
int ta_check_evidence(ta_checker *c, const char *en, size_t en_len, const char *ru,
                      size_t ru_len);
/* Do English content token t of c->fe and Russian token u of c->fr share a key (a name key
 * only when the two are alike enough as names), after ta_check_evidence? */
bool ta_tokens_match(ta_checker *c, int t, int u);
/* ta_check_evidence for the bead under test, computed once per bead. 0, or -1. */
int ta_bead_evidence(check_ctx *x);
static inline bool ta_ev_en(const ta_checker *c, int t) { return ((bool *)c->em.data)[t]; }
static inline bool ta_ev_ru(const ta_checker *c, int u) { return ((bool *)c->rm.data)[u]; }

/* The share of content words with evidence (*sh), and how many have it per side (*me, *mr;
 * c->fe/fr.ncontent: how many there are), of the pair en/ru. 0, or -1 out of memory. */
int ta_evidence_share(ta_checker *c, const char *en, size_t el, const char *ru, size_t rl,
                      double *sh, int *me, int *mr);

/* How many numbers (content tokens without a stem) of c->fe and c->fr have evidence on the
 * other side (found), or lack it (!found), after ta_check_evidence. */
int ta_numbers_evidence(const ta_checker *c, bool found);

/* The clause-opening words of clause.en / clause.ru (omission.c). */
ta_status ta_clauses_load(ta_checker *c, ta_error *err);

/* The checks (each a check_fn). */
int ta_check_omission(check_ctx *x);
int ta_check_addition(check_ctx *x);
int ta_check_moved(check_ctx *x);
int ta_check_name(check_ctx *x);
int ta_check_term(check_ctx *x);
int ta_check_number(check_ctx *x);
int ta_check_spelling(check_ctx *x);
/* The number parser and the speller, when their checks are on (wordchecks.c). */
ta_status ta_wordchecks_init(ta_checker *c, ta_error *err);
void ta_wordchecks_release(ta_checker *c);
int ta_check_untranslated(check_ctx *x); /* surface.c */
int ta_check_length(check_ctx *x);
int ta_check_punctuation(check_ctx *x);
int ta_check_spacing(check_ctx *x);
int ta_check_yo(check_ctx *x);           /* consistency.c */
int ta_check_inconsistency(check_ctx *x);
#endif
