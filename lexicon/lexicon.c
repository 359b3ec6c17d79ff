/* lexicon.c — the lexicon file and its lookups. A file is one block, mapped and used as loaded
 * (no parsing), in two parts with an XXH3-64 checksum each:
 *   magic "TALEX\0\0\0", header (version, counts, the two checksums);
 *   the index alignment reads: an open-addressing table of English stems -> targets (about
 *   half full), the targets (Russian stem keys), the stems' string pool (padded to 4 bytes);
 *   checked at every load (1.7 MB);
 *   what only `lookup` prints: each stem's source lines (parallel to the table), the line
 *   offsets and the source text (lines "word\tru words"); checked by the first lookup (5 MB),
 *   so that aligning one pair reads, checks and maps a quarter of the file.
 * Several files can be loaded into one ta_lexicon; lookups use them all. */
#include "lexicon.h"
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CYRILLIC_FIRST = 0x400, CYRILLIC_LAST = 0x4FF }; /* a Russian word has a letter here */
#define XXH_INLINE_ALL /* xxhash.h (libxxhash-dev) compiled in: no library to load */
#include <xxhash.h>



#define KEY_CHARS 5

typedef struct {
    uint32_t version, headwords, stems, cap, ntargets, nlines, pool_len, text_len;
    uint32_t sum[2];      /* XXH3-64 of the index (table, targets, pool): low, high 32 bits */
    uint32_t text_sum[2]; /* XXH3-64 of the rest (source lines of each stem, offsets, text) */
} header;

/* The body's checksum into sum[0] (low) and sum[1] (high 32 bits). */
static void checksum(const char *p, size_t n, uint32_t sum[2])
{
    XXH64_hash_t x = XXH3_64bits(p, n);
    sum[0] = (uint32_t)x, sum[1] = (uint32_t)(x >> 32);
}

typedef struct {
    uint32_t str; /* pool offset + 1; 0 = empty slot */
    uint32_t tstart, tcount;
} en_entry;

typedef struct { /* the source lines of the table's entry at the same slot */
    uint32_t lstart, lcount;
} en_lines;

enum { TEXT_UNCHECKED, TEXT_GOOD, TEXT_BAD }; /* lexfile.text_state */

typedef struct {
    char *path; /* for messages */
    char *block;
    size_t size;
    bool mapped; /* block is the file mapped into memory (munmap), else malloc'ed */
    const header *h;
    const en_entry *table;
    const en_lines *lines_of;
    const uint32_t *targets, *lines;
    const char *pool, *text;
    atomic_int text_state; /* the lookup part's checksum, verified once by the first lookup */
} lexfile;

struct ta_lexicon {
    lexfile *files;
    size_t n;
};

uint32_t ta_lex_key(const char *stem, size_t n)
{
    size_t i = 0;
    for (int k = 0; k < KEY_CHARS && i < n; k++) /* the first KEY_CHARS letters of the stem */
        ta_u8_decode(stem, n, &i);
    return (uint32_t)(ta_hash(stem, i) % TA_LEX_KEYS);
}

/* The slot of stem s (n bytes) or the empty slot where it would go; pool_len bounds every
 * comparison (the pool ends with a 0). */
static size_t slot_for(const en_entry *t, uint32_t cap, const char *pool, size_t pool_len,
                       const char *s, size_t n)
{
    size_t i = ta_hash(s, n) & (cap - 1);
    while (t[i].str) {
        size_t off = t[i].str - 1;
        if (off + n < pool_len && !memcmp(pool + off, s, n) && !pool[off + n])
            break;
        i = (i + 1) & (cap - 1);
    }
    return i;
}

/* The table's size for n stems: a power of two, at most three quarters full. */
static uint32_t table_cap(size_t n)
{
    uint32_t cap = 16;
    while (cap < n + n / 3 + 1)
        cap *= 2;
    return cap;
}

/* ---- writing ------------------------------------------------------------------------ */

static int put_u32(ta_vec *v, uint32_t x)
{
    uint32_t *p = ta_vec_push(v);
    return p ? (*p = x, 0) : -1;
}

ta_status ta_lexicon_write(const char *path, const char *text, size_t len, ta_error *err)
{
    /* one entry per distinct English stem, gathering the lines and targets of its headwords */
    ta_strmap ids = {0};
    ta_vec lines_of = {.esz = sizeof(ta_vec)}, tg_of = {.esz = sizeof(ta_vec)};
    ta_buf pool = {0};
    ta_vec stem_off = {.esz = sizeof(uint32_t)};
    uint32_t headwords = 0;
    ta_buf shown = {0}; /* what lookup prints: "word\tru words" lines */
    int rc = 0;
    for (const char *p = text, *end = text + len; p < end && !rc;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        const char *f[4] = {p, 0, 0, 0};
        int k = 1;
        for (const char *q = p; q < nl && k < 4; q++)
            if (*q == '\t')
                f[k++] = q + 1;
        if (k == 4) {
            int id;
            size_t sl = (size_t)(f[2] - f[1] - 1);
            if (!ta_strmap_get(&ids, f[1], sl, &id)) {
                id = (int)ids.n;
                ta_vec *a = ta_vec_push(&lines_of), *b = ta_vec_push(&tg_of);
                if (!a || !b || ta_strmap_put(&ids, f[1], sl, id) ||
                    put_u32(&stem_off, (uint32_t)pool.len) || ta_buf_add(&pool, f[1], sl) ||
                    ta_buf_addc(&pool, 0))
                    rc = -1;
                else
                    a->esz = b->esz = sizeof(uint32_t);
            }
            headwords++;
            ta_vec *lv = (ta_vec *)lines_of.data + id, *tv = (ta_vec *)tg_of.data + id;
            rc = rc || put_u32(lv, (uint32_t)shown.len) ||
                 ta_buf_add(&shown, f[0], (size_t)(f[1] - f[0])) ||
                 ta_buf_add(&shown, f[3], (size_t)(nl - f[3])) || ta_buf_addc(&shown, '\n');
            for (const char *q = f[2]; !rc && q < f[3] - 1;) {
                const char *e = q;
                while (e < f[3] - 1 && *e != ' ')
                    e++;
                if (e > q)
                    rc = put_u32(tv, ta_lex_key(q, (size_t)(e - q)));
                q = e + 1;
            }
        }
        p = nl + 1;
    }
    uint32_t cap = table_cap(ids.n);
    en_entry *table = calloc(cap, sizeof *table);
    en_lines *lof = calloc(cap, sizeof *lof);
    ta_vec targets = {.esz = sizeof(uint32_t)}, lines = {.esz = sizeof(uint32_t)};
    rc = rc || !table || !lof;
    while (!rc && pool.len % 4) /* the arrays after the pool stay aligned */
        rc = ta_buf_addc(&pool, 0);
    for (size_t id = 0; !rc && id < ids.n; id++) {
        uint32_t off = ((uint32_t *)stem_off.data)[id];
        const char *s = pool.data + off;
        size_t i = slot_for(table, cap, pool.data, pool.len, s, strlen(s));
        ta_vec *lv = (ta_vec *)lines_of.data + id, *tv = (ta_vec *)tg_of.data + id;
        table[i] = (en_entry){off + 1, (uint32_t)targets.len, 0};
        lof[i] = (en_lines){(uint32_t)lines.len, (uint32_t)lv->len};
        for (size_t k = 0; !rc && k < tv->len; k++) { /* unique targets */
            uint32_t key = ((uint32_t *)tv->data)[k];
            bool dup = false;
            for (size_t m = table[i].tstart; m < targets.len && !dup; m++)
                dup = ((uint32_t *)targets.data)[m] == key;
            if (!dup)
                rc = put_u32(&targets, key);
        }
        table[i].tcount = (uint32_t)targets.len - table[i].tstart;
        for (size_t k = 0; !rc && k < lv->len; k++)
            rc = put_u32(&lines, ((uint32_t *)lv->data)[k]);
    }
    ta_status st = TA_OK;
    if (rc)
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    else {
        header h = {TA_LEX_VERSION, headwords, (uint32_t)ids.n, cap, (uint32_t)targets.len,
                    (uint32_t)lines.len, (uint32_t)pool.len, (uint32_t)shown.len, {0, 0}, {0, 0}};
        ta_buf body = {0};
        size_t index_len = 0;
        if (ta_buf_add(&body, (const char *)table, sizeof *table * cap) ||
            ta_buf_add(&body, targets.data ? targets.data : "", 4 * targets.len) ||
            ta_buf_add(&body, pool.data ? pool.data : "", pool.len) ||
            (index_len = body.len, 0) ||
            ta_buf_add(&body, (const char *)lof, sizeof *lof * cap) ||
            ta_buf_add(&body, lines.data ? lines.data : "", 4 * lines.len) ||
            ta_buf_add(&body, shown.data ? shown.data : "", shown.len))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
        else {
            checksum(body.data, index_len, h.sum);
            checksum(body.data + index_len, body.len - index_len, h.text_sum);
        }
        size_t n = strlen(path) + 16;
        char *tmp = malloc(n);
        FILE *f = NULL;
        int fd = -1;
        if (st == TA_OK && tmp) {
            snprintf(tmp, n, "%s.tmpXXXXXX", path);
            fd = mkstemp(tmp);
            if (fd >= 0)
                fchmod(fd, 0644); /* mkstemp creates files only the owner can read */
            f = fd >= 0 ? fdopen(fd, "wb") : NULL;
        }
        if (st == TA_OK && !f)
            st = ta_fail(err, TA_EIO, "%s: cannot write: %s", path, strerror(errno));
        else if (st == TA_OK) {
            bool bad = fwrite(TA_LEX_MAGIC, 1, 8, f) != 8 || fwrite(&h, sizeof h, 1, f) != 1 ||
                       fwrite(body.data, 1, body.len, f) != body.len;
            bad |= fclose(f) != 0;
            f = NULL;
            if (bad || rename(tmp, path) != 0)
                st = ta_fail(err, TA_EIO, "%s: write failed: %s", path, strerror(errno));
        }
        if (f)
            fclose(f);
        else if (fd >= 0 && st != TA_OK)
            close(fd);
        if (st != TA_OK && tmp && fd >= 0)
            unlink(tmp);
        free(tmp);
        ta_buf_release(&body);
    }
    for (size_t k = 0; k < lines_of.len; k++)
        ta_vec_release((ta_vec *)lines_of.data + k), ta_vec_release((ta_vec *)tg_of.data + k);
    ta_vec_release(&lines_of), ta_vec_release(&tg_of), ta_vec_release(&stem_off);
    ta_vec_release(&targets), ta_vec_release(&lines);
    ta_strmap_release(&ids);
    ta_buf_release(&pool);
    ta_buf_release(&shown);
    free(table);
    free(lof);
    return st;
}

/* ---- loading ------------------------------------------------------------------------ */

/* Checks every offset of the index, so that a corrupt file is refused, never read past. */
static bool valid_index(const lexfile *f)
{
    const header *h = f->h;
    if (h->cap == 0 || (h->cap & (h->cap - 1)) || h->stems >= h->cap)
        return false;
    for (uint32_t i = 0; i < h->cap; i++) {
        const en_entry *e = &f->table[i];
        if (e->str && (e->str - 1 >= h->pool_len || e->tstart > h->ntargets ||
                       e->tcount > h->ntargets - e->tstart))
            return false;
    }
    return h->pool_len == 0 || f->pool[h->pool_len - 1] == 0;
}

/* The same for the part only lookups read. */
static bool valid_lines(const lexfile *f)
{
    const header *h = f->h;
    for (uint32_t i = 0; i < h->cap; i++) {
        const en_lines *l = &f->lines_of[i];
        if (l->lstart > h->nlines || l->lcount > h->nlines - l->lstart)
            return false;
    }
    for (uint32_t k = 0; k < h->nlines; k++)
        if (f->lines[k] >= h->text_len)
            return false;
    return true;
}

static void release_block(char *block, size_t size, bool mapped)
{
    if (mapped)
        munmap(block, size);
    else
        free(block);
}

static void release_file(lexfile *f)
{
    release_block(f->block, f->size, f->mapped);
    free(f->path);
    memset(f, 0, sizeof *f);
}

/* The file's block: mapped (only the pages read come into memory: alignment never reads the
 * lookup part), or read into memory where mapping fails. */
static ta_status read_block(const char *path, ta_buf *b, bool *mapped, ta_error *err)
{
    *mapped = false;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ta_fail(err, TA_EIO, "%s: cannot open lexicon: %s (build it with 'talign lexicon "
                       "build')", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return ta_fail(err, TA_EIO, "%s: not a regular file", path);
    }
    void *map = sb.st_size > 0 ? mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE,
                                      fileno(f), 0) : MAP_FAILED;
    bool rerr = false;
    if (map != MAP_FAILED) {
        b->data = map, b->len = (size_t)sb.st_size;
        *mapped = true;
    } else if (ta_buf_grow(b, (size_t)sb.st_size + 1)) {
        fclose(f);
        return ta_fail(err, TA_ENOMEM, "out of memory loading %s", path);
    } else {
        b->len = fread(b->data, 1, (size_t)sb.st_size, f);
        rerr = ferror(f) || b->len != (size_t)sb.st_size;
    }
    fclose(f);
    if (rerr) {
        release_block(b->data, b->len, *mapped);
        return ta_fail(err, TA_EIO, "%s: read error", path);
    }
    return TA_OK;
}

static ta_status load_file(const char *path, lexfile *lf, ta_error *err)
{
    memset(lf, 0, sizeof *lf);
    ta_buf b = {0};
    bool mapped;
    ta_status st = read_block(path, &b, &mapped, err);
    if (st != TA_OK)
        return st;
    const size_t hs = 8 + sizeof(header);
    header h;
    uint64_t index = 0;
    uint32_t version = 0;
    if (b.len < 8 + sizeof version || memcmp(b.data, TA_LEX_MAGIC, 8))
        st = ta_fail(err, TA_EFORMAT, "%s: not a talign lexicon file", path);
    else if (memcpy(&version, b.data + 8, sizeof version), version != TA_LEX_VERSION)
        st = ta_fail(err, TA_EVERSION, "%s: lexicon version %u, this talign reads version %u: "
                     "rebuild it with 'talign lexicon build'", path, version, TA_LEX_VERSION);
    else if (b.len < hs)
        st = ta_fail(err, TA_EFORMAT, "%s: corrupt lexicon (truncated): rebuild it with "
                     "'talign lexicon build'", path);
    else {
        memcpy(&h, b.data + 8, sizeof h);
        index = (uint64_t)h.cap * sizeof(en_entry) + 4ull * h.ntargets + h.pool_len;
        uint64_t body = index + (uint64_t)h.cap * sizeof(en_lines) + 4ull * h.nlines + h.text_len;
        uint32_t sum[2];
        if (body == b.len - hs && h.pool_len % 4 == 0)
            checksum(b.data + hs, (size_t)index, sum);
        if (body != b.len - hs || h.pool_len % 4 || sum[0] != h.sum[0] || sum[1] != h.sum[1])
            st = ta_fail(err, TA_EFORMAT, "%s: corrupt lexicon (truncated or checksum mismatch): "
                         "rebuild it with 'talign lexicon build'", path);
    }
    if (st != TA_OK) {
        release_block(b.data, b.len, mapped);
        return st;
    }
    /* the block is aligned for the tables (mapped or malloc'ed; hs and pool_len are multiples
     * of 4) */
    lf->block = b.data;
    lf->size = b.len;
    lf->mapped = mapped;
    lf->path = strdup(path);
    lf->h = (const header *)(b.data + 8);
    const char *p = b.data + hs;
    lf->table = (const en_entry *)p;
    p += (size_t)h.cap * sizeof(en_entry);
    lf->targets = (const uint32_t *)p;
    p += 4 * (size_t)h.ntargets;
    lf->pool = p;
    p += h.pool_len;
    lf->lines_of = (const en_lines *)p;
    p += (size_t)h.cap * sizeof(en_lines);
    lf->lines = (const uint32_t *)p;
    p += 4 * (size_t)h.nlines;
    lf->text = p;
    atomic_init(&lf->text_state, TEXT_UNCHECKED);
    if (!lf->path || !valid_index(lf)) {
        bool oom = !lf->path;
        release_file(lf);
        return oom ? ta_fail(err, TA_ENOMEM, "out of memory")
                   : ta_fail(err, TA_EFORMAT, "%s: corrupt lexicon (bad offsets): rebuild it", path);
    }
    return TA_OK;
}

/* Verifies the lookup part of a file once (threads that race both verify, and agree). */
static bool text_good(lexfile *f)
{
    int s = atomic_load(&f->text_state);
    if (s == TEXT_UNCHECKED) {
        const char *start = (const char *)f->lines_of;
        uint32_t sum[2];
        checksum(start, f->size - (size_t)(start - f->block), sum);
        s = sum[0] == f->h->text_sum[0] && sum[1] == f->h->text_sum[1] && valid_lines(f)
                ? TEXT_GOOD : TEXT_BAD;
        atomic_store(&f->text_state, s);
    }
    return s == TEXT_GOOD;
}

ta_status ta_lexicon_verify_lookup(const ta_lexicon *lx, ta_error *err)
{
    for (size_t k = 0; lx && k < lx->n; k++)
        if (!text_good(&lx->files[k]))
            return ta_fail(err, TA_EFORMAT,
                           "%s: corrupt lexicon (checksum mismatch in its word list): rebuild it "
                           "with 'talign lexicon build'",
                           lx->files[k].path);
    return TA_OK;
}

ta_status ta_lexicon_load(const char *path, ta_lexicon **out, ta_error *err)
{
    *out = NULL;
    ta_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    ta_status st = path ? ta_lexicon_add(lx, path, err) : TA_OK;
    if (st != TA_OK) {
        ta_lexicon_free(lx);
        return st;
    }
    *out = lx;
    return TA_OK;
}

ta_status ta_lexicon_add(ta_lexicon *lx, const char *path, ta_error *err)
{
    lexfile lf;
    ta_status st = load_file(path, &lf, err);
    if (st != TA_OK)
        return st;
    lexfile *files = realloc(lx->files, sizeof *files * (lx->n + 1));
    if (!files) {
        release_file(&lf);
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    lx->files = files;
    lx->files[lx->n++] = lf;
    return TA_OK;
}

void ta_lexicon_free(ta_lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->n; i++)
        release_file(&lx->files[i]);
    free(lx->files);
    free(lx);
}

/* The slot of stem s, or -1. */
static long find(const lexfile *f, const char *s, size_t n)
{
    size_t i = slot_for(f->table, f->h->cap, f->pool, f->h->pool_len, s, n);
    return f->table[i].str ? (long)i : -1;
}

size_t ta_lexicon_each_target(const ta_lexicon *lx, const char *stem, size_t n,
                              void (*fn)(uint32_t key, void *ctx), void *ctx)
{
    size_t count = 0;
    for (size_t k = 0; lx && k < lx->n; k++) {
        long i = find(&lx->files[k], stem, n);
        const en_entry *e = i >= 0 ? &lx->files[k].table[i] : NULL;
        for (uint32_t t = 0; e && t < e->tcount; t++, count++)
            fn(lx->files[k].targets[e->tstart + t], ctx);
    }
    return count;
}

void ta_lexicon_each_key(const ta_lexicon *lx, void (*fn)(uint32_t key, void *ctx), void *ctx)
{
    for (size_t k = 0; lx && k < lx->n; k++) {
        const lexfile *f = &lx->files[k];
        for (uint32_t i = 0; i < f->h->cap; i++) {
            const en_entry *e = &f->table[i];
            for (uint32_t t = 0; e->str && f->lines_of[i].lcount && t < e->tcount; t++)
                fn(f->targets[e->tstart + t], ctx);
        }
    }
}

void ta_lexicon_stats(const ta_lexicon *lx, size_t *headwords, size_t *stems, size_t *pairs)
{
    *headwords = *stems = *pairs = 0;
    for (size_t k = 0; k < lx->n; k++) {
        *headwords += lx->files[k].h->headwords;
        *stems += lx->files[k].h->stems;
        *pairs += lx->files[k].h->ntargets;
    }
}

/* appends field `k` (0-based, tab-separated) of the source line at `line`, with `sep` as newlines */
static int add_field(ta_buf *b, const char *line, const char *end, int k, char sep)
{
    for (int i = 0; i < k && line < end; i++) {
        const char *t = memchr(line, '\t', (size_t)(end - line));
        line = t ? t + 1 : end;
    }
    for (; line < end && *line != '\t' && *line != '\n'; line++)
        if (ta_buf_addc(b, *line == sep ? '\n' : *line))
            return -1;
    return ta_buf_addc(b, '\n');
}

bool ta_lex_russian(const char *w, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c = ta_u8_decode(w, n, &i);
        if (c >= CYRILLIC_FIRST && c <= CYRILLIC_LAST)
            return true;
    }
    return false;
}

ta_status ta_lexicon_lookup(const ta_lexicon *lx, const char *word, size_t len, char **out,
                            ta_error *err)
{
    *out = NULL;
    ta_status v = ta_lexicon_verify_lookup(lx, err);
    if (v != TA_OK)
        return v;
    ta_stemmer st = {0};
    ta_buf stem = {0}, res = {0};
    bool cyr = ta_lex_russian(word, len);
    ta_status s = ta_stem(&st, cyr ? 'r' : 'e', word, len, &stem) || ta_buf_addc(&res, 0)
                      ? TA_ENOMEM : TA_OK;
    res.len = 0;
    for (size_t k = 0; s == TA_OK && k < lx->n; k++) {
        lexfile *f = &lx->files[k];
        const char *end = f->text + f->h->text_len;
        if (!cyr) {
            long i = find(f, stem.data, stem.len);
            const en_lines *l = i >= 0 ? &f->lines_of[i] : NULL;
            for (uint32_t m = 0; l && m < l->lcount && s == TA_OK; m++)
                if (add_field(&res, f->text + f->lines[l->lstart + m], end, 1, '|'))
                    s = TA_ENOMEM;
            continue;
        }
        uint32_t key = ta_lex_key(stem.data, stem.len); /* English headwords that give it */
        for (uint32_t i = 0; i < f->h->cap && s == TA_OK; i++) {
            const en_entry *e = &f->table[i];
            bool hit = false;
            for (uint32_t t = 0; e->str && t < e->tcount && !hit; t++)
                hit = f->targets[e->tstart + t] == key;
            for (uint32_t m = 0; hit && m < f->lines_of[i].lcount && s == TA_OK; m++)
                if (add_field(&res, f->text + f->lines[f->lines_of[i].lstart + m], end, 0, '\t'))
                    s = TA_ENOMEM;
        }
    }
    ta_buf_release(&stem);
    ta_stemmer_release(&st);
    if (s != TA_OK) {
        ta_buf_release(&res);
        return ta_fail(err, s, "out of memory");
    }
    *out = res.data;
    return TA_OK;
}
