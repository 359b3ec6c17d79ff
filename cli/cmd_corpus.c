/* cmd_corpus.c — `talign corpus`: many document pairs into one translation memory or MT
 * corpus (options, input, shards); the run is in corpus_run.c, merge in corpus_merge.c. */
#include "corpus.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_LEX = 16 };

void help_corpus(FILE *f)
{
    fputs("usage: talign corpus [options] -o OUT (MANIFEST | --en-dir D --ru-dir D)\n"
          "       talign corpus [options] --stdin-jsonl            (JSONL in, JSONL out)\n"
          "       talign corpus merge [--dedup] -o OUT SHARD...    (see talign corpus merge -h)\n"
          "Aligns many article pairs into one translation memory or MT corpus. Output is in the\n"
          "manifest's order whatever -j is: the same input gives the same bytes.\n"
          "input:\n"
          "  MANIFEST         lines ID<TAB>EN_PATH<TAB>RU_PATH ('#' comments; relative paths\n"
          "                   from the manifest's folder)\n"
          "  --en-dir D --ru-dir D  pairs files by name (x.txt with x.txt, x.en.txt with x.ru.txt);\n"
          "                   unpaired files are listed in the report\n"
          "  --stdin-jsonl    records {\"id\":..,\"en\":..,\"ru\":..} with the texts, one a line, on\n"
          "                   stdin; units as JSONL on stdout (a Hadoop Streaming / Spark pipe()\n"
          "                   mapper); the summary on stderr\n"
          "output:\n"
          "  -o OUT           the corpus; gzip when OUT ends in .gz; OUT.report.json beside it\n"
          "                   (.gz left out of that name). Written to OUT.partial and renamed at\n"
          "                   the end: OUT is complete or absent\n"
          "  --format F       tmx (default: the units of talign align --format tmx, tuid\n"
          "                   \"ID:N\" where N is align's tuid, an x-doc prop with the ID), tsv\n"
          "                   (ID<TAB>EN<TAB>RU<TAB>SCORE<TAB>TYPE), jsonl ({\"doc\",\"bead\",\"en\",\n"
          "                   \"ru\",\"score\",\"type\"}), moses (OUT.en + OUT.ru, OUT.en.gz ... with\n"
          "                   .gz); default from OUT's extension (.tsv, .jsonl)\n",
          f);
    fputs("  --tmx-sentences  TMX: cut an n-1 bead's sentence at clause boundaries into one unit\n"
          "                   a source sentence where the lengths agree (as talign align)\n"
          "  --resume         continue an interrupted run (OUT.progress, OUT.partial): finished\n"
          "                   pairs are not redone and OUT gets the bytes of an uninterrupted run\n"
          "work:\n"
          "  -j N             worker threads (default: the number of cores)\n"
          "  --shard K/N      only the K-th of N contiguous slices of the pairs; `corpus merge`\n"
          "                   of shards 1..N in order gives the output of one whole run\n"
          "  -q, --quiet      no progress and no summary\n"
          "filters (units are what is written: beads with sentences on both sides, or the\n"
          "pieces of a bead TMX cuts, each with its bead's shape and score; drops are counted):\n"
          "  --min-score X    drop units scored below X (0..1)\n"
          "  --only-1-1       drop beads of several sentences\n"
          "  --min-chars N    drop units with a side shorter than N characters\n"
          "  --max-length-ratio R  drop units whose longer side has more than R times the\n"
          "                   characters of the shorter (R >= 1)\n"
          "  --drop-identical drop units whose target equals the source\n"
          "  --drop-wrong-script  drop units with a side mostly in the other side's script\n"
          "                   (more Latin than Cyrillic letters in Russian, or the reverse)\n"
          "  --drop-number-mismatch  drop units whose numbers differ: a number is a run of\n"
          "                   digits, where , . space, no-break or thin space before exactly\n"
          "                   three digits separates thousands (12,500 = 12 500 = 12500; 3.5 is\n"
          "                   3 and 5); the two sides' numbers must be the same multiset\n"
          "  --spell --drop-misspelled  drop units with a word the spelling check flags\n"
          "                   (hunspell en_US, ru_RU, as talign check; --dict-dir DIR)\n"
          "  --dedup          keep the first of units with the same texts, or the same after\n"
          "                   lowercasing and removing all but letters (like bifixer)\n"
          "alignment: --lexicon FILE, --no-lexicon, --presegmented, --wrapped, --max-bead 2|3,\n"
          "  --band N, --clean, --repair-mojibake, --src-lang L, --tgt-lang L (as talign align)\n"
          "TMX as talign align writes it: segtype=\"block\" on beads of several sentences, a\n"
          "  TASS dateline as two units (\"MOSCOW, September 2.\" and \"/TASS/.\", tuids ID:N.1,\n"
          "  ID:N.2), an x-source prop on each tuv with the document's path as the manifest\n"
          "  gives it (--en-dir/--ru-dir: its file name), creationdate $SOURCE_DATE_EPOCH when\n"
          "  set, else the newer of the pair's files' mtimes (the header: the newest of all the\n"
          "  manifest's files, so that shards share it). A manifest's IDs must differ; with\n"
          "  --stdin-jsonl a record whose id was written before fails (duplicate_id).\n"
          "exit codes: 0 every pair aligned; 1 some pairs failed (missing, unreadable,\n"
          "  undecodable or empty: listed in the report, the rest written) or an internal error;\n"
          "  2 usage (also a checkpoint of other options with --resume); 3 the manifest or\n"
          "  folders cannot be read; 4 output error\n",
          f);
}

/* FNV-1a over the options that shape the output */
static uint64_t mix(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return (h ^ 0xff) * 0x100000001b3ull;
}

static bool parse_num(const char *s, double lo, double hi, double *v)
{
    char *end;
    *v = strtod(s, &end);
    return *s && !*end && *v >= lo && *v <= hi;
}

typedef struct {
    const char *lex[MAX_LEX], *manifest, *en_dir, *ru_dir, *format, *shard;
    int nlex;
    bool preseg, wrapped, spell;
} cli_args;

static int parse(int argc, char **argv, corpus_opts *o, cli_args *a)
{
    static const struct option lo[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        {"jobs", required_argument, 0, 'j'}, {"en-dir", required_argument, 0, 'E'},
        {"ru-dir", required_argument, 0, 'R'}, {"stdin-jsonl", no_argument, 0, 'J'},
        {"shard", required_argument, 0, 'k'}, {"resume", no_argument, 0, 'r'},
        {"quiet", no_argument, 0, 'q'}, {"min-score", required_argument, 0, 's'},
        {"only-1-1", no_argument, 0, '1'}, {"min-chars", required_argument, 0, 'c'},
        {"max-length-ratio", required_argument, 0, 'L'}, {"drop-identical", no_argument, 0, 'I'},
        {"drop-wrong-script", no_argument, 0, 'W'}, {"drop-number-mismatch", no_argument, 0, 'D'},
        {"dedup", no_argument, 0, 'd'}, {"lexicon", required_argument, 0, 'l'},
        {"no-lexicon", no_argument, 0, 'N'}, {"presegmented", no_argument, 0, 'p'},
        {"wrapped", no_argument, 0, 'w'}, {"max-bead", required_argument, 0, 'm'},
        {"band", required_argument, 0, 'b'}, {"clean", no_argument, 0, 'C'},
        {"repair-mojibake", no_argument, 0, 'M'}, {"src-lang", required_argument, 0, 'S'},
        {"tgt-lang", required_argument, 0, 'T'}, {"spell", no_argument, 0, 'X'},
        {"drop-misspelled", no_argument, 0, 'Y'}, {"dict-dir", required_argument, 0, 'Z'},
        {"tmx-sentences", no_argument, 0, 'x'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    double v;
    int c;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->threads = ncpu > 0 ? (int)ncpu : 1;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:j:qh", lo, NULL)) != -1) {
        const char *bad = NULL;
        switch (c) {
        case 'o': o->out = optarg; break;
        case 'f': a->format = optarg; break;
        case 'j':
            if (!parse_num(optarg, 1, 1024, &v))
                bad = "-j takes a number of threads (1..1024)";
            o->threads = (int)v;
            break;
        case 'E': a->en_dir = optarg; break;
        case 'R': a->ru_dir = optarg; break;
        case 'J': o->stdin_jsonl = true; break;
        case 'k':
            a->shard = optarg;
            if (sscanf(optarg, "%u/%u", &o->shard_k, &o->shard_n) != 2 || o->shard_k < 1 ||
                o->shard_k > o->shard_n)
                bad = "--shard takes K/N with 1 <= K <= N";
            break;
        case 'r': o->resume = true; break;
        case 'q': o->quiet = true; break;
        case 's':
            if (!parse_num(optarg, 0, 1, &o->filter.min_score))
                bad = "--min-score takes a number from 0 to 1";
            break;
        case '1': o->filter.only_1_1 = true; break;
        case 'c':
            if (!parse_num(optarg, 0, 1e9, &v))
                bad = "--min-chars takes a number of characters";
            o->filter.min_chars = (size_t)v;
            break;
        case 'L':
            if (!parse_num(optarg, 1, 1e9, &o->filter.max_ratio))
                bad = "--max-length-ratio takes a number >= 1";
            break;
        case 'I': o->filter.drop_identical = true; break;
        case 'W': o->filter.drop_script = true; break;
        case 'D': o->filter.drop_numbers = true; break;
        case 'd': o->dedup = true; break;
        case 'X': a->spell = true; break;
        case 'Y': o->drop_misspelled = true; break;
        case 'Z': o->dict_dir = o->aopts.hunspell_dir = optarg; break;
        case 'x': o->tmx_sentences = true; break;
        case 'l':
            if (a->nlex == MAX_LEX)
                bad = "at most 16 --lexicon files";
            else
                a->lex[a->nlex++] = optarg;
            break;
        case 'N': o->aopts.align.use_lexicon = false; break;
        case 'p': a->preseg = true; break;
        case 'w': a->wrapped = true; break;
        case 'm': o->aopts.align.max_bead = atoi(optarg); break;
        case 'b': o->aopts.align.band = atoi(optarg); break;
        case 'C': o->clean = true; break;
        case 'M': o->repair = true; break;
        case 'S': o->src_lang = optarg; break;
        case 'T': o->tgt_lang = optarg; break;
        case 'h': help_corpus(stdout); return -1;
        default: help_corpus(stderr); return EXIT_USAGE;
        }
        if (bad) {
            cli_msg("corpus: %s", bad);
            return EXIT_USAGE;
        }
    }
    if (optind < argc)
        a->manifest = argv[optind++];
    const char *out = o->out ? o->out : "";
    if (!a->format)
        a->format = o->stdin_jsonl ? "jsonl" : strstr(out, ".tsv") ? "tsv"
                  : strstr(out, ".jsonl") ? "jsonl" : "tmx";
    const char *bad = ta_stream_format_parse(a->format, &o->fmt, NULL) != TA_OK ? "unknown --format"
        : optind < argc ? "give one manifest"
        : o->stdin_jsonl && (a->manifest || a->en_dir || a->ru_dir) ? "--stdin-jsonl reads no manifest or folders"
        : o->stdin_jsonl && (o->resume || o->shard_n || o->fmt == TA_STREAM_MOSES) ? "--stdin-jsonl takes no --resume, --shard or moses"
        : o->stdin_jsonl ? NULL
        : !o->out ? "give -o OUT"
        : !a->manifest == !(a->en_dir && a->ru_dir) ? "give a MANIFEST or --en-dir D --ru-dir D"
        : (a->en_dir != NULL) != (a->ru_dir != NULL) ? "give both --en-dir and --ru-dir"
        : o->fmt == TA_STREAM_MOSES && !strcmp(out, "-") ? "moses writes two files: give -o OUT"
        : o->resume && !strcmp(out, "-") ? "--resume needs -o OUT (a file)"
        : NULL;
    if (!bad && (o->aopts.align.max_bead < 2 || o->aopts.align.max_bead > 3))
        bad = "--max-bead must be 2 or 3";
    if (!bad && o->drop_misspelled && !a->spell)
        bad = "--drop-misspelled needs --spell";
    if (!bad && o->aopts.align.band < 1)
        bad = "--band must be a positive number";
    if (bad) {
        cli_msg("corpus: %s", bad);
        return EXIT_USAGE;
    }
    o->spell = a->spell;
    o->aopts.src_lang = o->src_lang, o->aopts.tgt_lang = o->tgt_lang;
    o->aopts.presegmented = a->preseg, o->aopts.wrapped = a->wrapped;
    char num[64];
    uint64_t h = 0xcbf29ce484222325ull;
    snprintf(num, sizeof num, "%d %g %d %zu %g %d%d%d%d %u/%u %d%d%d%d %d %d", (int)o->fmt,
             o->filter.min_score, o->filter.only_1_1, o->filter.min_chars, o->filter.max_ratio,
             o->filter.drop_identical, o->filter.drop_script, o->filter.drop_numbers,
             o->dedup + 2 * o->drop_misspelled + 4 * o->spell + 8 * o->tmx_sentences,
             o->shard_k, o->shard_n, a->preseg, a->wrapped, o->clean, o->repair,
             o->aopts.align.max_bead, o->aopts.align.band);
    h = mix(mix(mix(mix(h, num), a->manifest), a->en_dir), a->ru_dir);
    h = mix(mix(mix(h, o->src_lang), o->tgt_lang), o->aopts.align.use_lexicon ? "lex" : "nolex");
    for (int k = 0; k < a->nlex; k++)
        h = mix(h, a->lex[k]);
    o->fingerprint = h;
    return EXIT_OK;
}

int cmd_corpus(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "merge"))
        return corpus_merge(argc - 1, argv + 1);
    corpus_opts o = {.src_lang = "en", .tgt_lang = "ru", .aopts = ta_aligner_opts_default()};
    cli_args a = {0};
    o.aopts.data_dir = cli_environment()->data_dir;
    o.aopts.hunspell_dir = cli_environment()->hunspell_dir;
    o.aopts.forms_dir = cli_environment()->forms_dir;
    int code = parse(argc, argv, &o, &a);
    if (code != EXIT_OK)
        return code < 0 ? EXIT_OK : code;
    ta_manifest m = {0};
    ta_error err = {0};
    ta_status s = TA_OK;
    if (a.manifest)
        s = ta_manifest_read(a.manifest, &m, &err);
    else if (a.en_dir)
        s = ta_manifest_dirs(a.en_dir, a.ru_dir, &m, &err);
    if (s != TA_OK)
        return cli_fail("corpus", s, &err);
    ta_lexicon *lx = NULL;
    if ((code = cli_load_lexicon("corpus", a.lex, a.nlex, o.aopts.align.use_lexicon, o.quiet, &lx)) != EXIT_OK) {
        ta_manifest_clear(&m);
        return code;
    }
    o.lx = lx;
    o.created = o.epoch = cli_source_date();
    for (size_t i = 0; !o.epoch && i < m.n; i++) { /* the whole manifest: every shard's header */
        long long t = cli_newest_mtime((const char *const[]){m.e[i].en, m.e[i].ru}, 2);
        o.created = t > o.created ? t : o.created;
    }
    char when[32];
    snprintf(when, sizeof when, "%lld", o.created);
    o.fingerprint = mix(o.fingerprint, when);
    size_t from = 0, to = m.n;
    if (o.shard_n)
        ta_manifest_slice(m.n, o.shard_k, o.shard_n, &from, &to);
    corpus_stats st = {0};
    if (o.shard_k <= 1) { /* unpaired files are reported once, by the first shard */
        st.unpaired = m.unpaired, st.n_unpaired = st.cap_unpaired = m.n_unpaired;
        m.unpaired = NULL, m.n_unpaired = 0;
    }
    code = corpus_run(&o, o.stdin_jsonl ? NULL : &m, from, to, &st);
    if (code == EXIT_OK || code == EXIT_INTERNAL) {
        if (!o.quiet)
            corpus_report_text(stderr, &st);
        if (code == EXIT_OK && st.failed) {
            cli_msg("corpus: %zu of %zu pairs failed (listed above and in the report); the "
                    "rest are written", st.failed, st.done + st.failed);
            code = EXIT_INTERNAL;
        }
    }
    corpus_stats_free(&st);
    ta_lexicon_free(lx);
    ta_manifest_clear(&m);
    return code;
}
