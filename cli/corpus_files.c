/* corpus_files.c — the files of a corpus run: OUT, its uncompressed partial file(s) beside it,
 * the checkpoint and the report; at the end the partials are compressed (OUT ending in .gz)
 * or renamed to OUT, so that OUT is complete or absent. */
#include "corpus.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

enum { COPY_CHUNK = 1 << 16 };

unsigned cli_new_file_mode(const char *path)
{
    struct stat st;
    if (path && stat(path, &st) == 0)
        return st.st_mode & 07777;
    mode_t u = umask(0);
    umask(u);
    return 0666 & ~u;
}

static char *cat(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", a, b);
    return s;
}

int corpus_paths_init(corpus_paths *p, const char *out, ta_stream_format fmt, const char *src,
                      const char *tgt)
{
    memset(p, 0, sizeof *p);
    p->fmt = fmt;
    p->nfiles = fmt == TA_STREAM_MOSES ? 2 : 1;
    if (!out || !strcmp(out, "-")) {
        p->to_stdout = true;
        return EXIT_OK;
    }
    size_t n = strlen(out);
    p->gz = n > 3 && !strcmp(out + n - 3, ".gz");
    char *base = strndup(out, p->gz ? n - 3 : n);
    if (!base)
        return EXIT_INTERNAL;
    bool bad = false;
    for (int k = 0; k < p->nfiles; k++) {
        char *f = fmt == TA_STREAM_MOSES ? cat(base, k ? "." : ".") : strdup(out);
        if (f && fmt == TA_STREAM_MOSES) {
            char *g = cat(f, k ? tgt : src);
            free(f);
            f = g && p->gz ? cat(g, ".gz") : g;
            if (p->gz)
                free(g);
        }
        p->final[k] = f;
        p->partial[k] = f ? cat(f, ".partial") : NULL;
        bad |= !p->final[k] || !p->partial[k];
    }
    p->progress = cat(base, ".progress");
    p->report = cat(base, ".report.json");
    free(base);
    if (bad || !p->progress || !p->report) {
        corpus_paths_free(p);
        cli_msg("out of memory");
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

void corpus_paths_free(corpus_paths *p)
{
    for (int k = 0; k < 2; k++)
        free(p->final[k]), free(p->partial[k]);
    free(p->progress), free(p->report);
    memset(p, 0, sizeof *p);
}

/* gzip of `from` into `to` (a temp file beside it, renamed): the same bytes for the same input,
 * whoever writes it (a run, a resumed run, merge) */
static int compress_to(const char *from, const char *to, unsigned mode)
{
    size_t n = strlen(to) + 16;
    char *tmp = malloc(n);
    FILE *in = fopen(from, "rb");
    int fd = -1, ok = 0;
    gzFile gz = NULL;
    if (tmp && in) {
        snprintf(tmp, n, "%s.tmpXXXXXX", to);
        fd = mkstemp(tmp);
    }
    if (fd >= 0 && fchmod(fd, (mode_t)mode) == 0 && (gz = gzdopen(fd, "wb"))) {
        static char buf[COPY_CHUNK];
        size_t got;
        ok = 1;
        while (ok && (got = fread(buf, 1, sizeof buf, in)) > 0)
            ok = gzwrite(gz, buf, (unsigned)got) == (int)got;
        ok &= !ferror(in);
        ok &= gzclose(gz) == Z_OK;
        fd = -1;
    } else if (fd >= 0)
        close(fd);
    if (ok)
        ok = rename(tmp, to) == 0;
    if (!ok && tmp)
        unlink(tmp);
    if (!ok)
        cli_msg("%s: cannot write: %s", to, strerror(errno));
    if (in)
        fclose(in);
    free(tmp);
    return ok ? EXIT_OK : EXIT_OUTPUT;
}

int corpus_finish_files(const corpus_paths *p)
{
    if (p->to_stdout)
        return EXIT_OK;
    for (int k = 0; k < p->nfiles; k++) {
        unsigned mode = cli_new_file_mode(p->final[k]);
        if (p->gz) {
            int code = compress_to(p->partial[k], p->final[k], mode);
            if (code != EXIT_OK)
                return code;
            unlink(p->partial[k]);
        } else if (chmod(p->partial[k], (mode_t)mode) != 0 ||
                   rename(p->partial[k], p->final[k]) != 0) {
            cli_msg("%s: cannot write: %s", p->final[k], strerror(errno));
            return EXIT_OUTPUT;
        }
    }
    return EXIT_OK;
}
