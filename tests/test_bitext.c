/* test_bitext.c — reading bilingual files back (ta_bitext_load): TMX from other tools
 * (language variants, inline codes, units in one language), talign's TSV and JSONL, the
 * malformed files of tests/data/bitext/errors.txt, and round trips through ta_write. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

static char path_buf[1024];

static const char *bitext(const char *name)
{
    snprintf(path_buf, sizeof path_buf, "%s", fixture(""));
    strncat(path_buf, "bitext/", sizeof path_buf - strlen(path_buf) - 1);
    strncat(path_buf, name, sizeof path_buf - strlen(path_buf) - 1);
    return path_buf;
}

/* One bead as "EN || RU" with each side's sentences joined by " | ", and its ids. */
static void bead_str(const ta_corpus *c, size_t k, char *out, size_t cap)
{
    const ta_bead *b = &c->beads[k];
    snprintf(out, cap, "%zu-%zu %zu-%zu%s", b->en0, b->en1, b->ru0, b->ru1,
             b->en1 > b->en0 ? " " : "");
    for (size_t i = b->en0; i < b->en1; i++) {
        strncat(out, i > b->en0 ? " | " : "", cap - strlen(out) - 1);
        strncat(out, c->en[i], cap - strlen(out) - 1);
    }
    strncat(out, b->ru1 > b->ru0 ? " || " : " ||", cap - strlen(out) - 1);
    for (size_t j = b->ru0; j < b->ru1; j++) {
        strncat(out, j > b->ru0 ? " | " : "", cap - strlen(out) - 1);
        strncat(out, c->ru[j], cap - strlen(out) - 1);
    }
}

static ta_bitext *load_ok(const char *name, ta_bitext_format fmt, const char *src,
                          const char *tgt, ta_corpus *c)
{
    ta_bitext *b = NULL;
    ta_error e = {0};
    ta_status s = ta_bitext_load(bitext(name), fmt, src, tgt, &b, &e);
    cr_assert_eq(s, TA_OK, "%s: %s", name, e.message);
    ta_bitext_corpus(b, c);
    return b;
}

static void expect_beads(const char *name, const ta_corpus *c, const char *const *want,
                         size_t n)
{
    cr_assert_eq(c->n_beads, n, "%s: %zu beads, want %zu", name, c->n_beads, n);
    char got[2048];
    for (size_t k = 0; k < n; k++) {
        bead_str(c, k, got, sizeof got);
        cr_assert_str_eq(got, want[k], "%s bead %zu", name, k);
    }
}

Test(bitext, tmx_from_another_tool)
{
    static const char *const want[] = {
        "0-1 0-1 The Kremlin said on Monday. || В Кремле заявили в понедельник.",
        "1-2 1-2 The train arrived at 12 o'clock & left. || Поезд прибыл в 12 часов и ушёл.",
        "2-3 2-3 Shares rose by 12,500 points overnight. || Акции выросли на 12 000 пунктов за ночь.",
        "3-4 3-3 Untranslated sentence. ||",
        "4-5 3-4 Tom & Jerry <3> || Том и Джерри тоже.",
    };
    ta_corpus c;
    ta_bitext *b = load_ok("omegat.tmx", TA_BITEXT_AUTO, "en", "ru", &c);
    expect_beads("omegat.tmx", &c, want, sizeof want / sizeof *want);
    /* units are counted in the file, the German/French one included */
    static const size_t unit[] = {1, 2, 3, 5, 6};
    for (size_t k = 0; k < 5; k++)
        cr_assert_eq(ta_bitext_line(b, k), unit[k], "bead %zu", k);
    cr_assert_eq(ta_bitext_line(b, 5), 0);
    cr_assert_eq(c.beads[0].score, 1.0, "no x-score: a translator's pair");
    cr_assert_str_eq(c.src_lang, "en");
    ta_bitext_free(b);
}

Test(bitext, tmx_other_languages_and_explicit_format)
{
    ta_corpus c;
    ta_bitext *b = load_ok("omegat.tmx", TA_BITEXT_TMX, "DE", "ru", &c);
    static const char *const want[] = {
        "0-0 0-1 || В Кремле заявили в понедельник.",
        "0-1 1-2 Der Zug kam um 12 Uhr. || Поезд прибыл в 12 часов и ушёл.",
        "1-1 2-3 || Акции выросли на 12 000 пунктов за ночь.",
        "1-2 3-3 Nur Deutsch. ||",
        "2-2 3-4 || Том и Джерри тоже.",
    };
    expect_beads("omegat.tmx de-ru", &c, want, sizeof want / sizeof *want);
    ta_bitext_free(b);
}

Test(bitext, tmx_external_entity_not_loaded)
{
    ta_corpus c;
    ta_bitext *b = load_ok("xxe.tmx", TA_BITEXT_AUTO, NULL, NULL, &c);
    cr_assert_eq(c.n_beads, 1);
    cr_assert_str_eq(c.en[0], "Secret: .");
    ta_bitext_free(b);
}

Test(bitext, tmx_utf16)
{
    ta_corpus c;
    ta_bitext *b = load_ok("utf16.tmx", TA_BITEXT_AUTO, NULL, NULL, &c);
    cr_assert_eq(c.n_beads, 1);
    cr_assert_str_eq(c.ru[0], "Секрет.");
    ta_bitext_free(b);
}

Test(bitext, tsv)
{
    static const char *const want[] = {
        "0-1 0-1 Moscow, March 5. || Москва, 5 марта.",
        "1-2 1-2 The talks lasted four hours. || Переговоры длились четыре часа.",
        "2-3 2-2 A sentence left out. ||",
        "3-3 2-3 || Добавленное предложение.",
        "3-4 3-4 Last line without newline. || Последняя строка.",
    };
    static const size_t line[] = {1, 2, 4, 5, 7};
    static const double score[] = {0.99, 1.0, 0.1, 0.2, 1.0};
    ta_corpus c;
    ta_bitext *b = load_ok("sample.tsv", TA_BITEXT_AUTO, NULL, NULL, &c);
    expect_beads("sample.tsv", &c, want, sizeof want / sizeof *want);
    for (size_t k = 0; k < c.n_beads; k++) {
        cr_assert_eq(ta_bitext_line(b, k), line[k], "bead %zu", k);
        cr_assert_float_eq(c.beads[k].score, score[k], 1e-9, "bead %zu", k);
    }
    ta_bitext_free(b);
}

Test(bitext, jsonl)
{
    static const char *const want[] = {
        "0-2 0-1 Antonov spoke. | He told reporters. || Антонов сказал журналистам.",
        "2-3 1-1 Quote: \"yes\" \\ tab\there \xC3\xA9 \xF0\x9F\x98\x80. ||",
        "3-4 1-2 One string. || Без идентификаторов.",
        /* NFC: е + U+0308 is ё; Ё + U+0308 has no composed form */
        "4-5 2-3 \xD0\x81\xCC\x88 decomposed: \xD1\x91 || Й",
    };
    static const size_t line[] = {1, 2, 4, 5};
    ta_corpus c;
    ta_bitext *b = load_ok("sample.jsonl", TA_BITEXT_AUTO, NULL, NULL, &c);
    expect_beads("sample.jsonl", &c, want, sizeof want / sizeof *want);
    for (size_t k = 0; k < c.n_beads; k++)
        cr_assert_eq(ta_bitext_line(b, k), line[k], "bead %zu", k);
    cr_assert_float_eq(c.beads[0].score, 0.87, 1e-9);
    cr_assert_float_eq(c.beads[2].score, 1.0, 1e-9);
    ta_bitext_free(b);
}

Test(bitext, wrong_explicit_format)
{
    ta_bitext *b = (ta_bitext *)1;
    ta_error e = {0};
    cr_assert_eq(ta_bitext_load(bitext("sample.tsv"), TA_BITEXT_JSONL, NULL, NULL, &b, &e),
                 TA_EFORMAT);
    cr_assert_null(b);
    cr_assert(strstr(e.message, "sample.tsv:1: malformed JSON"), "%s", e.message);
    cr_assert_eq(ta_bitext_load(bitext("sample.tsv"), (ta_bitext_format)9, NULL, NULL, &b, &e),
                 TA_EINVAL);
    cr_assert_eq(ta_bitext_load(bitext("sample.tsv"), TA_BITEXT_TSV, "", NULL, &b, NULL),
                 TA_EINVAL);
    ta_bitext_free(NULL);
}

static ta_status parse_status(const char *s)
{
    static const struct { const char *name; ta_status s; } st[] = {
        {"EFORMAT", TA_EFORMAT}, {"EDECODE", TA_EDECODE}, {"EIO", TA_EIO}, {"EINVAL", TA_EINVAL}};
    for (size_t k = 0; k < sizeof st / sizeof *st; k++)
        if (!strcmp(s, st[k].name))
            return st[k].s;
    cr_assert_fail("unknown status %s", s);
    return TA_OK;
}

Test(bitext, malformed_files)
{
    FILE *cases = fopen(fixture("bitext/errors.txt"), "r");
    cr_assert(cases);
    char line[1024];
    size_t n = 0;
    while (fgets(line, sizeof line, cases)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line || *line == '#')
            continue;
        n++;
        char *f[5], *save = NULL, *l = line;
        for (int k = 0; k < 5; k++, l = NULL)
            f[k] = strtok_r(l, "\t", &save);
        cr_assert(f[4], "errors.txt: a line with fewer than 5 fields");
        const char *path = bitext(f[0]);
        ta_bitext *b = (ta_bitext *)1;
        ta_error e = {0};
        ta_status s = ta_bitext_load(path, TA_BITEXT_AUTO, "en", "ru", &b, &e);
        cr_expect_eq(s, parse_status(f[1]), "%s (%s): %s", f[0], f[4], e.message);
        cr_expect_null(b, "%s", f[0]);
        char where[1100];
        if (atoi(f[2]))
            snprintf(where, sizeof where, "%s:%s: ", path, f[2]);
        else
            snprintf(where, sizeof where, "%s: ", path);
        cr_expect(!strncmp(e.message, where, strlen(where)), "%s (%s): message '%s' should start "
                  "'%s'", f[0], f[4], e.message, where);
        cr_expect(strstr(e.message, f[3]), "%s (%s): message '%s' lacks '%s'", f[0], f[4],
                  e.message, f[3]);
        if (s == TA_EDECODE)
            cr_expect(e.has_offset && e.offset == 12, "%s: offset", f[0]);
    }
    fclose(cases);
    cr_assert_gt(n, 10);
}

/* ---- round trips through the writers ------------------------------------------------------ */

static const char *EN[] = {"Moscow, 5 March (TASS).", "He said: \"yes & <no>\".",
                           "A second English sentence.", "Left out in Russian.",
                           "Last — with a dash; 12,500 points."};
static const char *RU[] = {"Москва, 5 марта (ТАСС).", "Он сказал: «да & <нет>», добавив ещё одно.",
                           "Добавлено в русском.", "Последнее — с тире; 12 500 пунктов."};
static const ta_bead BEADS[] = {{0, 1, 0, 1, 0.99}, {1, 3, 1, 2, 0.75}, {3, 4, 2, 2, 0.3},
                                {4, 4, 2, 3, 0.2}, {4, 5, 3, 4, 0.5}};
#define NB (sizeof BEADS / sizeof *BEADS)

static ta_corpus sample(size_t *le, size_t *lr)
{
    for (size_t i = 0; i < 5; i++)
        le[i] = strlen(EN[i]);
    for (size_t j = 0; j < 4; j++)
        lr[j] = strlen(RU[j]);
    return (ta_corpus){EN, le, 5, RU, lr, 4, BEADS, NB, 0, "en", "ru", "t",
                          NULL, 0, false, false, false, NULL, NULL, 0};
}

static ta_bitext *write_read(ta_format wf, ta_bitext_format rf, ta_corpus *out)
{
    size_t le[5], lr[4];
    ta_corpus c = sample(le, lr);
    char path[] = "/tmp/talign_bitext_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    cr_assert_eq(ta_write(f, wf, &c, NULL), TA_OK);
    fclose(f);
    ta_bitext *b = NULL;
    ta_error e = {0};
    cr_assert_eq(ta_bitext_load(path, rf, "en", "ru", &b, &e), TA_OK, "%s", e.message);
    unlink(path);
    ta_bitext_corpus(b, out);
    return b;
}

Test(bitext, roundtrip_jsonl_keeps_sentences_and_beads)
{
    ta_corpus c;
    ta_bitext *b = write_read(TA_FMT_JSONL, TA_BITEXT_AUTO, &c);
    cr_assert_eq(c.n_en, 5);
    cr_assert_eq(c.n_ru, 4);
    for (size_t i = 0; i < 5; i++)
        cr_assert_str_eq(c.en[i], EN[i]);
    for (size_t j = 0; j < 4; j++)
        cr_assert_str_eq(c.ru[j], RU[j]);
    cr_assert_eq(c.n_beads, NB);
    for (size_t k = 0; k < NB; k++) {
        const ta_bead *x = &c.beads[k], *y = &BEADS[k];
        cr_assert(x->en0 == y->en0 && x->en1 == y->en1 && x->ru0 == y->ru0 && x->ru1 == y->ru1,
                  "bead %zu", k);
        cr_assert_float_eq(x->score, y->score, 1e-9, "bead %zu", k);
        cr_assert_eq(ta_bitext_line(b, k), k + 1);
    }
    ta_bitext_free(b);
}

/* TSV and TMX hold one text a side per bead: the bead's sentences joined by a space. */
static void expect_joined(const ta_corpus *c, bool keep_null)
{
    size_t k = 0;
    for (size_t m = 0; m < NB; m++) {
        const ta_bead *y = &BEADS[m];
        if (!keep_null && (y->en0 == y->en1 || y->ru0 == y->ru1))
            continue;
        cr_assert_lt(k, c->n_beads);
        const ta_bead *x = &c->beads[k++];
        cr_assert_eq(x->en1 - x->en0, y->en1 > y->en0, "bead %zu", m);
        cr_assert_eq(x->ru1 - x->ru0, y->ru1 > y->ru0, "bead %zu", m);
        char want[512] = "";
        for (size_t i = y->en0; i < y->en1; i++) {
            strcat(want, i > y->en0 ? " " : "");
            strcat(want, EN[i]);
        }
        if (y->en1 > y->en0)
            cr_assert_str_eq(c->en[x->en0], want);
        want[0] = 0;
        for (size_t j = y->ru0; j < y->ru1; j++) {
            strcat(want, j > y->ru0 ? " " : "");
            strcat(want, RU[j]);
        }
        if (y->ru1 > y->ru0)
            cr_assert_str_eq(c->ru[x->ru0], want);
        cr_assert_float_eq(x->score, y->score, 1e-9, "bead %zu", m);
    }
    cr_assert_eq(k, c->n_beads);
}

Test(bitext, roundtrip_tsv)
{
    ta_corpus c;
    ta_bitext *b = write_read(TA_FMT_TSV, TA_BITEXT_TSV, &c);
    expect_joined(&c, true);
    ta_bitext_free(b);
}

Test(bitext, roundtrip_tmx)
{
    ta_corpus c;
    ta_bitext *b = write_read(TA_FMT_TMX, TA_BITEXT_AUTO, &c);
    expect_joined(&c, false); /* the TMX writer leaves out 1-0 and 0-1 beads */
    ta_bitext_free(b);
}
