/* moves.c — sentences moved elsewhere: a left-out sentence (1-0 bead) and an added one (0-1)
 * that are one text, paired by their word evidence, their anchors and their lengths; a moved
 * sentence whose counterpart the alignment put into a neighbour's bead, rescued from it. */
#include "checks.h"
#include <stdlib.h>
#include <string.h>

/* A left-out sentence and an added one are the same text moved when this share of their
 * content words has evidence on the other side, and at least MOVED_MIN_WORDS on each side */
#define MOVED_MIN_SHARE 0.35
#define MOVED_MIN_WORDS 2
/* ... counting a number without its counterpart as this many words without evidence, and
 * MOVED_LEN_SLOPE less per nat of the length model's cost above MOVED_LEN_FREE (what 95 % of
 * the translations of WMT21 stay under; a left-out and an added sentence of the same story
 * that share a name and a word or two mostly differ in length or numbers) */
#define MOVED_NUMBER_MISS 2
#define MOVED_LEN_FREE 3.0
#define MOVED_LEN_SLOPE 0.03
/* a left-out sentence beside a moved one joins its move when this share of its own content
 * words has evidence in the moved one's counterpart */
#define MERGED_MIN_SHARE 0.4
/* a sentence of a 1-1 bead is the moved one's counterpart when its evidence with it is this
 * many times that with its own pair; searched in documents of up to MOVED_SEARCH_MAX sentences */
#define MOVED_OWN_FACTOR 2.0
/* ... or, in a bead of several sentences on its side, when it explains at most this many words
 * of the bead's other side that its neighbours there do not (it rides along: 1-2 beads) */
#define MOVED_RIDER_WORDS 1
#define MOVED_SEARCH_MAX 4000
/* more left-out or added sentences than this in one document: not a move but a mismatch */
#define MOVED_MAX_NULLS 200
/* a left-out and an added sentence with less evidence, at least MOVED_WEAK_SHARE (a quarter
 * of their words; a left-out and an added sentence of the same story were seen sharing a
 * fifth), are a move when each is the other's best match in the whole document (a lexicon
 * that covers a sentence poorly still puts its own translation first); searched while the
 * sentence pairs compared stay within MOVED_WEAK_BUDGET */
#define MOVED_WEAK_SHARE 0.24
#define MOVED_WEAK_BUDGET 40000
/* ... where one word with evidence on each side may be enough: in short sentences a quarter
 * of the words is one word (a free translation of "His pride wouldn't give him peace") */
#define MOVED_WEAK_MIN_WORDS 1
/* ... or from MOVED_ANCHORED_SHARE (a fifth) when they share an anchor, a word that no other
 * sentence of the document matches (two sentences of one story share its recurring words); not
 * a number or a month (two sentences of one story may give its one date; "march" the verb is
 * taken for the month too) */
#define MOVED_ANCHORED_SHARE 0.2
/* ... or without an anchor when they are clearly each other's best match: no other sentence of
 * the document shares more than 1/MOVED_CLEAR_FACTOR as much with either, translations in
 * their own beads included (on WMT21 with planted errors, every left-out and added sentence of
 * one story that shared a fifth of their words had another sentence sharing two thirds as
 * much with one of them; a free translation the lexicon covers poorly may have none) */
#define MOVED_CLEAR_FACTOR 2.0
/* ... or when they share at least MOVED_ANCHORS anchors, words that no other sentence of the
 * document matches (one was seen shared by two sentences of one story: "league") */
#define MOVED_ANCHORS 2

/* Is b a 1-0 bead (en: an English sentence left out) or a 0-1 bead (!en: a Russian one added)? */
static bool lone_bead(const ta_bead *b, bool en)
{
    return en ? b->en1 - b->en0 == 1 && b->ru1 == b->ru0 : b->ru1 - b->ru0 == 1 && b->en1 == b->en0;
}

/* The beads of one kind of null bead: 1-0 (English left out) or 0-1 (Russian added). */
static int null_beads(const ta_corpus *d, bool en, ta_vec *out)
{
    for (size_t i = 0; i < d->n_beads; i++) {
        bool is = lone_bead(&d->beads[i], en);
        size_t *slot = is ? ta_vec_push(out) : NULL;
        if (is && !slot)
            return -1;
        if (slot)
            *slot = i;
    }
    return 0;
}

static int move_share(ta_checker *c, const ta_corpus *d, size_t i, size_t j, double *sh,
                      int *fewest);
static int pair_share(ta_checker *c, const ta_corpus *d, size_t i, size_t j, int least,
                      double *sh);
static double move_len_cost(ta_checker *c, const ta_corpus *d, size_t i, size_t j);
static int mark_lone(ta_checker *c, const ta_corpus *d);

/* The evidence share of every (left-out, added) pair, in one pass: in sh when at least
 * MOVED_MIN_WORDS words of each side have evidence, in weak when MOVED_WEAK_MIN_WORDS have; -1
 * for the others. */
static int share_matrix(ta_checker *c, const ta_corpus *d, const size_t *lo, size_t nl,
                        const size_t *ad, size_t na, double *sh, double *weak)
{
    for (size_t i = 0; i < nl; i++)
        for (size_t j = 0; j < na; j++) {
            double v;
            int fewest;
            if (move_share(c, d, d->beads[lo[i]].en0, d->beads[ad[j]].ru0, &v, &fewest))
                return -1;
            sh[i * na + j] = fewest >= MOVED_MIN_WORDS ? v : -1;
            weak[i * na + j] = fewest >= MOVED_WEAK_MIN_WORDS ? v : -1;
        }
    return 0;
}
static int own_share(ta_checker *c, const ta_corpus *d, const ta_bead *b, bool en, int k,
                     double *sh);

/* The bead that holds sentence q of one side (en or not); NULL for none. */
static const ta_bead *bead_of(const ta_corpus *d, size_t q, bool en)
{
    for (size_t k = 0; k < d->n_beads; k++) {
        const ta_bead *b = &d->beads[k];
        if (en ? b->en0 <= q && q < b->en1 : b->ru0 <= q && q < b->ru1)
            return b;
    }
    return NULL;
}

/* Does English sentence e (en) or Russian sentence r (!en) share less than s with every
 * sentence of the other side but its partner (r or e)? Unless `strict`, a sentence that shares
 * as much with the other side of its own bead (its translation there), or with the sentence a
 * move already paired it with, is no rival. *out. 0, or -1 out of memory. */
static int unrivalled(ta_checker *c, const ta_corpus *d, size_t e, size_t r, double s, bool en,
                      bool strict, bool *out)
{
    *out = true;
    for (size_t q = 0; q < (en ? d->n_ru : d->n_en) && *out; q++) {
        double v, own = -1;
        if (en ? q == r : q == e)
            continue;
        if (pair_share(c, d, en ? e : q, en ? q : r, MOVED_WEAK_MIN_WORDS, &v))
            return -1;
        const ta_bead *b = v >= s && !strict ? bead_of(d, q, !en) : NULL;
        if (b && c->moved[b - d->beads] >= 0 && lone_bead(b, !en))
            b = &d->beads[c->moved[b - d->beads]]; /* q's translation is in its move's bead */
        if (b && (en ? b->en1 > b->en0 : b->ru1 > b->ru0) &&
            own_share(c, d, b, !en, (int)q, &own))
            return -1;
        *out = v < s || own >= v;
    }
    return 0;
}

/* unrivalled on both sides: e among the English sentences and r among the Russian ones. */
static int unrivalled_both(ta_checker *c, const ta_corpus *d, size_t e, size_t r, double s,
                           bool strict, bool *out)
{
    bool ru_ok = false;
    if (unrivalled(c, d, e, r, s, true, strict, out) ||
        (*out && unrivalled(c, d, e, r, s, false, strict, &ru_ok)))
        return -1;
    *out = *out && ru_ok;
    return 0;
}

/* The features of every sentence of a document, made when first needed. */
typedef struct {
    ta_feat *en, *ru;
    bool made;
} doc_feats;

static int make_feats(ta_checker *c, const ta_corpus *d, doc_feats *F)
{
    F->made = true;
    c->fz.no_offsets = false; /* numeric() reads the words */
    F->en = calloc(d->n_en + 1, sizeof *F->en), F->ru = calloc(d->n_ru + 1, sizeof *F->ru);
    int rc = F->en && F->ru ? 0 : -1;
    for (size_t k = 0; !rc && k < d->n_en; k++)
        rc = ta_featurize_again(&c->fz, 'e', d->en[k], d->en_len[k], &F->en[k]);
    for (size_t k = 0; !rc && k < d->n_ru; k++)
        rc = ta_featurize_again(&c->fz, 'r', d->ru[k], d->ru_len[k], &F->ru[k]);
    return rc;
}

static void free_feats(const ta_corpus *d, doc_feats *F)
{
    for (size_t k = 0; F->en && k < d->n_en; k++)
        ta_feat_release(&F->en[k]);
    for (size_t k = 0; F->ru && k < d->n_ru; k++)
        ta_feat_release(&F->ru[k]);
    free(F->en), free(F->ru);
}

/* Does content word t of English sentence e match a word of no Russian sentence but r, and
 * word u of Russian r a word of no English sentence but e? */
static bool unique_match(ta_checker *c, const ta_corpus *d, const doc_feats *F, size_t e,
                         size_t r, int t, int u)
{
    for (size_t q = 0; q < d->n_ru; q++)
        if (q != r && ta_feat_token_confirmed(&c->fz, &F->en[e], t, &F->ru[q]))
            return false;
    for (size_t p = 0; p < d->n_en; p++)
        if (p != e && ta_ru_confirmed(&c->fz, &F->en[p], &F->ru[r], u))
            return false;
    return true;
}

/* Is content token t of f (of text s in language lang) a number, a number word or a month? */
static bool numeric(ta_checker *c, const ta_feat *f, int t, char lang, const char *s)
{
    bool num = f->stem[t] < 0 ||
               ta_featurizer_month(&c->fz, lang, s + f->start[t], f->end[t] - f->start[t]);
    for (int k = f->tok[t]; k < f->tok[t + 1] && !num; k++)
        num = ta_number_key(f->keys[k]);
    return num;
}

/* How many words (and numbers, number words and months, unless `words`) of English sentence e
 * match a word of Russian r and of no other sentence of the document, on either side (anchors:
 * words a sentence and its translation alone share); -1 for a pair whose numbers differ. */
static int anchors(ta_checker *c, const ta_corpus *d, const doc_feats *F, size_t e, size_t r,
                   bool words)
{
    const ta_feat *ef = &F->en[e], *rf = &F->ru[r];
    int missed = 0, n = 0; /* numbers without their counterpart; anchors */
    for (int u = 0; u < rf->ncontent; u++)
        missed += rf->stem[u] < 0 && !ta_ru_confirmed(&c->fz, ef, rf, u);
    for (int t = 0; t < ef->ncontent; t++) {
        int hit = -1;
        for (int u = 0; u < rf->ncontent && hit < 0; u++)
            hit = ta_feats_match(&c->fz, ef, t, rf, u) ? u : -1;
        missed += hit < 0 && ef->stem[t] < 0;
        bool counts = hit >= 0 && (!words || (!numeric(c, ef, t, 'e', d->en[e]) &&
                                               !numeric(c, rf, hit, 'r', d->ru[r])));
        n += counts && unique_match(c, d, F, e, r, t, hit);
    }
    return missed ? -1 : n;
}

/* Do English sentence e and Russian r meet the anchored rule: at least MOVED_ANCHORS anchors
 * (F the document's features) and lengths that agree (move_len_cost at most MOVED_LEN_FREE)? */
static bool anchored_pair(ta_checker *c, const ta_corpus *d, const doc_feats *F, size_t e,
                          size_t r)
{
    return move_len_cost(c, d, e, r) <= MOVED_LEN_FREE &&
           anchors(c, d, F, e, r, false) >= MOVED_ANCHORS;
}

/* Is a left-out English sentence e and an added Russian r that share v (under MOVED_MIN_SHARE)
 * a move? From MOVED_WEAK_SHARE, or from MOVED_ANCHORED_SHARE with an anchor word, when no
 * other sentence shares as much with either (unrivalled); from MOVED_ANCHORED_SHARE without one
 * when they are clearly each other's best match: no other sentence shares more than
 * 1/MOVED_CLEAR_FACTOR as much, its own translation or not (numbers that differ already
 * lowered v). *ok. 0, or -1 out of memory. */
static int weak_pair(ta_checker *c, const ta_corpus *d, const doc_feats *F, size_t e, size_t r,
                     double v, bool *ok)
{
    bool clear = v < MOVED_WEAK_SHARE && anchors(c, d, F, e, r, true) < 1;
    return unrivalled_both(c, d, e, r, clear ? v / MOVED_CLEAR_FACTOR + 1e-9 : v, clear, ok);
}

/* The pairs left by ta_moves_pair below MOVED_MIN_SHARE (sh: share_matrix's weak shares,
 * paired rows and columns -1; F the document's features): a left-out sentence and its best
 * added one are a move (weak_pair) when they are more than TA_PINNED_MIN_DISTANCE beads apart
 * (nearer, they are as likely a loose translation, or a left-out and an added sentence side by
 * side: the regrouping decides); c->moved_weak marks it unless the anchored rule holds too. */
static int weak_moves(ta_checker *c, const ta_corpus *d, const size_t *L, size_t nl,
                      const size_t *A, size_t na, double *sh, doc_feats *F)
{
    for (size_t i = 0; i < nl; i++) {
        size_t bj = 0;
        for (size_t j = 1; j < na; j++)
            if (sh[i * na + j] > sh[i * na + bj])
                bj = j;
        double v = sh[i * na + bj];
        size_t e = d->beads[L[i]].en0, r = d->beads[A[bj]].ru0;
        bool ok;
        if (v < MOVED_ANCHORED_SHARE - 1e-9 ||
            labs((long)L[i] - (long)A[bj]) <= TA_PINNED_MIN_DISTANCE)
            continue;
        if ((!F->made && make_feats(c, d, F)) || weak_pair(c, d, F, e, r, v, &ok))
            return -1;
        if (!ok)
            continue;
        c->moved[L[i]] = (long)A[bj], c->moved[A[bj]] = (long)L[i];
        c->moved_weak[L[i]] = c->moved_weak[A[bj]] = !anchored_pair(c, d, F, e, r);
        for (size_t k = 0; k < nl; k++)
            sh[k * na + bj] = -1;
    }
    return 0;
}

/* Left-out and added sentences still unpaired (L, A: their beads) are a move when they meet
 * the anchored rule (anchored_pair) and neither meets it with another such sentence: a free
 * translation the lexicon covers poorly still has names or rare words that only it and its
 * source have. */
static int anchored_moves(ta_checker *c, const ta_corpus *d, const size_t *L, size_t nl,
                          const size_t *A, size_t na, doc_feats *F)
{
    long *mate = malloc((nl + na) * sizeof *mate); /* the one partner of each, -2 for several */
    int rc = mate ? 0 : -1;
    for (size_t k = 0; !rc && k < nl + na; k++)
        mate[k] = -1;
    for (size_t i = 0; i < nl && !rc; i++)
        for (size_t j = 0; j < na && !rc; j++) {
            size_t e = d->beads[L[i]].en0, r = d->beads[A[j]].ru0;
            if (c->moved[L[i]] >= 0 || c->moved[A[j]] >= 0 ||
                labs((long)L[i] - (long)A[j]) <= TA_PINNED_MIN_DISTANCE ||
                (!F->made && (rc = make_feats(c, d, F))) || !anchored_pair(c, d, F, e, r))
                continue;
            mate[i] = mate[i] == -1 ? (long)j : -2;
            mate[nl + j] = mate[nl + j] == -1 ? (long)i : -2;
        }
    for (size_t i = 0; i < nl && !rc; i++) {
        long j = mate[i];
        if (j >= 0 && mate[nl + (size_t)j] == (long)i)
            c->moved[L[i]] = (long)A[j], c->moved[A[j]] = (long)L[i];
    }
    free(mate);
    return rc;
}

/* Pairs every left-out English sentence (1-0 bead) with the added Russian sentence (0-1) that
 * shares the most evidence with it, best pairs first, then weaker pairs that are each other's
 * best match (c->moved). */
int ta_moves_pair(ta_checker *c, const ta_corpus *d)
{
    ta_vec lo = {.esz = sizeof(size_t)}, ad = {.esz = sizeof(size_t)};
    double *sh = NULL, *weak = NULL;
    doc_feats F = {0}; /* made when first needed */
    int rc = mark_lone(c, d) || null_beads(d, true, &lo) || null_beads(d, false, &ad) ? -1 : 0;
    size_t nl = lo.len, na = ad.len;
    const size_t *L = lo.data, *A = ad.data;
    if (!rc && nl && na && nl <= MOVED_MAX_NULLS && na <= MOVED_MAX_NULLS) {
        sh = malloc(nl * na * sizeof *sh), weak = malloc(nl * na * sizeof *weak);
        rc = !sh || !weak ? -1 : share_matrix(c, d, L, nl, A, na, sh, weak);
        while (!rc) {
            size_t bi = 0, bj = 0;
            double best = MOVED_MIN_SHARE - 1e-9;
            for (size_t i = 0; i < nl; i++)
                for (size_t j = 0; j < na; j++)
                    if (sh[i * na + j] > best)
                        best = sh[i * na + j], bi = i, bj = j;
            if (best < MOVED_MIN_SHARE)
                break;
            c->moved[L[bi]] = (long)A[bj], c->moved[A[bj]] = (long)L[bi];
            for (size_t k = 0; k < na; k++)
                sh[bi * na + k] = weak[bi * na + k] = -1;
            for (size_t k = 0; k < nl; k++)
                sh[k * na + bj] = weak[k * na + bj] = -1;
        }
        if (!rc && nl * (d->n_en + d->n_ru) <= MOVED_WEAK_BUDGET)
            rc = weak_moves(c, d, L, nl, A, na, weak, &F) || anchored_moves(c, d, L, nl, A, na, &F)
                     ? -1
                     : 0;
    }
    free(sh), free(weak);
    free_feats(d, &F);
    ta_vec_release(&lo);
    ta_vec_release(&ad);
    return rc;
}

/* A left-out sentence next to one already paired may be the other half of a merged
 * translation (two English sentences moved as one Russian, or the reverse): paired too when
 * most of its own content words have evidence in its neighbour's counterpart. */
int ta_moves_extend(ta_checker *c, const ta_corpus *d)
{
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < d->n_beads; i++) {
            const ta_bead *a = &d->beads[i];
            bool en = lone_bead(a, true);
            if ((!en && !lone_bead(a, false)) || c->moved[i] >= 0)
                continue;
            for (int side = -1; side <= 1; side += 2) {
                size_t k = i + (size_t)side;
                if ((side < 0 && !i) || k >= d->n_beads || c->moved[k] < 0 ||
                    (d->beads[k].en1 > d->beads[k].en0) != en)
                    continue;
                const ta_bead *o = &d->beads[c->moved[k]];
                int me, mr;
                double sh;
                const char *es = en ? d->en[a->en0] : d->en[o->en0];
                size_t el = en ? d->en_len[a->en0] : d->en_len[o->en0];
                const char *rs = en ? d->ru[o->ru0] : d->ru[a->ru0];
                size_t rl = en ? d->ru_len[o->ru0] : d->ru_len[a->ru0];
                if (ta_evidence_share(c, es, el, rs, rl, &sh, &me, &mr))
                    return -1;
                int own = en ? me : mr, all = en ? c->fe.ncontent : c->fr.ncontent;
                if (own >= MOVED_MIN_WORDS && own >= MERGED_MIN_SHARE * all) {
                    c->moved[i] = c->moved[k], c->moved_weak[i] = c->moved_weak[k], grew = true;
                    break;
                }
            }
        }
    }
    return 0;
}

/* The length in characters of sentence k of one side (en) of d. */
static int chars(const ta_corpus *d, bool en, size_t k)
{
    return (int)(en ? ta_u8_count(d->en[k], d->en_len[k]) : ta_u8_count(d->ru[k], d->ru_len[k]));
}

/* The length model's cost of English sentence i with Russian j, or of either joined with a
 * neighbour of its side that is left out or added as well when that costs less (two sentences
 * moved as one translation). c->lone must be marked for d. */
static double move_len_cost(ta_checker *c, const ta_corpus *d, size_t i, size_t j)
{
    const bool *lone = c->lone.data;
    int le = chars(d, true, i), lr = chars(d, false, j);
    double best = ta_len_cost(&c->len_model, le, lr);
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t e = i + (size_t)dir, r = j + (size_t)dir;
        if ((dir > 0 || i > 0) && e < d->n_en && lone[e]) {
            double v = ta_len_cost(&c->len_model, le + 1 + chars(d, true, e), lr);
            best = v < best ? v : best;
        }
        if ((dir > 0 || j > 0) && r < d->n_ru && lone[d->n_en + r]) {
            double v = ta_len_cost(&c->len_model, le, lr + 1 + chars(d, false, r));
            best = v < best ? v : best;
        }
    }
    return best;
}

/* Marks the sentences of d's null beads in c->lone. 0, or -1 out of memory. */
static int mark_lone(ta_checker *c, const ta_corpus *d)
{
    c->lone.len = 0;
    for (size_t k = 0; k < d->n_en + d->n_ru; k++) {
        bool *x = ta_vec_push(&c->lone);
        if (!x)
            return -1;
        *x = false;
    }
    bool *lone = c->lone.data;
    for (size_t i = 0; i < d->n_beads; i++) {
        const ta_bead *b = &d->beads[i];
        for (size_t k = b->en0; k < b->en1 && b->ru0 == b->ru1; k++)
            lone[k] = true;
        for (size_t k = b->ru0; k < b->ru1 && b->en0 == b->en1; k++)
            lone[d->n_en + k] = true;
    }
    return 0;
}

/* The evidence share of sentence pair (English i, Russian j) as a move: each number without
 * its counterpart counts as MOVED_NUMBER_MISS words without evidence, and the share loses
 * MOVED_LEN_SLOPE per nat that move_len_cost exceeds MOVED_LEN_FREE (a sentence and its
 * translation agree in numbers and length; two sentences of one story that only share some
 * of its words seldom do); *fewest: the words with evidence of the side that has fewer. */
static int move_share(ta_checker *c, const ta_corpus *d, size_t i, size_t j, double *sh,
                      int *fewest)
{
    int me, mr;
    if (ta_evidence_share(c, d->en[i], d->en_len[i], d->ru[j], d->ru_len[j], sh, &me, &mr))
        return -1;
    *fewest = me < mr ? me : mr;
    int missed = ta_numbers_evidence(c, false);
    double cost = move_len_cost(c, d, i, j);
    *sh = (me + mr) / (double)(c->fe.ncontent + c->fr.ncontent + MOVED_NUMBER_MISS * missed) -
          (cost > MOVED_LEN_FREE ? MOVED_LEN_SLOPE * (cost - MOVED_LEN_FREE) : 0);
    return 0;
}

/* move_share, -1 when fewer than `least` words of a side have evidence. */
static int pair_share(ta_checker *c, const ta_corpus *d, size_t i, size_t j, int least,
                      double *sh)
{
    int fewest;
    if (move_share(c, d, i, j, sh, &fewest))
        return -1;
    if (fewest < least)
        *sh = -1;
    return 0;
}

/* The share of the other side of a bead with sentence k of one side (en or not). */
static int own_share(ta_checker *c, const ta_corpus *d, const ta_bead *b, bool en, int k,
                     double *sh)
{
    const char *const *o = en ? d->ru : d->en;
    const size_t *ol = en ? d->ru_len : d->en_len;
    int a = en ? b->ru0 : b->en0, z = en ? b->ru1 : b->en1;
    if (ta_join_side(&c->scratch, o, ol, (size_t)a, (size_t)z))
        return -1;
    int me, mr;
    const char *ot = c->scratch.len ? c->scratch.data : "";
    return en ? ta_evidence_share(c, d->en[k], d->en_len[k], ot, c->scratch.len, sh, &me, &mr)
              : ta_evidence_share(c, ot, c->scratch.len, d->ru[k], d->ru_len[k], sh, &me, &mr);
}

/* Does sentence q, at an end of its side of bead b (several sentences there; the Russian side
 * unless `en`), explain at most MOVED_RIDER_WORDS words of b's other side that the rest of
 * its side does not? *out. 0, or -1 out of memory. */
static int rides_along(ta_checker *c, const ta_corpus *d, const ta_bead *b, bool en, size_t q,
                       bool *out)
{
    size_t a = en ? b->en0 : b->ru0, z = en ? b->en1 : b->ru1;
    *out = false;
    if (z - a < 2 || (q != a && q + 1 != z))
        return 0;
    const char *const *s = en ? d->en : d->ru, *const *o = en ? d->ru : d->en;
    const size_t *sl = en ? d->en_len : d->ru_len, *ol = en ? d->ru_len : d->en_len;
    size_t oa = en ? b->ru0 : b->en0, oz = en ? b->ru1 : b->en1;
    int matched[2];
    ta_buf side = {0};
    int rc = ta_join_side(&c->scratch, o, ol, oa, oz);
    for (int k = 0; k < 2 && !rc; k++) { /* the whole side, then without q */
        int me, mr;
        double sh;
        const char *ot = c->scratch.len ? c->scratch.data : "";
        rc = ta_join_side(&side, s, sl, k && q == a ? a + 1 : a, k && q != a ? z - 1 : z) ||
             (en ? ta_evidence_share(c, side.data, side.len, ot, c->scratch.len, &sh, &me, &mr)
                 : ta_evidence_share(c, ot, c->scratch.len, side.data, side.len, &sh, &me, &mr));
        matched[k] = en ? mr : me; /* the other side's words with evidence */
    }
    ta_buf_release(&side);
    *out = !rc && matched[0] - matched[1] <= MOVED_RIDER_WORDS;
    return rc ? -1 : 0;
}

/* May the rescue of a null bead of side en (an English sentence left out, or a Russian one
 * added) take a sentence of bead k, which has both sides? Not when the rescue of another null
 * bead of that side took one; yes when one of the other side did (a 1-1 bead of two displaced
 * sentences: the moved one, and one that the alignment shifted in beside it). */
static bool rescuable(const ta_checker *c, const ta_corpus *d, size_t k, bool en)
{
    for (size_t i = 0; c->moved[k] >= 0 && i < d->n_beads; i++)
        if (c->moved[i] == (long)k && lone_bead(&d->beads[i], en))
            return false;
    return true;
}

/* The best counterpart of null bead a's sentence among the other side's sentences of beads
 * with both sides (rescuable) that have `least` words with evidence on each side: its bead
 * *bk and sentence *bq, and their share *best. */
static int best_counterpart(ta_checker *c, const ta_corpus *d, const ta_bead *a, bool en,
                            int least, double *best, long *bk, int *bq)
{
    *best = MOVED_MIN_SHARE - 1e-9, *bk = -1, *bq = -1;
    for (size_t k = 0; k < d->n_beads; k++) {
        const ta_bead *b = &d->beads[k];
        if (b->en1 == b->en0 || b->ru1 == b->ru0 || !rescuable(c, d, k, en))
            continue;
        for (size_t q = en ? b->ru0 : b->en0; q < (en ? b->ru1 : b->en1); q++) {
            double sh;
            if (pair_share(c, d, en ? a->en0 : q, en ? q : a->ru0, least, &sh))
                return -1;
            if (sh > *best)
                *best = sh, *bk = (long)k, *bq = q;
        }
    }
    return 0;
}

/* The evidence share of English sentence e and Russian r. */
static int plain_share(ta_checker *c, const ta_corpus *d, size_t e, size_t r, double *sh)
{
    int me, mr;
    return ta_evidence_share(c, d->en[e], d->en_len[e], d->ru[r], d->ru_len[r], sh, &me, &mr);
}

/* Sentence q, of one side (the Russian unless en) of 1-1 bead k, shares sh with the bead's
 * other sentence: does that sentence share at least as much with a sentence of q's side in a
 * bead next to k, one left out or added, or one of a 1-1 bead that shares less with its own
 * partner (the alignment shifted it there, by one bead or by two: q is a moved sentence that
 * took its place)? *out. 0, or -1 out of memory. */
static int displaced(ta_checker *c, const ta_corpus *d, size_t k, bool en, double sh, bool *out)
{
    const ta_bead *b = &d->beads[k];
    *out = false;
    if (b->en1 - b->en0 != 1 || b->ru1 - b->ru0 != 1)
        return 0;
    for (int dir = -1; dir <= 1 && !*out; dir += 2) {
        size_t n = k + (size_t)dir;
        if ((dir < 0 && !k) || n >= d->n_beads || c->moved[n] >= 0)
            continue;
        const ta_bead *x = &d->beads[n];
        bool lone = lone_bead(x, en), one = x->en1 - x->en0 == 1 && x->ru1 - x->ru0 == 1;
        double v = -1, own = -1;
        size_t e = en ? x->en0 : b->en0, r = en ? b->ru0 : x->ru0;
        if ((lone || one) && plain_share(c, d, e, r, &v))
            return -1;
        if (one && v >= sh && plain_share(c, d, x->en0, x->ru0, &own))
            return -1;
        *out = v >= sh && (lone || own < v);
    }
    return 0;
}

/* The best counterpart of null bead a (its sentence on side en) for a rescue: among sentences
 * with MOVED_MIN_WORDS words of evidence on each side, else (*weak) with one. */
static int rescue_candidate(ta_checker *c, const ta_corpus *d, const ta_bead *a, bool en,
                            double *best, long *bk, int *bq, bool *weak)
{
    *weak = false;
    if (best_counterpart(c, d, a, en, MOVED_MIN_WORDS, best, bk, bq))
        return -1;
    if (*bk >= 0)
        return 0;
    *weak = true;
    return best_counterpart(c, d, a, en, MOVED_WEAK_MIN_WORDS, best, bk, bq);
}

/* A moved sentence whose counterpart the monotone alignment put into a bead with a neighbour
 * (so that no left-out sentence is there to pair it with): a left-out or added sentence is
 * paired with the bead of the sentence whose evidence with it is the best in the document, at
 * least MOVED_MIN_SHARE (pair_share), its plain evidence share MOVED_OWN_FACTOR times that
 * sentence's with its own bead, or that sentence riding along in its bead (rides_along); on one
 * word of evidence a side (rescue_candidate) the move is weak. */
int ta_moves_rescue(ta_checker *c, const ta_corpus *d)
{
    size_t nulls = 0;
    for (size_t i = 0; i < d->n_beads; i++)
        nulls += d->beads[i].en0 == d->beads[i].en1 || d->beads[i].ru0 == d->beads[i].ru1;
    if (d->n_en + d->n_ru > MOVED_SEARCH_MAX || nulls > MOVED_MAX_NULLS)
        return 0;
    if (mark_lone(c, d))
        return -1;
    for (size_t i = 0; i < d->n_beads; i++) {
        const ta_bead *a = &d->beads[i];
        bool en = lone_bead(a, true);
        if ((!en && !lone_bead(a, false)) || c->moved[i] >= 0)
            continue;
        double best, sh;
        long bk;
        int bq;
        bool weak;
        if (rescue_candidate(c, d, a, en, &best, &bk, &bq, &weak))
            return -1;
        if (bk < 0)
            continue;
        size_t e = en ? a->en0 : (size_t)bq, r = en ? (size_t)bq : a->ru0;
        double raw;
        if (own_share(c, d, &d->beads[bk], !en, bq, &sh) || plain_share(c, d, e, r, &raw))
            return -1;
        bool take = raw >= MOVED_OWN_FACTOR * sh;
        if ((!take && rides_along(c, d, &d->beads[bk], !en, (size_t)bq, &take)) ||
            (!take && raw > sh && displaced(c, d, (size_t)bk, !en, sh, &take)))
            return -1;
        if (take && c->moved[bk] < 0) /* the bead's first rescue: units_of reads it */
            c->moved[bk] = (long)i, c->moved_weak[bk] = weak;
        if (take)
            c->moved[i] = bk, c->moved_sent[i] = bq, c->moved_weak[i] = weak;
    }
    return 0;
}

/* c->moved and c->moved_sent for n beads, all -1, c->moved_weak all false. 0, or -1 out of
 * memory. */
int ta_moves_reset(ta_checker *c, size_t n)
{
    if (n > c->moved_cap) {
        long *m = realloc(c->moved, n * sizeof *m);
        if (m)
            c->moved = m;
        int *q = m ? realloc(c->moved_sent, n * sizeof *q) : NULL;
        if (q)
            c->moved_sent = q;
        bool *w = q ? realloc(c->moved_weak, n * sizeof *w) : NULL;
        if (!w)
            return -1;
        c->moved_weak = w, c->moved_cap = n;
    }
    for (size_t i = 0; i < n; i++)
        c->moved[i] = -1, c->moved_sent[i] = -1, c->moved_weak[i] = false;
    return 0;
}
