/* test_qa.c — translation QA: the checks over aligned documents, case by case from
 * tests/data/check_qa.txt (omission, addition, moved, name, term), and the check switches. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

#define MAX_SENTS 64

/* The sentences of a fixture field ("a ||| b ||| c") as one line each. */
static char *as_lines(const char *field)
{
    char *out = malloc(strlen(field) + 2), *o = out;
    for (const char *p = field; *p;) {
        const char *sep = strstr(p, " ||| ");
        size_t n = sep ? (size_t)(sep - p) : strlen(p);
        memcpy(o, p, n), o += n, *o++ = '\n';
        p += n + (sep ? 5 : 0);
    }
    *o = 0;
    return out;
}

/* The folder where make puts the lexicon, the word forms and the paradigms (the CLI's default). */
static const char *lexicon_dir(void)
{
    static char dir[1024];
    const char *root = getenv("TALIGN_SRC");
    snprintf(dir, sizeof dir, "%s/lexicon", root ? root : ".");
    return dir;
}

static ta_lexicon *lexicon(void)
{
    static char path[1100];
    snprintf(path, sizeof path, "%s/en-ru.lex", lexicon_dir());
    ta_lexicon *lx = NULL;
    cr_assert_eq(ta_lexicon_load(path, &lx, NULL), TA_OK, "the lexicon (make builds it): %s", path);
    return lx;
}

/* Aligns the two fields as documents and runs `checks`: the findings of check `name`. */
static ta_finding *run(ta_lexicon *lx, const char *checks, const char *en, const char *ru,
                       ta_corpus *doc, ta_pair **pair, size_t *n)
{
    ta_aligner_opts ao = ta_aligner_opts_default();
    ao.presegmented = true;
    ta_aligner *al = NULL;
    cr_assert_eq(ta_aligner_new(&ao, lx, &al, NULL), TA_OK);
    char *e = as_lines(en), *r = as_lines(ru);
    cr_assert_eq(ta_aligner_run(al, e, strlen(e), r, strlen(r), pair, NULL), TA_OK);
    ta_pair_corpus(*pair, doc);
    ta_check_opts co = ta_check_opts_default();
    co.checks = checks;
    co.glossary = fixture("check_glossary.tsv");
    ta_checker *ck = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_checker_new(&co, lx, &ck, &err), TA_OK, "%s", err.message);
    ta_finding *f = NULL;
    cr_assert_eq(ta_check(ck, doc, &f, n, &err), TA_OK, "%s", err.message);
    ta_checker_free(ck);
    ta_aligner_free(al);
    free(e), free(r);
    return f;
}

/* The next case line of a fixture, its newline cut (blank lines and # comments skipped); NULL
 * at the end. */
static char *next_case(FILE *fp, char *line, int cap, int *lineno)
{
    while (fgets(line, cap, fp)) {
        ++*lineno;
        line[strcspn(line, "\n")] = 0;
        if (*line && *line != '#')
            return line;
    }
    return NULL;
}

/* The checks a fixture line runs: its CHECK alone, and moved with omission and addition. */
static const char *line_checks(const char *check, char *buf, size_t cap)
{
    bool nulls = !strcmp(check, "omission") || !strcmp(check, "addition");
    snprintf(buf, cap, "-all,%s%s", check, nulls ? ",moved" : "");
    return buf;
}

/* A fixture line's EXPECTED against the n findings f: "-" none of CHECK, "!PIECE" none of CHECK
 * holding PIECE, else one of CHECK holding it; "warning: " (or another severity's name and ": ")
 * before any of these counts only findings of that severity. */
static void expect_finding(const char *file, int lineno, const char *check, const char *want,
                           const ta_finding *f, size_t n)
{
    int need = -1; /* the severity asked for, -1 any */
    const char *colon = strstr(want, ": ");
    char head[16];
    ta_severity sv;
    ta_error err = {0};
    if (colon && colon - want < (long)sizeof head) {
        snprintf(head, sizeof head, "%.*s", (int)(colon - want), want);
        if (ta_severity_parse(head, &sv, &err) == TA_OK)
            need = (int)sv, want = colon + 2;
    }
    bool none = *want == '!' || !strcmp(want, "-");
    const char *piece = *want == '!' ? want + 1 : want;
    const char *sev = need < 0 ? "" : ta_severity_name((ta_severity)need);
    const ta_finding *hit = NULL;
    for (size_t i = 0; i < n && !hit; i++)
        if (!strcmp(f[i].check, check) && (!strcmp(want, "-") || strstr(f[i].message, piece)) &&
            (need < 0 || (int)f[i].severity == need))
            hit = &f[i];
    if (none)
        cr_expect(!hit, "%s line %d: %s found \"%s\", expected %s%s%s", file, lineno, check,
                  hit ? hit->message : "", *want == '!' ? "not that" : "nothing", *sev ? " at " : "",
                  sev);
    else
        cr_expect(hit, "%s line %d: %s did not find %s%s\"%s\" (%zu findings%s%s)", file, lineno,
                  check, sev, *sev ? " " : "", piece, n, n ? ", first: " : "", n ? f[0].message : "");
}

Test(qa, fixture_cases)
{
    FILE *fp = fopen(fixture("check_qa.txt"), "r");
    cr_assert(fp, "tests/data/check_qa.txt");
    ta_lexicon *lx = lexicon();
    char line[8192];
    int lineno = 0, cases = 0;
    while (next_case(fp, line, (int)sizeof line, &lineno)) {
        char *check = strtok(line, "\t"), *en = strtok(NULL, "\t"), *ru = strtok(NULL, "\t"),
             *want = strtok(NULL, "\t");
        cr_assert(check && en && ru && want, "check_qa.txt line %d: four fields", lineno);
        char checks[64];
        ta_corpus doc;
        ta_pair *pair = NULL;
        size_t n;
        ta_finding *f = run(lx, line_checks(check, checks, sizeof checks), en, ru, &doc, &pair, &n);
        expect_finding("check_qa.txt", lineno, check, want, f, n);
        ta_findings_free(f, n);
        ta_pair_free(pair);
        cases++;
    }
    fclose(fp);
    ta_lexicon_free(lx);
    cr_assert_gt(cases, 10);
}

/* The sentences of a fixture field as an array (pointers into the field, which is cut). */
static size_t split_sents(char *field, char **s, size_t *len)
{
    size_t n = 0;
    for (char *p = field; p && n < MAX_SENTS; n++) {
        char *sep = strstr(p, " ||| ");
        if (sep)
            *sep = 0;
        s[n] = p, len[n] = strlen(p);
        p = sep ? sep + 5 : NULL;
    }
    return n;
}

/* Beads from their shapes ("1-1 0-1 1-2"): *n of them, -1 when they do not cover ne, nr. */
static int beads_of(const char *shapes, ta_bead *b, size_t *n, size_t ne, size_t nr)
{
    size_t e = 0, r = 0, k = 0;
    unsigned a, z;
    for (const char *p = shapes; sscanf(p, "%u-%u", &a, &z) == 2 && k < MAX_SENTS;) {
        b[k++] = (ta_bead){e, e + a, r, r + z, 1.0};
        e += a, r += z;
        p = strchr(p, ' ');
        if (!p)
            break;
        p++;
    }
    *n = k;
    return e == ne && r == nr ? 0 : -1;
}

/* tests/data/check_beads.txt: the checks on beads given in the fixture (not aligned here),
 * for the regrouping and the pairing of moves, whatever the aligner would make; the word
 * evidence with the Russian paradigms that make builds beside the lexicon, as the CLI has it. */
Test(qa, fixed_bead_cases)
{
    FILE *fp = fopen(fixture("check_beads.txt"), "r");
    cr_assert(fp, "tests/data/check_beads.txt");
    ta_lexicon *lx = lexicon();
    char line[8192];
    int lineno = 0, cases = 0;
    while (next_case(fp, line, (int)sizeof line, &lineno)) {
        char *check = strtok(line, "\t"), *en = strtok(NULL, "\t"), *ru = strtok(NULL, "\t"),
             *shapes = strtok(NULL, "\t"), *want = strtok(NULL, "\t");
        cr_assert(check && en && ru && shapes && want, "check_beads.txt line %d: five fields",
                  lineno);
        char *es[MAX_SENTS], *rs[MAX_SENTS];
        size_t el[MAX_SENTS], rl[MAX_SENTS], nb;
        ta_bead beads[MAX_SENTS];
        size_t ne = split_sents(en, es, el), nr = split_sents(ru, rs, rl);
        cr_assert_eq(beads_of(shapes, beads, &nb, ne, nr), 0,
                     "check_beads.txt line %d: the beads do not cover the sentences", lineno);
        ta_corpus doc = {.en = (const char *const *)es, .en_len = el, .n_en = ne,
                         .ru = (const char *const *)rs, .ru_len = rl, .n_ru = nr,
                         .beads = beads, .n_beads = nb, .src_lang = "en", .tgt_lang = "ru"};
        char checks[64];
        ta_check_opts co = ta_check_opts_default();
        co.checks = line_checks(check, checks, sizeof checks);
        co.forms_dir = lexicon_dir();
        ta_checker *ck = NULL;
        ta_error err = {0};
        cr_assert_eq(ta_checker_new(&co, lx, &ck, &err), TA_OK, "%s", err.message);
        ta_finding *f = NULL;
        size_t n;
        cr_assert_eq(ta_check(ck, &doc, &f, &n, &err), TA_OK, "%s", err.message);
        expect_finding("check_beads.txt", lineno, check, want, f, n);
        ta_findings_free(f, n);
        ta_checker_free(ck);
        cases++;
    }
    fclose(fp);
    ta_lexicon_free(lx);
    cr_assert_gt(cases, 4);
}

Test(qa, moved_pairs_both_ids)
{
    ta_lexicon *lx = lexicon();
    ta_corpus doc;
    ta_pair *pair = NULL;
    size_t n;
    ta_finding *f = run(lx, NULL,
                        "The talks in Geneva lasted four hours. ||| Biden handed Putin a list of "
                        "sixteen types of infrastructure. ||| The leaders agreed to return "
                        "ambassadors. ||| Nobody commented on the meeting afterwards.",
                        "Переговоры в Женеве продолжались четыре часа. ||| Лидеры договорились "
                        "вернуть послов. ||| Встречу никто не комментировал. ||| Байден передал "
                        "Путину список из шестнадцати типов объектов инфраструктуры.",
                        &doc, &pair, &n);
    size_t moved = 0;
    for (size_t i = 0; i < n; i++) {
        cr_expect(strcmp(f[i].check, "omission") && strcmp(f[i].check, "addition"),
                  "a moved sentence is no omission: %s", f[i].message);
        if (!strcmp(f[i].check, "moved")) {
            moved++;
            cr_expect_eq(f[i].en0, 1);
            cr_expect_eq(f[i].ru0, 3);
            cr_expect_eq(f[i].severity, TA_SEV_INFO);
            cr_expect_neq(f[i].moved_bead, TA_NO_BEAD);
            cr_expect_lt(f[i].moved_bead, doc.n_beads);
        }
    }
    cr_expect_eq(moved, 1);
    ta_findings_free(f, n);
    ta_pair_free(pair);
    ta_lexicon_free(lx);
}

Test(qa, switches_and_errors)
{
    ta_check_opts co = ta_check_opts_default();
    ta_checker *ck = NULL;
    ta_error err = {0};
    co.checks = "-all,nosuchcheck";
    cr_expect_eq(ta_checker_new(&co, NULL, &ck, &err), TA_EINVAL);
    cr_expect(strstr(err.message, "nosuchcheck"), "%s", err.message);
    co.checks = NULL;
    co.glossary = fixture("no-such-glossary.tsv");
    cr_expect_eq(ta_checker_new(&co, NULL, &ck, &err), TA_EIO);
    cr_expect(ck == NULL);
    ta_checker_free(NULL);
    size_t n;
    const ta_check_info *list = ta_check_list(&n);
    cr_expect_gt(n, 4);
    for (size_t k = 0; k < n; k++)
        cr_expect(list[k].name && list[k].summary && *list[k].summary);
    ta_severity s;
    cr_expect_eq(ta_severity_parse("warning", &s, NULL), TA_OK);
    cr_expect_eq(s, TA_SEV_WARNING);
    cr_expect_eq(ta_severity_parse("fatal", &s, NULL), TA_EINVAL);
}

/* The checker reads forms_dir/paradigms.ru_RU when a check reads word evidence (a damaged file
 * is refused, naming it), and leaves it alone when none does (spelling only) */
Test(qa, paradigms_read_from_forms_dir)
{
    char dir[] = "/tmp/talign-formsXXXXXX", path[64];
    cr_assert(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/paradigms.ru_RU", dir);
    FILE *fp = fopen(path, "w");
    fputs("знал\tзнат\nзнают знат\n", fp);
    fclose(fp);
    ta_lexicon *lx = lexicon();
    ta_check_opts co = ta_check_opts_default();
    co.forms_dir = dir;
    co.checks = "-all,omission";
    ta_checker *ck = NULL;
    ta_error err = {0};
    cr_expect_eq(ta_checker_new(&co, lx, &ck, &err), TA_EFORMAT);
    cr_expect(strstr(err.message, "paradigms.ru_RU, line 2"), "%s", err.message);
    co.checks = "-all,spelling";
    cr_expect_eq(ta_checker_new(&co, lx, &ck, &err), TA_OK, "%s", err.message);
    ta_checker_free(ck);
    unlink(path);
    rmdir(dir);
    ta_lexicon_free(lx);
}

Test(qa, glossary_without_tab_names_line)
{
    char path[] = "/tmp/talign-glossXXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("# a comment\nsanctions\tсанкции\nembargo эмбарго\n", fp);
    fclose(fp);
    ta_check_opts co = ta_check_opts_default();
    co.glossary = path;
    ta_checker *ck = NULL;
    ta_error err = {0};
    cr_expect_eq(ta_checker_new(&co, NULL, &ck, &err), TA_EFORMAT);
    cr_expect(strstr(err.message, "line 3"), "%s", err.message);
    unlink(path);
}
