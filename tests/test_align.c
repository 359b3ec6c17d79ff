/* test_align.c — the aligner (beads cover both sides in order; merges, omissions and empty
 * sides), the lexicon file (build-free: written payload, version and corruption checks) and
 * the writers' escaping. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

static const char *EN[] = {"Russia hopes the US will respond to the proposals on 16 issues.",
                           "Antonov told reporters on Monday.",
                           "The talks in Geneva lasted four hours.",
                           "Biden handed Putin a list of 16 types of infrastructure.",
                           "Nobody commented on the meeting afterwards."};
static const char *RU[] = {"Россия надеется, что США ответят на предложения по 16 вопросам, "
                           "заявил в понедельник журналистам Антонов.",
                           "Переговоры в Женеве продолжались четыре часа.",
                           "Байден передал Путину список из 16 типов объектов инфраструктуры.",
                           "Встречу никто не комментировал."};

static void lens(const char **s, size_t n, size_t *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = strlen(s[i]);
}

static void check_cover(const ta_bead *b, size_t nb, size_t ne, size_t nr)
{
    int e = 0, r = 0;
    for (size_t k = 0; k < nb; k++) {
        cr_assert_eq(b[k].en0, e);
        cr_assert_eq(b[k].ru0, r);
        cr_assert(b[k].en1 >= b[k].en0 && b[k].ru1 >= b[k].ru0);
        cr_assert(b[k].en1 > b[k].en0 || b[k].ru1 > b[k].ru0);
        cr_assert(b[k].score >= 0 && b[k].score <= 1);
        e = b[k].en1, r = b[k].ru1;
    }
    cr_assert_eq((size_t)e, ne);
    cr_assert_eq((size_t)r, nr);
}

Test(align, merge_is_found)
{
    size_t le[5], lr[4];
    lens(EN, 5, le), lens(RU, 4, lr);
    ta_bead *b;
    size_t nb;
    cr_assert_eq(ta_align(EN, le, 5, RU, lr, 4, NULL, NULL, &b, &nb), TA_OK);
    check_cover(b, nb, 5, 4);
    cr_assert_eq(nb, 4);
    cr_assert_eq(b[0].en1, 2, "the first two English sentences form one Russian one");
    cr_assert_eq(b[0].ru1, 1);
    ta_free(b);
}

Test(align, empty_side_gives_null_beads)
{
    size_t le[5];
    lens(EN, 5, le);
    ta_bead *b;
    size_t nb;
    cr_assert_eq(ta_align(EN, le, 5, NULL, NULL, 0, NULL, NULL, &b, &nb), TA_OK);
    check_cover(b, nb, 5, 0);
    cr_assert_eq(nb, 5);
    ta_free(b);
    cr_assert_eq(ta_align(NULL, NULL, 0, NULL, NULL, 0, NULL, NULL, &b, &nb), TA_OK);
    cr_assert_eq(nb, 0);
    ta_free(b);
}

Test(align, long_uneven_input_widens_band)
{
    enum { N = 400, M = 150 };
    const char *e[N], *r[M];
    size_t le[N], lr[M];
    for (int i = 0; i < N; i++)
        e[i] = EN[i % 5], le[i] = strlen(e[i]);
    for (int j = 0; j < M; j++)
        r[j] = RU[j % 4], lr[j] = strlen(r[j]);
    ta_align_opts o = ta_align_opts_default();
    o.band = 5;
    ta_bead *b;
    size_t nb;
    cr_assert_eq(ta_align(e, le, N, r, lr, M, NULL, &o, &b, &nb), TA_OK);
    check_cover(b, nb, N, M);
    ta_free(b);
    o.max_bead = 9;
    cr_assert_eq(ta_align(e, le, N, r, lr, M, NULL, &o, &b, &nb), TA_EINVAL);
}

Test(lexicon, missing_corrupt_and_versioned_files)
{
    ta_lexicon *lx = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_lexicon_load("/nonexistent.lex", &lx, &err), TA_EIO);
    cr_assert(strstr(err.message, "/nonexistent.lex"));
    char path[] = "/tmp/talign-test-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(write(fd, "garbage", 7) == 7);
    close(fd);
    cr_assert_eq(ta_lexicon_load(path, &lx, &err), TA_EFORMAT);
    FILE *f = fopen(path, "wb"); /* right magic, another version */
    unsigned v[6] = {99, 0, 0, 0, 0, 0};
    fwrite("TALEX\0\0\0", 1, 8, f);
    fwrite(v, sizeof v, 1, f);
    fclose(f);
    cr_assert_eq(ta_lexicon_load(path, &lx, &err), TA_EVERSION);
    cr_assert(strstr(err.message, "rebuild"));
    unlink(path);
    cr_assert_eq(ta_lexicon_load(NULL, &lx, &err), TA_OK); /* an empty lexicon */
    char *res;
    cr_assert_eq(ta_lexicon_lookup(lx, "duty", 4, &res), TA_OK);
    cr_assert_str_eq(res, "");
    ta_free(res);
    ta_lexicon_free(lx);
    ta_lexicon_free(NULL);
}

static char *render(ta_format fmt, const char *en, const char *ru)
{
    const char *e[] = {en}, *r[] = {ru};
    size_t le[] = {strlen(en)}, lr[] = {strlen(ru)};
    ta_bead b = {0, 1, 0, 1, 0.95};
    ta_corpus c = {e, le, 1, r, lr, 1, &b, 1, 0, "en", "ru", "t<i>"};
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cr_assert_eq(ta_write(f, fmt, &c), TA_OK);
    fclose(f);
    return buf;
}

Test(write, everything_is_escaped)
{
    const char *evil = "<script>alert(\"x\")</script> & 'q' \x01\x1b end";
    char *t = render(TA_FMT_TMX, evil, "ок");
    cr_assert(strstr(t, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;  end"));
    cr_assert(strstr(t, "segtype=\"sentence\"") && strstr(t, "<prop type=\"x-score\">0.950"));
    cr_assert_null(strchr(t, '\x01'));
    free(t);
    t = render(TA_FMT_HTML, evil, "ок");
    cr_assert_null(strstr(t, "<script>"));
    cr_assert(strstr(t, "<title>t&lt;i&gt;</title>"));
    free(t);
    t = render(TA_FMT_JSONL, evil, "ок");
    cr_assert(strstr(t, "\\\"x\\\"") && strstr(t, "\\u0001") && strstr(t, "\\u001b"));
    free(t);
    t = render(TA_FMT_TSV, "a\tb", "в");
    cr_assert_str_eq(t, "a b\tв\t0.950\t1-1\n");
    free(t);
    t = render(TA_FMT_LADDER, "a", "b");
    cr_assert_str_eq(t, "0\t0\t0.950\n1\t1\t1.000\n");
    free(t);
}
