/* cmd_segment.c — `talign segment`: split a text into sentences (text, hunalign's text with
 * <p> lines, or JSONL). */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void help_segment(FILE *f)
{
    fputs("usage: talign segment [--lang en|ru] [--format text|hunalign|jsonl]\n"
          "                      [--encoding NAME]\n"
          "                      [--wrapped] [--keep-boilerplate] [--repair-mojibake] [--clean]\n"
          "                      [--split-semicolons] [--rules -NAME,+NAME] [--hunspell-dir DIR]\n"
          "                      [--explain] [--list-rules] [-o OUT] [FILE|-]\n"
          "Splits a news text into sentences.\n"
          "  --lang L            language of the text: en (default) or ru\n"
          "  --format F          text: one sentence a line, a blank line between paragraphs;\n"
          "                      hunalign: the same with a <p> line between paragraphs;\n"
          "                      either, aligned with 'talign align --presegmented', gives\n"
          "                      ladder indices that are its line numbers;\n"
          "                      jsonl: one object a sentence with text, paragraph, kind and\n"
          "                      byte offsets into the decoded UTF-8 text\n"
          "  --encoding NAME     input encoding (default: detect UTF-8/UTF-16/CP1251/KOI8-R)\n"
          "  --wrapped           paragraphs are separated by blank lines (default: one a line)\n"
          "  --keep-boilerplate  keep site furniture (All news, Updated at: ...)\n"
          "  --repair-mojibake   recover Cyrillic read with the wrong code page (\"\xc3\x90\xc3\xa5\xc3\xb6...\")\n"
          "  --clean             remove HTML/XML markup and PDF debris (page numbers, dot\n"
          "                      leaders, words broken a letter a line); offsets then refer to\n"
          "                      the cleaned text\n"
          "  --split-semicolons  end a sentence at \"; \" too (not by default)\n"
          "  --rules SPEC        switch rules off and on by name: -NAME,+NAME (--list-rules)\n"
          "  --hunspell-dir DIR  en_US/ru_RU dictionaries for the headline rules (default\n"
          "                      $TALIGN_HUNSPELL, else " TA_HUNSPELL_DIR ")\n"
          "  --explain           on stderr: every boundary made or vetoed (byte offset, made or\n"
          "                      vetoed, the rule that decided, the text around it), then each\n"
          "                      rule's hit count\n"
          "  --list-rules        print the rule table (name, languages, zone, on/off, what it\n"
          "                      does) and exit\n"
          "  -o OUT              write to OUT (complete or not at all) instead of stdout\n",
          f);
}

/* The text being explained, for the context printed around each boundary. */
typedef struct {
    const char *txt;
    size_t len;
} explain_ctx;

static void explain(void *ctx, size_t off, const char *rule, bool made)
{
    const explain_ctx *e = ctx;
    enum { AROUND = 20 };
    size_t a = off > AROUND ? off - AROUND : 0, z = off + AROUND < e->len ? off + AROUND : e->len;
    while (a > 0 && a < off && ((unsigned char)e->txt[a] & 0xC0) == 0x80)
        a++; /* whole characters only */
    while (z < e->len && z > off && ((unsigned char)e->txt[z] & 0xC0) == 0x80)
        z--;
    fprintf(stderr, "%zu\t%s\t%s\t", off, made ? "made" : "vetoed", rule);
    for (size_t i = a; i < z; i++) {
        if (i == off)
            fputc('|', stderr);
        fputc(e->txt[i] == '\n' || e->txt[i] == '\t' ? ' ' : e->txt[i], stderr);
    }
    fputc('\n', stderr);
}

bool cli_seg_rules_known(const char *cmd, const char *spec)
{
    size_t nr;
    const ta_seg_rule *r = ta_seg_rules(&nr);
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, ",");
        const char *name = p + (*p == '-' || *p == '+');
        size_t nl = n - (size_t)(name - p);
        size_t i = 1; /* entry 0 is ICU's, no rule to switch */
        while (i < nr && !(strlen(r[i].name) == nl && !strncmp(r[i].name, name, nl)))
            i++;
        if (i == nr) {
            cli_msg("%s: unknown rule '%.*s' in --rules; valid names:", cmd, (int)nl, name);
            for (i = 1; i < nr; i++)
                fprintf(stderr, "  %s\n", r[i].name);
            return false;
        }
        p += n + (p[n] == ',');
    }
    return true;
}

static void list_rules(void)
{
    size_t nr;
    const ta_seg_rule *r = ta_seg_rules(&nr);
    for (size_t i = 0; i < nr; i++)
        printf("%s\t%s\t%s\t%s\t%s\n", r[i].name, r[i].langs, r[i].zone, r[i].on ? "on" : "off",
               r[i].summary);
}

static void print_hits(const ta_segmenter *sg)
{
    size_t nr;
    const ta_seg_rule *r = ta_seg_rules(&nr);
    size_t *hits = calloc(nr, sizeof *hits);
    if (!hits)
        return;
    ta_segmenter_rule_hits(sg, hits);
    for (size_t i = 0; i < nr; i++)
        if (hits[i])
            fprintf(stderr, "hits\t%s\t%zu\n", r[i].name, hits[i]);
    free(hits);
}

/* The text format with hunalign's paragraph mark: each blank line (written only between
 * paragraphs: a sentence has no line break) becomes a <p> line. */
static ta_status write_hunalign(FILE *f, const char *txt, const ta_span *sp, size_t n,
                                ta_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return TA_ENOMEM;
    ta_status s = ta_write_sentences(m, false, txt, sp, n, err);
    if (fclose(m) && s == TA_OK)
        s = TA_ENOMEM;
    for (size_t i = 0; s == TA_OK && i < len; i++) {
        if (buf[i] == '\n' && i && buf[i - 1] == '\n')
            fputs("<p>", f);
        fputc(buf[i], f);
    }
    free(buf);
    return s != TA_OK ? s : ferror(f) ? TA_EIO : TA_OK;
}

int cmd_segment(int argc, char **argv)
{
    static const struct option lo[] = {
        {"lang", required_argument, 0, 'l'},     {"format", required_argument, 0, 'f'},
        {"encoding", required_argument, 0, 'e'}, {"wrapped", no_argument, 0, 'w'},
        {"keep-boilerplate", no_argument, 0, 'k'}, {"output", required_argument, 0, 'o'},
        {"repair-mojibake", no_argument, 0, 'M'}, {"clean", no_argument, 0, 'C'}, {"help", no_argument, 0, 'h'},
        {"split-semicolons", no_argument, 0, 'S'}, {"rules", required_argument, 0, 'R'},
        {"hunspell-dir", required_argument, 0, 'H'}, {"explain", no_argument, 0, 'X'},
        {"list-rules", no_argument, 0, 'L'}, {0, 0, 0, 0}};
    ta_segment_opts so = ta_segment_opts_default();
    so.data_dir = cli_environment()->data_dir;
    const char *format = "text", *enc = NULL, *out = NULL;
    unsigned flags = 0;
    bool explaining = false;
    explain_ctx ec = {0};
    so.hunspell_dir = cli_environment()->hunspell_dir;
    so.forms_dir = cli_environment()->forms_dir;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:f:e:o:h", lo, NULL)) != -1) {
        switch (c) {
        case 'l': so.lang = optarg; break;
        case 'f': format = optarg; break;
        case 'e': enc = optarg; break;
        case 'w': so.wrapped = true; break;
        case 'k': so.keep_boilerplate = true; break;
        case 'o': out = optarg; break;
        case 'M': flags |= CLI_REPAIR; break;
        case 'C': flags |= CLI_CLEAN; break;
        case 'S': so.split_semicolons = true; break;
        case 'R':
            if (!cli_seg_rules_known("segment", optarg))
                return EXIT_USAGE;
            so.rules = optarg;
            break;
        case 'H': so.hunspell_dir = optarg; break;
        case 'X': explaining = true; break;
        case 'L': list_rules(); return EXIT_OK;
        case 'h': help_segment(stdout); return EXIT_OK;
        default: help_segment(stderr); return EXIT_USAGE;
        }
    }
    if (strcmp(format, "text") && strcmp(format, "hunalign") && strcmp(format, "jsonl")) {
        cli_msg("segment: unknown --format '%s' (text, hunalign or jsonl)", format);
        return EXIT_USAGE;
    }
    if (argc - optind > 1) {
        cli_msg("segment: one input file at a time");
        return EXIT_USAGE;
    }
    const char *path = optind < argc ? argv[optind] : "-";
    ta_segmenter *sg = NULL;
    ta_error err = {0};
    ta_status s = ta_segmenter_new(&so, &sg, &err);
    if (s != TA_OK)
        return cli_fail("segment", s, &err);
    int code;
    ta_text *t = cli_load(path, enc, flags, &code);
    if (!t) {
        ta_segmenter_free(sg);
        return code;
    }
    size_t len, n;
    const char *txt = ta_text_data(t, &len);
    if (explaining) { /* the segmenter again, now that the text is known */
        ta_segmenter_free(sg);
        ec.txt = txt, ec.len = len;
        so.explain = explain, so.explain_ctx = &ec;
        if ((s = ta_segmenter_new(&so, &sg, &err)) != TA_OK) {
            ta_text_free(t);
            return cli_fail("segment", s, &err);
        }
    }
    ta_span *sp = NULL;
    s = ta_segment(sg, txt, len, &sp, &n, NULL);
    cli_out o;
    if (s != TA_OK)
        code = cli_fail(path, s, NULL);
    else if ((code = cli_out_open(&o, out)) == EXIT_OK) {
        s = !strcmp(format, "hunalign")
                ? write_hunalign(o.f, txt, sp, n, NULL)
                : ta_write_sentences(o.f, !strcmp(format, "jsonl"), txt, sp, n, NULL);
        code = cli_out_close(&o, s == TA_OK);
        if (s != TA_OK)
            code = cli_fail(out ? out : "(stdout)", s, NULL);
    }
    if (explaining)
        print_hits(sg);
    ta_free(sp);
    ta_text_free(t);
    ta_segmenter_free(sg);
    return code;
}
