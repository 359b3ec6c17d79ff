/* test_tmx.c — the TMX writer's units (the dateline rule, --tmx-sentences) from the cases in
 * tests/data/tmx_units.tsv, its creationdate, x-source props and tuids. */
#include "testutil.h"
#include <criterion/criterion.h>

enum { MAX_SENT = 8 };

/* Splits s (modified) at `sep` into at most MAX_SENT parts. */
static size_t split(char *s, const char *sep, char **part, size_t *len)
{
    size_t n = 0;
    for (char *p = s; p && n < MAX_SENT; n++) {
        char *q = strstr(p, sep);
        part[n] = p, len[n] = q ? (size_t)(q - p) : strlen(p);
        p = q ? q + strlen(sep) : NULL;
    }
    return n;
}

/* The TMX of one bead holding every sentence of both sides. */
static char *write_tmx(char **en, size_t *le, size_t ne, char **ru, size_t *lr, size_t nr,
                       bool sentences, long long created)
{
    ta_bead b = {0, (int)ne, 0, (int)nr, 0.9};
    ta_corpus c = {0};
    c.en = (const char *const *)en, c.en_len = le, c.n_en = ne;
    c.ru = (const char *const *)ru, c.ru_len = lr, c.n_ru = nr;
    c.beads = &b, c.n_beads = 1, c.src_lang = "en-US", c.tgt_lang = "ru";
    c.tmx_sentences = sentences, c.created = created;
    c.src_doc = "a&b.en.txt", c.tgt_doc = "a.ru.txt";
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cr_assert_eq(ta_write(f, TA_FMT_TMX, &c, NULL), TA_OK);
    fclose(f);
    return buf;
}

/* "EN => RU // EN => RU" from the <seg>s of a TMX text. */
static void units_of(const char *tmx, char *out, size_t cap)
{
    size_t w = 0;
    int k = 0;
    out[0] = '\0';
    for (const char *p = strstr(tmx, "<seg>"); p; p = strstr(p, "<seg>"), k++) {
        p += 5;
        const char *e = strstr(p, "</seg>");
        w += (size_t)snprintf(out + w, cap - w, "%s%.*s", !k ? "" : k % 2 ? " => " : " // ",
                              (int)(e - p), p);
        cr_assert_lt(w, cap);
    }
}

Test(tmx, units_of_the_fixture_cases)
{
    FILE *f = fopen(fixture("tmx_units.tsv"), "r");
    cr_assert_not_null(f);
    char line[4096];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *field[5];
        size_t flen[5];
        cr_assert_eq(split(line, "\t", field, flen), 5, "bad fixture line: %s", line);
        for (int k = 0; k < 5; k++)
            field[k][flen[k]] = '\0';
        char *en[MAX_SENT], *ru[MAX_SENT];
        size_t le[MAX_SENT], lr[MAX_SENT];
        size_t ne = split(field[2], " | ", en, le), nr = split(field[3], " | ", ru, lr);
        char *tmx = write_tmx(en, le, ne, ru, lr, nr, field[1][0] == '1', 0);
        char got[4096];
        units_of(tmx, got, sizeof got);
        cr_expect_str_eq(got, field[4], "%s: got %s", field[0], got);
        free(tmx);
        cases++;
    }
    fclose(f);
    cr_assert_geq(cases, 15);
}

Test(tmx, creationdate_tuids_and_documents)
{
    char en0[] = "MOSCOW, September 2. /TASS/.", ru0[] = "МОСКВА, 2 сентября. /ТАСС/.";
    char *en[] = {en0}, *ru[] = {ru0};
    size_t le[] = {strlen(en0)}, lr[] = {strlen(ru0)};
    char *t = write_tmx(en, le, 1, ru, lr, 1, false, 1630582200); /* 2021-09-02 11:30:00 UTC */
    cr_assert(strstr(t, "srclang=\"en-US\" datatype=\"plaintext\" creationdate=\"20210902T113000Z\""));
    cr_assert(strstr(t, "<tu tuid=\"1.1\" creationdate=\"20210902T113000Z\">"));
    cr_assert(strstr(t, "<tu tuid=\"1.2\" creationdate=\"20210902T113000Z\">"));
    cr_assert(strstr(t, "<tuv xml:lang=\"en-US\"><prop type=\"x-source\">a&amp;b.en.txt</prop><seg>"));
    cr_assert(strstr(t, "<tuv xml:lang=\"ru\"><prop type=\"x-source\">a.ru.txt</prop><seg>"));
    cr_assert(strstr(t, "creationtoolversion=\"" TA_VERSION "\""));
    free(t);
    t = write_tmx(en, le, 1, ru, lr, 1, false, 0);
    cr_assert_null(strstr(t, "creationdate"));
    free(t);
}
