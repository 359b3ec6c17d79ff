/* main.c — `talign`: dispatches to the subcommands; a thin client of include/talign.h. */
#include "cli.h"
#include <string.h>

static const struct {
    const char *name, *summary;
    int (*run)(int, char **);
    void (*help)(FILE *);
} cmds[] = {
    {"segment", "split a news text into sentences", cmd_segment, help_segment},
    {"align", "align an English text with its Russian counterpart", cmd_align, help_align},
    {"corpus", "align many article pairs into a translation memory", cmd_corpus, help_corpus},
    {"lexicon", "build, query and count the bilingual lexicon", cmd_lexicon, help_lexicon},
    {"check", "check a translation: omissions, numbers, names, terms, spelling", cmd_check,
     help_check},
};

static void usage(FILE *f)
{
    fputs("usage: talign [--help] [--version|-V|version] COMMAND [ARGS]\n\n"
          "talign aligns English news articles with their Russian counterparts.\n\ncommands:\n",
          f);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        fprintf(f, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
    fputs("  help CMD   show the options of CMD\n\n"
          "exit codes: 0 success, 1 internal error, 2 usage error,\n"
          "            3 input error (missing, unreadable or undecodable file), 4 output error\n"
          "environment: TALIGN_DATA overrides the built-in data files (abbrev.en ...),\n"
          "             TALIGN_LEXICON the default lexicon file\n",
          f);
}

int main(int argc, char **argv)
{
    cli_keep_argv(argv);
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V") || !strcmp(argv[1], "version")) {
        printf("talign %s\n", TA_VERSION);
        return EXIT_OK;
    }
    bool help = !strcmp(argv[1], "help");
    const char *name = help ? (argc > 2 ? argv[2] : NULL) : argv[1];
    if (help && !name) {
        usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (!strcmp(name, cmds[i].name)) {
            if (help) {
                cmds[i].help(stdout);
                return EXIT_OK;
            }
            return cmds[i].run(argc - 1, argv + 1);
        }
    cli_msg("unknown command '%s' (see talign --help)", name);
    return EXIT_USAGE;
}
