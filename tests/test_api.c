/* test_api.c — the shape of the public API (issue 16): settings come from the caller, never the
 * environment (data_dir, fifo_wait); fallible calls fill a ta_error naming the file and line. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *EN[] = {"Russia hopes the US will respond to the proposals on 16 issues.",
                           "The talks in Geneva lasted four hours."};
static const char *RU[] = {"Россия надеется, что США ответят на предложения по 16 вопросам.",
                           "Переговоры в Женеве продолжались четыре часа."};

/* The data files the aligner and the segmenters read, copied from lexicon/. */
static const char *DATA_FILES[] = {
    "abbrev.en", "abbrev.ru", "starters.en", "starters.ru", "stopwords.en", "stopwords.ru",
    "titlecase.en", "titles.en", "boilerplate.txt", "params.en-ru", "numbers.en", "numbers.ru",
    "months.en", "months.ru", "clause.en", "clause.ru", "endings.en", "endings.ru", "roles.en",
    "roles.ru", NULL};

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* A fresh folder with copies of every data file; the caller then breaks one. */
static void make_data_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/talign-api-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    const char *root = getenv("TALIGN_SRC");
    for (const char **n = DATA_FILES; *n; n++) {
        char src[1024], dst[128], buf[4096];
        snprintf(src, sizeof src, "%s/lexicon/%s", root ? root : ".", *n);
        snprintf(dst, sizeof dst, "%s/%s", dir, *n);
        FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
        cr_assert(in && out, "cannot copy %s", src);
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, k, out);
        fclose(in), fclose(out);
    }
}

static void remove_data_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

static size_t en_len[2], ru_len[2];
static ta_sentences en_side = {EN, en_len, 2}, ru_side = {RU, ru_len, 2};

static void measure(void)
{
    for (size_t i = 0; i < 2; i++)
        en_len[i] = strlen(EN[i]), ru_len[i] = strlen(RU[i]);
}

TestSuite(api, .init = measure);

Test(api, align_with_a_bad_params_file_names_file_and_line)
{
    make_data_dir();
    write_file("params.en-ru", "# broken\nc 1.0\ns2 three\n");
    ta_align_opts o = ta_align_opts_default();
    o.data_dir = dir;
    ta_bead *b = NULL;
    size_t nb = 0;
    ta_error err = {0};
    cr_assert_eq(ta_align(&en_side, &ru_side, NULL, &o, &b, &nb, &err), TA_EFORMAT);
    cr_assert_null(b);
    char want[128];
    snprintf(want, sizeof want, "%s/params.en-ru, line 3", dir);
    cr_assert(strstr(err.message, want), "message: %s", err.message);
    remove_data_dir();
}

Test(api, align_reads_the_callers_data_dir_not_the_environment)
{
    make_data_dir();
    write_file("params.en-ru", "c 1.0\n"); /* no rates: unusable */
    ta_bead *b = NULL;
    size_t nb = 0;
    ta_error err = {0};
    setenv("TALIGN_DATA", dir, 1);
    cr_assert_eq(ta_align(&en_side, &ru_side, NULL, NULL, &b, &nb, &err), TA_OK, "%s",
                 err.message); /* built-in data: the environment is the program's business */
    cr_assert_eq(nb, 2);
    ta_free(b);
    unsetenv("TALIGN_DATA");
    ta_align_opts o = ta_align_opts_default();
    o.data_dir = dir;
    cr_assert_eq(ta_align(&en_side, &ru_side, NULL, &o, &b, &nb, &err), TA_EFORMAT);
    cr_assert(strstr(err.message, "params.en-ru:") && strstr(err.message, dir), "%s",
              err.message);
    remove_data_dir();
}

Test(api, align_names_bad_options)
{
    ta_align_opts o = ta_align_opts_default();
    o.max_bead = 7;
    ta_bead *b = NULL;
    size_t nb = 0;
    ta_error err = {0};
    cr_assert_eq(ta_align(&en_side, &ru_side, NULL, &o, &b, &nb, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "max_bead"), "%s", err.message);
    ta_sentences none = {NULL, NULL, 2};
    cr_assert_eq(ta_align(&none, &ru_side, NULL, NULL, &b, &nb, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "NULL"), "%s", err.message);
}

Test(api, aligner_data_dir_reaches_the_model)
{
    make_data_dir();
    write_file("params.en-ru", "c 1.0\ns2 3.1\nlex.en.right x\n");
    ta_aligner_opts o = ta_aligner_opts_default();
    o.data_dir = dir;
    ta_aligner *a = NULL;
    ta_pair *p = NULL;
    ta_error err = {0};
    ta_status s = ta_aligner_new(&o, NULL, &a, &err);
    if (s == TA_OK)
        s = ta_aligner_run(a, "One. Two.", strlen("One. Two."), "Один. Два.",
                           strlen("Один. Два."), &p, &err);
    cr_assert_eq(s, TA_EFORMAT);
    cr_assert(strstr(err.message, "params.en-ru, line 3"), "%s", err.message);
    ta_pair_free(p);
    ta_aligner_free(a);
    remove_data_dir();
}

Test(api, segmenter_data_dir_with_a_broken_abbrev_file_names_it)
{
    make_data_dir();
    write_file("abbrev.en", "option no-such-option\n");
    ta_segment_opts o = ta_segment_opts_default();
    o.data_dir = dir;
    ta_segmenter *s = NULL;
    ta_error err = {0};
    cr_assert_neq(ta_segmenter_new(&o, &s, &err), TA_OK);
    cr_assert_null(s);
    cr_assert(strstr(err.message, "abbrev.en"), "%s", err.message);
    remove_data_dir();
}

Test(api, matcher_data_dir_with_a_broken_numbers_file_names_it)
{
    make_data_dir();
    write_file("numbers.en", "five five\n");
    ta_matcher *m = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_matcher_new(NULL, dir, &m, &err), TA_EFORMAT);
    cr_assert_null(m);
    cr_assert(strstr(err.message, "numbers.en, line 1"), "%s", err.message);
    cr_assert_eq(ta_matcher_new(NULL, NULL, &m, &err), TA_OK);
    ta_matcher_free(m);
    remove_data_dir();
}

Test(api, text_load_waits_for_a_pipe_as_long_as_told)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/talign-api-fifo-%d", (int)getpid());
    cr_assert_eq(mkfifo(path, 0600), 0);
    setenv("TALIGN_FIFO_WAIT", "30", 1); /* ignored: the wait is the caller's argument */
    ta_text *t = NULL;
    ta_error err = {0};
    time_t t0 = time(NULL);
    cr_assert_eq(ta_text_load(path, NULL, 1, &t, &err), TA_EIO);
    cr_assert(time(NULL) - t0 <= 3);
    cr_assert(strstr(err.message, "in 1 s"), "%s", err.message);
    unsetenv("TALIGN_FIFO_WAIT");
    unlink(path);
}

#define IS_SIZE_T(x) _Generic((x), size_t: true, default: false)

Test(api, sentence_indices_are_size_t_like_counts)
{
    ta_bead b = {0};
    ta_finding f = {0};
    ta_unit u = {0};
    cr_assert(IS_SIZE_T(b.en0) && IS_SIZE_T(b.en1) && IS_SIZE_T(b.ru0) && IS_SIZE_T(b.ru1));
    cr_assert(IS_SIZE_T(f.en0) && IS_SIZE_T(f.en1) && IS_SIZE_T(f.ru0) && IS_SIZE_T(f.ru1));
    cr_assert(IS_SIZE_T(f.moved_bead) && IS_SIZE_T(u.n_en) && IS_SIZE_T(u.n_ru));
}

Test(api, unit_text_joins_a_range_of_a_side)
{
    static const char *s[] = {"One.", "Two\tlines\n.", "Three."};
    static const size_t len[] = {4, 11, 6};
    ta_sentences side = {s, len, 3};
    char *buf = NULL;
    size_t n = 0, cap = 0;
    cr_assert_eq(ta_unit_text(&side, 1, 3, &buf, &n, &cap), TA_OK);
    cr_assert_eq(n, strlen("Two lines . Three."));
    cr_assert(!memcmp(buf, "Two lines . Three.", n), "%.*s", (int)n, buf);
    free(buf);
}

/* A one-bead document for the writers. */
static const char *W_EN[] = {"One."}, *W_RU[] = {"Один."};
static const size_t W_EN_LEN[] = {4}, W_RU_LEN[] = {9};
static const ta_bead W_BEAD[] = {{0, 1, 0, 1, 0.9}};

static ta_corpus one_bead(void)
{
    ta_corpus c = {0};
    c.en = W_EN, c.en_len = W_EN_LEN, c.n_en = 1;
    c.ru = W_RU, c.ru_len = W_RU_LEN, c.n_ru = 1;
    c.beads = W_BEAD, c.n_beads = 1;
    c.src_lang = "en", c.tgt_lang = "ru", c.title = "t";
    return c;
}

Test(api, writers_report_a_failed_write)
{
    FILE *f = fopen("/dev/full", "w");
    cr_assert_not_null(f);
    setvbuf(f, NULL, _IONBF, 0); /* every write reaches the device and fails */
    ta_corpus c = one_bead();
    ta_error err = {0};
    cr_assert_eq(ta_write(f, TA_FMT_TSV, &c, &err), TA_EIO);
    cr_assert(strstr(err.message, "write error: "), "%s", err.message);
    memset(&err, 0, sizeof err);
    ta_unit u = {"doc", 0, "One.", "Один.", 4, 9, 1, 1, 0.9, NULL, NULL};
    cr_assert_eq(ta_stream_unit(f, NULL, TA_STREAM_TSV, &u, &err), TA_EIO);
    cr_assert(strstr(err.message, "write error: "), "%s", err.message);
    fclose(f);
}

Test(api, writers_name_a_bad_argument)
{
    ta_corpus c = one_bead();
    ta_error err = {0};
    cr_assert_eq(ta_write(stdout, (ta_format)99, &c, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "format 99"), "%s", err.message);
    ta_finding bad = {"number", TA_SEV_ERROR, 0, 0, 5, 0, 1, TA_NO_BEAD, "x", NULL, NULL, NULL};
    cr_assert_eq(ta_write_findings(stdout, TA_REPORT_JSON, &c, &bad, 1, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "finding 0 (number)"), "%s", err.message);
    ta_unit u = {"doc", 0, "One.", "Один.", 4, 9, 1, 1, 0.9, NULL, NULL};
    cr_assert_eq(ta_stream_unit(stdout, NULL, TA_STREAM_MOSES, &u, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "moses"), "%s", err.message);
    ta_stream_format sf;
    cr_assert_eq(ta_stream_format_parse("xlsx", &sf, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "'xlsx'") && strstr(err.message, "jsonl"), "%s", err.message);
    ta_severity sev;
    cr_assert_eq(ta_severity_parse("fatal", &sev, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "'fatal'") && strstr(err.message, "warning"), "%s",
              err.message);
}

Test(api, split_functions_report_a_bad_params_file)
{
    make_data_dir();
    write_file("params.en-ru", "c 1.0\nprior.1-1 often\n");
    const char *en = "The rouble fell. Oil rose.", *ru = "Рубль упал. Нефть подорожала.";
    ta_span *se = malloc(sizeof *se), *sr = malloc(2 * sizeof *sr);
    ta_bead *b = malloc(sizeof *b);
    cr_assert(se && sr && b);
    se[0] = (ta_span){0, 26, 0, TA_KIND_BODY};
    sr[0] = (ta_span){0, 20, 0, TA_KIND_BODY}, sr[1] = (ta_span){21, strlen(ru), 0, TA_KIND_BODY};
    b[0] = (ta_bead){0, 1, 0, 2, 0.7};
    size_t ne = 1, nr = 2, nb = 1;
    ta_error err = {0};
    char want[128];
    snprintf(want, sizeof want, "%s/params.en-ru, line 2", dir);
    cr_assert_eq(ta_split_by_translation(en, &se, &ne, ru, &sr, &nr, &b, &nb, NULL, dir, &err),
                 TA_EFORMAT);
    cr_assert(strstr(err.message, want), "%s", err.message);
    memset(&err, 0, sizeof err);
    cr_assert_eq(ta_split_glued_headlines(en, strlen(en), &se, &ne, ru, strlen(ru), &sr, &nr, NULL,
                                          dir, &err),
                 TA_EFORMAT);
    cr_assert(strstr(err.message, want), "%s", err.message);
    cr_assert_eq(ne, 1);
    cr_assert_eq(nb, 1);
    ta_free(se), ta_free(sr), ta_free(b);
    remove_data_dir();
}
