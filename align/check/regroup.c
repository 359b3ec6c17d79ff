/* regroup.c — the checker's own grouping of sentences where the alignment is suspect. The
 * aligner scores beads mostly by length: a sentence left out next to a shortened one, or an
 * added sentence beside a left-out one, come out as a 1-2 bead beside a 1-0, or as shifted
 * 1-1 beads whose sides share no word. Around such beads (null beads, beads of three or more
 * sentences, 1-1 beads whose words mostly lack evidence, and 1-1 beads that such a shift
 * paired wrongly) the sentences are grouped again by their word evidence alone, a number
 * counting double (1-1, 2-1, 1-2, 1-0, 0-1, in order; a 2-1 or 1-2 unit holds no sentence
 * without evidence of its own), and the checks run on these units; each unit reports on the
 * bead of its first sentence. */
#include "checks.h"
#include <stdlib.h>
#include <string.h>

/* A unit gains one per content word with evidence and loses GAIN_MISS per word without;
 * a left-out sentence gains nothing. So a 1-1 unit beats two null ones when at least
 * GAIN_MISS / (1 + GAIN_MISS) of its words have evidence (0.2). */
#define GAIN_MISS 0.25
/* A number with its counterpart gains GAIN_NUMBER_HIT, not one: a sentence and its
 * translation give the same numbers, two sentences of one story seldom do, so the numbers
 * show where a shift paired the sentences wrongly ("$234.8 million" is in the Russian
 * sentence beside, not in "$65.9 million"'s). A number that differs costs what a word does:
 * where no other grouping gives it a counterpart, it is a changed number (13 ≠ 83). */
#define GAIN_NUMBER_HIT 2.0
#define GAIN_TIE 1e-6     /* an equal gain: the sentences stay together */
#define MERGE_COST 2.0    /* a 2-1 or 1-2 unit: its extra sentence must bring this much */
/* Lengths that agree under the length model add up to LEN_BONUS per content word (less as the
 * length cost grows, nothing from LEN_COST_ZERO nats), so that a translation in other words
 * than the lexicon's stays together */
#define LEN_BONUS 0.15
/* a 1-1 unit that is one of the alignment's beads gains KEEP_BONUS times the bead's score (not
 * a merged bead: a left-out sentence is often aligned as part of its neighbour's) */
#define KEEP_BONUS 1.5
#define LEN_COST_ZERO 2.0
/* the new grouping replaces the alignment's only when it gains this many words more, or any
 * more when it has as many null units (it then only pairs the sentences otherwise) */
#define REGROUP_MARGIN 2.0
#define WINDOW_MAX 12     /* sentences per side of a window; larger ones are left alone */
/* A sentence of a 2-1 or 1-2 unit with at least SENT_MIN_WORDS content words, at most
 * SENT_MAX_SHARE of them with evidence, is no part of it: left out or added (the length model
 * alone would keep it, a sentence less makes the other side look short) */
#define SENT_MIN_WORDS 3
#define SENT_MAX_SHARE 0.34
#define NO_GAIN -1e300    /* a unit that may not be made */

typedef struct {
    ta_checker *c;
    const ta_corpus *d;
    const bool *pinned;   /* sentences that stay null units */
    size_t b0, b1;        /* the window's beads [b0, b1] ... */
    size_t e0, r0;        /* ... and its first sentences */
    ta_buf be, br;        /* joined sides of a unit */
    ta_vec match;         /* bool: which content words of a unit's two sides match */
    ta_vec used;          /* bool: own_evidence's words of the other side taken */
} window;

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

/* The matches between the content words of the unit just featurized (c->fe, c->fr):
 * w->match[t * fr.ncontent + u]. 0, or -1 out of memory. */
static int match_words(window *w)
{
    ta_checker *c = w->c;
    int ne = c->fe.ncontent, nr = c->fr.ncontent;
    w->match.len = 0;
    for (int t = 0; t < ne; t++)
        for (int u = 0; u < nr; u++) {
            bool *m = ta_vec_push(&w->match);
            if (!m)
                return -1;
            *m = ta_ev_en(c, t) && ta_ev_ru(c, u) && ta_tokens_match(c, t, u);
        }
    return 0;
}

/* Does content word t of one side (en) match word u of the other? */
static bool matched(const window *w, bool en, int t, int u)
{
    int nr = w->c->fr.ncontent;
    return ((const bool *)w->match.data)[en ? t * nr + u : u * nr + t];
}

/* Content words of one side (en) of the unit (*words) that start in bytes [from, to), and
 * those of them with evidence of their own (*hits): each matches a word of the other side
 * that no word of this side outside [from, to) matches, and no other of them matched the
 * same word (one form counts once: "advertising" and "billboard" are not two words of
 * evidence in "рекламы"). w->used: a flag per word of the other side. 0, or -1. */
static int own_evidence(window *w, bool en, size_t from, size_t to, int *words, int *hits)
{
    const ta_feat *f = en ? &w->c->fe : &w->c->fr, *o = en ? &w->c->fr : &w->c->fe;
    *words = *hits = 0;
    w->used.len = 0;
    for (int u = 0; u < o->ncontent; u++) { /* taken: matched outside [from, to) */
        bool *x = ta_vec_push(&w->used);
        if (!x)
            return -1;
        *x = false;
        for (int s = 0; s < f->ncontent && !*x; s++)
            *x = (f->start[s] < from || f->start[s] >= to) && matched(w, en, s, u);
    }
    bool *used = w->used.data;
    for (int t = 0; t < f->ncontent; t++) {
        if (f->start[t] < from || f->start[t] >= to)
            continue;
        ++*words;
        int claim = 0;
        while (claim < o->ncontent && (used[claim] || !matched(w, en, t, claim)))
            claim++;
        if (claim == o->ncontent)
            continue;
        ++*hits;
        for (int u = 0; u < o->ncontent; u++)
            used[u] = used[u] || u == claim || (o->form[u] >= 0 && o->form[u] == o->form[claim]);
    }
    return 0;
}

/* Has one of the sentences [a, a+n) of a side (en; len: their lengths) of the unit just
 * featurized SENT_MIN_WORDS content words or more, at most SENT_MAX_SHARE of them with
 * evidence of their own (a sentence merged into a unit must bring evidence that its
 * neighbour does not: two sentences of one story share some words)? *out. 0, or -1. */
static int unsupported(window *w, bool en, const size_t *len, size_t a, size_t n, bool *out)
{
    *out = false;
    for (size_t i = 0, from = 0; i < n && !*out; from += len[a + i] + 1, i++) {
        int words, hits;
        if (own_evidence(w, en, from, from + len[a + i], &words, &hits))
            return -1;
        *out = words >= SENT_MIN_WORDS && hits <= SENT_MAX_SHARE * words;
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
            *g = NO_GAIN;
            return 0;
        }
    double sh;
    int me, mr;
    if (ta_join_side(&w->be, d->en, d->en_len, a, a + k) ||
        ta_join_side(&w->br, d->ru, d->ru_len, b, b + l) ||
        ta_evidence_share(w->c, w->be.data, w->be.len, w->br.data, w->br.len, &sh, &me, &mr))
        return -1;
    bool unsup = false;
    if ((k > 1 || l > 1) &&
        (match_words(w) || (k > 1 && unsupported(w, true, d->en_len, a, k, &unsup)) ||
         (l > 1 && !unsup && unsupported(w, false, d->ru_len, b, l, &unsup))))
        return -1;
    if (unsup) {
        *g = NO_GAIN;
        return 0;
    }
    int all = w->c->fe.ncontent + w->c->fr.ncontent, miss = all - me - mr;
    double cost = ta_len_cost(&w->c->len_model, (int)ta_u8_count(w->be.data, w->be.len),
                              (int)ta_u8_count(w->br.data, w->br.len));
    double len = cost < LEN_COST_ZERO ? LEN_BONUS * all * (1 - cost / LEN_COST_ZERO) : 0;
    *g = me + mr + (GAIN_NUMBER_HIT - 1) * ta_numbers_evidence(w->c, true) - GAIN_MISS * miss +
         len + GAIN_TIE - MERGE_COST * (double)(k + l - 2) +
         (k == 1 && l == 1 ? KEEP_BONUS * kept(w, a, k, b, l) : 0);
    return 0;
}

static const int SHAPES[][2] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
#define NSHAPES (sizeof SHAPES / sizeof *SHAPES)

typedef struct {
    size_t ne, nr, cols;
    double *best;         /* best[i * cols + j]: the best gain of English [0, i), Russian [0, j) */
    unsigned char *from;  /* ... and the shape of its last unit */
} dp_table;

/* Fills t for the window's sentences (a monotone DP). 0, or -1 out of memory. */
static int fill(window *w, dp_table *t)
{
    for (size_t i = 0; i <= t->ne; i++)
        for (size_t j = 0; j <= t->nr; j++) {
            double *here = &t->best[i * t->cols + j];
            *here = i || j ? NO_GAIN : 0;
            for (size_t s = 0; s < NSHAPES; s++) {
                size_t k = (size_t)SHAPES[s][0], l = (size_t)SHAPES[s][1];
                double g;
                if (k > i || l > j || t->best[(i - k) * t->cols + j - l] <= NO_GAIN)
                    continue;
                if (gain(w, w->e0 + i - k, k, w->r0 + j - l, l, &g))
                    return -1;
                double v = t->best[(i - k) * t->cols + j - l] + g;
                if (g > NO_GAIN && v > *here)
                    *here = v, t->from[i * t->cols + j] = (unsigned char)s;
            }
        }
    return 0;
}

/* Appends the units of t's best path to out, in order. 0, or -1 out of memory. */
static int trace(const window *w, const dp_table *t, ta_vec *out)
{
    size_t start = out->len;
    for (size_t i = t->ne, j = t->nr; i || j;) {
        unsigned char s = t->from[i * t->cols + j];
        size_t k = (size_t)SHAPES[s][0], l = (size_t)SHAPES[s][1];
        ta_bead *u = ta_vec_push(out);
        if (!u)
            return -1;
        *u = (ta_bead){w->e0 + i - k, w->e0 + i, w->r0 + j - l, w->r0 + j, 1.0};
        i -= k, j -= l;
    }
    ta_bead *u = (ta_bead *)out->data + start; /* made from the end: reverse */
    for (size_t a = 0, z = out->len - start; a + 1 < z; a++, z--) {
        ta_bead x = u[a];
        u[a] = u[z - 1], u[z - 1] = x;
    }
    return 0;
}

/* The best grouping of English [e0, e1) and Russian [r0, r1) by gain, as units appended to
 * out; *total its gain. 0, or -1 out of memory. */
static int best_grouping(window *w, size_t e1, size_t r1, ta_vec *out, double *total)
{
    dp_table t = {.ne = e1 - w->e0, .nr = r1 - w->r0, .cols = r1 - w->r0 + 1};
    t.best = malloc((t.ne + 1) * t.cols * sizeof *t.best);
    t.from = malloc((t.ne + 1) * t.cols);
    int rc = !t.best || !t.from || fill(w, &t) || trace(w, &t, out) ? -1 : 0;
    if (!rc)
        *total = t.best[t.ne * t.cols + t.nr];
    free(t.best);
    free(t.from);
    return rc;
}

/* A 1-1 bead of the alignment whose two sentences the grouping left both out, side by side,
 * is joined again (the lexicon may lack the words of a free translation; that the aligner
 * paired them by length is the better guess): units from `start` on, *total updated. */
static int rejoin(window *w, ta_vec *units, size_t start, double *total)
{
    ta_bead *u = units->data;
    size_t o = start;
    for (size_t i = start; i < units->len; i++) {
        ta_bead a = u[i];
        if (i + 1 < units->len) {
            ta_bead b = u[i + 1], *e = a.en1 > a.en0 ? &a : &b, *r = e == &a ? &b : &a;
            bool nulls = (a.ru0 == a.ru1) != (b.ru0 == b.ru1) &&
                         (a.en0 == a.en1) != (b.en0 == b.en1);
            double g;
            if (nulls && e->en1 - e->en0 == 1 && r->ru1 - r->ru0 == 1 &&
                kept(w, e->en0, 1, r->ru0, 1) > 0) {
                if (gain(w, e->en0, 1, r->ru0, 1, &g))
                    return -1;
                *total += g, i++;
                a = (ta_bead){e->en0, e->en1, r->ru0, r->ru1, 1.0};
            }
        }
        u[o++] = a;
    }
    units->len = o;
    return 0;
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

/* Is 1-1 bead i shifted: does its English sentence gain more with a Russian sentence next to
 * its own, or its Russian with an English one, than the two with each other? (An added
 * sentence and a left-out one pair the sentences between them wrongly, each bead with some
 * evidence of its own; side by side, they leave no null bead at all.) */
static int shifted(window *w, size_t i, bool *out)
{
    const ta_corpus *d = w->d;
    const ta_bead *b = &d->beads[i];
    *out = false;
    if (b->en1 - b->en0 != 1 || b->ru1 - b->ru0 != 1)
        return 0;
    size_t e = b->en0, r = b->ru0;
    double own;
    if (gain(w, e, 1, r, 1, &own))
        return -1;
    for (int dir = -1; dir <= 1 && !*out; dir += 2) {
        bool room_en = dir > 0 ? e + 1 < d->n_en : e > 0;
        bool room_ru = dir > 0 ? r + 1 < d->n_ru : r > 0;
        double g = NO_GAIN, h = NO_GAIN;
        if ((room_ru && gain(w, e, 1, r + (size_t)dir, 1, &g)) ||
            (room_en && g <= own && gain(w, e + (size_t)dir, 1, r, 1, &h)))
            return -1;
        *out = g > own || h > own;
    }
    return 0;
}

static bool is_null(const ta_bead *b) { return b->en0 == b->en1 || b->ru0 == b->ru1; }

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
    if (contiguous && (best_grouping(w, e1, r1, units, &total) ||
                       rejoin(w, units, start, &total)))
        return -1;
    size_t nulls = 0, nulls_before = 0; /* null units of the new grouping and beads of the old */
    for (size_t n = start; n < units->len; n++)
        nulls += is_null((const ta_bead *)units->data + n);
    for (size_t i = w0; i <= w1; i++)
        nulls_before += is_null(&B[i]);
    if (!contiguous || total <= orig + (nulls != nulls_before ? REGROUP_MARGIN : 0)) { /* keep */
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
    window w = {.c = c, .d = d, .pinned = pinned, .b0 = 1, .b1 = 0, /* no beads kept yet */
                .match = {.esz = sizeof(bool)}, .used = {.esz = sizeof(bool)}};
    bool *sus = calloc(d->n_beads + 1, sizeof *sus);
    int rc = sus ? 0 : -1;
    for (size_t i = 0; !rc && i < d->n_beads; i++)
        rc = suspect(&w, &d->beads[i], &sus[i]) || (!sus[i] && shifted(&w, i, &sus[i])) ? -1 : 0;
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
    ta_vec_release(&w.match);
    ta_vec_release(&w.used);
    return rc;
}
