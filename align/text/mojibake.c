/* mojibake.c — Cyrillic text that went through the wrong code page before it reached us
 * (CP1251 or KOI8-R bytes read as Latin-1/CP1252, "Ðåöåíçèÿ"): detection and repair. */
#include "internal.h"
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* CP1252's characters for bytes 0x80..0x9F (0 = the byte maps to U+0080..U+009F itself) */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* The byte a character came from under CP1252/Latin-1, or -1. */
static int byte_of(uint32_t c)
{
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
        return (int)c;
    for (int k = 0; k < 32; k++)
        if (cp1252_high[k] ? cp1252_high[k] == c : c == 0x80u + (uint32_t)k)
            return 0x80 + k;
    return -1;
}

/* Letters of s[0..n): Latin-1 supplement letters (U+00C0..U+00FF), all letters. */
static void count(const char *s, size_t n, size_t *high, size_t *letters, size_t *cyr)
{
    *high = *letters = *cyr = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = ta_u8_decode(s, n, &i);
        if (!ta_is_alpha(c))
            continue;
        (*letters)++;
        *high += c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
        *cyr += c >= 0x400 && c <= 0x4FF;
    }
}

static bool looks_broken(size_t high, size_t letters, size_t cyr)
{
    return high >= 8 && high * 10 >= letters * 6 && cyr == 0;
}

/* The ASCII letters of s[0..n): at most count()'s letters (a byte loop that vectorizes). */
static size_t ascii_letters(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (unsigned char)(((unsigned char)s[i] | 0x20) - 'a') < 26;
    return k;
}

/* A text is read as mojibake when at least BROKEN_MIN of its letters are U+00C0..U+00FF,
 * BROKEN_TENTHS tenths of its letters or more, and fewer than a tenth are Cyrillic. */
enum { BROKEN_MIN = 20, BROKEN_TENTHS = 4 };

bool ta_text_mojibake(const ta_text *t)
{
    /* a byte count first: U+00C0..U+00FF start with the byte C3, Cyrillic letters with D0..D3;
     * the test below needs BROKEN_MIN of the first, BROKEN_TENTHS tenths of the ASCII letters
     * (which are at most all letters) and more than four times as many as of the second */
    size_t c3 = 0, cyr_lead = 0;
    for (const char *p = t->data, *end = t->data + t->len; p < end; c3++) {
        p = memchr(p, 0xC3, (size_t)(end - p)); /* rare in Russian text: memchr's speed */
        if (!p)
            break;
        p++;
    }
    if (c3 < BROKEN_MIN || c3 * 10 < ascii_letters(t->data, t->len) * BROKEN_TENTHS)
        return false; /* the letters of U+00C0..U+00FF (at most c3) are too few among them */
    for (size_t i = 0; i < t->len && c3 > 4 * cyr_lead; i++) {
        unsigned char b = (unsigned char)t->data[i];
        cyr_lead += b >= 0xD0 && b <= 0xD3;
    }
    if (c3 <= 4 * cyr_lead)
        return false;
    size_t high, letters, cyr;
    count(t->data, t->len, &high, &letters, &cyr);
    return high >= BROKEN_MIN && high * 10 >= letters * BROKEN_TENTHS && cyr * 10 < letters;
}

ta_status ta_text_repair_mojibake(ta_text *t, size_t *repaired, ta_error *err)
{
    ta_buf out = {0}, bytes = {0};
    size_t fixed = 0;
    ta_status st = TA_OK;
    for (size_t p = 0; p < t->len && st == TA_OK;) {
        const char *nl = memchr(t->data + p, '\n', t->len - p);
        size_t e = nl ? (size_t)(nl - t->data) : t->len;
        size_t high, letters, cyr;
        count(t->data + p, e - p, &high, &letters, &cyr);
        bool done = false;
        if (looks_broken(high, letters, cyr)) {
            bytes.len = 0;
            bool ok = true;
            for (size_t i = p; i < e && ok;) {
                int b = byte_of(ta_u8_decode(t->data, e, &i));
                ok = b >= 0 && !ta_buf_addc(&bytes, (char)b);
            }
            /* CP1251 or KOI8-R: the lowercase vowels о е а и tell them apart */
            size_t a = 0, k = 0;
            for (size_t i = 0; ok && i < bytes.len; i++) {
                unsigned char c = (unsigned char)bytes.data[i];
                a += c == 0xEE || c == 0xE5 || c == 0xE0 || c == 0xE8;
                k += c == 0xCF || c == 0xC5 || c == 0xC1 || c == 0xC9;
            }
            iconv_t cd = ok ? iconv_open("UTF-8", a >= k ? "CP1251" : "KOI8-R") : (iconv_t)-1;
            if (cd != (iconv_t)-1) {
                size_t mark = out.len;
                char *ip = bytes.data;
                size_t il = bytes.len;
                if (ta_buf_grow(&out, il * 2 + 4) == 0) {
                    char *op = out.data + out.len;
                    size_t ol = out.cap - out.len - 1;
                    if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) {
                        out.len = (size_t)(op - out.data);
                        done = true;
                        fixed++;
                    } else
                        out.len = mark;
                } else
                    st = ta_fail(err, TA_ENOMEM, "out of memory");
                iconv_close(cd);
            }
        }
        if (!done && st == TA_OK && ta_buf_add(&out, t->data + p, e - p))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
        if (nl && st == TA_OK && ta_buf_addc(&out, '\n'))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
        p = e + 1;
    }
    ta_buf_release(&bytes);
    if (st != TA_OK) {
        ta_buf_release(&out);
        return st;
    }
    if (!out.data && ta_buf_grow(&out, 0)) {
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    out.data[out.len] = 0;
    free(t->data);
    t->data = out.data;
    t->len = out.len;
    if (repaired)
        *repaired = fixed;
    return TA_OK;
}
