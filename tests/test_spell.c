/* test_spell.c — the QA speller (align/check/spell.h): the cases of
 * tests/data/check_spelling.txt (every exemption, names through the names file) with
 * libhunspell and with the word-form files, suggestions,
 * errors, and a KOI8-R dictionary (words and suggestions converted both ways). Skipped when
 * Debian's hunspell-en-us / hunspell-ru dictionaries are absent. */
#define _GNU_SOURCE
#include "check/spell.h"
#include "testutil.h"
#include <criterion/criterion.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYS_DICTS "/usr/share/hunspell"

static bool have_dicts(void)
{
    return access(SYS_DICTS "/en_US.dic", R_OK) == 0 && access(SYS_DICTS "/ru_RU.dic", R_OK) == 0;
}

/* The repository's lexicon/, where make puts the word-form files. */
static const char *forms_dir(void)
{
    static char dir[1024];
    const char *root = getenv("TALIGN_SRC");
    snprintf(dir, sizeof dir, "%s/lexicon", root ? root : ".");
    return dir;
}

static ta_speller *make_with(const char *dir, const char *names, bool en, bool ru, const char *forms)
{
    ta_speller_opts o = {.dict_dir = dir, .names = names, .en = en, .ru = ru, .forms_dir = forms};
    ta_speller *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_speller_new(&o, &s, &err), TA_OK, "%s", err.message);
    return s;
}

static ta_speller *make(const char *dir, const char *names, bool en, bool ru)
{
    return make_with(dir, names, en, ru, NULL);
}

/* The flagged words of text joined by "," ("-" for none) into out; suggestions of the first
 * into sugg (when not NULL). */
static void flagged(ta_speller *s, char lang, const char *text, const char *other, char *out,
                    size_t cap, char *sugg, size_t scap)
{
    ta_vec v = {0};
    ta_error err = {0};
    cr_assert_eq(ta_speller_check(s, lang, text, strlen(text), other, other ? strlen(other) : 0,
                                  sugg != NULL, &v, &err), TA_OK, "%s", err.message);
    snprintf(out, cap, "%s", v.len ? "" : "-");
    for (size_t i = 0; i < v.len; i++) {
        ta_misspelling *m = &((ta_misspelling *)v.data)[i];
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%.*s", i ? "," : "", (int)(m->end - m->start), text + m->start);
        if (i == 0 && sugg)
            snprintf(sugg, scap, "%s", m->suggestions ? m->suggestions : "(null)");
        if (!sugg)
            cr_expect_null(m->suggestions, "no suggestions when not asked");
    }
    ta_misspellings_release(&v);
}

/* The lines of check_spelling.txt, with libhunspell or (`forms`) the word-form files, which
 * both spellers must then use (the names in a small dictionary of their own). */
static void run_fixture(const char *forms)
{
    char names[1024];
    snprintf(names, sizeof names, "%s", fixture("spell_names.txt"));
    ta_speller *s = make_with(NULL, names, true, true, forms),
               *bare = make_with(NULL, NULL, true, true, forms);
    ta_error err = {0};
    cr_assert_eq(ta_speller_load(s, &err), TA_OK, "%s", err.message);
    cr_assert_eq(ta_speller_load(bare, &err), TA_OK, "%s", err.message);
    for (int k = 0; k < 2; k++) {
        char lang = "er"[k];
        cr_assert_eq(ta_speller_mapped(bare, lang), forms != NULL, "%c: word forms %s", lang,
                     forms ? "not used (run make)" : "used unasked");
        cr_assert_eq(ta_speller_mapped(s, lang), forms != NULL, "%c: with names", lang);
    }
    FILE *f = fopen(fixture("check_spelling.txt"), "r");
    cr_assert_not_null(f);
    char line[4096], got[1024];
    int cases = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (!*line || *line == '#')
            continue;
        char *col[5] = {0}, *p = line;
        for (int k = 0; k < 5; k++)
            col[k] = strsep(&p, "\t");
        cr_assert(col[4] && (col[0][0] == 'e' || col[0][0] == 'r'), "line %d: malformed", lineno);
        const char *other = strcmp(col[2], "-") ? col[2] : NULL;
        flagged(s, col[0][0], col[1], other, got, sizeof got, NULL, 0);
        cr_expect_str_eq(got, col[3], "line %d (%s): %s", lineno, col[4], col[1]);
        flagged(bare, col[0][0], col[1], other, got, sizeof got, NULL, 0);
        if (!strcmp(col[4], "names"))
            cr_expect_str_neq(got, "-", "line %d: passes without the names file too", lineno);
        else if (strncmp(col[4], "names", strlen("names")))
            cr_expect_str_eq(got, col[3], "line %d (%s) without names: %s", lineno, col[4], col[1]);
        cases++;
    }
    fclose(f);
    cr_expect_geq(cases, 25);
    ta_speller_free(s);
    ta_speller_free(bare);
}

Test(spell, fixture)
{
    if (!have_dicts())
        cr_skip("no hunspell en_US/ru_RU dictionaries in " SYS_DICTS);
    run_fixture(NULL);
}

Test(spell, fixture_with_word_forms)
{
    if (!have_dicts())
        cr_skip("no hunspell en_US/ru_RU dictionaries in " SYS_DICTS);
    run_fixture(forms_dir());
}

/* With the word-form files, a word no single edit mends still gets hunspell's own
 * suggestions: libhunspell is loaded for it then. */
Test(spell, word_forms_load_hunspell_for_hard_suggestions)
{
    if (!have_dicts())
        cr_skip("no hunspell dictionaries");
    ta_speller *s = make_with(NULL, NULL, true, true, forms_dir());
    char got[256], sugg[512];
    flagged(s, 'e', "The goverment said.", NULL, got, sizeof got, sugg, sizeof sugg);
    cr_assert_str_eq(got, "goverment");
    cr_expect(strstr(sugg, "government") != NULL, "%s", sugg);
    cr_assert(ta_speller_mapped(s, 'e'));
    cr_expect(!ta_speller_hunspell_loaded(s, 'e'), "no libhunspell for a one-edit typo");
    flagged(s, 'e', "The gvrnment said.", NULL, got, sizeof got, sugg, sizeof sugg);
    cr_assert_str_eq(got, "gvrnment");
    cr_expect(strstr(sugg, "government") != NULL, "two letters dropped: %s", sugg);
    cr_expect(ta_speller_hunspell_loaded(s, 'e'), "hunspell's own search");
    cr_expect(!ta_speller_hunspell_loaded(s, 'r'), "not Russian's");
    ta_speller_free(s);
}

Test(spell, suggestions_for_a_typo)
{
    if (!have_dicts())
        cr_skip("no hunspell dictionaries");
    ta_speller *s = make(NULL, NULL, true, true);
    char got[256], sugg[512];
    flagged(s, 'r', "Он пошол домой.", NULL, got, sizeof got, sugg, sizeof sugg);
    cr_assert_str_eq(got, "пошол");
    cr_expect(strstr(sugg, "пошёл") || strstr(sugg, "пошел"), "%s", sugg);
    flagged(s, 'e', "The goverment said.", NULL, got, sizeof got, sugg, sizeof sugg);
    cr_assert_str_eq(got, "goverment");
    cr_expect(strstr(sugg, "government") != NULL, "%s", sugg);
    cr_expect(ta_speller_load_ms(s) > 0);
    ta_speller_free(s);
}

Test(spell, only_the_languages_asked)
{
    if (!have_dicts())
        cr_skip("no hunspell dictionaries");
    ta_speller *s = make(NULL, NULL, false, true);
    char got[256];
    /* English words are not checked without en_US */
    flagged(s, 'r', "Компания Nornickell и пошол", NULL, got, sizeof got, NULL, 0);
    cr_assert_str_eq(got, "пошол");
    ta_speller_free(s);
}

Test(spell, errors)
{
    ta_speller_opts o = {.en = false, .ru = false};
    ta_speller *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_speller_new(&o, &s, &err), TA_EINVAL);
    o.ru = true;
    o.names = "/nonexistent/names.txt";
    cr_assert_eq(ta_speller_new(&o, &s, &err), TA_EIO);
    o.names = NULL;
    o.dict_dir = "/nonexistent";
    cr_assert_eq(ta_speller_new(&o, &s, &err), TA_OK);
    ta_vec v = {0};
    cr_assert_eq(ta_speller_check(s, 'r', "слово", 10, NULL, 0, false, &v, &err), TA_EIO);
    cr_expect(strstr(err.message, "/nonexistent/ru_RU.aff") != NULL, "%s", err.message);
    cr_assert_eq(ta_speller_check(s, 'r', "слово", 10, NULL, 0, false, &v, &err), TA_EIO,
                 "the error is remembered");
    cr_assert_eq(ta_speller_check(s, 'x', "слово", 10, NULL, 0, false, &v, &err), TA_EINVAL);
    ta_speller_free(s);
}

/* Copies lexicon/NAME into dir, with `extra` appended (may be NULL). */
static void copy_data(const char *dir, const char *name, const char *extra)
{
    char from[1100], to[1100], line[4096];
    snprintf(from, sizeof from, "%s/%s", forms_dir(), name);
    snprintf(to, sizeof to, "%s/%s", dir, name);
    FILE *in = fopen(from, "r"), *out = fopen(to, "w");
    cr_assert(in && out, "%s", from);
    while (fgets(line, sizeof line, in))
        fputs(line, out);
    if (extra)
        fputs(extra, out);
    fclose(in), fclose(out);
}

/* A word-form file stands for a dictionary only with the very words it was made with: other
 * spell.ru words (a data directory of one's own) bring libhunspell back for Russian alone. */
Test(spell, word_forms_only_with_their_words, .timeout = 30)
{
    if (!have_dicts())
        cr_skip("no hunspell dictionaries");
    char dir[] = "/tmp/talign-spell-XXXXXX";
    cr_assert(mkdtemp(dir));
    const char *names[] = {"abbrev.en", "abbrev.ru", "spell.en", "spell.ru"};
    for (int i = 0; i < 4; i++)
        copy_data(dir, names[i], i == 3 ? "шмяка\tмама\n" : NULL);
    ta_speller_opts o = {.en = true, .ru = true, .data_dir = dir, .forms_dir = forms_dir()};
    ta_speller *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_speller_new(&o, &s, &err), TA_OK, "%s", err.message);
    cr_assert_eq(ta_speller_load(s, &err), TA_OK, "%s", err.message);
    cr_expect(ta_speller_mapped(s, 'e'), "en: the same words");
    cr_expect(!ta_speller_mapped(s, 'r'), "ru: a word more than the file was made with");
    char got[256];
    flagged(s, 'r', "Шмяки и шмякой пошол.", NULL, got, sizeof got, NULL, 0);
    cr_expect_str_eq(got, "пошол", "the new word in its forms passes");
    ta_speller_free(s);
    for (int i = 0; i < 4; i++) {
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
}

/* Writes UTF-8 `text` to path in KOI8-R. */
static void write_koi8(const char *path, const char *text)
{
    iconv_t cd = iconv_open("KOI8-R", "UTF-8");
    cr_assert_neq(cd, (iconv_t)-1);
    char out[4096], *in = (char *)text, *o = out;
    size_t inleft = strlen(text), outleft = sizeof out;
    cr_assert_neq(iconv(cd, &in, &inleft, &o, &outleft), (size_t)-1);
    iconv_close(cd);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fwrite(out, 1, (size_t)(o - out), f);
    fclose(f);
}

Test(spell, koi8r_dictionary_round_trip)
{
    char dir[] = "/tmp/talign-spell-XXXXXX", path[256], names[256];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ru_RU.aff", dir);
    write_koi8(path, "SET KOI8-R\nTRY оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё\n\n"
                     "SFX A Y 2\nSFX A 0 а .\nSFX A 0 ом .\n");
    snprintf(path, sizeof path, "%s/ru_RU.dic", dir);
    write_koi8(path, "3\nмолоко\nкорова\nстол/A\n");
    snprintf(names, sizeof names, "%s/names.txt", dir);
    FILE *f = fopen(names, "w");
    fputs("Байден\n", f); /* consonant-final: follows стол */
    fclose(f);
    ta_speller *s = make(dir, names, false, true);
    char got[256], sugg[256];
    flagged(s, 'r', "молоко и корова, стола и столом, Байдена и Байденом", NULL, got, sizeof got,
            NULL, 0);
    cr_expect_str_eq(got, "-");
    flagged(s, 'r', "малоко", NULL, got, sizeof got, sugg, sizeof sugg);
    cr_expect_str_eq(got, "малоко");
    cr_expect_str_eq(sugg, "молоко", "the suggestion comes back in UTF-8");
    ta_speller_free(s);
    const char *files[] = {"ru_RU.aff", "ru_RU.dic", "names.txt"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}
