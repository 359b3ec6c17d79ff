/* manifest.c — the document pairs of a corpus run: a TSV manifest, two folders paired by file
 * name, and contiguous shards of either. */
#include "internal.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { FIELDS = 3 };

void ta_manifest_clear(ta_manifest *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->e[i].id), free(m->e[i].en), free(m->e[i].ru);
    for (size_t i = 0; i < m->n_unpaired; i++)
        free(m->unpaired[i]);
    free(m->e), free(m->unpaired);
    memset(m, 0, sizeof *m);
}

void ta_manifest_slice(size_t n, unsigned k, unsigned of, size_t *from, size_t *to)
{
    if (of == 0 || k == 0 || k > of) {
        *from = *to = 0;
        return;
    }
    /* (k-1)*n/of without overflow for any realistic n */
    *from = (size_t)((unsigned long long)(k - 1) * n / of);
    *to = (size_t)((unsigned long long)k * n / of);
}

/* dir + "/" + name, or name itself when absolute or dir is empty */
static char *join_path(const char *dir, size_t dlen, const char *name, size_t nlen)
{
    bool rel = dlen && name[0] != '/';
    char *p = malloc((rel ? dlen + 1 : 0) + nlen + 1);
    if (!p)
        return NULL;
    size_t o = 0;
    if (rel) {
        memcpy(p, dir, dlen);
        p[dlen] = '/';
        o = dlen + 1;
    }
    memcpy(p + o, name, nlen);
    p[o + nlen] = 0;
    return p;
}

/* Adds an entry; the documents' names are the last en_name, ru_name bytes of en and ru. */
static ta_status push(ta_manifest *m, size_t *cap, char *id, char *en, char *ru, size_t en_name,
                      size_t ru_name)
{
    if (!id || !en || !ru)
        goto nomem;
    if (m->n == *cap) {
        size_t nc = *cap ? 2 * *cap : 64;
        ta_manifest_entry *e = realloc(m->e, nc * sizeof *e);
        if (!e)
            goto nomem;
        m->e = e, *cap = nc;
    }
    m->e[m->n++] = (ta_manifest_entry){id, en, ru, en + strlen(en) - en_name,
                                       ru + strlen(ru) - ru_name};
    return TA_OK;
nomem:
    free(id), free(en), free(ru);
    return TA_ENOMEM;
}

typedef struct {
    const char *id;
    int line;
} id_line;

static int by_id_then_line(const void *a, const void *b)
{
    const id_line *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* TA_EFORMAT naming the first line (in file order) whose id an earlier line already has: ids
 * name the units of their pair (the TMX tuid is ID:N), so two pairs may not share one. */
static ta_status unique_ids(const ta_manifest *m, const char *path, const int *lines,
                            ta_error *err)
{
    if (m->n < 2)
        return TA_OK;
    id_line *v = malloc(m->n * sizeof *v);
    if (!v)
        return ta_fail(err, TA_ENOMEM, "%s: out of memory", path);
    for (size_t i = 0; i < m->n; i++)
        v[i] = (id_line){m->e[i].id, lines[i]};
    qsort(v, m->n, sizeof *v, by_id_then_line);
    size_t worst = 0; /* the repeat on the earliest line */
    for (size_t i = 1; i < m->n; i++)
        if (!strcmp(v[i].id, v[i - 1].id) && (!worst || v[i].line < v[worst].line))
            worst = i;
    ta_status s = TA_OK;
    if (worst) {
        size_t first = worst;
        while (first > 0 && !strcmp(v[first - 1].id, v[worst].id))
            first--;
        s = ta_fail(err, TA_EFORMAT, "%s:%d: the id '%s' is already on line %d: give each pair "
                    "its own id (it names the pair's units, e.g. the TMX tuid ID:N)", path,
                    v[worst].line, v[worst].id, v[first].line);
    }
    free(v);
    return s;
}

ta_status ta_manifest_read(const char *path, ta_manifest *m, ta_error *err)
{
    memset(m, 0, sizeof *m);
    bool in = !strcmp(path, "-");
    FILE *f = in ? stdin : fopen(path, "r");
    if (!f)
        return ta_fail(err, TA_EIO, "%s: cannot read the manifest: %s", path, strerror(errno));
    const char *slash = in ? NULL : strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) : 0;
    if (slash && dlen == 0)
        dlen = 1; /* the root folder: "/" + name */
    char *line = NULL;
    size_t lcap = 0, cap = 0;
    ssize_t n;
    int lineno = 0;
    ta_vec lines = {.esz = sizeof(int)}; /* each entry's line */
    ta_status s = TA_OK;
    while (s == TA_OK && (n = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n == 0 || line[0] == '#')
            continue;
        char *fld[FIELDS] = {line, NULL, NULL};
        int k = 1;
        for (char *p = line; *p && k < FIELDS; p++)
            if (*p == '\t')
                *p = 0, fld[k++] = p + 1;
        if (k < FIELDS || strchr(fld[2], '\t') || !*fld[0] || !*fld[1] || !*fld[2]) {
            s = ta_fail(err, TA_EFORMAT, "%s:%d: expected ID<TAB>EN_PATH<TAB>RU_PATH", path,
                        lineno);
            break;
        }
        const char *dir = dlen == 1 && slash == path ? "" : path;
        size_t dl = dlen == 1 && slash == path ? 0 : dlen;
        size_t el = strlen(fld[1]), rl = strlen(fld[2]);
        s = push(m, &cap, strdup(fld[0]), join_path(dir, dl, fld[1], el),
                 join_path(dir, dl, fld[2], rl), el, rl);
        int *at = s == TA_OK ? ta_vec_push(&lines) : NULL;
        if (at)
            *at = lineno;
        else
            s = TA_ENOMEM;
        if (s != TA_OK)
            ta_fail(err, s, "%s: out of memory", path);
    }
    if (s == TA_OK && ferror(f))
        s = ta_fail(err, TA_EIO, "%s: read error: %s", path, strerror(errno));
    if (s == TA_OK)
        s = unique_ids(m, path, lines.data, err);
    free(line);
    ta_vec_release(&lines);
    if (!in)
        fclose(f);
    if (s != TA_OK)
        ta_manifest_clear(m);
    return s;
}

/* ---- two folders ----------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of `dir`, sorted by name. */
static ta_status list_dir(const char *dir, char ***names, size_t *n, ta_error *err)
{
    *names = NULL, *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return ta_fail(err, TA_EIO, "%s: cannot read the folder: %s", dir, strerror(errno));
    size_t cap = 0, dl = strlen(dir);
    struct dirent *de;
    ta_status s = TA_OK;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char *full = join_path(dir, dl, de->d_name, strlen(de->d_name));
        struct stat st;
        bool reg = full && stat(full, &st) == 0 && S_ISREG(st.st_mode);
        free(full);
        if (!reg)
            continue;
        if (*n == cap) {
            size_t nc = cap ? 2 * cap : 64;
            char **v = realloc(*names, nc * sizeof *v);
            if (!v) {
                s = TA_ENOMEM;
                break;
            }
            *names = v, cap = nc;
        }
        if (!((*names)[*n] = strdup(de->d_name))) {
            s = TA_ENOMEM;
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (s != TA_OK) {
        for (size_t i = 0; i < *n; i++)
            free((*names)[i]);
        free(*names);
        *names = NULL, *n = 0;
        return ta_fail(err, s, "%s: out of memory", dir);
    }
    qsort(*names, *n, sizeof **names, cmp_str);
    return TA_OK;
}

/* The name with every language tag "en" (a word of the name delimited by . _ - or its ends)
 * replaced by "ru" (malloc'ed). */
static char *ru_name(const char *name)
{
    char *r = strdup(name);
    if (!r)
        return NULL;
    for (size_t i = 0; r[i]; i++) {
        bool start = i == 0 || strchr("._-", r[i - 1]);
        if (start && r[i] == 'e' && r[i + 1] == 'n' && (!r[i + 2] || strchr("._-", r[i + 2])))
            r[i] = 'r', r[i + 1] = 'u';
    }
    return r;
}

static bool find_name(char **v, size_t n, const char *name, size_t *at)
{
    char **p = bsearch(&name, v, n, sizeof *v, cmp_str);
    if (p)
        *at = (size_t)(p - v);
    return p != NULL;
}

static ta_status add_unpaired(ta_manifest *m, size_t *cap, char *path)
{
    if (path && m->n_unpaired == *cap) {
        size_t nc = *cap ? 2 * *cap : 16;
        char **v = realloc(m->unpaired, nc * sizeof *v);
        if (v)
            m->unpaired = v, *cap = nc;
    }
    if (!path || m->n_unpaired == *cap) {
        free(path);
        return TA_ENOMEM;
    }
    m->unpaired[m->n_unpaired++] = path;
    return TA_OK;
}

ta_status ta_manifest_dirs(const char *en_dir, const char *ru_dir, ta_manifest *m,
                           ta_error *err)
{
    memset(m, 0, sizeof *m);
    char **en = NULL, **ru = NULL;
    size_t ne = 0, nr = 0, cap = 0, ucap = 0;
    ta_status s = list_dir(en_dir, &en, &ne, err);
    if (s == TA_OK)
        s = list_dir(ru_dir, &ru, &nr, err);
    bool *used = s == TA_OK ? calloc(nr + 1, 1) : NULL;
    if (s == TA_OK && !used)
        s = ta_fail(err, TA_ENOMEM, "out of memory");
    size_t el = strlen(en_dir), rl = strlen(ru_dir);
    for (size_t i = 0; s == TA_OK && i < ne; i++) {
        size_t at;
        char *alt = ru_name(en[i]);
        bool found = alt && (find_name(ru, nr, en[i], &at) ||
                                             find_name(ru, nr, alt, &at));
        if (found && used[at])
            found = false;
        if (found) {
            used[at] = true;
            size_t enl = strlen(en[i]), rul = strlen(ru[at]);
            s = push(m, &cap, strdup(en[i]), join_path(en_dir, el, en[i], enl),
                     join_path(ru_dir, rl, ru[at], rul), enl, rul);
        } else if (alt)
            s = add_unpaired(m, &ucap, join_path(en_dir, el, en[i], strlen(en[i])));
        else
            s = TA_ENOMEM;
        free(alt);
    }
    for (size_t j = 0; s == TA_OK && j < nr; j++) {
        if (used[j])
            continue;
        s = add_unpaired(m, &ucap, join_path(ru_dir, rl, ru[j], strlen(ru[j])));
    }
    if (s == TA_ENOMEM)
        ta_fail(err, s, "out of memory");
    for (size_t i = 0; i < ne; i++)
        free(en[i]);
    for (size_t j = 0; j < nr; j++)
        free(ru[j]);
    free(en), free(ru), free(used);
    if (s != TA_OK)
        ta_manifest_clear(m);
    else
        qsort(m->unpaired, m->n_unpaired, sizeof *m->unpaired, cmp_str);
    return s;
}
