/* stem.c — word normalisation for the lexicon: ICU's locale-aware lowercasing (en, ru),
 * ё -> е, Snowball stems (by the one-byte stemmers, ISO-8859-1 and KOI8-R, for the words they
 * can spell: the same stems as the UTF-8 ones, faster). */
#include "lexicon.h"
#include <libstemmer.h>
#include <unicode/ustring.h>

/* Is w[0..n) ASCII and U+0400..U+045F only, by its bytes (D0 80..D1 9F)? */
static bool ascii_cyrillic(const unsigned char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (w[i] < 0x80)
            continue;
        if (i + 1 == n || (w[i] != 0xD0 && w[i] != 0xD1) || (w[i + 1] & 0xC0) != 0x80 ||
            (w[i] == 0xD1 && w[i + 1] >= 0xA0))
            return false;
        i++;
    }
    return true;
}

/* ta_u8_lower(out, w, n, true) of such a word in one pass: the same bytes (these letters keep
 * their length). */
static int lower_ascii_cyrillic(ta_buf *out, const char *w, size_t n)
{
    if (ta_buf_grow(out, n))
        return -1;
    char *d = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)w[i];
        if (b < 0x80) {
            *d++ = (char)ta_to_lower(b);
            continue;
        }
        uint32_t c = ta_to_lower((uint32_t)(b & 0x1F) << 6 | ((unsigned char)w[++i] & 0x3F));
        c = c == 0x451 ? 0x435 : c; /* ё -> е */
        *d++ = (char)(0xC0 | c >> 6);
        *d++ = (char)(0x80 | (c & 0x3F));
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = 0;
    return 0;
}

/* Lowercase with ICU's full, locale-aware case mapping; ASCII and Russian letters (whose
 * mapping is one to one in both locales) take a short path. ё -> е. 0 on success. */
static int lower(ta_buf *out, const char *w, size_t n, char lang)
{
    if (ascii_cyrillic((const unsigned char *)w, n))
        return lower_ascii_cyrillic(out, w, n);
    if (n > 512) /* a word, not a paragraph */
        return ta_u8_lower(out, w, n, true);
    UChar u[512], v[1024];
    int32_t len = 0;
    UErrorCode ec = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, 512, &len, w, (int32_t)n, 0xFFFD, NULL, &ec);
    int32_t vl = u_strToLower(v, 1024, u, len, lang == 'e' ? "en" : "ru", &ec);
    char tmp[3 * 1024];
    int32_t bl = 0;
    if (U_SUCCESS(ec))
        u_strToUTF8(tmp, (int32_t)sizeof tmp, &bl, v, vl, &ec);
    if (U_FAILURE(ec))
        return ta_u8_lower(out, w, n, true);
    return ta_u8_lower(out, tmp, (size_t)bl, true); /* ё -> е */
}

/* Russian а..я (U+0430..U+044F) in KOI8-R, and back (KOI8-R 0xC0..0xDF are these letters). */
enum { KOI8_FIRST = 0xC0, RU_LETTERS = 32, RU_A = 0x430, MAX_BYTE_WORD = 256 };
static const unsigned char koi8_of[RU_LETTERS] = {
    0xC1, 0xC2, 0xD7, 0xC7, 0xC4, 0xC5, 0xD6, 0xDA, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0,
    0xD2, 0xD3, 0xD4, 0xD5, 0xC6, 0xC8, 0xC3, 0xDE, 0xDB, 0xDD, 0xDF, 0xD9, 0xD8, 0xDC, 0xC0, 0xD1};
static const uint16_t letter_of_koi8[RU_LETTERS] = {
    0x44E, 0x430, 0x431, 0x446, 0x434, 0x435, 0x444, 0x433, 0x445, 0x438, 0x439, 0x43A, 0x43B, 0x43C, 0x43D, 0x43E,
    0x43F, 0x44F, 0x440, 0x441, 0x442, 0x443, 0x436, 0x432, 0x44C, 0x44B, 0x437, 0x448, 0x44D, 0x449, 0x447, 0x44A};

/* w[0..n) (lowercase UTF-8) in KOI8-R into k: its length, or 0 when a character is not а..я or
 * the word is longer than MAX_BYTE_WORD letters. */
static size_t to_koi8(const char *w, size_t n, unsigned char *k)
{
    size_t m = 0;
    for (size_t i = 0; i < n; m++) {
        uint32_t c = ta_u8_decode(w, n, &i);
        if (c < RU_A || c >= RU_A + RU_LETTERS || m == MAX_BYTE_WORD)
            return 0;
        k[m] = koi8_of[c - RU_A];
    }
    return m;
}

/* A KOI8-R stem of а..я into out as UTF-8: 1, 0 when a byte is not one of them, -1 out of
 * memory. */
static int from_koi8(const sb_symbol *r, int n, ta_buf *out)
{
    for (int q = 0; q < n; q++) {
        char u[4];
        if (r[q] < KOI8_FIRST || r[q] >= KOI8_FIRST + RU_LETTERS)
            return 0;
        if (ta_buf_add(out, u, (size_t)ta_u8_encode(letter_of_koi8[r[q] - KOI8_FIRST], u)))
            return -1;
    }
    return 1;
}

static bool ascii_word(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)w[i] >= 0x80)
            return false;
    return true;
}

/* Stems with the one-byte stemmer of lang when it can spell the word (the same stem as the
 * UTF-8 one, in a fraction of the time): 1 done, 0 not (the word, or no such stemmer), -1 out of
 * memory. */
static int stem_bytes(ta_stemmer *st, char lang, const ta_buf *low, ta_buf *out)
{
    unsigned char k[MAX_BYTE_WORD];
    size_t m = lang == 'e' ? (ascii_word(low->data, low->len) ? low->len : 0)
                           : to_koi8(low->data, low->len, k);
    struct sb_stemmer **s = lang == 'e' ? &st->en_byte : &st->ru_byte;
    if (!m || (!*s && !(*s = sb_stemmer_new(lang == 'e' ? "english" : "russian",
                                             lang == 'e' ? "ISO_8859_1" : "KOI8_R"))))
        return 0;
    const sb_symbol *r = sb_stemmer_stem(*s, lang == 'e' ? (const sb_symbol *)low->data : k, (int)m);
    if (!r)
        return 0;
    int rl = sb_stemmer_length(*s);
    out->len = 0;
    if (lang == 'e')
        return ta_buf_add(out, (const char *)r, (size_t)rl) ? -1 : 1;
    return from_koi8(r, rl, out);
}

#define TYPESET_APOSTROPHE "\xe2\x80\x99" /* U+2019 in UTF-8 */
#define TYPESET_APOSTROPHE_LEN (sizeof TYPESET_APOSTROPHE - 1)

/* Typeset apostrophes (U+2019) in buf made ASCII ones, which Snowball's English stemmer reads
 * (Bank’s: bank, as Bank's). */
static void ascii_apostrophes(ta_buf *b)
{
    size_t o = 0;
    for (size_t i = 0; i < b->len; i++) {
        bool typeset = i + TYPESET_APOSTROPHE_LEN <= b->len &&
                       !memcmp(b->data + i, TYPESET_APOSTROPHE, TYPESET_APOSTROPHE_LEN);
        b->data[o++] = typeset ? '\'' : b->data[i];
        i += typeset ? TYPESET_APOSTROPHE_LEN - 1 : 0;
    }
    b->len = o;
    b->data[o] = 0;
}

int ta_stem(ta_stemmer *st, char lang, const char *w, size_t n, ta_buf *out)
{
    st->low.len = 0;
    if (lower(&st->low, w, n, lang))
        return -1;
    if (lang == 'e' && st->low.len && memchr(st->low.data, TYPESET_APOSTROPHE[0], st->low.len))
        ascii_apostrophes(&st->low);
    int b = stem_bytes(st, lang, &st->low, out);
    if (b)
        return b < 0 ? -1 : 0;
    struct sb_stemmer **s = lang == 'e' ? &st->en : &st->ru;
    if (!*s && !(*s = sb_stemmer_new(lang == 'e' ? "english" : "russian", "UTF_8")))
        return -1;
    const sb_symbol *r = sb_stemmer_stem(*s, (const sb_symbol *)st->low.data, (int)st->low.len);
    if (!r)
        return -1;
    out->len = 0;
    return ta_buf_add(out, (const char *)r, (size_t)sb_stemmer_length(*s));
}

void ta_stemmer_release(ta_stemmer *st)
{
    if (st->en)
        sb_stemmer_delete(st->en);
    if (st->ru)
        sb_stemmer_delete(st->ru);
    if (st->en_byte)
        sb_stemmer_delete(st->en_byte);
    if (st->ru_byte)
        sb_stemmer_delete(st->ru_byte);
    ta_buf_release(&st->low);
    st->en = st->ru = st->en_byte = st->ru_byte = NULL;
}
