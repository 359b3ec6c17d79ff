/* stem.c — word normalisation for the lexicon: ICU lowercasing, ё -> е, Snowball stems. */
#include "lexicon.h"
#include <libstemmer.h>

int ta_stem(ta_stemmer *st, char lang, const char *w, size_t n, ta_buf *out)
{
    st->low.len = 0;
    if (ta_u8_lower(&st->low, w, n, true))
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
