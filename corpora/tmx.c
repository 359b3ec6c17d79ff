/* tmx.c — TMX 1.4b writer: header with the seven required attributes (creationdate when the
 * corpus has one), one <tu> per non-null bead at or above min_score with tuid (the bead's
 * number), creationdate, an x-score prop and, on each <tuv>, the document's name as an
 * x-source prop. A unit of several sentences is marked segtype="block" (sentence-based tools
 * match no such unit). Two rules cut beads into the units SRX-based tools (OmegaT, Okapi)
 * match, tuid "BEAD.PIECE" (ta_tmx_pieces; the corpus writer, stream.c, cuts the same):
 * - a TASS-style dateline "MOSCOW, September 2. /TASS/." is two units ("MOSCOW, September 2."
 *   and "/TASS/.") when both sides of a 1-1 bead hold such an agency tag, as the default SRX
 *   rules break after a period and a space;
 * - with tmx_sentences, an n-1 bead's target sentence is cut at clause boundaries into n
 *   pieces when each piece's length fits its source sentence's (the rule and what it does on
 *   WMT21: README, "TMX conventions"). */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#include "annot.h"
#include "tmx.h"
#include <math.h>
#include <string.h>
#include <time.h>

enum {
    MAX_PIECES = TA_TMX_MAX_PIECES, /* the most pieces a bead is cut into (max_bead <= 3) */
    MAX_CUTS = 32,    /* clause boundaries considered in one sentence */
    MAX_TAG = 32,     /* bytes of an agency tag between its slashes ("TASS", "ТАСС") */
    DATE_LEN = 17     /* "YYYYMMDDThhmmssZ" and its NUL */
};
/* A piece's length (in characters) may differ by at most this factor from its source
 * sentence's length times the document's target/source length ratio. */
#define CUT_RATIO 1.5

/* One side of a unit: sentences [a, b) joined, or (p != NULL) the n bytes at p. */
typedef struct {
    size_t a, b;
    const char *p;
    size_t n;
} side;

static void put_str(FILE *f, const char *s)
{
    ta_put_xml(f, s, strlen(s));
}

static void put_date(FILE *f, const char *attr, long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[DATE_LEN];
    if (t > 0 && gmtime_r(&tt, &tm) && strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm))
        fprintf(f, " %s=\"%s\"", attr, buf);
}

static void header(FILE *f, const char *src, long long created)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n", f);
    fprintf(f, "  <header creationtool=\"talign\" creationtoolversion=\"%s\" segtype=\"sentence\""
               " o-tmf=\"talign\" adminlang=\"en\" srclang=\"", TA_VERSION);
    put_str(f, src);
    fputs("\" datatype=\"plaintext\"", f);
    put_date(f, "creationdate", created);
    fputs("/>\n  <body>\n", f);
}

void ta_tmx_header(FILE *f, const char *src, long long created)
{
    header(f, src, created);
}

void ta_tmx_footer(FILE *f)
{
    fputs("  </body>\n</tmx>\n", f);
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* s[a..z) without surrounding blanks */
static side trimmed(const char *s, size_t a, size_t z)
{
    while (a < z && is_blank(s[a]))
        a++;
    while (z > a && is_blank(s[z - 1]))
        z--;
    return (side){0, 0, s + a, z - a};
}

/* Cuts a sentence around its agency tag ("... September 2. /TASS/. Text"), where a period and
 * a blank are: before the tag when a period and a blank precede it, after it when it ends
 * with a period and text follows. Fills out[] with the pieces (none empty) and returns how
 * many: 1 when there is no cut. */
static size_t tag_pieces(const char *s, size_t n, side out[MAX_PIECES])
{
    size_t t0 = 0, t1 = 0, cut[2], nc = 0;
    for (size_t i = 0; i + 2 < n && !t1; i++) {
        if (s[i] != '/' || (i && !is_blank(s[i - 1])))
            continue;
        size_t j = i + 1;
        while (j < n && j - i <= MAX_TAG && s[j] != '/' && !is_blank(s[j]))
            j++;
        if (j < n && s[j] == '/' && j > i + 1 && j - i <= MAX_TAG) {
            t0 = i, t1 = j + 1;
            if (t1 < n && s[t1] == '.')
                t1++;
        }
    }
    if (!t1)
        return 1;
    size_t b = t0;
    while (b > 0 && is_blank(s[b - 1]))
        b--;
    if (b > 0 && b < t0 && s[b - 1] == '.')
        cut[nc++] = t0;
    if (s[t1 - 1] == '.' && t1 < n && is_blank(s[t1]) && trimmed(s, t1, n).n)
        cut[nc++] = t1;
    size_t a = 0;
    for (size_t k = 0; k < nc; a = cut[k++])
        out[k] = trimmed(s, a, cut[k]);
    out[nc] = trimmed(s, a, n);
    return nc + 1;
}

/* Does a capital letter start s[i..n)? */
static bool capital_at(const char *s, size_t n, size_t i)
{
    return i < n && ta_is_upper(ta_u8_decode(s, n, &i));
}

/* Where a clause may end in s: just past ", " (not before a capital: a list of names), "; ",
 * ": " or " - " (any dash). */
static size_t clause_cuts(const char *s, size_t n, size_t cut[MAX_CUTS])
{
    static const char *const dashes[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};
    size_t nc = 0;
    for (size_t i = 1; i + 1 < n && nc < MAX_CUTS; i++) {
        bool at = false;
        if ((s[i - 1] == ';' || s[i - 1] == ':' || (s[i - 1] == ',' && !capital_at(s, n, i + 1))) &&
            s[i] == ' ')
            at = true;
        for (size_t d = 0; d < 3 && !at && is_blank(s[i - 1]); d++) {
            size_t dl = strlen(dashes[d]);
            if (i + dl < n && !memcmp(s + i, dashes[d], dl) && s[i + dl] == ' ')
                at = true, i += dl;
        }
        if (at)
            cut[nc++] = i;
    }
    return nc;
}

/* How far piece s[a..z) is from the length expected for a source sentence of `src` chars:
 * |ln(length / expected)|. */
static double misfit(const char *s, size_t a, size_t z, size_t src, double ratio)
{
    side p = trimmed(s, a, z);
    size_t n = ta_u8_count(p.p, p.n);
    return n && src ? fabs(log((double)n / (ratio * (double)src))) : INFINITY;
}

/* The best cut of a target sentence so far: its worst piece's misfit and the pieces. */
typedef struct {
    double worst;
    side piece[MAX_PIECES];
} best_cut;

/* Tries the pieces t[b[k]..b[k+1]) for k < parts against the source lengths `src`. */
static void try_cut(const char *t, const size_t *b, const size_t *src, int parts, double ratio,
                    best_cut *best)
{
    double worst = 0;
    for (int k = 0; k < parts; k++)
        worst = fmax(worst, misfit(t, b[k], b[k + 1], src[k], ratio));
    if (worst <= best->worst) {
        best->worst = worst;
        for (int k = 0; k < parts; k++)
            best->piece[k] = trimmed(t, b[k], b[k + 1]);
    }
}

/* Cuts the target sentence t[0..n) into `parts` (2 or 3) pieces matching the lengths `src` of
 * the source sentences (chars); true and out[] filled when every piece of the best cut fits
 * within CUT_RATIO. */
static bool cut_target(const char *t, size_t n, const size_t *src, int parts, double ratio,
                       side out[MAX_PIECES])
{
    size_t cut[MAX_CUTS];
    size_t nc = clause_cuts(t, n, cut);
    const double none = log(CUT_RATIO) * 2;
    best_cut best = {none, {{0}}};
    for (size_t x = 0; x < nc; x++) {
        if (parts == 2)
            try_cut(t, (size_t[]){0, cut[x], n}, src, parts, ratio, &best);
        else
            for (size_t y = x + 1; y < nc; y++)
                try_cut(t, (size_t[]){0, cut[x], cut[y], n}, src, parts, ratio, &best);
    }
    if (best.worst > log(CUT_RATIO))
        return false;
    memcpy(out, best.piece, (size_t)parts * sizeof *out);
    return true;
}

/* Target characters per source character over the whole document (1 when a side is empty). */
static double length_ratio(const ta_corpus *c)
{
    size_t e = 0, r = 0;
    for (size_t i = 0; i < c->n_en; i++)
        e += ta_u8_count(c->en[i], c->en_len[i]);
    for (size_t j = 0; j < c->n_ru; j++)
        r += ta_u8_count(c->ru[j], c->ru_len[j]);
    return e && r ? (double)r / (double)e : 1;
}

void ta_tmx_tu_open(FILE *f, const char *doc, size_t n, int piece, long long created, bool block)
{
    fputs("    <tu tuid=\"", f);
    if (doc) {
        put_str(f, doc);
        fputc(':', f);
    }
    fprintf(f, "%zu", n);
    if (piece)
        fprintf(f, ".%d", piece);
    fputc('"', f);
    put_date(f, "creationdate", created);
    fputs(block ? " segtype=\"block\">\n" : ">\n", f);
}

void ta_tmx_tuv_open(FILE *f, const char *lang, const char *doc)
{
    fputs("      <tuv xml:lang=\"", f);
    put_str(f, lang);
    fputs("\">", f);
    if (doc) {
        fputs("<prop type=\"x-source\">", f);
        put_str(f, doc);
        fputs("</prop>", f);
    }
    fputs("<seg>", f);
}

void ta_tmx_tuv_close(FILE *f)
{
    fputs("</seg></tuv>\n", f);
}

static void put_side(FILE *f, const ta_corpus *c, bool ru, const side *s)
{
    ta_tmx_tuv_open(f, ru ? (c->tgt_lang ? c->tgt_lang : "ru") : (c->src_lang ? c->src_lang : "en"),
                    ru ? c->tgt_doc : c->src_doc);
    if (s->p)
        ta_put_xml(f, s->p, s->n);
    else if (ru)
        ta_put_join(f, c->ru, c->ru_len, s->a, s->b, ta_put_xml);
    else
        ta_put_join(f, c->en, c->en_len, s->a, s->b, ta_put_xml);
    ta_tmx_tuv_close(f);
}

/* One unit of bead k; piece 0 = the whole bead, else its number among the bead's pieces. */
static void put_unit(FILE *f, const ta_corpus *c, size_t k, int piece, const side *en,
                     const side *ru)
{
    bool block = !piece && (en->b - en->a > 1 || ru->b - ru->a > 1);
    ta_tmx_tu_open(f, NULL, k + 1, piece, c->created, block);
    fprintf(f, "      <prop type=\"x-score\">%.3f</prop>\n", c->beads[k].score);
    ta_annot_tmx(f, c, k);
    put_side(f, c, false, en);
    put_side(f, c, true, ru);
    fputs("    </tu>\n", f);
}

/* Bead k cut into pieces by the rules at the top: how many (2 or 3) into en[] and ru[], 0
 * when it stays whole. *ratio is length_ratio(c), computed here when negative. */
static size_t pieces(const ta_corpus *c, size_t k, double *ratio, side en[MAX_PIECES],
                     side ru[MAX_PIECES])
{
    const ta_bead *b = &c->beads[k];
    size_t de = b->en1 - b->en0, dr = b->ru1 - b->ru0;
    if (de == 1 && dr == 1) {
        size_t n = tag_pieces(c->en[b->en0], c->en_len[b->en0], en);
        return n > 1 && tag_pieces(c->ru[b->ru0], c->ru_len[b->ru0], ru) == n ? n : 0;
    }
    if (!c->tmx_sentences || dr != 1 || de < 2 || de > MAX_PIECES)
        return 0;
    size_t src[MAX_PIECES];
    for (size_t i = 0; i < de; i++) {
        size_t s = b->en0 + i;
        src[i] = ta_u8_count(c->en[s], c->en_len[s]);
        en[i] = (side){0, 0, c->en[s], c->en_len[s]};
    }
    if (*ratio < 0)
        *ratio = length_ratio(c);
    return cut_target(c->ru[b->ru0], c->ru_len[b->ru0], src, (int)de, *ratio, ru) ? de : 0;
}

size_t ta_tmx_pieces(const ta_corpus *c, size_t k, ta_tmx_piece out[TA_TMX_MAX_PIECES])
{
    side en[MAX_PIECES], ru[MAX_PIECES];
    double ratio = -1;
    size_t n = k < c->n_beads ? pieces(c, k, &ratio, en, ru) : 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (ta_tmx_piece){en[i].p, ru[i].p, en[i].n, ru[i].n};
    return n;
}

void ta_write_tmx(FILE *f, const ta_corpus *c)
{
    double ratio = -1;
    header(f, c->src_lang ? c->src_lang : "en", c->created);
    for (size_t k = 0; k < c->n_beads; k++) {
        const ta_bead *b = &c->beads[k];
        if (ta_annot_skip(c, k))
            continue;
        side en[MAX_PIECES], ru[MAX_PIECES];
        size_t n = pieces(c, k, &ratio, en, ru);
        for (size_t i = 0; i < n; i++)
            put_unit(f, c, k, (int)i + 1, &en[i], &ru[i]);
        if (n)
            continue;
        en[0] = (side){b->en0, b->en1, NULL, 0}, ru[0] = (side){b->ru0, b->ru1, NULL, 0};
        put_unit(f, c, k, 0, &en[0], &ru[0]);
    }
    ta_tmx_footer(f);
}
