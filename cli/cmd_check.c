/* cmd_check.c — `talign check`: align two articles (or read an aligned bilingual file) and
 * report translation errors: omissions, moved text, numbers, names, terms, spelling ... */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void help_check(FILE *f)
{
    fputs("usage: talign check [options] EN RU\n"
          "       talign check [options] --pairs FILE\n"
          "Checks a Russian translation against its English original: aligns the two articles\n"
          "(or reads a file that is aligned already) and reports what was left out, moved,\n"
          "changed or misspelt.\n"
          "  --pairs FILE       an aligned bilingual file: talign's TSV or JSONL, or TMX 1.4b from\n"
          "                     any tool (detected from its content)\n"
          "  --checks LIST      switch checks: NAME,-NAME,... from all on ('-all,number' runs one)\n"
          "  --list             list the checks with their default severity\n"
          "  --glossary FILE    TSV EN_TERM<TAB>RU_TERM (# comments; RU_TERM as !RU_TERM: forbidden)\n"
          "  --names FILE       names, one a line, that spelling accepts in any inflected form\n"
          "  --dict-dir DIR     hunspell en_US and ru_RU dictionaries (default /usr/share/hunspell)\n"
          "  --format F         text (default, grouped by bead), json (one finding a line), csv,\n"
          "                     html (side-by-side review page with the findings)\n"
          "  --fail-on SEV      exit 1 when a finding of this severity or above is found:\n"
          "                     info, warning, error (default) or never\n"
          "  -o OUT             write the report to OUT (complete or not at all)\n"
          "  --keep-mojibake    check Cyrillic read with the wrong code page as it is (by default\n"
          "                     it is repaired first, with a message, as --repair-mojibake does)\n"
          "  --presegmented, --wrapped, --encoding NAME, --clean,\n"
          "  --lexicon FILE, --no-lexicon, --src-lang L, --tgt-lang L   as for talign align;\n"
          "                     no lexicon found is an input error (--no-lexicon: check without)\n"
          "exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 usage error,\n"
          "            3 input error, 4 output error\n",
          f);
}

typedef struct {
    ta_check_opts co;
    ta_aligner_opts ao;
    const char *pairs, *format, *out, *enc, *lexpath[16];
    int nlex, fail_on; /* fail_on: a severity, or FAIL_NEVER */
    unsigned flags;
    bool list;
} check_args;

enum { FAIL_NEVER = TA_SEV_ERROR + 1 };

static int list_checks(void)
{
    size_t n;
    const ta_check_info *c = ta_check_list(&n);
    for (size_t k = 0; k < n; k++)
        printf("%-14s %-8s %s\n", c[k].name, ta_severity_name(c[k].severity), c[k].summary);
    return EXIT_OK;
}

static int parse(int argc, char **argv, check_args *a)
{
    static const struct option lo[] = {
        {"pairs", required_argument, 0, 'P'}, {"checks", required_argument, 0, 'c'},
        {"list", no_argument, 0, 'L'}, {"glossary", required_argument, 0, 'g'},
        {"names", required_argument, 0, 'n'}, {"dict-dir", required_argument, 0, 'd'},
        {"format", required_argument, 0, 'f'}, {"fail-on", required_argument, 0, 'F'},
        {"output", required_argument, 0, 'o'}, {"presegmented", no_argument, 0, 'p'},
        {"wrapped", no_argument, 0, 'w'}, {"encoding", required_argument, 0, 'e'},
        {"repair-mojibake", no_argument, 0, 'M'}, {"keep-mojibake", no_argument, 0, 'K'},
        {"clean", no_argument, 0, 'C'},
        {"lexicon", required_argument, 0, 'l'}, {"no-lexicon", no_argument, 0, 'N'},
        {"src-lang", required_argument, 0, 'S'}, {"tgt-lang", required_argument, 0, 'T'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:l:o:h", lo, NULL)) != -1) {
        switch (c) {
        case 'P': a->pairs = optarg; break;
        case 'c': a->co.checks = optarg; break;
        case 'L': a->list = true; break;
        case 'g': a->co.glossary = optarg; break;
        case 'n': a->co.names = optarg; break;
        case 'd': a->co.dict_dir = a->ao.hunspell_dir = optarg; break;
        case 'f': a->format = optarg; break;
        case 'F': {
            ta_severity s;
            if (!strcmp(optarg, "never"))
                a->fail_on = FAIL_NEVER;
            else if (ta_severity_parse(optarg, &s, NULL) == TA_OK)
                a->fail_on = (int)s;
            else {
                cli_msg("check: --fail-on takes info, warning, error or never, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case 'o': a->out = optarg; break;
        case 'p': a->ao.presegmented = true; break;
        case 'w': a->ao.wrapped = true; break;
        case 'e': a->enc = optarg; break;
        case 'M': a->flags |= CLI_REPAIR; break;
        case 'K': a->flags &= ~(unsigned)CLI_REPAIR; break;
        case 'C': a->flags |= CLI_CLEAN; break;
        case 'l':
            if (a->nlex == 16) {
                cli_msg("check: at most 16 --lexicon files");
                return EXIT_USAGE;
            }
            a->lexpath[a->nlex++] = optarg;
            break;
        case 'N': a->ao.align.use_lexicon = false; break;
        case 'S': a->ao.src_lang = a->co.src_lang = optarg; break;
        case 'T': a->ao.tgt_lang = a->co.tgt_lang = optarg; break;
        case 'h': help_check(stdout); return -1;
        default: help_check(stderr); return EXIT_USAGE;
        }
    }
    int files = argc - optind;
    if (!a->list && (a->pairs ? files != 0 : files != 2)) {
        cli_msg("check: %s (see talign help check)",
                a->pairs ? "--pairs takes the file: give no other files" : "give two files: EN RU");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static const char *FORMATS[] = {"text", "json", "csv", "html"};

static int format_of(const char *name)
{
    for (int k = 0; k < 4; k++)
        if (!strcmp(name, FORMATS[k]))
            return k;
    cli_msg("check: unknown --format '%s' (text, json, csv or html)", name);
    return -1;
}

/* The document to check: two articles aligned, or a bilingual file. */
typedef struct {
    ta_text *te, *tr;
    ta_aligner *al;
    ta_pair *pair;
    ta_bitext *bt;
    ta_corpus doc;
} check_doc;

static int load_doc(const check_args *a, char **files, const ta_lexicon *lx, check_doc *d)
{
    ta_error err = {0};
    ta_status s;
    if (a->pairs) {
        s = ta_bitext_load(a->pairs, TA_BITEXT_AUTO, a->co.src_lang, a->co.tgt_lang, &d->bt, &err);
        if (s != TA_OK)
            return cli_fail(a->pairs, s, &err);
        ta_bitext_corpus(d->bt, &d->doc);
        return EXIT_OK;
    }
    int code;
    if (!(d->te = cli_load(files[0], a->enc, a->flags, &code)) ||
        !(d->tr = cli_load(files[1], a->enc, a->flags, &code)))
        return code;
    size_t el, rl;
    const char *et = ta_text_data(d->te, &el), *rt = ta_text_data(d->tr, &rl);
    s = ta_aligner_new(&a->ao, lx, &d->al, &err);
    if (s == TA_OK)
        s = ta_aligner_run(d->al, et, el, rt, rl, &d->pair, &err);
    if (s != TA_OK)
        return cli_fail("check", s, &err);
    ta_pair_corpus(d->pair, &d->doc);
    d->doc.title = files[0];
    return EXIT_OK;
}

/* The omission, addition and moved checks work from the lexicon's translations: without it
 * they report every sentence of a faithful translation as left out. So a lexicon that cannot be
 * found is an input error here, not the warning align gives; --no-lexicon checks without one
 * on purpose. */
static int need_lexicon(const check_args *a)
{
    if (!a->ao.align.use_lexicon || a->nlex)
        return EXIT_OK;
    const char *path = cli_default_lexicon();
    if (access(path, F_OK) == 0)
        return EXIT_OK;
    cli_msg("check: no lexicon at %s: omission, addition and moved need its translations (run "
            "make, give --lexicon FILE or TALIGN_LEXICON, or --no-lexicon to check without one)",
            path);
    return EXIT_INPUT;
}

static void free_doc(check_doc *d)
{
    ta_pair_free(d->pair);
    ta_aligner_free(d->al);
    ta_bitext_free(d->bt);
    ta_text_free(d->te);
    ta_text_free(d->tr);
}

/* "talign: check: 2 errors, 1 warning, 0 info (number 1, omission 2)" on stderr. */
static void summary(const ta_finding *f, size_t n)
{
    size_t sev[3] = {0}, nc;
    const ta_check_info *c = ta_check_list(&nc);
    for (size_t i = 0; i < n; i++)
        sev[f[i].severity]++;
    fprintf(stderr, "talign: check: %zu error%s, %zu warning%s, %zu info", sev[2],
            sev[2] == 1 ? "" : "s", sev[1], sev[1] == 1 ? "" : "s", sev[0]);
    const char *sep = " (";
    for (size_t k = 0; k < nc; k++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            m += !strcmp(f[i].check, c[k].name);
        if (m)
            fprintf(stderr, "%s%s %zu", sep, c[k].name, m), sep = ", ";
    }
    fputs(*sep == ',' ? ")\n" : "\n", stderr);
}

static int report(const check_args *a, int fmt, const ta_corpus *doc, const ta_finding *f,
                  size_t n)
{
    cli_out o;
    int code = cli_out_open(&o, a->out);
    if (code != EXIT_OK)
        return code;
    ta_error err = {0};
    ta_status s = ta_write_findings(o.f, (ta_report_format)fmt, doc, f, n, &err);
    code = cli_out_close(&o, s == TA_OK);
    if (s != TA_OK)
        return cli_fail(a->out ? a->out : "(stdout)", s, &err);
    if (code != EXIT_OK)
        return code;
    summary(f, n);
    for (size_t i = 0; i < n; i++)
        if ((int)f[i].severity >= a->fail_on)
            return EXIT_FINDINGS;
    return EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    check_args a = {.co = ta_check_opts_default(), .ao = ta_aligner_opts_default(),
                    .format = "text", .fail_on = TA_SEV_ERROR, .flags = CLI_REPAIR};
    a.co.data_dir = a.ao.data_dir = cli_environment()->data_dir;
    a.ao.hunspell_dir = cli_environment()->hunspell_dir;
    a.co.forms_dir = a.ao.forms_dir = cli_environment()->forms_dir;
    int code = parse(argc, argv, &a);
    if (code != EXIT_OK)
        return code < 0 ? EXIT_OK : code;
    if (a.list)
        return list_checks();
    int fmt = format_of(a.format);
    if (fmt < 0)
        return EXIT_USAGE;
    ta_lexicon *lx = NULL;
    ta_checker *ck = NULL;
    check_doc d = {0};
    ta_finding *f = NULL;
    size_t n = 0;
    ta_error err = {0};
    ta_status s;
    code = need_lexicon(&a);
    if (code == EXIT_OK)
        code = cli_load_lexicon("check", a.lexpath, a.nlex, a.ao.align.use_lexicon, false, &lx);
    if (code == EXIT_OK && (s = ta_checker_new(&a.co, lx, &ck, &err)) != TA_OK)
        code = cli_fail("check", s, &err);
    if (code == EXIT_OK)
        code = load_doc(&a, argv + optind, lx, &d);
    if (code == EXIT_OK && (s = ta_check(ck, &d.doc, &f, &n, &err)) != TA_OK)
        code = cli_fail("check", s, &err);
    if (code == EXIT_OK)
        code = report(&a, fmt, &d.doc, f, n);
    ta_findings_free(f, n);
    free_doc(&d);
    ta_checker_free(ck);
    ta_lexicon_free(lx);
    return code;
}
