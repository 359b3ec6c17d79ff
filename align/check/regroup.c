/* regroup.c — the checker's own grouping of sentences where the alignment is suspect. The
 * aligner scores beads mostly by length: a sentence left out next to a shortened one, or an
 * added sentence beside a left-out one, come out as a 1-2 bead beside a 1-0, or as shifted
 * 1-1 beads whose sides share no word. Around such beads (null beads, beads of three or more
 * sentences, 1-1 beads whose words mostly lack evidence) the sentences are grouped again by
 * their word evidence alone (1-1, 2-1, 1-2, 1-0, 0-1, in order), and the checks run on these
 * units; each unit reports on the bead of its first sentence. */
#include "checks.h"
#include <stdlib.h>
#include <string.h>

/* A unit gains one per content word with evidence and loses GAIN_MISS per word without;
 * a left-out sentence gains nothing. So a 1-1 unit beats two null ones when at least
 * GAIN_MISS / (1 + GAIN_MISS) of its words have evidence (0.2). */
#define GAIN_MISS 0.25
#define GAIN_TIE 1e-6     /* an equal gain: the sentences stay together */
#define MERGE_COST 2.0    /* a 2-1 or 1-2 unit: its extra sentence must bring this much */
/* Lengths that agree under the length model add up to LEN_BONUS per content word (less as the
 * length cost grows, nothing from LEN_COST_ZERO nats), so that a translation in other words
 * than the lexicon's stays together */
#define LEN_BONUS 0.15
/* a unit that is one of the alignment's beads gains KEEP_BONUS times the bead's score */
#define KEEP_BONUS 3.0
#define LEN_COST_ZERO 2.0
/* the new grouping replaces the alignment's only when it gains this many words more */
#define REGROUP_MARGIN 2.0
#define WINDOW_MAX 12     /* sentences per side of a window; larger ones are left alone */

typedef struct {
    ta_checker *c;
    const ta_corpus *d;
    const bool *pinned;   /* sentences that stay null units */
    size_t b0, b1;        /* the window's beads [b0, b1] ... */
    size_t e0, r0;        /* ... and its first sentences */
    ta_buf be, br;        /* joined sides of a unit */
} window;

static int join_side(ta_buf *b, const char *const *s, const size_t *len, size_t a, size_t z)
{
    b->len = 0;
    if (ta_buf_add(b, "", 0))
        return -1;
    for (size_t i = a; i < z; i++)
        if ((i > a && ta_buf_addc(b, ' ')) || ta_buf_add(b, s[i], len[i]))
            return -1;
    return 0;
}

/* The score of the window's bead that is English [a, a+k) and Russian [b, b+l), 0 if none. */
static double kept(const window *w, size_t a, size_t k, size_t b, size_t l)
{
    for (size_t i = w->b0; i <= w->b1; i++) {
        const ta_bead *x = &w->d->beads[i];
        if (x->en0 == a && x->en1 == a + k && x->ru0 == b && x->ru1 == b + l)
            return x->score;
    }
    return 0;
}

/* The gain of a unit of English [a, a+k) and Russian [b, b+l) sentences. 0, or -1. */
static int gain(window *w, size_t a, size_t k, size_t b, size_t l, double *g)
{
    *g = 0;
    if (!k || !l)
        return 0;
    const ta_corpus *d = w->d;
    for (size_t i = 0; i < k + l; i++)
        if (w->pinned[i < k ? a + i : d->n_en + b + i - k]) {
            *g = -1e300;
            return 0;
        }
    double sh;
    int me, mr;
    if (join_side(&w->be, d->en, d->en_len, a, a + k) ||
        join_side(&w->br, d->ru, d->ru_len, b, b + l) ||
        ta_evidence_share(w->c, w->be.data, w->be.len, w->br.data, w->br.len, &sh, &me, &mr))
        return -1;
    int all = w->c->fe.ncontent + w->c->fr.ncontent, miss = all - me - mr;
    double cost = ta_len_cost(&w->c->len_model, (int)ta_u8_count(w->be.data, w->be.len),
                              (int)ta_u8_count(w->br.data, w->br.len));
    double len = cost < LEN_COST_ZERO ? LEN_BONUS * all * (1 - cost / LEN_COST_ZERO) : 0;
    *g = me + mr - GAIN_MISS * miss + len + GAIN_TIE - MERGE_COST * (double)(k + l - 2) +
         KEEP_BONUS * kept(w, a, k, b, l);
    return 0;
}

static const int SHAPES[][2] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
#define NSHAPES (sizeof SHAPES / sizeof *SHAPES)

/* The best grouping of English [e0, e1) and Russian [r0, r1) by gain (a monotone DP), as
 * units appended to out; *total its gain. 0, or -1 out of memory. */
static int best_grouping(window *w, size_t e1, size_t r1, ta_vec *out, double *total)
{
    size_t ne = e1 - w->e0, nr = r1 - w->r0, cols = nr + 1;
    double *best = malloc((ne + 1) * cols * sizeof *best);
    unsigned char *from = malloc((ne + 1) * cols);
    int rc = best && from ? 0 : -1;
    for (size_t i = 0; !rc && i <= ne; i++)
        for (size_t j = 0; !rc && j <= nr; j++) {
            best[i * cols + j] = i || j ? -1e300 : 0;
            for (size_t s = 0; !rc && s < NSHAPES; s++) {
                size_t k = (size_t)SHAPES[s][0], l = (size_t)SHAPES[s][1];
                double g;
                if (k > i || l > j || best[(i - k) * cols + j - l] <= -1e300)
                    continue;
                rc = gain(w, w->e0 + i - k, k, w->r0 + j - l, l, &g);
                if (!rc && g > -1e300 && best[(i - k) * cols + j - l] + g > best[i * cols + j])
                    best[i * cols + j] = best[(i - k) * cols + j - l] + g, from[i * cols + j] = (unsigned char)s;
            }
        }
    size_t start = out->len;
    for (size_t i = ne, j = nr; !rc && (i || j);) {
        size_t k = (size_t)SHAPES[from[i * cols + j]][0], l = (size_t)SHAPES[from[i * cols + j]][1];
        ta_bead *u = ta_vec_push(out);
        if (!u) {
            rc = -1;
            break;
        }
        *u = (ta_bead){w->e0 + i - k, w->e0 + i, w->r0 + j - l, w->r0 + j, 1.0};
        i -= k, j -= l;
    }
    if (!rc) { /* made from the end: reverse */
        ta_bead *u = (ta_bead *)out->data + start;
        for (size_t a = 0, z = out->len - start; a + 1 < z; a++, z--) {
            ta_bead t = u[a];
            u[a] = u[z - 1], u[z - 1] = t;
        }
        *total = best[ne * cols + nr];
    }
    free(best);
    free(from);
    return rc;
}

/* Is bead b suspect: a null bead, three or more sentences, or a 1-1 bead that gains less than
 * two null beads would? */
static int suspect(window *w, const ta_bead *b, bool *out)
{
    size_t k = b->en1 - b->en0, l = b->ru1 - b->ru0;
    double g;
    *out = !k || !l || k + l >= 3;
    if (*out || gain(w, b->en0, k, b->ru0, l, &g))
        return *out ? 0 : -1;
    *out = g < 0;
    return 0;
}

/* Appends units for beads [w0, w1] of the document to units (and each unit's bead to ub). */
static int regroup_window(window *w, size_t w0, size_t w1, ta_vec *units, ta_vec *ub)
{
    const ta_corpus *d = w->d;
    const ta_bead *B = d->beads;
    size_t e1 = B[w1].en1, r1 = B[w1].ru1, start = units->len;
    w->e0 = B[w0].en0, w->r0 = B[w0].ru0, w->b0 = w0, w->b1 = w1;
    bool contiguous = e1 - w->e0 <= WINDOW_MAX && r1 - w->r0 <= WINDOW_MAX;
    for (size_t i = w0; contiguous && i < w1; i++)
        contiguous = B[i].en1 == B[i + 1].en0 && B[i].ru1 == B[i + 1].ru0;
    double orig = 0, g, total = 0;
    for (size_t i = w0; contiguous && i <= w1; i++) {
        if (gain(w, B[i].en0, B[i].en1 - B[i].en0, B[i].ru0, B[i].ru1 - B[i].ru0, &g))
            return -1;
        orig += g;
    }
    if (contiguous && best_grouping(w, e1, r1, units, &total))
        return -1;
    if (!contiguous || total < orig + REGROUP_MARGIN) { /* keep the alignment's beads */
        units->len = start;
        for (size_t i = w0; i <= w1; i++) {
            ta_bead *u = ta_vec_push(units);
            size_t *k = ta_vec_push(ub);
            if (!u || !k)
                return -1;
            *u = B[i], *k = i;
        }
        return 0;
    }
    for (size_t n = start, i = w0; n < units->len; n++) { /* the bead of the first sentence */
        ta_bead *u = (ta_bead *)units->data + n;
        bool en = u->en1 > u->en0;
        while (i < w1 && (en ? u->en0 >= B[i].en1 : u->ru0 >= B[i].ru1))
            i++;
        size_t *k = ta_vec_push(ub);
        if (!k)
            return -1;
        *k = i, u->score = B[i].score;
    }
    return 0;
}

int ta_regroup(ta_checker *c, const ta_corpus *d, const bool *pinned, ta_vec *units, ta_vec *ub)
{
    window w = {.c = c, .d = d, .pinned = pinned, .b0 = 1, .b1 = 0}; /* no beads kept yet */
    bool *sus = calloc(d->n_beads + 1, sizeof *sus);
    int rc = sus ? 0 : -1;
    for (size_t i = 0; !rc && i < d->n_beads; i++)
        rc = suspect(&w, &d->beads[i], &sus[i]);
    for (size_t i = 0; !rc && i < d->n_beads;) {
        bool near = sus[i] || (i + 1 < d->n_beads && sus[i + 1]) || (i && sus[i - 1]);
        if (!near) {
            ta_bead *u = ta_vec_push(units);
            size_t *k = ta_vec_push(ub);
            if (!u || !k)
                rc = -1;
            else
                *u = d->beads[i], *k = i++;
            continue;
        }
        size_t z = i; /* the window: suspect beads and one neighbour on each side */
        while (z + 1 < d->n_beads && (sus[z] || sus[z + 1] || (z + 2 < d->n_beads && sus[z + 2])))
            z++;
        rc = regroup_window(&w, i, z, units, ub);
        i = z + 1;
    }
    free(sus);
    ta_buf_release(&w.be);
    ta_buf_release(&w.br);
    return rc;
}
