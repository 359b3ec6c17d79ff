/* test_names.c — Latin forms (the fast Russian path must give what ICU's Russian-Latin/BGN
 * gives), consonant skeletons and name similarity. */
#include "names.h"
#include <criterion/criterion.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static char *latin(ta_latin *l, const char *w)
{
    static char out[128];
    ta_buf b = {0};
    cr_assert_eq(ta_latin_of(l, w, strlen(w), &b), 0);
    snprintf(out, sizeof out, "%.*s", (int)b.len, b.data ? b.data : "");
    ta_buf_release(&b);
    return out;
}

Test(names, latin_forms_follow_bgn)
{
    ta_latin *l = ta_latin_new();
    cr_assert_not_null(l);
    /* Russian words: the table; the expected forms are ICU's ("·" dropped) */
    const char *cases[][2] = {
        {"Антонов", "antonov"},     {"Байденом", "baydenom"},   {"Елена", "yelena"},
        {"Моисеев", "moiseyev"},    {"Подъезд", "pod\"yezd"},    {"Объём", "ob\"yem"},
        {"Зелёный", "zelenyy"},     {"Ульяновск", "ul'yanovsk"}, {"Щёлково", "shchelkovo"},
        {"Братск", "bratsk"},       {"Чайковский", "chaykovskiy"}, {"ДНР", "dnr"},
        {"Йошкар-Ола", "yoshkar-ola"}, {"DarkSide", "darkside"},
        /* typographic apostrophes: "'" in a Latin word (the table), but ICU reads a Russian
         * letter after one apart (е as at a word's start) */
        {"Won’t", "won't"},         {"Bank‘s", "bank's"},       {"д’ел", "d'yel"},
        /* other scripts and diacritics: ICU */
        {"João", "joao"},           {"Pedalé", "pedale"},       {"Ærø", "aero"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        cr_expect_str_eq(latin(l, cases[k][0]), cases[k][1], "%s", cases[k][0]);
    ta_latin_free(l);
    ta_latin_free(NULL);
}

/* ICU's Latin form of w (Russian-Latin/BGN; Latin-ASCII; Lower, its ASCII kept), as
 * ta_latin_of's slow path makes it. */
static char *icu_latin(UTransliterator *tr, const char *w)
{
    static char out[128];
    UChar u[256];
    int32_t len = 0, limit;
    UErrorCode ec = U_ZERO_ERROR;
    u_strFromUTF8(u, 256, &len, w, -1, &ec);
    limit = len;
    utrans_transUChars(tr, u, &len, 256, 0, &limit, &ec);
    cr_assert(U_SUCCESS(ec), "%s", w);
    int n = 0;
    for (int32_t i = 0; i < len && n < 127; i++)
        if (u[i] < 0x80)
            out[n++] = (char)u[i];
    out[n] = 0;
    return out;
}

/* Latin words with the diacritics of U+00C0..U+017F take the built-in table, which gives what
 * ICU gives for each letter, alone and between letters of either case; so do Russian words
 * with a typographic apostrophe, for every letter after one. */
Test(names, latin_diacritics_follow_icu)
{
    UErrorCode ec = U_ZERO_ERROR;
    UChar id[64];
    u_uastrcpy(id, "Russian-Latin/BGN; Latin-ASCII; Lower");
    UTransliterator *tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec);
    cr_assert(U_SUCCESS(ec));
    ta_latin *l = ta_latin_new();
    const char *around[][2] = {{"", ""}, {"a", "b"}, {"A", "B"}, {"Xy", "z"}, {"o", ""}};
    for (uint32_t c = 0xC0; c < 0x180; c++) {
        char ch[8];
        ch[ta_u8_encode(c, ch)] = 0;
        for (size_t a = 0; a < sizeof around / sizeof *around; a++) {
            char w[32], want[128];
            snprintf(w, sizeof w, "%s%s%s", around[a][0], ch, around[a][1]);
            snprintf(want, sizeof want, "%s", icu_latin(tr, w));
            cr_expect_str_eq(latin(l, w), want, "%s (U+%04X)", w, (unsigned)c);
        }
    }
    cr_expect_str_eq(latin(l, "Dvořák-Çelik"), "dvorak-celik");
    /* typographic apostrophes in Russian words: ICU reads the letters after one apart */
    const char *before[] = {"д", "а", "ъ", "й", "О"}, *quote[] = {"’", "‘"};
    for (uint32_t c = 0x430; c < 0x450; c++) {
        char ch[8];
        ch[ta_u8_encode(c, ch)] = 0;
        for (size_t b = 0; b < sizeof before / sizeof *before; b++)
            for (size_t q = 0; q < 2; q++) {
                char w[32], want[128];
                snprintf(w, sizeof w, "%s%s%sел", before[b], quote[q], ch);
                snprintf(want, sizeof want, "%s", icu_latin(tr, w));
                cr_expect_str_eq(latin(l, w), want, "%s", w);
            }
    }
    ta_latin_free(l);
    utrans_close(tr);
}

Test(names, skeletons)
{
    char sk[8];
    cr_assert_eq(ta_skeleton("antonov", 7, 3, sk), 5);
    cr_assert_str_eq(sk, "~ntnv");
    cr_assert_eq(ta_skeleton("phoenix", 7, 3, sk), 5); /* ph -> f, x -> ks */
    cr_assert_str_eq(sk, "~fnks");
    cr_assert_eq(ta_skeleton("bayden", 6, 3, sk), 4);
    char sk2[8];
    cr_assert_eq(ta_skeleton("biden", 5, 3, sk2), 4);
    cr_assert_str_eq(sk, sk2);
    cr_assert_eq(ta_skeleton("iowa", 4, 3, sk), 0, "fewer than three consonants: no key");
    cr_assert_eq(ta_skeleton("obama", 5, 2, sk), 3, "two consonants asked for");
    cr_assert_str_eq(sk, "~bm");
    cr_assert_eq(ta_skeleton("sasha", 5, 2, sk), 0, "sh is one s: one consonant");
}

Test(names, similarity)
{
    cr_assert_float_eq(ta_name_similarity("putin", 5, "putin", 5), 1.0, 1e-9);
    cr_assert_float_eq(ta_name_similarity("", 0, "putin", 5), 0.0, 1e-9);
    double b = ta_name_similarity("biden", 5, "bayden", 6);
    cr_assert(b > 0.8 && b < 0.9, "%f", b);
    double p = ta_name_similarity("protests", 8, "pertsovykh", 10);
    cr_assert(p < TA_NAME_MIN, "%f", p);
    cr_assert(ta_name_similarity("pipeline", 8, "payplayn", 8) >= TA_NAME_MIN);
}
