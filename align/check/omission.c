/* omission.c — what one side has and the other lacks: left-out and added sentences (1-0 and
 * 0-1 beads), left-out clauses (a clause whose content words have no evidence on the other
 * side while the rest of the bead has), and sentences moved elsewhere (a left-out sentence
 * paired with an added one by their evidence, in ta_checker_prepare). */
#include "checks.h"
#include <string.h>

/* A clause is left out when it has at least CLAUSE_MIN_WORDS content words, at most
 * CLAUSE_MAX_SHARE of them with evidence, and the rest of the bead at least REST_MIN_WORDS
 * content words of which REST_MIN_SHARE have evidence (so that the bead is a translation).
 * Clauses are also found without their boundaries: a run of RUN_MIN content words or more,
 * nearly all without evidence, in a bead whose other words have it. */
#define CLAUSE_MIN_WORDS 3
#define CLAUSE_MAX_SHARE 0.34
#define REST_MIN_WORDS 3
#define REST_MIN_SHARE 0.5
#define RUN_MIN 4
#define RUN_HIT_WEIGHT 2.0
/* ... and when the other side is shorter than the length model expects by at least this share
 * of the clause's length (a translation that says the same in other words is not) */
#define CLAUSE_LENGTH_SHARE 0.5
/* ... or, for a clause of RUN_MIN content words or more, when the other side is short by the
 * whole clause (CLAUSE_WHOLE_SHARE of its length) and REST_SHORT_SHARE of the rest's words have
 * evidence: a lexicon that covers a free translation poorly leaves its other words without
 * evidence too */
#define CLAUSE_WHOLE_SHARE 1.0
#define REST_SHORT_SHARE 0.25
#define QUOTE_MAX 120 /* bytes of a clause quoted in a message */

ta_status ta_clauses_load(ta_checker *c, ta_error *err)
{
    static const char *const files[2] = {"clause.en", "clause.ru"};
    for (int k = 0; k < 2; k++) {
        char **lines;
        size_t n;
        ta_status s = ta_data_lines(c->o.data_dir, files[k], &lines, &n, NULL, err);
        for (size_t i = 0; s == TA_OK && i < n; i++)
            if (ta_strmap_put(&c->openers[k], lines[i], strlen(lines[i]), 1))
                s = ta_fail(err, TA_ENOMEM, "out of memory");
        ta_lines_free(lines);
        if (s != TA_OK)
            return s;
    }
    return TA_OK;
}

/* How much of t[0, n) a message quotes: at most QUOTE_MAX bytes, ending at a character. */
static int quoted(const char *t, size_t n)
{
    if (n <= QUOTE_MAX)
        return (int)n;
    size_t q = QUOTE_MAX;
    while (q > 0 && ((unsigned char)t[q] & 0xC0) == 0x80)
        q--;
    return (int)q;
}

static const char *side_name(bool en) { return en ? "English" : "Russian"; }

/* A 1-0 (en) or 0-1 (!en) bead that no move explains; one that a move on little evidence
 * explains (c->moved_weak) as a warning naming the sentence that may be its translation. */
static int null_bead(check_ctx *x, bool en)
{
    const ta_bead *b = x->cur.b;
    int have = en ? b->en1 - b->en0 : b->ru1 - b->ru0, other = en ? b->ru1 - b->ru0 : b->en1 - b->en0;
    long m = x->ck->moved[x->cur.index];
    if (!have || other || (m >= 0 && !x->ck->moved_weak[x->cur.index]))
        return 0;
    const char *t = en ? x->cur.en : x->cur.ru;
    size_t n = en ? x->cur.en_len : x->cur.ru_len;
    if (m < 0)
        return TA_EMIT_BEAD(x, NULL, NULL, NULL, "%s sentence with no %s counterpart: \"%.*s%s\"",
                            side_name(en), side_name(!en), quoted(t, n), t,
                            n > QUOTE_MAX ? "..." : "");
    const ta_bead *o = &x->doc->beads[m];
    int q = x->ck->moved_sent[x->cur.index]; /* the counterpart, when it shares its bead */
    x->severity = TA_SEV_WARNING;
    return TA_EMIT_BEAD(x, NULL, NULL, NULL,
                        "%s sentence with no %s counterpart here, unless %s sentence %zu %s is "
                        "its translation (little word evidence): \"%.*s%s\"",
                        side_name(en), side_name(!en), side_name(!en),
                        q >= 0 ? (size_t)q : en ? o->ru0 : o->en0,
                        m > (long)x->cur.index ? "further on" : "earlier", quoted(t, n), t,
                        n > QUOTE_MAX ? "..." : "");
}

/* The length of the clause boundary at byte i of s (, ; : ( ) dashes, a sentence end before
 * a space), 0 when there is none. */
static size_t boundary(const char *s, size_t n, size_t i)
{
    char ch = s[i];
    if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')')
        return 1;
    if ((ch == '.' || ch == '!' || ch == '?') && i + 1 < n && s[i + 1] == ' ')
        return 1;
    if (i + 2 < n && !memcmp(s + i, "\xe2\x80", 2) && (s[i + 2] == '\x93' || s[i + 2] == '\x94'))
        return 3; /* – — */
    return 0;
}

/* Does a clause-opening word (clause.LANG) start at byte i of s, after a space? */
static bool opener(ta_checker *c, bool en, const char *s, size_t n, size_t i)
{
    if (!i || s[i - 1] != ' ')
        return false;
    size_t z = i;
    while (z < n) {
        size_t q = z;
        if (!ta_is_alpha(ta_u8_decode(s, n, &q)))
            break;
        z = q;
    }
    c->scratch.len = 0;
    return z > i && !ta_u8_lower(&c->scratch, s + i, z - i, false) &&
           ta_strmap_get(&c->openers[!en], c->scratch.data, c->scratch.len, NULL);
}

typedef struct {
    const ta_feat *f;
    const bool *ev;
} side_ev;

/* Content words (and those with evidence) of f that start in [a, z). */
static void count_in(side_ev s, size_t a, size_t z, int *n, int *m)
{
    *n = *m = 0;
    for (int t = 0; t < s.f->ncontent; t++)
        if (s.f->start[t] >= a && s.f->start[t] < z)
            ++*n, *m += s.ev[t];
}

/* Is the other side shorter than the length model expects (Russian characters = c * English
 * ones) by at least `share` of the clause t[a, z), as a translation without it is? All lengths
 * in Russian characters. */
static bool other_short(const check_ctx *x, bool en, const char *t, size_t a, size_t z,
                        double share)
{
    double c = x->ck->len_model.c;
    double expected = c * (double)ta_u8_count(x->cur.en, x->cur.en_len);
    double lr = (double)ta_u8_count(x->cur.ru, x->cur.ru_len);
    double clause = (double)ta_u8_count(t + a, z - a) * (en ? c : 1);
    return (en ? expected - lr : lr - expected) >= share * clause;
}

/* Reports t[a, z) as a left-out clause (trimmed of spaces and end punctuation). */
static int report_clause(check_ctx *x, bool en, const char *t, size_t a, size_t z)
{
    while (a < z && t[a] == ' ')
        a++;
    while (z > a && (t[z - 1] == '.' || t[z - 1] == '!' || t[z - 1] == '?' || t[z - 1] == ' '))
        z--;
    return TA_EMIT_BEAD(x, en ? "en" : "ru", NULL, NULL, "%s clause with no %s counterpart: "
                        "\"%.*s%s\"", side_name(en), side_name(!en), quoted(t + a, z - a), t + a,
                        z - a > QUOTE_MAX ? "..." : "");
}

static bool left_out(int cn, int cm, int all, int matched, double rest_share)
{
    int rn = all - cn, rm = matched - cm;
    return cn >= CLAUSE_MIN_WORDS && cm <= CLAUSE_MAX_SHARE * cn && rn >= REST_MIN_WORDS &&
           rm >= rest_share * rn;
}

/* Is t[a, z) a left-out clause: cn content words, cm with evidence, of a bead side with all
 * and matched? */
static bool clause_left_out(const check_ctx *x, bool en, const char *t, size_t a, size_t z,
                            int cn, int cm, int all, int matched)
{
    return (left_out(cn, cm, all, matched, REST_MIN_SHARE) &&
            other_short(x, en, t, a, z, CLAUSE_LENGTH_SHARE)) ||
           (cn >= RUN_MIN && left_out(cn, cm, all, matched, REST_SHORT_SHARE) &&
            other_short(x, en, t, a, z, CLAUSE_WHOLE_SHARE));
}

/* Is there a clause boundary or a clause-opening word in t[a, z)? */
static bool clause_break(ta_checker *c, bool en, const char *t, size_t n, size_t a, size_t z)
{
    for (size_t i = a; i < z && i < n; i++)
        if (boundary(t, n, i) || opener(c, en, t, n, i))
            return true;
    return false;
}

/* The stretch of content words most without evidence (each word without counts one, each
 * with it RUN_HIT_WEIGHT against; at least RUN_MIN words, at most CLAUSE_MAX_SHARE with
 * evidence) that starts or ends where a clause does (at a boundary, a clause-opening word or
 * an end of the sentence): its first and last token (-1 none), and its words with evidence. */
static void weakest_run(ta_checker *c, bool en, const char *t, size_t len, side_ev s, int *first,
                        int *last, int *hits)
{
    double best = 0;
    int nc = s.f->ncontent;
    *first = *last = -1, *hits = 0;
    for (int a = 0; a < nc; a++) {
        bool opens = !a || clause_break(c, en, t, len, s.f->end[a - 1], s.f->start[a]);
        for (int z = a, m = 0; z < nc; z++) {
            m += s.ev[z];
            int n = z - a + 1;
            double v = (n - m) - RUN_HIT_WEIGHT * m;
            if (n < RUN_MIN || m > CLAUSE_MAX_SHARE * n || v <= best)
                continue;
            if (opens || z == nc - 1 || clause_break(c, en, t, len, s.f->end[z], s.f->start[z + 1]))
                best = v, *first = a, *last = z, *hits = m;
        }
    }
}

/* Left-out clauses of one side of the bead under test (c->fe/fr filled): each clause between
 * boundaries and clause-opening words, else the longest run of words without evidence. */
static int clauses(check_ctx *x, bool en)
{
    ta_checker *c = x->ck;
    side_ev s = {en ? &c->fe : &c->fr, (const bool *)(en ? c->em.data : c->rm.data)};
    const char *t = en ? x->cur.en : x->cur.ru;
    size_t n = en ? x->cur.en_len : x->cur.ru_len;
    int all = 0, matched = 0, found = 0;
    count_in(s, 0, n, &all, &matched);
    x->severity = TA_SEV_WARNING;
    for (size_t a = 0, i = 0; i <= n; i++) {
        size_t w = i < n ? boundary(t, n, i) : 1;
        bool open = !w && i < n && i > a && opener(c, en, t, n, i);
        if (!w && !open)
            continue;
        int cn, cm;
        count_in(s, a, i, &cn, &cm);
        if (clause_left_out(x, en, t, a, i, cn, cm, all, matched) &&
            (++found, report_clause(x, en, t, a, i)))
            return -1;
        a = i + w, i += w ? w - 1 : 0;
    }
    int first, last, hits;
    weakest_run(c, en, t, n, s, &first, &last, &hits);
    if (found || first < 0 ||
        !clause_left_out(x, en, t, s.f->start[first], s.f->end[last], last - first + 1, hits, all,
                         matched))
        return 0;
    return report_clause(x, en, t, s.f->start[first], s.f->end[last]);
}

static int omission(check_ctx *x, bool en)
{
    const ta_bead *b = x->cur.b;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return null_bead(x, en);
    if (ta_bead_evidence(x))
        return -1;
    return clauses(x, en);
}

int ta_check_omission(check_ctx *x) { return omission(x, true); }
int ta_check_addition(check_ctx *x) { return omission(x, false); }

static bool is_null(const ta_bead *b) { return b->en0 == b->en1 || b->ru0 == b->ru1; }

/* One finding per left-out or added sentence whose translation is elsewhere (bead i, paired
 * with bead j): its own side from bead i, the other side from bead j; hedged for a move on
 * little evidence (c->moved_weak). A left-out and an added sentence paired with each other are
 * reported once. */
int ta_check_moved(check_ctx *x)
{
    const ta_corpus *d = x->doc;
    const long *moved = x->ck->moved;
    for (size_t i = 0; i < d->n_beads; i++) {
        long j = moved[i];
        const ta_bead *a = &d->beads[i];
        if (j < 0 || !is_null(a))
            continue;
        const ta_bead *b = &d->beads[j];
        if (is_null(b) && moved[j] == (long)i && (size_t)j < i)
            continue; /* reported from j */
        bool en = a->en1 > a->en0;
        const ta_bead *e = en ? a : b, *r = en ? b : a;
        int q = x->ck->moved_sent[i]; /* the counterpart, when it shares its bead */
        size_t own = q >= 0 ? (size_t)q : 0;
        size_t e0 = !en && q >= 0 ? own : e->en0, e1 = !en && q >= 0 ? own + 1 : e->en1;
        size_t r0 = en && q >= 0 ? own : r->ru0, r1 = en && q >= 0 ? own + 1 : r->ru1;
        size_t before = x->out->len;
        bool weak = x->ck->moved_weak[i];
        if (ta_emit(x, i, e0, e1, r0, r1, NULL, NULL, NULL,
                    "%s sentence %zu %s translated %s, by %s sentence %zu%s",
                    en ? "English" : "Russian", en ? e0 : r0, weak ? "may be" : "is",
                    (size_t)j > i ? "further on" : "earlier", en ? "Russian" : "English",
                    en ? r0 : e0, weak ? " (little word evidence)" : ""))
            return -1;
        ((ta_finding *)x->out->data)[before].moved_bead = (size_t)j;
    }
    return 0;
}
