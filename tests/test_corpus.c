/* test_corpus.c — the corpus library: unit filters and dedup keys (fixture
 * tests/data/corpus_units.tsv), the JSON reader, manifests and shards, the streaming writers
 * and their reader. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

static ta_unit_filter rule_filter(const char *rule)
{
    ta_unit_filter f = ta_unit_filter_default();
    f.drop_numbers = !strcmp(rule, "numbers");
    f.drop_script = !strcmp(rule, "script");
    f.drop_identical = !strcmp(rule, "identical");
    return f;
}

Test(corpus, fixture_units)
{
    FILE *f = fopen(fixture("corpus_units.tsv"), "r");
    cr_assert(f, "tests/data/corpus_units.tsv");
    char *line = NULL, *prev_en = NULL, *prev_ru = NULL;
    size_t cap = 0;
    int n = 0, lineno = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (!*line || *line == '#')
            continue;
        char *rule = strtok(line, "\t"), *expect = strtok(NULL, "\t"), *en = strtok(NULL, "\t"),
             *ru = strtok(NULL, "\t");
        cr_assert(ru, "line %d: RULE EXPECT EN RU", lineno);
        if (!strcmp(rule, "near") || !strcmp(rule, "exact")) {
            /* compared with the previous case of a keys rule (first: with itself) */
            uint64_t a[2], b[2];
            ta_unit_keys(en, strlen(en), ru, strlen(ru), a);
            const char *pe = prev_en ? prev_en : en, *pr = prev_ru ? prev_ru : ru;
            ta_unit_keys(pe, strlen(pe), pr, strlen(pr), b);
            int k = !strcmp(rule, "near");
            bool same = a[k] == b[k];
            cr_expect_eq(same, !strcmp(expect, "same"), "line %d (%s): %s | %s", lineno, rule, en, ru);
            free(prev_en), free(prev_ru);
            prev_en = strdup(en), prev_ru = strdup(ru);
        } else {
            ta_unit_filter fl = rule_filter(rule);
            ta_unit_fate fate = ta_unit_filter_apply(&fl, en, strlen(en), ru, strlen(ru), 1, 1, 1);
            cr_expect_eq(fate != TA_UNIT_KEPT, !strcmp(expect, "drop"), "line %d (%s): %s | %s -> %s",
                         lineno, rule, en, ru, ta_unit_fate_name(fate));
        }
        n++;
    }
    free(line), free(prev_en), free(prev_ru);
    fclose(f);
    cr_assert_gt(n, 15);
}

Test(corpus, filters_in_order)
{
    ta_unit_filter f = ta_unit_filter_default();
    f.min_score = 0.5, f.only_1_1 = true, f.min_chars = 3, f.max_ratio = 2;
    cr_expect_eq(ta_unit_filter_apply(&f, "abc", 3, "абв", 6, 1, 1, 0.4), TA_UNIT_SCORE);
    cr_expect_eq(ta_unit_filter_apply(&f, "abc", 3, "абв", 6, 2, 1, 0.9), TA_UNIT_NOT_1_1);
    cr_expect_eq(ta_unit_filter_apply(&f, "ab", 2, "абв", 6, 1, 1, 0.9), TA_UNIT_SHORT);
    cr_expect_eq(ta_unit_filter_apply(&f, "abc", 3, "абвгдеж", 14, 1, 1, 0.9), TA_UNIT_RATIO);
    cr_expect_eq(ta_unit_filter_apply(&f, "abc", 3, "абвгде", 12, 1, 1, 0.9), TA_UNIT_KEPT);
}

Test(corpus, dedup_first_wins)
{
    ta_dedup *d;
    cr_assert_eq(ta_dedup_new(&d), TA_OK);
    uint64_t k1[2], k2[2], k3[2];
    ta_unit_keys("A b.", 4, "В г.", 6, k1);
    ta_unit_keys("a B", 3, "в Г", 5, k2);
    ta_unit_keys("c", 1, "д", 2, k3);
    ta_unit_fate f;
    cr_assert_eq(ta_dedup_add(d, k1, &f), TA_OK);
    cr_expect_eq(f, TA_UNIT_KEPT);
    ta_dedup_add(d, k1, &f);
    cr_expect_eq(f, TA_UNIT_DUPLICATE);
    ta_dedup_add(d, k2, &f);
    cr_expect_eq(f, TA_UNIT_NEAR_DUPLICATE);
    ta_dedup_add(d, k3, &f);
    cr_expect_eq(f, TA_UNIT_KEPT);
    cr_expect_eq(ta_dedup_count(d), 2);
    ta_dedup_free(d);
}

Test(corpus, json_strings)
{
    static const char *const keys[] = {"id", "en", "ru"};
    char *v[3];
    const char *rec = "{\"skip\": [1, {\"a\": null}, \"x\"], \"id\": \"d\\\"1\", \"en\": \"A\\nb\\u00e9\","
                      " \"ru\": \"\\ud83d\\ude00\\u041f \\udc00\", \"n\": -1.5e3, \"t\": true}";
    cr_assert_eq(ta_json_strings(rec, strlen(rec), keys, 3, v, NULL), TA_OK);
    cr_expect_str_eq(v[0], "d\"1");
    cr_expect_str_eq(v[1], "A\nb\xC3\xA9");
    cr_expect_str_eq(v[2], "\xF0\x9F\x98\x80\xD0\x9F \xEF\xBF\xBD"); /* 😀П, lone low half: U+FFFD */
    for (int k = 0; k < 3; k++)
        free(v[k]);
    ta_error err = {0};
    cr_expect_eq(ta_json_strings("{\"id\": 5", 8, keys, 3, v, &err), TA_EFORMAT);
    cr_expect_null(v[0]);
    cr_expect_eq(ta_json_strings("[\"id\"]", 6, keys, 3, v, &err), TA_EFORMAT);
    cr_expect_eq(ta_json_strings("{\"id\": 5}", 9, keys, 3, v, &err), TA_EFORMAT);
}

Test(corpus, slices_cover_in_order)
{
    for (size_t n = 0; n < 40; n++)
        for (unsigned of = 1; of < 9; of++) {
            size_t at = 0, from, to;
            for (unsigned k = 1; k <= of; k++) {
                ta_manifest_slice(n, k, of, &from, &to);
                cr_assert_eq(from, at, "n %zu, %u/%u", n, k, of);
                cr_assert(to - from <= n / of + 1);
                at = to;
            }
            cr_assert_eq(at, n);
        }
}

Test(corpus, manifest_relative_paths)
{
    char dir[] = "/tmp/talign-manifest-XXXXXX", path[128];
    cr_assert(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/m.tsv", dir);
    FILE *f = fopen(path, "w");
    fputs("# comment\n\na\tx.en\t/abs/x.ru\nb\tsub/y.en\ty.ru\n", f);
    fclose(f);
    ta_manifest m;
    cr_assert_eq(ta_manifest_read(path, &m, NULL), TA_OK);
    cr_assert_eq(m.n, 2);
    char want[160];
    snprintf(want, sizeof want, "%s/x.en", dir);
    cr_expect_str_eq(m.e[0].en, want);
    cr_expect_str_eq(m.e[0].ru, "/abs/x.ru");
    cr_expect_str_eq(m.e[1].id, "b");
    ta_manifest_clear(&m);
    f = fopen(path, "w");
    fputs("a\tx.en\n", f);
    fclose(f);
    ta_error err = {0};
    cr_expect_eq(ta_manifest_read(path, &m, &err), TA_EFORMAT);
    cr_expect(strstr(err.message, ":1:"), "%s", err.message);
    unlink(path);
    rmdir(dir);
}

/* what the writers write, the reader reads back: records and texts, every format */
Test(corpus, stream_round_trip)
{
    const char *en = "Tom & \"Jerry\" <1>", *ru = "Том и «Джерри»\\x";
    for (int fmt = TA_STREAM_TMX; fmt <= TA_STREAM_MOSES; fmt++) {
        char p1[] = "/tmp/talign-stream-XXXXXX", p2[] = "/tmp/talign-stream-XXXXXX";
        int fd1 = mkstemp(p1), fd2 = mkstemp(p2);
        FILE *f = fdopen(fd1, "w"), *f2 = fdopen(fd2, "w");
        ta_unit u = {.doc = "doc<1>", .bead = 7, .en = en, .ru = ru, .en_len = strlen(en),
                     .ru_len = strlen(ru), .n_en = 2, .n_ru = 1, .score = 0.5};
        cr_assert_eq(ta_stream_header(f, fmt, "en", "ru", 0, NULL), TA_OK);
        cr_assert_eq(ta_stream_unit(f, f2, fmt, &u, NULL), TA_OK);
        cr_assert_eq(ta_stream_unit(f, f2, fmt, &u, NULL), TA_OK);
        cr_assert_eq(ta_stream_footer(f, fmt, NULL), TA_OK);
        fclose(f), fclose(f2);
        ta_stream_reader *r;
        cr_assert_eq(ta_stream_reader_open(p1, p2, fmt, 0, 0, &r, NULL), TA_OK);
        int units = 0;
        for (;;) {
            const char *rec, *rec2, *e, *s;
            size_t rl, rl2, el, sl;
            bool end;
            cr_assert_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, NULL), TA_OK,
                         "format %d", fmt);
            if (end)
                break;
            units++;
            cr_expect_str_eq(e, en, "format %d", fmt);
            cr_expect_str_eq(s, ru, "format %d", fmt);
            if (fmt == TA_STREAM_TMX)
                cr_expect(strstr(rec, "tuid=\"doc&lt;1&gt;:8\" segtype=\"block\""), "%s", rec);
        }
        cr_expect_eq(units, 2, "format %d", fmt);
        ta_stream_reader_free(r);
        unlink(p1), unlink(p2);
    }
}

/* TMX: the reader keeps the header as written, and a read up to a checkpoint (a partial file,
 * no footer yet) ends cleanly between units */
Test(corpus, stream_reader_tmx_header_and_checkpoint)
{
    char path[] = "/tmp/talign-stream-XXXXXX";
    FILE *f = fdopen(mkstemp(path), "w");
    ta_unit u = {.doc = "d", .en = "One.", .ru = "Один.", .en_len = 4, .ru_len = 9, .n_en = 1,
                 .n_ru = 1, .score = 0.5, .src_lang = "en-US", .created = 1630540800};
    cr_assert_eq(ta_stream_header(f, TA_STREAM_TMX, "en-US", "ru", 1630540800, NULL), TA_OK);
    long head = ftell(f);
    cr_assert_eq(ta_stream_unit(f, NULL, TA_STREAM_TMX, &u, NULL), TA_OK);
    long checkpoint = ftell(f);
    u.bead = 1, u.piece = 2;
    cr_assert_eq(ta_stream_unit(f, NULL, TA_STREAM_TMX, &u, NULL), TA_OK);
    fclose(f);
    ta_stream_reader *r;
    cr_assert_eq(ta_stream_reader_open(path, NULL, TA_STREAM_TMX, (size_t)checkpoint, 0, &r, NULL),
                 TA_OK);
    size_t hl;
    const char *h = ta_stream_reader_header(r, &hl);
    cr_expect_eq(hl, (size_t)head);
    cr_expect(strstr(h, "srclang=\"en-US\"") && strstr(h, "creationdate=\"20210902T000000Z\""),
              "%.*s", (int)hl, h);
    const char *rec, *rec2, *e, *s;
    size_t rl, rl2, el, sl;
    bool end;
    cr_assert_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, NULL),
                 TA_OK);
    cr_expect(!end && strstr(rec, "<tu tuid=\"d:1\" creationdate=\"20210902T000000Z\">"), "%s", rec);
    ta_error err = {0};
    cr_expect_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, &err),
                 TA_OK, "%s", err.message);
    cr_expect(end, "a unit past the checkpoint was read");
    ta_stream_reader_free(r);
    /* the whole file, which has no footer: a truncated file, not a clean end */
    cr_assert_eq(ta_stream_reader_open(path, NULL, TA_STREAM_TMX, 0, 0, &r, NULL), TA_OK);
    cr_assert_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, NULL),
                 TA_OK);
    cr_assert_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, NULL),
                 TA_OK);
    cr_expect(strstr(rec, "<tu tuid=\"d:2.2\""), "%s", rec);
    cr_expect_eq(ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &e, &el, &s, &sl, &end, &err),
                 TA_EFORMAT);
    cr_expect(strstr(err.message, "no </body>"), "%s", err.message);
    ta_stream_reader_free(r);
    unlink(path);
}
