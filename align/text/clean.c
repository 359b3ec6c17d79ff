/* clean.c — ta_text_clean: text copied out of web pages, PDFs and CAT tools made plain before
 * segmentation (markup and entities, escaped line breaks, dot leaders and rules, words broken
 * one letter a line, page numbers, TeX quotes). */
#include "internal.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* HTML elements that end a paragraph; every other tag is inline and simply removed. */
static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table",
    "td", "th", "title", "tr", "ul"};

/* Named entities beyond the five of XML: the ones news pages use. */
static const struct {
    const char *name;
    uint32_t cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026},
    {"copy", 0xA9},    {"reg", 0xAE},     {"deg", 0xB0},     {"euro", 0x20AC},
    {"shy", 0xAD},     {"times", 0xD7},   {"middot", 0xB7},  {"trade", 0x2122}};

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == ':' || c == '.';
}

static bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The length of a tag at s[i] opened by `open` and closed by `close` ("<" ">", or "&lt;"
 * "&gt;" for tags shown as text): an optional "/", a name starting with a letter, attributes
 * (quoted values may hold anything but a line break), an optional "/". 0 when there is none.
 * The name is stored in name[0..31]. */
static size_t tag_at(const char *s, size_t len, size_t i, const char *open, const char *close,
                     char name[32])
{
    size_t lo = strlen(open), lc = strlen(close), k = i + lo, nl = 0;
    if (k > len || memcmp(s + i, open, lo))
        return 0;
    if (k < len && s[k] == '/')
        k++;
    if (k >= len || !ascii_alpha(s[k]))
        return 0;
    while (k < len && name_char(s[k])) {
        if (nl < 31)
            name[nl++] = s[k];
        k++;
    }
    name[nl] = 0;
    while (k < len && k - i < 4096) {
        if (len - k >= lc && !memcmp(s + k, close, lc))
            return k + lc - i;
        char c = s[k];
        if (c == '"' || c == '\'') { /* within the tag's 4,096 bytes, so that the whole
                                      * pass stays linear */
            size_t room = 4096 - (k - i) < len - k - 1 ? 4096 - (k - i) : len - k - 1;
            const char *q = memchr(s + k + 1, c, room);
            if (!q || memchr(s + k, '\n', (size_t)(q - (s + k))))
                return 0;
            k = (size_t)(q - s) + 1;
        } else if (c == '<' || c == '>' || c == '\n' || c == '&')
            return 0;
        else
            k++;
    }
    return 0;
}

static bool is_block(const char *name)
{
    for (size_t i = 0; i < sizeof block_tags / sizeof *block_tags; i++)
        if (!strcasecmp(name, block_tags[i]))
            return true;
    return false;
}

/* The entity at s[i] ("&amp;", "&#233;", "&#xE9;"): its code point in *cp and its length, or
 * 0 when there is none. */
static size_t entity_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
    size_t k = i + 1;
    if (k < len && s[k] == '#') {
        bool hex = k + 1 < len && (s[k + 1] == 'x' || s[k + 1] == 'X');
        k += hex ? 2 : 1;
        uint32_t v = 0;
        size_t d = 0;
        for (; k < len && d < 7; k++, d++) {
            char c = s[k];
            int x = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (x < 0)
                break;
            v = v * (hex ? 16 : 10) + (uint32_t)x;
        }
        if (!d || k >= len || s[k] != ';' || !v || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
            return 0;
        *cp = v;
        return k + 1 - i;
    }
    for (size_t e = 0; e < sizeof entities / sizeof *entities; e++) {
        size_t n = strlen(entities[e].name);
        if (k + n < len && !memcmp(s + k, entities[e].name, n) && s[k + n] == ';') {
            *cp = entities[e].cp;
            return n + 2;
        }
    }
    return 0;
}

/* A literal escaped line break at s[i]: "\n", "\r", "\r\n", also typed with a space ("\ n").
 * Its length, or 0. */
static size_t escaped_break(const char *s, size_t len, size_t i)
{
    size_t k = i, n = 0;
    while (k < len && s[k] == '\\') {
        size_t q = k + 1;
        if (q < len && s[q] == ' ')
            q++;
        if (q >= len || (s[q] != 'n' && s[q] != 'r'))
            break;
        k = q + 1;
        n++;
    }
    return n ? k - i : 0;
}

/* A run of one rule character at s[i] (". / - _ = * ~ #"): its length, or 0 when s[i] is none. */
static size_t rule_run(const char *s, size_t len, size_t i)
{
    if (!s[i] || !strchr("./-_=*~#", s[i]))
        return 0;
    size_t k = i;
    while (k < len && s[k] == s[i])
        k++;
    return k - i;
}

/* The first "</name" (any case) in s[from, len), or NULL. */
static const char *closing_tag(const char *s, size_t len, size_t from, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = s + from; (p = memchr(p, '<', (size_t)(s + len - p))) != NULL; p++)
        if ((size_t)(s + len - p) >= nl + 2 && p[1] == '/' && !strncasecmp(p + 2, name, nl))
            return p;
    return NULL;
}

/* The first "-->" in s[from, len), or NULL. */
static const char *comment_end(const char *s, size_t len, size_t from)
{
    for (const char *p = s + from; (p = memchr(p, '-', (size_t)(s + len - p))) != NULL; p++)
        if ((size_t)(s + len - p) >= 3 && !memcmp(p, "-->", 3))
            return p + 3;
    return NULL;
}

/* Pass 1: markup, entities, escaped breaks, leaders and rules, TeX quotes. */
static ta_status clean_inline(const char *s, size_t len, ta_buf *out, size_t *changes)
{
    bool tex = false; /* a `` seen on this line: '' closes it */
    /* a search that found no end finds none later either: each runs once, the pass stays
     * linear ("<!--<!--<!--...") */
    bool no_comment_end = false, no_script_end = false, no_style_end = false;
    for (size_t i = 0; i < len;) {
        char c = s[i], name[32];
        size_t n = 0, r;
        uint32_t cp;
        int e = 0;
        if (c == '\n')
            tex = false;
        if (c == '<' && len - i >= 4 && !memcmp(s + i, "<!--", 4)) { /* a comment */
            const char *z = no_comment_end ? NULL : comment_end(s, len, i + 4);
            no_comment_end = !z;
            n = z ? (size_t)(z - s) - i : 0;
        } else if (c == '<' && (n = tag_at(s, len, i, "<", ">", name))) {
            bool script = !strcasecmp(name, "script"), style = !strcasecmp(name, "style");
            bool *none = script ? &no_script_end : &no_style_end;
            if ((script || style) && !*none) { /* its content goes up to the closing tag */
                const char *z = closing_tag(s, len, i + n, name);
                *none = !z;
                if (z)
                    n = (size_t)(z - s) - i;
            }
            if (is_block(name))
                e = ta_buf_add(out, "\n\n", 2);
        } else if (c == '&' && (n = tag_at(s, len, i, "&lt;", "&gt;", name))) {
            /* a tag shown as text ("&lt;b&gt;"): removed like a tag */
        } else if (c == '&' && (n = entity_at(s, len, i, &cp))) {
            char u[4];
            e = ta_buf_add(out, u, (size_t)ta_u8_encode(cp == 0xA0 ? ' ' : cp, u));
        } else if (c == '\\' && (n = escaped_break(s, len, i))) {
            e = ta_buf_addc(out, '\n');
        } else if (c == '`') {
            n = i + 1 < len && s[i + 1] == '`' ? 2 : 1;
            tex = tex || n == 2;
            e = ta_buf_addc(out, n == 2 ? '"' : '\'');
        } else if (c == '\'' && tex && i + 1 < len && s[i + 1] == '\'') {
            n = 2;
            e = ta_buf_addc(out, '"');
        } else if ((r = rule_run(s, len, i)) >= 4) {
            size_t k = i + r; /* a dot leader and its page number ("Introduction ..... 3") */
            while (k < len && s[k] == ' ')
                k++;
            size_t d = k;
            while (k < len && ((s[k] >= '0' && s[k] <= '9') || (k > d && s[k] == '-')))
                k++;
            if (c == '.' && k > d && (k == len || s[k] == '\n'))
                n = k - i;
            else if (r >= 5) {
                n = r;
                e = ta_buf_addc(out, ' ');
            } else
                n = 0;
        }
        if (e)
            return TA_ENOMEM;
        if (n) {
            i += n;
            ++*changes;
        } else {
            r = rule_run(s, len, i);
            n = r ? r : 1; /* a short run is copied whole */
            if (ta_buf_add(out, s + i, n))
                return TA_ENOMEM;
            i += n;
        }
    }
    return TA_OK;
}

/* Is the line s[a, z) debris: no letter, and not just sentence punctuation (". " that
 * continues the line before)? */
static bool debris(const char *s, size_t a, size_t z)
{
    bool punct = true;
    while (a < z) {
        char c = s[a];
        if (ta_is_alpha(ta_u8_decode(s, z, &a)))
            return false;
        punct = punct && strchr(".,;:!? ", c);
    }
    return !punct;
}

/* Narrows [*a, *z) past spaces, tabs and CRs at both ends. */
static void trim(const char *s, size_t *a, size_t *z)
{
    while (*a < *z && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\r'))
        ++*a;
    while (*z > *a && (s[*z - 1] == ' ' || s[*z - 1] == '\t' || s[*z - 1] == '\r'))
        --*z;
}

/* The letters in s[a, z), trimmed, when it is empty or a piece of one or two letters ("RN");
 * -1 otherwise. */
static int piece(const char *s, size_t a, size_t z)
{
    trim(s, &a, &z);
    size_t letters = 0;
    while (a < z && letters < 3) {
        if (!ta_is_alpha(ta_u8_decode(s, z, &a)))
            return -1;
        letters++;
    }
    return a == z && letters <= 2 ? (int)letters : -1;
}

/* Pass 2, line by line: a word broken one or two letters a line ("W\nA\nRN\nI\nNG") is joined,
 * and lines without a letter (page numbers, a lone "/", "***") are dropped. */
static ta_status clean_lines(const char *s, size_t len, ta_buf *out, size_t *changes)
{
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len, a = i, z = e;
        trim(s, &a, &z);
        if (z > a && debris(s, a, z)) {
            ++*changes;
        } else if (ta_buf_add(out, s + i, e - i))
            return TA_ENOMEM;
        if (!nl)
            break;
        /* this line is empty or a piece, the next is a piece, and a line break follows it */
        const char *nl2 = memchr(s + e + 1, '\n', len - e - 1);
        size_t e2 = nl2 ? (size_t)(nl2 - s) : len;
        if (nl2 && piece(s, i, e) >= 0 && piece(s, e + 1, e2) > 0)
            ++*changes;
        else if (ta_buf_addc(out, '\n'))
            return TA_ENOMEM;
        i = e + 1;
    }
    return TA_OK;
}

ta_status ta_text_clean(ta_text *t, size_t *changes, ta_error *err)
{
    ta_buf a = {0}, b = {0};
    size_t n = 0;
    ta_status st = clean_inline(t->data, t->len, &a, &n);
    if (st == TA_OK && a.len)
        st = clean_lines(a.data, a.len, &b, &n);
    if (st == TA_OK && b.len)
        st = ta_nfc_buf(&b, err); /* a numeric entity may have been a combining mark */
    else if (st != TA_OK)
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    ta_buf_release(&a);
    if (st != TA_OK) {
        ta_buf_release(&b);
        return st;
    }
    if (!b.data && !(b.data = calloc(1, 1)))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    free(t->data);
    t->data = b.data;
    t->len = b.len;
    if (changes)
        *changes = n;
    return TA_OK;
}
