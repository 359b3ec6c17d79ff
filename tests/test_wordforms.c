/* test_wordforms.c — the word-form files of the hunspell dictionaries (base/wordforms.c): each
 * line of tests/data/wordforms.tsv answered as written and as libhunspell answers it, and a
 * file that is stale or damaged never opened. */
#include "internal.h"
#include "headwords.h"
#include "testutil.h"
#include "wordforms.h"
#include <criterion/criterion.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

static const char *LOC[2] = {"en_US", "ru_RU"};

/* The built file of the repository's lexicon/ for LOC[k], or NULL with a note when make has
 * not made it (no dictionary installed). */
static ta_wordforms *built(int k, Hunhandle **hun)
{
    char dir[1024], aff[256], dic[256];
    const char *root = getenv("TALIGN_SRC");
    snprintf(dir, sizeof dir, "%s/lexicon", root ? root : ".");
    snprintf(aff, sizeof aff, "%s/%s.aff", TA_HUNSPELL_DIR, LOC[k]);
    snprintf(dic, sizeof dic, "%s/%s.dic", TA_HUNSPELL_DIR, LOC[k]);
    ta_wordforms *f = ta_wordforms_open(dir, LOC[k], aff, dic);
    cr_assert(f, "%s/forms.%s missing or stale: run make", dir, LOC[k]);
    *hun = Hunspell_create(aff, dic);
    cr_assert(*hun);
    return f;
}

Test(wordforms, fixture_lines_as_hunspell)
{
    Hunhandle *hun[2];
    ta_wordforms *f[2] = {built(0, &hun[0]), built(1, &hun[1])};
    FILE *in = fopen(fixture("wordforms.tsv"), "r");
    cr_assert(in);
    char line[1024];
    int lines = 0;
    while (fgets(line, sizeof line, in)) {
        char lang[8], w[256], lemma_s[4];
        int spell;
        if (line[0] == '#' ||
            sscanf(line, "%7[^\t]\t%255[^\t]\t%d\t%3[^\t]", lang, w, &spell, lemma_s) != 4)
            continue;
        int k = !strcmp(lang, "ru"), lemma = atoi(lemma_s);
        bool cased = lemma_s[0] == '-', lem = false;
        bool ok = cased ? ta_wordforms_spell_cased(f[k], w, strlen(w), NULL, NULL)
                        : ta_wordforms_spell(f[k], w, strlen(w), &lem);
        char **stems;
        int n = Hunspell_stem(hun[k], &stems, w);
        bool hok = Hunspell_spell(hun[k], w) != 0, hlem = ta_hl_lemma_of(w, stems, n);
        Hunspell_free_list(hun[k], &stems, n);
        cr_expect_eq(ok, spell, "%s %s: spell %d, the fixture says %d", lang, w, ok, spell);
        cr_expect_eq(ok, hok, "%s %s: spell %d, hunspell %d", lang, w, ok, hok);
        if (ok && !cased) {
            cr_expect_eq(lem, lemma, "%s %s: lemma %d, the fixture says %d", lang, w, lem, lemma);
            cr_expect_eq(lem, hlem, "%s %s: lemma %d, hunspell %d", lang, w, lem, hlem);
        }
        lines++;
    }
    fclose(in);
    cr_expect_gt(lines, 30);
    for (int k = 0; k < 2; k++) {
        ta_wordforms_close(f[k]);
        Hunspell_destroy(hun[k]);
    }
}

/* A small file written here from two stand-in source files. */
static void write_small(const char *dir, char *aff, char *dic, char *path)
{
    sprintf(aff, "%s/x.aff", dir), sprintf(dic, "%s/x.dic", dir), sprintf(path, "%s/forms.xx", dir);
    FILE *a = fopen(aff, "w"), *d = fopen(dic, "w");
    cr_assert(a && d);
    fputs("SET UTF-8\n", a), fputs("1\nкот\n", d);
    fclose(a), fclose(d);
    uint64_t e[2] = {ta_wordforms_key("кот", strlen("кот")) | TA_WF_KNOWN | TA_WF_LEMMA |
                         TA_WF_STEMS,
                     ta_wordforms_key("кота", strlen("кота")) | TA_WF_KNOWN | TA_WF_STEMS};
    cr_assert_eq(ta_wordforms_write(path, aff, dic, 0, e, 2, false), 0);
}

Test(wordforms, written_file_answers_and_stale_one_is_refused, .timeout = 10)
{
    char dir[] = "/tmp/talign-wf-XXXXXX", aff[128], dic[128], path[128];
    cr_assert(mkdtemp(dir));
    write_small(dir, aff, dic, path);
    ta_wordforms *f = ta_wordforms_open(dir, "xx", aff, dic);
    cr_assert(f);
    bool lemma = false;
    cr_expect(ta_wordforms_spell(f, "кот", strlen("кот"), &lemma) && lemma);
    cr_expect(ta_wordforms_spell(f, "кота", strlen("кота"), &lemma) && !lemma);
    cr_expect(ta_wordforms_spell(f, "кот-кота", strlen("кот-кота"), &lemma) && lemma);
    cr_expect(ta_wordforms_spell(f, "кота.", strlen("кота."), &lemma) && !lemma,
              "a form with a dot has the form's stems");
    cr_expect(!ta_wordforms_spell(f, "пёс", strlen("пёс"), NULL));
    cr_expect(!ta_wordforms_spell(f, "21st", strlen("21st"), NULL), "written without ordinals");
    ta_wordforms_close(f);
    struct utimbuf old = {.actime = 1000000000, .modtime = 1000000000};
    cr_assert_eq(utime(dic, &old), 0);
    cr_expect_null(ta_wordforms_open(dir, "xx", aff, dic), "the .dic changed after the file");
    write_small(dir, aff, dic, path);
    FILE *full = fopen(path, "r+b"); /* every slot taken (the header is 72 bytes): a lookup ends */
    cr_assert(full);
    fseek(full, 0, SEEK_END);
    long size = ftell(full);
    fseek(full, 72, SEEK_SET);
    for (long i = 72; i < size; i++)
        fputc(0xFF, full);
    fclose(full);
    f = ta_wordforms_open(dir, "xx", aff, dic);
    cr_assert(f);
    cr_expect(!ta_wordforms_spell(f, "пёс", strlen("пёс"), NULL));
    ta_wordforms_close(f);
    write_small(dir, aff, dic, path);
    cr_assert_eq(truncate(path, 100), 0);
    cr_expect_null(ta_wordforms_open(dir, "xx", aff, dic), "a cut file");
    cr_expect_null(ta_wordforms_open(dir, "yy", aff, dic), "no file");
    ta_wordforms_close(NULL);
    unlink(aff), unlink(dic), unlink(path), rmdir(dir);
}

/* Handles on one file share its mapping until the last is closed; a file made again (a new
 * inode) is mapped anew. */
Test(wordforms, one_mapping_per_file, .timeout = 10)
{
    char dir[] = "/tmp/talign-wf-XXXXXX", aff[128], dic[128], path[128];
    cr_assert(mkdtemp(dir));
    write_small(dir, aff, dic, path);
    ta_wordforms *a = ta_wordforms_open(dir, "xx", aff, dic), *b = ta_wordforms_open(dir, "xx", aff, dic);
    cr_assert(a && b);
    cr_expect_eq(a, b, "a second handle maps the file again");
    ta_wordforms_close(a);
    cr_expect(ta_wordforms_spell(b, "кота", strlen("кота"), NULL), "the other handle still answers");
    unlink(path);
    write_small(dir, aff, dic, path);
    ta_wordforms *c = ta_wordforms_open(dir, "xx", aff, dic);
    cr_assert(c);
    cr_expect_neq(c, b, "a file made again is not the old mapping");
    ta_wordforms_close(b);
    ta_wordforms_close(c);
    unlink(aff), unlink(dic), unlink(path), rmdir(dir);
}

Test(wordforms, ordinals)
{
    static const char *yes[] = {"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st",
                                "22nd", "101st", "111th", "0th"};
    static const char *no[] = {"1th", "11st", "12nd", "21th", "st", "1s", "1stt", "x1st"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        cr_expect(ta_wordforms_ordinal(yes[i], strlen(yes[i])), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        cr_expect(!ta_wordforms_ordinal(no[i], strlen(no[i])), "%s", no[i]);
}
