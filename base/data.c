/* data.c — finds the plain-text data files (abbreviation lists, boilerplate, stopwords): the
 * caller's directory, else the copies embedded at build time (the environment is the CLI's);
 * and maps a file made at build time (paradigms, a dictionary read once). */
#include "internal.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

void *ta_map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    *len = 0;
    if (fd < 0)
        return NULL;
    struct stat st;
    bool sized = !fstat(fd, &st);
    void *map = sized && st.st_size > 0
                    ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)
                    : MAP_FAILED;
    int saved = sized && !st.st_size ? ENODATA : errno;
    close(fd);
    errno = saved;
    if (map == MAP_FAILED)
        return NULL;
    *len = (size_t)st.st_size;
    return map;
}

struct ta_embedded {
    const char *name;
    const unsigned char *data;
    size_t len;
};
extern const struct ta_embedded ta_embedded_files[];

static ta_status read_file(const char *path, char **out, size_t *len, ta_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ta_fail(err, TA_EIO, "%s: %s", path, strerror(errno));
    ta_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (ta_buf_add(&b, tmp, n)) {
            fclose(f);
            ta_buf_release(&b);
            return ta_fail(err, TA_ENOMEM, "%s: out of memory", path);
        }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        ta_buf_release(&b);
        return ta_fail(err, TA_EIO, "%s: read error", path);
    }
    if (ta_buf_grow(&b, 0)) {
        ta_buf_release(&b);
        return ta_fail(err, TA_ENOMEM, "%s: out of memory", path);
    }
    b.data[b.len] = 0;
    *out = b.data;
    *len = b.len;
    return TA_OK;
}

ta_status ta_data_read(const char *dir, const char *name, char **out, size_t *len, ta_error *err)
{
    if (dir && *dir) {
        size_t n = strlen(dir) + strlen(name) + 2;
        char *path = malloc(n);
        if (!path)
            return ta_fail(err, TA_ENOMEM, "out of memory");
        snprintf(path, n, "%s/%s", dir, name);
        ta_status s = read_file(path, out, len, err);
        free(path);
        return s;
    }
    for (const struct ta_embedded *e = ta_embedded_files; e->name; e++)
        if (strcmp(e->name, name) == 0) {
            char *c = malloc(e->len + 1);
            if (!c)
                return ta_fail(err, TA_ENOMEM, "out of memory");
            memcpy(c, e->data, e->len);
            c[e->len] = 0;
            *out = c;
            *len = e->len;
            return TA_OK;
        }
    return ta_fail(err, TA_EIO, "%s: no such built-in data file", name);
}

/* Splits `text` (taken over) into lines for ta_data_lines and ta_file_lines. */
static ta_status split_lines(char *text, size_t len, char ***lines, size_t *n, int **lineno,
                             ta_error *err)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n';
    char **out = calloc(cap + 1, sizeof *out);
    int *nums = lineno ? calloc(cap + 1, sizeof *nums) : NULL;
    if (!out || (lineno && !nums)) {
        free(out), free(nums), free(text);
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    size_t k = 0;
    int num = 0;
    for (char *p = text, *end = text + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        num++;
        char *q = p;
        while (q < nl && (*q == ' ' || *q == '\t'))
            q++;
        size_t l = (size_t)(nl - q);
        while (l && (q[l - 1] == ' ' || q[l - 1] == '\t' || q[l - 1] == '\r'))
            l--;
        if (l && q[0] != '#') {
            if (!(out[k] = malloc(l + 1))) {
                ta_lines_free(out);
                free(nums), free(text);
                return ta_fail(err, TA_ENOMEM, "out of memory");
            }
            memcpy(out[k], q, l);
            out[k][l] = 0;
            if (nums)
                nums[k] = num;
            k++;
        }
        p = nl + 1;
    }
    free(text);
    *lines = out;
    *n = k;
    if (lineno)
        *lineno = nums;
    return TA_OK;
}

ta_status ta_data_lines(const char *dir, const char *name, char ***lines, size_t *n, int **lineno,
                        ta_error *err)
{
    char *text;
    size_t len;
    *lines = NULL;
    *n = 0;
    if (lineno)
        *lineno = NULL;
    ta_status st = ta_data_read(dir, name, &text, &len, err);
    return st != TA_OK ? st : split_lines(text, len, lines, n, lineno, err);
}

ta_status ta_file_lines(const char *path, char ***lines, size_t *n, int **lineno, ta_error *err)
{
    char *text;
    size_t len;
    *lines = NULL;
    *n = 0;
    if (lineno)
        *lineno = NULL;
    ta_status st = read_file(path, &text, &len, err);
    return st != TA_OK ? st : split_lines(text, len, lines, n, lineno, err);
}

void ta_lines_free(char **lines)
{
    for (size_t i = 0; lines && lines[i]; i++)
        free(lines[i]);
    free(lines);
}

ta_status ta_abbrev_load(const char *dir, const char *lang, ta_strmap *out, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    snprintf(name, sizeof name, "abbrev.%s", lang);
    ta_status st = ta_data_lines(dir, name, &lines, &n, NULL, err);
    ta_buf low = {0};
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        const char *l = lines[i], *sp = strchr(l, ' ');
        if (!sp || !strncmp(l, "option ", 7) || !strncmp(l, "phrase ", 7))
            continue;
        size_t len = strcspn(++sp, "|");
        while (len && sp[len - 1] == ' ')
            len--;
        low.len = 0;
        int cls = !strncmp(l, "title ", 6) ? TA_ABBREV_TITLE : TA_ABBREV_OTHER;
        if (ta_u8_lower(&low, sp, len, true) || ta_strmap_put(out, low.data ? low.data : "", low.len, cls))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_buf_release(&low);
    ta_lines_free(lines);
    return st;
}
