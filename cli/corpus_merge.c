/* corpus_merge.c — `talign corpus merge`: joins shard outputs of one format into one file (one
 * TMX header, the units in shard order), dedup across shards (the first occurrence kept), the
 * shards' reports summed. Shards of contiguous slices merged in order give the bytes of a
 * single run. */
#include "corpus.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int merge_shard(const corpus_paths *sp, ta_stream_format fmt, FILE *f[2], ta_dedup *dd,
                       corpus_stats *st)
{
    ta_stream_reader *r = NULL;
    ta_error err = {0};
    ta_status s = ta_stream_reader_open(sp->final[0], sp->final[1], fmt, 0, 0, &r, &err);
    bool end = false;
    while (s == TA_OK && !end) {
        const char *rec, *rec2, *en, *ru;
        size_t rl, rl2, el, rul;
        s = ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &en, &el, &ru, &rul, &end, &err);
        if (s != TA_OK || end)
            break;
        if (dd) {
            uint64_t keys[2];
            ta_unit_fate fate;
            ta_unit_keys(en, el, ru, rul, keys);
            if ((s = ta_dedup_add(dd, keys, &fate)) != TA_OK)
                break;
            if (fate != TA_UNIT_KEPT) {
                if (st->fate[TA_UNIT_KEPT])
                    st->fate[TA_UNIT_KEPT]--;
                st->fate[fate]++;
                continue;
            }
        }
        if (fwrite(rec, 1, rl, f[0]) != rl || (f[1] && fwrite(rec2, 1, rl2, f[1]) != rl2)) {
            s = TA_EIO;
            snprintf(err.message, sizeof err.message, "write error");
            break;
        }
    }
    ta_stream_reader_free(r);
    return s == TA_OK ? EXIT_OK : cli_fail(sp->final[0], s, &err);
}

static void help_merge(FILE *f)
{
    fputs("usage: talign corpus merge [--dedup] [--format tmx|tsv|jsonl|moses] [-q] -o OUT\n"
          "                           SHARD...\n"
          "Joins the outputs of `talign corpus --shard K/N -o SHARD` (give them in the order\n"
          "K = 1..N) into OUT, with the shards' reports summed into OUT's report. The result is\n"
          "byte for byte what one run over the whole manifest writes.\n"
          "  --dedup      drop units already kept in an earlier shard (run the shards with\n"
          "               --dedup too); the first occurrence in manifest order is kept\n"
          "  --format F   the shards' format (default: from OUT's extension, else tmx); for\n"
          "               moses, SHARD and OUT are the -o given to the runs (BASE[.gz])\n",
          f);
}

int corpus_merge(int argc, char **argv)
{
    static const struct option lo[] = {
        {"dedup", no_argument, 0, 'd'}, {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *out = NULL, *format = NULL;
    bool dedup = false, quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:qh", lo, NULL)) != -1)
        switch (c) {
        case 'd': dedup = true; break;
        case 'f': format = optarg; break;
        case 'o': out = optarg; break;
        case 'q': quiet = true; break;
        case 'h': help_merge(stdout); return EXIT_OK;
        default: help_merge(stderr); return EXIT_USAGE;
        }
    ta_stream_format fmt;
    if (!format)
        format = strstr(out ? out : "", ".tsv") ? "tsv" : strstr(out ? out : "", ".jsonl") ? "jsonl" : "tmx";
    if (!out || optind >= argc || ta_stream_format_parse(format, &fmt, NULL) != TA_OK) {
        cli_msg("corpus merge: %s", !out ? "give -o OUT" : optind >= argc ? "give the shards"
                                                          : "unknown --format");
        return EXIT_USAGE;
    }
    corpus_paths op;
    int code = corpus_paths_init(&op, out, fmt, "en", "ru");
    if (code != EXIT_OK)
        return code;
    if (op.to_stdout) {
        cli_msg("corpus merge: give -o OUT (a file)");
        corpus_paths_free(&op);
        return EXIT_USAGE;
    }
    FILE *f[2] = {NULL, NULL};
    for (int k = 0; k < op.nfiles && code == EXIT_OK; k++)
        if (!(f[k] = fopen(op.partial[k], "w"))) {
            cli_msg("%s: cannot write", op.partial[k]);
            code = EXIT_OUTPUT;
        }
    ta_dedup *dd = NULL;
    if (code == EXIT_OK && dedup && ta_dedup_new(&dd) != TA_OK)
        code = EXIT_INTERNAL;
    corpus_stats st = {0};
    if (code == EXIT_OK)
        code = ta_stream_header(f[0], fmt, "en", "ru", NULL) == TA_OK ? EXIT_OK : EXIT_OUTPUT;
    for (int i = optind; i < argc && code == EXIT_OK; i++) {
        corpus_paths sp;
        if ((code = corpus_paths_init(&sp, argv[i], fmt, "en", "ru")) != EXIT_OK)
            break;
        if (access(sp.report, R_OK) == 0 && corpus_report_read(sp.report, &st) != 0)
            cli_msg("warning: %s: cannot read all of the report", sp.report);
        code = merge_shard(&sp, fmt, f, dd, &st);
        corpus_paths_free(&sp);
    }
    if (code == EXIT_OK && ta_stream_footer(f[0], fmt, NULL) != TA_OK)
        code = EXIT_OUTPUT;
    for (int k = 0; k < 2; k++)
        if (f[k] && (ferror(f[k]) | fclose(f[k])) && code == EXIT_OK)
            code = EXIT_OUTPUT;
    if (code == EXIT_OK)
        code = corpus_finish_files(&op);
    else
        for (int k = 0; k < op.nfiles; k++)
            unlink(op.partial[k]);
    if (code == EXIT_OK)
        code = corpus_report_write(op.report, &st, 0);
    if (code == EXIT_OK && !quiet)
        corpus_report_text(stderr, &st);
    ta_dedup_free(dd);
    corpus_stats_free(&st);
    corpus_paths_free(&op);
    return code;
}
