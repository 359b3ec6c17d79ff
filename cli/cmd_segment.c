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
          "                      [-o OUT] [FILE|-]\n"
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
          "  -o OUT              write to OUT (complete or not at all) instead of stdout\n",
          f);
}

/* The text format with hunalign's paragraph mark: each blank line (written only between
 * paragraphs: a sentence has no line break) becomes a <p> line. */
static ta_status write_hunalign(FILE *f, const char *txt, const ta_span *sp, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return TA_ENOMEM;
    ta_status s = ta_write_sentences(m, false, txt, sp, n);
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
        {0, 0, 0, 0}};
    ta_segment_opts so = ta_segment_opts_default();
    const char *format = "text", *enc = NULL, *out = NULL;
    unsigned flags = 0;
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
    ta_span *sp = NULL;
    s = ta_segment(sg, txt, len, &sp, &n);
    cli_out o;
    if (s != TA_OK)
        code = cli_fail(path, s, NULL);
    else if ((code = cli_out_open(&o, out)) == EXIT_OK) {
        s = !strcmp(format, "hunalign") ? write_hunalign(o.f, txt, sp, n)
                                         : ta_write_sentences(o.f, !strcmp(format, "jsonl"), txt, sp, n);
        code = cli_out_close(&o, s == TA_OK);
        if (s != TA_OK)
            code = cli_fail(out ? out : "(stdout)", s, NULL);
    }
    ta_free(sp);
    ta_text_free(t);
    ta_segmenter_free(sg);
    return code;
}
