/* stem.c — word normalisation for the lexicon: ICU's locale-aware lowercasing (en, ru),
 * ё -> е, Snowball stems. */
#include "lexicon.h"
#include <libstemmer.h>
#include <unicode/ustring.h>

/* Lowercase with ICU's full, locale-aware case mapping; ASCII and Russian letters (whose
 * mapping is one to one in both locales) take a short path. ё -> е. 0 on success. */
static int lower(ta_buf *out, const char *w, size_t n, char lang)
{
    bool simple = true;
    for (size_t i = 0; i < n && simple;) {
        uint32_t c = ta_u8_decode(w, n, &i);
        simple = c < 0x80 || (c >= 0x400 && c < 0x460);
    }
    if (simple || n > 512) /* a word, not a paragraph */
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

int ta_stem(ta_stemmer *st, char lang, const char *w, size_t n, ta_buf *out)
{
    st->low.len = 0;
    if (lower(&st->low, w, n, lang))
        return -1;
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
    ta_buf_release(&st->low);
    st->en = st->ru = NULL;
}
