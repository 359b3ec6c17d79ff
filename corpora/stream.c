/* stream.c — the corpus writers (one header, the units of many documents, one footer; TMX
 * 1.4b, TSV, JSONL, Moses) and their reader, which joins shards and rebuilds the dedup set of
 * an interrupted run. */
#define _GNU_SOURCE /* memmem */
#include "tmx.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

ta_status ta_stream_format_parse(const char *name, ta_stream_format *out, ta_error *err)
{
    static const char *const names[] = {"tmx", "tsv", "jsonl", "moses"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!strcmp(name, names[k])) {
            *out = (ta_stream_format)k;
            return TA_OK;
        }
    return ta_fail(err, TA_EINVAL, "unknown format '%s' (tmx, tsv, jsonl or moses)",
                   name ? name : "(null)");
}

ta_status ta_stream_header(FILE *f, ta_stream_format fmt, const char *src_lang,
                           const char *tgt_lang, long long created, ta_error *err)
{
    (void)tgt_lang;
    if (fmt == TA_STREAM_TMX)
        ta_tmx_header(f, src_lang ? src_lang : "en", created);
    return ta_put_done(f, NULL, err);
}

ta_status ta_stream_footer(FILE *f, ta_stream_format fmt, ta_error *err)
{
    if (fmt == TA_STREAM_TMX)
        ta_tmx_footer(f);
    return ta_put_done(f, NULL, err);
}

static void put_str(FILE *f, const char *s)
{
    ta_put_xml(f, s, strlen(s));
}

ta_status ta_stream_unit(FILE *f, FILE *f2, ta_stream_format fmt, const ta_unit *u,
                         ta_error *err)
{
    const char *src = u->src_lang ? u->src_lang : "en", *tgt = u->tgt_lang ? u->tgt_lang : "ru";
    switch (fmt) {
    case TA_STREAM_TMX:
        ta_tmx_tu_open(f, u->doc, u->bead + 1, u->piece, u->created,
                       !u->piece && (u->n_en > 1 || u->n_ru > 1));
        fputs("      <prop type=\"x-doc\">", f);
        put_str(f, u->doc);
        fprintf(f, "</prop>\n      <prop type=\"x-score\">%.3f</prop>\n", u->score);
        ta_tmx_tuv_open(f, src, u->src_doc);
        ta_put_xml(f, u->en, u->en_len);
        ta_tmx_tuv_close(f);
        ta_tmx_tuv_open(f, tgt, u->tgt_doc);
        ta_put_xml(f, u->ru, u->ru_len);
        ta_tmx_tuv_close(f);
        fputs("    </tu>\n", f);
        break;
    case TA_STREAM_TSV:
        ta_put_raw(f, u->doc, strlen(u->doc));
        fputc('\t', f);
        ta_put_raw(f, u->en, u->en_len);
        fputc('\t', f);
        ta_put_raw(f, u->ru, u->ru_len);
        fprintf(f, "\t%.3f\t%zu-%zu\n", u->score, u->n_en, u->n_ru);
        break;
    case TA_STREAM_JSONL:
        fputs("{\"doc\":", f);
        ta_put_json(f, u->doc, strlen(u->doc));
        fprintf(f, ",\"bead\":%zu,\"en\":", u->bead);
        ta_put_json(f, u->en, u->en_len);
        fputs(",\"ru\":", f);
        ta_put_json(f, u->ru, u->ru_len);
        fprintf(f, ",\"score\":%.3f,\"type\":\"%zu-%zu\"}\n", u->score, u->n_en, u->n_ru);
        break;
    case TA_STREAM_MOSES:
        if (!f2)
            return ta_fail(err, TA_EINVAL, "moses: no file for the Russian side");
        ta_put_raw(f, u->en, u->en_len);
        fputc('\n', f);
        ta_put_raw(f2, u->ru, u->ru_len);
        fputc('\n', f2);
        return ta_put_done(f, f2, err);
    default: return ta_fail(err, TA_EINVAL, "unknown stream format %d", (int)fmt);
    }
    return ta_put_done(f, NULL, err);
}

/* ---- reading back ------------------------------------------------------------------------ */

typedef struct {
    gzFile gz;
    const char *path;
    size_t limit, done; /* bytes allowed (0 = all) and read */
    int lineno;
    ta_buf line;
} line_in;

struct ta_stream_reader {
    ta_stream_format fmt;
    line_in in[2];
    ta_buf rec, en, ru;
    ta_buf head; /* TMX: the lines up to and including <body> */
    char *vals[2];
};

/* The next line (with its '\n') into in->line; 0 at the end, -1 on error. */
static int next_line(line_in *in)
{
    enum { CHUNK = 4096 };
    in->line.len = 0;
    for (;;) {
        if (in->limit && in->done >= in->limit)
            break;
        if (ta_buf_grow(&in->line, CHUNK))
            return -1;
        size_t room = in->line.cap - in->line.len;
        if (in->limit && in->limit - in->done + 1 < room)
            room = in->limit - in->done + 1;
        char *at = in->line.data + in->line.len;
        if (!gzgets(in->gz, at, (int)room)) {
            int e;
            gzerror(in->gz, &e);
            if (e != Z_OK && e != Z_BUF_ERROR)
                return -1;
            break;
        }
        size_t n = strlen(at);
        in->line.len += n, in->done += n;
        if (n && at[n - 1] == '\n')
            break;
    }
    if (in->line.len)
        in->lineno++;
    return in->line.len ? 1 : 0;
}

static ta_status open_in(line_in *in, const char *path, size_t limit, ta_error *err)
{
    in->path = path, in->limit = limit;
    if (!(in->gz = gzopen(path, "rb")))
        return ta_fail(err, TA_EIO, "%s: cannot read: %s", path, strerror(errno));
    return TA_OK;
}

static ta_status read_head(ta_stream_reader *r, ta_error *err);

ta_status ta_stream_reader_open(const char *path, const char *path2, ta_stream_format fmt,
                                size_t limit, size_t limit2, ta_stream_reader **out,
                                ta_error *err)
{
    ta_stream_reader *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    r->fmt = fmt;
    ta_status s = open_in(&r->in[0], path, limit, err);
    if (s == TA_OK && fmt == TA_STREAM_MOSES)
        s = path2 ? open_in(&r->in[1], path2, limit2, err)
                  : ta_fail(err, TA_EINVAL, "moses: give the Russian file too");
    if (s == TA_OK && fmt == TA_STREAM_TMX)
        s = read_head(r, err);
    if (s != TA_OK) {
        ta_stream_reader_free(r);
        return s;
    }
    *out = r;
    return TA_OK;
}

void ta_stream_reader_free(ta_stream_reader *r)
{
    if (!r)
        return;
    for (int k = 0; k < 2; k++) {
        if (r->in[k].gz)
            gzclose(r->in[k].gz);
        ta_buf_release(&r->in[k].line);
        free(r->vals[k]);
    }
    ta_buf_release(&r->rec), ta_buf_release(&r->en), ta_buf_release(&r->ru);
    ta_buf_release(&r->head);
    free(r);
}

const char *ta_stream_reader_header(const ta_stream_reader *r, size_t *len)
{
    *len = r->head.len;
    return r->head.data ? r->head.data : "";
}

static ta_status bad(ta_error *err, const line_in *in, const char *what)
{
    return ta_fail(err, TA_EFORMAT, "%s:%d: %s", in->path, in->lineno, what);
}

/* XML text with the five entities the writer uses decoded */
static int unescape_xml(ta_buf *out, const char *s, size_t n)
{
    static const struct { const char *ent; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    out->len = 0;
    if (ta_buf_grow(out, n + 1))
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '&')
            for (size_t k = 0; k < sizeof ents / sizeof *ents; k++) {
                size_t el = strlen(ents[k].ent);
                if (n - i >= el && !memcmp(s + i, ents[k].ent, el)) {
                    c = ents[k].c, i += el - 1;
                    break;
                }
            }
        out->data[out->len++] = c;
    }
    out->data[out->len] = 0;
    return 0;
}

/* the text between the k-th (0-based) <seg> and its </seg> */
static int seg(const ta_buf *rec, int k, ta_buf *out)
{
    const char *p = rec->data, *end = rec->data + rec->len;
    for (int i = 0; p && i <= k; i++) {
        p = memmem(p, (size_t)(end - p), "<seg>", 5);
        if (p)
            p += 5;
    }
    const char *q = p ? memmem(p, (size_t)(end - p), "</seg>", 6) : NULL;
    return q ? unescape_xml(out, p, (size_t)(q - p)) : -2;
}

/* TMX: the header, up to and including the <body> line, into r->head */
static ta_status read_head(ta_stream_reader *r, ta_error *err)
{
    line_in *in = &r->in[0];
    int got;
    while ((got = next_line(in)) > 0) {
        if (ta_buf_add(&r->head, in->line.data, in->line.len))
            return ta_fail(err, TA_ENOMEM, "out of memory");
        if (!strncmp(in->line.data, "  <body>", 8))
            return TA_OK;
    }
    return bad(err, in, got < 0 ? "read error" : "no <body>: not a talign corpus TMX file");
}

static ta_status next_tmx(ta_stream_reader *r, bool *end, ta_error *err)
{
    line_in *in = &r->in[0];
    int got;
    r->rec.len = 0;
    while ((got = next_line(in)) > 0) {
        const char *l = in->line.data;
        if (!r->rec.len && !strncmp(l, "  </body>", 9)) {
            while ((got = next_line(in)) > 0) /* </tmx> */
                ;
            *end = true;
            return got < 0 ? bad(err, in, "read error") : TA_OK;
        }
        if (!r->rec.len && strncmp(l, "    <tu", 7))
            return bad(err, in, "expected a <tu> element");
        if (ta_buf_add(&r->rec, l, in->line.len))
            return ta_fail(err, TA_ENOMEM, "out of memory");
        if (!strncmp(l, "    </tu>", 9))
            break;
    }
    if (got < 0)
        return bad(err, in, "read error");
    if (got == 0 && !r->rec.len && in->limit) { /* a checkpoint's bytes end between units */
        *end = true;
        return TA_OK;
    }
    if (got == 0)
        return bad(err, in, "the file ends inside the body (no </body>)");
    int a = seg(&r->rec, 0, &r->en), b = a ? a : seg(&r->rec, 1, &r->ru);
    if (a == -1 || b == -1)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    return a || b ? bad(err, in, "a <tu> without two <seg>") : TA_OK;
}

static int copy(ta_buf *b, const char *s, size_t n)
{
    b->len = 0;
    return ta_buf_grow(b, n + 1) ? -1 : (memcpy(b->data, s, n), b->data[n] = 0, b->len = n, 0);
}

ta_status ta_stream_reader_next(ta_stream_reader *r, const char **rec, size_t *rec_len,
                                const char **rec2, size_t *rec2_len, const char **en,
                                size_t *en_len, const char **ru, size_t *ru_len, bool *end,
                                ta_error *err)
{
    *end = false;
    *rec2 = NULL, *rec2_len = 0;
    ta_status s = TA_OK;
    line_in *in = &r->in[0];
    if (r->fmt == TA_STREAM_TMX) {
        if ((s = next_tmx(r, end, err)) != TA_OK || *end)
            return s;
    } else {
        int got = next_line(in);
        if (got < 0)
            return bad(err, in, "read error");
        if (got == 0) {
            if (r->fmt == TA_STREAM_MOSES && next_line(&r->in[1]) != 0)
                return bad(err, &r->in[1], "more lines than the English file");
            *end = true;
            return TA_OK;
        }
        if (in->line.data[in->line.len - 1] != '\n')
            return bad(err, in, "the last line is incomplete");
        if (copy(&r->rec, in->line.data, in->line.len))
            return ta_fail(err, TA_ENOMEM, "out of memory");
        const char *l = r->rec.data;
        size_t n = r->rec.len - 1;
        if (r->fmt == TA_STREAM_TSV) {
            const char *t1 = memchr(l, '\t', n), *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - l)) : NULL;
            const char *t3 = t2 ? memchr(t2 + 1, '\t', n - (size_t)(t2 + 1 - l)) : NULL;
            if (!t3)
                return bad(err, in, "expected DOC<TAB>EN<TAB>RU<TAB>SCORE<TAB>TYPE");
            if (copy(&r->en, t1 + 1, (size_t)(t2 - t1 - 1)) || copy(&r->ru, t2 + 1, (size_t)(t3 - t2 - 1)))
                return ta_fail(err, TA_ENOMEM, "out of memory");
        } else if (r->fmt == TA_STREAM_JSONL) {
            static const char *const keys[] = {"en", "ru"};
            for (int k = 0; k < 2; k++)
                free(r->vals[k]), r->vals[k] = NULL;
            if ((s = ta_json_strings(l, n, keys, 2, r->vals, err)) != TA_OK)
                return s == TA_EFORMAT ? bad(err, in, "not a JSON object") : s;
            if (!r->vals[0] || !r->vals[1])
                return bad(err, in, "a record without \"en\" and \"ru\"");
            if (copy(&r->en, r->vals[0], strlen(r->vals[0])) ||
                copy(&r->ru, r->vals[1], strlen(r->vals[1])))
                return ta_fail(err, TA_ENOMEM, "out of memory");
        } else {
            line_in *in2 = &r->in[1];
            int got2 = next_line(in2);
            if (got2 <= 0 || in2->line.data[in2->line.len - 1] != '\n')
                return bad(err, in2, got2 < 0 ? "read error" : "fewer lines than the English file");
            if (copy(&r->en, l, n) || copy(&r->ru, in2->line.data, in2->line.len - 1))
                return ta_fail(err, TA_ENOMEM, "out of memory");
            *rec2 = in2->line.data, *rec2_len = in2->line.len;
        }
    }
    *rec = r->rec.data, *rec_len = r->rec.len;
    *en = r->en.data ? r->en.data : "", *en_len = r->en.len;
    *ru = r->ru.data ? r->ru.data : "", *ru_len = r->ru.len;
    return TA_OK;
}
