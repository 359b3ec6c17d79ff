/* candidates.c — the candidate zone of the rule table: boundaries ICU does not propose ("; ",
 * dialogue dashes after a sentence end, "2)" and "b." list items, a digit after a word ending
 * in a period, a camel-case word, a lowercase parenthesis after a sentence end, "…" before a
 * capital, sentences glued without a space). Each rule is a small function over one context
 * computed once per position; the first rule that proposes a boundary there decides. */
#include "candidates.h"
#include <string.h>

enum { MARKER_MAX_BYTES = 11,   /* "2)", "(iv)": a list marker is a short word */
       REFERENCE_SCAN = 300,    /* a ")" this close after "; " closes a list of references;
                                 * a "b." this close after "a." makes a letter list */
       FOOTNOTE_MAX_DIGITS = 2 };

/* Lowercase Roman numerals: "ii", "iv", "xii" */
static bool roman_lower(const char *s, size_t a, size_t e)
{
    if (e <= a || e - a > 5)
        return false;
    for (size_t i = a; i < e; i++)
        if (!strchr("ivx", s[i]))
            return false;
    return true;
}

/* Is the word at s[a, e) a site's name in lowercase, "rus.err.ee", "gazeta.ru": letters, digits
 * and hyphens in two labels or more, the last of two to six letters (not "e.g.", "a.m.")? */
static bool domain(const char *s, size_t a, size_t e)
{
    size_t dots = 0, label = 0;
    for (size_t i = a; i < e; i++) {
        char c = s[i];
        if (c == '.') {
            if (!label || i + 1 == e)
                return false;
            dots++, label = 0;
        } else if ((c >= 'a' && c <= 'z') || (label && ((c >= '0' && c <= '9') || c == '-')))
            label++;
        else
            return false;
    }
    return dots >= 1 && label >= 2 && label <= 6 && s[e - 1] >= 'a';
}

/* Is t[a, e) an emoticon that ends a sentence: ":)", ";-)", ":((", "=D", ":P" or a run of
 * brackets, "))" (Russian chat style)? */
static bool emoticon(const char *t, size_t a, size_t e)
{
    size_t i = a;
    if (i < e && strchr(":;=8", t[i]))
        i++;
    else if (e - a < 2)
        return false; /* a lone ")" closes a bracket */
    if (i < e && (t[i] == '-' || t[i] == '\'' || t[i] == '^'))
        i++;
    if (i == e)
        return false;
    char c = t[i];
    if (!strchr(")(DPp3", c) || (i == a && c != ')' && c != '('))
        return false;
    while (i < e && t[i] == c)
        i++;
    return i == e;
}

/* Is the period at t[i] a sentence end with no space after it: "world.Today is",
 * "1,000.That", "Tuesday.Mr. Smith"? The word before ends in a lowercase letter or a digit, the
 * word after is capitalised; neither holds '@', '/' or another dot (mail, web and file names).
 * After a capitalised word only a title follows ("Tuesday.Mr."), as "Kostroma.Today" is a
 * name. */
static bool glued_sentence(const char *t, size_t n, size_t i)
{
    size_t q = i, r = i + 1;
    uint32_t prev = ta_u8_prev(t, &q);
    if (!(ta_is_lower(prev) || ta_is_digit(prev)) || r >= n)
        return false;
    uint32_t c1 = ta_u8_decode(t, n, &r), c2 = r < n ? ta_u8_decode(t, n, &r) : 0;
    if (!ta_is_upper(c1) || !ta_is_lower(c2))
        return false;
    size_t a = ta_token_start(t, 0, i), z = i + 1;
    while (z < n && t[z] != ' ' && t[z] != '\n')
        z++;
    size_t dot = 0;
    for (size_t k = a; k < z; k++) {
        if (t[k] == '@' || t[k] == '/' || t[k] == ':')
            return false;
        if (t[k] == '.' && k != i && k + 1 < z && ta_is_alpha((unsigned char)t[k + 1]))
            return false;
        dot = t[k] == '.' && k > i ? k : dot;
    }
    q = a;
    if (ta_is_upper(ta_u8_decode(t, i, &q)))
        return dot == z - 1 && z - i <= 5; /* "Mr.", "Dr.", "Mrs." */
    return true;
}

size_t ta_menu_tail(const char *s, size_t n)
{
    size_t ls = n;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    size_t sp = n, words = 0;
    for (size_t i = n; i > ls && words < 3 && !(sp < n && s[sp - 1] == '.'); i--) {
        char c = s[i - 1];
        if (c == ' ')
            words++, sp = i - 1;
        else if (!ta_is_lower((unsigned char)c))
            return 0;
    }
    if (words < 1 || words > 2 || sp < ls + 5 || s[sp - 1] != '.' ||
        !ta_is_lower((unsigned char)s[sp - 2]) || !ta_is_lower((unsigned char)s[sp - 3]) ||
        !ta_is_lower((unsigned char)s[sp - 4]))
        return 0;
    for (size_t i = sp + 1; i < n; i++) /* a single space between the words */
        if (s[i] == ' ' && (i + 1 >= n || s[i + 1] == ' '))
            return 0;
    return sp + 1;
}


/* What the candidate rules read at position i, computed once. */
typedef struct {
    const char *t;
    size_t n, i;
    /* at a space (i > 0, i + 2 < n): */
    bool space;
    size_t q, p;    /* after the next character; before the previous one (closing quotes
                     * skipped) */
    uint32_t d;     /* the next character */
    uint32_t prev;  /* the previous one, closing quotes skipped */
    bool stop;      /* prev is a full stop: . ! ? */
    bool ended;     /* or an ellipsis: . ! ? … */
    size_t we;      /* the end of the next word, a list marker maybe ("2)") */
    /* state along the paragraph */
    int quotes, parens, last_item, letter_item;
    size_t paren_at;
    bool semicolon;
} cctx;

static size_t c_semicolon(cctx *c)
{
    const char *t = c->t;
    size_t i = c->i, n = c->n;
    if (!c->semicolon || t[i] != ';' || i + 2 >= n || t[i + 1] != ' ')
        return 0;
    for (; c->paren_at < i; c->paren_at++) /* brackets are counted up to semicolons only */
        c->parens += (t[c->paren_at] == '(') - (t[c->paren_at] == ')' && c->parens > 0);
    if (c->parens && memchr(t + i, ')', n - i < REFERENCE_SCAN ? n - i : REFERENCE_SCAN))
        return 0; /* a list of references: "(e.g. Hartsell-Gundy, 2015; Mulligan" */
    return i + 2;
}

static size_t c_fullwidth_stop(cctx *c) /* "period．Does" */
{
    const char *t = c->t;
    size_t i = c->i;
    return ((unsigned char)t[i] == 0xEF || (unsigned char)t[i] == 0xE3) && i + 3 < c->n &&
                   (!memcmp(t + i, "\xEF\xBC\x8E", 3) || !memcmp(t + i, "\xE3\x80\x82", 3))
               ? i + 3 : 0;
}

static size_t c_dialogue_dash(cctx *c) /* "... said. - Yes" */
{
    const char *t = c->t;
    if (!c->space || !(c->d == '-' || c->d == 0x2013 || c->d == 0x2014) || !c->ended || c->quotes ||
        c->q >= c->n || t[c->q] != ' ')
        return 0;
    size_t r = c->q + 1;
    uint32_t e = ta_u8_decode(t, c->n, &r);
    if (ta_is_open_punct(e) && r < c->n)
        e = ta_u8_decode(t, c->n, &r);
    return ta_is_upper(e) ? c->i + 1 : 0;
}

static size_t c_paren_item(cctx *c) /* "2)", "b)", "(c)", "iv)" items */
{
    const char *t = c->t;
    size_t i = c->i, we = c->we;
    if (!c->space || !(we > i + 1 && t[we - 1] == ')' && (we == c->n || t[we] == ' ')))
        return 0;
    bool bullet;
    size_t ms = i + 1 + (t[i + 1] == '(');
    int v = ta_list_marker(t, ms, we, &bullet);
    if (v == 0 && c->stop && roman_lower(t, ms, we - 1))
        v = -1;
    bool again = v == 1 && c->last_item > 1 && we + 1 < c->n && /* "2) Two 1) One" */
                 ta_is_upper(ta_u8_decode(t, c->n, &(size_t){we + 1}));
    if (v == 0 || !(v == c->last_item + 1 || again || c->prev == ';' || c->prev == ':' || c->stop))
        return 0;
    c->last_item = v > 0 ? v : c->last_item;
    return i + 1;
}

/* "upgraded. oOh! Media", "a phone. iPhones", "added. rus.err.ee wrote": the boundary rules
 * keep it after an abbreviation */
static size_t c_camel_or_domain(cctx *c)
{
    if (!c->space || c->prev != '.' || !ta_is_lower(c->d))
        return 0;
    size_t we = c->i + 1;
    while (we < c->n && c->t[we] != ' ')
        we++;
    return ta_camel_word(c->t, c->i + 1, we) || domain(c->t, c->i + 1, we) ? c->i + 1 : 0;
}

static size_t c_letter_item(cctx *c) /* "Smith. a. here it is b. another c. one more" */
{
    const char *t = c->t;
    size_t i = c->i, n = c->n;
    if (!c->space || !(t[i + 1] >= 'a' && t[i + 1] <= 'z' && t[i + 2] == '.' && i + 3 < n &&
                       t[i + 3] == ' '))
        return 0;
    int v = t[i + 1] - 'a' + 1;
    bool ok = v == c->letter_item + 1 && c->letter_item > 0;
    if (v == 1 && (c->ended || c->prev == ':')) /* a "b." follows */
        for (size_t k = i + 3; k + 4 <= n && k < i + REFERENCE_SCAN && !ok; k++)
            ok = !memcmp(t + k, " b. ", 4);
    if (!ok)
        return 0;
    c->letter_item = v;
    return i + 1;
}

static size_t c_lowercase_paren(cctx *c) /* "for hundreds of years. (credit: modification" */
{
    return c->space && c->prev == '.' && c->p > 0 && c->t[c->p - 1] != '.' && c->d == '(' &&
                   c->q < c->n && ta_is_lower(ta_u8_decode(c->t, c->n, &(size_t){c->q}))
               ? c->i + 1 : 0;
}

static size_t c_ellipsis_capital(cctx *c) /* "a couple of times… My team", as ICU does for
                                           * "..." */
{
    return c->space && c->prev == 0x2026 && ta_is_upper(c->d) ? c->i + 1 : 0;
}

static size_t c_emoticon(cctx *c) /* "... тоже ;) Я вспомнила" */
{
    const char *t = c->t;
    size_t i = c->i;
    return c->space && t[i - 1] && strchr(")(DPp3", t[i - 1]) && ta_is_upper(c->d) &&
                   emoticon(t, ta_token_start(t, 0, i), i)
               ? i + 1 : 0;
}

static size_t c_digit_after_word(cctx *c) /* "150 лет. 31 мая", "«Аталанта». 24" */
{
    const char *t = c->t;
    if (!c->space || c->prev != '.' || !ta_is_digit((unsigned char)t[c->i + 1]))
        return 0;
    size_t a = ta_token_start(t, 0, c->p), letters = 0, z = c->p;
    bool word = true; /* a word before the period, maybe quoted */
    while (a < z) {
        size_t r = a;
        if (!ta_is_open_punct(ta_u8_decode(t, z, &r)))
            break;
        a = r;
    }
    while (z > a) {
        size_t r = z;
        uint32_t ch = ta_u8_prev(t, &r);
        if (ch != '"' && ch != 0xBB && ch != 0x201D && ch != '\'')
            break;
        z = r;
    }
    for (size_t r = a; r < z && word;) {
        uint32_t e = ta_u8_decode(t, z, &r);
        word = ta_is_alpha(e) || (letters && e == '-');
        letters++;
    }
    return word && letters >= 2 ? c->i + 1 : 0;
}

static size_t c_glued_footnote(cctx *c) /* "care.11 12 Take" */
{
    const char *t = c->t;
    size_t i = c->i, n = c->n, at = 0;
    if (!(t[i] == '.' && i > 1 && ta_is_lower((unsigned char)t[i - 1]) &&
          ta_is_lower((unsigned char)t[i - 2]) && i + 1 < n && ta_is_digit((unsigned char)t[i + 1])))
        return 0;
    size_t d = i + 1;
    while (d < n) {
        size_t g = d;
        while (g < n && ta_is_digit((unsigned char)t[g]))
            g++;
        if (g == d || g - d > FOOTNOTE_MAX_DIGITS || g >= n || t[g] != ' ')
            break;
        d = g + 1;
        if (d < n && ta_is_upper((unsigned char)t[d]))
            at = d;
    }
    return at;
}

static size_t c_glued_sentence(cctx *c) /* "world.Today" */
{
    return c->t[c->i] == '.' && c->i > 0 && glued_sentence(c->t, c->n, c->i) ? c->i + 1 : 0;
}

/* The byte a rule starts at: only the rules for t[i]'s kind are asked there. */
enum { AT_NONE, AT_QUOTE, AT_SEMICOLON, AT_WIDE, AT_SPACE, AT_PERIOD };

static const struct {
    ta_rule_id id;
    size_t (*fn)(cctx *c);
    int at;
} rules[] = {
    {R_SEMICOLON, c_semicolon, AT_SEMICOLON},
    {R_FULLWIDTH_STOP, c_fullwidth_stop, AT_WIDE},
    {R_DIALOGUE_DASH, c_dialogue_dash, AT_SPACE},
    {R_PAREN_ITEM, c_paren_item, AT_SPACE},
    {R_CAMEL_OR_DOMAIN, c_camel_or_domain, AT_SPACE},
    {R_LETTER_ITEM, c_letter_item, AT_SPACE},
    {R_LOWERCASE_PAREN, c_lowercase_paren, AT_SPACE},
    {R_ELLIPSIS_CAPITAL, c_ellipsis_capital, AT_SPACE},
    {R_EMOTICON, c_emoticon, AT_SPACE},
    {R_DIGIT_AFTER_WORD, c_digit_after_word, AT_SPACE},
    {R_GLUED_FOOTNOTE, c_glued_footnote, AT_PERIOD},
    {R_GLUED_SENTENCE, c_glued_sentence, AT_PERIOD},
};

/* The context at a space: the characters around it and the next word. */
static void space_context(cctx *c)
{
    const char *t = c->t;
    size_t i = c->i;
    c->q = i + 1, c->p = i;
    c->d = ta_u8_decode(t, c->n, &c->q);
    c->prev = ta_u8_prev(t, &c->p);
    while (c->p > 0 && (c->prev == '"' || c->prev == 0xBB || c->prev == 0x201D))
        c->prev = ta_u8_prev(t, &c->p);
    c->stop = c->prev == '.' || c->prev == '!' || c->prev == '?';
    c->ended = c->stop || c->prev == 0x2026;
    size_t we = i + 1, lim = i + 1 + MARKER_MAX_BYTES < c->n ? i + 1 + MARKER_MAX_BYTES : c->n;
    while (we < lim && t[we] != ' ' && t[we] != ')')
        we++;
    c->we = we + (we < lim && t[we] == ')');
}

/* The cheap test first: a space between a word that ends in a letter or digit and a lowercase
 * word, not a list marker ("a.", "2)"), where none of the space rules applies. */
static bool plain_gap(const cctx *c)
{
    return (ta_is_alpha(c->prev) || ta_is_digit(c->prev)) && ta_is_lower(c->d) &&
           c->t[c->i + 2] != '.' && c->t[c->we - 1] != ')';
}

/* plain_gap() on bytes, before any decoding, for the commonest byte the loop stops at: a space
 * after an ASCII or Cyrillic letter or digit and before an ASCII or Cyrillic lowercase letter,
 * with no ")" ending the next word (a list marker). False when unsure: the full test decides. */
static bool plain_space(const char *str, size_t n, size_t i)
{
    const unsigned char *t = (const unsigned char *)str;
    if (i < 2 || i + 2 >= n || t[i + 2] == '.')
        return false;
    unsigned p = t[i - 1], a = t[i + 1], b = t[i + 2];
    bool prev = (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') ||
                (t[i - 2] == 0xD0 && p >= 0x80 && p <= 0xBF) || /* U+0400-U+043F */
                (t[i - 2] == 0xD1 && p >= 0x80 && p <= 0x9F);   /* U+0440-U+045F */
    bool lower = (a >= 'a' && a <= 'z') || (a == 0xD0 && b >= 0xB0 && b <= 0xBF) || /* а-п */
                 (a == 0xD1 && b >= 0x80 && b <= 0x9F);                            /* р-џ */
    if (!prev || !lower)
        return false;
    size_t lim = i + 1 + MARKER_MAX_BYTES < n ? i + 1 + MARKER_MAX_BYTES : n;
    const unsigned char *close = memchr(t + i + 1, ')', lim - i - 1);
    if (!close)
        return true;
    for (size_t k = i + 1; k < lim && t[k] != ' '; k++)
        if (t[k] == ')')
            return false;
    return true;
}

int ta_extra_candidates(const char *t, size_t n, bool semicolon, const ta_ruleset *rs, ta_vec *v)
{
    /* the bytes a rule starts at (or a quote is counted at); the rest (letters, mostly) are
     * skipped at once */
    static const unsigned char starts[256] = {[0xC2] = AT_QUOTE,   [';'] = AT_SEMICOLON,
                                              [0xEF] = AT_WIDE,    [0xE3] = AT_WIDE,
                                              [' '] = AT_SPACE,    ['.'] = AT_PERIOD};
    cctx c = {.t = t, .n = n, .semicolon = semicolon};
    for (size_t i = 0; i < n; i++) {
        while (i && i < n && !starts[(unsigned char)t[i]])
            i++;
        if (i == n)
            break;
        if (t[i] == ' ' && plain_space(t, n, i))
            continue;
        if (t[i] == '\xC2' && i + 1 < n && t[i + 1] == '\xAB') /* « */
            c.quotes++;
        else if (t[i] == '\xC2' && i + 1 < n && t[i + 1] == '\xBB' && c.quotes > 0)
            c.quotes--;
        c.i = i;
        c.space = t[i] == ' ' && i > 0 && i + 2 < n;
        if (c.space)
            space_context(&c);
        size_t at = 0;
        ta_rule_id by = R_ICU;
        int kind = starts[(unsigned char)t[i]];
        if (kind == AT_SPACE && (!c.space || plain_gap(&c)))
            kind = AT_NONE;
        for (size_t k = 0; k < sizeof rules / sizeof *rules && !at && kind > AT_QUOTE; k++)
            if (rules[k].at == kind && ta_rule_on(rs, rules[k].id))
                at = rules[k].fn(&c), by = rules[k].id;
        if (i == 0 && n > 2) {
            size_t we = 0;
            bool bullet;
            while (we < n && t[we] != ' ')
                we++;
            int mv = ta_list_marker(t, 0, we, &bullet);
            if (mv > 0)
                c.last_item = mv;
        }
        if (at) {
            ta_cand *slot = ta_vec_push(v);
            if (!slot)
                return -1;
            *slot = (ta_cand){at, by, false};
        }
    }
    return 0;
}
