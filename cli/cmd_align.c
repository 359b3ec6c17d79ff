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
          "                    [--min-score X] [--only-1-1] [--tmx-sentences] [--band N]\n"
          "                    [--encoding NAME] [--wrapped] [-o OUT]\n"
          "                    EN RU\n"
          "Aligns an English text with its Russian counterpart (EN first).\n"
          "  --presegmented   one sentence a line on both sides (default: raw paragraphs)\n"
          "  --format F       tsv (default): EN<TAB>RU<TAB>SCORE<TAB>TYPE; ladder: hunalign's\n"
          "                   i<TAB>j<TAB>score; moses: OUT.en + OUT.ru (needs -o); tmx: TMX 1.4b;\n"
          "                   jsonl: one object a bead; html: a side-by-side review page\n"
          "  --lexicon FILE   a bilingual lexicon; repeat to merge several, such as words learned\n"
          "                   with 'talign lexicon learn' (default: $TALIGN_LEXICON or the built one)\n"
          "  --no-lexicon     lengths, numbers and names only\n"
          "  --min-score X    leave out beads scored below X (0..1, default 0; every format but\n"
          "                   the ladder)\n"
          "  --only-1-1       leave out beads other than 1-1 (hunalign's -bisent)\n"
          "  --tmx-sentences  TMX: cut an n-1 bead's sentence at clause boundaries (commas,\n"
          "                   semicolons, colons, dashes) into one unit a source sentence\n"
          "                   where the lengths agree; other merged beads stay one\n"
          "                   segtype=\"block\" unit\n"
          "  --band N         start the search N sentences either side of the expected path\n"
          "                   (default 50; it follows the path and widens on its own)\n"
          "  --repair-mojibake  recover Cyrillic read with the wrong code page\n"
          "  --clean          remove HTML/XML markup and PDF debris (page numbers, dot leaders,\n"
          "                   words broken a letter a line) before segmenting; with\n"
          "                   --presegmented the sentences are the cleaned lines\n"
          "  --src-lang L, --tgt-lang L   language codes written to TMX (default en, ru)\n"
          "  --spell          check spelling (hunspell en_US, ru_RU): JSONL gets a \"spelling\"\n"
          "                   key, TMX an x-spelling prop on units with misspelt words\n"
          "  --drop-misspelled  with --spell: TMX and Moses leave such units out\n"
          "  --dict-dir DIR   hunspell dictionaries for --spell (default /usr/share/hunspell)\n"
          "  --split-semicolons, --rules -NAME,+NAME, --hunspell-dir DIR   segmentation as\n"
          "                   talign segment has them (see talign segment --help)\n"
          "With --presegmented, the ladder counts the lines of the files: rung i j starts at\n"
          "line i+1 of EN and j+1 of RU (blank and <p> lines, paragraph marks, are skipped\n"
          "but counted); otherwise it counts sentences, as JSONL's ids do.\n"
          "TMX creationdate: $SOURCE_DATE_EPOCH when set, else the newer input's mtime.\n"
          "JSONL marks a left-out sentence that the translation has elsewhere with \"moved_to\":\n"
          "the ids of the other side's sentence (see talign check).\n",
          f);
}

static int write_to(const char *path, ta_format fmt, const ta_corpus *c)
{
    cli_out o;
    int code = cli_out_open(&o, path);
    if (code != EXIT_OK)
        return code;
    ta_error err = {0};
    ta_status s = ta_write(o.f, fmt, c, &err);
    code = cli_out_close(&o, s == TA_OK);
    return s == TA_OK ? code : cli_fail(path ? path : "(stdout)", s, &err);
}

/* The findings the writers show: moved sentences (JSONL) and, with --spell, spelling. */
static int annotate(ta_corpus *cp, const ta_lexicon *lx, bool spell, const char *dict_dir,
                    ta_finding **f, size_t *n)
{
    ta_check_opts co = ta_check_opts_default();
    co.checks = spell ? "-all,moved,spelling" : "-all,moved";
    co.data_dir = cli_environment()->data_dir;
    co.forms_dir = cli_environment()->forms_dir;
    co.dict_dir = dict_dir;
    co.src_lang = cp->src_lang, co.tgt_lang = cp->tgt_lang;
    ta_checker *ck = NULL;
    ta_error err = {0};
    ta_status s = ta_checker_new(&co, lx, &ck, &err);
    if (s == TA_OK)
        s = ta_check(ck, cp, f, n, &err);
    ta_checker_free(ck);
    if (s != TA_OK)
        return cli_fail("align", s, &err);
    cp->findings = *f, cp->n_findings = *n;
    return EXIT_OK;
}

/* hunalign's paragraph mark: with --presegmented a line holding only this is, like a blank
 * line, no sentence (it still counts as a line of the ladder) */
static const char P_MARK[] = "<p>";

/* A copy of text t[0..n) (*len bytes) with its P_MARK lines emptied (the line breaks stay),
 * or NULL when it has none (or memory is short: the marks then stay sentences). The caller
 * frees it. */
static char *without_p_marks(const char *t, size_t n, size_t *len)
{
    char *out = NULL;
    size_t w = 0, ml = strlen(P_MARK);
    for (size_t a = 0; a < n;) {
        const char *nl = memchr(t + a, '\n', n - a);
        size_t z = nl ? (size_t)(nl - t) : n;
        size_t e = z > a && t[z - 1] == '\r' ? z - 1 : z;
        bool mark = e - a == ml && !memcmp(t + a, P_MARK, ml);
        if (mark && !out) {
            if (!(out = malloc(n + 1)))
                return NULL;
            memcpy(out, t, a);
            w = a;
        }
        if (out && !mark) {
            memcpy(out + w, t + a, z - a);
            w += z - a;
        }
        if (out && (z < n || mark)) /* a last mark line with no break still counts as a line */
            out[w++] = '\n';
        a = z + 1;
    }
    if (out)
        out[w] = '\0';
    *len = w;
    return out;
}

/* The lines of text t[0..n): one more than its line breaks unless it ends with one. */
static size_t n_lines(const char *t, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += t[i] == '\n';
    return k + (n && t[n - 1] != '\n');
}

/* --presegmented ladder: the beads with line numbers of the input for sentence indices (the
 * segmenter gives a presegmented sentence its line as paragraph). *beads is the caller's. */
static int ladder_lines(const ta_pair *p, ta_corpus *cp, ta_bead **beads)
{
    size_t n[2], len[2];
    const ta_span *sp[2] = {ta_pair_spans(p, 0, &n[0]), ta_pair_spans(p, 1, &n[1])};
    const char *text[2] = {ta_pair_text(p, 0, &len[0]), ta_pair_text(p, 1, &len[1])};
    size_t end[2] = {n_lines(text[0], len[0]), n_lines(text[1], len[1])};
    if (!(*beads = malloc((cp->n_beads ? cp->n_beads : 1) * sizeof **beads)))
        return EXIT_INTERNAL;
    for (size_t k = 0; k < cp->n_beads; k++) {
        ta_bead b = cp->beads[k];
        size_t *idx[2][2] = {{&b.en0, &b.en1}, {&b.ru0, &b.ru1}};
        for (int s = 0; s < 2; s++)
            for (int e = 0; e < 2; e++)
                *idx[s][e] = *idx[s][e] < n[s] ? (size_t)sp[s][*idx[s][e]].paragraph : end[s];
        (*beads)[k] = b;
    }
    cp->beads = *beads;
    cp->n_en = end[0], cp->n_ru = end[1];
    return EXIT_OK;
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
        {"clean", no_argument, 0, 'C'}, {"spell", no_argument, 0, 'X'},
        {"drop-misspelled", no_argument, 0, 'D'}, {"only-1-1", no_argument, 0, '1'},
        {"split-semicolons", no_argument, 0, 'Y'}, {"rules", required_argument, 0, 'U'},
        {"hunspell-dir", required_argument, 0, 'H'},
        {"dict-dir", required_argument, 0, 'd'}, {"tmx-sentences", no_argument, 0, 'x'},
        {"band", required_argument, 0, 'b'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    ta_align_opts ao = ta_align_opts_default();
    ao.data_dir = cli_environment()->data_dir;
    const char *format = "tsv", *lexpath[16], *enc = NULL, *out = NULL;
    const char *src = "en", *tgt = "ru";
    bool preseg = false, wrapped = false;
    unsigned flags = 0;
    double min_score = 0;
    const char *dict_dir = NULL, *seg_rules = NULL;
    const char *hunspell_dir = cli_environment()->hunspell_dir;
    bool split_semicolons = false;
    bool spell = false, drop = false, only_1_1 = false, tmx_sentences = false;
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
        case 's': {
            char *end;
            min_score = strtod(optarg, &end);
            if (end == optarg || *end || !(min_score >= 0 && min_score <= 1)) {
                cli_msg("align: --min-score takes a number from 0 to 1, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case '1': only_1_1 = true; break;
        case 'x': tmx_sentences = true; break;
        case 'e': enc = optarg; break;
        case 'w': wrapped = true; break;
        case 'S': src = optarg; break;
        case 'T': tgt = optarg; break;
        case 'o': out = optarg; break;
        case 'M': flags |= CLI_REPAIR; break;
        case 'C': flags |= CLI_CLEAN; break;
        case 'X': spell = true; break;
        case 'D': drop = true; break;
        case 'd': dict_dir = optarg; break;
        case 'Y': split_semicolons = true; break;
        case 'U':
            if (!cli_seg_rules_known("align", optarg))
                return EXIT_USAGE;
            seg_rules = optarg;
            break;
        case 'H': hunspell_dir = optarg; break;
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
        cli_msg("align: %s", fmt < 0 ? "unknown --format (tsv, ladder, moses, tmx, jsonl, html)"
                : argc - optind != 2 ? "give two files: EN RU"
                : ao.band < 1 ? "--band must be a positive number" : "--max-bead must be 2 or 3");
        return EXIT_USAGE;
    }
    if (drop && !spell) {
        cli_msg("align: --drop-misspelled needs --spell");
        return EXIT_USAGE;
    }
    if (fmt == TA_FMT_MOSES_EN && !out) {
        cli_msg("align: --format moses writes OUT.en and OUT.ru: give -o OUT");
        return EXIT_USAGE;
    }
    cli_huge_heap((const char *const *)argv + optind, 2);
    ta_lexicon *lx = NULL;
    int code = cli_load_lexicon("align", lexpath, nlex, ao.use_lexicon, false, &lx);
    if (code != EXIT_OK)
        return code;
    ta_aligner_opts po = ta_aligner_opts_default();
    po.src_lang = src, po.tgt_lang = tgt, po.presegmented = preseg, po.wrapped = wrapped;
    po.split_semicolons = split_semicolons, po.seg_rules = seg_rules, po.hunspell_dir = hunspell_dir;
    po.forms_dir = cli_environment()->forms_dir;
    po.align = ao;
    ta_text *te = NULL, *tr = NULL;
    ta_aligner *al = NULL;
    ta_pair *pair = NULL;
    ta_finding *findings = NULL;
    ta_bead *line_beads = NULL;
    size_t nf = 0;
    if ((te = cli_load(argv[optind], enc, flags, &code)))
        tr = cli_load(argv[optind + 1], enc, flags, &code);
    if (tr) {
        ta_error err = {0};
        ta_status s = ta_aligner_new(&po, lx, &al, &err);
        size_t el, rl;
        const char *et = ta_text_data(te, &el), *rt = ta_text_data(tr, &rl);
        size_t epl = 0, rpl = 0;
        char *ep = preseg ? without_p_marks(et, el, &epl) : NULL;
        char *rp = preseg ? without_p_marks(rt, rl, &rpl) : NULL;
        if (s == TA_OK)
            s = ta_aligner_run(al, ep ? ep : et, ep ? epl : el, rp ? rp : rt, rp ? rpl : rl,
                               &pair, &err);
        free(ep);
        free(rp);
        code = s == TA_OK ? EXIT_OK : cli_fail("align", s, &err);
    }
    if (code == EXIT_OK) {
        ta_corpus cp;
        ta_pair_corpus(pair, &cp);
        if (!cp.n_en || !cp.n_ru)
            cli_msg("warning: %s has no sentences: every sentence of the other side is left out",
                    !cp.n_en ? argv[optind] : argv[optind + 1]);
        else if (cp.n_en > 3 * cp.n_ru + 5 || cp.n_ru > 3 * cp.n_en + 5)
            cli_msg("warning: %zu English and %zu Russian sentences: are these counterparts?",
                    cp.n_en, cp.n_ru);
        cp.min_score = min_score;
        cp.only_1_1 = only_1_1;
        char title[512];
        const char *be = strrchr(argv[optind], '/'), *br = strrchr(argv[optind + 1], '/');
        snprintf(title, sizeof title, "%s / %s", be ? be + 1 : argv[optind],
                 br ? br + 1 : argv[optind + 1]);
        cp.title = title;
        cp.src_doc = be ? be + 1 : argv[optind], cp.tgt_doc = br ? br + 1 : argv[optind + 1];
        cp.created = cli_creation_time((const char *const *)argv + optind, 2);
        cp.tmx_sentences = tmx_sentences;
        cp.drop_misspelled = drop;
        if (fmt == TA_FMT_JSONL || spell)
            code = annotate(&cp, lx, spell, dict_dir, &findings, &nf);
        if (code == EXIT_OK && fmt == TA_FMT_MOSES_EN) {
            size_t n = strlen(out) + strlen(src) + strlen(tgt) + 2;
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
        } else if (code == EXIT_OK) {
            if (fmt == TA_FMT_LADDER && preseg)
                code = ladder_lines(pair, &cp, &line_beads);
            if (code == EXIT_OK)
                code = write_to(out, (ta_format)fmt, &cp);
        }
    }
    free(line_beads);
    ta_findings_free(findings, nf);
    ta_pair_free(pair);
    ta_aligner_free(al);
    ta_text_free(te);
    ta_text_free(tr);
    ta_lexicon_free(lx);
    return code;
}
