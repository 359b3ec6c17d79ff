/* utf8.c — small UTF-8 helpers: decode/encode one code point and character classes for the
 * Latin and Cyrillic letters the rules care about (ICU does the heavy Unicode work). */
#include "internal.h"
#include <unicode/uchar.h>

uint32_t ta_u8_decode_long(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned c = s[p];
    if (c < 0x80) {
        *i = p + 1;
        return c;
    }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (n < 0 || c > 0xF4 || p + (size_t)n >= len) {
        *i = p + 1;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x3F >> n);
    for (int k = 1; k <= n; k++) {
        if ((s[p + k] & 0xC0) != 0x80) {
            *i = p + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[p + k] & 0x3F);
    }
    static const uint32_t least[] = {0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        *i = p + 1; /* overlong, a surrogate, beyond Unicode */
        return 0xFFFD;
    }
    *i = p + n + 1;
    return cp;
}

uint32_t ta_u8_prev_long(const char *str, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    if (*i == 0)
        return 0;
    size_t p = *i - 1;
    while (p > 0 && (s[p] & 0xC0) == 0x80 && *i - p < 4)
        p--;
    size_t q = p;
    uint32_t c = ta_u8_decode(str, *i, &q);
    if (q != *i) { /* not a whole sequence: step back one byte */
        p = *i - 1;
        c = 0xFFFD;
    }
    *i = p;
    return c;
}

int ta_u8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

bool ta_u_is_upper(uint32_t c) { return u_isupper((UChar32)c); }
bool ta_u_is_lower(uint32_t c) { return u_islower((UChar32)c); }
bool ta_u_is_alpha(uint32_t c) { return u_isalpha((UChar32)c); }
uint32_t ta_u_to_lower(uint32_t c) { return (uint32_t)u_tolower((UChar32)c); }
uint32_t ta_u_to_upper(uint32_t c) { return (uint32_t)u_toupper((UChar32)c); }
bool ta_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 ||
           c == 0x202F || c == 0x2007 || c == 0x200B || c == 0x3000 || c == 0xFEFF ||
           (c >= 0x2000 && c <= 0x200A);
}
int ta_u8_lower(ta_buf *b, const char *s, size_t n, bool yo)
{
    enum { MAX_CHAR_BYTES = 4 };
    if (ta_buf_grow(b, n)) /* lowercase is as long in most scripts: one growth, not one a char */
        return -1;
    size_t i = 0;
    while (i < n) {
        uint32_t c = ta_to_lower(ta_u8_decode(s, n, &i));
        if (yo && c == 0x451)
            c = 0x435;
        if (b->len + MAX_CHAR_BYTES + 1 > b->cap && ta_buf_grow(b, MAX_CHAR_BYTES))
            return -1;
        b->len += (size_t)ta_u8_encode(c, b->data + b->len);
    }
    b->data[b->len] = 0;
    return 0;
}

bool ta_is_open_punct(uint32_t c)
{
    return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0xAB || c == 0x201C ||
           c == 0x201E || c == 0x2018 || c == '{';
}

void ta_trim_space(const char *s, size_t *a, size_t *z)
{
    while (*a < *z) {
        size_t q = *a;
        if (!ta_is_space(ta_u8_decode(s, *z, &q)))
            break;
        *a = q;
    }
    while (*z > *a) {
        size_t q = *z;
        if (!ta_is_space(ta_u8_prev(s, &q)))
            break;
        *z = q;
    }
}

bool ta_is_acronym(const char *s, size_t a, size_t z)
{
    int caps = 0;
    for (size_t q = a; q < z;) {
        uint32_t c = ta_u8_decode(s, z, &q);
        if (ta_is_lower(c))
            return false;
        caps += ta_is_upper(c);
    }
    return caps >= 2;
}

size_t ta_token_start(const char *s, size_t lo, size_t e)
{
    size_t i = e;
    while (i > lo) {
        size_t q = i;
        if (ta_is_space(ta_u8_prev(s, &q)))
            break;
        i = q;
    }
    return i;
}
