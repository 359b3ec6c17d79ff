/* omission.c — what one side has and the other lacks: left-out and added sentences (1-0 and
 * 0-1 beads), left-out clauses (a clause whose content words have no evidence on the other
 * side while the rest of the bead has), and sentences moved elsewhere (a left-out sentence
 * paired with an added one by their evidence, in ta_checker_prepare). */
#include "checks.h"
#include <string.h>

/* A clause is left out when it has at least CLAUSE_MIN_WORDS content words, at most
 * CLAUSE_MAX_SHARE of them with evidence, and the rest of the bead at least REST_MIN_WORDS
 * content words of which REST_MIN_SHARE have evidence (so that the bead is a translation). */
#define CLAUSE_MIN_WORDS 3
#define CLAUSE_MAX_SHARE 0.2
#define REST_MIN_WORDS 3
#define REST_MIN_SHARE 0.5
#define QUOTE_MAX 120 /* bytes of a clause quoted in a message */

static const char *side_name(bool en) { return en ? "English" : "Russian"; }

/* A 1-0 (en) or 0-1 (!en) bead that no move explains. */
static int null_bead(check_ctx *x, bool en)
{
    const ta_bead *b = x->cur.b;
    int have = en ? b->en1 - b->en0 : b->ru1 - b->ru0, other = en ? b->ru1 - b->ru0 : b->en1 - b->en0;
    if (!have || other || x->ck->moved[x->cur.index] >= 0)
        return 0;
    const char *t = en ? x->cur.en : x->cur.ru;
    size_t n = en ? x->cur.en_len : x->cur.ru_len;
    return TA_EMIT_BEAD(x, NULL, NULL, NULL, "%s sentence with no %s counterpart: \"%.*s%s\"",
                        side_name(en), side_name(!en), (int)(n > QUOTE_MAX ? QUOTE_MAX : n), t,
                        n > QUOTE_MAX ? "..." : "");
}

/* Is byte i of s a clause boundary (, ; : ( ) dashes, or a sentence end before a space)? */
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

typedef struct {
    const ta_feat *f;
    const ta_vec *ev;
} side_ev;

/* Content words (and those with evidence) of f that start in [a, z). */
static void count_in(side_ev s, size_t a, size_t z, int *n, int *m)
{
    *n = *m = 0;
    for (int t = 0; t < s.f->ncontent; t++)
        if (s.f->start[t] >= a && s.f->start[t] < z)
            ++*n, *m += ((const bool *)s.ev->data)[t];
}

/* Left-out clauses of one side of the bead under test (c->fe/fr filled). */
static int clauses(check_ctx *x, bool en)
{
    ta_checker *c = x->ck;
    side_ev s = {en ? &c->fe : &c->fr, en ? &c->em : &c->rm};
    const char *t = en ? x->cur.en : x->cur.ru;
    size_t n = en ? x->cur.en_len : x->cur.ru_len;
    int all = 0, matched = 0;
    count_in(s, 0, n, &all, &matched);
    x->severity = TA_SEV_WARNING;
    for (size_t a = 0, i = 0; i <= n; i++) {
        size_t w = i < n ? boundary(t, n, i) : 1;
        if (!w)
            continue;
        int cn, cm;
        count_in(s, a, i, &cn, &cm);
        int rn = all - cn, rm = matched - cm;
        if (cn >= CLAUSE_MIN_WORDS && cm <= CLAUSE_MAX_SHARE * cn && rn >= REST_MIN_WORDS &&
            rm >= REST_MIN_SHARE * rn) {
            size_t z = i;
            while (a < z && t[a] == ' ')
                a++;
            while (z > a && (t[z - 1] == '.' || t[z - 1] == '!' || t[z - 1] == '?'))
                z--;
            size_t len = z - a > QUOTE_MAX ? QUOTE_MAX : z - a;
            if (TA_EMIT_BEAD(x, en ? "en" : "ru", NULL, NULL, "%s clause with no %s counterpart: "
                             "\"%.*s%s\"", side_name(en), side_name(!en), (int)len, t + a,
                             z - a > QUOTE_MAX ? "..." : ""))
                return -1;
        }
        a = i + w, i += w - 1;
    }
    return 0;
}

static int omission(check_ctx *x, bool en)
{
    const ta_bead *b = x->cur.b;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return null_bead(x, en);
    if (ta_check_evidence(x->ck, x->cur.en, x->cur.en_len, x->cur.ru, x->cur.ru_len))
        return -1;
    return clauses(x, en);
}

int ta_check_omission(check_ctx *x) { return omission(x, true); }
int ta_check_addition(check_ctx *x) { return omission(x, false); }

/* One finding per left-out English sentence whose translation is elsewhere; an added Russian
 * sentence paired with no left-out English sentence of its own (the second half of a
 * merged move) gets one too. */
int ta_check_moved(check_ctx *x)
{
    const ta_corpus *d = x->doc;
    const long *moved = x->ck->moved;
    for (size_t i = 0; i < d->n_beads; i++) {
        long j = moved[i];
        const ta_bead *a = &d->beads[i];
        bool en = a->en1 > a->en0;
        if (j < 0 || (!en && moved[j] == (long)i))
            continue;
        const ta_bead *b = &d->beads[j], *e = en ? a : b, *r = en ? b : a;
        size_t before = x->out->len;
        if (ta_emit(x, i, e->en0, e->en1, r->ru0, r->ru1, NULL, NULL, NULL,
                    "%s sentence %d is translated %s, by %s sentence %d", en ? "English" : "Russian",
                    en ? e->en0 : r->ru0, (size_t)j > i ? "further on" : "earlier",
                    en ? "Russian" : "English", en ? r->ru0 : e->en0))
            return -1;
        ((ta_finding *)x->out->data)[before].moved_bead = j;
    }
    return 0;
}
