/* cmd_lexicon.c — `talign lexicon build|lookup|stats`. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

void help_lexicon(FILE *f)
{
    fputs("usage: talign lexicon build [--dictd FILE.dict.dz] [--names FILE] -o FILE\n"
          "       talign lexicon lookup [--lexicon FILE] WORD\n"
          "       talign lexicon stats [FILE]\n"
          "       talign lexicon learn -o FILE [--min-count N] [--min-dice X] [--min-score X]\n"
          "                            (ALIGNED.tsv... | --parallel EN RU)\n"
          "build:  imports Debian's mueller7-dict (default /usr/share/dictd/mueller7.dict.dz)\n"
          "        and the names talign knows (lexicon/names.en-ru) or --names FILE: lines\n"
          "        \"English<TAB>Russian, Russian\" (--names '' for none)\n"
          "lookup: translations of an English or Russian word in any inflected form\n"
          "stats:  entry counts\n"
          "learn:  word pairs from aligned text: talign's TSV output (1-1 beads scored at least\n"
          "        --min-score, default 0.5) or two line-aligned files; use the result with a\n"
          "        second --lexicon\n"
          "The default lexicon is $TALIGN_LEXICON, else en-ru.lex in ../lexicon next to the binary.\n",
          f);
}

enum { FIRST_PAIRS = 1024 };

/* The sentence pairs `lexicon learn` reads: pointers into the loaded texts. */
typedef struct {
    const char **en, **ru;
    size_t *el, *rl, n, cap;
} sentence_pairs;

/* Appends one pair; 0, or -1 when memory is out. */
static int push_pair(sentence_pairs *p, const char *en, size_t el, const char *ru, size_t rl)
{
    size_t c1 = p->cap, c2 = p->cap, c3 = p->cap, c4 = p->cap; /* the four grow together */
    const char **ge = cli_grow(p->en, &c1, p->n, sizeof *ge, FIRST_PAIRS);
    if (ge)
        p->en = ge;
    const char **gr = ge ? cli_grow(p->ru, &c2, p->n, sizeof *gr, FIRST_PAIRS) : NULL;
    if (gr)
        p->ru = gr;
    size_t *gel = gr ? cli_grow(p->el, &c3, p->n, sizeof *gel, FIRST_PAIRS) : NULL;
    if (gel)
        p->el = gel;
    size_t *grl = gel ? cli_grow(p->rl, &c4, p->n, sizeof *grl, FIRST_PAIRS) : NULL;
    if (!grl)
        return -1;
    p->rl = grl, p->cap = c4;
    p->en[p->n] = en, p->el[p->n] = el, p->ru[p->n] = ru, p->rl[p->n] = rl;
    p->n++;
    return 0;
}

static void release_pairs(sentence_pairs *p)
{
    free(p->en), free(p->el), free(p->ru), free(p->rl);
}

/* Appends the sentence pairs of `t` (TSV: EN<TAB>RU[<TAB>SCORE[<TAB>TYPE]]); 0, or -1 when
 * memory is out. */
static int tsv_pairs(const char *t, size_t len, double min_score, sentence_pairs *out)
{
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        const char *f[4] = {p, NULL, NULL, NULL};
        int k = 1;
        for (const char *q = p; q < nl && k < 4; q++)
            if (*q == '\t')
                f[k++] = q + 1;
        bool ok = k >= 2 && f[1] - f[0] > 1 && nl - f[1] > 0 && (k < 3 || atof(f[2]) >= min_score) &&
                  (k < 4 || !strncmp(f[3], "1-1", 3));
        const char *re = k >= 3 ? f[2] - 1 : nl;
        if (ok && push_pair(out, f[0], (size_t)(f[1] - 1 - f[0]), f[1], (size_t)(re - f[1])))
            return -1;
        p = nl + 1;
    }
    return 0;
}

/* Appends line k of a with line k of b; 0, or -1 when memory is out. */
static int parallel_pairs(const ta_text *a, const ta_text *b, sentence_pairs *out)
{
    size_t la, lb;
    const char *pa = ta_text_data(a, &la), *pb = ta_text_data(b, &lb), *ea = pa + la, *eb = pb + lb;
    while (pa < ea && pb < eb) {
        const char *na = memchr(pa, '\n', (size_t)(ea - pa)), *nb = memchr(pb, '\n', (size_t)(eb - pb));
        if (!na)
            na = ea;
        if (!nb)
            nb = eb;
        if (push_pair(out, pa, (size_t)(na - pa), pb, (size_t)(nb - pb)))
            return -1;
        pa = na + 1, pb = nb + 1;
    }
    return 0;
}

static int learn(int argc, char **argv)
{
    const char *out = NULL, *par[2] = {NULL, NULL};
    ta_learn_opts lo = ta_learn_opts_default();
    lo.data_dir = cli_environment()->data_dir;
    double min_score = 0.5;
    int nfiles = 0;
    char **files = argv; /* positional arguments, gathered in place */
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--min-count") && i + 1 < argc)
            lo.min_count = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--min-dice") && i + 1 < argc)
            lo.min_dice = atof(argv[++i]);
        else if (!strcmp(argv[i], "--min-score") && i + 1 < argc)
            min_score = atof(argv[++i]);
        else if (!strcmp(argv[i], "--parallel") && i + 2 < argc)
            par[0] = argv[i + 1], par[1] = argv[i + 2], i += 2;
        else if (argv[i][0] == '-' && argv[i][1]) {
            cli_msg("lexicon learn: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else
            files[nfiles++] = argv[i];
    }
    if (!out || (!nfiles && !par[0])) {
        cli_msg("lexicon learn: give -o FILE and aligned TSV files or --parallel EN RU");
        return EXIT_USAGE;
    }
    sentence_pairs sp = {0};
    size_t ntexts = 0;
    ta_text *texts[256];
    int code = EXIT_OK;
    if (par[0]) {
        ta_text *a = cli_load(par[0], NULL, 0, &code), *b = a ? cli_load(par[1], NULL, 0, &code) : NULL;
        if (!b) {
            ta_text_free(a);
            return code;
        }
        texts[ntexts++] = a, texts[ntexts++] = b;
        if (parallel_pairs(a, b, &sp)) {
            cli_msg("out of memory");
            code = EXIT_INTERNAL;
        }
    }
    for (int i = 0; i < nfiles && code == EXIT_OK; i++) {
        if (ntexts == sizeof texts / sizeof *texts) {
            cli_msg("lexicon learn: at most 256 files");
            code = EXIT_USAGE;
            break;
        }
        ta_text *t = cli_load(files[i], NULL, 0, &code);
        if (!t)
            break;
        texts[ntexts++] = t;
        size_t len;
        const char *d = ta_text_data(t, &len);
        if (tsv_pairs(d, len, min_score, &sp)) {
            cli_msg("out of memory");
            code = EXIT_INTERNAL;
        }
    }
    if (code == EXIT_OK) {
        ta_error err = {0};
        size_t pairs = 0;
        ta_sentences es = {sp.en, sp.el, sp.n}, rs = {sp.ru, sp.rl, sp.n};
        ta_status s = ta_lexicon_learn(&es, &rs, &lo, out, &pairs, &err);
        if (s != TA_OK)
            code = cli_fail("lexicon learn", s, &err);
        else
            fprintf(stderr, "talign: %s: %zu word pairs from %zu sentence pairs\n", out, pairs, sp.n);
    }
    for (size_t k = 0; k < ntexts; k++)
        ta_text_free(texts[k]);
    release_pairs(&sp);
    return code;
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc < 2) {
        help_lexicon(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "learn"))
        return learn(argc, argv);
    const char *sub = argv[1], *dictd = NULL, *names = NULL, *out = NULL, *lexpath = NULL, *word = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--dictd") && i + 1 < argc)
            dictd = argv[++i];
        else if (!strcmp(argv[i], "--names") && i + 1 < argc)
            names = argv[++i];
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--lexicon") && i + 1 < argc)
            lexpath = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            cli_msg("lexicon: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else
            word = argv[i];
    }
    ta_error err = {0};
    if (!strcmp(sub, "build")) {
        if (!out) {
            cli_msg("lexicon build: give the output file with -o FILE");
            return EXIT_USAGE;
        }
        size_t n = 0;
        char data_names[4096]; /* the library reads built-in data only: $TALIGN_DATA's copy */
        if (!names && cli_environment()->data_dir) {
            snprintf(data_names, sizeof data_names, "%s/names.en-ru", cli_environment()->data_dir);
            names = data_names;
        }
        ta_status s = ta_lexicon_build(dictd, names, out, &n, &err);
        if (s != TA_OK)
            return cli_fail("lexicon build", s, &err);
        fprintf(stderr, "talign: %s: %zu headwords\n", out, n);
        return EXIT_OK;
    }
    if (!strcmp(sub, "lookup") || !strcmp(sub, "stats")) {
        bool lookup = !strcmp(sub, "lookup");
        if (lookup && !word) {
            cli_msg("lexicon lookup: give a WORD");
            return EXIT_USAGE;
        }
        const char *path = lookup ? lexpath : (word ? word : lexpath);
        if (!path)
            path = cli_default_lexicon();
        ta_lexicon *lx = NULL;
        ta_status s = ta_lexicon_load(path, &lx, &err);
        if (s != TA_OK)
            return cli_fail("lexicon", s, &err);
        if (lookup) {
            char *res = NULL;
            s = ta_lexicon_lookup(lx, word, strlen(word), &res, &err);
            if (s == TA_OK)
                fputs(res, stdout);
            ta_free(res);
        } else {
            size_t h, st, p;
            ta_lexicon_stats(lx, &h, &st, &p);
            printf("headwords %zu\nenglish stems %zu\nstem pairs %zu\n", h, st, p);
        }
        ta_lexicon_free(lx);
        return s == TA_OK ? EXIT_OK : cli_fail("lexicon", s, &err);
    }
    cli_msg("lexicon: unknown subcommand '%s' (build, lookup, stats)", sub);
    return EXIT_USAGE;
}
