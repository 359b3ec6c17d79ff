/* cmd_align.c — `talign align`: segment both articles, align them, write the chosen format. */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void help_align(FILE *f)
{
    fputs("usage: talign align [--presegmented] [--format tsv|ladder|moses|tmx|jsonl|html]\n"
          "                    [--lexicon FILE] [--no-lexicon] [--no-realign] [--max-bead 2|3]\n"
          "                    [--min-score X] [--band N] [--encoding NAME] [--wrapped] [-o OUT]\n"
          "                    EN RU\n"
          "Aligns an English text with its Russian counterpart (EN first).\n"
          "  --presegmented   one sentence a line on both sides (default: raw paragraphs)\n"
          "  --format F       tsv (default): EN<TAB>RU<TAB>SCORE<TAB>TYPE; ladder: hunalign's\n"
          "                   i<TAB>j<TAB>score; moses: OUT.en + OUT.ru (needs -o); tmx: TMX 1.4b;\n"
          "                   jsonl: one object a bead; html: a side-by-side review page\n"
          "  --lexicon FILE   a bilingual lexicon; repeat to merge several, such as words learned\n"
          "                   with 'talign lexicon learn' (default: $TALIGN_LEXICON or the built one)\n"
          "  --no-lexicon     lengths, numbers and names only\n"
          "  --min-score X    TMX and Moses leave out beads scored below X (default 0)\n"
          "  --band N         start the search N sentences either side of the expected path\n"
          "                   (default 50; it follows the path and widens on its own)\n"
          "  --repair-mojibake  recover Cyrillic read with the wrong code page\n"
          "  --clean          remove HTML/XML markup and PDF debris (page numbers, dot leaders,\n"
          "                   words broken a letter a line) before segmenting; with\n"
          "                   --presegmented the sentences are the cleaned lines\n"
          "  --src-lang L, --tgt-lang L   language codes written to TMX (default en, ru)\n",
          f);
}

typedef struct {
    ta_text *text;
    ta_span *sp;
    size_t n;
    const char **s;
    size_t *len;
} side;

static int load_side(side *d, const char *path, const char *lang, const char *enc, bool preseg,
                     bool wrapped, unsigned flags)
{
    memset(d, 0, sizeof *d);
    int code;
    if (!(d->text = cli_load(path, enc, flags, &code)))
        return code;
    ta_segment_opts so = ta_segment_opts_default();
    so.lang = lang;
    so.presegmented = preseg;
    so.wrapped = wrapped;
    so.keep_semicolons = true; /* clauses split at "; " rarely match across languages */
    ta_segmenter *sg = NULL;
    ta_error err = {0};
    ta_status s = ta_segmenter_new(&so, &sg, &err);
    size_t len;
    const char *t = ta_text_data(d->text, &len);
    if (s == TA_OK)
        s = ta_segment(sg, t, len, &d->sp, &d->n);
    ta_segmenter_free(sg);
    if (s != TA_OK)
        return cli_fail(path, s, &err);
    return EXIT_OK;
}

/* The sentence strings of a side, from its spans. */
static int side_strings(side *d, const char *path)
{
    size_t len;
    const char *t = ta_text_data(d->text, &len);
    free(d->s);
    free(d->len);
    d->s = calloc(d->n + 1, sizeof *d->s);
    d->len = calloc(d->n + 1, sizeof *d->len);
    if (!d->s || !d->len)
        return cli_fail(path, TA_ENOMEM, NULL);
    for (size_t i = 0; i < d->n; i++)
        d->s[i] = t + d->sp[i].start, d->len[i] = d->sp[i].end - d->sp[i].start;
    return EXIT_OK;
}

static void free_side(side *d)
{
    ta_text_free(d->text);
    ta_free(d->sp);
    free(d->s);
    free(d->len);
}

static int write_to(const char *path, ta_format fmt, const ta_corpus *c)
{
    cli_out o;
    int code = cli_out_open(&o, path);
    if (code != EXIT_OK)
        return code;
    ta_status s = ta_write(o.f, fmt, c);
    code = cli_out_close(&o, s == TA_OK);
    return s == TA_OK ? code : cli_fail(path ? path : "(stdout)", s, NULL);
}

int cmd_align(int argc, char **argv)
{
    static const struct option lo[] = {
        {"presegmented", no_argument, 0, 'p'}, {"format", required_argument, 0, 'f'},
        {"lexicon", required_argument, 0, 'l'}, {"no-lexicon", no_argument, 0, 'N'},
        {"no-realign", no_argument, 0, 'R'},   {"realign", no_argument, 0, 'r'},
        {"max-bead", required_argument, 0, 'm'}, {"min-score", required_argument, 0, 's'},
        {"encoding", required_argument, 0, 'e'}, {"wrapped", no_argument, 0, 'w'},
        {"src-lang", required_argument, 0, 'S'}, {"tgt-lang", required_argument, 0, 'T'},
        {"output", required_argument, 0, 'o'}, {"repair-mojibake", no_argument, 0, 'M'},
        {"clean", no_argument, 0, 'C'},
        {"band", required_argument, 0, 'b'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    ta_align_opts ao = ta_align_opts_default();
    const char *format = "tsv", *lexpath[16], *enc = NULL, *out = NULL;
    const char *src = "en", *tgt = "ru";
    bool preseg = false, wrapped = false;
    unsigned flags = 0;
    double min_score = 0;
    int c, nlex = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:l:o:h", lo, NULL)) != -1) {
        switch (c) {
        case 'p': preseg = true; break;
        case 'f': format = optarg; break;
        case 'l':
            if (nlex == 16) {
                cli_msg("align: at most 16 --lexicon files");
                return EXIT_USAGE;
            }
            lexpath[nlex++] = optarg;
            break;
        case 'N': ao.use_lexicon = false; break;
        case 'R': ao.realign = false; break;
        case 'r': ao.realign = true; break;
        case 'm': ao.max_bead = atoi(optarg); break;
        case 'b': ao.band = atoi(optarg); break;
        case 's': min_score = atof(optarg); break;
        case 'e': enc = optarg; break;
        case 'w': wrapped = true; break;
        case 'S': src = optarg; break;
        case 'T': tgt = optarg; break;
        case 'o': out = optarg; break;
        case 'M': flags |= CLI_REPAIR; break;
        case 'C': flags |= CLI_CLEAN; break;
        case 'h': help_align(stdout); return EXIT_OK;
        default: help_align(stderr); return EXIT_USAGE;
        }
    }
    static const char *names[] = {"tsv", "ladder", "moses", "moses", "tmx", "jsonl", "html"};
    int fmt = -1;
    for (int k = 0; k < 7; k++)
        if (!strcmp(format, names[k]) && fmt < 0)
            fmt = k;
    if (fmt < 0 || argc - optind != 2 || ao.max_bead < 2 || ao.max_bead > 3 || ao.band < 1) {
        cli_msg("align: %s", fmt < 0 ? "unknown --format"
                : argc - optind != 2 ? "give two files: EN RU"
                : ao.band < 1 ? "--band must be a positive number" : "--max-bead must be 2 or 3");
        return EXIT_USAGE;
    }
    if (fmt == TA_FMT_MOSES_EN && !out) {
        cli_msg("align: --format moses writes OUT.en and OUT.ru: give -o OUT");
        return EXIT_USAGE;
    }
    ta_lexicon *lx = NULL;
    if (ao.use_lexicon) { /* the built lexicon, or the --lexicon files merged */
        const char *path = nlex ? lexpath[0] : cli_default_lexicon();
        bool have = nlex || access(path, F_OK) == 0;
        ta_error err = {0};
        ta_status s = ta_lexicon_load(have ? path : NULL, &lx, &err);
        for (int k = 1; s == TA_OK && k < nlex; k++)
            s = ta_lexicon_add(lx, lexpath[k], &err);
        if (s != TA_OK) {
            ta_lexicon_free(lx);
            return cli_fail("align", s, &err);
        }
        if (!have)
            cli_msg("warning: no lexicon at %s (run make, or give --lexicon): aligning with "
                    "lengths, numbers and names only", path);
    }
    side en, ru;
    int code = load_side(&en, argv[optind], src, enc, preseg, wrapped, flags);
    if (code == EXIT_OK)
        code = load_side(&ru, argv[optind + 1], tgt, enc, preseg, wrapped, flags);
    else
        memset(&ru, 0, sizeof ru);
    if (code == EXIT_OK && !preseg && !strcmp(src, "en") && !strcmp(tgt, "ru")) {
        size_t el, rl;
        const char *et = ta_text_data(en.text, &el), *rt = ta_text_data(ru.text, &rl);
        ta_status s = ta_split_glued_headlines(et, el, &en.sp, &en.n, rt, rl, &ru.sp, &ru.n, lx);
        if (s != TA_OK)
            code = cli_fail("align", s, NULL);
    }
    if (code == EXIT_OK)
        code = side_strings(&en, argv[optind]);
    if (code == EXIT_OK)
        code = side_strings(&ru, argv[optind + 1]);
    ta_bead *beads = NULL;
    size_t nb = 0;
    if (code == EXIT_OK) {
        if (!en.n || !ru.n)
            cli_msg("warning: %s has no sentences: every sentence of the other side is left out",
                    !en.n ? argv[optind] : argv[optind + 1]);
        else if (en.n > 3 * ru.n + 5 || ru.n > 3 * en.n + 5)
            cli_msg("warning: %zu English and %zu Russian sentences: are these counterparts?",
                    en.n, ru.n);
        ta_status s = ta_align(en.s, en.len, en.n, ru.s, ru.len, ru.n, lx, &ao, &beads, &nb);
        if (s == TA_OK && !preseg && !strcmp(src, "en") && !strcmp(tgt, "ru")) {
            size_t el, rl;
            s = ta_split_by_translation(ta_text_data(en.text, &el), &en.sp, &en.n,
                                        ta_text_data(ru.text, &rl), &ru.sp, &ru.n, &beads, &nb, lx);
        }
        if (s != TA_OK)
            code = cli_fail("align", s, NULL);
        else if ((code = side_strings(&en, argv[optind])) == EXIT_OK)
            code = side_strings(&ru, argv[optind + 1]);
    }
    if (code == EXIT_OK) {
        ta_corpus cp = {en.s, en.len, en.n, ru.s, ru.len, ru.n, beads, nb, min_score, src, tgt,
                        argv[optind]};
        if (fmt == TA_FMT_MOSES_EN) {
            size_t n = strlen(out) + 8;
            char *p = malloc(n);
            if (!p)
                code = EXIT_INTERNAL;
            else {
                snprintf(p, n, "%s.%s", out, src);
                code = write_to(p, TA_FMT_MOSES_EN, &cp);
                snprintf(p, n, "%s.%s", out, tgt);
                if (code == EXIT_OK)
                    code = write_to(p, TA_FMT_MOSES_RU, &cp);
                free(p);
            }
        } else
            code = write_to(out, (ta_format)fmt, &cp);
    }
    ta_free(beads);
    free_side(&en);
    free_side(&ru);
    ta_lexicon_free(lx);
    return code;
}
