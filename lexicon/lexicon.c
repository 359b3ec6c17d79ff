/* lexicon.c — the lexicon file (magic, version, checksum, text payload of stem pairs),
 * loading into hash maps, lookup by any inflected form, and the stem-id interface. */
#include "lexicon.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

struct ta_lexicon {
    char *payload;
    size_t len, headwords;
    ta_strmap en, ru;  /* stem -> id */
    ta_vec targets;    /* per en id: ta_vec of int ru ids */
    ta_vec lines;      /* per en id: ta_vec of size_t payload line offsets */
    size_t pairs;
};

typedef struct {
    uint32_t version, entries, crc;
    uint64_t len;
} header;

ta_status ta_lexicon_write(const char *path, const char *payload, size_t len, uint32_t entries,
                           ta_error *err)
{
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        ta_status s = ta_fail(err, TA_EIO, "%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd), unlink(tmp);
        free(tmp);
        return s;
    }
    header h = {TA_LEX_VERSION, entries, (uint32_t)crc32(0, (const Bytef *)payload, (uInt)len),
                len};
    int bad = fwrite(TA_LEX_MAGIC, 1, 8, f) != 8 || fwrite(&h, sizeof h, 1, f) != 1 ||
              fwrite(payload, 1, len, f) != len;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        unlink(tmp);
        free(tmp);
        return ta_fail(err, TA_EIO, "%s: write failed: %s", path, strerror(errno));
    }
    free(tmp);
    return TA_OK;
}

static int intern(ta_strmap *m, const char *s, size_t n, int *id)
{
    if (ta_strmap_get(m, s, n, id))
        return 0;
    *id = (int)m->n;
    return ta_strmap_put(m, s, n, *id);
}

static int add_int(ta_vec *vv, size_t at, int v, size_t esz)
{
    while (vv->len <= at)
        if (!ta_vec_push(vv))
            return -1;
    ta_vec *inner = (ta_vec *)vv->data + at;
    inner->esz = esz;
    void *slot = ta_vec_push(inner);
    if (!slot)
        return -1;
    if (esz == sizeof(int))
        *(int *)slot = v;
    else
        *(size_t *)slot = (size_t)v;
    return 0;
}

static int parse(ta_lexicon *lx)
{
    char *p = lx->payload, *end = p + lx->len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        char *f[4] = {p, 0, 0, 0};
        int k = 1;
        for (char *q = p; q < nl && k < 4; q++)
            if (*q == '\t')
                f[k++] = q + 1;
        if (k == 4) {
            int eid;
            size_t sl = (size_t)(f[2] - f[1] - 1);
            if (intern(&lx->en, f[1], sl, &eid) ||
                add_int(&lx->lines, (size_t)eid, (int)(p - lx->payload), sizeof(size_t)))
                return -1;
            lx->headwords++;
            for (char *q = f[2]; q < f[3] - 1;) {
                char *e = q;
                while (e < f[3] - 1 && *e != ' ')
                    e++;
                int rid;
                if (e > q && (intern(&lx->ru, q, (size_t)(e - q), &rid) ||
                              add_int(&lx->targets, (size_t)eid, rid, sizeof(int))))
                    return -1;
                lx->pairs += e > q;
                q = e + 1;
            }
        }
        p = nl + 1;
    }
    return 0;
}

ta_status ta_lexicon_load(const char *path, ta_lexicon **out, ta_error *err)
{
    *out = NULL;
    ta_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    lx->targets.esz = lx->lines.esz = sizeof(ta_vec);
    if (!path) {
        *out = lx;
        return TA_OK;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        free(lx);
        return ta_fail(err, TA_EIO, "%s: cannot open lexicon: %s (build it with 'talign lexicon build')",
                       path, strerror(errno));
    }
    char magic[8];
    header h;
    ta_status st = TA_OK;
    if (fread(magic, 1, 8, f) != 8 || memcmp(magic, TA_LEX_MAGIC, 8) ||
        fread(&h, sizeof h, 1, f) != 1)
        st = ta_fail(err, TA_EFORMAT, "%s: not a talign lexicon file", path);
    else if (h.version != TA_LEX_VERSION)
        st = ta_fail(err, TA_EVERSION, "%s: lexicon version %u, this talign reads version %u: "
                     "rebuild it with 'talign lexicon build'", path, h.version, TA_LEX_VERSION);
    else if (h.len > (uint64_t)1 << 32 || !(lx->payload = malloc(h.len + 1)))
        st = ta_fail(err, h.len > (uint64_t)1 << 32 ? TA_EFORMAT : TA_ENOMEM,
                     "%s: corrupt lexicon (bad size)", path);
    else if (fread(lx->payload, 1, h.len, f) != h.len ||
             (uint32_t)crc32(0, (const Bytef *)lx->payload, (uInt)h.len) != h.crc)
        st = ta_fail(err, TA_EFORMAT, "%s: corrupt lexicon (truncated or checksum mismatch): "
                     "rebuild it with 'talign lexicon build'", path);
    fclose(f);
    if (st == TA_OK) {
        lx->len = h.len;
        lx->payload[lx->len] = 0;
        if (parse(lx))
            st = ta_fail(err, TA_ENOMEM, "out of memory loading %s", path);
    }
    if (st != TA_OK) {
        ta_lexicon_free(lx);
        return st;
    }
    *out = lx;
    return TA_OK;
}

static void release_nested(ta_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        ta_vec_release((ta_vec *)v->data + i);
    ta_vec_release(v);
}

void ta_lexicon_free(ta_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->payload);
    ta_strmap_release(&lx->en);
    ta_strmap_release(&lx->ru);
    release_nested(&lx->targets);
    release_nested(&lx->lines);
    free(lx);
}

int ta_lexicon_en_id(const ta_lexicon *lx, const char *stem, size_t n)
{
    int id;
    return lx && ta_strmap_get(&lx->en, stem, n, &id) ? id : -1;
}

int ta_lexicon_ru_id(const ta_lexicon *lx, const char *stem, size_t n)
{
    int id;
    return lx && ta_strmap_get(&lx->ru, stem, n, &id) ? id : -1;
}

const int *ta_lexicon_targets(const ta_lexicon *lx, int en_id, size_t *n)
{
    if (!lx || en_id < 0 || (size_t)en_id >= lx->targets.len) {
        *n = 0;
        return NULL;
    }
    ta_vec *v = (ta_vec *)lx->targets.data + en_id;
    *n = v->len;
    return v->data;
}

void ta_lexicon_stats(const ta_lexicon *lx, size_t *headwords, size_t *stems, size_t *pairs)
{
    *headwords = lx->headwords;
    *stems = lx->en.n;
    *pairs = lx->pairs;
}

/* appends field `k` (0-based, tab-separated) of the payload line at `off` */
static int add_field(ta_buf *b, const char *line, int k, char sep)
{
    for (int i = 0; i < k; i++)
        line = strchr(line, '\t') + 1;
    size_t n = strcspn(line, "\t\n");
    for (size_t i = 0; i < n; i++)
        if (ta_buf_addc(b, line[i] == sep ? '\n' : line[i]))
            return -1;
    return ta_buf_addc(b, '\n');
}

ta_status ta_lexicon_lookup(const ta_lexicon *lx, const char *word, size_t len, char **out)
{
    *out = NULL;
    ta_stemmer st = {0};
    ta_buf stem = {0}, res = {0};
    size_t i = 0;
    bool cyr = false;
    while (i < len) {
        uint32_t c = ta_u8_decode(word, len, &i);
        cyr |= c >= 0x400 && c <= 0x4FF;
    }
    ta_status s = TA_OK;
    if (ta_stem(&st, cyr ? 'r' : 'e', word, len, &stem) || ta_buf_addc(&res, 0))
        s = TA_ENOMEM;
    res.len = 0;
    if (s == TA_OK && !cyr) {
        int id = ta_lexicon_en_id(lx, stem.data, stem.len);
        if (id >= 0) {
            ta_vec *v = (ta_vec *)lx->lines.data + id;
            for (size_t k = 0; k < v->len && s == TA_OK; k++)
                if (add_field(&res, lx->payload + ((size_t *)v->data)[k], 3, '|'))
                    s = TA_ENOMEM;
        }
    } else if (s == TA_OK) { /* reverse: English headwords whose targets hold the stem */
        int rid = ta_lexicon_ru_id(lx, stem.data, stem.len);
        for (size_t e = 0; rid >= 0 && e < lx->targets.len && s == TA_OK; e++) {
            ta_vec *t = (ta_vec *)lx->targets.data + e;
            for (size_t k = 0; k < t->len; k++)
                if (((int *)t->data)[k] == rid) {
                    ta_vec *v = (ta_vec *)lx->lines.data + e;
                    for (size_t m = 0; m < v->len && s == TA_OK; m++)
                        if (add_field(&res, lx->payload + ((size_t *)v->data)[m], 0, '\t'))
                            s = TA_ENOMEM;
                    break;
                }
        }
    }
    ta_buf_release(&stem);
    ta_stemmer_release(&st);
    if (s != TA_OK) {
        ta_buf_release(&res);
        return s;
    }
    *out = res.data;
    return TA_OK;
}
