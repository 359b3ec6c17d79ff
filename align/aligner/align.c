/* align.c — sentence alignment: dynamic programming over 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and
 * 3-1 beads inside a band around a line through number anchors (moved onto the path and widened
 * when the path touches its edge). Memory: one byte a cell of the band plus a few rows.
 * Bead cost = Gale–Church length cost + unmatched-word cost (lexicon, numbers, names) + prior. */
#include "kit.h"
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

ta_align_opts ta_align_opts_default(void)
{
    ta_align_opts o = {.max_bead = 3, .use_lexicon = true, .realign = true, .band = 50};
    return o;
}

typedef struct {
    model md;
    const ta_feat *en, *ru;
    size_t n, m;
    int band;
    float *cost;            /* ROLL x (2*band+1): the last rows of the DP */
    unsigned char *back;    /* (n+1) x (2*band+1): the best bead type into each cell */
    long *center;           /* n+1: the band of row i is center[i] +- band */
    long *len_en, *len_ru;  /* n+1, m+1: prefix sums of sentence lengths */
    /* n+1, m+1: prefix counts of the sentences with more than MASK_WORDS content words */
    int *big_en, *big_ru;
    /* n+1, m+1: prefix sums of content words times the larger of md.hit and md.miss (per side):
     * the most word evidence the sentences can give a bead, which bounds its cost from below */
    double *top_en, *top_ru;
    /* word_llr's term of a sentence of c <= MASK_WORDS content words of which m found a
     * counterpart, side 0 English, 1 Russian: terms[side][c * (MASK_WORDS + 1) + m] (the DP
     * reads it millions of times; the same double as computed) */
    double *terms[2];
    /* bit sets over the first 64 content words: em at (i, j) = words of English sentence i
     * with a translation in Russian sentence j; rm = words of j with one in i. During the DP
     * only the last ROLL rows are kept (`roll`), for the confidences every row of a narrow band */
    uint64_t *em, *rm;
    unsigned char *have; /* during the DP: which cells of em and rm are filled */
    bool roll;
    struct keymap *km; /* ROLL maps: one per row kept */
    /* results of the slow path (sentences with more than MASK_WORDS content words), which the
     * DP asks for again from neighbouring cells: a direct-mapped cache of SLOW_CACHE entries */
    struct slow_entry *slow;
    bool learned; /* English keys may point at Russian stems (TA_KEY_STEM...) */
    bool popcnt;  /* the CPU has POPCNT (word_llr_rows) */
    /* the keys probe() looks up for each Russian sentence j: pk[poff[j]..poff[j+1]), with
     * their words (pt) and hash products, those of its first MASK_WORDS words that can match */
    size_t *poff;
    struct probe_key *pk;
    unsigned char *pt;
    /* the cells of em and rm the last DP filled, by row (n+1) x (2*kband+1) around kcenter,
     * when it ran for the confidences over a band narrow enough (KEEP_CELLS): their forward
     * and backward passes take these instead of probing again */
    bool keep;                /* the next run() keeps its cells */
    bool keeping;             /* run() is storing into them */
    uint64_t *kem, *krm;
    unsigned char *khave;
    long *kcenter;
    int kband;
} dp;

#define SLOW_CACHE 4096
struct slow_entry {
    size_t i, j;
    int side_w, val;
};

#define MASK_WORDS 64
#define BEAM 40.0f      /* cells costing more than the best of their row + BEAM are dropped */
#define MAX_CELLS 400000000u /* at most this many DP cells (1 byte each): 400 MB */
#define ROLL 4          /* rows of cost and word matches kept: beads span at most 3 rows */
#define REALIGN_BAND 10
/* 1-1 beads whose word evidence minus length cost (nats) reaches these teach the document's
 * length ratio and word pairs */
#define LEARN_EVIDENCE -1.0
#define LEARN_EVIDENCE_PAIRS 2.0
#define POST_BAND 4     /* confidences sum over the paths within this many sentences of the best */
/* a run kept for the confidences fills the cells this near its centre (the confidences' band
 * and a bead's span) when it builds a row's map: other cells cost a map again if wanted */
#define EAGER_CELLS (POST_BAND + ROLL - 1)
#define KEEP_CELLS 2000000u /* at most this many cells kept for the confidences (17 bytes each) */
#define NO_BEAD 255     /* d->back of a cell no bead reaches */
/* a bead's cost bound (nats) is lowered by this before it rules the bead out: more than the
 * rounding of the sums it is compared with, so a bead is skipped only when it cannot win */
#define BOUND_SLACK 1e-6

/* The set bits of x, inline: the portable builtin (no POPCNT in the x86-64 baseline) is a
 * call into libgcc, and the DP counts bits for every word-evidence term. */
static inline int popcount64(uint64_t x)
{
    x = x - (x >> 1 & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + (x >> 2 & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (int)(x * 0x0101010101010101ULL >> 56);
}

/* The DP's word-evidence terms count bits with the POPCNT instruction where the CPU has it
 * (word_llr_rows_popcnt, compiled for it; the same counts in a tenth of the instructions), else
 * with popcount64. */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define POPCNT_TARGET __attribute__((target("popcnt")))
static bool cpu_has_popcnt(void)
{
    return __builtin_cpu_supports("popcnt");
}
#else
#define POPCNT_TARGET
static bool cpu_has_popcnt(void)
{
    return false;
}
#endif

/* popcount64 with the instruction (hw: in a function compiled for it) or without. */
static inline __attribute__((always_inline)) int count_bits(uint64_t x, const bool hw)
{
    return hw ? __builtin_popcountll(x) : popcount64(x);
}

static long lo_of(const dp *d, size_t i)
{
    return d->center[i] - d->band;
}

/* A key's hash: its product by Knuth's multiplier rotated left by MAP_MIN_BITS, so that its low
 * bits, which pick the key's slot in a map (one AND), start with the product's best, the top. */
#define KEY_MUL 2654435761u
enum { KEY_BITS = 32, MAP_MIN_BITS = 12, MAP_MIN_SLOTS = 1 << MAP_MIN_BITS };

/* A small map from keys to the bit set of the English words that have them, open addressing
 * over at least MAP_MIN_SLOTS slots: a slot is in use when it holds the map's stamp, so a new
 * sentence's map empties it by a new stamp (no clearing; the stamps are cleared only when they
 * wrap), and a key not in the map is mostly told by one load and compare of its slot's stamp. */
typedef struct keymap {
    int *key;
    uint64_t *bits;
    uint16_t *seen; /* each slot's stamp */
    size_t cap;     /* slots in use (a power of two: at least twice the sentence's keys) */
    size_t alloc;   /* slots allocated (the most any sentence needed) */
    size_t built;   /* the English sentence whose keys it holds, + 1 (0: none yet) */
    uint16_t stamp; /* the current keys' stamp (0: none yet) */
} keymap;

struct probe_key {
    uint32_t mul; /* key_mul(key): the key's slot in a map */
    int key;
};

static inline uint32_t key_mul(int key)
{
    uint32_t p = (unsigned)key * KEY_MUL;
    return p << MAP_MIN_BITS | p >> (KEY_BITS - MAP_MIN_BITS);
}

/* Empties km: a new stamp (the slots' stamps cleared when the stamps run out). */
static void seen_clear(keymap *km)
{
    if (++km->stamp == 0) {
        memset(km->seen, 0, sizeof(uint16_t) * km->alloc);
        km->stamp = 1;
    }
}

/* The bits of `key` (whose hash product is mul) in km, or NULL. */
static inline const uint64_t *keymap_find(const keymap *km, int key, uint32_t mul)
{
    size_t h = mul & (km->cap - 1);
    for (; km->seen[h] == km->stamp; h = (h + 1) & (km->cap - 1))
        if (km->key[h] == key)
            return &km->bits[h];
    return NULL;
}

/* Adds `bits` to those of `key` (product mul) in km, in a new slot when it is not there yet. */
static inline void keymap_add(keymap *km, int key, uint32_t mul, uint64_t bits)
{
    size_t h = mul & (km->cap - 1);
    for (; km->seen[h] == km->stamp; h = (h + 1) & (km->cap - 1))
        if (km->key[h] == key) {
            km->bits[h] |= bits;
            return;
        }
    km->seen[h] = km->stamp;
    km->key[h] = key;
    km->bits[h] = bits;
}

static void map_free(keymap *km)
{
    free(km->key), free(km->bits), free(km->seen);
    memset(km, 0, sizeof *km);
}

/* Readies km to map `keys` keys: room, empty. 0, or -1 out of memory. */
static int map_room(keymap *km, size_t keys)
{
    size_t need = MAP_MIN_SLOTS;
    while (need < keys * 2) /* at most half full */
        need *= 2;
    km->built = 0;
    if (need > km->alloc) {
        uint16_t stamp = km->stamp;
        map_free(km);
        km->key = malloc(sizeof(int) * need), km->bits = malloc(sizeof(uint64_t) * need);
        km->seen = calloc(need, sizeof(uint16_t));
        km->alloc = need, km->stamp = stamp;
        if (!km->key || !km->bits || !km->seen) {
            map_free(km);
            return -1;
        }
    }
    km->cap = need;
    seen_clear(km);
    return 0;
}

/* Readies km to map English sentence e's keys (of its first MASK_WORDS words). 0, or -1 out of
 * memory. */
static int map_reserve(keymap *km, const ta_feat *e)
{
    return map_room(km, (size_t)e->tok[e->ncontent < MASK_WORDS ? e->ncontent : MASK_WORDS]);
}

/* Makes km (reserved for e) the map of English sentence e (number i)'s keys. */
static void map_build(keymap *km, const ta_feat *e, size_t i)
{
    km->built = i + 1;
    keymap m = *km; /* (its fields in registers: the stores into its slots could alias them) */
    for (int t = 0; t < e->ncontent && t < MASK_WORDS; t++)
        for (int k = e->tok[t]; k < e->tok[t + 1]; k++)
            keymap_add(&m, e->keys[k], key_mul(e->keys[k]), 1ULL << t);
}

/* The words of the first MASK_WORDS of English sentence e (whose map is km) with a key among
 * Russian sentence r's (*eb), and those of r with one among e's (*rb). */
static void probe(const keymap *km, const ta_feat *r, bool learned, uint64_t *eb, uint64_t *rb)
{
    for (int t = 0; t < r->ncontent && t < MASK_WORDS; t++)
        for (int q = r->tok[t]; q < r->tok[t + 1]; q++) {
            if (r->keys[q] >= TA_KEY_STEM && !learned)
                continue; /* no English key points at Russian stems yet */
            const uint64_t *b = keymap_find(km, r->keys[q], key_mul(r->keys[q]));
            if (b) {
                *eb |= *b;
                *rb |= 1ULL << t;
            }
        }
}

/* probe() for Russian sentence j through its list of keys (when made). */
static void probe_at(const dp *d, const keymap *km, size_t j, uint64_t *eb, uint64_t *rb)
{
    if (!d->pk) {
        probe(km, &d->ru[j], d->learned, eb, rb);
        return;
    }
    const uint16_t *seen = km->seen, stamp = km->stamp;
    const size_t mask = km->cap - 1;
    uint64_t e = 0, r = 0; /* (in registers: stores through eb and rb could alias km's fields) */
    for (size_t q = d->poff[j]; q < d->poff[j + 1]; q++) {
        if (seen[d->pk[q].mul & mask] != stamp) /* most keys: not in the map */
            continue;
        const uint64_t *b = keymap_find(km, d->pk[q].key, d->pk[q].mul);
        if (b) {
            e |= *b;
            r |= 1ULL << d->pt[q];
        }
    }
    *eb |= e, *rb |= r;
}

/* probe_at's answer from the other side, for a single cell: km maps the keys of Russian sentence
 * j's list (to the bits of its words that have them), and the keys of the first MASK_WORDS
 * words of English sentence e are looked up in it. A map of the Russian sentence's few keys is
 * quicker to make than one of the English sentence's many, when one cell is all that is wanted.
 * 0, or -1 out of memory. */
static int probe_from_russian(const dp *d, keymap *km, const ta_feat *e, size_t j, uint64_t *eb,
                              uint64_t *rb)
{
    if (map_room(km, d->poff[j + 1] - d->poff[j]))
        return -1;
    for (size_t q = d->poff[j]; q < d->poff[j + 1]; q++)
        keymap_add(km, d->pk[q].key, d->pk[q].mul, 1ULL << d->pt[q]);
    for (int t = 0; t < e->ncontent && t < MASK_WORDS; t++)
        for (int k = e->tok[t]; k < e->tok[t + 1]; k++) {
            const uint64_t *b = keymap_find(km, e->keys[k], key_mul(e->keys[k]));
            if (b) {
                *eb |= 1ULL << t;
                *rb |= *b;
            }
        }
    return 0;
}

/* Lists the keys probe() looks up for each Russian sentence (those of the first MASK_WORDS
 * words, without Russian stem keys until pairs are learned). 0, or -1 out of memory (the
 * lists are then not used). */
static int list_probe_keys(dp *d)
{
    free(d->poff), free(d->pk), free(d->pt);
    d->poff = NULL, d->pk = NULL, d->pt = NULL;
    size_t total = 0;
    for (size_t j = 0; j < d->m; j++)
        total += (size_t)d->ru[j].tok[d->ru[j].ncontent < MASK_WORDS ? d->ru[j].ncontent : MASK_WORDS];
    d->poff = malloc(sizeof(size_t) * (d->m + 1));
    d->pk = malloc(sizeof *d->pk * (total ? total : 1));
    d->pt = malloc(total ? total : 1);
    if (!d->poff || !d->pk || !d->pt) {
        free(d->poff), free(d->pk), free(d->pt);
        d->poff = NULL, d->pk = NULL, d->pt = NULL;
        return -1;
    }
    size_t n = 0;
    for (size_t j = 0; j < d->m; j++) {
        const ta_feat *r = &d->ru[j];
        d->poff[j] = n;
        for (int t = 0; t < r->ncontent && t < MASK_WORDS; t++)
            for (int q = r->tok[t]; q < r->tok[t + 1]; q++)
                if (r->keys[q] < TA_KEY_STEM || d->learned) {
                    d->pk[n] = (struct probe_key){key_mul(r->keys[q]), r->keys[q]};
                    d->pt[n++] = (unsigned char)t;
                }
    }
    d->poff[d->m] = n;
    return 0;
}

/* Cell k of row `row` of em and rm: English sentence i (whose map is km) against the Russian
 * sentence of that column of its band. */
static void fill_cell(dp *d, keymap *km, size_t i, size_t row, size_t k)
{
    size_t width = (size_t)(2 * d->band + 1);
    long j = lo_of(d, i) + (long)k;
    uint64_t eb = 0, rb = 0;
    if (km->built != i + 1) /* fill_row reserved the map's room */
        map_build(km, &d->en[i], i);
    if (j >= 0 && (size_t)j < d->m)
        probe_at(d, km, (size_t)j, &eb, &rb);
    d->em[row * width + k] = eb;
    d->rm[row * width + k] = rb;
    if (d->have)
        d->have[row * width + k] = 1;
    if (d->keeping) /* the kept band is this run's */
        d->kem[i * width + k] = eb, d->krm[i * width + k] = rb, d->khave[i * width + k] = 1;
}

/* Cell k of row `row` from the cells kept by the run before (English sentence i against the
 * Russian sentence of that column of the current band), when that run filled it. */
static bool kept_cell(dp *d, size_t i, size_t row, size_t k)
{
    if (!d->kem || d->keeping)
        return false;
    size_t width = (size_t)(2 * d->band + 1), kw = (size_t)(2 * d->kband + 1);
    long kk = lo_of(d, i) + (long)k - (d->kcenter[i] - d->kband);
    if (kk < 0 || kk >= (long)kw || !d->khave[i * kw + (size_t)kk])
        return false;
    d->em[row * width + k] = d->kem[i * kw + (size_t)kk];
    d->rm[row * width + k] = d->krm[i * kw + (size_t)kk];
    d->have[row * width + k] = 1;
    return true;
}

static void free_kept(dp *d)
{
    free(d->kem), free(d->krm), free(d->khave), free(d->kcenter);
    d->kem = d->krm = NULL, d->khave = NULL, d->kcenter = NULL;
    d->keeping = false;
}

/* Starts keeping the cells of a run over band w wide (when d->keep and small enough; without
 * memory, nothing is kept). */
static void start_keeping(dp *d, size_t w)
{
    free_kept(d);
    if (!d->keep || (d->n + 1) > KEEP_CELLS / w)
        return;
    d->kem = malloc(sizeof(uint64_t) * (d->n + 1) * w);
    d->krm = malloc(sizeof(uint64_t) * (d->n + 1) * w);
    d->khave = calloc((d->n + 1) * w, 1);
    d->kcenter = malloc(sizeof(long) * (d->n + 1));
    if (!d->kem || !d->krm || !d->khave || !d->kcenter) {
        free_kept(d);
        return;
    }
    ta_hint_huge(d->kem, sizeof(uint64_t) * (d->n + 1) * w);
    ta_hint_huge(d->krm, sizeof(uint64_t) * (d->n + 1) * w);
    ta_hint_huge(d->khave, (d->n + 1) * w);
    memcpy(d->kcenter, d->center, sizeof(long) * (d->n + 1));
    d->kband = d->band;
    d->keeping = true;
}

/* Readies row `row` of em and rm for English sentence i: a map of the sentence's keys, which
 * the keys of each Russian sentence of its band are looked up in. During the DP (d->roll) each
 * cell is filled at its first use (the beam leaves most of the band unused), else all; a run
 * that keeps its cells for the confidences fills those within EAGER_CELLS of the centre too:
 * the confidences read cells near the path the beam left unused, a few a row, and would build
 * the row's map again for them (the 20k-line document: 13.7k maps of 139 keys for 38k cells). */
static int fill_row(dp *d, size_t i, size_t row)
{
    size_t width = (size_t)(2 * d->band + 1);
    keymap *km = &d->km[d->roll ? row : 0];
    if (map_reserve(km, &d->en[i]))
        return -1;
    if (!d->roll) {
        for (size_t k = 0; k < width; k++)
            fill_cell(d, km, i, row, k);
        return 0;
    }
    memset(d->have + row * width, 0, width); /* the map is built when a cell first needs it */
    if (d->keeping) /* the cells near the centre, where the confidences' paths run */
        for (long k = d->band - EAGER_CELLS; k <= d->band + EAGER_CELLS; k++)
            if (k >= 0 && k < (long)width)
                fill_cell(d, km, i, row, (size_t)k);
    return 0;
}

/* matches() through the sentences' key sets (a sentence of more than MASK_WORDS content words,
 * or no rows of em and rm), remembered in the slow cache. The cache is allocated, zeroed, at its
 * first use (most documents never need it); without memory the answer is computed uncached. */
static int slow_matches(dp *d, int side, size_t i, size_t j, int w)
{
    if (!d->slow)
        d->slow = calloc(SLOW_CACHE, sizeof *d->slow);
    struct slow_entry none = {0};
    struct slow_entry *c = d->slow ? &d->slow[(i * 31 + j * 7 + (size_t)(side * 3 + w)) % SLOW_CACHE]
                                   : &none;
    int sw = side * 4 + w + 1;
    if (c->side_w != sw || c->i != i || c->j != j) {
        c->i = i, c->j = j, c->side_w = sw;
        for (int y = 0; y < w; y++) /* the key sets searched (else scanned) */
            ta_feat_index(side ? (ta_feat *)&d->en[i + (size_t)y] : (ta_feat *)&d->ru[j + (size_t)y]);
        c->val = side ? ta_feat_matches(&d->ru[j], &d->en[i], w) : ta_feat_matches(&d->en[i], &d->ru[j], w);
    }
    return c->val;
}

/* Words of English sentence i matched in Russian sentences j..j+w-1 (side 0), or of Russian
 * sentence j matched in English sentences i..i+w-1 (side 1). */
static inline int matches(const dp *d, int side, size_t i, size_t j, int w)
{
    size_t width = (size_t)(2 * d->band + 1);
    uint64_t bits = 0;
    for (int x = 0; x < w; x++) {
        size_t a = side ? i + (size_t)x : i, b = side ? j : j + (size_t)x;
        long k = (long)b - lo_of(d, a);
        if (!d->em || d->en[a].ncontent > MASK_WORDS || d->ru[b].ncontent > MASK_WORDS)
            return slow_matches((dp *)d, side, i, j, w);
        size_t row = d->roll ? a % ROLL : a;
        if (k < 0 || k >= (long)width) /* outside the band: no evidence (the path avoids it) */
            continue;
        if (d->roll && !d->have[row * width + (size_t)k] && !kept_cell((dp *)d, a, row, (size_t)k))
            fill_cell((dp *)d, &d->km[row], a, row, (size_t)k);
        bits |= (side ? d->rm : d->em)[row * width + (size_t)k];
    }
    return popcount64(bits);
}

/* Word evidence of a bead: the log-likelihood ratio that its two sides translate each other. */
static double word_llr(const dp *d, size_t i, size_t j, const bead_type *t)
{
    if (!t->de || !t->dr)
        return 0;
    double llr = 0;
    size_t i0 = i - (size_t)t->de, j0 = j - (size_t)t->dr;
    for (size_t a = i0; a < i; a++) { /* English words with a counterpart on the Russian side */
        int m = matches(d, 0, a, j0, t->dr), c = d->en[a].ncontent;
        llr += m * d->md.hit[0] + (c - m) * d->md.miss[0];
    }
    for (size_t b = j0; b < j; b++) { /* and Russian words with one on the English side */
        int m = matches(d, 1, i0, b, t->de), c = d->ru[b].ncontent;
        llr += m * d->md.hit[1] + (c - m) * d->md.miss[1];
    }
    return llr;
}

/* word_llr through the rows of em and rm (the same terms in the same order) of a bead of de x dr
 * sentences, each of at most MASK_WORDS content words: the bits of each of its cells read once,
 * for both sides. Inlined with constant de and dr (word_llr_rows), so its loops unroll. */
static inline __attribute__((always_inline)) double cells_llr(dp *d, size_t i, size_t j,
                                                                 const size_t de, const size_t dr,
                                                                 const bool hw)
{
    size_t i0 = i - de, j0 = j - dr, width = (size_t)(2 * d->band + 1);
    uint64_t eb[3] = {0}, rb[3] = {0}; /* English i0 + x, Russian j0 + y: their words matched */
    for (size_t x = 0; x < de; x++) {
        size_t a = i0 + x, row = a % ROLL;
        long k0 = (long)j0 - lo_of(d, a);
        for (size_t y = 0; y < dr; y++) {
            long k = k0 + (long)y;
            if (k < 0 || k >= (long)width) /* outside the band: no evidence (the path avoids it) */
                continue;
            size_t at = row * width + (size_t)k;
            if (!d->have[at] && !kept_cell(d, a, row, (size_t)k))
                fill_cell(d, &d->km[row], a, row, (size_t)k);
            eb[x] |= d->em[at];
            rb[y] |= d->rm[at];
        }
    }
    double llr = 0;
    for (size_t x = 0; x < de; x++)
        llr += d->terms[0][d->en[i0 + x].ncontent * (MASK_WORDS + 1) + count_bits(eb[x], hw)];
    for (size_t y = 0; y < dr; y++)
        llr += d->terms[1][d->ru[j0 + y].ncontent * (MASK_WORDS + 1) + count_bits(rb[y], hw)];
    return llr;
}

/* word_llr of the bead of type t ending at (i, j) through the rows of em and rm; beads with a
 * sentence of more than MASK_WORDS content words go to word_llr. hw: count_bits's. */
static inline __attribute__((always_inline)) double rows_llr(dp *d, size_t i, size_t j,
                                                                const bead_type *t, const bool hw)
{
    if (!t->de || !t->dr)
        return 0;
    if (d->big_en[i] != d->big_en[i - (size_t)t->de] || d->big_ru[j] != d->big_ru[j - (size_t)t->dr])
        return word_llr(d, i, j, t);
    switch (t->de * 4 + t->dr) {
    case 1 * 4 + 1: return cells_llr(d, i, j, 1, 1, hw);
    case 2 * 4 + 1: return cells_llr(d, i, j, 2, 1, hw);
    case 1 * 4 + 2: return cells_llr(d, i, j, 1, 2, hw);
    case 2 * 4 + 2: return cells_llr(d, i, j, 2, 2, hw);
    case 3 * 4 + 1: return cells_llr(d, i, j, 3, 1, hw);
    case 1 * 4 + 3: return cells_llr(d, i, j, 1, 3, hw);
    default: return cells_llr(d, i, j, (size_t)t->de, (size_t)t->dr, hw);
    }
}

static double word_llr_rows_soft(dp *d, size_t i, size_t j, const bead_type *t)
{
    return rows_llr(d, i, j, t, false);
}

POPCNT_TARGET static double word_llr_rows_popcnt(dp *d, size_t i, size_t j, const bead_type *t)
{
    return rows_llr(d, i, j, t, true);
}

static inline double word_llr_rows(dp *d, size_t i, size_t j, const bead_type *t)
{
    return d->popcnt ? word_llr_rows_popcnt(d, i, j, t) : word_llr_rows_soft(d, i, j, t);
}

static double len_of(const dp *d, size_t i, size_t j, const bead_type *t, int *le, int *lr)
{
    *le = (int)(d->len_en[i] - d->len_en[i - (size_t)t->de]);
    *lr = (int)(d->len_ru[j] - d->len_ru[j - (size_t)t->dr]);
    return ta_len_cost(&d->md, *le, *lr);
}

/* A bead type as row i of the DP reaches back with it: the costs of row i - de, where column k
 * of row i finds its start at column k + off - dr, and the bound of the bead's English side. */
typedef struct {
    const float *prow;
    long off;
    double prior, top_en; /* top_en: the most word evidence of English i-de..i-1 */
    size_t t;
    int de, dr;
    int le; /* the length of English i-de..i-1 */
    long klo, khi; /* the columns of row i it can reach from a finite cell (none: klo > khi) */
} step;

/* The steps of row i (the types allowed, in the table's order, that fit in i rows), from the
 * first and last finite column of each row kept, fin[0][r % ROLL] and fin[1][...] (after the
 * beam; the row itself, which the 0-1 bead reads, is taken as finite throughout). */
static size_t row_steps(const dp *d, size_t i, const size_t *types, size_t nt, long fin[2][ROLL],
                        step *st)
{
    long w = 2 * d->band + 1;
    size_t ns = 0;
    for (size_t x = 0; x < nt; x++) {
        const bead_type *ty = &ta_bead_types[types[x]];
        size_t de = (size_t)ty->de;
        if (de > i)
            continue;
        long off = lo_of(d, i) - lo_of(d, i - de);
        long first = de ? fin[0][(i - de) % ROLL] : 0, last = de ? fin[1][(i - de) % ROLL] : w - 1;
        long klo = 1, khi = 0; /* none when the row above has no finite cell */
        if (first <= last) {
            long jlo = ty->dr - lo_of(d, i);
            klo = (first > 0 ? first : 0) - off + ty->dr, khi = (last < w - 1 ? last : w - 1) - off + ty->dr;
            klo = klo > jlo ? klo : jlo;
        }
        st[ns++] = (step){d->cost + ((i - de) % ROLL) * (size_t)w, off, d->md.prior[types[x]],
                          d->top_en[i] - d->top_en[i - de], types[x], ty->de, ty->dr,
                          (int)(d->len_en[i] - d->len_en[i - de]), klo, khi};
    }
    return ns;
}

/* The cheapest way into cell (i, j), column k of the DP (starting from `best`, its type in
 * *bt; ties go to the type first in the table) by the steps of row i. A word bead is skipped
 * once a bound on its cost shows it cannot beat `best`, nor stay under `lim` (the beam's
 * limit): the prior with every word matched, then with the length cost (never negative); only
 * then is its word evidence computed. */
static inline float cell_best(dp *d, size_t i, size_t j, size_t k, const step *st, size_t ns,
                              float lim, float best, unsigned char *bt)
{
    double top_ru[4] = {0}; /* the most word evidence of Russian j-dr..j-1 */
    int lr[4] = {0};        /* and its length */
    for (size_t dr = 1; dr <= 3 && dr <= j; dr++) {
        top_ru[dr] = d->top_ru[j] - d->top_ru[j - dr];
        lr[dr] = (int)(d->len_ru[j] - d->len_ru[j - dr]);
    }
    for (size_t x = 0; x < ns; x++) {
        const step *s = &st[x];
        if ((long)k < s->klo || (long)k > s->khi)
            continue;
        float pc = s->prow[(long)k + s->off - s->dr];
        if (pc == INFINITY)
            continue;
        if (!s->de || !s->dr) { /* a null bead: its prior only (no length cost, no words) */
            float c = pc + (float)s->prior;
            if (c < best || (c == best && s->t < *bt))
                best = c, *bt = (unsigned char)s->t;
            continue;
        }
        double top = s->top_en + top_ru[s->dr];
        float low = pc + (float)(s->prior - top - BOUND_SLACK);
        if (low > best || (low == best && s->t > *bt) || low > lim)
            continue;
        const bead_type *ty = &ta_bead_types[s->t];
        double rest = ta_len_cost(&d->md, s->le, lr[s->dr]) + s->prior;
        low = pc + (float)(rest - top - BOUND_SLACK);
        if (low > best || (low == best && s->t > *bt) || low > lim)
            continue;
        float c = pc + (float)(rest - word_llr_rows(d, i, j, ty));
        if (c < best || (c == best && s->t < *bt))
            best = c, *bt = (unsigned char)s->t;
    }
    return best;
}

/* The columns [*a, *b] of a row that a bead from an earlier row can reach (empty: *a > *b). A
 * column outside can only be reached along the row, by the 0-1 bead from its left. */
static void reach(const step *st, size_t ns, long *a, long *b)
{
    *a = LONG_MAX, *b = LONG_MIN;
    for (size_t x = 0; x < ns; x++) {
        if (!st[x].de || st[x].klo > st[x].khi)
            continue;
        *a = st[x].klo < *a ? st[x].klo : *a;
        *b = st[x].khi > *b ? st[x].khi : *b;
    }
}

/* Runs the DP (dropping cells costlier than their row's best + beam); returns 0 when the best
 * path is inside the band, 1 when it runs along the band's edge, 2 when no path got through,
 * -1 when out of memory. */
static int run(dp *d, int max_bead, float beam)
{
    size_t w = (size_t)(2 * d->band + 1);
    d->cost = malloc(sizeof(float) * ROLL * w);
    d->back = malloc((d->n + 1) * w);
    d->em = malloc(sizeof(uint64_t) * ROLL * w);
    d->rm = malloc(sizeof(uint64_t) * ROLL * w);
    d->have = malloc(ROLL * w);
    d->roll = true;
    bool ok = d->cost && d->back && d->em && d->rm && d->have;
    if (!ok)
        return -1;
    ta_hint_huge(d->back, (d->n + 1) * w);
    start_keeping(d, w);
    double most_en = fmax(d->md.hit[0], d->md.miss[0]), most_ru = fmax(d->md.hit[1], d->md.miss[1]);
    for (size_t i = 0; i < d->n; i++)
        d->top_en[i + 1] = d->top_en[i] + d->en[i].ncontent * most_en;
    for (size_t j = 0; j < d->m; j++)
        d->top_ru[j + 1] = d->top_ru[j] + d->ru[j].ncontent * most_ru;
    size_t types[NTYPES], nt = 0; /* the bead types allowed, null beads first */
    for (int words = 0; words < 2; words++)
        for (size_t t = 0; t < NTYPES; t++)
            if (ta_bead_types[t].de <= max_bead && ta_bead_types[t].dr <= max_bead &&
                (ta_bead_types[t].de && ta_bead_types[t].dr) == words)
                types[nt++] = t;
    long fin[2][ROLL]; /* the first and last finite column of each row kept */
    for (size_t i = 0; i <= d->n; i++) {
        long lo = lo_of(d, i);
        if (i > 0 && fill_row(d, i - 1, (i - 1) % ROLL))
            return -1;
        float *row = d->cost + (i % ROLL) * w;
        float row_min = INFINITY;
        step st[NTYPES];
        size_t ns = row_steps(d, i, types, nt, fin, st);
        const step *along = NULL; /* the 0-1 bead, which stays in the row */
        for (size_t x = 0; x < ns; x++)
            along = st[x].de == 0 && st[x].dr == 1 ? &st[x] : along;
        long ra, rb;
        reach(st, ns, &ra, &rb);
        /* left of the reach (and of any finite cell along the row): no way in */
        size_t k0 = i > 0 && along ? (size_t)(ra < 0 ? 0 : ra < (long)w ? ra : (long)w) : 0;
        for (size_t k = 0; k < k0; k++)
            row[k] = INFINITY;
        memset(d->back + i * w, NO_BEAD, k0);
        for (size_t k = k0; k < w; k++) {
            long j = lo + (long)k;
            float best = INFINITY;
            /* a cell costlier than this is dropped by the beam: beads above it need no more */
            float lim = i < d->n ? row_min + beam : INFINITY;
            unsigned char bt = NO_BEAD;
            if (j >= 0 && (size_t)j <= d->m) {
                if (i == 0 || !along || ((long)k >= ra && (long)k <= rb)) {
                    if (i == 0 && j == 0)
                        best = 0;
                    best = cell_best(d, i, (size_t)j, k, st, ns, lim, best, &bt);
                } else if (j >= 1 && k >= 1 && row[k - 1] != INFINITY) {
                    /* out of reach of the rows above: what cell_best finds, the 0-1 bead */
                    best = row[k - 1] + (float)along->prior;
                    bt = (unsigned char)along->t;
                }
            }
            row[k] = best;
            d->back[i * w + k] = bt;
            row_min = best < row_min ? best : row_min;
        }
        /* beam: cells far costlier than the row's best are not extended */
        long first = LONG_MAX, last = LONG_MIN;
        for (size_t k = k0; i < d->n && k < w; k++) {
            if (row[k] > row_min + beam)
                row[k] = INFINITY;
            if (row[k] != INFINITY) {
                first = first < (long)k ? first : (long)k;
                last = (long)k;
            }
        }
        fin[0][i % ROLL] = first, fin[1][i % ROLL] = last;
    }
    d->keeping = false;
    /* does the best path come near the band edge (where the band cut it off)? */
    size_t i = d->n, j = d->m;
    while (i > 0 || j > 0) {
        long k = (long)j - lo_of(d, i);
        if (k < 0 || k >= (long)w)
            return 1;
        if (d->back[i * w + (size_t)k] == NO_BEAD)
            return 2;
        if ((k <= 1 && lo_of(d, i) > 0) || (k >= (long)w - 2 && lo_of(d, i) + (long)w - 1 < (long)d->m))
            return 1;
        const bead_type *ty = &ta_bead_types[d->back[i * w + (size_t)k]];
        i -= (size_t)ty->de, j -= (size_t)ty->dr;
    }
    return 0;
}

static void dp_free(dp *d)
{
    free(d->cost), free(d->back), free(d->em), free(d->rm), free(d->have);
    d->cost = NULL, d->back = NULL, d->em = d->rm = NULL, d->have = NULL;
}

/* A term this far below the largest adds less than half a unit in the last place to a sum of
 * at least 1/2 (e^-38 < 2^-54), which it then leaves as it is: its exp is not needed */
#define NEGLIGIBLE_TERM -38.0

/* log(sum of exp(x[k])) over n >= 1 terms: one exp a term and one log, around the largest (the
 * same sum as with every exp). */
static double log_sum_exp(const double *x, int n)
{
    double m = x[0], sum = 0;
    for (int k = 1; k < n; k++)
        m = x[k] > m ? x[k] : m;
    for (int k = 0; k < n; k++)
        if (!(sum >= 0.5 && x[k] - m < NEGLIGIBLE_TERM))
            sum += exp(x[k] - m);
    return m + log(sum);
}

/* Confidence of each bead of the best path: its posterior probability, from a forward-backward
 * pass over every path within POST_BAND sentences of the best one, with bead costs divided by
 * the model's temperature. Fills b[k].score for the nb beads (in reverse document order). */
/* The cost of a bead through the rows of em and rm (bead_cost's value). */
static double cost_rows(dp *d, size_t i, size_t j, size_t t)
{
    int le, lr;
    return len_of(d, i, j, &ta_bead_types[t], &le, &lr) + d->md.prior[t] -
           word_llr_rows(d, i, j, &ta_bead_types[t]);
}

static int posteriors(dp *d, int max_bead, ta_bead *b, size_t nb)
{
    const long P = POST_BAND;
    size_t rows = d->n + 1;
    /* row i covers columns [lo[i] - P, hi[i] + P]: the path's columns in that row, widened */
    long *lo = malloc(sizeof(long) * rows), *hi = malloc(sizeof(long) * rows);
    size_t *at = malloc(sizeof(size_t) * (rows + 1));
    double *F = NULL, *B = NULL, *cost = malloc(sizeof(double) * (nb ? nb : 1));
    double *bc = NULL; /* NTYPES a cell: the cost of each bead ending there, NAN when the
                        * forward pass did not need it (the backward pass needs the same) */
    int rc = -1;
    if (!lo || !hi || !at || !cost)
        goto done;
    for (size_t i = 0; i < rows; i++)
        lo[i] = LONG_MAX, hi[i] = LONG_MIN;
    for (size_t k = 0; k < nb; k++)
        for (size_t i = b[k].en0; i <= b[k].en1; i++) {
            long r0 = (long)b[k].ru0, r1 = (long)b[k].ru1;
            lo[i] = r0 < lo[i] ? r0 : lo[i];
            hi[i] = r1 > hi[i] ? r1 : hi[i];
        }
    at[0] = 0;
    for (size_t i = 0; i < rows; i++) {
        if (hi[i] == LONG_MIN) /* no beads at all (empty input) */
            lo[i] = hi[i] = 0;
        lo[i] -= P, hi[i] += P;
        at[i + 1] = at[i] + (size_t)(hi[i] - lo[i] + 1);
    }
    F = malloc(sizeof(double) * at[rows]);
    B = malloc(sizeof(double) * at[rows]);
    bc = malloc(sizeof(double) * NTYPES * at[rows]);
    if (!F || !B || !bc)
        goto done;
    ta_hint_huge(F, sizeof(double) * at[rows]);
    ta_hint_huge(B, sizeof(double) * at[rows]);
    ta_hint_huge(bc, sizeof(double) * NTYPES * at[rows]);
    double T = d->md.temperature;
#define INSIDE(i, j) ((j) >= 0 && (size_t)(j) <= d->m && (j) >= lo[i] && (j) <= hi[i])
#define CELL(A, i, j) A[at[i] + (size_t)((j) - lo[i])]
    size_t pk = nb; /* the next path bead (they come last first) whose cost is wanted */
    for (size_t i = 0; i < rows; i++) {
        if (i > 0 && fill_row(d, i - 1, (i - 1) % ROLL))
            goto done;
        for (; pk > 0 && b[pk - 1].en1 == i; pk--) { /* while row i's matches are here */
            size_t t = 0;
            while ((size_t)ta_bead_types[t].de != b[pk - 1].en1 - b[pk - 1].en0 ||
                   (size_t)ta_bead_types[t].dr != b[pk - 1].ru1 - b[pk - 1].ru0)
                t++;
            cost[pk - 1] = cost_rows(d, i, b[pk - 1].ru1, t);
        }
        for (long j = lo[i]; j <= hi[i]; j++) {
            double *c = bc + NTYPES * (at[i] + (size_t)(j - lo[i]));
            for (size_t t = 0; t < NTYPES; t++)
                c[t] = NAN;
            if (!INSIDE(i, j))
                continue;
            double x[NTYPES]; /* the paths in by each bead type */
            int nx = 0;
            for (size_t t = 0; t < NTYPES; t++) {
                const bead_type *ty = &ta_bead_types[t];
                if (ty->de > max_bead || ty->dr > max_bead || (size_t)ty->de > i || ty->dr > j)
                    continue;
                size_t pi = i - (size_t)ty->de;
                long pj = j - ty->dr;
                if (INSIDE(pi, pj) && CELL(F, pi, pj) > -INFINITY)
                    x[nx++] = CELL(F, pi, pj) - (c[t] = cost_rows(d, i, (size_t)j, t)) / T;
            }
            CELL(F, i, j) = nx ? log_sum_exp(x, nx) : i == 0 && j == 0 ? 0 : -INFINITY;
        }
    }
    for (size_t i = rows; i-- > 0;) {
        if (i < d->n && fill_row(d, i, i % ROLL))
            goto done;
        for (long j = hi[i]; j >= lo[i]; j--) {
            if (!INSIDE(i, j))
                continue;
            double x[NTYPES]; /* the paths out by each bead type */
            int nx = 0;
            for (size_t t = 0; t < NTYPES; t++) {
                const bead_type *ty = &ta_bead_types[t];
                size_t ni = i + (size_t)ty->de;
                long nj = j + ty->dr;
                if (ty->de > max_bead || ty->dr > max_bead || ni >= rows || !INSIDE(ni, nj) ||
                    CELL(B, ni, nj) == -INFINITY)
                    continue;
                double c = bc[NTYPES * (at[ni] + (size_t)(nj - lo[ni])) + t];
                if (isnan(c))
                    c = cost_rows(d, ni, (size_t)nj, t);
                x[nx++] = CELL(B, ni, nj) - c / T;
            }
            CELL(B, i, j) = nx ? log_sum_exp(x, nx) : i == d->n && (size_t)j == d->m ? 0 : -INFINITY;
        }
    }
    double z = CELL(F, d->n, (long)d->m);
    for (size_t k = 0; k < nb; k++) { /* the path's cells are all inside */
        double lp = CELL(F, (size_t)b[k].en0, (long)b[k].ru0) - cost[k] / T +
                    CELL(B, (size_t)b[k].en1, (long)b[k].ru1) - z;
        b[k].score = lp > 0 ? 1 : exp(lp);
    }
#undef CELL
#undef INSIDE
    rc = 0;
done:
    free(lo), free(hi), free(at), free(F), free(B), free(cost), free(bc);
    return rc;
}

/* The word_llr terms of each side (dp.terms), for the sentences of at most MASK_WORDS content
 * words the document has: rows 0 to its most content words (a short article touches a few
 * pages, not two tables of every row). */
static ta_status make_terms(dp *d)
{
    for (int side = 0; side < 2; side++) {
        const ta_feat *f = side ? d->ru : d->en;
        int most = 0;
        for (size_t k = 0, n = side ? d->m : d->n; k < n; k++)
            most = f[k].ncontent > most ? f[k].ncontent : most;
        most = most < MASK_WORDS ? most : MASK_WORDS;
        d->terms[side] = malloc(sizeof(double) * (size_t)(most + 1) * (MASK_WORDS + 1));
        if (!d->terms[side])
            return TA_ENOMEM;
        for (int c = 0; c <= most; c++)
            for (int m = 0; m <= c; m++)
                d->terms[side][c * (MASK_WORDS + 1) + m] = m * d->md.hit[side] + (c - m) * d->md.miss[side];
    }
    return TA_OK;
}

/* Moves the band onto the path the last run found (where it ran along an edge). Returns false
 * when there is no path to follow. */
static bool recenter(dp *d)
{
    size_t w = (size_t)(2 * d->band + 1), i = d->n, j = d->m;
    long *lo = malloc(sizeof(long) * (d->n + 1)), *hi = malloc(sizeof(long) * (d->n + 1));
    bool ok = lo && hi;
    for (size_t r = 0; ok && r <= d->n; r++)
        lo[r] = LONG_MAX, hi[r] = -1;
    while (ok && (i > 0 || j > 0)) {
        long k = (long)j - lo_of(d, i);
        if (k < 0 || k >= (long)w || d->back[i * w + (size_t)k] == NO_BEAD) {
            ok = false;
            break;
        }
        const bead_type *ty = &ta_bead_types[d->back[i * w + (size_t)k]];
        for (size_t r = i - (size_t)ty->de; r <= i; r++) { /* rows the bead passes */
            long a = (long)j - ty->dr, b = (long)j;
            lo[r] = a < lo[r] ? a : lo[r];
            hi[r] = b > hi[r] ? b : hi[r];
        }
        i -= (size_t)ty->de, j -= (size_t)ty->dr;
    }
    for (size_t r = 0; ok && r <= d->n; r++)
        if (hi[r] >= 0)
            d->center[r] = (lo[r] + hi[r]) / 2;
    free(lo), free(hi);
    return ok;
}

/* Number signature of a sentence: a hash of its distinct numbers, 0 when it has fewer than
 * two (too common to place a sentence). */
static uint64_t number_sig(const ta_feat *f)
{
    int nums[16], k = 0;
    for (int t = 0; t < f->ncontent && k < 16; t++) {
        if (f->stem[t] != -1 || f->tok[t + 1] == f->tok[t])
            continue;
        int key = f->keys[f->tok[t]], dup = 0;
        for (int q = 0; q < k; q++)
            dup |= nums[q] == key;
        if (!dup)
            nums[k++] = key;
    }
    if (k < 2)
        return 0;
    for (int a = 1; a < k; a++) /* insertion sort: the set, not the order */
        for (int b = a; b > 0 && nums[b - 1] > nums[b]; b--) {
            int x = nums[b];
            nums[b] = nums[b - 1], nums[b - 1] = x;
        }
    uint64_t h = 1469598103934665603ULL;
    for (int q = 0; q < k; q++)
        h = (h ^ (uint64_t)(unsigned)nums[q]) * 1099511628211ULL;
    return h ? h : 1;
}

typedef struct {
    uint64_t sig;
    long j;
} sig_at;

static int cmp_sig(const void *x, const void *y)
{
    const sig_at *a = x, *b = y;
    return a->sig < b->sig ? -1 : a->sig > b->sig ? 1 : (a->j > b->j) - (a->j < b->j);
}

/* The first pass's band centre from anchors: sentences whose set of numbers (two or more) is
 * found in exactly one sentence of the other side near the diagonal; the longest chain of
 * anchors increasing on both sides, joined by straight lines. Long documents drift from the
 * diagonal by more than any affordable band (deleted sentences add up); anchors every few
 * dozen sentences keep the band on the path. Returns 0, or -1 when out of memory (the
 * diagonal stays). */
static int anchor_center(dp *d)
{
    size_t n = d->n, m = d->m, na = 0;
    if (!n || !m)
        return 0;
    sig_at *rs = malloc(sizeof *rs * m);
    long *ai = malloc(sizeof(long) * (n + 2)), *aj = malloc(sizeof(long) * (n + 2));
    long *tail = malloc(sizeof(long) * (n + 2)), *prev = malloc(sizeof(long) * (n + 2));
    int rc = -1;
    if (!rs || !ai || !aj || !tail || !prev)
        goto done;
    size_t nr = 0;
    for (size_t j = 0; j < m; j++) {
        uint64_t g = number_sig(&d->ru[j]);
        if (g)
            rs[nr++] = (sig_at){g, (long)j};
    }
    qsort(rs, nr, sizeof *rs, cmp_sig);
    double slope = (double)m / (double)n;
    long win = 200 + 4 * (long)sqrt((double)(n + m));
    for (size_t i = 0; i < n; i++) {
        uint64_t g = number_sig(&d->en[i]);
        if (!g)
            continue;
        long diag = (long)((double)i * slope), found = -1;
        int hits = 0;
        size_t lo = 0, hi = nr; /* first entry with this signature */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (rs[mid].sig < g)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t q = lo; q < nr && rs[q].sig == g; q++)
            if (labs(rs[q].j - diag) <= win)
                hits++, found = rs[q].j;
        if (hits == 1)
            ai[na] = (long)i, aj[na++] = found;
    }
    /* longest chain increasing in both i and j (anchors come sorted by i) */
    size_t len = 0;
    for (size_t k = 0; k < na; k++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (aj[tail[mid]] < aj[k])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[k] = lo ? tail[lo - 1] : -1;
        tail[lo] = (long)k;
        if (lo == len)
            len++;
    }
    /* the chain, with the corners (0, 0) and (n, m), as straight lines */
    size_t nc = len + 2;
    long *chain_i = malloc(sizeof(long) * nc), *chain_j = malloc(sizeof(long) * nc);
    if (!chain_i || !chain_j) {
        free(chain_i), free(chain_j);
        goto done;
    }
    chain_i[0] = 0, chain_j[0] = 0, chain_i[nc - 1] = (long)n, chain_j[nc - 1] = (long)m;
    for (long k = len ? tail[len - 1] : -1, q = (long)len; k >= 0; k = prev[k], q--)
        chain_i[q] = ai[k], chain_j[q] = aj[k];
    for (size_t q = 0; q + 1 < nc; q++)
        for (long i = chain_i[q]; i <= chain_i[q + 1]; i++) {
            long di = chain_i[q + 1] - chain_i[q];
            d->center[i] = chain_j[q] + (di ? (chain_j[q + 1] - chain_j[q]) * (i - chain_i[q]) / di : 0);
        }
    free(chain_i), free(chain_j);
    rc = 0;
done:
    free(rs), free(ai), free(aj), free(tail), free(prev);
    return rc;
}

/* For the confidences: a narrow band around the path of the nb beads b, and its rolling rows of
 * word matches (posteriors() fills them, forward then backward). */
static int narrow_matches(dp *d, const ta_bead *b, size_t nb)
{
    for (size_t k = 0; k < nb; k++)
        for (size_t i = b[k].en0; i <= b[k].en1; i++)
            d->center[i] = (long)(b[k].ru0 + b[k].ru1) / 2;
    d->band = POST_BAND + 3;
    size_t w = (size_t)(2 * d->band + 1);
    d->em = malloc(sizeof(uint64_t) * ROLL * w); /* rolling rows, filled as the passes go */
    d->rm = malloc(sizeof(uint64_t) * ROLL * w);
    d->have = malloc(ROLL * w);
    d->roll = true;
    return d->em && d->rm && d->have ? 0 : -1;
}

/* One DP over the current features; when the best path runs along the band's edge, the band
 * follows it and then widens, so no answer is lost to the band. The beads, in document order,
 * are appended to `out`. */
static ta_status pass(dp *d, int max_bead, int band, bool keep_center, bool confidences,
                      ta_vec *out)
{
    size_t full = d->n + d->m + 2;
    if (d->slow) /* features may have changed */
        memset(d->slow, 0, sizeof(struct slow_entry) * SLOW_CACHE);
    for (size_t i = 0; i <= d->n && !keep_center; i++)
        d->center[i] = (long)((double)i * (double)d->m / (double)(d->n ? d->n : 1));
    if (!keep_center && anchor_center(d))
        return TA_ENOMEM;
    d->band = band;
    float beam = BEAM;
    size_t max_band = MAX_CELLS / (d->n + 1) / 2; /* the memory ceiling */
    for (int tries = 0;; tries++) {
        if ((size_t)d->band > full)
            d->band = (int)full;
        int r = run(d, max_bead, beam);
        if (r < 0) {
            dp_free(d);
            return TA_ENOMEM;
        }
        if (r == 2 && beam < INFINITY) { /* the beam lost every path: search without it */
            dp_free(d);
            beam = INFINITY;
            continue;
        }
        if (r == 0 || (size_t)d->band >= full || (size_t)d->band * 2 > max_band)
            break; /* a path along the edge is kept when the band cannot grow */
        bool moved = tries < 4 && r == 1 && recenter(d);
        dp_free(d);
        if (!moved || tries >= 2)
            d->band *= 2;
    }
    size_t w = (size_t)(2 * d->band + 1), i = d->n, j = d->m, first = out->len;
    while (i > 0 || j > 0) {
        long k = (long)j - lo_of(d, i);
        unsigned char bt = k >= 0 && k < (long)w ? d->back[i * w + (size_t)k] : NO_BEAD;
        if (bt == NO_BEAD) /* no path within the memory ceiling: the rest as unaligned sentences */
            bt = i > 0 ? 1 : 2;
        const bead_type *ty = &ta_bead_types[bt];
        ta_bead *b = ta_vec_push(out);
        if (!b) {
            dp_free(d);
            return TA_ENOMEM;
        }
        *b = (ta_bead){i - (size_t)ty->de, i, j - (size_t)ty->dr, j, 0};
        i -= (size_t)ty->de, j -= (size_t)ty->dr;
    }
    if (out->len == first) { /* nothing to align: empty on both sides */
        dp_free(d);
        return TA_OK;
    }
    dp_free(d);
    if (confidences && narrow_matches(d, (ta_bead *)out->data + first, out->len - first)) {
        dp_free(d);
        return TA_ENOMEM;
    }
    if (confidences && posteriors(d, max_bead, (ta_bead *)out->data + first, out->len - first)) {
        dp_free(d);
        return TA_ENOMEM;
    }
    dp_free(d);
    ta_bead *b = (ta_bead *)out->data + first; /* reverse into document order */
    for (size_t k = 0, n = out->len - first; k < n / 2; k++) {
        ta_bead t = b[k];
        b[k] = b[n - 1 - k];
        b[n - 1 - k] = t;
    }
    return TA_OK;
}

static ta_status align_pass(dp *d, int max_bead, int band, bool keep_center, bool confidences,
                            ta_vec *out)
{
    d->keep = confidences; /* the confidences read the last run's cells again */
    ta_status st = pass(d, max_bead, band, keep_center, confidences, out);
    free_kept(d);
    return st;
}

/* The words of a 1-1 bead's sentences that found a counterpart: with both sentences of at most
 * MASK_WORDS words (fast), as bit sets from a map of the English sentence (what the DP's cells
 * hold), else asked of the sentences' sorted key sets. */
typedef struct {
    bool fast;
    uint64_t eb, rb;
} bead_words;

/* The word evidence of 1-1 bead b (word_llr's value, in the same order of operations) and its
 * matched words. 0, or -1 out of memory. */
static int one_one_words(dp *d, const ta_bead *b, bead_words *w, double *llr)
{
    const ta_feat *e = &d->en[b->en0], *r = &d->ru[b->ru0];
    w->fast = e->ncontent <= MASK_WORDS && r->ncontent <= MASK_WORDS;
    w->eb = w->rb = 0;
    if (!w->fast) {
        if (ta_feat_index((ta_feat *)e) || ta_feat_index((ta_feat *)r))
            return -1;
        *llr = word_llr(d, (size_t)b->en1, (size_t)b->ru1, &ta_bead_types[0]);
        return 0;
    }
    if (d->pk) {
        if (probe_from_russian(d, &d->km[0], e, (size_t)b->ru0, &w->eb, &w->rb))
            return -1;
    } else { /* (no key lists: out of memory) */
        if (map_reserve(&d->km[0], e))
            return -1;
        map_build(&d->km[0], e, (size_t)b->en0);
        probe_at(d, &d->km[0], (size_t)b->ru0, &w->eb, &w->rb);
    }
    int me = popcount64(w->eb), mr = popcount64(w->rb);
    double v = 0;
    v += me * d->md.hit[0] + (e->ncontent - me) * d->md.miss[0];
    v += mr * d->md.hit[1] + (r->ncontent - mr) * d->md.miss[1];
    *llr = v;
    return 0;
}

/* The stems of a confident 1-1 bead's words that found no counterpart, for learning word pairs:
 * ue[0..*ne) English, ur[0..*nr) Russian (64 each at most). */
static void unmatched_stems(const dp *d, const ta_bead *b, const bead_words *w, int *ue, int *ne,
                            int *ur, int *nr)
{
    const ta_feat *e = &d->en[b->en0], *r = &d->ru[b->ru0];
    *ne = *nr = 0;
    for (int t = 0; t < e->ncontent && *ne < 64; t++)
        if (e->stem[t] >= 0 && !(w->fast ? w->eb >> t & 1 : ta_feat_token_matched(e, t, r)))
            ue[(*ne)++] = e->stem[t];
    for (int t = 0; t < r->ncontent && *nr < 64; t++)
        if (r->stem[t] >= 0 && !(w->fast ? w->rb >> t & 1 : ta_feat_token_matched(r, t, e)))
            ur[(*nr)++] = r->stem[t];
}

#define RADIX_BITS 8
/* Sorts a[0..n) by LSD radix passes of RADIX_BITS bits, skipping a pass where every value has
 * the same digit (the stem ids use few of the 64 bits); tmp holds n values. qsort's calls of a
 * comparison were 2 % of a long document's time. */
static void sort_u64(uint64_t *a, uint64_t *tmp, size_t n)
{
    enum { DIGITS = 1 << RADIX_BITS };
    for (int shift = 0; shift < 64; shift += RADIX_BITS) {
        size_t count[DIGITS + 1] = {0};
        for (size_t i = 0; i < n; i++)
            count[(a[i] >> shift & (DIGITS - 1)) + 1]++;
        if (count[(a[0] >> shift & (DIGITS - 1)) + 1] == n)
            continue;
        for (size_t k = 1; k <= DIGITS; k++)
            count[k] += count[k - 1];
        for (size_t i = 0; i < n; i++)
            tmp[count[a[i] >> shift & (DIGITS - 1)]++] = a[i];
        memcpy(a, tmp, sizeof *a * n);
    }
}

/* Adds 1 to the count of key k in m. 0, or -1 out of memory. */
static int count_up(ta_strmap *m, int k)
{
    int c = 0;
    ta_strmap_get(m, (const char *)&k, sizeof k, &c);
    return ta_strmap_put(m, (const char *)&k, sizeof k, c + 1);
}

/* Learns from the confident 1-1 beads of a first pass: this document's length ratio, and word
 * pairs (stems left unmatched on both sides of at least two beads, Dice >= 0.6, or the only
 * unmatched word on each side of one bead), which the English features then include. The
 * pairs' co-occurrences are counted in one sorted array (8 bytes each, and as many to sort
 * it; a hash map took 32 a slot at half load, the peak memory of a long document). */
static ta_status learn(dp *d, ta_featurizer *fz, const ta_bead *beads, size_t nb)
{
    double le = 0, lr = 0;
    ta_strmap cnt_e = {0}, cnt_r = {0};
    uint64_t *co = NULL; /* English stem << 32 | Russian stem, once per co-occurrence */
    size_t nco = 0, cap = 0, ng = 0;
    ta_status st = TA_OK;
    /* the beads that teach word pairs, with their matched words (looked up once) */
    struct good {
        const ta_bead *b;
        bead_words w;
    } *good = malloc(sizeof *good * (nb ? nb : 1));
    if (!good)
        return TA_ENOMEM;
    for (size_t k = 0; k < nb; k++) { /* count */
        const ta_bead *b = &beads[k];
        if (b->en1 - b->en0 != 1 || b->ru1 - b->ru0 != 1)
            continue;
        int le1, lr1;
        double lc = len_of(d, (size_t)b->en1, (size_t)b->ru1, &ta_bead_types[0], &le1, &lr1);
        bead_words bw;
        double llr;
        if (one_one_words(d, b, &bw, &llr)) {
            st = TA_ENOMEM;
            break;
        }
        double ev = llr - lc;
        if (ev < LEARN_EVIDENCE)
            continue;
        le += d->en[b->en0].len, lr += d->ru[b->ru0].len;
        if (ev < LEARN_EVIDENCE_PAIRS) /* word pairs only from beads whose words agree well */
            continue;
        int ue[64], ur[64], ne, nr;
        unmatched_stems(d, b, &bw, ue, &ne, ur, &nr);
        cap += (size_t)(ne * nr * (ne == 1 && nr == 1 ? 2 : 1));
        good[ng++] = (struct good){b, bw};
    }
    if (st == TA_OK && cap && !(co = malloc(sizeof *co * cap)))
        st = TA_ENOMEM;
    for (size_t g = 0; g < ng && st == TA_OK; g++) { /* fill */
        int ue[64], ur[64], ne, nr;
        unmatched_stems(d, good[g].b, &good[g].w, ue, &ne, ur, &nr);
        int times = ne == 1 && nr == 1 ? 2 : 1; /* the only unmatched word on each side */
        for (int x = 0; x < ne && st == TA_OK; x++)
            if (count_up(&cnt_e, ue[x]))
                st = TA_ENOMEM;
        for (int y = 0; y < nr && st == TA_OK; y++)
            if (count_up(&cnt_r, ur[y]))
                st = TA_ENOMEM;
        for (int x = 0; x < ne; x++)
            for (int y = 0; y < nr; y++)
                for (int q = 0; q < times; q++)
                    co[nco++] = (uint64_t)(unsigned)ue[x] << 32 | (unsigned)ur[y];
    }
    free(good);
    if (le >= 200 && lr >= 200) {
        double c = lr / le;
        ta_model_set_ratio(&d->md, c < 0.6 ? 0.6 : c > 1.8 ? 1.8 : c);
    }
    uint64_t *tmp = st == TA_OK && nco ? malloc(sizeof *tmp * nco) : NULL;
    if (tmp)
        sort_u64(co, tmp, nco);
    else if (st == TA_OK && nco)
        st = TA_ENOMEM;
    free(tmp);
    for (size_t s = 0, e; st == TA_OK && s < nco; s = e) {
        for (e = s + 1; e < nco && co[e] == co[s]; e++)
            ;
        int key[2] = {(int)(co[s] >> 32), (int)(co[s] & 0xFFFFFFFFu)}, ce = 0, cr = 0;
        int n2 = (int)(e - s);
        if (n2 < 2)
            continue;
        ta_strmap_get(&cnt_e, (const char *)&key[0], sizeof(int), &ce);
        ta_strmap_get(&cnt_r, (const char *)&key[1], sizeof(int), &cr);
        if (2.0 * n2 >= 0.6 * (ce + cr) && ta_featurizer_learn(fz, key[0], key[1]))
            st = TA_ENOMEM;
    }
    free(co);
    ta_strmap_release(&cnt_e), ta_strmap_release(&cnt_r);
    return st;
}

static ta_status featurize_all(ta_featurizer *fz, char lang, const char *const *s,
                               const size_t *len, size_t n, ta_feat *out)
{
    for (size_t i = 0; i < n; i++) {
        ta_feat_release(&out[i]);
        if (ta_featurize(fz, lang, s[i], len[i], &out[i]))
            return TA_ENOMEM;
        ta_feat_shrink(&out[i]); /* kept for the whole document */
    }
    return TA_OK;
}

/* The learned pairs into the English features that hold their stems. */
static ta_status add_learned(const ta_featurizer *fz, size_t n, ta_feat *out)
{
    for (size_t i = 0; i < n; i++)
        if (ta_feat_add_learned(fz, &out[i]))
            return TA_ENOMEM;
    return TA_OK;
}

ta_status ta_align(const ta_sentences *en, const ta_sentences *ru, const ta_lexicon *lx,
                   const ta_align_opts *opts, ta_bead **beads, size_t *n_beads, ta_error *err)
{
    *beads = NULL;
    *n_beads = 0;
    ta_kit k;
    ta_status st = ta_kit_init(&k, opts ? opts->data_dir : NULL, err);
    if (st == TA_OK)
        st = ta_align_kit(&k, en, ru, lx, opts, beads, n_beads, err);
    ta_kit_release(&k);
    return st;
}

ta_status ta_align_kit(ta_kit *kit, const ta_sentences *en_s, const ta_sentences *ru_s,
                       const ta_lexicon *lx, const ta_align_opts *opts, ta_bead **beads,
                       size_t *n_beads, ta_error *err)
{
    *beads = NULL;
    *n_beads = 0;
    ta_align_opts o = opts ? *opts : ta_align_opts_default();
    if (o.max_bead < 1 || o.max_bead > 3 || o.band < 1)
        return ta_fail(err, TA_EINVAL,
                       "max_bead must be 1 to 3 (is %d) and band at least 1 "
                       "(is %d)",
                       o.max_bead, o.band);
    if (!en_s || !ru_s || ((!en_s->text || !en_s->len) && en_s->n) ||
        ((!ru_s->text || !ru_s->len) && ru_s->n))
        return ta_fail(err, TA_EINVAL, "a side's sentence arrays are NULL");
    const char *const *en = en_s->text, *const *ru = ru_s->text;
    const size_t *en_len = en_s->len, *ru_len = ru_s->len;
    size_t n_en = en_s->n, n_ru = ru_s->n;
    const model *md;
    ta_status st = ta_kit_model(kit, o.use_lexicon && lx, &md, err);
    if (st != TA_OK)
        return st;
    ta_featurizer *fz = ta_kit_featurizer(kit, o.use_lexicon ? lx : NULL);
    fz->no_offsets = true;
    fz->no_set = true; /* key sets only for the sentences the slow paths read (ta_feat_index) */
    keymap km[ROLL] = {{0}};
    dp d = {.n = n_en, .m = n_ru, .km = km, .popcnt = cpu_has_popcnt()};
    ta_feat *fe = calloc(n_en + 1, sizeof *fe), *fr = calloc(n_ru + 1, sizeof *fr);
    ta_vec out = {.esz = sizeof(ta_bead)};
    d.center = malloc(sizeof(long) * (n_en + 1));
    d.len_en = calloc(n_en + 1, sizeof(long));
    d.len_ru = calloc(n_ru + 1, sizeof(long));
    d.big_en = calloc(n_en + 1, sizeof(int));
    d.big_ru = calloc(n_ru + 1, sizeof(int));
    d.top_en = calloc(n_en + 1, sizeof(double));
    d.top_ru = calloc(n_ru + 1, sizeof(double));
    d.md = *md; /* a copy: the second pass learns this document's length ratio */
    if (!fe || !fr || !d.center || !d.len_en || !d.len_ru || !d.big_en || !d.big_ru ||
        !d.top_en || !d.top_ru)
        st = TA_ENOMEM;
    if (st == TA_OK && (st = featurize_all(fz, 'e', en, en_len, n_en, fe)) == TA_OK &&
        (st = featurize_all(fz, 'r', ru, ru_len, n_ru, fr)) == TA_OK &&
        (d.en = fe, d.ru = fr, st = make_terms(&d)) == TA_OK) {
        list_probe_keys(&d); /* (without: probe() reads the features) */
        for (size_t i = 0; i < n_en; i++) {
            d.len_en[i + 1] = d.len_en[i] + fe[i].len;
            d.big_en[i + 1] = d.big_en[i] + (fe[i].ncontent > MASK_WORDS);
        }
        for (size_t j = 0; j < n_ru; j++) {
            d.len_ru[j + 1] = d.len_ru[j] + fr[j].len;
            d.big_ru[j + 1] = d.big_ru[j] + (fr[j].ncontent > MASK_WORDS);
        }
        bool second = o.realign && n_en && n_ru; /* the first pass's confidences go unused */
        st = align_pass(&d, o.max_bead, o.band, false, !second, &out);
        if (st == TA_OK && second &&
            (st = learn(&d, fz, out.data, out.len)) == TA_OK &&
            (st = add_learned(fz, n_en, fe)) == TA_OK) {
            d.learned = fz->learned.len > 0;
            if (d.learned)
                list_probe_keys(&d);
            /* the features are final: the document's forms and maps go before the second
             * pass's largest arrays (the confidences') come */
            ta_featurizer_reset(fz, NULL);
            /* the second pass searches around the first one's path */
            for (size_t k = 0; k < out.len; k++) {
                const ta_bead *b = (const ta_bead *)out.data + k;
                for (size_t i = b->en0; i <= b->en1; i++)
                    d.center[i] = (long)b->ru1;
            }
            out.len = 0;
            st = align_pass(&d, o.max_bead, REALIGN_BAND, true, true, &out);
        }
    }
    for (size_t i = 0; fe && i < n_en; i++)
        ta_feat_release(&fe[i]);
    for (size_t j = 0; fr && j < n_ru; j++)
        ta_feat_release(&fr[j]);
    free(fe), free(fr), free(d.center), free(d.slow), free(d.len_en), free(d.len_ru);
    free(d.top_en), free(d.top_ru), free(d.big_en), free(d.big_ru), free(d.terms[0]), free(d.terms[1]);
    free(d.poff), free(d.pk), free(d.pt);
    for (int r = 0; r < ROLL; r++)
        map_free(&km[r]);
    ta_featurizer_reset(fz, NULL); /* the document's forms freed at once */
    if (st != TA_OK) {
        ta_vec_release(&out);
        return ta_fail(err, st, "alignment failed: %s", ta_strerror(st));
    }
    *beads = out.data;
    *n_beads = out.len;
    return TA_OK;
}
