/* test_findings.c — QA reports (ta_write_findings): text grouped by bead, JSON Lines and CSV
 * checked with Python's parsers, the HTML page (a badge per finding, summary counts, filters,
 * escaping, well-formed for xmllint), and the arguments refused. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <unistd.h>

static const char *EN[] = {"Moscow, 5 March.", "Shares rose by 12,500 points.",
                           "They said \"recieve\" <script>alert(1)</script> & more.",
                           "=HYPERLINK(\"http://x\")", "Moved English sentence."};
static const char *RU[] = {"Москва, 5 марта.", "Акции выросли на 12 000 пунктов.",
                           "Они сказали «получить» & ещё.", "Формула", "Другое.",
                           "Перемещённое предложение."};
static const ta_bead BEADS[] = {{0, 1, 0, 1, 0.99}, {1, 3, 1, 2, 0.97}, {3, 4, 2, 3, 0.6},
                                {4, 5, 3, 3, 0.2}, {5, 5, 3, 5, 0.3}, {5, 5, 5, 6, 0.1}};
#define NB (sizeof BEADS / sizeof *BEADS)
static size_t LE[5], LR[6];

static ta_corpus doc(void)
{
    for (size_t i = 0; i < 5; i++)
        LE[i] = strlen(EN[i]);
    for (size_t j = 0; j < 6; j++)
        LR[j] = strlen(RU[j]);
    return (ta_corpus){EN, LE, 5, RU, LR, 6, BEADS, NB, 0, "en", "ru",
                       "news <1>.tmx", NULL, 0, false, false, false, NULL, NULL, 0};
}

/* Deliberately not in bead order (the writer groups them); bead 1 has two. */
static ta_finding F[] = {
    {"spelling", TA_SEV_WARNING, 1, 2, 3, 1, 2, TA_NO_BEAD, "unknown word \"recieve\"", "en",
     "recieve", "receive, relieve"},
    {"number", TA_SEV_ERROR, 1, 1, 3, 1, 2, TA_NO_BEAD, "12,500 \xE2\x89\xA0 12 000", NULL, NULL,
     NULL},
    {"moved", TA_SEV_WARNING, 3, 4, 5, 5, 6, 5, "English sentence 4 is translated further on", NULL,
     NULL, NULL},
    {"spelling", TA_SEV_INFO, 2, 3, 4, 2, 3, TA_NO_BEAD, "no suggestion", "ru", "Формула", ""},
};
#define NF (sizeof F / sizeof *F)

static char *report(ta_report_format fmt, const ta_finding *f, size_t n)
{
    ta_corpus d = doc();
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cr_assert_eq(ta_write_findings(m, fmt, &d, f, n, NULL), TA_OK);
    fclose(m);
    return buf;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Runs `cmd` with the report in a temporary file as $1; its exit status. */
static int run_on(const char *text, const char *cmd)
{
    char path[] = "/tmp/talign_findings_XXXXXX", line[2048];
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    snprintf(line, sizeof line, "%s %s", cmd, path);
    int st = system(line);
    unlink(path);
    return st;
}

Test(findings, text_grouped_by_bead)
{
    char *t = report(TA_REPORT_TEXT, F, NF);
    const char *want =
        "bead 2 (en 1-2, ru 1): 2-1 0.97\n"
        "  en: Shares rose by 12,500 points. They said \"recieve\" <script>alert(1)</script> & "
        "more.\n"
        "  ru: Акции выросли на 12 000 пунктов.\n"
        "  warning spelling: unknown word \"recieve\" [en \"recieve\" suggestions: receive, "
        "relieve] (en 2, ru 1)\n"
        "  error number: 12,500 \xE2\x89\xA0 12 000\n"
        "\n"
        "bead 3 (en 3, ru 2): 1-1 0.60\n"
        "  en: =HYPERLINK(\"http://x\")\n"
        "  ru: Они сказали «получить» & ещё.\n"
        "  info spelling: no suggestion [ru \"Формула\" suggestions: none]\n"
        "\n"
        "bead 4 (en 4, ru none): 1-0 0.20\n"
        "  en: Moved English sentence.\n"
        "  ru: \n"
        "  warning moved: English sentence 4 is translated further on (en 4, ru 5) (see bead 6)\n";
    cr_assert_str_eq(t, want);
    free(t);
}

Test(findings, text_drops_control_characters)
{
    static const char *en[] = {"bell\a and \x1b[31mred\ttab"};
    static const char *ru[] = {"да"};
    size_t le[] = {strlen(en[0])}, lr[] = {strlen(ru[0])};
    ta_bead b[] = {{0, 1, 0, 1, 1}};
    ta_corpus d = {en, le, 1, ru, lr, 1, b, 1, 0, "en", "ru", NULL,
                       NULL, 0, false, false, false, NULL, NULL, 0};
    ta_finding f = {"number", TA_SEV_ERROR, 0, 0, 1, 0, 1, TA_NO_BEAD, "x\ny", NULL, NULL, NULL};
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cr_assert_eq(ta_write_findings(m, TA_REPORT_TEXT, &d, &f, 1, NULL), TA_OK);
    fclose(m);
    cr_assert(strstr(buf, "  en: bell and [31mred tab\n"), "%s", buf);
    cr_assert(strstr(buf, "error number: x y\n"), "%s", buf);
    free(buf);
}

Test(findings, json_lines)
{
    char *t = report(TA_REPORT_JSON, F, NF);
    cr_assert_eq(count(t, "\n"), NF);
    /* the order given is kept: one object a finding */
    cr_assert(!strncmp(t, "{\"check\":\"spelling\",\"severity\":\"warning\",\"bead\":2,\"en\":[2],"
                          "\"ru\":[1],\"en_text\":\"They said \\\"recieve\\\" <script>", 90), "%s", t);
    cr_assert(strstr(t, "\"lang\":\"en\",\"word\":\"recieve\",\"suggestions\":[\"receive\","
                        "\"relieve\"]}\n"), "%s", t);
    cr_assert(strstr(t, "\"en\":[1,2],\"ru\":[1],\"en_text\":\"Shares rose by 12,500 points. "
                        "They said"), "%s", t);
    cr_assert(strstr(t, "\"suggestions\":[]}"), "%s", t);
    cr_assert(strstr(t, "\"moved_bead\":6}"), "%s", t);
    cr_assert_eq(count(t, "\"lang\""), 2, "lang only on word-level findings");
    /* every line is valid JSON with the fields a consumer needs */
    int st = run_on(t, "python3 -c 'import json,sys\n"
                       "rows=[json.loads(l) for l in open(sys.argv[1])]\n"
                       "assert [r[\"check\"] for r in rows]==[\"spelling\",\"number\",\"moved\",\"spelling\"]\n"
                       "assert rows[2][\"en_text\"]==\"Moved English sentence.\" and rows[2][\"ru_text\"]==\"Перемещённое предложение.\"\n"
                       "assert all(set(r)>={\"check\",\"severity\",\"bead\",\"en\",\"ru\",\"en_text\",\"ru_text\",\"message\"} for r in rows)'");
    cr_assert_eq(st, 0, "python3 rejected the JSON lines:\n%s", t);
    free(t);
}

Test(findings, csv_for_spreadsheets)
{
    char *t = report(TA_REPORT_CSV, F, NF);
    cr_assert(!strncmp(t, "\xEF\xBB\xBF" "check,severity,bead,en_ids,ru_ids,en_text,ru_text,"
                          "message,lang,word,suggestions,moved_bead\r\n", 89), "%s", t);
    cr_assert_eq(count(t, "\r\n"), NF + 1);
    cr_assert(strstr(t, "\"They said \"\"recieve\"\" <script>"), "quotes doubled: %s", t);
    cr_assert(strstr(t, "\"'=HYPERLINK(\"\"http://x\"\")\""), "a formula is defused: %s", t);
    cr_assert(strstr(t, "\"spelling\",\"warning\",\"2\",\"2\",\"1\","), "%s", t);
    cr_assert(strstr(t, "\"moved\",\"warning\",\"4\",\"4\",\"5\","), "%s", t);
    int st = run_on(t, "python3 -c 'import csv,sys\n"
                       "rows=list(csv.reader(open(sys.argv[1],encoding=\"utf-8-sig\",newline=\"\")))\n"
                       "assert len(rows)==5 and all(len(r)==12 for r in rows), rows\n"
                       "assert rows[2][3]==\"1 2\" and rows[2][7]==\"12,500 \\u2260 12 000\", rows[2]\n"
                       "assert rows[1][9]==\"recieve\" and rows[1][10]==\"receive, relieve\"\n"
                       "assert rows[3][11]==\"6\" and rows[1][11]==\"\"'");
    cr_assert_eq(st, 0, "python3's csv module disagrees:\n%s", t);
    free(t);
}

Test(findings, html_page)
{
    char *t = report(TA_REPORT_HTML, F, NF);
    /* one badge per finding, plus the link back on the bead the moved sentence went to */
    cr_assert_eq(count(t, "<span class=\"badge error\""), 1);
    cr_assert_eq(count(t, "<span class=\"badge warning\""), 2);
    cr_assert_eq(count(t, "<span class=\"badge info\""), 1);
    cr_assert_eq(count(t, "<span class=\"badge ref\""), 1);
    cr_assert(strstr(t, "<tr id=\"b6\">"), "one row a bead");
    cr_assert_eq(count(t, "<tr id=\"b"), NB);
    cr_assert(strstr(t, "4 findings on 3 of 6 beads: 1 error, 2 warnings, 1 info"), "%s", t);
    cr_assert(strstr(t, "<tr><td>spelling</td><td>0</td><td>1</td><td>1</td><td>2</td></tr>"));
    cr_assert(strstr(t, "<tr><td>number</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>"));
    cr_assert(strstr(t, "data-check=\"moved\">moved (1)</button>"), "a filter per check");
    cr_assert(strstr(t, "data-sev=\"error\">error (1)</button>"), "a filter per severity");
    cr_assert(strstr(t, "id=\"only\""), "the only-rows-with-findings toggle");
    /* everything escaped: the sentence's script tag, the title's <1> */
    cr_assert_eq(count(t, "<script>"), 1, "only the page's own script");
    cr_assert(strstr(t, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."));
    cr_assert(strstr(t, "<title>talign check: news &lt;1&gt;.tmx</title>"));
    cr_assert(strstr(t, "title=\"warning: en 2, ru 1; word en &quot;recieve&quot;; suggestions: "
                        "receive, relieve\">spelling: unknown word &quot;recieve&quot;</span>"),
              "%s", t);
    cr_assert(strstr(t, "<td class=\"e\" lang=\"en\">") && strstr(t, "<td class=\"r\" lang=\"ru\">"));
    cr_assert(strstr(t, "<a href=\"#b6\">bead 6</a>"), "moved: a link to the other bead");
    cr_assert(!strstr(t, "src=") && !strstr(t, "href=\"http") && !strstr(t, "url("),
              "nothing from the network");
    cr_assert_eq(run_on(t, "sh -c 'o=$(xmllint --html --noout \"$0\" 2>&1); "
                            "test -z \"$o\" || { echo \"$o\" >&2; exit 1; }'"), 0,
                 "xmllint --html complains");
    free(t);
}

Test(findings, html_without_findings)
{
    char *t = report(TA_REPORT_HTML, NULL, 0);
    cr_assert(strstr(t, "0 findings on 0 of 6 beads"));
    cr_assert_eq(count(t, "class=\"badge"), 0);
    cr_assert_eq(count(t, "<tr id=\"b"), NB);
    free(t);
}

Test(findings, count_and_refusals)
{
    size_t c[3];
    ta_findings_count(F, NF, c);
    cr_assert(c[TA_SEV_INFO] == 1 && c[TA_SEV_WARNING] == 2 && c[TA_SEV_ERROR] == 1);
    ta_corpus d = doc();
    ta_finding bad = F[1];
    bad.bead = NB;
    cr_assert_eq(ta_write_findings(stdout, TA_REPORT_TEXT, &d, &bad, 1, NULL), TA_EINVAL);
    bad = F[1];
    bad.ru1 = 7;
    cr_assert_eq(ta_write_findings(stdout, TA_REPORT_JSON, &d, &bad, 1, NULL), TA_EINVAL);
    cr_assert_eq(ta_write_findings(stdout, (ta_report_format)7, &d, F, NF, NULL), TA_EINVAL);
    char *t = report(TA_REPORT_JSON, NULL, 0);
    cr_assert_str_eq(t, "");
    free(t);
}
