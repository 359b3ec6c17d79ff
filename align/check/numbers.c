/* numbers.c — reads the numbers of an English or a Russian sentence (each in its own locale)
 * and compares two lists of them, for the translation QA `number` check (see numbers.h).
 *
 * The text is cut into tokens (letter runs, digit runs, single other characters, each knowing
 * the white space before it). A digit run starts a number: its thousands groups and decimals are
 * read by the side's rules, then what sits against it or after it (a multiplier, %, a currency,
 * a month, a.m./p.m., an ordinal or decade ending) and before it (a currency, a sign, a month).
 * Digits inside a name or code (COVID-19, G7, a URL) give a TA_NUM_CODE. A run of number words
 * ("двадцати пяти", "twenty-five", "two million") gives a spelt-out number.
 *
 * Number words: ICU's spell-out rules are formatted once for 0-20, the tens and the hundreds in
 * every public rule set of the language (Russian: every gender and case, cardinal and ordinal),
 * which gives an exact full-form table. ICU's lenient parsing (unum_parseDouble) was tried first:
 * it reads the inflected forms (трёх, двадцати пяти, сорока, третьем) but not полтора, тысяча or
 * миллион, accepts prefixes ("secondary" = 2 up to "second", "Nancy" = NaN) and costs 1-3.5 ms a
 * word, too slow for every word of a document. */
#include "check/numbers.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

enum { EN, RU, LANGS };

/* What a word or phrase of the tables means. */
typedef enum {
    W_NUM, W_MULT, W_PERCENT, W_MONEY, W_MINUS, W_AM, W_PM, W_ORD, W_CARD, W_DECADE, W_UNIT,
    W_ARTICLE, W_AND, W_OF, W_MONTH, W_HOUR, W_MINUTE, W_COMPOUND, W_RANGE
} wtag;
#define BIT(t) (1u << (t))

typedef struct {
    double val;    /* W_NUM, W_MULT: the value; W_MONTH: the month; W_MONEY: the currency */
    int next;      /* the next entry of the same phrase, -1 at the end */
    wtag tag;
    bool ordinal;  /* W_NUM: an ordinal form (третьем, fifth) */
} went;

typedef struct {
    ta_strmap map; /* phrase -> index of its first entry */
    ta_vec ent;    /* went */
} table;

#define MAX_CURRENCIES 32
#define CODE_LEN 8
#define PHRASE_TOKENS 6     /* the most tokens of a phrase ("процентных пунктов", "p.m.") */
#define MAX_DIGITS 15       /* digits read into a double exactly */
#define GROUP_DIGITS 3      /* thousands groups */
#define MAX_DAY 31
#define MAX_HOUR 24
#define HALF_DAY 12
#define MINUTES 60
#define HOUR_SCALE 100      /* TIME value = hour * 100 + minute */
#define MONTH_SCALE 100     /* DATE value = month * 100 + day */
#define CENTURY 100
#define FIRST_DECADE_YEAR 1000
#define PREFIX_CURRENCY_LEN 4 /* "$", "usd", "us$", "€": a currency written before the number */
#define REL_EPS 1e-9
#define NONE ((size_t)-1)

struct ta_numparser {
    table t[LANGS];
    char cur[MAX_CURRENCIES][CODE_LEN];
    int ncur;
    ta_buf key;
    ta_vec tok;
};

/* ---- tokens ------------------------------------------------------------ */

typedef enum { K_WORD, K_DIG, K_PUNCT } tkind;
typedef struct {
    size_t s, e;
    uint32_t c;     /* K_PUNCT: the character */
    uint32_t sp;    /* white space before: 0 none, else its first character */
    bool msp;       /* more than one white-space character before */
    tkind k;
    bool upper;     /* K_WORD: starts with a capital */
} tok;

static bool group_space(uint32_t c) { return c == ' ' || c == 0xA0 || c == 0x2009 || c == 0x202F; }

static int tokenize(ta_vec *v, const char *s, size_t n)
{
    v->len = 0;
    v->esz = sizeof(tok);
    uint32_t sp = ' ';
    bool msp = false;
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        if (ta_is_space(c) || c == 0x2060) {
            msp = sp != 0;
            sp = sp ? sp : c;
            continue;
        }
        tok *t = ta_vec_push(v);
        if (!t)
            return -1;
        t->s = a;
        t->sp = sp;
        t->msp = msp;
        sp = 0;
        msp = false;
        if (ta_is_digit(c) || ta_is_alpha(c)) {
            bool dig = ta_is_digit(c);
            t->k = dig ? K_DIG : K_WORD;
            t->upper = ta_is_upper(c);
            for (size_t j = i; j < n; i = j) {
                uint32_t d = ta_u8_decode(s, n, &j);
                if (dig ? !ta_is_digit(d) : !(ta_is_alpha(d) || d == 0x301)) /* U+0301 stress */
                    break;
            }
        } else {
            t->k = K_PUNCT;
            t->c = c;
        }
        t->e = i;
    }
    return 0;
}

/* ---- tables -------------------------------------------------------------- */

static int lower_key(ta_buf *b, const char *s, size_t n)
{
    b->len = 0;
    return ta_buf_add(b, "", 0) || ta_u8_lower(b, s, n, true);
}

/* Adds a meaning to the phrase k (already lowercase); keeps one W_NUM meaning a phrase. */
static int add(table *t, const char *k, size_t n, wtag tag, double val, bool ordinal)
{
    int head = -1;
    if (ta_strmap_get(&t->map, k, n, &head))
        for (int i = head; i >= 0; i = ((went *)t->ent.data)[i].next)
            if (((went *)t->ent.data)[i].tag == tag && (tag == W_NUM || ((went *)t->ent.data)[i].val == val))
                return 0;
    went *e = ta_vec_push(&t->ent);
    if (!e)
        return -1;
    *e = (went){val, head, tag, ordinal};
    return ta_strmap_put(&t->map, k, n, (int)(t->ent.len - 1));
}

/* Adds phrase (any case; runs of white space become one space). */
static int add_phrase(ta_numparser *p, table *t, const char *ph, size_t n, wtag tag, double val)
{
    char *tmp = malloc(n + 1);
    size_t len = 0;
    if (!tmp)
        return -1;
    for (size_t i = 0; i < n; i++) {
        bool space = ph[i] == ' ' || ph[i] == '\t';
        if (!space)
            tmp[len++] = ph[i];
        else if (len && tmp[len - 1] != ' ')
            tmp[len++] = ' ';
    }
    while (len && tmp[len - 1] == ' ')
        len--;
    int rc = len && (lower_key(&p->key, tmp, len) || add(t, p->key.data, p->key.len, tag, val, false));
    free(tmp);
    return rc;
}

/* The number words of ICU's spell-out rules for `locale`. */
static ta_status icu_words(ta_numparser *p, table *t, const char *locale, ta_error *err)
{
    static const int values[] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,   10,  11,  12,  13,  14,
                                 15, 16, 17, 18, 19, 20, 30, 40, 50, 60,  70,  80,  90,  100, 200,
                                 300, 400, 500, 600, 700, 800, 900};
    enum { RULESETS = 8192, OUT = 256 };
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
    UChar *rs = malloc(RULESETS * sizeof *rs);
    if (!rs || U_FAILURE(st)) {
        free(rs);
        unum_close(f);
        return rs ? ta_fail(err, TA_EINVAL, "ICU has no spell-out rules for %s: %s", locale, u_errorName(st))
                  : ta_fail(err, TA_ENOMEM, "out of memory");
    }
    int32_t n = unum_getTextAttribute(f, UNUM_PUBLIC_RULESETS, rs, RULESETS - 1, &st);
    rs[U_SUCCESS(st) ? n : 0] = 0;
    ta_status ret = TA_OK;
    for (UChar *r = rs; *r && ret == TA_OK;) {
        UChar *semi = u_strchr(r, ';');
        if (semi)
            *semi = 0;
        char name[OUT];
        UErrorCode e = U_ZERO_ERROR;
        u_strToUTF8(name, OUT, NULL, r, -1, &e);
        bool ordinal = strstr(name, "ordinal") != NULL;
        unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, r, -1, &e);
        for (size_t k = 0; k < sizeof values / sizeof *values && U_SUCCESS(e) && ret == TA_OK; k++) {
            UChar out[OUT];
            char word[OUT * 3];
            int32_t len = unum_formatDouble(f, values[k], out, OUT, NULL, &e), wl = 0;
            u_strToUTF8(word, sizeof word, &wl, out, len, &e);
            if (U_FAILURE(e) || strpbrk(word, " -\xC2"))
                continue; /* several words (twenty-five): read word by word */
            if (lower_key(&p->key, word, (size_t)wl) ||
                add(t, p->key.data, p->key.len, W_NUM, values[k], ordinal))
                ret = ta_fail(err, TA_ENOMEM, "out of memory");
        }
        r = semi ? semi + 1 : r + u_strlen(r);
    }
    free(rs);
    unum_close(f);
    return ret;
}

/* numbers.* ("5 five", "*1000 thousand k") and months.* ("5 may") */
static ta_status load_values(ta_numparser *p, table *t, const char *dir, const char *name, bool month,
                             ta_error *err)
{
    char **lines;
    size_t n;
    int *lineno;
    ta_status st = ta_data_lines(dir, name, &lines, &n, &lineno, err);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        char *l = lines[i], *end;
        bool mult = !month && *l == '*';
        double v = strtod(l + mult, &end);
        if (end == l + mult || v < 0) {
            st = ta_fail(err, TA_EFORMAT, "%s, line %d: a line starts with a number", name, lineno[i]);
            break;
        }
        for (char *sv, *w = strtok_r(end, " \t", &sv); w && st == TA_OK; w = strtok_r(NULL, " \t", &sv))
            if (add_phrase(p, t, w, strlen(w), month ? W_MONTH : mult ? W_MULT : W_NUM, v))
                st = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_lines_free(lines);
    free(lineno);
    return st;
}

static int currency(ta_numparser *p, const char *code, size_t n)
{
    for (int i = 0; i < p->ncur; i++)
        if (strlen(p->cur[i]) == n && !memcmp(p->cur[i], code, n))
            return i + 1;
    if (p->ncur == MAX_CURRENCIES || n >= CODE_LEN || !n)
        return -1;
    memcpy(p->cur[p->ncur], code, n);
    p->cur[p->ncur][n] = 0;
    return ++p->ncur;
}

/* numcheck.*: "TAG [ARG]: phrase | phrase" */
static ta_status load_check_words(ta_numparser *p, table *t, const char *dir, const char *name,
                                  ta_error *err)
{
    static const struct {
        const char *name;
        wtag tag;
    } tags[] = {{"percent", W_PERCENT}, {"money", W_MONEY},   {"value", W_NUM},   {"multiplier", W_MULT},
                {"minus", W_MINUS},     {"am", W_AM},         {"pm", W_PM},       {"ordinal", W_ORD},
                {"cardinal", W_CARD},   {"decade", W_DECADE}, {"unit", W_UNIT},   {"article", W_ARTICLE},
                {"and", W_AND},         {"of", W_OF},         {"hour", W_HOUR},   {"minute", W_MINUTE},
                {"compound", W_COMPOUND}, {"range", W_RANGE}};
    char **lines;
    size_t n;
    int *lineno;
    ta_status st = ta_data_lines(dir, name, &lines, &n, &lineno, err);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        char *l = lines[i], *colon = strchr(l, ':');
        size_t tl = strcspn(l, " :"), k = 0;
        while (k < sizeof tags / sizeof *tags && (strlen(tags[k].name) != tl || strncmp(l, tags[k].name, tl)))
            k++;
        char *arg = l + tl + strspn(l + tl, " ");
        double val = 0;
        if (colon && k < sizeof tags / sizeof *tags && tags[k].tag == W_MONEY)
            val = currency(p, arg, strcspn(arg, " :"));
        else if (colon && arg < colon)
            val = strtod(arg, NULL);
        if (!colon || k == sizeof tags / sizeof *tags || val < 0) {
            st = ta_fail(err, TA_EFORMAT, "%s, line %d: expected 'TAG [ARG]: phrase | phrase'", name, lineno[i]);
            break;
        }
        for (char *ph = colon + 1; st == TA_OK && *ph;) {
            size_t pl = strcspn(ph, "|");
            if (add_phrase(p, t, ph, pl, tags[k].tag, val))
                st = ta_fail(err, TA_ENOMEM, "out of memory");
            ph += pl + (ph[pl] == '|');
        }
    }
    ta_lines_free(lines);
    free(lineno);
    return st;
}

ta_status ta_numparser_new(const char *data_dir, ta_numparser **out, ta_error *err)
{
    static const char *const locale[LANGS] = {"en", "ru"}, *const suffix[LANGS] = {"en", "ru"};
    *out = NULL;
    ta_numparser *p = calloc(1, sizeof *p);
    if (!p)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    ta_status st = TA_OK;
    for (int L = 0; L < LANGS && st == TA_OK; L++) {
        char name[32];
        p->t[L].ent.esz = sizeof(went);
        st = icu_words(p, &p->t[L], locale[L], err);
        snprintf(name, sizeof name, "numbers.%s", suffix[L]);
        if (st == TA_OK)
            st = load_values(p, &p->t[L], data_dir, name, false, err);
        snprintf(name, sizeof name, "months.%s", suffix[L]);
        if (st == TA_OK)
            st = load_values(p, &p->t[L], data_dir, name, true, err);
        snprintf(name, sizeof name, "numcheck.%s", suffix[L]);
        if (st == TA_OK)
            st = load_check_words(p, &p->t[L], data_dir, name, err);
    }
    if (st != TA_OK)
        ta_numparser_free(p);
    else
        *out = p;
    return st;
}

void ta_numparser_free(ta_numparser *p)
{
    if (!p)
        return;
    for (int L = 0; L < LANGS; L++) {
        ta_strmap_release(&p->t[L].map);
        ta_vec_release(&p->t[L].ent);
    }
    ta_buf_release(&p->key);
    ta_vec_release(&p->tok);
    free(p);
}

/* ---- reading numbers ------------------------------------------------------ */

typedef struct {
    ta_numparser *p;
    int L;
    const char *s;
    const tok *t;
    size_t nt;
    ta_vec *out;
    bool nomem;
} walk;

static bool punct(const walk *w, size_t i, uint32_t c)
{
    return i < w->nt && w->t[i].k == K_PUNCT && w->t[i].c == c;
}
static bool attached(const walk *w, size_t i, tkind k) /* token i of kind k, no space before */
{
    return i < w->nt && w->t[i].k == k && !w->t[i].sp;
}
static size_t toklen(const walk *w, size_t i) { return w->t[i].e - w->t[i].s; }

/* The longest phrase of the tables at token i with a tag in mask (an entry, or NULL); *after
 * receives the token after it and *klen the length of its key. */
static const went *phrase(walk *w, size_t i, unsigned mask, size_t *after, size_t *klen)
{
    const table *tb = &w->p->t[w->L];
    ta_buf *b = &w->p->key;
    const went *best = NULL;
    b->len = 0;
    for (size_t k = i; k < w->nt && k < i + PHRASE_TOKENS; k++) {
        if (k > i && (w->t[k].k == K_DIG || (w->t[k].sp && w->t[k - 1].k != K_WORD && w->t[k - 1].c != '.')))
            break;
        if ((k > i && w->t[k].sp && ta_buf_addc(b, ' ')) ||
            ta_u8_lower(b, w->s + w->t[k].s, w->t[k].e - w->t[k].s, true)) {
            w->nomem = true;
            return NULL;
        }
        int idx;
        if (!ta_strmap_get(&tb->map, b->data, b->len, &idx))
            continue;
        for (; idx >= 0; idx = ((const went *)tb->ent.data)[idx].next) {
            const went *e = (const went *)tb->ent.data + idx;
            if (mask & BIT(e->tag)) {
                best = e;
                *after = k + 1;
                if (klen)
                    *klen = b->len;
                break;
            }
        }
    }
    return best;
}

static void add_alt(ta_number *x, double v)
{
    if (x->nalt < TA_NUM_ALTS && v != x->value)
        x->alt[x->nalt++] = v;
}

static int push(walk *w, const ta_number *x)
{
    ta_number *slot = ta_vec_push(w->out);
    if (!slot)
        return w->nomem = true, -1;
    *slot = *x;
    return 0;
}

static bool is_int(double v) { return v == floor(v); }

/* The digits of token i as a number (the first MAX_DIGITS of them). */
static double digits(const walk *w, size_t i, size_t *nd)
{
    double v = 0;
    size_t k = 0;
    for (size_t j = w->t[i].s; j < w->t[i].e && k < MAX_DIGITS; j++, k++)
        v = v * 10 + (w->s[j] - '0');
    if (nd)
        *nd = w->t[i].e - w->t[i].s;
    return v;
}

static double fraction(const walk *w, size_t i)
{
    double v = 0, scale = 1;
    for (size_t j = w->t[i].s, k = 0; j < w->t[i].e && k < MAX_DIGITS; j++, k++)
        v = v * 10 + (w->s[j] - '0'), scale *= 10;
    return v / scale;
}

/* Characters that make a chunk of text without spaces a code or an address (a URL, 24/7). */
static bool code_char(uint32_t c) { return c == '/' || c == '@' || c == '#' || c == '_' || c == '=' || c == '\\'; }

/* The chunk of tokens around token i joined without white space: [*a, *z). */
static void chunk(const walk *w, size_t i, size_t *a, size_t *z)
{
    size_t lo = i, hi = i + 1;
    while (lo > 0 && !w->t[lo].sp && w->t[lo - 1].k != K_PUNCT)
        lo--;
    while (lo > 1 && !w->t[lo].sp && w->t[lo - 1].k == K_PUNCT && !w->t[lo - 1].sp && w->t[lo - 2].k != K_PUNCT &&
           (code_char(w->t[lo - 1].c) || w->t[lo - 1].c == '-' || w->t[lo - 1].c == '.'))
        for (lo -= 2; lo > 0 && !w->t[lo].sp && w->t[lo - 1].k != K_PUNCT;)
            lo--;
    for (;;) {
        if (hi < w->nt && !w->t[hi].sp && w->t[hi].k != K_PUNCT)
            hi++;
        else if (hi + 1 < w->nt && !w->t[hi].sp && !w->t[hi + 1].sp && w->t[hi + 1].k != K_PUNCT &&
                 (code_char(w->t[hi].c) || w->t[hi].c == '-' || w->t[hi].c == '.' || w->t[hi].c == ':'))
            hi += 2;
        else
            break;
    }
    *a = lo, *z = hi;
}

/* Digits within a name or a code: a letter against them (G7, COVID-19, Су-57) or a URL. */
static bool in_code(const walk *w, size_t i)
{
    if (i > 0 && !w->t[i].sp && w->t[i - 1].k == K_WORD)
        return true;
    if (i > 1 && !w->t[i].sp && punct(w, i - 1, '-') && !w->t[i - 1].sp && w->t[i - 2].k == K_WORD)
        return true;
    size_t a, z;
    chunk(w, i, &a, &z);
    for (size_t k = a; k < z; k++)
        if (w->t[k].k == K_PUNCT && code_char(w->t[k].c))
            return true;
    return false;
}

/* A code around token i: one TA_NUM_CODE for the chunk, its value its digits. */
static size_t code(walk *w, size_t i)
{
    size_t a, z;
    chunk(w, i, &a, &z);
    if (a > i)
        a = i;
    ta_number x = {.kind = TA_NUM_CODE, .start = w->t[a].s, .end = w->t[z - 1].e};
    size_t nd = 0;
    for (size_t k = a; k < z; k++)
        for (size_t j = w->t[k].s; w->t[k].k == K_DIG && j < w->t[k].e; j++)
            if (nd++ < MAX_DIGITS)
                x.value = x.value * 10 + (w->s[j] - '0');
    /* a trailing period or hyphen is the sentence's, not the code's */
    while (x.end > x.start && (w->s[x.end - 1] == '.' || w->s[x.end - 1] == '-'))
        x.end--;
    push(w, &x);
    return z;
}

/* A month word at token i (English: capitalised), its number or 0. */
static int month_at(walk *w, size_t i, size_t *after)
{
    if (i >= w->nt || w->t[i].k != K_WORD || (w->L == EN && !w->t[i].upper))
        return 0;
    const went *e = phrase(w, i, BIT(W_MONTH), after, NULL);
    return e ? (int)e->val : 0;
}

static bool day_like(const ta_number *x)
{
    return (x->kind == TA_NUM_PLAIN || x->kind == TA_NUM_ORDINAL) && is_int(x->value) && x->value >= 1 &&
           x->value <= MAX_DAY;
}

static void make_date(ta_number *x, int month)
{
    double day = x->value;
    x->kind = TA_NUM_DATE;
    x->value = month * MONTH_SCALE + day;
    x->nalt = 0;
    add_alt(x, day);
}

static void make_time(ta_number *x, double hour, double minute, bool pm, bool am)
{
    if (pm && hour < HALF_DAY)
        hour += HALF_DAY;
    if (am && hour == HALF_DAY)
        hour = 0;
    x->kind = TA_NUM_TIME;
    x->value = hour * HOUR_SCALE + minute;
    x->nalt = 0;
    if (minute == 0)
        add_alt(x, hour);
    if (hour > HALF_DAY) /* 7:30 pm = 7:30 in a 12-hour text */
        add_alt(x, (hour - HALF_DAY) * HOUR_SCALE + minute);
    if (minute == 0 && hour > HALF_DAY)
        add_alt(x, hour - HALF_DAY);
}

/* What follows a number from token j on (multiplier, %, currency, a.m./p.m., month); returns the
 * token after what it took and moves x->end. */
static size_t after_number(walk *w, size_t j, ta_number *x, bool multiplied)
{
    size_t after, klen;
    const went *e;
    if (!multiplied && j < w->nt && (e = phrase(w, j, BIT(W_MULT), &after, &klen)) &&
        (klen > 1 || !w->t[j].sp)) {
        x->value *= e->val;
        for (int k = 0; k < x->nalt && x->kind == TA_NUM_PLAIN; k++)
            x->alt[k] *= e->val;
        x->end = w->t[after - 1].e;
        j = after;
    }
    if (j < w->nt && (e = phrase(w, j, BIT(W_PERCENT) | BIT(W_MONEY), &after, NULL)) &&
        x->kind != TA_NUM_DATE) {
        x->kind = e->tag == W_PERCENT ? TA_NUM_PERCENT : TA_NUM_MONEY;
        if (e->tag == W_MONEY && !x->currency)
            x->currency = (int)e->val;
        x->end = w->t[after - 1].e;
        j = after;
    }
    bool clock = x->kind == TA_NUM_TIME && x->value < (HALF_DAY + 1) * HOUR_SCALE;
    if (x->kind == TA_NUM_PLAIN && !is_int(x->value) && x->value < HALF_DAY + 1 && is_int(round(x->value * HOUR_SCALE)) &&
        fabs(x->value * HOUR_SCALE - round(x->value * HOUR_SCALE)) < REL_EPS && phrase(w, j, BIT(W_AM) | BIT(W_PM), &after, NULL)) {
        x->value = round(x->value * HOUR_SCALE); /* 10.30pm */
        x->kind = TA_NUM_TIME;
        clock = true;
    }
    if (j < w->nt && ((x->kind == TA_NUM_PLAIN && is_int(x->value) && x->value <= HALF_DAY) || clock) &&
        (e = phrase(w, j, BIT(W_AM) | BIT(W_PM), &after, NULL))) {
        double h = clock ? floor(x->value / HOUR_SCALE) : x->value, m = clock ? fmod(x->value, HOUR_SCALE) : 0;
        make_time(x, h, m, e->tag == W_PM, e->tag == W_AM);
        x->end = w->t[after - 1].e;
        j = after;
    }
    size_t k;
    if (x->kind == TA_NUM_PLAIN && !x->spelled && is_int(x->value) && x->value <= MAX_HOUR &&
        phrase(w, j, BIT(W_HOUR), &k, NULL) && k < w->nt && w->t[k].k == K_DIG && toklen(w, k) <= 2 &&
        phrase(w, k + 1, BIT(W_MINUTE), &after, NULL)) { /* 17 часов 47 минут */
        double m = digits(w, k, NULL);
        if (m < MINUTES) {
            make_time(x, x->value, m, false, false);
            x->end = w->t[after - 1].e;
            j = after;
        }
    }
    if (day_like(x)) {
        size_t k = j;
        if (k < w->nt && w->t[k].k == K_WORD && phrase(w, k, BIT(W_OF), &after, NULL))
            k = after;
        int m = month_at(w, k, &after);
        if (m) {
            make_date(x, m);
            x->end = w->t[after - 1].e;
            j = after;
        }
    }
    return j;
}

/* A currency, sign or month before the number at token i. */
static void before_number(walk *w, size_t i, ta_number *x)
{
    size_t after, klen, first = i; /* the first token of the number with its currency */
    for (size_t back = 1; back <= 3 && back <= i && x->kind == TA_NUM_PLAIN; back++) {
        size_t k = i - back;
        const went *e = phrase(w, k, BIT(W_MONEY), &after, &klen);
        if (e && after == i && klen <= PREFIX_CURRENCY_LEN &&
            (k == 0 || w->t[k].sp || w->t[k - 1].k == K_PUNCT)) {
            x->kind = TA_NUM_MONEY;
            x->currency = (int)e->val;
            x->start = w->t[k].s;
            first = k;
        }
    }
    size_t f = first;
    bool sign_ok = f == 1 || (f > 1 && (w->t[f - 1].sp || (w->t[f - 2].k == K_PUNCT && w->t[f - 2].c != '.' &&
                                                            w->t[f - 2].c != ',')));
    if (f > 0 && !w->t[f].sp && (punct(w, f - 1, '-') || punct(w, f - 1, 0x2212)) && sign_ok) {
        x->start = w->t[f - 1].s;
        x->value = -x->value;
    } else if (f > 0 && w->t[f].sp && w->t[f - 1].k == K_WORD && phrase(w, f - 1, BIT(W_MINUS), &after, NULL) &&
               after == f) {
        x->start = w->t[f - 1].s;
        x->value = -x->value;
    }
    if (x->value < 0)
        add_alt(x, -x->value);
    int m;
    if (i > 0 && w->t[i].sp && day_like(x) && (m = month_at(w, i - 1, &after)) && after == i) {
        make_date(x, m);
        x->start = w->t[i - 1].s;
    }
}

/* dd.mm.yyyy at token i: a date and its year; the token after it, or 0. */
static size_t numeric_date(walk *w, size_t i)
{
    size_t nd, nm, ny;
    if (!(punct(w, i + 1, '.') && attached(w, i + 2, K_DIG) && punct(w, i + 3, '.') && attached(w, i + 4, K_DIG)) ||
        w->t[i + 1].sp || w->t[i + 3].sp)
        return 0;
    double d = digits(w, i, &nd), m = digits(w, i + 2, &nm), y = digits(w, i + 4, &ny);
    if (nd > 2 || nm != 2 || (ny != 2 && ny != 4) || d < 1 || d > MAX_DAY || m < 1 || m > HALF_DAY)
        return 0;
    ta_number x = {.value = d, .start = w->t[i].s, .end = w->t[i + 2].e};
    make_date(&x, (int)m);
    ta_number year = {.value = y, .start = w->t[i + 4].s, .end = w->t[i + 4].e};
    push(w, &x);
    push(w, &year);
    return i + 5;
}

/* The value of the digits at token i by the side's rules; the token after them. */
static size_t read_value(walk *w, size_t i, ta_number *x)
{
    size_t nd, j = i + 1;
    double v = digits(w, i, &nd);
    bool en = w->L == EN;
    if (nd <= 2 && punct(w, j, ':') && !w->t[j].sp && attached(w, j + 1, K_DIG) && toklen(w, j + 1) == 2) {
        double h = v, m = digits(w, j + 1, NULL);
        if (h <= MAX_HOUR && m < MINUTES) {
            make_time(x, h, m, false, false);
            return j + 2;
        }
    }
    if (nd <= GROUP_DIGITS)
        for (;;) {
            bool comma = en && punct(w, j, ',') && !w->t[j].sp && attached(w, j + 1, K_DIG) &&
                         toklen(w, j + 1) == GROUP_DIGITS;
            if (en && punct(w, j, ',') && !w->t[j].sp && attached(w, j + 1, K_DIG) && toklen(w, j + 1) == 2 &&
                punct(w, j + 2, ',') && !w->t[j + 2].sp && attached(w, j + 3, K_DIG) &&
                toklen(w, j + 3) >= 2 && toklen(w, j + 3) <= GROUP_DIGITS) { /* 2,06,737 (lakh) */
                v = v * CENTURY + digits(w, j + 1, NULL);
                j += 2;
                continue;
            }
            bool space = j < w->nt && w->t[j].k == K_DIG && group_space(w->t[j].sp) && !w->t[j].msp &&
                         toklen(w, j) == GROUP_DIGITS;
            if (!comma && !space)
                break;
            j += comma;
            v = v * 1000 + digits(w, j, NULL);
            j++;
        }
    if ((punct(w, j, '.') || (!en && punct(w, j, ','))) && !w->t[j].sp && attached(w, j + 1, K_DIG)) {
        double f = fraction(w, j + 1), whole = v;
        size_t fl = toklen(w, j + 1);
        v += f;
        if (!en && punct(w, j, '.') && fl == 2 && whole <= MAX_HOUR && f * CENTURY < MINUTES)
            add_alt(x, whole * HOUR_SCALE + f * CENTURY); /* в 15.00 */
        if (!en && fl == GROUP_DIGITS && nd <= GROUP_DIGITS && whole == digits(w, i, NULL))
            add_alt(x, whole * 1000 + f * 1000); /* 600,000 or 12.500 in a Russian text */
        j += 2;
    }
    x->value = v;
    return j;
}

/* Endings against the digits or after a hyphen (3rd, 1980s, 5km, 3-й, 1980-х, 5-ти); the token
 * after them, or (size_t)-1 when unknown letters stand against the digits (5G: a code). */
static size_t endings(walk *w, size_t j, ta_number *x, bool *multiplied)
{
    size_t after;
    const went *e;
    unsigned against = BIT(W_MULT) | BIT(W_DECADE) | BIT(W_AM) | BIT(W_PM) | BIT(W_UNIT) | BIT(W_PERCENT) |
                       BIT(W_MONEY) | (w->L == EN ? BIT(W_ORD) : 0);
    bool word = attached(w, j, K_WORD);
    if (word || (j < w->nt && !w->t[j].sp && (punct(w, j, '\'') || punct(w, j, 0x2019)))) {
        size_t klen;
        if (!(e = phrase(w, j, against, &after, &klen)))
            return word ? (size_t)-1 : j;
        if (e->tag == W_MULT) {
            double bare = x->value;
            x->value *= e->val, *multiplied = true;
            if (klen == 1) /* 137m: million, or metres */
                add_alt(x, bare);
        }
        else if (e->tag == W_DECADE)
            x->kind = TA_NUM_DECADE;
        else if (e->tag == W_ORD)
            x->kind = TA_NUM_ORDINAL;
        else if (e->tag == W_PERCENT)
            x->kind = TA_NUM_PERCENT;
        else if (e->tag == W_MONEY)
            x->kind = TA_NUM_MONEY, x->currency = (int)e->val;
        else if (e->tag == W_AM || e->tag == W_PM)
            make_time(x, x->value, 0, e->tag == W_PM, e->tag == W_AM);
        x->end = w->t[after - 1].e;
        j = after;
    } else if (punct(w, j, '-') && !w->t[j].sp && attached(w, j + 1, K_WORD) &&
               (e = phrase(w, j + 1, BIT(W_ORD) | BIT(W_CARD) | BIT(W_DECADE), &after, NULL)) && after == j + 2) {
        bool round = is_int(x->value) && x->value >= 10 && fmod(x->value, 10) == 0;
        const went *d = phrase(w, j + 1, BIT(W_DECADE), &after, NULL);
        if (d && round)
            x->kind = TA_NUM_DECADE;
        else if (e->tag == W_ORD)
            x->kind = TA_NUM_ORDINAL;
        x->end = w->t[j + 1].e;
        j += 2;
    }
    if (x->kind == TA_NUM_DECADE && x->value >= FIRST_DECADE_YEAR)
        add_alt(x, fmod(x->value, CENTURY));
    return j;
}

/* Digits joined by slashes only (2017/18, 24/7, 9/11): each a code. The token after them, or 0. */
static size_t slashed(walk *w, size_t i)
{
    size_t a = i, z = i + 1, slashes = 0;
    while (punct(w, z, '/') && !w->t[z].sp && attached(w, z + 1, K_DIG))
        z += 2, slashes++;
    if (!slashes || (z < w->nt && !w->t[z].sp && w->t[z].k != K_PUNCT))
        return 0;
    for (size_t k = a; k < z; k++)
        if (w->t[k].k == K_DIG) {
            ta_number x = {.kind = TA_NUM_CODE, .value = digits(w, k, NULL), .start = w->t[k].s, .end = w->t[k].e};
            push(w, &x);
        }
    return z;
}

static bool dash(uint32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

/* 600-700 тысяч, 5-7 million: the multiplier of the range's end applies to its start too. */
static void shared_multiplier(walk *w, size_t i, double bare, const ta_number *x)
{
    while (i > 0 && w->t[i].s > x->start) /* the first token of the number ($, £) */
        i--;
    size_t after;
    if (!bare || x->value == bare || !w->out->len || i < 2 ||
        !((w->t[i - 1].k == K_PUNCT && dash(w->t[i - 1].c)) ||
          (w->t[i - 1].k == K_WORD && phrase(w, i - 1, BIT(W_RANGE), &after, NULL) && after == i)))
        return;
    ta_number *prev = (ta_number *)w->out->data + w->out->len - 1;
    if (prev->end == w->t[i - 2].e && !prev->spelled && prev->kind != TA_NUM_CODE)
        add_alt(prev, prev->value * (x->value / bare));
}

static size_t digit_number(walk *w, size_t i)
{
    size_t sl = slashed(w, i);
    if (sl)
        return sl;
    if (in_code(w, i))
        return code(w, i);
    size_t j = numeric_date(w, i);
    if (j)
        return j;
    ta_number x = {.start = w->t[i].s};
    j = read_value(w, i, &x);
    if (punct(w, j, '.') && !w->t[j].sp && attached(w, j + 1, K_DIG)) /* 1.2.3: a version, an address */
        return code(w, i);
    x.end = w->t[j - 1].e;
    bool multiplied = false;
    if (x.kind != TA_NUM_TIME)
        j = endings(w, j, &x, &multiplied);
    if (j == (size_t)-1)
        return code(w, i);
    before_number(w, i, &x);
    double bare = x.value;
    j = after_number(w, j, &x, multiplied);
    shared_multiplier(w, i, bare, &x);
    push(w, &x);
    return j;
}

/* Can v follow cur in a spelt-out number (twenty five, сто двадцать)? */
static bool follows(double cur, double v)
{
    if (cur <= 0 || !is_int(cur) || !is_int(v) || v >= cur)
        return false;
    if (v < 10)
        return fmod(cur, 10) == 0 && fmod(cur, CENTURY) != 10;
    if (v < CENTURY)
        return fmod(cur, CENTURY) == 0;
    return fmod(cur, 1000) == 0;
}

/* The next word of a spelt-out number after token k: one space or a hyphen; NONE if none. */
static size_t next_word(const walk *w, size_t k)
{
    if (punct(w, k, '-') && !w->t[k].sp && attached(w, k + 1, K_WORD))
        return k + 1;
    if (k < w->nt && w->t[k].k == K_WORD && w->t[k].sp && !w->t[k].msp)
        return k;
    return NONE;
}

/* The value of k[0, n) read as number words (двадцати, четырёх) then the start of a compound's
 * second part (летний): > 0, or 0 when it is not such a word. */
static double compound_value(const table *tb, const char *k, size_t n, double cur)
{
    const went *ent = tb->ent.data;
    int idx;
    for (size_t q = 2; cur > 0 && q <= n; q++)
        if ((q == n || (k[q] & 0xC0) != 0x80) && ta_strmap_get(&tb->map, k, q, &idx))
            for (; idx >= 0; idx = ent[idx].next)
                if (ent[idx].tag == W_COMPOUND)
                    return cur;
    for (size_t p = 2; p + 2 < n; p++) {
        if ((k[p] & 0xC0) == 0x80 || !ta_strmap_get(&tb->map, k, p, &idx))
            continue;
        for (; idx >= 0; idx = ent[idx].next)
            if (ent[idx].tag == W_NUM && ent[idx].val > 0 && (cur == 0 || follows(cur, ent[idx].val))) {
                double v = compound_value(tb, k + p, n - p, cur + ent[idx].val);
                if (v > 0)
                    return v;
            }
    }
    return 0;
}

/* A word made with a number (четырёхлетний, двадцатичетырёхлетний, сорокалетие): spelt-out. */
static size_t compound(walk *w, size_t i)
{
    ta_buf *b = &w->p->key;
    if (lower_key(b, w->s + w->t[i].s, toklen(w, i)))
        return w->nomem = true, i + 1;
    double v = compound_value(&w->p->t[w->L], b->data, b->len, 0);
    if (v > 0) {
        ta_number x = {.value = v, .spelled = true, .start = w->t[i].s, .end = w->t[i].e};
        push(w, &x);
    }
    return i + 1;
}

/* A Roman numeral of two letters or more from I, V, X (XVI век, World War II): spelt-out. */
static size_t roman(walk *w, size_t i)
{
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX"};
    const char *s = w->s + w->t[i].s;
    size_t n = toklen(w, i);
    if (n < 2 || strspn(s, "IVX") < n) /* most words: not made of these letters alone */
        return i + 1;
    for (int v = 1; v < 40; v++) {
        char form[16];
        int len = snprintf(form, sizeof form, "%s%s", tens[v / 10], units[v % 10]);
        if ((size_t)len == n && !memcmp(form, s, n)) {
            ta_number x = {.value = v, .spelled = true, .start = w->t[i].s, .end = w->t[i].e};
            push(w, &x);
            break;
        }
    }
    return i + 1;
}

static size_t spelled_number(walk *w, size_t i)
{
    double total = 0, cur = 0;
    bool have = false, ordinal = false;
    size_t last = i, after;
    for (size_t j = i; j != NONE;) {
        size_t klen = 0;
        const went *e = phrase(w, j, BIT(W_NUM) | BIT(W_MULT) | BIT(W_ARTICLE) | BIT(W_AND), &after, &klen);
        if (!e || after != j + 1)
            break;
        if (e->tag == W_ARTICLE || e->tag == W_AND) {
            size_t k = next_word(w, j + 1);
            const went *m = k != NONE ? phrase(w, k, BIT(W_MULT) | BIT(W_NUM), &after, NULL) : NULL;
            if (!m || (e->tag == W_ARTICLE ? have || m->tag != W_MULT : !have || total + cur < CENTURY || m->tag != W_NUM))
                break;
            if (e->tag == W_ARTICLE)
                cur = 1, have = true;
            j = k;
            continue;
        }
        if (e->tag == W_NUM) {
            if (have && cur > 0 && !follows(cur, e->val))
                break;
            if (have && cur == 0 && total > 0 && e->val >= 1000)
                break;
            cur += e->val;
        } else if (!have) { /* a multiplier alone (a thousand, тысячи людей, millions): itself */
            if (klen < 2)
                break;
            cur = e->val;
        } else {
            if (e->val < 1000)
                cur = (cur > 0 ? cur : 1) * e->val;
            else
                total += (cur > 0 ? cur : 1) * e->val, cur = 0;
        }
        have = true;
        ordinal = e->tag == W_NUM && e->ordinal;
        last = j + 1;
        j = next_word(w, j + 1);
    }
    if (last == i) {
        size_t had = w->out->len;
        if (w->L == RU)
            compound(w, i);
        if (w->out->len == had)
            roman(w, i);
        return i + 1;
    }
    ta_number x = {.value = total + cur, .spelled = true, .start = w->t[i].s, .end = w->t[last - 1].e,
                   .kind = ordinal ? TA_NUM_ORDINAL : TA_NUM_PLAIN};
    before_number(w, i, &x);
    size_t j = after_number(w, last, &x, false);
    push(w, &x);
    return j;
}

int ta_numbers_extract(ta_numparser *p, char lang, const char *s, size_t n, ta_vec *out)
{
    if (!out->esz)
        out->esz = sizeof(ta_number);
    if (tokenize(&p->tok, s, n))
        return -1;
    walk w = {p, lang == 'r' ? RU : EN, s, p->tok.data, p->tok.len, out, false};
    for (size_t i = 0; i < w.nt && !w.nomem;) {
        if (w.t[i].k == K_DIG)
            i = digit_number(&w, i);
        else if (w.t[i].k == K_WORD && (i == 0 || w.t[i].sp || w.t[i - 1].k == K_PUNCT))
            i = spelled_number(&w, i);
        else
            i++;
    }
    return w.nomem ? -1 : 0;
}

/* ---- comparing ------------------------------------------------------------ */

static bool near(double a, double b) { return fabs(a - b) <= REL_EPS * fmax(1, fmax(fabs(a), fabs(b))); }

/* Pass 0: the same value (dates with dates, times with times); pass 1: also the value of one
 * with an alternative reading of the other. */
static bool same(const ta_number *a, const ta_number *b, int pass)
{
    if (a->kind == TA_NUM_MONEY && b->kind == TA_NUM_MONEY && a->currency && b->currency &&
        a->currency != b->currency)
        return false;
    if (a->kind == TA_NUM_CODE || b->kind == TA_NUM_CODE) /* 0200GMT = 02:00GMT */
        return near(a->value, b->value);
    bool a_enc = a->kind == TA_NUM_DATE || a->kind == TA_NUM_TIME;
    bool b_enc = b->kind == TA_NUM_DATE || b->kind == TA_NUM_TIME;
    if (pass == 0)
        return near(a->value, b->value) && (a_enc || b_enc ? a->kind == b->kind : true);
    if (near(a->value, b->value) && (a_enc || b_enc ? a->kind == b->kind : true))
        return true;
    /* never alternative with alternative (May 31 ≠ 31 июня); an alternative of a plain number may
     * be a clock time (в 10.30), one of a time its 12-hour form (7:30 pm = 7:30) */
    for (int k = 0; k < a->nalt; k++)
        if ((!b_enc || a->kind == b->kind || (b->kind == TA_NUM_TIME && !a_enc)) && near(a->alt[k], b->value))
            return true;
    for (int l = 0; l < b->nalt; l++)
        if ((!a_enc || a->kind == b->kind || (a->kind == TA_NUM_TIME && !b_enc)) && near(b->alt[l], a->value))
            return true;
    return false;
}

static bool strict(const ta_number *x) { return !x->spelled && x->kind != TA_NUM_CODE; }

static int say(ta_buf *msg, int *items, const char *fmt_a, const char *a, size_t an, const char *sep,
               const char *b, size_t bn)
{
    if (!msg)
        return (*items)++, 0;
    if ((*items)++ && ta_buf_add(msg, "; ", 2))
        return -1;
    if (ta_buf_add(msg, fmt_a, strlen(fmt_a)) || ta_buf_add(msg, a, an))
        return -1;
    if (sep && (ta_buf_add(msg, sep, strlen(sep)) || ta_buf_add(msg, b, bn)))
        return -1;
    return 0;
}

int ta_numbers_diff(const char *en, const ta_number *e, size_t ne, const char *ru, const ta_number *r,
                    size_t nr, ta_buf *msg, int *changed)
{
    if (changed)
        *changed = 0;
    enum { FREE, MATCHED, PAIRED };
    unsigned char *ue = calloc(ne + 1, 1), *ur = calloc(nr + 1, 1);
    int items = 0, rc = 0;
    if (!ue || !ur) {
        free(ue), free(ur);
        return -1;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < ne; i++)
            for (size_t j = 0; j < nr && !ue[i]; j++)
                if (!ur[j] && same(e + i, r + j, pass))
                    ue[i] = ur[j] = MATCHED;
    /* a number repeated on its side once its counterpart is found (in 2018, by its 2018 results) */
    for (size_t i = 0; i < ne; i++)
        for (size_t k = 0; k < ne && !ue[i]; k++)
            if (ue[k] == MATCHED && same(e + i, e + k, 0))
                ue[i] = MATCHED;
    for (size_t i = 0; i < nr; i++)
        for (size_t k = 0; k < nr && !ur[i]; k++)
            if (ur[k] == MATCHED && same(r + i, r + k, 0))
                ur[i] = MATCHED;
    /* pairs of left-over numbers, in text order: strict with strict and code with code, then a
     * strict number with a spelt-out one */
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < ne && !rc; i++)
            for (size_t k = 0; k < nr && !ue[i]; k++) {
                bool ecode = e[i].kind == TA_NUM_CODE, rcode = r[k].kind == TA_NUM_CODE;
                bool fit = round == 0 ? (strict(e + i) && strict(r + k)) || (ecode && rcode)
                                      : !ecode && !rcode && (strict(e + i) || strict(r + k));
                if (ur[k] || !fit)
                    continue;
                ue[i] = ur[k] = PAIRED;
                if (changed)
                    ++*changed;
                rc = say(msg, &items, "", en + e[i].start, e[i].end - e[i].start, " \u2260 ",
                         ru + r[k].start, r[k].end - r[k].start);
            }
    for (size_t i = 0; i < ne && !rc; i++)
        if (!ue[i] && strict(e + i))
            rc = say(msg, &items, "missing in Russian: ", en + e[i].start, e[i].end - e[i].start, NULL, NULL, 0);
    for (size_t k = 0; k < nr && !rc; k++)
        if (!ur[k] && strict(r + k))
            rc = say(msg, &items, "missing in English: ", ru + r[k].start, r[k].end - r[k].start, NULL, NULL, 0);
    free(ue), free(ur);
    return rc ? -1 : items;
}
