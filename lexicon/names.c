/* names.c — names and cognates across scripts: a word's Latin form (Russian-Latin/BGN and
 * Latin-ASCII built in for Russian words and Latin ones with European diacritics, else ICU's
 * Russian-Latin/BGN, then Latin-ASCII, opened at the first such word: Байден -> bayden,
 * João -> joao), its consonant skeleton
 * (the match key: Антонов ~ Antonov) and a normalised edit distance (the similarity that
 * confirms a match and is reported with it). */
#include "names.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct ta_latin {
    UTransliterator *tr; /* opened at the first word the built-in table cannot take */
    bool tried;
    UChar *u;
    int32_t cap;
};

ta_latin *ta_latin_new(void)
{
    return calloc(1, sizeof(ta_latin));
}

/* ICU's transliterator (opening it costs about 6 million instructions, the first time in a
 * process 16 million more): NULL when ICU lacks it. */
static UTransliterator *latin_icu(ta_latin *l)
{
    if (!l->tried) {
        l->tried = true;
        UErrorCode ec = U_ZERO_ERROR;
        UChar id[64];
        u_uastrcpy(id, "Russian-Latin/BGN; Latin-ASCII; Lower");
        l->tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec);
        if (U_FAILURE(ec))
            l->tr = NULL;
    }
    return l->tr;
}

void ta_latin_free(ta_latin *l)
{
    if (!l)
        return;
    if (l->tr)
        utrans_close(l->tr);
    free(l->u);
    free(l);
}

/* Russian-Latin/BGN for the Russian alphabet, as ICU gives it after Latin-ASCII and Lower
 * (its "·" between letters that could be read as one sound dropped): а..я */
static const char *const bgn[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l",
                                  "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
                                  "sh", "shch", "\"", "y", "'", "e", "yu", "ya"};

/* Latin-ASCII then Lower, as ICU gives them (its non-ASCII output dropped), for U+00C0..U+017F
 * (Latin-1 letters and Latin Extended-A: é -> e, ß -> ss, Ł -> l): words of these and ASCII
 * letters need no transliterator (test_names compares every entry with ICU's) */
#define LATIN_FIRST 0xC0
static const char *const latin_ascii[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "*",
    "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/",
    "o", "u", "u", "u", "u", "y", "th", "y",
    "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h",
    "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k",
    "q", "l", "l", "l", "l", "l", "l", "l",
    "l", "l", "l", "n", "n", "n", "n", "n",
    "n", "'n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r",
    "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y",
    "y", "z", "z", "z", "z", "z", "z", "s",
};
#define LATIN_END (LATIN_FIRST + (uint32_t)(sizeof latin_ascii / sizeof *latin_ascii))
#define ICU_MAX_BYTES 1000 /* ICU reads at most this much of a word (a name, not a paragraph) */

#define LSQUO 0x2018 /* ‘ */
#define RSQUO 0x2019 /* ’ */

static bool ru_vowel(uint32_t c)
{
    switch (c) {
    case 0x430: case 0x435: case 0x451: case 0x438: case 0x43E: /* а е ё и о */
    case 0x443: case 0x44B: case 0x44D: case 0x44E: case 0x44F: /* у ы э ю я */
        return true;
    default:
        return false;
    }
}

/* Does w hold a Cyrillic letter (U+0400-U+04FF: lead bytes D0-D3)? */
static bool cyrillic(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)w[i] >= 0xD0 && (unsigned char)w[i] <= 0xD3)
            return true;
    return false;
}

/* The fast path of ta_latin_of: words of ASCII and Russian letters only, or of ASCII, Latin-1
 * and Latin Extended-A letters and typographic apostrophes (0 when it applies). */
static int latin_fast(const char *w, size_t n, ta_buf *out)
{
    uint32_t prev = 0;
    int latin = -1; /* may the table read its letters (no Cyrillic, short): asked once a word */
    for (size_t i = 0; i < n;) {
        uint32_t c = ta_to_lower(ta_u8_decode(w, n, &i));
        if (c < 0x80) {
            if (ta_buf_addc(out, (char)c))
                return -1;
        } else if (c == 0x435 || c == 0x451) { /* е, ё: "ye" first, after a vowel, й, ъ, ь */
            bool y = !prev || ru_vowel(prev) || prev == 0x439 || prev == 0x44A || prev == 0x44C;
            if ((y && ta_buf_addc(out, 'y')) || ta_buf_addc(out, 'e'))
                return -1;
        } else if (c >= 0x430 && c <= 0x44F) {
            for (const char *p = bgn[c - 0x430]; *p; p++) /* one or a few letters */
                if (ta_buf_addc(out, *p))
                    return -1;
        } else if (c >= LATIN_FIRST && c < LATIN_END &&
                   (latin < 0 ? (latin = n <= ICU_MAX_BYTES && !cyrillic(w, n)) : latin)) {
            if (ta_buf_add(out, latin_ascii[c - LATIN_FIRST], strlen(latin_ascii[c - LATIN_FIRST])))
                return -1;
        } else if (c == RSQUO || c == LSQUO) {
            if (ta_buf_addc(out, '\'')) /* won’t: "'" as ICU gives it, which reads the letters
                                           * after it apart (д’ел: d'yel, е as at a start) */
                return -1;
            c = 0;
        } else
            return 1;
        prev = c;
    }
    return 0;
}

int ta_latin_of(ta_latin *l, const char *w, size_t n, ta_buf *out)
{
    size_t mark = out->len;
    int r = latin_fast(w, n, out);
    if (r <= 0)
        return r;
    out->len = mark; /* another script or diacritics: ICU */
    if (!l || !latin_icu(l))
        return 0; /* no transliterator: no Latin form */
    if (n > ICU_MAX_BYTES)
        n = ICU_MAX_BYTES;
    int32_t need = (int32_t)n * 4 + 16; /* щ -> shch: room to grow */
    if (need > l->cap) {
        UChar *u = realloc(l->u, sizeof(UChar) * (size_t)need);
        if (!u)
            return -1;
        l->u = u, l->cap = need;
    }
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8WithSub(l->u, l->cap, &len, w, (int32_t)n, 0xFFFD, NULL, &ec);
    int32_t limit = len;
    if (U_SUCCESS(ec))
        utrans_transUChars(l->tr, l->u, &len, l->cap, 0, &limit, &ec);
    if (U_FAILURE(ec))
        return 0; /* untransliterable: no Latin form, no name key */
    for (int32_t i = 0; i < len; i++) /* ASCII now; anything else is dropped */
        if (l->u[i] < 0x80 && ta_buf_addc(out, (char)l->u[i]))
            return -1;
    return 0;
}

/* The letters a skeleton leaves out, a e i o u y j h, as bits from 'a' (a bit test instead of
 * strchr: a skeleton is made for every word form of a document) */
#define SKELETON_SKIPS (1u << 0 | 1u << 4 | 1u << 8 | 1u << 14 | 1u << 20 | 1u << 24 | 1u << 9 | 1u << 7)

int ta_skeleton(const char *lat, size_t n, int least, char sk[8])
{
    size_t k = 1;
    sk[0] = '~';
    for (size_t i = 0; i < n && k < 5; i++) {
        char c = lat[i];
        if (c == 'p' && i + 1 < n && lat[i + 1] == 'h')
            c = 'f', i++;
        else if (c == 'c' || c == 'q')
            c = 'k';
        else if (c == 'w')
            c = 'v';
        else if (c == 'z' && i + 1 < n && lat[i + 1] == 'h')
            c = 'j', i++;
        if (!(c >= 'a' && c <= 'z') || SKELETON_SKIPS >> (c - 'a') & 1)
            continue;
        if (sk[k - 1] != c)
            sk[k++] = c;
        if (c == 'x' && k < 5)
            sk[k - 1] = 'k', sk[k++] = 's';
    }
    sk[k] = 0;
    return (int)k > least ? (int)k : 0;
}

static bool vowel(char c) /* a e i o u y */
{
    return c >= 'a' && c <= 'y' && (0x1104111u >> (c - 'a') & 1);
}

double ta_name_similarity(const char *a, size_t an, const char *b, size_t bn)
{
    if (!an || !bn)
        return 0;
    if (an > 64)
        an = 64;
    if (bn > 64)
        bn = 64;
    /* Levenshtein distance in tenths, in which vowels cost half to insert or drop and a vowel
     * for a vowel costs 0.3: transliteration through Russian changes vowels most (Biden ->
     * bayden) */
    int row[65];
    row[0] = 0;
    for (size_t j = 1; j <= bn; j++)
        row[j] = row[j - 1] + (vowel(b[j - 1]) ? 5 : 10);
    for (size_t i = 1; i <= an; i++) {
        bool va = vowel(a[i - 1]);
        int diag = row[0], del = va ? 5 : 10;
        row[0] += del;
        for (size_t j = 1; j <= bn; j++) {
            bool vb = vowel(b[j - 1]);
            int best = diag + (a[i - 1] == b[j - 1] ? 0 : va && vb ? 3 : 10);
            int up = row[j] + del, left = row[j - 1] + (vb ? 5 : 10);
            best = up < best ? up : best;
            best = left < best ? left : best;
            diag = row[j];
            row[j] = best;
        }
    }
    double sim = 1.0 - row[bn] / (10.0 * (double)(an > bn ? an : bn));
    return sim < 0 ? 0 : sim;
}
