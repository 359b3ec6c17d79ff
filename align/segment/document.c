/* document.c — paragraphs and news-article structure: headline, lead, dateline, subheadings
 * and site furniture (boilerplate). */
#include "document.h"
#include <stdlib.h>
#include <string.h>

ta_status ta_boiler_load(ta_boiler *b, const char *data_dir, ta_error *err)
{
    memset(b, 0, sizeof *b);
    return ta_data_lines(data_dir, "boilerplate.txt", &b->prefix, &b->n, NULL, err);
}

void ta_boiler_release(ta_boiler *b)
{
    ta_lines_free(b->prefix);
    memset(b, 0, sizeof *b);
}

static bool is_boiler(const ta_boiler *b, const char *s, size_t len)
{
    for (size_t i = 0; b && i < b->n; i++) {
        size_t n = strlen(b->prefix[i]);
        if (len >= n && len <= n + 48 && !memcmp(s, b->prefix[i], n) &&
            (len == n || !ta_is_alpha((unsigned char)s[n])))
            return true;
    }
    return false;
}

size_t ta_dateline_end(const char *s, size_t len, size_t i)
{
    size_t p = i, upper = 0;
    while (p < len && p - i < 64) { /* CITY: capitals, spaces, hyphens, dots */
        size_t q = p;
        uint32_t c = ta_u8_decode(s, len, &q);
        if (ta_is_upper(c))
            upper++;
        else if (ta_is_lower(c) || !(c == ' ' || c == '-' || c == '.' || c == '\''))
            break;
        p = q;
    }
    if (upper < 2 || p >= len || s[p] != ',')
        return 0;
    size_t q = p + 1, lim = p + 48 < len ? p + 48 : len;
    while (q < lim && s[q] != '/' && s[q] != '\n')
        q++;
    if (q >= lim || s[q] != '/')
        return 0;
    size_t a = q + 1, k = a;
    while (k < len && k - a < 24 && s[k] != '/' && s[k] != ' ' && s[k] != '\n')
        k++;
    if (k >= len || s[k] != '/' || k == a)
        return 0;
    k++;
    if (k < len && s[k] == '.')
        k++;
    return k;
}

/* A short line without sentence-final punctuation: a headline, lead or subheading. */
static bool is_title(const char *s, size_t len)
{
    size_t chars = 0;
    if (len == 0 || len > 220 * 4)
        return false;
    for (size_t i = 0; i < len && chars <= 220; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars > 220)
        return false;
    size_t e = len;
    uint32_t c;
    do
        c = ta_u8_prev(s, &e);
    while (e > 0 && (c == '"' || c == 0xBB || c == 0x201D || c == ')' || c == '\''));
    return !(c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == ',');
}

/* Does the line after the one at s[ls, e) (e: its line break) continue its paragraph? Yes
 * when the next line starts with sentence punctuation (". Pricing"), and when it starts in
 * lowercase (or with a bracket) after a line that was wrapped: one ending in a space (as in
 * format=flowed), a hyphen or a comma, 40 bytes long or more, or a capitalised start of three
 * words or more ("This is a sentence\ncut off"), and that did not end a sentence.
 * "features\ncontact manager" are two lines of a menu. */
static bool continued(const char *s, size_t len, size_t ls, size_t e)
{
    size_t k = e + 1;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k >= len)
        return false;
    if (s[k] && strchr(".,;:!?", s[k]) && (k + 1 >= len || s[k + 1] == ' ' || s[k + 1] == '\n'))
        return true;
    size_t z = e;
    while (z > ls && s[z - 1] == '\r')
        z--;
    uint32_t c = ta_u8_decode(s, len, &k);
    if (z == ls || !(ta_is_lower(c) || (c == '(' && s[z - 1] == ' ')))
        return false; /* the common case, tested first: the next line starts a paragraph */
    size_t t = z; /* a line ending a sentence ends a list item: "world. \nii) Hello" */
    while (t > ls && s[t - 1] == ' ')
        t--;
    if (t > ls && (s[t - 1] == '.' || s[t - 1] == '!' || s[t - 1] == '?'))
        return false;
    if (s[z - 1] == ' ' || s[z - 1] == '-' || s[z - 1] == ',' || z - ls >= 40)
        return true;
    size_t q = ls, spaces = 0;
    for (size_t i = ls; i < z && spaces < 2; i++)
        spaces += s[i] == ' ';
    return spaces >= 2 && ta_is_upper(ta_u8_decode(s, z, &q));
}

int ta_paragraphs(const char *s, size_t len, bool wrapped, const ta_boiler *b, ta_para **out,
                  size_t *n)
{
    ta_vec v = {.esz = sizeof(ta_para)};
    size_t i = 0;
    bool body_seen = false, title_seen = false;
    while (i < len) {
        size_t e = i;
        if (wrapped) { /* up to a blank line */
            while (e < len) {
                if (s[e] == '\n') {
                    size_t k = e + 1;
                    while (k < len && (s[k] == ' ' || s[k] == '\t'))
                        k++;
                    if (k >= len || s[k] == '\n')
                        break;
                }
                e++;
            }
        } else {
            for (;;) {
                const char *nl = memchr(s + e, '\n', len - e);
                size_t ls = e;
                e = nl ? (size_t)(nl - s) : len;
                if (!continued(s, len, ls, e))
                    break;
                e++;
            }
        }
        size_t a = i, z = e;
        ta_trim_space(s, &a, &z); /* no-break and ideographic spaces too */
        if (z > a) {
            ta_para *p = ta_vec_push(&v);
            if (!p) {
                ta_vec_release(&v);
                return -1;
            }
            p->start = a;
            p->end = z;
            p->dateline_end = ta_dateline_end(s, z, a);
            if (is_boiler(b, s + a, z - a))
                p->kind = TA_KIND_BOILERPLATE;
            else if (!p->dateline_end && is_title(s + a, z - a)) {
                p->kind = body_seen ? TA_KIND_SUBHEADING : title_seen ? TA_KIND_LEAD
                                                                      : TA_KIND_HEADLINE;
                title_seen = true;
            } else {
                p->kind = TA_KIND_BODY;
                body_seen = true;
            }
        }
        i = e < len ? e + 1 : e;
    }
    *out = v.data;
    *n = v.len;
    return 0;
}

const char *ta_kind_name(ta_kind k)
{
    static const char *names[] = {"body", "headline", "lead", "dateline", "subheading",
                                  "boilerplate"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "body";
}
