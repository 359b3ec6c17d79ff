/* test_names.c — Latin forms (the fast Russian path must give what ICU's Russian-Latin/BGN
 * gives), consonant skeletons and name similarity. */
#include "names.h"
#include <criterion/criterion.h>
#include <string.h>

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

Test(names, skeletons)
{
    char sk[8];
    cr_assert_eq(ta_skeleton("antonov", 7, sk), 5);
    cr_assert_str_eq(sk, "~ntnv");
    cr_assert_eq(ta_skeleton("phoenix", 7, sk), 5); /* ph -> f, x -> ks */
    cr_assert_str_eq(sk, "~fnks");
    cr_assert_eq(ta_skeleton("bayden", 6, sk), 4);
    char sk2[8];
    cr_assert_eq(ta_skeleton("biden", 5, sk2), 4);
    cr_assert_str_eq(sk, sk2);
    cr_assert_eq(ta_skeleton("iowa", 4, sk), 0, "fewer than three consonants: no key");
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
