/* cmd_lexicon.c — `talign lexicon build|lookup|stats`. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

void help_lexicon(FILE *f)
{
    fputs("usage: talign lexicon build [--dictd FILE.dict.dz] -o FILE\n"
          "       talign lexicon lookup [--lexicon FILE] WORD\n"
          "       talign lexicon stats [FILE]\n"
          "build:  imports Debian's mueller7-dict (default /usr/share/dictd/mueller7.dict.dz)\n"
          "lookup: translations of an English or Russian word in any inflected form\n"
          "stats:  entry counts\n"
          "The default lexicon is $TALIGN_LEXICON, else en-ru.lex in ../lexicon next to the binary.\n",
          f);
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc < 2) {
        help_lexicon(stderr);
        return EXIT_USAGE;
    }
    const char *sub = argv[1], *dictd = NULL, *out = NULL, *lexpath = NULL, *word = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--dictd") && i + 1 < argc)
            dictd = argv[++i];
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
        ta_status s = ta_lexicon_build(dictd, out, &n, &err);
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
            s = ta_lexicon_lookup(lx, word, strlen(word), &res);
            if (s == TA_OK)
                fputs(res, stdout);
            ta_free(res);
        } else {
            size_t h, st, p;
            ta_lexicon_stats(lx, &h, &st, &p);
            printf("headwords %zu\nenglish stems %zu\nstem pairs %zu\n", h, st, p);
        }
        ta_lexicon_free(lx);
        return s == TA_OK ? EXIT_OK : cli_fail("lexicon", s, NULL);
    }
    cli_msg("lexicon: unknown subcommand '%s' (build, lookup, stats)", sub);
    return EXIT_USAGE;
}
