/* cli.h — shared pieces of the talign command line: exit codes, messages, safe output. */
#ifndef TA_CLI_H
#define TA_CLI_H
#include "talign.h"
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_INTERNAL = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_OUTPUT = 4 };
enum { EXIT_FINDINGS = 1 }; /* talign check: findings at or above --fail-on */

/* Prints "talign: FMT" to stderr. */
void cli_msg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Maps a library status to an exit code and prints "talign: WHAT: message" for it. */
int cli_fail(const char *what, ta_status s, const ta_error *err);

/* Loads and decodes a file ("-" = stdin); prints the error and returns NULL on failure,
 * setting *code to the exit code. Cyrillic mojibake is repaired with CLI_REPAIR, else warned
 * about; CLI_CLEAN removes markup and PDF debris (ta_text_clean). */
enum { CLI_REPAIR = 1, CLI_CLEAN = 2 };
ta_text *cli_load(const char *path, const char *encoding, unsigned flags, int *code);

/* Output that appears only when complete: a temp file beside `path`, renamed by cli_out_close.
 * path NULL or "-" writes to stdout. */
typedef struct {
    FILE *f;
    char *path, *tmp;
} cli_out;
int cli_out_open(cli_out *o, const char *path);    /* exit code */
int cli_out_close(cli_out *o, int ok);             /* exit code; removes the temp file if !ok */
/* The permissions a new output file gets: those of `path` when it exists, else 0666 minus the
 * umask (as open(2) would give; mkstemp gives 0600). */
unsigned cli_new_file_mode(const char *path);

/* The array v (capacity *cap elements of esz bytes) with room for element n: v itself, or v
 * grown (doubled, from `first`) with *cap updated; NULL when memory is out (v and *cap as
 * they were). */
void *cli_grow(void *v, size_t *cap, size_t n, size_t esz, size_t first);

/* What the command takes from the environment for the library, which reads none:
 * $TALIGN_DATA, a folder of data files overriding the built-in ones (NULL when unset or empty),
 * $TALIGN_HUNSPELL, the folder of the hunspell dictionaries the headline rules use (NULL:
 * the library's default), and $TALIGN_FIFO_WAIT, the seconds to wait for a named pipe's writer
 * (0 when unset or not a positive number: the library's default). Read at the first call.
 * forms_dir: the folder of the default lexicon (cli_default_lexicon), where `make` and
 * `make install` put the word-form files of the hunspell dictionaries. */
typedef struct {
    const char *data_dir;
    const char *hunspell_dir;
    const char *forms_dir;
    unsigned fifo_wait;
} cli_env;
const cli_env *cli_environment(void);

/* main()'s arguments, for cli_huge_heap. */
void cli_keep_argv(char **argv);

/* Long documents: when the n input files hold 1 MB or more and $GLIBC_TUNABLES is unset, runs
 * the command again (execv of /proc/self/exe with the same arguments) with
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1, so that glibc backs the heap with transparent huge
 * pages: a long document's many small allocations then fault a 2 MB page at a time (the 20k-
 * line document: 17k page faults -> 4.6k, CPU time -19 %, peak RSS 86 -> 92 MB). glibc reads
 * its tunables only at start-up. Returns when nothing is to be done or the exec fails. Set
 * $GLIBC_TUNABLES (even empty) to keep the default heap. */
void cli_huge_heap(const char *const *inputs, size_t n);

/* TMX creationdate, seconds since 1970 (0: none). cli_source_date: $SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) when it is a positive number, else 0 with a warning when it
 * is set to something else; read and warned about once (call it first from the main thread).
 * cli_newest_mtime: the newest modification time of the n files ("-" and files that cannot
 * be read are left out), so that the same inputs give the same bytes. cli_creation_time:
 * the first when set, else the second. */
long long cli_source_date(void);
long long cli_newest_mtime(const char *const *paths, size_t n);
long long cli_creation_time(const char *const *paths, size_t n);

/* The lexicon used when none is given: $TALIGN_LEXICON, else ../lexicon/en-ru.lex relative to
 * the binary (the build tree), else ../share/talign/en-ru.lex (make install) (static buffer). */
const char *cli_default_lexicon(void);

/* The lexicon for `cmd`: the n files of `paths` merged, or (n = 0) the default one when it
 * exists, else none with a warning (unless `quiet`). *lx is NULL when !use. Exit code. */
int cli_load_lexicon(const char *cmd, const char *const *paths, int n, bool use, bool quiet,
                     ta_lexicon **lx);

/* Subcommands: each returns an exit code. */
int cmd_lexicon(int argc, char **argv);
void help_lexicon(FILE *f);
int cmd_align(int argc, char **argv);
void help_align(FILE *f);
int cmd_segment(int argc, char **argv);
void help_segment(FILE *f);
/* Checks the rule names of a --rules SPEC ("-NAME,+NAME"); an unknown one is reported, with the
 * valid names, under `cmd` (cmd_segment.c). */
bool cli_seg_rules_known(const char *cmd, const char *spec);
int cmd_check(int argc, char **argv);
void help_check(FILE *f);
int cmd_corpus(int argc, char **argv);
void help_corpus(FILE *f);
#endif
