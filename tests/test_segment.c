/* test_segment.c — sentence segmentation: fixture files of tricky cases (one a line,
 * sentences separated by " || ") and TASS document structure. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

static void run_fixture(const char *lang, const char *name)
{
    FILE *f = fopen(fixture(name), "r");
    cr_assert_not_null(f, "missing fixture %s", name);
    char line[4096];
    int lineno = 0, cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char text[4096] = "", *p = line;
        for (char *q; (q = strstr(p, " || ")); p = q + 4) { /* the text is the cases joined */
            strncat(text, p, (size_t)(q - p));
            strcat(text, " ");
        }
        strcat(text, p);
        char *got = segment_join(lang, text);
        cr_expect_str_eq(got, line, "%s:%d", name, lineno);
        free(got);
        cases++;
    }
    fclose(f);
    cr_assert_gt(cases, 10);
}

/* Segments `text` with options `o` (asserting success); the spans are the caller's. */
static ta_span *segment_with(const ta_segment_opts *o, const char *text, size_t *n)
{
    ta_segmenter *s;
    ta_span *sp;
    cr_assert_eq(ta_segmenter_new(o, &s, NULL), TA_OK);
    cr_assert_eq(ta_segment(s, text, strlen(text), &sp, n, NULL), TA_OK);
    ta_segmenter_free(s);
    return sp;
}

Test(segment, english_fixtures) { run_fixture("en", "segment.en.txt"); }
Test(segment, russian_fixtures) { run_fixture("ru", "segment.ru.txt"); }

/* ---- the rule table: fixtures name the rule that decides them ---------------------- */

/* The table index of rule `name`, or the table size when there is none. */
static size_t rule_index(const char *name)
{
    size_t nr;
    const ta_seg_rule *r = ta_seg_rules(&nr);
    size_t i = 0;
    while (i < nr && strcmp(r[i].name, name))
        i++;
    return i;
}

/* "\n" in a fixture stands for a line break. */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++)
        if (r[0] == '\\' && r[1] == 'n')
            *w++ = '\n', r++;
        else
            *w++ = *r;
    *w = 0;
}

/* Runs the fixture file `name` (RULE<TAB>input<TAB>expected[<TAB>options]); marks the rules it
 * names in covered[]. */
/* Each line of the rule fixture `name`, segmented with libhunspell (forms_dir NULL) or with the
 * word-form files make built in lexicon/ (forms_dir): the same sentences either way. */
static void run_rule_fixture(const char *lang, const char *name, const char *forms_dir,
                             bool *covered)
{
    FILE *f = fopen(fixture(name), "r");
    cr_assert_not_null(f, "missing fixture %s", name);
    size_t nr;
    ta_seg_rules(&nr);
    char line[4096];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *rule = strtok(line, "\t"), *in = strtok(NULL, "\t"), *want = strtok(NULL, "\t");
        char *opts = strtok(NULL, "\t");
        cr_assert(rule && in && want, "%s:%d: RULE<TAB>input<TAB>expected", name, lineno);
        size_t ri = rule_index(rule);
        cr_assert_lt(ri, nr, "%s:%d: no rule '%s'", name, lineno, rule);
        covered[ri] = true;
        unescape(in), unescape(want);
        ta_segment_opts o = ta_segment_opts_default();
        o.lang = lang;
        o.keep_boilerplate = true;
        o.split_semicolons = opts && strstr(opts, "--split-semicolons");
        o.wrapped = opts && strstr(opts, "--wrapped");
        o.forms_dir = forms_dir;
        ta_segmenter *s;
        ta_span *sp;
        size_t n, *hits = calloc(nr, sizeof *hits);
        cr_assert_eq(ta_segmenter_new(&o, &s, NULL), TA_OK);
        cr_assert_eq(ta_segment(s, in, strlen(in), &sp, &n, NULL), TA_OK);
        ta_segmenter_rule_hits(s, hits);
        char got[4096] = "";
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(got, " || ");
            strncat(got, in + sp[i].start, sp[i].end - sp[i].start);
        }
        cr_expect_str_eq(got, want, "%s:%d (%s, %s)", name, lineno, rule,
                         forms_dir ? "word-form files" : "libhunspell");
        cr_expect_gt(hits[ri], 0, "%s:%d: rule %s decided nothing: another rule shadows it",
                     name, lineno, rule);
        free(hits);
        ta_free(sp);
        ta_segmenter_free(s);
    }
    fclose(f);
}

Test(segment, every_rule_has_a_fixture_it_decides)
{
    size_t nr;
    const ta_seg_rule *r = ta_seg_rules(&nr);
    bool *covered = calloc(nr, sizeof *covered);
    char forms[1024];
    const char *root = getenv("TALIGN_SRC");
    snprintf(forms, sizeof forms, "%s/lexicon", root ? root : ".");
    for (int k = 0; k < 2; k++) {
        run_rule_fixture("en", "segment_rules.en.txt", k ? forms : NULL, covered);
        run_rule_fixture("ru", "segment_rules.ru.txt", k ? forms : NULL, covered);
    }
    for (size_t i = 0; i < nr; i++)
        cr_expect(covered[i], "rule %s has no fixture line", r[i].name);
    free(covered);
}

/* The explanation of one boundary, as the callback saw it. */
typedef struct {
    size_t offset[8];
    const char *rule[8];
    bool made[8];
    int n;
} explained;

static void note(void *ctx, size_t off, const char *rule, bool made)
{
    explained *e = ctx;
    if (e->n < 8)
        e->offset[e->n] = off, e->rule[e->n] = rule, e->made[e->n] = made, e->n++;
}

Test(segment, explain_names_offset_rule_and_verdict)
{
    const char *text = "Intro line\nMr. Smith came, he left. Bye.";
    explained e = {0};
    ta_segment_opts o = ta_segment_opts_default();
    o.explain = note, o.explain_ctx = &e;
    size_t n;
    ta_span *sp = segment_with(&o, text, &n);
    cr_assert_eq(n, 3);
    cr_assert_eq(e.n, 2, "%d decisions", e.n);
    cr_expect_eq(e.offset[0], 15); /* "Mr. |Smith", offsets into the whole text */
    cr_expect_str_eq(e.rule[0], "abbrev-title");
    cr_expect(!e.made[0]);
    cr_expect_eq(e.offset[1], 36); /* "left. |Bye." */
    cr_expect_str_eq(e.rule[1], "icu");
    cr_expect(e.made[1]);
    ta_free(sp);
}

Test(segment, rules_switch_by_name)
{
    ta_segment_opts o = ta_segment_opts_default();
    o.rules = "-abbrev-title,+semicolon";
    size_t n;
    ta_span *sp = segment_with(&o, "Mr. Smith came.", &n);
    cr_expect_eq(n, 2, "abbrev-title off: the ICU boundary after Mr. stays");
    ta_free(sp);
    o.rules = "-abbrev-title,nonsense";
    ta_segmenter *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EINVAL);
    cr_expect(strstr(err.message, "'nonsense'"), "%s", err.message);
    cr_assert_null(s);
}

Test(segment, semicolons_split_only_when_asked)
{
    ta_segment_opts o = ta_segment_opts_default();
    size_t n;
    ta_span *sp = segment_with(&o, "He came; he saw everything.", &n);
    cr_expect_eq(n, 1);
    ta_free(sp);
    o.split_semicolons = true;
    sp = segment_with(&o, "He came; he saw everything.", &n);
    cr_expect_eq(n, 2);
    ta_free(sp);
    o.keep_semicolons = true; /* wins */
    sp = segment_with(&o, "He came; he saw everything.", &n);
    cr_expect_eq(n, 1);
    ta_free(sp);
}

Test(segment, subheading_search_needs_strong_evidence)
{
    /* past the first sentence: a starter after a role word's name, in quotes or a one-letter
     * one before a function word opens no sentence; a plain starter after a headline does */
    const char *text = "Storm hits the coast\nOfficers of the Metropolitan Police said on Monday "
                       "that the storm was over. He signed the law \"On communication\" in May. "
                       "They play in Group A at the stadium.\nRescue work continues The rescue "
                       "teams worked through the night.";
    char *got = segment_join("en", text);
    cr_expect_str_eq(got, "Storm hits the coast || Officers of the Metropolitan Police said on "
                          "Monday that the storm was over. || He signed the law \"On "
                          "communication\" in May. || They play in Group A at the stadium. || "
                          "Rescue work continues || The rescue teams worked through the night.");
    free(got);
    /* a dateline is looked for in the first sentence only */
    got = segment_join("en", "Storm hits the coast\nThe match was shown in Britain and on "
                             "CBS, ABC and NBC in America.");
    cr_expect_str_eq(got, "Storm hits the coast || The match was shown in Britain and on CBS, "
                          "ABC and NBC in America.");
    free(got);
}

Test(segment, missing_hunspell_is_an_error_not_another_segmentation)
{
    ta_segment_opts o = ta_segment_opts_default();
    o.lang = "ru";
    o.hunspell_dir = "/nonexistent/hunspell";
    ta_segmenter *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EIO);
    cr_expect(strstr(err.message, "/nonexistent/hunspell/ru_RU.aff"), "%s", err.message);
    cr_assert_null(s);
    /* with the rules that ask hunspell switched off, no dictionary is needed */
    o.rules = "-ru-name-verb,-ru-common-noun,-repeated-words,-title-case-headline,"
              "-forced-headline,-long-headline";
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_OK, "%s", err.message);
    ta_segmenter_free(s);
}

Test(segment, tass_structure)
{
    const char *text = "All news\nUpdated at: 12:00\n\nEnvoy expects positive reaction\n"
                       "The diplomat hopes for dialogue\n"
                       "WASHINGTON, June 22. /TASS/. Russia hopes the US will respond, he said. "
                       "He added more.\nA subheading here\nThe end.\n";
    ta_segment_opts o = ta_segment_opts_default();
    size_t n;
    ta_span *sp = segment_with(&o, text, &n);
    ta_kind want[] = {TA_KIND_HEADLINE, TA_KIND_LEAD, TA_KIND_DATELINE, TA_KIND_BODY,
                      TA_KIND_BODY, TA_KIND_SUBHEADING, TA_KIND_BODY};
    cr_assert_eq(n, 7);
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(sp[i].kind, want[i], "span %zu is %s", i, ta_kind_name(sp[i].kind));
    cr_assert_eq(strncmp(text + sp[2].start, "WASHINGTON, June 22. /TASS/.", sp[2].end - sp[2].start), 0);
    ta_free(sp);
    o.keep_boilerplate = true;
    sp = segment_with(&o, text, &n);
    cr_assert_eq(n, 9);
    cr_assert_eq(sp[0].kind, TA_KIND_BOILERPLATE);
    ta_free(sp);
}

Test(segment, russian_dateline)
{
    char *got = segment_join("ru", "МОСКВА, 22 июня. /ТАСС/. Президент заявил об этом. Потом ушел.");
    cr_assert_str_eq(got, "МОСКВА, 22 июня. /ТАСС/. || Президент заявил об этом. || Потом ушел.");
    free(got);
}

Test(segment, paragraphs_and_offsets)
{
    const char *text = "First one. Second one.\n\nThird\none.\n";
    ta_segment_opts o = ta_segment_opts_default();
    o.wrapped = true;
    size_t n;
    ta_span *sp = segment_with(&o, text, &n);
    cr_assert_eq(n, 3);
    cr_assert_eq(sp[1].start, 11);
    cr_assert_eq(sp[1].end, 22);
    cr_assert_eq(sp[2].paragraph, 1);
    cr_assert_eq(sp[2].end - sp[2].start, 10); /* "Third\none." joined in wrapped mode */
    ta_free(sp);
}

Test(segment, line_ends_are_sentence_ends)
{
    char *got = segment_join("en", "No final stop here\nNext line.");
    cr_assert_str_eq(got, "No final stop here || Next line.");
    free(got);
}

Test(segment, wrapped_lines_continue_a_paragraph)
{
    struct { const char *in, *want; } cases[] = {
        {"features\ncontact manager\nevents, activities", "features || contact manager || events, activities"},
        {"The weapon could fight at a distance up to 400 yd \n( 365.8 m ). Next.",
         "The weapon could fight at a distance up to 400 yd \n( 365.8 m ). || Next."},
        {"This line is long enough to have been wrapped by an editor\nat forty bytes.",
         "This line is long enough to have been wrapped by an editor\nat forty bytes."},
        {"Contact us for pricing\n. Pricing info", "Contact us for pricing\n. || Pricing info"},
        {"Short title\nlowercase start", "Short title || lowercase start"},
        {"This is a sentence\ncut off in the middle.", "This is a sentence\ncut off in the middle."},
        {"i) Hello world. \nii) Hello world.", "i) Hello world. || ii) Hello world."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = segment_join("en", cases[i].in);
        cr_expect_str_eq(got, cases[i].want, "case %zu", i);
        free(got);
    }
}

Test(segment, sentences_glued_without_a_space)
{
    struct { const char *lang, *in, *want; } cases[] = {
        {"en", "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
         "Hello world. || Today is Tuesday. || Mr. Smith bought 1,000. || That is a lot."},
        {"en", "Mail Jane.Doe@example.com or see report.Final.docx now.",
         "Mail Jane.Doe@example.com or see report.Final.docx now."},
        {"en", "The site Kostroma.Today reported it.", "The site Kostroma.Today reported it."},
        {"ru", "Назначена дата собрания.Новый состав думы соберется осенью.",
         "Назначена дата собрания. || Новый состав думы соберется осенью."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = segment_join(cases[i].lang, cases[i].in);
        cr_expect_str_eq(got, cases[i].want, "case %zu", i);
        free(got);
    }
}

Test(segment, presegmented_and_errors)
{
    ta_segment_opts o = ta_segment_opts_default();
    o.presegmented = true;
    size_t n;
    ta_span *sp = segment_with(&o, "A. B.\n\nC\n", &n);
    cr_assert_eq(n, 2);
    ta_free(sp);
    ta_segmenter *s;
    o.lang = "xx";
    ta_error err = {0};
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EINVAL);
    cr_assert(strstr(err.message, "xx"));
    static const char *const tags[] = {"en-US", "RU_ru", "ru-Cyrl-RU", "EN"},
                             *bad[] = {"e", "english", "en.US", "ruu-RU"};
    for (size_t k = 0; k < 4; k++) { /* BCP 47: the primary subtag chooses the rules */
        o.lang = tags[k];
        cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_OK, "%s: %s", tags[k], err.message);
        ta_segmenter_free(s);
        o.lang = bad[k];
        cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EINVAL, "%s accepted", bad[k]);
    }
    o.lang = "en";
    o.presegmented = false;
    o.data_dir = "/nonexistent";
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EIO);
    ta_segmenter_free(NULL);
}

Test(segment, empty_and_whitespace)
{
    size_t n;
    ta_free(segment_with(NULL, "", &n));
    cr_assert_eq(n, 0);
    ta_free(segment_with(NULL, " \n\t\n ", &n));
    cr_assert_eq(n, 0);
}

Test(segment, bad_rule_file_names_its_line)
{
    char dir[] = "/tmp/talign-data-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/abbrev.en", dir);
    FILE *f = fopen(path, "w");
    fputs("# a comment\n\ntitle Mr.\nnonsense Xy.\n", f);
    fclose(f);
    ta_segment_opts o = ta_segment_opts_default();
    o.data_dir = dir;
    ta_segmenter *s = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_segmenter_new(&o, &s, &err), TA_EFORMAT);
    cr_assert(strstr(err.message, "abbrev.en line 4"), "%s", err.message);
    cr_assert_null(s);
    remove(path);
    rmdir(dir);
}

Test(segment, glued_headline_is_a_headline)
{
    const char *text = "Storm hits northern coast A powerful storm hit the coast on Monday. It left.";
    size_t n;
    ta_span *sp = segment_with(NULL, text, &n);
    cr_assert_eq(n, 3);
    cr_assert_eq(sp[0].kind, TA_KIND_HEADLINE);
    cr_assert_eq(sp[1].kind, TA_KIND_BODY);
    ta_free(sp);
}

/* The Russian side's headline, split off by the segmenter, shows where the English one ends. */
Test(segment, glued_headline_split_by_translation)
{
    const char *en = "Fire destroys warehouse in Samara Twelve crews fought the blaze for six "
                     "hours on Monday, officials in the city said.\nNobody was hurt.\n";
    const char *ru = "Пожар уничтожил склад в Самаре Двенадцать расчетов тушили огонь шесть "
                     "часов в понедельник, сообщили власти города.\nНикто не пострадал.\n";
    ta_segment_opts o = ta_segment_opts_default();
    size_t ne, nr;
    ta_span *se = segment_with(&o, en, &ne);
    o.lang = "ru";
    ta_span *sr = segment_with(&o, ru, &nr);
    cr_assert_eq(ne, 2, "the English headline is not found alone");
    cr_assert_eq(nr, 3);
    cr_assert_eq(ta_split_glued_headlines(en, strlen(en), &se, &ne, ru, strlen(ru), &sr, &nr, NULL,
                                          NULL, NULL),
                 TA_OK);
    cr_assert_eq(ne, 3);
    cr_assert_eq(se[0].kind, TA_KIND_HEADLINE);
    cr_assert_eq(se[0].end - se[0].start, strlen("Fire destroys warehouse in Samara"));
    cr_assert_eq(strncmp(en + se[1].start, "Twelve crews", 12), 0);
    cr_assert_eq(nr, 3);
    ta_free(se);
    ta_free(sr);
    /* nothing glued: nothing changes */
    const char *en2 = "The city council met on Monday.\nIt voted.\n";
    const char *ru2 = "Городской совет собрался в понедельник.\nОн проголосовал.\n";
    o.lang = "en";
    se = segment_with(&o, en2, &ne);
    o.lang = "ru";
    sr = segment_with(&o, ru2, &nr);
    cr_assert_eq(ta_split_glued_headlines(en2, strlen(en2), &se, &ne, ru2, strlen(ru2), &sr, &nr,
                                          NULL, NULL, NULL),
                 TA_OK);
    cr_assert_eq(ne, 2);
    cr_assert_eq(nr, 2);
    ta_free(se);
    ta_free(sr);
}

/* A 1-2 bead whose English sentence hides a boundary becomes two 1-1 beads. */
Test(segment, split_by_translation)
{
    const char *en = "The council met on Monday to discuss the budget of the city Officials said "
                     "the plan would cost 20 million dollars over five years.";
    const char *ru = "Совет собрался в понедельник, чтобы обсудить городской бюджет. Чиновники "
                     "заявили, что план обойдется в 20 миллионов долларов за пять лет.";
    ta_span *se = malloc(sizeof *se), *sr = malloc(2 * sizeof *sr);
    se[0] = (ta_span){0, strlen(en), 0, TA_KIND_BODY};
    const char *second = strstr(ru, "Чиновники");
    sr[0] = (ta_span){0, (size_t)(second - ru) - 1, 0, TA_KIND_BODY};
    sr[1] = (ta_span){(size_t)(second - ru), strlen(ru), 0, TA_KIND_BODY};
    size_t ne = 1, nr = 2, nb = 1;
    ta_bead *b = malloc(sizeof *b);
    b[0] = (ta_bead){0, 1, 0, 2, 0.7};
    cr_assert_eq(ta_split_by_translation(en, &se, &ne, ru, &sr, &nr, &b, &nb, NULL, NULL, NULL),
                 TA_OK);
    cr_assert_eq(ne, 2);
    cr_assert_eq(nr, 2);
    cr_assert_eq(nb, 2);
    cr_assert_eq(strncmp(en + se[1].start, "Officials said", 14), 0);
    cr_assert_eq(se[0].end, (size_t)(strstr(en, " Officials") - en));
    cr_assert(b[0].en0 == 0 && b[0].en1 == 1 && b[0].ru0 == 0 && b[0].ru1 == 1);
    cr_assert(b[1].en0 == 1 && b[1].en1 == 2 && b[1].ru0 == 1 && b[1].ru1 == 2);
    /* a 1-1 bead is left alone */
    cr_assert_eq(ta_split_by_translation(en, &se, &ne, ru, &sr, &nr, &b, &nb, NULL, NULL, NULL),
                 TA_OK);
    cr_assert_eq(ne, 2);
    cr_assert_eq(nb, 2);
    ta_free(se), ta_free(sr), ta_free(b);
}

Test(segment, write_sentences)
{
    const char *text = "First one. Second\none.\n\nNew paragraph \"quoted\".\n";
    ta_segment_opts o = ta_segment_opts_default();
    o.wrapped = true;
    size_t n;
    ta_span *sp = segment_with(&o, text, &n);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cr_assert_eq(ta_write_sentences(f, false, text, sp, n, NULL), TA_OK);
    fclose(f);
    cr_assert_str_eq(out, "First one.\nSecond one.\n\nNew paragraph \"quoted\".\n");
    free(out);
    f = open_memstream(&out, &len);
    cr_assert_eq(ta_write_sentences(f, true, text, sp, n, NULL), TA_OK);
    fclose(f);
    cr_assert(strstr(out, "{\"text\":\"Second\\none.\",\"paragraph\":0,\"kind\":\"body\",\"start\":11,\"end\":22}"),
              "%s", out);
    cr_assert(strstr(out, "\"text\":\"New paragraph \\\"quoted\\\".\",\"paragraph\":1"), "%s", out);
    free(out);
    ta_free(sp);
}

/* A wrapped line's lowercase tail after a sentence end is a menu's first item. */
Test(segment, menu_tail_after_wrapped_line)
{
    char *got = segment_join("en", "It was a cold \nnight in the city. features\ncontact manager\n");
    cr_expect_str_eq(got, "It was a cold \nnight in the city. || features || contact manager");
    free(got);
    got = segment_join("en", "It was a cold night in the city. features\n"); /* one line */
    cr_expect_str_eq(got, "It was a cold night in the city. features");
    free(got);
    got = segment_join("en", "The meeting starts at 9 \na.m. and ends at 5 p.m. today\n");
    cr_expect_str_eq(got, "The meeting starts at 9 \na.m. and ends at 5 p.m. today");
    free(got);
}

/* An article (300 bytes or more) whose first sentence shows no sign of a glued headline: the
 * headline's most probable end; a short text or a plain first sentence is left whole. */
Test(segment, forced_headline_in_an_article)
{
    const char *rest = " Some of the sites are being rebuilt as modern waste processing plants."
                       " Residents say the smell has been a problem for years. The regional"
                       " government has promised to publish a schedule for the work. Officials"
                       " will meet residents next week to discuss the plans in detail. Critics"
                       " say the plan comes too late for many towns. The work is expected to"
                       " cost several billion roubles over the next five years. A first report"
                       " on the progress of the work is due in the spring.";
    char text[2048];
    const char *glued = "Experts named the senator the worst official in the country's history"
                        " International affairs experts named him the worst official in the"
                        " history of the state.";
    snprintf(text, sizeof text, "%s%s", glued, rest);
    char *got = segment_join("en", text);
    cr_expect(!strncmp(got, "Experts named the senator the worst official in the country's "
                            "history || International affairs", 90), "%s", got);
    free(got);
    snprintf(text, sizeof text, "%s%s", "Landfills of solid household waste continue to be"
             " closed in the region this year, and the authorities promise to close the last"
             " ones soon.", rest);
    got = segment_join("en", text);
    cr_expect(!strncmp(got, "Landfills of solid household waste continue to be closed in the "
                            "region this year, and the authorities promise to close the last "
                            "ones soon. || Some", 130), "%s", got);
    free(got);
    got = segment_join("en", glued); /* no article */
    cr_expect_str_eq(got, glued);
    free(got);
}

/* The same in Russian: after an acronym ("КХЛ | Глава Федерации"), and only in an article. */
Test(segment, forced_headline_russian)
{
    const char *head = "Хоккеисты рассказали о подготовке к сезону в КХЛ Глава Федерации хоккея"
                       " России рассказал журналистам о подготовке команд к новому сезону.";
    const char *rest = " По его словам, клубы уже провели первые сборы. Новый сезон начнется в"
                       " сентябре. Календарь матчей опубликуют на следующей неделе. Болельщики"
                       " смогут купить билеты заранее на официальных сайтах клубов.";
    char text[2048];
    snprintf(text, sizeof text, "%s%s", head, rest);
    cr_assert_geq(strlen(text), 300);
    char *got = segment_join("ru", text);
    cr_expect(!strncmp(got, "Хоккеисты рассказали о подготовке к сезону в КХЛ || Глава",
                       strlen("Хоккеисты рассказали о подготовке к сезону в КХЛ || Глава")),
              "%s", got);
    free(got);
    got = segment_join("ru", head); /* no article */
    cr_expect_str_eq(got, head);
    free(got);
}
