/* surface.c — checks on the surface of a bead, without word evidence: untranslated text
 * (target equal to the source, or mostly in the source's script), length outliers under the
 * aligner's Gale–Church model, punctuation (unpaired quotes and brackets, a lost ? or !, URLs
 * and e-mail addresses), and spacing (double spaces, a space before punctuation, none after a
 * comma). The per-document checks yo and inconsistency are in consistency.c. */
#include "checks.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the checker's state for these checks ---- */

ta_status ta_surface_init(ta_checker *c, ta_error *err)
{
    if (!ta_checker_on(c, ta_check_length) && !ta_checker_on(c, ta_check_omission) &&
        !ta_checker_on(c, ta_check_addition) && !ta_checker_on(c, ta_check_moved))
        return TA_OK;
    return ta_model_read(&c->len_model, true, c->o.data_dir, err);
}

void ta_surface_release(ta_checker *c)
{
    ta_buf_release(&c->sf_a);
    ta_buf_release(&c->sf_b);
}

/* ---- text helpers ---- */

/* A letter of the English script. Only ASCII: accented letters are names (Müller) or, in bulk,
 * Cyrillic read with the wrong code page ("Ðåöåíçèÿ"), which the decoder reports. */
static bool is_latin(uint32_t ch) { return ch < 0x80 && ta_is_alpha(ch); }

/* The next white-space-delimited token of s[0, n) at or after *i: [*a, *z); false at the end. */
static bool next_token(const char *s, size_t n, size_t *i, size_t *a, size_t *z)
{
    while (*i < n) {
        size_t j = *i;
        if (!ta_is_space(ta_u8_decode(s, n, &j)))
            break;
        *i = j;
    }
    if (*i >= n)
        return false;
    *a = *i;
    while (*i < n) {
        size_t j = *i;
        if (ta_is_space(ta_u8_decode(s, n, &j)))
            break;
        *i = j;
    }
    *z = *i;
    return true;
}

/* Narrows [*a, *z) to its letters and digits (leading and trailing punctuation off). */
static void token_core(const char *s, size_t *a, size_t *z)
{
    while (*a < *z) {
        size_t j = *a;
        uint32_t ch = ta_u8_decode(s, *z, &j);
        if (ta_is_alpha(ch) || ta_is_digit(ch))
            break;
        *a = j;
    }
    while (*z > *a) {
        size_t j = *z;
        uint32_t ch = ta_u8_prev(s, &j);
        if (ta_is_alpha(ch) || ta_is_digit(ch))
            break;
        *z = j;
    }
}

static bool has_sub(const char *s, size_t n, const char *sub)
{
    size_t k = strlen(sub);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(s + i, sub, k))
            return true;
    return false;
}

/* A URL (scheme:// or www.), an e-mail address, a handle (@name) or a hashtag. */
static bool is_address(const char *s, size_t n)
{
    return has_sub(s, n, "://") || (n > 4 && !strncmp(s, "www.", 4)) || memchr(s, '@', n) ||
           (n > 1 && s[0] == '#');
}

/* Does the word s[0, n) occur as a token (its letters and digits) of t, case-insensitively? */
static bool token_in(const char *t, size_t tn, const char *s, size_t n)
{
    size_t i = 0, a, z;
    while (next_token(t, tn, &i, &a, &z)) {
        token_core(t, &a, &z);
        if (z - a == n && !strncasecmp(t + a, s, n))
            return true;
    }
    return false;
}

/* Lowercase with white space collapsed and trimmed, into b (NUL-terminated). */
static int normalise(ta_buf *b, const char *s, size_t n)
{
    b->len = 0;
    size_t i = 0, a, z;
    if (ta_buf_add(b, "", 0))
        return -1;
    while (next_token(s, n, &i, &a, &z))
        if ((b->len && ta_buf_addc(b, ' ')) || ta_u8_lower(b, s + a, z - a, false))
            return -1;
    return 0;
}

/* Up to `max` bytes of s[a, z) cut at a character boundary, for messages. */
static int clip(const char *s, size_t a, size_t z, size_t max)
{
    size_t n = z - a;
    if (n <= max)
        return (int)n;
    n = max;
    while (n > 0 && ((unsigned char)s[a + n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

/* ---- untranslated ---- */

/* An equal pair is untranslated when it has this many words of two letters or more (fewer:
 * a name, a code, a dateline) */
#define EQUAL_MIN_WORDS 3
/* ... and one of them is not capitalised, or this many (a title-case headline, not a name) */
#define EQUAL_MIN_CAPITALISED 4
/* The Russian side is in the wrong script when its Latin letters (other than in addresses,
 * codes with digits and capitalised words that the English has too) are the majority of its
 * letters, and at least this many */
#define LATIN_MIN_LETTERS 15
/* ... in at least this many words */
#define LATIN_MIN_WORDS 3

/* Counts the words of s that have two letters or more, and those of them not capitalised. */
static void count_words(const char *s, size_t n, int *words, int *lower)
{
    size_t i = 0, a, z;
    *words = *lower = 0;
    while (next_token(s, n, &i, &a, &z)) {
        if (is_address(s + a, z - a))
            continue;
        token_core(s, &a, &z);
        size_t k = a, letters = 0;
        uint32_t first = a < z ? ta_u8_decode(s, z, &k) : 0;
        for (k = a; k < z;)
            letters += ta_is_alpha(ta_u8_decode(s, z, &k));
        if (letters >= 2)
            ++*words, *lower += ta_is_lower(first);
    }
}

/* Latin letters, all letters and Latin words of the Russian side, leaving out addresses, codes
 * (a digit in the word: COVID-19) and capitalised words that occur in the English too. */
static void latin_share(const char *ru, size_t rn, const char *en, size_t enn, int *latin,
                        int *letters, int *words)
{
    size_t i = 0, a, z;
    *latin = *letters = *words = 0;
    while (next_token(ru, rn, &i, &a, &z)) {
        if (is_address(ru + a, z - a))
            continue;
        token_core(ru, &a, &z);
        int lat = 0, all = 0;
        bool digit = false;
        for (size_t k = a; k < z;) {
            uint32_t ch = ta_u8_decode(ru, z, &k);
            lat += is_latin(ch), all += ta_is_alpha(ch), digit |= ta_is_digit(ch);
        }
        size_t k = a;
        bool capital = a < z && ta_is_upper(ta_u8_decode(ru, z, &k));
        if (digit || (lat && capital && token_in(en, enn, ru + a, z - a)))
            continue;
        *latin += lat, *letters += all, *words += lat > 0;
    }
}

int ta_check_untranslated(check_ctx *x)
{
    const check_bead *cb = &x->cur;
    if (cb->b->en0 == cb->b->en1 || cb->b->ru0 == cb->b->ru1)
        return 0;
    ta_checker *c = x->ck;
    if (normalise(&c->sf_a, cb->en, cb->en_len) || normalise(&c->sf_b, cb->ru, cb->ru_len))
        return -1;
    if (!strcmp(c->sf_a.data, c->sf_b.data)) {
        int words, lower;
        count_words(cb->ru, cb->ru_len, &words, &lower);
        if (words >= EQUAL_MIN_WORDS && (lower || words >= EQUAL_MIN_CAPITALISED))
            return TA_EMIT_BEAD(x, NULL, NULL, NULL, "the Russian is the English text, "
                                "untranslated: \"%.*s\"", clip(cb->ru, 0, cb->ru_len, 120),
                                cb->ru);
        return 0;
    }
    int latin, letters, words;
    latin_share(cb->ru, cb->ru_len, cb->en, cb->en_len, &latin, &letters, &words);
    if (2 * latin > letters && latin >= LATIN_MIN_LETTERS && words >= LATIN_MIN_WORDS)
        return TA_EMIT_BEAD(x, NULL, NULL, NULL, "the Russian is mostly in Latin letters (%d of "
                            "%d letters), untranslated? \"%.*s\"", latin, letters,
                            clip(cb->ru, 0, cb->ru_len, 120), cb->ru);
    return 0;
}

/* ---- length ---- */

/* A bead is a length outlier when its Gale–Church length cost (nats) is above this: 100
 * English characters with 50 Russian are (7.2), 60 with 30 are not (4.7). Professional
 * translations (sh bench/checkbench.sh): 0.36 % of the WMT21 lines, 0.88 % of wmt12-20 */
#define LENGTH_MAX_COST 6.5

int ta_check_length(check_ctx *x)
{
    const ta_bead *b = x->cur.b;
    const ta_corpus *d = x->doc;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return 0; /* omission and addition report those */
    int le = 0, lr = 0;
    for (size_t i = b->en0; i < b->en1; i++)
        le += (int)ta_u8_count(d->en[i], d->en_len[i]);
    for (size_t j = b->ru0; j < b->ru1; j++)
        lr += (int)ta_u8_count(d->ru[j], d->ru_len[j]);
    const model *md = &x->ck->len_model;
    double cost = ta_len_cost(md, le, lr);
    if (cost <= LENGTH_MAX_COST)
        return 0;
    return TA_EMIT_BEAD(x, NULL, NULL, NULL, "%d English and %d Russian characters: ratio %.2f, "
                        "expected about %.2f (%.0f Russian characters)", le, lr,
                        le ? (double)lr / le : 0.0, md->c, md->c * le);
}

/* ---- punctuation ---- */

/* Opening and closing marks of one side. */
typedef struct {
    int guil, paren, brack;      /* depth of « », ( ), [ ] */
    bool guil_bad, paren_bad, brack_bad; /* a closing mark with none open */
    bool guil_seen;
    int curly_l, curly_r, low, ascii; /* “ ” „ " */
} marks;

static bool has_quotes(const marks *m)
{
    return m->guil_seen || m->guil_bad || m->curly_l || m->curly_r || m->low || m->ascii;
}

/* Might the ')' at `at` close a list item ("1)", "а)": a number or one letter after a space)? */
static bool list_item(const char *s, size_t at)
{
    size_t i = at, n = 0;
    while (i > 0) {
        size_t j = i;
        uint32_t ch = ta_u8_prev(s, &j);
        if (ta_is_space(ch))
            break;
        if (!ta_is_digit(ch) && !(ta_is_alpha(ch) && n == 0))
            return false;
        n++, i = j;
    }
    return n > 0;
}

static void depth(int *d, bool *bad, int step)
{
    *d += step;
    if (*d < 0)
        *bad = true, *d = 0;
}

static marks count_marks(const char *s, size_t n)
{
    marks m = {0};
    for (size_t i = 0; i < n;) {
        size_t at = i;
        switch (ta_u8_decode(s, n, &i)) {
        case 0xAB: depth(&m.guil, &m.guil_bad, 1), m.guil_seen = true; break;
        case 0xBB: depth(&m.guil, &m.guil_bad, -1); break;
        case '(': depth(&m.paren, &m.paren_bad, 1); break;
        case ')': /* "1)" opening a list item when no bracket is open */
            if (m.paren || !list_item(s, at))
                depth(&m.paren, &m.paren_bad, -1);
            break;
        case '[': depth(&m.brack, &m.brack_bad, 1); break;
        case ']': depth(&m.brack, &m.brack_bad, -1); break;
        case 0x201C: m.curly_l++; break;
        case 0x201D: m.curly_r++; break;
        case 0x201E: m.low++; break;
        case '"': m.ascii++; break;
        default: break;
        }
    }
    return m;
}

/* The unpaired quote of one side ("«", "“" ...), NULL when its quotes pair. “ ” pair as English
 * quotes; „ opens Russian ones that “ or ” close; one of them used for both sides pairs too. */
static const char *unpaired_quote(const marks *m)
{
    if (m->guil_bad || m->guil)
        return m->guil_bad ? "»" : "«";
    if (m->ascii % 2)
        return "\"";
    int curly = m->curly_l + m->curly_r + m->low;
    bool one_kind = !m->curly_l || !m->curly_r || m->low;
    if (m->curly_l != m->curly_r && !(curly % 2 == 0 && one_kind))
        return m->curly_l > m->curly_r ? "“" : "”";
    return NULL;
}

static const char *unpaired_bracket(const marks *m)
{
    if (m->paren_bad || m->paren)
        return m->paren_bad ? ")" : "(";
    if (m->brack_bad || m->brack)
        return m->brack_bad ? "]" : "[";
    return NULL;
}

static int quotes_and_brackets(check_ctx *x)
{
    const check_bead *cb = &x->cur;
    marks me = count_marks(cb->en, cb->en_len), mr = count_marks(cb->ru, cb->ru_len);
    /* An unpaired quote is reported when the other side's quotes pair. Both sides unpaired: a
     * quotation that goes on in another bead; no quotes on the other side: another convention
     * (Russian dialogue with dashes, a quotation over several paragraphs) */
    const char *qe = unpaired_quote(&me), *qr = unpaired_quote(&mr);
    if (!has_quotes(&me))
        qr = NULL;
    if (!has_quotes(&mr))
        qe = NULL;
    const char *be = unpaired_bracket(&me), *br = unpaired_bracket(&mr);
    if (qe && !qr && TA_EMIT_BEAD(x, "en", NULL, NULL, "unpaired quote %s in English", qe))
        return -1;
    if (qr && !qe && TA_EMIT_BEAD(x, "ru", NULL, NULL, "unpaired quote %s in Russian", qr))
        return -1;
    if (be && !br && TA_EMIT_BEAD(x, "en", NULL, NULL, "unpaired bracket %s in English", be))
        return -1;
    if (br && !be && TA_EMIT_BEAD(x, "ru", NULL, NULL, "unpaired bracket %s in Russian", br))
        return -1;
    return 0;
}

static bool is_close_punct(uint32_t ch)
{
    return ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == 0xBB || ch == 0x201D ||
           ch == 0x201C || ch == 0x2019;
}

/* Does s end a sentence or a quoted clause with `mark` (followed by the end, white space or
 * closing quotes and brackets; not in the middle of a URL)? */
static bool ends_with_mark(const char *s, size_t n, uint32_t mark)
{
    for (size_t i = 0; i < n;) {
        if (ta_u8_decode(s, n, &i) != mark)
            continue;
        size_t j = i;
        uint32_t next = j < n ? ta_u8_decode(s, n, &j) : ' ';
        while (is_close_punct(next) && j < n)
            next = ta_u8_decode(s, n, &j);
        if (j >= n || ta_is_space(next) || next == mark || next == '!' || next == '?')
            return true;
    }
    return false;
}

static int lost_marks(check_ctx *x)
{
    const check_bead *cb = &x->cur;
    static const struct { uint32_t mark; const char *name; } M[] = {{'?', "?"}, {'!', "!"}};
    for (size_t k = 0; k < sizeof M / sizeof *M; k++)
        if (ends_with_mark(cb->en, cb->en_len, M[k].mark) && !memchr(cb->ru, M[k].mark, cb->ru_len) &&
            TA_EMIT_BEAD(x, "ru", NULL, NULL, "the English has %s, the Russian none", M[k].name))
            return -1;
    return 0;
}

/* The URLs and e-mail addresses of s, lowercased without trailing punctuation or slash, each
 * followed by '\n', into b. */
static int addresses(ta_buf *b, const char *s, size_t n)
{
    b->len = 0;
    if (ta_buf_add(b, "", 0))
        return -1;
    size_t i = 0, a, z;
    while (next_token(s, n, &i, &a, &z)) {
        while (a < z) { /* opening brackets and quotes */
            size_t j = a;
            uint32_t ch = ta_u8_decode(s, z, &j);
            if (ta_is_alpha(ch) || ta_is_digit(ch))
                break;
            a = j;
        }
        const char *at = memchr(s + a, '@', z - a);
        bool url = has_sub(s + a, z - a, "://") || (z - a > 4 && !strncasecmp(s + a, "www.", 4));
        bool mail = at && at > s + a && memchr(at, '.', (size_t)(s + z - at));
        if (!url && !mail)
            continue;
        while (z > a && s[z - 1] && strchr(".,;:!?)]>\"'/", s[z - 1]))
            z--;
        while (z > a && ((unsigned char)s[z - 1] & 0x80)) { /* » ” … after the address */
            size_t j = z;
            uint32_t ch = ta_u8_prev(s, &j);
            if (ta_is_alpha(ch))
                break;
            z = j;
        }
        if (ta_u8_lower(b, s + a, z - a, false) || ta_buf_addc(b, '\n'))
            return -1;
    }
    return 0;
}

/* Is the line `l` (ending in '\n') one of the lines of `list`? */
static bool line_in(const char *list, const char *l)
{
    size_t n = strcspn(l, "\n");
    for (const char *p = list; *p; p += strcspn(p, "\n") + 1)
        if (strcspn(p, "\n") == n && !memcmp(p, l, n))
            return true;
    return false;
}

static int address_diff(check_ctx *x)
{
    ta_checker *c = x->ck;
    if (addresses(&c->sf_a, x->cur.en, x->cur.en_len) ||
        addresses(&c->sf_b, x->cur.ru, x->cur.ru_len))
        return -1;
    const char *e = c->sf_a.data, *r = c->sf_b.data;
    const char *miss_e = NULL, *miss_r = NULL; /* first of each side not on the other */
    for (const char *p = e; *p && !miss_e; p += strcspn(p, "\n") + 1)
        if (!line_in(r, p))
            miss_e = p;
    for (const char *p = r; *p && !miss_r; p += strcspn(p, "\n") + 1)
        if (!line_in(e, p))
            miss_r = p;
    int ne = miss_e ? (int)strcspn(miss_e, "\n") : 0, nr = miss_r ? (int)strcspn(miss_r, "\n") : 0;
    if (miss_e && miss_r)
        return TA_EMIT_BEAD(x, NULL, NULL, NULL, "address differs: %.*s ≠ %.*s", ne, miss_e, nr,
                            miss_r);
    if (miss_e)
        return TA_EMIT_BEAD(x, "en", NULL, NULL, "address %.*s missing in Russian", ne, miss_e);
    if (miss_r)
        return TA_EMIT_BEAD(x, "ru", NULL, NULL, "address %.*s not in the English", nr, miss_r);
    return 0;
}

int ta_check_punctuation(check_ctx *x)
{
    const ta_bead *b = x->cur.b;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return 0;
    return quotes_and_brackets(x) || lost_marks(x) || address_diff(x) ? -1 : 0;
}

/* ---- spacing ---- */

/* What spacing finds in one side; the first place of each kind, for the message. */
typedef struct {
    int n[3];          /* double spaces, space before punctuation, comma without a space */
    size_t at[3];      /* byte offset of the first, in the sentence `sent` */
    int sent[3];
} spacing;

static const char *SPACING_WHAT[3] = {"double space", "space before punctuation",
                                      "no space after a comma"};

static void note(spacing *sp, int kind, int sent, size_t at)
{
    if (!sp->n[kind]++)
        sp->at[kind] = at, sp->sent[kind] = sent;
}

static bool is_blank(uint32_t ch) { return ch == ' ' || ch == '\t' || ch == 0xA0; }

/* Punctuation that takes no space before it; `next` is the character after it. The start of
 * an ellipsis (" ...") and a dot or colon that starts a word (".NET", " :30") are not. */
static bool no_space_before(const char *s, size_t n, size_t i, uint32_t ch)
{
    if (!(ch && ch < 0x80 && strchr(",.;:!?)", (int)ch)) && ch != 0xBB)
        return false;
    size_t j = i;
    uint32_t next = j < n ? ta_u8_decode(s, n, &j) : ' ';
    if (ch == '.' && (next == '.' || next == 0x2026))
        return false;
    if ((ch == '.' || ch == ':') && (ta_is_alpha(next) || ta_is_digit(next)))
        return false;
    if ((ch == ':' || ch == ';') && (next == ')' || next == '(' || next == '-'))
        return false; /* a smiley */
    return true;
}

/* Do the characters before2, before end a sentence (. ! ? maybe with a closing quote)? Two
 * spaces after a sentence are a typewriter convention, not a mistake. */
static bool sentence_end(uint32_t before, uint32_t before2)
{
    if (is_close_punct(before))
        before = before2;
    return before == '.' || before == '!' || before == '?';
}

static void spacing_of(const char *s, size_t n, int sent, spacing *sp)
{
    uint32_t before = '\n', before2 = 0; /* the last two characters that are not blank */
    uint32_t prev = 0, prev2 = 0; /* the two characters before ch */
    size_t run = 0, run_at = 0;   /* the blanks before ch */
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t ch = ta_u8_decode(s, n, &i);
        if (is_blank(ch)) {
            if (!run++)
                run_at = at;
        } else {
            /* blanks next to a line break: the indentation of a wrapped line */
            if (run >= 2 && ch != '\n' && before != '\n' && !sentence_end(before, before2))
                note(sp, 0, sent, run_at);
            if (run && no_space_before(s, n, i, ch))
                note(sp, 1, sent, at);
            if (!run && prev == ',' && ta_is_alpha(prev2) && ta_is_alpha(ch))
                note(sp, 2, sent, at - 1);
            run = 0, before2 = before, before = ch;
        }
        prev2 = prev, prev = ch;
    }
}

static int spacing_side(check_ctx *x, bool en)
{
    const ta_bead *b = x->cur.b;
    const ta_corpus *d = x->doc;
    spacing sp = {{0}, {0}, {0}};
    int s0 = en ? b->en0 : b->ru0, s1 = en ? b->en1 : b->ru1;
    for (int i = s0; i < s1; i++)
        spacing_of(en ? d->en[i] : d->ru[i], en ? d->en_len[i] : d->ru_len[i], i, &sp);
    for (int k = 0; k < 3; k++) {
        if (!sp.n[k])
            continue;
        const char *s = en ? d->en[sp.sent[k]] : d->ru[sp.sent[k]];
        size_t n = en ? d->en_len[sp.sent[k]] : d->ru_len[sp.sent[k]];
        size_t a = sp.at[k] > 12 ? sp.at[k] - 12 : 0;
        while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
            a--;
        size_t z = sp.at[k] + 4 < n ? sp.at[k] + 4 : n;
        while (z < n && ((unsigned char)s[z] & 0xC0) == 0x80)
            z++;
        if (TA_EMIT_BEAD(x, en ? "en" : "ru", NULL, NULL, "%s: %s (%d×): \"%s%.*s\"",
                         en ? "English" : "Russian", SPACING_WHAT[k], sp.n[k], a ? "…" : "",
                         (int)(z - a), s + a))
            return -1;
    }
    return 0;
}

int ta_check_spacing(check_ctx *x)
{
    return spacing_side(x, true) || spacing_side(x, false) ? -1 : 0;
}
