/* test_numbers.c — the number parser and comparer of the QA `number` check: the fixture
 * tests/data/check_numbers.txt (same / differ pairs) and the values extract() gives. */
#include "testutil.h"
#include "check/numbers.h"
#include <criterion/criterion.h>
#include <math.h>

static ta_numparser *P;

static void setup(void)
{
    ta_error err;
    cr_assert_eq(ta_numparser_new(NULL, &P, &err), TA_OK, "%s", err.message);
}
static void teardown(void) { ta_numparser_free(P); }

TestSuite(numbers, .init = setup, .fini = teardown);

/* The numbers of s as an array (static, up to 16). */
static ta_number *extract(char lang, const char *s, size_t *n)
{
    static ta_number out[16];
    ta_vec v = {0};
    cr_assert_eq(ta_numbers_extract(P, lang, s, strlen(s), &v), 0);
    *n = v.len < 16 ? v.len : 16;
    if (*n)
        memcpy(out, v.data, *n * sizeof *out);
    ta_vec_release(&v);
    return out;
}

/* Diff of two texts; the message in msg (static). */
static int diff(const char *en, const char *ru, const char **msg)
{
    static char text[1024];
    ta_vec e = {0}, r = {0};
    ta_buf b = {0};
    cr_assert_eq(ta_numbers_extract(P, 'e', en, strlen(en), &e), 0);
    cr_assert_eq(ta_numbers_extract(P, 'r', ru, strlen(ru), &r), 0);
    int k = ta_numbers_diff(en, e.data, e.len, ru, r.data, r.len, &b, NULL);
    snprintf(text, sizeof text, "%s", b.data ? b.data : "");
    *msg = text;
    ta_vec_release(&e);
    ta_vec_release(&r);
    ta_buf_release(&b);
    return k;
}

Test(numbers, fixture)
{
    char **lines;
    size_t n;
    int *lineno;
    cr_assert_eq(ta_file_lines(fixture("check_numbers.txt"), &lines, &n, &lineno, NULL), TA_OK);
    cr_assert_gt(n, 50);
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[4], *save = NULL;
        size_t k = 0;
        for (char *t = strtok_r(lines[i], "\t", &save); t && k < 4; t = strtok_r(NULL, "\t", &save))
            f[k++] = t;
        cr_assert_eq(k, 4, "check_numbers.txt, line %d: expected RULE, same|differ, EN, RU", lineno[i]);
        bool same = !strcmp(f[1], "same");
        cr_assert(same || !strcmp(f[1], "differ"), "line %d: %s", lineno[i], f[1]);
        const char *msg;
        int d = diff(f[2], f[3], &msg);
        cr_assert_geq(d, 0);
        if ((d == 0) != same) {
            failed++;
            cr_log_error("check_numbers.txt:%d [%s] expected %s: %s | %s -> %d %s", lineno[i], f[0], f[1],
                         f[2], f[3], d, msg);
        }
    }
    cr_expect_eq(failed, 0, "%zu fixture lines failed", failed);
    ta_lines_free(lines);
    free(lineno);
}

#define VALUE(x, v) cr_expect(fabs((x).value - (v)) < 1e-9 * fmax(1, fabs((double)(v))), "%.15g != %.15g", (x).value, (double)(v))

Test(numbers, english_values)
{
    size_t n;
    const char *s = "It cost $12,500, or 1.5% of 2.5bn, on May 31 at 3 p.m.; twenty-five and 1,5.";
    ta_number *x = extract('e', s, &n);
    cr_assert_eq(n, 8);
    VALUE(x[0], 12500);
    cr_expect_eq(x[0].kind, TA_NUM_MONEY);
    cr_expect_eq(x[0].end - x[0].start, strlen("$12,500"));
    cr_expect_eq(memcmp(s + x[0].start, "$12,500", 7), 0);
    VALUE(x[1], 1.5);
    cr_expect_eq(x[1].kind, TA_NUM_PERCENT);
    VALUE(x[2], 2.5e9);
    VALUE(x[3], 531);
    cr_expect_eq(x[3].kind, TA_NUM_DATE);
    VALUE(x[4], 1500);
    cr_expect_eq(x[4].kind, TA_NUM_TIME);
    VALUE(x[5], 25);
    cr_expect(x[5].spelled);
    VALUE(x[6], 1); /* "1,5" in English: a list */
    VALUE(x[7], 5);
    cr_expect(!x[6].spelled && x[6].kind == TA_NUM_PLAIN);
}

Test(numbers, russian_values)
{
    size_t n;
    const char *s = "Стоило 12\u00a0500 руб., рост 1,5%, 2,5 млрд, 31 мая, 3-м, двадцати пяти, полтора, Су-57";
    ta_number *x = extract('r', s, &n);
    cr_assert_eq(n, 8);
    VALUE(x[0], 12500);
    cr_expect_eq(x[0].kind, TA_NUM_MONEY);
    VALUE(x[1], 1.5);
    cr_expect_eq(x[1].kind, TA_NUM_PERCENT);
    VALUE(x[2], 2.5e9);
    VALUE(x[3], 531);
    cr_expect_eq(x[3].kind, TA_NUM_DATE);
    VALUE(x[4], 3);
    cr_expect_eq(x[4].kind, TA_NUM_ORDINAL);
    VALUE(x[5], 25);
    cr_expect(x[5].spelled);
    VALUE(x[6], 1.5);
    VALUE(x[7], 57);
    cr_expect_eq(x[7].kind, TA_NUM_CODE);
}

Test(numbers, spelled_forms_from_icu)
{
    const char *forms[][2] = {{"трёх", "3"},      {"трех", "3"},         {"сорока", "40"},   {"семистах", "700"},
                              {"двумястами", "200"}, {"третьем", "3"},    {"пятидесяти", "50"}, {"девятнадцатого", "19"}};
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        size_t n;
        ta_number *x = extract('r', forms[k][0], &n);
        cr_expect_eq(n, 1, "%s", forms[k][0]);
        if (n)
            VALUE(x[0], atof(forms[k][1]));
    }
}

Test(numbers, messages)
{
    const char *msg;
    cr_expect_eq(diff("It cost 12,500 dollars.", "Это стоило 12 000 долларов.", &msg), 1);
    cr_expect_str_eq(msg, "12,500 dollars \u2260 12 000 долларов");
    cr_expect_eq(diff("Up 25% and 7", "Рост на 7", &msg), 1);
    cr_expect_str_eq(msg, "missing in Russian: 25%");
    cr_expect_eq(diff("Up", "Рост на 7", &msg), 1);
    cr_expect_str_eq(msg, "missing in English: 7");
    cr_expect_eq(diff("twenty-five people", "26 человек", &msg), 1);
    cr_expect_str_eq(msg, "twenty-five \u2260 26");
    cr_expect_eq(diff("3 and 4", "3 и 4", &msg), 0);
    cr_expect_str_eq(msg, "");
}
