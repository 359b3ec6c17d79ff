/* common.c — the CLI's messages, exit codes, input loading and all-or-nothing output files. */
#include "cli.h"
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("talign: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_fail(const char *what, ta_status s, const ta_error *err)
{
    const char *m = err && err->message[0] ? err->message : ta_strerror(s);
    cli_msg("%s: %s", what, m);
    switch (s) {
    case TA_OK: return EXIT_OK;
    case TA_EIO: case TA_EDECODE: case TA_EFORMAT: case TA_EVERSION: return EXIT_INPUT;
    case TA_EINVAL: return EXIT_USAGE;
    default: return EXIT_INTERNAL;
    }
}

ta_text *cli_load(const char *path, const char *encoding, unsigned flags, int *code)
{
    ta_text *t = NULL;
    ta_error err = {0};
    ta_status s = ta_text_load(path, encoding, cli_environment()->fifo_wait, &t, &err);
    if (s != TA_OK) {
        *code = cli_fail(strcmp(path, "-") ? path : "(stdin)", s, &err);
        if (s == TA_EINVAL)
            *code = EXIT_USAGE;
        return NULL;
    }
    *code = EXIT_OK;
    const char *name = strcmp(path, "-") ? path : "(stdin)";
    if (ta_text_mojibake(t)) {
        size_t n = 0;
        if (!(flags & CLI_REPAIR))
            cli_msg("warning: %s looks like Cyrillic read with the wrong code page (\"\xc3\x90\xc3\xa5"
                    "\xc3\xb6\xc3\xa5\xc3\xad\xc3\xa7\xc3\xa8\xc3\xbf\" for \"\xd0\xa0\xd0\xb5\xd1\x86"
                    "\xd0\xb5\xd0\xbd\xd0\xb7\xd0\xb8\xd1\x8f\"); --repair-mojibake recovers it", name);
        else if ((s = ta_text_repair_mojibake(t, &n, &err)) != TA_OK) {
            *code = cli_fail(name, s, &err);
            ta_text_free(t);
            return NULL;
        } else
            cli_msg("%s: repaired %zu lines of Cyrillic mojibake", name, n);
    }
    if ((flags & CLI_CLEAN) && (s = ta_text_clean(t, NULL, &err)) != TA_OK) {
        *code = cli_fail(name, s, &err);
        ta_text_free(t);
        return NULL;
    }
    return t;
}

int cli_out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || !strcmp(path, "-")) {
        o->f = stdout;
        return EXIT_OK;
    }
    size_t n = strlen(path) + 16;
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp) {
        free(o->path), free(o->tmp);
        cli_msg("out of memory");
        return EXIT_INTERNAL;
    }
    snprintf(o->tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp); /* 0600: given the umask's mode, or an existing file's */
    if (fd >= 0)
        fchmod(fd, (mode_t)cli_new_file_mode(path));
    if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
        cli_msg("%s: cannot write: %s (check the folder exists and is writable)", path,
                strerror(errno));
        if (fd >= 0)
            close(fd), unlink(o->tmp);
        free(o->path), free(o->tmp);
        o->path = o->tmp = NULL;
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

int cli_out_close(cli_out *o, int ok)
{
    int code = EXIT_OK;
    if (!o->f)
        return code;
    if (o->f == stdout) {
        if (fflush(stdout) != 0) {
            cli_msg("standard output: write error: %s", strerror(errno));
            code = EXIT_OUTPUT;
        }
        return code;
    }
    int bad = ferror(o->f) | (fflush(o->f) != 0) | (fsync(fileno(o->f)) != 0 && errno != EINVAL);
    bad |= fclose(o->f) != 0;
    if (ok && !bad && rename(o->tmp, o->path) == 0) {
        /* complete */
    } else {
        if (ok)
            cli_msg("%s: write failed: %s", o->path, strerror(errno));
        unlink(o->tmp);
        code = ok ? EXIT_OUTPUT : EXIT_OK;
    }
    free(o->path), free(o->tmp);
    memset(o, 0, sizeof *o);
    return code;
}

static char **main_argv;

void cli_keep_argv(char **argv)
{
    main_argv = argv;
}

/* The input size from which a command runs with glibc's huge-page heap. */
enum { HUGE_HEAP_MIN_BYTES = 1 << 20 };
static const char HUGE_HEAP_TUNABLE[] = "glibc.malloc.hugetlb=1";

void cli_huge_heap(const char *const *inputs, size_t n)
{
    long long total = 0;
    struct stat st;
    for (size_t k = 0; k < n; k++)
        if (strcmp(inputs[k], "-") && !stat(inputs[k], &st) && S_ISREG(st.st_mode))
            total += (long long)st.st_size;
    if (!main_argv || getenv("GLIBC_TUNABLES") || total < HUGE_HEAP_MIN_BYTES ||
        setenv("GLIBC_TUNABLES", HUGE_HEAP_TUNABLE, 0))
        return;
    execv("/proc/self/exe", main_argv);
    unsetenv("GLIBC_TUNABLES"); /* no exec: go on with the default heap */
}

const cli_env *cli_environment(void)
{
    static cli_env env;
    static bool read;
    if (!read) {
        const char *d = getenv("TALIGN_DATA"), *w = getenv("TALIGN_FIFO_WAIT");
        const char *h = getenv("TALIGN_HUNSPELL");
        env.data_dir = d && *d ? d : NULL;
        env.hunspell_dir = h && *h ? h : NULL;
        static char forms[4096];
        snprintf(forms, sizeof forms, "%s", cli_default_lexicon());
        char *slash = strrchr(forms, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(forms, sizeof forms, ".");
        env.forms_dir = forms;
        long secs = w ? strtol(w, NULL, 10) : 0;
        env.fifo_wait = secs > 0 && secs <= UINT_MAX ? (unsigned)secs : 0;
        read = true;
    }
    return &env;
}

long long cli_source_date(void)
{
    static long long t = -1;
    if (t >= 0)
        return t;
    t = 0;
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (env && *env) {
        char *end;
        long long v = strtoll(env, &end, 10);
        if (!*end && v > 0)
            t = v;
        else
            cli_msg("warning: SOURCE_DATE_EPOCH='%s' is not a positive number: ignored", env);
    }
    return t;
}

long long cli_newest_mtime(const char *const *paths, size_t n)
{
    long long t = 0;
    struct stat st;
    for (size_t k = 0; k < n; k++)
        if (strcmp(paths[k], "-") && !stat(paths[k], &st) && (long long)st.st_mtime > t)
            t = (long long)st.st_mtime;
    return t;
}

long long cli_creation_time(const char *const *paths, size_t n)
{
    long long t = cli_source_date();
    return t > 0 ? t : cli_newest_mtime(paths, n);
}

const char *cli_default_lexicon(void)
{
    static char path[4096];
    const char *env = getenv("TALIGN_LEXICON");
    if (env && *env)
        return env;
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "lexicon/en-ru.lex";
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(path, sizeof path, "%s/../lexicon/en-ru.lex", exe); /* the build tree */
    if (access(path, F_OK) != 0) /* installed: PREFIX/bin/talign, PREFIX/share/talign/ */
        snprintf(path, sizeof path, "%s/../share/talign/en-ru.lex", exe);
    return path;
}

int cli_load_lexicon(const char *cmd, const char *const *paths, int n, bool use, bool quiet,
                     ta_lexicon **lx)
{
    *lx = NULL;
    if (!use)
        return EXIT_OK;
    const char *path = n ? paths[0] : cli_default_lexicon();
    bool have = n || access(path, F_OK) == 0;
    ta_error err = {0};
    ta_status s = ta_lexicon_load(have ? path : NULL, lx, &err);
    for (int k = 1; s == TA_OK && k < n; k++)
        s = ta_lexicon_add(*lx, paths[k], &err);
    if (s != TA_OK) {
        ta_lexicon_free(*lx);
        *lx = NULL;
        return cli_fail(cmd, s, &err);
    }
    if (!have && !quiet)
        cli_msg("warning: no lexicon at %s (run make, or give --lexicon): working with lengths, "
                "numbers and names only", path);
    return EXIT_OK;
}

void *cli_grow(void *v, size_t *cap, size_t n, size_t esz, size_t first)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? 2 * *cap : first;
    void *grown = realloc(v, nc * esz);
    if (grown)
        *cap = nc;
    return grown;
}
