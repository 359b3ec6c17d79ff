/* test_align.c — the aligner (beads cover both sides in order; merges, omissions and empty
 * sides), the lexicon file (build-free: written payload, version and corruption checks) and
 * the writers' escaping. */
#include "testutil.h"
#include "sentfeat.h"
#include <criterion/criterion.h>
#include <unistd.h>
#include <zlib.h>

static const char *EN[] = {"Russia hopes the US will respond to the proposals on 16 issues.",
                           "Antonov told reporters on Monday.",
                           "The talks in Geneva lasted four hours.",
                           "Biden handed Putin a list of 16 types of infrastructure.",
                           "Nobody commented on the meeting afterwards."};
static const char *RU[] = {("Россия надеется, что США ответят на предложения по 16 вопросам, "
                            "заявил в понедельник журналистам Антонов."),
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
    size_t e = 0, r = 0;
    for (size_t k = 0; k < nb; k++) {
        cr_assert_eq(b[k].en0, e);
        cr_assert_eq(b[k].ru0, r);
        cr_assert(b[k].en1 >= b[k].en0 && b[k].ru1 >= b[k].ru0);
        cr_assert(b[k].en1 > b[k].en0 || b[k].ru1 > b[k].ru0);
        cr_assert(b[k].score >= 0 && b[k].score <= 1);
        e = b[k].en1, r = b[k].ru1;
    }
    cr_assert_eq(e, ne);
    cr_assert_eq(r, nr);
}

Test(align, merge_is_found)
{
    size_t le[5], lr[4];
    lens(EN, 5, le), lens(RU, 4, lr);
    ta_bead *b;
    size_t nb;
    cr_assert_eq(
        ta_align(&(ta_sentences){EN, le, 5}, &(ta_sentences){RU, lr, 4}, NULL, NULL, &b, &nb, NULL),
        TA_OK);
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
    cr_assert_eq(ta_align(&(ta_sentences){EN, le, 5}, &(ta_sentences){NULL, NULL, 0}, NULL, NULL,
                          &b, &nb, NULL),
                 TA_OK);
    check_cover(b, nb, 5, 0);
    cr_assert_eq(nb, 5);
    ta_free(b);
    cr_assert_eq(ta_align(&(ta_sentences){NULL, NULL, 0}, &(ta_sentences){NULL, NULL, 0}, NULL,
                          NULL, &b, &nb, NULL),
                 TA_OK);
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
    cr_assert_eq(
        ta_align(&(ta_sentences){e, le, N}, &(ta_sentences){r, lr, M}, NULL, &o, &b, &nb, NULL),
        TA_OK);
    check_cover(b, nb, N, M);
    ta_free(b);
    o.max_bead = 9;
    cr_assert_eq(
        ta_align(&(ta_sentences){e, le, N}, &(ta_sentences){r, lr, M}, NULL, &o, &b, &nb, NULL),
        TA_EINVAL);
}

/* Sixty sentences missing on one side put the path 60 sentences off the diagonal, far outside
 * a band of 10: the number anchors (and the band that follows the path) must still find it. */
Test(align, drift_beyond_the_band)
{
    enum { N = 1200, GAP = 60, M = N - GAP };
    static char eb[N][64], rb[N][64];
    const char *e[N], *r[M];
    size_t le[N], lr[M];
    size_t orig[M];
    for (int i = 0, j = 0; i < N; i++) {
        snprintf(eb[i], sizeof eb[i], "Report %d said %d tonnes were shipped.", i, i * 7 + 3);
        e[i] = eb[i], le[i] = strlen(eb[i]);
        if (i >= 100 && i < 100 + GAP)
            continue; /* left out of the translation */
        snprintf(rb[j], sizeof rb[j], "В отчете %d говорится о %d тоннах.", i, i * 7 + 3);
        r[j] = rb[j], lr[j] = strlen(rb[j]), orig[j] = (size_t)i, j++;
    }
    ta_align_opts o = ta_align_opts_default();
    o.band = 10;
    o.realign = false;
    ta_bead *b;
    size_t nb;
    cr_assert_eq(
        ta_align(&(ta_sentences){e, le, N}, &(ta_sentences){r, lr, M}, NULL, &o, &b, &nb, NULL),
        TA_OK);
    check_cover(b, nb, N, M);
    int right = 0, ones = 0;
    for (size_t k = 0; k < nb; k++)
        if (b[k].en1 - b[k].en0 == 1 && b[k].ru1 - b[k].ru0 == 1)
            ones++, right += orig[b[k].ru0] == b[k].en0;
    cr_assert_eq(ones, M, "every translated sentence in a 1-1 bead (%d)", ones);
    cr_assert_eq(right, M, "%d of %d right", right, M);
    ta_free(b);
}

/* A tiny dictd dictionary in Mueller's layout, gzip-compressed like the real .dict.dz. */
static void write_dict(const char *path)
{
    gzFile gz = gzopen(path, "wb");
    gzputs(gz, "00-database-short\n   Test dictionary\n"
               "_n.\n   noun имя существительное\n"
               "duty\n   [\xcb\x88" "dju:ti] _n. 1) долг, обязанность 2) пошлина; customs duties "
               "таможенные сборы\n"
               "geneva\n   _геогр. Женева\n"
               "hope\n   _I 1. _n. надежда (of) 2. _v. надеяться\n"
               "judgement\n   _n. суждение, мнение\n"
               "judgment\n   [\xcb\x88" "dZVdZm@nt] = judgement\n"
               "labour\n   _n. труд, работа\n"
               "ship\n   _n. 1) судно, корабль, пароход, лодка, шхуна 2) морской флот в целом\n"
               "whilst\n   _cj. в то время как\n");
    gzclose(gz);
}

Test(lexicon, build_lookup_stats_and_damaged_files)
{
    char dict[] = "/tmp/talign-dict-XXXXXX", lex[64];
    int fd = mkstemp(dict);
    close(fd);
    write_dict(dict);
    snprintf(lex, sizeof lex, "%s.lex", dict);
    size_t entries = 0;
    ta_error err = {0};
    char names[64];
    snprintf(names, sizeof names, "%s.names", dict);
    FILE *nf = fopen(names, "w");
    fputs("# a comment\nChina\tКитай, КНР\n", nf);
    fclose(nf);
    cr_assert_eq(ta_lexicon_build(dict, names, lex, &entries, &err), TA_OK, "%s", err.message);
    cr_assert_eq(entries, 10, "%zu entries: labels and database entries are not headwords; a cross-reference "
                 "(judgment = judgement) and an American spelling (labor) are", entries);
    ta_lexicon *lx;
    cr_assert_eq(ta_lexicon_load(lex, &lx, &err), TA_OK, "%s", err.message);
    char *res;
    cr_assert_eq(ta_lexicon_lookup(lx, "duties", 6, &res, NULL), TA_OK);
    cr_assert(strstr(res, "пошлина") && strstr(res, "обязанность"), "%s", res);
    cr_assert_null(strstr(res, "сборы"), "example phrases are dropped");
    cr_assert_null(strstr(res, "dju"), "transcriptions are dropped");
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "пошлинами", strlen("пошлинами"), &res, NULL), TA_OK);
    cr_assert_str_eq(res, "duty\n");
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "ПОШЛИНАМИ", strlen("ПОШЛИНАМИ"), &res, NULL), TA_OK);
    cr_assert_str_eq(res, "duty\n", "any case");
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "DUTIES", 6, &res, NULL), TA_OK);
    cr_assert(strstr(res, "пошлина"), "%s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "GENEVA", 6, &res, NULL), TA_OK);
    cr_assert(strstr(res, "Женева"), "%s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "надеялись", strlen("надеялись"), &res, NULL), TA_OK);
    cr_assert_str_eq(res, "hope\n");
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "ships", 5, &res, NULL), TA_OK);
    cr_assert(strstr(res, "шхуна\n") && strstr(res, "морской флот в целом\n"),
              "multi-word translations are kept as phrases: %s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "judgments", 9, &res, NULL), TA_OK);
    cr_assert(strstr(res, "суждение"), "a cross-reference has its headword's translations: %s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "labor", 5, &res, NULL), TA_OK);
    cr_assert(strstr(res, "труд"), "an American spelling (lexicon/variants.en, listed by en_US) "
              "has the British headword's translations: %s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "whilst", 6, &res, NULL), TA_OK);
    cr_assert_str_eq(res, "в то время как\n");
    ta_free(res);
    ta_matcher *m;
    cr_assert_eq(ta_matcher_new(lx, NULL, &m, NULL), TA_OK);
    double sim;
    const char *en = "Ships.", *ship = "Шхуна.", *fleet = "Флот.", *time = "Время.";
    cr_assert_eq(ta_lexicon_match(m, en, strlen(en), ship, strlen(ship), &sim, NULL, NULL, NULL),
                 TA_OK);
    cr_assert_float_eq(sim, 1.0, 1e-9);
    cr_assert_eq(ta_lexicon_match(m, en, strlen(en), fleet, strlen(fleet), &sim, NULL, NULL, NULL),
                 TA_OK);
    cr_assert_float_eq(sim, 0.0, 1e-9, "a phrase's words match only when few single words exist");
    en = "Whilst.";
    cr_assert_eq(ta_lexicon_match(m, en, strlen(en), time, strlen(time), &sim, NULL, NULL, NULL),
                 TA_OK);
    cr_assert_float_eq(sim, 1.0, 1e-9, "a phrase is all there is");
    ta_matcher_free(m);
    cr_assert_eq(ta_lexicon_lookup(lx, "Китае", strlen("Китае"), &res, NULL), TA_OK);
    cr_assert_str_eq(res, "china\n", "names come from the names file");
    ta_free(res);
    size_t h, st, p;
    ta_lexicon_stats(lx, &h, &st, &p);
    cr_assert_eq(h, 10, "%zu", h);
    cr_assert_eq(p, 23, "%zu", p); /* долг обязанность пошлина; женева; надежда надеяться; китай
                                      кнр; судно корабль пароход лодка шхуна; время как; суждение
                                      мнение, труд работа (twice: both spellings) */
    cr_assert_eq(ta_lexicon_add(lx, lex, &err), TA_OK); /* a second file merges */
    ta_lexicon_stats(lx, &h, &st, &p);
    cr_assert_eq(h, 20);
    ta_lexicon_free(lx);

    /* a names line without a tab is refused with its line number */
    nf = fopen(names, "w");
    fputs("China Китай\n", nf);
    fclose(nf);
    cr_assert_eq(ta_lexicon_build(dict, names, lex, NULL, &err), TA_EFORMAT);
    cr_assert(strstr(err.message, "line 1"), "%s", err.message);
    unlink(names);

    /* every truncation and a flipped byte are refused, never read past */
    FILE *f = fopen(lex, "rb");
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    char cut[64];
    snprintf(cut, sizeof cut, "%s.cut", dict);
    for (size_t k = 0; k < n; k += k < 64 ? 1 : 37) {
        f = fopen(cut, "wb");
        fwrite(buf, 1, k, f);
        fclose(f);
        ta_status s = ta_lexicon_load(cut, &lx, &err);
        cr_assert(s == TA_EFORMAT || (k >= 12 && s == TA_EVERSION), "cut at %zu: %d", k, s);
    }
    /* a flipped byte in the index (the table, after the 56-byte header) is refused at load;
     * one in the source text that only lookups read, by the first lookup */
    cr_assert_lt(n, sizeof buf);
    buf[66] ^= 0x20;
    f = fopen(cut, "wb");
    fwrite(buf, 1, n, f);
    fclose(f);
    cr_assert_eq(ta_lexicon_load(cut, &lx, &err), TA_EFORMAT);
    cr_assert(strstr(err.message, "checksum"), "%s", err.message);
    buf[66] ^= 0x20;
    buf[n - 3] ^= 0x20;
    f = fopen(cut, "wb");
    fwrite(buf, 1, n, f);
    fclose(f);
    cr_assert_eq(ta_lexicon_load(cut, &lx, &err), TA_OK);
    res = NULL;
    cr_assert_eq(ta_lexicon_lookup(lx, "duty", 4, &res, &err), TA_EFORMAT);
    cr_assert(strstr(err.message, "checksum") && strstr(err.message, cut), "%s", err.message);
    cr_assert_null(res);
    ta_lexicon_free(lx);
    unlink(cut), unlink(lex), unlink(dict);
}

Test(lexicon, missing_and_versioned_files)
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
    unsigned v[10] = {99};
    fwrite("TALEX\0\0\0", 1, 8, f);
    fwrite(v, sizeof v, 1, f);
    fclose(f);
    cr_assert_eq(ta_lexicon_load(path, &lx, &err), TA_EVERSION);
    cr_assert(strstr(err.message, "rebuild"));
    unlink(path);
    cr_assert_eq(ta_lexicon_load(NULL, &lx, &err), TA_OK); /* an empty lexicon */
    char *res;
    cr_assert_eq(ta_lexicon_lookup(lx, "duty", 4, &res, NULL), TA_OK);
    cr_assert_str_eq(res, "");
    ta_free(res);
    ta_lexicon_free(lx);
    ta_lexicon_free(NULL);
}

Test(lexicon, match_scores_and_pairs)
{
    char dict[] = "/tmp/talign-dict-XXXXXX", lex[64];
    close(mkstemp(dict));
    write_dict(dict);
    snprintf(lex, sizeof lex, "%s.lex", dict);
    ta_lexicon *lx;
    cr_assert_eq(ta_lexicon_build(dict, "", lex, NULL, NULL), TA_OK);
    cr_assert_eq(ta_lexicon_load(lex, &lx, NULL), TA_OK);
    ta_matcher *m;
    cr_assert_eq(ta_matcher_new(lx, NULL, &m, NULL), TA_OK);
    const char *en = "Customs duties rose by 16 percent in Geneva.";
    const char *ru = "Таможенные пошлины в Женеве выросли на 16 процентов.";
    double sim, other;
    ta_word_pair *p;
    size_t n;
    cr_assert_eq(ta_lexicon_match(m, en, strlen(en), ru, strlen(ru), &sim, &p, &n, NULL), TA_OK);
    cr_assert_eq(n, 3, "duties-пошлины, 16-16, Geneva-Женеве");
    cr_assert_eq(strncmp(en + p[0].en_start, "duties", p[0].en_end - p[0].en_start), 0);
    cr_assert_eq(strncmp(ru + p[0].ru_start, "пошлины", p[0].ru_end - p[0].ru_start), 0);
    cr_assert_eq(strncmp(ru + p[2].ru_start, "Женеве", p[2].ru_end - p[2].ru_start), 0);
    ta_free(p);
    const char *wrong = "Погода в понедельник была солнечной.";
    cr_assert_eq(
        ta_lexicon_match(m, en, strlen(en), wrong, strlen(wrong), &other, NULL, NULL, NULL), TA_OK);
    cr_assert(sim > 0.3 && other < sim / 3, "right %f, wrong %f", sim, other);
    ta_matcher_free(m);
    ta_matcher_free(NULL);
    ta_lexicon_free(lx);
    unlink(lex), unlink(dict);
}

/* tests/data/match.tsv: which English words ta_lexicon_match pairs, numbers and names only */
Test(lexicon, match_fixtures)
{
    ta_matcher *m;
    cr_assert_eq(ta_matcher_new(NULL, NULL, &m, NULL), TA_OK);
    FILE *f = fopen(fixture("match.tsv"), "r");
    cr_assert_not_null(f);
    char line[1024];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *ru = strchr(line, '\t'), *want = ru ? strchr(ru + 1, '\t') : NULL;
        if (line[0] == '#' || !want)
            continue;
        *ru++ = 0, *want++ = 0;
        double sim;
        ta_word_pair *p;
        size_t n;
        cr_assert_eq(ta_lexicon_match(m, line, strlen(line), ru, strlen(ru), &sim, &p, &n, NULL),
                     TA_OK);
        char got[256] = "-";
        for (size_t k = 0, w = 0; k < n; k++)
            w += (size_t)snprintf(got + w, sizeof got - w, "%s%.*s", k ? " | " : "",
                                  (int)(p[k].en_end - p[k].en_start), line + p[k].en_start);
        cr_expect_str_eq(got, want, "%s / %s: got %s", line, ru, got);
        ta_free(p);
        cases++;
    }
    fclose(f);
    cr_assert_geq(cases, 10);
    ta_matcher_free(m);
}

/* Names: transliterated and compared, with the similarity as the pair's score */
Test(lexicon, names_with_similarity)
{
    ta_matcher *m;
    cr_assert_eq(ta_matcher_new(NULL, NULL, &m, NULL), TA_OK);
    const struct {
        const char *en, *ru;
        double min, max;
    } cases[] = {{"Antonov", "Антонов", 1, 1},           {"Biden", "Байден", 0.8, 0.99},
                 {"Biden", "Байденом", 0.8, 0.99},       {"DarkSide", "DarkSide", 1, 1},
                 {"Pipeline", "«пайплайн»", 0.6, 0.9},   {"Colonial", "Колониал", 0.8, 1}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        double sim;
        ta_word_pair *p;
        size_t n;
        cr_assert_eq(ta_lexicon_match(m, cases[k].en, strlen(cases[k].en), cases[k].ru,
                                      strlen(cases[k].ru), &sim, &p, &n, NULL),
                     TA_OK);
        cr_assert_eq(n, 1, "%s / %s", cases[k].en, cases[k].ru);
        cr_assert(p[0].score >= cases[k].min && p[0].score <= cases[k].max, "%s / %s: %f",
                  cases[k].en, cases[k].ru, p[0].score);
        ta_free(p);
    }
    ta_matcher_free(m);
}

/* More than 64 Russian content words take the matcher's other path */
Test(lexicon, match_long_sentence)
{
    ta_matcher *m;
    cr_assert_eq(ta_matcher_new(NULL, NULL, &m, NULL), TA_OK);
    char ru[2048] = "";
    for (int k = 0; k < 70; k++)
        strcat(ru, k % 2 ? "слово " : "дело ");
    strcat(ru, "Антонова.");
    const char *en = "Antonov spoke.";
    double sim;
    ta_word_pair *p;
    size_t n;
    cr_assert_eq(ta_lexicon_match(m, en, strlen(en), ru, strlen(ru), &sim, &p, &n, NULL), TA_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(strncmp(ru + p[0].ru_start, "Антонова", p[0].ru_end - p[0].ru_start), 0);
    cr_assert(sim > 0 && sim < 0.1, "%f", sim);
    ta_free(p);
    ta_matcher_free(m);
}

Test(lexicon, learn_from_aligned_sentences)
{
    const char *en[] = {"The reactor was stopped.", "A new reactor opened.", "Reactor output fell.",
                        "The weather was fine."};
    const char *ru[] = {"Реактор остановили.", "Открылся новый реактор.", "Мощность реактора упала.",
                        "Погода была хорошей."};
    size_t le[4], lr[4];
    lens(en, 4, le), lens(ru, 4, lr);
    char out[] = "/tmp/talign-learn-XXXXXX";
    close(mkstemp(out));
    size_t pairs = 0;
    ta_learn_opts o = ta_learn_opts_default();
    ta_sentences es = {en, le, 4}, rs = {ru, lr, 4};
    cr_assert_eq(ta_lexicon_learn(&es, &rs, &o, out, &pairs, NULL), TA_OK);
    rs.n = 3;
    ta_error err = {0};
    cr_assert_eq(ta_lexicon_learn(&es, &rs, &o, out, &pairs, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "4 English and 3 Russian"), "%s", err.message);
    cr_assert_geq(pairs, 1);
    ta_lexicon *lx;
    cr_assert_eq(ta_lexicon_load(out, &lx, NULL), TA_OK);
    char *res;
    cr_assert_eq(ta_lexicon_lookup(lx, "reactors", 8, &res, NULL), TA_OK);
    cr_assert(strstr(res, "реактор"), "%s", res);
    ta_free(res);
    cr_assert_eq(ta_lexicon_lookup(lx, "weather", 7, &res, NULL), TA_OK);
    cr_assert_str_eq(res, "", "seen once: below min_count");
    ta_free(res);
    ta_lexicon_free(lx);
    unlink(out);
}

static char *render(ta_format fmt, const char *en, const char *ru)
{
    const char *e[] = {en}, *r[] = {ru};
    size_t le[] = {strlen(en)}, lr[] = {strlen(ru)};
    ta_bead b = {0, 1, 0, 1, 0.95};
    ta_corpus c = {e, le, 1, r, lr, 1, &b, 1, 0, "en", "ru", "t<i>",
                       NULL, 0, false, false, false, NULL, NULL, 0};
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cr_assert_eq(ta_write(f, fmt, &c, NULL), TA_OK);
    fclose(f);
    return buf;
}

/* A lone surrogate, an overlong slash and a byte that starts nothing: bad UTF-8 a caller of
 * the library may pass. Every writer prints U+FFFD for each, never the raw bytes. */
static const char *BAD = "x\xED\xA0\x80y\xC0\xAFz\xFF.";

static void no_bad_bytes(const char *t)
{
    cr_assert_null(strstr(t, "\xED\xA0"));
    cr_assert_null(strstr(t, "\xC0\xAF"));
    cr_assert_null(strchr(t, '\xFF'));
}

Test(write, tmx_escapes_everything)
{
    const char *evil = "<script>alert(\"x\")</script> & 'q' \x01\x1b end";
    char *t = render(TA_FMT_TMX, evil, "ок");
    cr_assert(strstr(t, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;  end"));
    cr_assert(strstr(t, "segtype=\"sentence\"") && strstr(t, "<prop type=\"x-score\">0.950"));
    cr_assert_null(strchr(t, '\x01'));
    free(t);
    t = render(TA_FMT_TMX, BAD, "ок");
    no_bad_bytes(t);
    cr_assert(strstr(t, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy"));
    free(t);
}

Test(write, html_escapes_everything)
{
    const char *evil = "<script>alert(\"x\")</script> & 'q' \x01\x1b end";
    char *t = render(TA_FMT_HTML, evil, "ок");
    cr_assert_null(strstr(t, "<script>alert")); /* the page has a script of its own */
    cr_assert(strstr(t, "&lt;script&gt;"));
    cr_assert(strstr(t, "<title>t&lt;i&gt;</title>"));
    cr_assert_null(strchr(t, '\x01'));
    free(t);
    t = render(TA_FMT_HTML, BAD, "ок");
    no_bad_bytes(t);
    free(t);
}

Test(write, jsonl_escapes_everything)
{
    const char *evil = "<script>alert(\"x\")</script> & 'q' \x01\x1b end";
    char *t = render(TA_FMT_JSONL, evil, "ок");
    cr_assert(strstr(t, "\\\"x\\\"") && strstr(t, "\\u0001") && strstr(t, "\\u001b"));
    free(t);
    t = render(TA_FMT_JSONL, BAD, "ок");
    no_bad_bytes(t);
    cr_assert(strstr(t, "x\\ufffd\\ufffd\\ufffdy\\ufffd\\ufffdz\\ufffd."));
    free(t);
}

Test(write, plain_formats)
{
    char *t = render(TA_FMT_TSV, "a\tb", "в");
    cr_assert_str_eq(t, "a b\tв\t0.950\t1-1\n");
    free(t);
    t = render(TA_FMT_LADDER, "a", "b");
    cr_assert_str_eq(t, "0\t0\t0.950\n1\t1\t1.000\n");
    free(t);
}

/* A pair's sentences and beads as one string (scores to 1e-12). */
static char *pair_string(const ta_pair *p)
{
    ta_corpus c;
    ta_pair_corpus(p, &c);
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    for (size_t i = 0; i < c.n_en; i++)
        fprintf(f, "%.*s\n", (int)c.en_len[i], c.en[i]);
    for (size_t i = 0; i < c.n_ru; i++)
        fprintf(f, "%.*s\n", (int)c.ru_len[i], c.ru[i]);
    for (size_t k = 0; k < c.n_beads; k++)
        fprintf(f, "%zu %zu %zu %zu %.12f\n", c.beads[k].en0, c.beads[k].en1, c.beads[k].ru0,
                c.beads[k].ru1, c.beads[k].score);
    fclose(f);
    return s;
}

static char *read_sample(const char *name)
{
    char path[1024];
    const char *root = getenv("TALIGN_SRC");
    snprintf(path, sizeof path, "%s/corpora/samples/%s", root ? root : ".", name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    char *s = NULL;
    size_t n = 0, cap = 0, r;
    char buf[4096];
    while ((r = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n + r + 1 > cap)
            s = realloc(s, cap = 2 * (n + r + 1));
        memcpy(s + n, buf, r), n += r;
    }
    fclose(f);
    s[n] = 0;
    return s;
}

/* One aligner reused for many pairs (as `talign corpus` runs it) gives every pair what a fresh
 * aligner gives: nothing learned from a document (word pairs, the length ratio, number and
 * name keys) reaches the next. */
Test(align, reused_aligner_forgets_each_document)
{
    static const char *docs[] = {"tass-2021-06-22-antonov-cyber-security",
                                 "tass-2021-07-14-arctic-expedition", "tass-2021-09-02-moscow-metro"};
    enum { NDOCS = 3, ROUNDS = 2 };
    char *text[NDOCS][2], *fresh[NDOCS];
    ta_aligner_opts o = ta_aligner_opts_default();
    for (int d = 0; d < NDOCS; d++) {
        char name[256];
        snprintf(name, sizeof name, "%s.en.txt", docs[d]);
        text[d][0] = read_sample(name);
        snprintf(name, sizeof name, "%s.ru.txt", docs[d]);
        text[d][1] = read_sample(name);
        ta_aligner *a = NULL;
        ta_pair *p = NULL;
        cr_assert_eq(ta_aligner_new(&o, NULL, &a, NULL), TA_OK);
        cr_assert_eq(ta_aligner_run(a, text[d][0], strlen(text[d][0]), text[d][1],
                                    strlen(text[d][1]), &p, NULL), TA_OK);
        fresh[d] = pair_string(p);
        ta_pair_free(p);
        ta_aligner_free(a);
    }
    ta_aligner *a = NULL;
    cr_assert_eq(ta_aligner_new(&o, NULL, &a, NULL), TA_OK);
    for (int k = 0; k < ROUNDS * NDOCS; k++) {
        int d = NDOCS - 1 - k % NDOCS; /* another order than above */
        ta_pair *p = NULL;
        cr_assert_eq(ta_aligner_run(a, text[d][0], strlen(text[d][0]), text[d][1],
                                    strlen(text[d][1]), &p, NULL), TA_OK);
        char *s = pair_string(p);
        cr_expect_str_eq(s, fresh[d], "%s, round %d", docs[d], k / NDOCS + 1);
        free(s);
        ta_pair_free(p);
    }
    ta_aligner_free(a);
    for (int d = 0; d < NDOCS; d++)
        free(text[d][0]), free(text[d][1]), free(fresh[d]);
}

/* Features x (their keys and stems) as a string. */
static char *feat_text(const ta_feat *x)
{
    char *out = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&out, &n);
    for (int t = 0; t < x->ncontent; t++) {
        fprintf(m, "%d:", x->stem[t]);
        for (int k = x->tok[t]; k < x->tok[t + 1]; k++)
            fprintf(m, " %d", x->keys[k]);
        fprintf(m, "\n");
    }
    fclose(m);
    return out;
}

/* The features of sentence s as a string. */
static char *feat_string(ta_featurizer *f, char lang, const char *s)
{
    ta_feat x = {0};
    cr_assert_eq(ta_featurize(f, lang, s, strlen(s), &x), 0);
    char *out = feat_text(&x);
    ta_feat_release(&x);
    return out;
}

/* Does Russian word w have key k (ta_featurize with f)? */
static bool ru_word_has_key(ta_featurizer *f, const char *w, int k)
{
    ta_feat x = {0};
    cr_assert_eq(ta_featurize(f, 'r', w, strlen(w), &x), 0);
    bool has = false;
    for (int q = x.tok[0]; x.ncontent && q < x.tok[1]; q++)
        has = has || x.keys[q] == k;
    ta_feat_release(&x);
    return has;
}

/* ta_featurizer_paradigms: a form whose Snowball stem the file lists (знают, знал: Snowball
 * leaves them whole) gets the key of the word it is a form of (знать: знат), as the lexicon's
 * translations of "know" have it; other forms are unchanged; a line without a tab, or out of
 * the form stems' order (the lookup bisects), is refused with its number */
Test(align, paradigm_keys)
{
    char path[] = "/tmp/talign-test-XXXXXX";
    int fd = mkstemp(path);
    const char *text = "# a comment\nзнал\tзнат\nзнают\tзнат знаю\n";
    cr_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    int znat = (int)ta_lex_key("знат", strlen("знат")), znayu = (int)ta_lex_key("знаю", strlen("знаю"));
    ta_featurizer plain, f;
    ta_error err = {0};
    cr_assert_eq(ta_featurizer_init(&plain, NULL, NULL, NULL), TA_OK);
    cr_assert_eq(ta_featurizer_init(&f, NULL, NULL, NULL), TA_OK);
    cr_assert_eq(ta_featurizer_paradigms(&f, path, &err), TA_OK, "%s", err.message);
    cr_expect(!ru_word_has_key(&plain, "знал", znat), "Snowball alone: знал is not знат");
    cr_expect(ru_word_has_key(&f, "знал", znat));
    cr_expect(ru_word_has_key(&f, "Знают", znat));
    cr_expect(ru_word_has_key(&f, "знают", znayu), "every word stem of the line");
    cr_expect(ru_word_has_key(&f, "знать", znat), "the word's own form keeps its key");
    cr_expect(!ru_word_has_key(&f, "знание", znat));
    ta_featurizer_reset(&f, NULL);
    cr_expect(ru_word_has_key(&f, "знал", znat), "a new document keeps the paradigms");
    FILE *o = fopen(path, "w");
    fputs("знал\tзнат\nзнают знат\n", o);
    fclose(o);
    cr_expect_eq(ta_featurizer_paradigms(&plain, path, &err), TA_EFORMAT);
    cr_expect(strstr(err.message, "line 2"), "%s", err.message);
    o = fopen(path, "w");
    fputs("# out of order\nзнают\tзнат\nзнал\tзнат", o); /* no newline at the end */
    fclose(o);
    cr_expect_eq(ta_featurizer_paradigms(&plain, path, &err), TA_EFORMAT);
    cr_expect(strstr(err.message, "line 3"), "%s", err.message);
    cr_expect_eq(ta_featurizer_paradigms(&plain, "/nonexistent/paradigms", &err), TA_EIO);
    unlink(path);
    ta_featurizer_release(&plain);
    ta_featurizer_release(&f);
}

/* Learned pairs added to features made before them give what featurizing the sentence again
 * gives: each stem's pairs after its own keys (a repeated word's too, none for numbers), cut
 * at the same count of keys a token; sentences without a learned stem stay as they were. */
Test(align, learned_pairs_added_as_featurizing_again_would)
{
    const char *s = "Putin met Shoigu; Putin paid 42 million to Putin's delegates.";
    const char *other = "Geneva talks ended.";
    ta_featurizer f;
    cr_assert_eq(ta_featurizer_init(&f, NULL, NULL, NULL), TA_OK);
    ta_feat x = {0}, y = {0};
    cr_assert_eq(ta_featurize(&f, 'e', s, strlen(s), &x), 0);
    cr_assert_eq(ta_featurize(&f, 'e', other, strlen(other), &y), 0);
    char *before = feat_text(&y);
    enum { MANY = 90 }; /* more than a token keeps */
    for (int k = 0; k < MANY; k++)
        cr_assert_eq(ta_featurizer_learn(&f, x.stem[0], k), 0); /* Putin */
    cr_assert_eq(ta_featurizer_learn(&f, x.stem[x.ncontent - 1], 7), 0); /* delegates */
    cr_assert_eq(ta_feat_add_learned(&f, &x), 0);
    cr_assert_eq(ta_feat_add_learned(&f, &y), 0);
    char *added = feat_text(&x), *again = feat_string(&f, 'e', s), *after = feat_text(&y);
    cr_expect_str_eq(added, again);
    cr_expect_str_eq(after, before);
    cr_expect_gt(x.tok[1] - x.tok[0], 1, "Putin has learned keys");
    free(before), free(added), free(again), free(after);
    ta_feat_release(&x), ta_feat_release(&y);
    ta_featurizer_release(&f);
}

/* Month names in any case and capitalisation (months.en, months.ru), nothing else. */
Test(align, featurizer_names_months)
{
    static const struct {
        char lang;
        const char *word;
        int month;
    } cases[] = {{'e', "July", 7}, {'e', "JULY", 7}, {'e', "Sept", 9},  {'r', "июле", 7},
                 {'r', "Июля", 7}, {'r', "мая", 5},   {'e', "jolly", 0}, {'r', "июнь-июль", 0},
                 {'e', "26", 0}};
    ta_featurizer f;
    cr_assert_eq(ta_featurizer_init(&f, NULL, NULL, NULL), TA_OK);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        cr_expect_eq(ta_featurizer_month(&f, cases[k].lang, cases[k].word, strlen(cases[k].word)),
                     cases[k].month, "%s", cases[k].word);
    ta_featurizer_release(&f);
}

/* A reset featurizer is a fresh one: number and name keys, stem ids and learned pairs of the
 * texts before are gone. */
Test(align, featurizer_reset_forgets_the_document)
{
    const char *e = "Biden met Antonov on 16 June with 2,500 delegates.";
    ta_featurizer f0, f;
    cr_assert_eq(ta_featurizer_init(&f0, NULL, NULL, NULL), TA_OK);
    cr_assert_eq(ta_featurizer_init(&f, NULL, NULL, NULL), TA_OK);
    char *fresh = feat_string(&f0, 'e', e);
    /* another document first: its numbers and names take the first key ids, its stems the
     * first stem ids, and pairs are learned for every stem id it could give */
    enum { LEARNED = 64 };
    free(feat_string(&f, 'r', "Встреча Байдена и Антонова прошла 17 июня."));
    free(feat_string(&f, 'e', "In 1999, Putin and Shoigu spent 42 million on delegates."));
    for (int id = 0; id < LEARNED; id++)
        cr_assert_eq(ta_featurizer_learn(&f, id, 0), 0);
    char *dirty = feat_string(&f, 'e', e);
    cr_assert_str_neq(dirty, fresh, "the document before changes the features");
    ta_featurizer_reset(&f, NULL);
    char *again = feat_string(&f, 'e', e);
    cr_expect_str_eq(again, fresh);
    free(fresh), free(dirty), free(again);
    ta_featurizer_release(&f0);
    ta_featurizer_release(&f);
}

/* Sentences featurized without key sets (no_set: the aligner indexes only those its slow
 * path reads) match as indexed ones do: first by scanning their keys, then, after
 * ta_feat_index, by binary search; indexing twice changes nothing. */
Test(align, unindexed_features_match_as_indexed)
{
    const char *en = "Biden met Antonov on 16 June with 2,500 delegates in Geneva.";
    const char *ru = "Байден встретился с Антоновым 16 июня в Женеве, пришли 2500 делегатов.";
    ta_featurizer f;
    cr_assert_eq(ta_featurizer_init(&f, NULL, NULL, NULL), TA_OK);
    ta_feat e = {0}, r = {0}, ei = {0}, ri = {0};
    cr_assert_eq(ta_featurize(&f, 'e', en, strlen(en), &ei), 0);
    cr_assert_eq(ta_featurize(&f, 'r', ru, strlen(ru), &ri), 0);
    f.no_set = true;
    cr_assert_eq(ta_featurize(&f, 'e', en, strlen(en), &e), 0);
    cr_assert_eq(ta_featurize(&f, 'r', ru, strlen(ru), &r), 0);
    cr_assert_null(e.set);
    cr_assert_null(r.set);
    int want_e = ta_feat_matches(&ei, &ri, 1), want_r = ta_feat_matches(&ri, &ei, 1);
    cr_assert_geq(want_e, 4, "names, the date and the number match: %d", want_e);
    cr_assert_lt(want_e, ei.ncontent, "'delegates' has no lexicon here");
    cr_assert_eq(ta_feat_matches(&e, &r, 1), want_e);
    cr_assert_eq(ta_feat_matches(&r, &e, 1), want_r);
    for (int t = 0; t < e.ncontent; t++)
        cr_assert_eq(ta_feat_token_matched(&e, t, &r), ta_feat_token_matched(&ei, t, &ri), "%d", t);
    for (int k = 0; k < 2; k++) {
        cr_assert_eq(ta_feat_index(&e), 0);
        cr_assert_eq(ta_feat_index(&r), 0);
        cr_assert_eq(e.nset, ei.nset);
        cr_assert_arr_eq(e.mask, ei.mask, sizeof e.mask);
        cr_assert_arr_eq(e.set, ei.set, sizeof(int) * (size_t)ei.nset);
        cr_assert_eq(ta_feat_matches(&e, &r, 1), want_e);
        cr_assert_eq(ta_feat_matches(&r, &e, 1), want_r);
    }
    ta_feat_release(&e), ta_feat_release(&r), ta_feat_release(&ei), ta_feat_release(&ri);
    ta_featurizer_release(&f);
}
