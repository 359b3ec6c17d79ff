/* sentfeat.h — what the aligner knows of a sentence: length, content tokens and match keys. */
#ifndef TA_SENTFEAT_H
#define TA_SENTFEAT_H
#include "lexicon.h"
#include "names.h"

#define TA_FEAT_FILTER_LOG2 8

typedef struct {
    int len;          /* characters (code points) */
    int ncontent;     /* content tokens (not stopwords); tok[k]..tok[k+1] index into keys */
    int *tok;         /* ncontent + 1 offsets */
    int *keys;        /* the match keys of each content token */
    int *stem;        /* per content token: its stem id in the featurizer (-1 for numbers) */
    int *form;        /* per content token: its form in the featurizer's list (-1 for numbers) */
    size_t *start;    /* per content token: byte offsets [start, end) in the sentence */
    size_t *end;
    size_t ncap;      /* capacity of start and end */
    int tcap, kcap, scap, fcap; /* capacities of tok, keys, stem, form */
    int *set;         /* sorted unique keys of the sentence */
    int nset;
    /* a Bloom filter of `set`, 2^TA_FEAT_FILTER_LOG2 bits (the top bits of key * 2654435761): a
     * fifth of them set for a sentence of 50 keys (the aligner's slow path asks it for every
     * key of a long sentence) */
    uint64_t mask[(1 << TA_FEAT_FILTER_LOG2) / 64];
} ta_feat;

typedef struct {
    int sid, stop, kstart, nkeys; /* a word form's stem id, stopword flag and keys */
} form;

typedef struct {
    int lat, nlat, slat, nslat; /* a word form's Latin form and (Russian) its stem's */
} form_latin;

typedef struct {
    ta_stemmer st;
    ta_strmap forms_en, forms_ru; /* word form -> index in form_list (a cache) */
    ta_vec ahead;     /* struct ahead: the word tokens of the sentence being featurized */
    ta_vec form_list; /* form */
    ta_vec form_keys; /* int: the keys of every cached form */
    ta_strmap stop_en, stop_ru;
    ta_strmap num_en, num_ru; /* number words and multipliers -> index in num_val */
    ta_vec num_val;   /* double: a word's value, negative for a multiplier */
    ta_strmap month_en, month_ru; /* month names -> 1..12 */
    ta_strmap extra;  /* number and name keys -> id (offset by TA_KEY_EXTRA, TA_KEY_NAME) */
    ta_latin *to_latin; /* Latin forms (ICU opened at the first word neither ASCII nor Russian) */
    bool latin_tried;
    ta_buf latin;     /* the Latin forms of the cached word forms */
    ta_vec form_latins; /* form_latin, one per form_list entry (kept apart: cold data) */
    struct name_sim *sims; /* NAME_SIMS recent name similarities by form pair (a cache) */
    ta_strmap stems;  /* "e:" / "r:" + stem -> id, for learning document-level pairs */
    ta_vec learned;   /* per English stem id: ta_vec of int keys learned from this document */
    void *paradigms;  /* ta_featurizer_paradigms' file mapped, its lines sorted from paradigm_body */
    size_t paradigm_len, paradigm_body;
    const ta_lexicon *lx;
    unsigned use;     /* TA_USE_* evidence kinds (default all; set before the first call) */
    bool no_offsets;  /* leave ta_feat start/end empty (the aligner needs no word offsets) */
    bool no_set;      /* leave ta_feat set/mask empty: ta_lexicon_match compares keys itself,
                       * the aligner indexes only the sentences its slow path reads
                       * (ta_feat_index) */
    ta_buf tmp, stem;
} ta_featurizer;

enum { TA_USE_LEXICON = 1, TA_USE_NAMES = 2, TA_USE_NUMBERS = 4 };

#define TA_KEY_EXTRA 100000000 /* numbers: above the lexicon's keys (TA_LEX_KEYS) */
#define TA_KEY_NAME 150000000 /* name skeletons */
#define TA_KEY_STEM 200000000 /* a Russian token's own stem, the key learned pairs point to */

/* Reads stopwords, numbers and months of both languages from data_dir (NULL: built-in). */
ta_status ta_featurizer_init(ta_featurizer *f, const ta_lexicon *lx, const char *data_dir,
                             ta_error *err);
void ta_featurizer_release(ta_featurizer *f);
/* Reads a paradigm file (lexicon/paradigms.ru_RU, made by scripts/mkforms.c: lines "FORM_STEM
 * TAB WORD_STEM ..."): a Russian word whose Snowball stem is a FORM_STEM then also matches the
 * lexicon translations WORD_STEM stands for (знал, знают = знать, which Snowball stems apart).
 * The file is mapped, not read: the lookup bisects its lines, sorted by form stem. Before the
 * first ta_featurize; kept by ta_featurizer_reset. TA_EIO when the file cannot be mapped,
 * TA_EFORMAT naming the first line without a tab or out of order. */
ta_status ta_featurizer_paradigms(ta_featurizer *f, const char *path, ta_error *err);
/* Forgets every text seen (the state is then that of ta_featurizer_init with `lx`: features
 * depend on no earlier document, and memory stays bounded in a long run); keeps the data files
 * read, the stemmers and the transliterator. */
void ta_featurizer_reset(ta_featurizer *f, const ta_lexicon *lx);
/* lang 'e' or 'r'; fills *out (release with ta_feat_release). 0 on success, -1 out of memory. */
int ta_featurize(ta_featurizer *f, char lang, const char *s, size_t n, ta_feat *out);
/* The same into a ta_feat filled before (or zeroed), reusing its arrays. */
int ta_featurize_again(ta_featurizer *f, char lang, const char *s, size_t n, ta_feat *out);
void ta_feat_release(ta_feat *x);
/* Gives back the unused capacity of x's arrays (features kept for a whole document); with
 * start/end offsets (ncap) it keeps the stem array's. */
void ta_feat_shrink(ta_feat *x);
/* Builds x's sorted key set and its filter (set, nset, mask) when not built yet (no_set), so
 * that ta_feat_matches and ta_feat_token_matched find keys in x by binary search (without,
 * they scan x's keys). 0, or -1 out of memory (x is then unchanged). */
int ta_feat_index(ta_feat *x);
/* Content tokens of `a` that have a key in the key set of any of b[0..nb) (either direction). */
int ta_feat_matches(const ta_feat *a, const ta_feat *b, int nb);
/* Does content token t of `a` have a key in the key set of `b`? */
bool ta_feat_token_matched(const ta_feat *a, int t, const ta_feat *b);
static inline bool ta_name_key(int key) { return key >= TA_KEY_NAME && key < TA_KEY_STEM; }
/* A key of a number, number word or date (from TA_KEY_EXTRA up to the name keys)? */
static inline bool ta_number_key(int key) { return key >= TA_KEY_EXTRA && key < TA_KEY_NAME; }
/* How alike English token t of e and Russian token u of r are as names: the similarity of
 * their Latin forms, the Russian word's or its stem's (Байденом: bayden). Remembered by form
 * pair: names recur. */
double ta_feat_name_similarity(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r, int u);
/* Does content token t of e have a key among r's, a name key only with a Russian word at
 * least TA_NAME_MIN alike (what ta_lexicon_match counts)? */
bool ta_feat_token_confirmed(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r);
/* The Latin form of content token t of x (empty for numbers); with `stem`, of a Russian
 * token's stem when it has one. */
const char *ta_feat_latin(const ta_featurizer *f, const ta_feat *x, int t, bool stem, size_t *n);
/* Gives English features x (made before any pair was learned) the keys of the pairs learned
 * since for their stems: what featurizing the sentence again would give, without reading it
 * again. 0, or -1 out of memory (x is then unchanged). */
int ta_feat_add_learned(const ta_featurizer *f, ta_feat *x);
/* The month (1-12) that word w[0..n) (borrowed, not NUL-terminated) of English (lang 'e') or
 * Russian (any other lang) names in any capitalisation and grammatical case (months.LANG); 0 for
 * none, and when out of memory. Uses f's scratch buffer (f->tmp). */
int ta_featurizer_month(ta_featurizer *f, char lang, const char *w, size_t n);
/* Adds a learned pair: English stem id -> Russian stem id. 0 on success. */
int ta_featurizer_learn(ta_featurizer *f, int en_stem, int ru_stem);
#endif
