/* corpus_merge.c — `talign corpus merge`: joins shard outputs of one format into one file (the
 * first shard's TMX header, the units in shard order), dedup across shards (the first
 * occurrence kept), the shards' reports summed; a document met again (its tuids would repeat)
 * stops it. Shards of contiguous slices merged in order give the bytes of a single run. */
#include "corpus.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The document a unit record belongs to: TMX the tuid up to its last ':', TSV the first field,
 * JSONL the "doc" string as written (escaped; enough to tell documents apart); false for
 * Moses, which names none. */
static bool unit_doc(ta_stream_format fmt, const char *rec, size_t n, const char **doc,
                     size_t *len)
{
    static const char tuid[] = "tuid=\"", jdoc[] = "{\"doc\":\"";
    const char *a = NULL, *z = NULL;
    if (fmt == TA_STREAM_TMX && (a = strstr(rec, tuid))) {
        a += sizeof tuid - 1;
        const char *q = strchr(a, '"');
        for (const char *p = a; q && p < q; p++)
            z = *p == ':' ? p : z;
    } else if (fmt == TA_STREAM_TSV) {
        a = rec, z = memchr(rec, '\t', n);
    } else if (fmt == TA_STREAM_JSONL && !strncmp(rec, jdoc, sizeof jdoc - 1)) {
        a = rec + sizeof jdoc - 1;
        for (const char *p = a; *p && !z; p++)
            if (*p == '\\' && p[1])
                p++;
            else if (*p == '"')
                z = p;
    }
    *doc = a, *len = a && z ? (size_t)(z - a) : 0;
    return a && z;
}

/* Documents seen so far, to keep tuids unique: the units of one document are consecutive in
 * a shard, so a document met again after another one (or in a later shard) repeats tuids. */
typedef struct {
    ta_dedup *seen;
    char *cur; /* the current document of this shard (NULL at a shard's start) */
} doc_check;

/* 0, 1 when the unit's document was met before (the message is printed), -1 out of memory */
static int repeated_doc(doc_check *dc, ta_stream_format fmt, const char *shard, const char *rec,
                        size_t n)
{
    const char *d;
    size_t len;
    if (!unit_doc(fmt, rec, n, &d, &len) ||
        (dc->cur && strlen(dc->cur) == len && !memcmp(dc->cur, d, len)))
        return 0;
    free(dc->cur);
    if (!(dc->cur = strndup(d, len)))
        return -1;
    uint64_t keys[2];
    ta_unit_fate fate;
    ta_unit_keys(d, len, "", 0, keys);
    keys[1] = keys[0]; /* exact repeats only */
    if (ta_dedup_add(dc->seen, keys, &fate) != TA_OK)
        return -1;
    if (fate == TA_UNIT_KEPT)
        return 0;
    cli_msg("%s: document '%s' is also earlier in the shards: its tuids would repeat (merge the "
            "shards of one run, each once, in order)", shard, dc->cur);
    return 1;
}

/* Copies the header of the first shard (TMX: its srclang and creationdate); warns when a later
 * one differs. */
static int merge_header(const ta_stream_reader *r, const char *shard, FILE *f, char **first,
                        size_t *first_len, const char **first_name)
{
    size_t n;
    const char *h = ta_stream_reader_header(r, &n);
    if (!*first) {
        if (!(*first = malloc(n + 1)))
            return EXIT_INTERNAL;
        memcpy(*first, h, n);
        *first_len = n, *first_name = shard;
        return fwrite(h, 1, n, f) == n ? EXIT_OK : EXIT_OUTPUT;
    }
    if (n != *first_len || memcmp(h, *first, n))
        cli_msg("warning: %s: its header differs from %s's (another --src-lang, or inputs changed "
                "between the runs); %s's is kept", shard, *first_name, *first_name);
    return EXIT_OK;
}

typedef struct {
    FILE *f[2];
    ta_dedup *dd;     /* --dedup */
    doc_check docs;
    char *head;       /* the first shard's header */
    size_t head_len;
    const char *head_from;
} merger;

static int merge_shard(const corpus_paths *sp, ta_stream_format fmt, merger *mg,
                       corpus_stats *st)
{
    ta_stream_reader *r = NULL;
    ta_error err = {0};
    ta_status s = ta_stream_reader_open(sp->final[0], sp->final[1], fmt, 0, 0, &r, &err);
    int code = s == TA_OK ? merge_header(r, sp->final[0], mg->f[0], &mg->head, &mg->head_len,
                                         &mg->head_from) : EXIT_OK;
    bool end = false;
    free(mg->docs.cur);
    mg->docs.cur = NULL;
    while (s == TA_OK && code == EXIT_OK && !end) {
        const char *rec, *rec2, *en, *ru;
        size_t rl, rl2, el, rul;
        s = ta_stream_reader_next(r, &rec, &rl, &rec2, &rl2, &en, &el, &ru, &rul, &end, &err);
        if (s != TA_OK || end)
            break;
        int rep = repeated_doc(&mg->docs, fmt, sp->final[0], rec, rl);
        if (rep)
            code = rep < 0 ? EXIT_INTERNAL : EXIT_INPUT;
        if (mg->dd && !rep) {
            uint64_t keys[2];
            ta_unit_fate fate;
            ta_unit_keys(en, el, ru, rul, keys);
            if ((s = ta_dedup_add(mg->dd, keys, &fate)) != TA_OK)
                break;
            if (fate != TA_UNIT_KEPT) {
                if (st->fate[TA_UNIT_KEPT])
                    st->fate[TA_UNIT_KEPT]--;
                st->fate[fate]++;
                continue;
            }
        }
        if (!rep && (fwrite(rec, 1, rl, mg->f[0]) != rl ||
                     (mg->f[1] && fwrite(rec2, 1, rl2, mg->f[1]) != rl2))) {
            s = TA_EIO;
            snprintf(err.message, sizeof err.message, "write error");
            break;
        }
    }
    ta_stream_reader_free(r);
    return s == TA_OK ? code : cli_fail(sp->final[0], s, &err);
}

static void help_merge(FILE *f)
{
    fputs("usage: talign corpus merge [--dedup] [--format tmx|tsv|jsonl|moses] [-q] -o OUT\n"
          "                           SHARD...\n"
          "Joins the outputs of `talign corpus --shard K/N -o SHARD` (give them in the order\n"
          "K = 1..N) into OUT, with the shards' reports summed into OUT's report. The result is\n"
          "byte for byte what one run over the whole manifest writes (TMX: the first shard's\n"
          "header, which every shard of one run shares; a warning when another differs).\n"
          "A document met in an earlier shard (a shard given twice, shards of other runs)\n"
          "would repeat its tuids: merge stops there and exits 3, writing nothing.\n"
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
    merger mg = {{NULL, NULL}, NULL, {NULL, NULL}, NULL, 0, NULL};
    for (int k = 0; k < op.nfiles && code == EXIT_OK; k++)
        if (!(mg.f[k] = fopen(op.partial[k], "w"))) {
            cli_msg("%s: cannot write", op.partial[k]);
            code = EXIT_OUTPUT;
        }
    if (code == EXIT_OK && ((dedup && ta_dedup_new(&mg.dd) != TA_OK) ||
                            ta_dedup_new(&mg.docs.seen) != TA_OK))
        code = EXIT_INTERNAL;
    corpus_stats st = {0};
    for (int i = optind; i < argc && code == EXIT_OK; i++) {
        corpus_paths sp;
        if ((code = corpus_paths_init(&sp, argv[i], fmt, "en", "ru")) != EXIT_OK)
            break;
        if (access(sp.report, R_OK) == 0 && corpus_report_read(sp.report, &st) != 0)
            cli_msg("warning: %s: cannot read all of the report", sp.report);
        code = merge_shard(&sp, fmt, &mg, &st);
        corpus_paths_free(&sp);
    }
    if (code == EXIT_OK && ta_stream_footer(mg.f[0], fmt, NULL) != TA_OK)
        code = EXIT_OUTPUT;
    for (int k = 0; k < 2; k++)
        if (mg.f[k] && (ferror(mg.f[k]) | fclose(mg.f[k])) && code == EXIT_OK)
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
    ta_dedup_free(mg.dd);
    ta_dedup_free(mg.docs.seen);
    free(mg.docs.cur);
    free(mg.head);
    corpus_stats_free(&st);
    corpus_paths_free(&op);
    return code;
}
