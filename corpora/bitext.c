/* bitext.c — an existing bilingual file as one aligned document: talign's TSV and JSONL (a
 * small JSON reader for exactly what talign writes) and TMX from any tool (libxml2's
 * streaming reader). Sentences go into one arena; beads and their source lines alongside. */
#include "internal.h"
#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#define NO_SCORE 1.0       /* the score of a bead whose file gives none: a translator's pair */
#define JSON_MAX_DEPTH 64  /* nesting allowed in the values of keys we skip */
#define LANG_MAX 16        /* longest primary language subtag we compare */
#define LANGS_SEEN_MAX 120 /* how much of the list of languages seen goes into a message */

typedef struct {
    size_t off, len; /* in the arena */
} sent;

struct ta_bitext {
    ta_buf text;              /* every sentence, each NUL-terminated */
    ta_vec sent[2];           /* sent: English, Russian */
    ta_vec beads;             /* ta_bead */
    ta_vec lines;             /* size_t: the line or unit of each bead */
    const char **str[2];      /* built once loaded */
    size_t *len[2];
    char *src, *tgt, *title;
};

typedef struct {
    ta_bitext *b;
    const char *name; /* the file, for messages */
    ta_error *err;    /* never NULL */
    ta_status st;     /* the first failure */
    ta_buf tmp;       /* scratch for NFC */
} loader;

/* Records a failure (message prefixed by the caller with "FILE:LINE: "); returns -1. */
static int lfail(loader *L, ta_status s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int lfail(loader *L, ta_status s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err->message, sizeof L->err->message, fmt, ap);
    va_end(ap);
    L->err->has_offset = false;
    L->st = s;
    return -1;
}

/* ---- building the document ------------------------------------------------------------ */

static bool ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Appends a sentence (NFC unless `nfc_done`) to one side; 0, or -1 with err filled. */
static int add_sentence(loader *L, int side, const char *s, size_t n, bool nfc_done)
{
    if (!nfc_done && !ascii(s, n)) {
        L->tmp.len = 0;
        ta_status st = ta_buf_add(&L->tmp, s, n) ? TA_ENOMEM : ta_nfc_buf(&L->tmp, L->err);
        if (st != TA_OK)
            return lfail(L, st, "%s: cannot normalise a sentence to NFC: %s", L->name,
                         ta_strerror(st));
        s = L->tmp.data, n = L->tmp.len;
    }
    sent *x = ta_vec_push(&L->b->sent[side]);
    if (!x || ta_buf_grow(&L->b->text, n + 1))
        return lfail(L, TA_ENOMEM, "%s: out of memory", L->name);
    x->off = L->b->text.len, x->len = n;
    ta_buf_add(&L->b->text, s, n);
    ta_buf_addc(&L->b->text, 0);
    return 0;
}

/* The bead of the sentences added since the previous bead; skipped when empty. */
static int add_bead(loader *L, double score, size_t line)
{
    ta_bitext *b = L->b;
    const ta_bead *last = b->beads.len ? (const ta_bead *)b->beads.data + b->beads.len - 1 : NULL;
    size_t e0 = last ? last->en1 : 0, r0 = last ? last->ru1 : 0;
    if (e0 == b->sent[0].len && r0 == b->sent[1].len)
        return 0;
    ta_bead *d = ta_vec_push(&b->beads);
    size_t *l = d ? ta_vec_push(&b->lines) : NULL;
    if (!l)
        return lfail(L, TA_ENOMEM, "%s: out of memory", L->name);
    *d = (ta_bead){e0, b->sent[0].len, r0, b->sent[1].len, score};
    *l = line;
    return 0;
}

static int finish(loader *L)
{
    ta_bitext *b = L->b;
    for (int side = 0; side < 2; side++) {
        size_t n = b->sent[side].len;
        b->str[side] = malloc((n ? n : 1) * sizeof *b->str[side]);
        b->len[side] = malloc((n ? n : 1) * sizeof *b->len[side]);
        if (!b->str[side] || !b->len[side])
            return lfail(L, TA_ENOMEM, "%s: out of memory", L->name);
        const sent *s = b->sent[side].data;
        for (size_t i = 0; i < n; i++)
            b->str[side][i] = b->text.data + s[i].off, b->len[side][i] = s[i].len;
    }
    return 0;
}

static size_t trim(const char *s, size_t n, size_t *start)
{
    size_t a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
        a++;
    while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    *start = a;
    return n - a;
}

/* ---- TSV ---------------------------------------------------------------------------------- */

static int tsv_line(loader *L, const char *p, size_t n, size_t line)
{
    const char *f[4];
    size_t fl[4], nf = 0;
    for (size_t a = 0, i = 0; i <= n; i++)
        if (i == n || p[i] == '\t') {
            if (nf == 4)
                return lfail(L, TA_EFORMAT, "%s:%zu: more than 4 tab-separated fields; a "
                               "TSV line is EN<TAB>RU[<TAB>SCORE<TAB>TYPE]", L->name, line);
            f[nf] = p + a, fl[nf++] = i - a, a = i + 1;
        }
    if (nf < 2)
        return lfail(L, TA_EFORMAT, "%s:%zu: no tab; a TSV line is "
                       "EN<TAB>RU[<TAB>SCORE<TAB>TYPE]", L->name, line);
    double score = NO_SCORE;
    size_t a, len;
    if (nf > 2 && (len = trim(f[2], fl[2], &a)) > 0) {
        char num[32], *end;
        if (len >= sizeof num)
            len = sizeof num - 1;
        memcpy(num, f[2] + a, len), num[len] = 0;
        score = strtod(num, &end);
        if (*end || len < fl[2] - a)
            return lfail(L, TA_EFORMAT, "%s:%zu: the score (third field) is not a number",
                           L->name, line);
    }
    for (int side = 0; side < 2; side++)
        if ((len = trim(f[side], fl[side], &a)) > 0 && add_sentence(L, side, f[side] + a, len, true))
            return -1;
    return add_bead(L, score, line);
}

static int parse_tsv(loader *L, const char *s, size_t n)
{
    size_t line = 0;
    for (size_t i = 0; i < n;) {
        const char *e = memchr(s + i, '\n', n - i);
        size_t len = e ? (size_t)(e - (s + i)) : n - i, a;
        line++;
        if (trim(s + i, len, &a) > 0 && tsv_line(L, s + i, len, line))
            return -1;
        i += len + 1;
    }
    return 0;
}

/* ---- JSONL: a JSON reader for what talign writes ----------------------------------------- */

typedef struct {
    const char *s;
    size_t i, n;
    const char *why; /* what went wrong */
} json;

static void jws(json *j)
{
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\r'))
        j->i++;
}

static int jfail(json *j, const char *why)
{
    if (!j->why)
        j->why = why;
    return -1;
}

static int jeat(json *j, char c)
{
    jws(j);
    if (j->i < j->n && j->s[j->i] == c)
        return j->i++, 0;
    static const char *const want[] = {"expected ':'", "expected '['", "expected '{'",
                                       "expected '\"'"};
    return jfail(j, want[c == ':' ? 0 : c == '[' ? 1 : c == '{' ? 2 : 3]);
}

static int jhex4(json *j, uint32_t *u)
{
    if (j->n - j->i < 4)
        return jfail(j, "\\u needs four hex digits");
    *u = 0;
    for (int k = 0; k < 4; k++) {
        char c = j->s[j->i++];
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
        if (d < 0)
            return jfail(j, "\\u needs four hex digits");
        *u = *u << 4 | (uint32_t)d;
    }
    return 0;
}

static int jescape(json *j, ta_buf *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (j->i >= j->n)
        return jfail(j, "unterminated string");
    char c = j->s[j->i++];
    const char *k = c ? strchr(from, c) : NULL;
    if (k && c != 'u')
        return out ? ta_buf_addc(out, to[k - from]) : 0;
    if (c != 'u')
        return jfail(j, "unknown escape in a string");
    uint32_t u, lo;
    if (jhex4(j, &u))
        return -1;
    if (u >= 0xDC00 && u <= 0xDFFF)
        return jfail(j, "a lone low surrogate (\\uDC00-\\uDFFF)");
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (j->n - j->i < 2 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u')
            return jfail(j, "a high surrogate without its low surrogate");
        j->i += 2;
        if (jhex4(j, &lo))
            return -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return jfail(j, "a high surrogate without its low surrogate");
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (u == 0)
        return jfail(j, "a NUL character (\\u0000) in a string");
    char enc[4];
    return out ? ta_buf_add(out, enc, (size_t)ta_u8_encode(u, enc)) : 0;
}

/* A string into `out` (NULL: skipped). */
static int jstring(json *j, ta_buf *out)
{
    if (jeat(j, '"'))
        return -1;
    while (j->i < j->n) {
        size_t a = j->i;
        while (j->i < j->n && j->s[j->i] != '"' && j->s[j->i] != '\\' &&
               (unsigned char)j->s[j->i] >= 0x20)
            j->i++;
        if (out && ta_buf_add(out, j->s + a, j->i - a))
            return jfail(j, "out of memory");
        if (j->i == j->n)
            break;
        char c = j->s[j->i++];
        if (c == '"')
            return 0;
        if ((unsigned char)c < 0x20)
            return jfail(j, "a control character inside a string (write it as \\n, \\t ...)");
        if (jescape(j, out))
            return j->why ? -1 : jfail(j, "out of memory");
    }
    return jfail(j, "unterminated string");
}

static int jnumber(json *j, double *v)
{
    jws(j);
    size_t a = j->i;
    while (j->i < j->n && j->s[j->i] && strchr("+-0123456789.eE", j->s[j->i]))
        j->i++;
    char num[64], *end;
    size_t len = j->i - a;
    if (len == 0 || len >= sizeof num)
        return jfail(j, "expected a number");
    memcpy(num, j->s + a, len), num[len] = 0;
    *v = strtod(num, &end);
    return *end ? jfail(j, "expected a number") : 0;
}

static int jliteral(json *j)
{
    static const char *const lit[] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(lit[k]);
        if (j->n - j->i >= n && !memcmp(j->s + j->i, lit[k], n))
            return j->i += n, 0;
    }
    return jfail(j, "expected a value");
}

/* ',' and true, or the closing bracket and false; -1 on anything else. */
static int jnext(json *j, char close)
{
    jws(j);
    if (j->i < j->n && j->s[j->i] == ',')
        return j->i++, 1;
    if (j->i < j->n && j->s[j->i] == close)
        return j->i++, 0;
    return jfail(j, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
}

static bool jempty(json *j, char close)
{
    jws(j);
    return j->i < j->n && j->s[j->i] == close ? (j->i++, true) : false;
}

static int jskip(json *j, int depth)
{
    jws(j);
    if (depth > JSON_MAX_DEPTH)
        return jfail(j, "nested too deeply");
    char c = j->i < j->n ? j->s[j->i] : 0;
    if (c == '"')
        return jstring(j, NULL);
    if (c == '[' || c == '{') {
        char close = c == '[' ? ']' : '}';
        j->i++;
        if (jempty(j, close))
            return 0;
        for (int r;;) {
            if (c == '{' && (jstring(j, NULL) || jeat(j, ':')))
                return -1;
            if (jskip(j, depth + 1) || (r = jnext(j, close)) < 0)
                return -1;
            if (!r)
                return 0;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        double v;
        return jnumber(j, &v);
    }
    return jliteral(j);
}

typedef struct {
    ta_vec ids[2];  /* long: en_ids, ru_ids */
    bool has_ids[2], has_text[2];
    size_t count[2]; /* sentences added by this object */
    double score;
} jbead;

static int jids(json *j, ta_vec *ids)
{
    if (jeat(j, '[') )
        return -1;
    if (jempty(j, ']'))
        return 0;
    for (int r = 1; r > 0;) {
        double v;
        if (jnumber(j, &v))
            return -1;
        if (v < 0 || v != (double)(long)v || v > (double)INT32_MAX)
            return jfail(j, "a sentence id is not a whole number >= 0");
        long *x = ta_vec_push(ids);
        if (!x)
            return jfail(j, "out of memory");
        *x = (long)v;
        if ((r = jnext(j, ']')) < 0)
            return -1;
    }
    return 0;
}

static int jtext_one(json *j, loader *L, jbead *o, int side)
{
    ta_buf s = {0};
    size_t a = 0, len = 0;
    int r = jstring(j, &s);
    if (!r && s.len)
        len = trim(s.data, s.len, &a);
    if (!r && len)
        r = add_sentence(L, side, s.data + a, len, false);
    o->count[side] += !r && len;
    ta_buf_release(&s);
    return r;
}

/* "en" / "ru": an array of strings or one string. */
static int jtexts(json *j, loader *L, jbead *o, int side)
{
    jws(j);
    if (j->i < j->n && j->s[j->i] == '"')
        return jtext_one(j, L, o, side);
    if (jeat(j, '['))
        return -1;
    if (jempty(j, ']'))
        return 0;
    for (int r = 1; r > 0;)
        if (jtext_one(j, L, o, side) || (r = jnext(j, ']')) < 0)
            return -1;
    return 0;
}

static int jmember(json *j, loader *L, jbead *o)
{
    ta_buf key = {0};
    if (jstring(j, &key) || jeat(j, ':'))
        return ta_buf_release(&key), -1;
    const char *k = key.data ? key.data : "";
    int side = !strcmp(k, "en") || !strcmp(k, "en_ids") ? 0 : !strcmp(k, "ru") || !strcmp(k, "ru_ids") ? 1 : -1;
    bool ids = side >= 0 && strchr(k, '_');
    int r;
    if (side < 0)
        r = !strcmp(k, "score") ? jnumber(j, &o->score) : jskip(j, 0);
    else if (ids ? o->has_ids[side] : o->has_text[side])
        r = jfail(j, "a key given twice");
    else if (ids)
        o->has_ids[side] = true, r = jids(j, &o->ids[side]);
    else
        o->has_text[side] = true, r = jtexts(j, L, o, side);
    ta_buf_release(&key);
    return r;
}

/* The object's ids must be those of the sentences it added: the next ids of each side. */
static int jcheck_ids(loader *L, const jbead *o, size_t line)
{
    static const char *const nm[] = {"en", "ru"};
    for (int side = 0; side < 2; side++) {
        if (!o->has_ids[side])
            continue;
        const long *id = o->ids[side].data;
        size_t first = L->b->sent[side].len - o->count[side];
        if (o->ids[side].len != o->count[side])
            return lfail(L, TA_EFORMAT, "%s:%zu: %zu %s_ids for %zu %s sentences", L->name,
                           line, o->ids[side].len, nm[side], o->count[side], nm[side]);
        for (size_t k = 0; k < o->count[side]; k++)
            if ((size_t)id[k] != first + k)
                return lfail(L, TA_EFORMAT, "%s:%zu: %s_ids do not continue the previous "
                               "lines' (id %ld where %zu comes next); drop the ids to number the "
                               "sentences anew", L->name, line, nm[side], id[k], first + k);
    }
    return 0;
}

static int jobject(loader *L, const char *s, size_t n, size_t line)
{
    json j = {s, 0, n, NULL};
    jbead o = {.ids = {{.esz = sizeof(long)}, {.esz = sizeof(long)}}, .score = NO_SCORE};
    int r = jeat(&j, '{');
    if (!r && !jempty(&j, '}'))
        for (int more = 1; !r && more > 0;)
            if ((r = jmember(&j, L, &o)) == 0 && (more = jnext(&j, '}')) < 0)
                r = -1;
    if (!r && (jws(&j), j.i < j.n))
        r = jfail(&j, "text after the object");
    if (r && j.why)
        lfail(L, strcmp(j.why, "out of memory") ? TA_EFORMAT : TA_ENOMEM,
              "%s:%zu: malformed JSON at column %zu: %s", L->name, line,
                ta_u8_count(s, j.i < n ? j.i : n) + 1, j.why);
    else if (!r && !o.has_text[0] && !o.has_text[1])
        r = lfail(L, TA_EFORMAT, "%s:%zu: an object without \"en\" or \"ru\"", L->name,
                    line);
    if (!r)
        r = jcheck_ids(L, &o, line) ? -1 : add_bead(L, o.score, line);
    ta_vec_release(&o.ids[0]);
    ta_vec_release(&o.ids[1]);
    return r;
}

static int parse_jsonl(loader *L, const char *s, size_t n)
{
    size_t line = 0;
    for (size_t i = 0; i < n;) {
        const char *e = memchr(s + i, '\n', n - i);
        size_t len = e ? (size_t)(e - (s + i)) : n - i, a;
        line++;
        if (trim(s + i, len, &a) > 0 && jobject(L, s + i + a, len - a, line))
            return -1;
        i += len + 1;
    }
    return 0;
}

/* ---- TMX ---------------------------------------------------------------------------------- */

typedef struct {
    loader *L;
    xmlTextReaderPtr r;
    char lang[2][LANG_MAX];     /* the primary subtags wanted */
    int side;                   /* the side of the <tuv> being read; -1: another language */
    bool in_seg, after_code;    /* inside <seg>; a native code was just dropped */
    int skip_depth;             /* depth of the code element whose content is dropped, or -1 */
    ta_buf seg[2];              /* the unit's segments */
    bool has[2];
    double score;
    size_t unit, tuvs[2];       /* units seen; <tuv> seen in each language */
    ta_buf langs;               /* other languages seen, for the message */
    char xml_err[200];          /* the first error libxml2 reported */
    int xml_line;
} tmx;

#if LIBXML_VERSION >= 21200
static void tmx_error(void *ctx, const xmlError *e)
#else
static void tmx_error(void *ctx, xmlErrorPtr e)
#endif
{
    tmx *t = ctx;
    if (t->xml_err[0] || !e || e->level < XML_ERR_ERROR)
        return;
    snprintf(t->xml_err, sizeof t->xml_err, "%s", e->message ? e->message : "error");
    size_t n = strlen(t->xml_err);
    while (n && (t->xml_err[n - 1] == '\n' || t->xml_err[n - 1] == ' '))
        t->xml_err[--n] = 0;
    t->xml_line = e->line;
}

static void primary(const char *tag, char out[LANG_MAX])
{
    size_t k = 0;
    for (; tag && tag[k] && tag[k] != '-' && tag[k] != '_' && k + 1 < LANG_MAX; k++)
        out[k] = (char)(tag[k] | (tag[k] >= 'A' && tag[k] <= 'Z' ? 32 : 0));
    out[k] = 0;
}

static int tmx_lang_side(tmx *t)
{
    xmlChar *v = xmlTextReaderGetAttribute(t->r, BAD_CAST "xml:lang");
    if (!v)
        v = xmlTextReaderGetAttribute(t->r, BAD_CAST "lang");
    char p[LANG_MAX];
    primary((const char *)v, p);
    int side = !strcmp(p, t->lang[0]) ? 0 : !strcmp(p, t->lang[1]) ? 1 : -1;
    if (side < 0 && v && t->langs.len < LANGS_SEEN_MAX && !strstr(t->langs.data ? t->langs.data : "", (char *)v)) {
        if (t->langs.len)
            ta_buf_add(&t->langs, ", ", 2);
        ta_buf_add(&t->langs, (char *)v, strlen((char *)v));
    }
    xmlFree(v);
    if (side >= 0)
        t->tuvs[side]++;
    return side >= 0 && !t->has[side] ? side : -1;
}

static bool is_code(const char *name)
{
    static const char *const codes[] = {"bpt", "ept", "ph", "it", "ut", "sub"};
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
        if (!strcmp(name, codes[k]))
            return true;
    return false;
}

static void tmx_score(tmx *t)
{
    xmlChar *type = xmlTextReaderGetAttribute(t->r, BAD_CAST "type");
    if (type && !strcmp((char *)type, "x-score")) {
        xmlChar *v = xmlTextReaderReadString(t->r);
        char *end;
        double s = v ? strtod((char *)v, &end) : 0;
        if (v && end != (char *)v)
            t->score = s;
        xmlFree(v);
    }
    xmlFree(type);
}

/* The segment's text: runs of white space holding a line break or tab become one space,
 * the ends are trimmed. Stored as the unit's side when not empty. */
static int tmx_seg_end(tmx *t)
{
    ta_buf *s = &t->seg[t->side];
    size_t w = 0;
    for (size_t i = 0; i < s->len;) {
        size_t a = i;
        bool layout = false;
        while (i < s->len && (s->data[i] == ' ' || s->data[i] == '\t' || s->data[i] == '\n' ||
                              s->data[i] == '\r'))
            layout |= s->data[i++] != ' ';
        if (i > a) {
            size_t keep = layout ? 1 : i - a;
            if (w == 0 || i == s->len)
                keep = 0;
            memset(s->data + w, ' ', keep);
            w += keep;
            continue;
        }
        s->data[w++] = s->data[i++];
    }
    s->len = w;
    t->has[t->side] = w > 0;
    t->in_seg = false;
    return 0;
}

static int tmx_unit_end(tmx *t)
{
    loader *L = t->L;
    for (int side = 0; side < 2; side++)
        if (t->has[side] && add_sentence(L, side, t->seg[side].data, t->seg[side].len, false))
            return -1;
    return add_bead(L, t->score, t->unit);
}

static int tmx_element(tmx *t, const char *name, bool empty, int depth)
{
    if (t->skip_depth >= 0)
        return 0;
    if (t->in_seg) {
        if (is_code(name)) {
            t->after_code = true;
            if (!empty)
                t->skip_depth = depth;
        }
        return 0;
    }
    if (!strcmp(name, "tu")) {
        t->unit++;
        t->has[0] = t->has[1] = false;
        t->score = NO_SCORE;
        t->side = -1;
        return empty ? tmx_unit_end(t) : 0;
    }
    if (!strcmp(name, "tuv"))
        t->side = tmx_lang_side(t);
    else if (!strcmp(name, "prop"))
        tmx_score(t);
    else if (!strcmp(name, "seg") && t->side >= 0 && !empty) {
        t->in_seg = true;
        t->after_code = false;
        t->seg[t->side].len = 0;
    }
    return 0;
}

static int tmx_text(tmx *t)
{
    if (!t->in_seg || t->skip_depth >= 0)
        return 0;
    const char *v = (const char *)xmlTextReaderConstValue(t->r);
    size_t n = v ? strlen(v) : 0;
    ta_buf *s = &t->seg[t->side];
    if (t->after_code && s->len && s->data[s->len - 1] == ' ')
        while (n && *v == ' ')
            v++, n--;
    t->after_code = false;
    return ta_buf_add(s, v, n) ? lfail(t->L, TA_ENOMEM, "%s: out of memory", t->L->name) : 0;
}

static int tmx_end(tmx *t, const char *name, int depth)
{
    if (t->skip_depth >= 0) {
        if (depth == t->skip_depth)
            t->skip_depth = -1;
        return 0;
    }
    if (t->in_seg && !strcmp(name, "seg"))
        return tmx_seg_end(t);
    if (!strcmp(name, "tuv"))
        t->side = -1;
    else if (!strcmp(name, "tu"))
        return tmx_unit_end(t);
    return 0;
}

static int tmx_node(tmx *t, bool *root_seen)
{
    int type = xmlTextReaderNodeType(t->r), depth = xmlTextReaderDepth(t->r);
    const char *name = (const char *)xmlTextReaderConstLocalName(t->r);
    name = name ? name : "";
    switch (type) {
    case XML_READER_TYPE_ELEMENT:
        if (!*root_seen && strcmp(name, "tmx"))
            return lfail(t->L, TA_EFORMAT, "%s:%d: not a TMX file: the root element is "
                           "<%.40s>", t->L->name, xmlTextReaderGetParserLineNumber(t->r), name);
        *root_seen = true;
        return tmx_element(t, name, xmlTextReaderIsEmptyElement(t->r) == 1, depth);
    case XML_READER_TYPE_END_ELEMENT: return tmx_end(t, name, depth);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: return tmx_text(t);
    default: return 0;
    }
}

static void tmx_release(tmx *t)
{
    if (t->r)
        xmlFreeTextReader(t->r);
    ta_buf_release(&t->seg[0]);
    ta_buf_release(&t->seg[1]);
    ta_buf_release(&t->langs);
}

static int tmx_languages(tmx *t)
{
    static const char *const nm[] = {"source", "target"};
    for (int side = 0; side < 2; side++)
        if (t->unit && !t->tuvs[side])
            return lfail(t->L, TA_EFORMAT, "%s: no <tuv> in the %s language '%s' among %zu "
                           "units (other languages: %s)", t->L->name, nm[side], t->lang[side],
                           t->unit, t->langs.len ? t->langs.data : "none");
    return 0;
}

static int parse_tmx(loader *L, const char *s, size_t n, const char *src, const char *tgt)
{
    tmx t = {.L = L, .side = -1, .skip_depth = -1};
    primary(src, t.lang[0]);
    primary(tgt, t.lang[1]);
    if (n > INT32_MAX)
        return lfail(L, TA_EINVAL, "%s: a TMX file over 2 GB", L->name);
    t.r = xmlReaderForMemory(s, (int)n, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!t.r)
        return lfail(L, TA_ENOMEM, "%s: cannot start the XML reader", L->name);
    xmlTextReaderSetStructuredErrorHandler(t.r, tmx_error, &t);
    bool root = false;
    int r, bad = 0;
    while (!bad && (r = xmlTextReaderRead(t.r)) == 1)
        bad = tmx_node(&t, &root);
    if (!bad && (r < 0 || t.xml_err[0]))
        bad = lfail(L, TA_EFORMAT, "%s:%d: not well-formed XML: %s", L->name,
                      t.xml_line ? t.xml_line : xmlTextReaderGetParserLineNumber(t.r),
                      t.xml_err[0] ? t.xml_err : "parse error");
    if (!bad && !root)
        bad = lfail(L, TA_EFORMAT, "%s: not a TMX file: no root element", L->name);
    if (!bad)
        bad = tmx_languages(&t);
    tmx_release(&t);
    return bad;
}

/* ---- loading --------------------------------------------------------------------------------- */

static ta_status read_all(const char *path, const char *name, ta_buf *b, ta_error *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return ta_fail(err, TA_EIO, "%s: cannot open: %s", name, strerror(errno));
    char tmp[1 << 16];
    size_t n;
    int oom = 0;
    while (!oom && (n = fread(tmp, 1, sizeof tmp, f)) > 0)
        oom = ta_buf_add(b, tmp, n);
    int bad = ferror(f), e = errno;
    if (f != stdin)
        fclose(f);
    if (oom)
        return ta_fail(err, TA_ENOMEM, "%s: out of memory while reading", name);
    if (bad)
        return ta_fail(err, TA_EIO, "%s: read error: %s", name, strerror(e));
    return TA_OK;
}

static bool utf16_bom(const unsigned char *s, size_t n)
{
    return n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
}

static ta_bitext_format sniff(const unsigned char *s, size_t n)
{
    size_t i = 0, step = 1;
    if (utf16_bom(s, n))
        i = 2, step = 2; /* the ASCII byte of each code unit */
    else if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    size_t lo = step == 2 && s[0] == 0xFE ? 1 : 0; /* big-endian: the low byte comes second */
    for (; i + lo < n; i += step) {
        unsigned char c = s[i + lo];
        if (c == '<')
            return TA_BITEXT_TMX;
        if (c == '{')
            return TA_BITEXT_JSONL;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
    }
    return TA_BITEXT_TSV;
}

/* TSV and JSONL text: UTF-8 (or UTF-16 with a BOM), CRLF made LF, NFC. */
static ta_status decode_text(loader *L, const ta_buf *raw, ta_text **t)
{
    const unsigned char *s = (const unsigned char *)(raw->data ? raw->data : "");
    bool wide = utf16_bom(s, raw->len);
    ta_error e = {0};
    ta_status st = ta_text_decode((const char *)s, raw->len, wide ? "UTF-16" : "UTF-8", t, &e);
    if (st == TA_EDECODE && e.has_offset && !wide) {
        size_t line = 1;
        for (size_t i = 0; i < e.offset; i++)
            line += s[i] == '\n';
        lfail(L, st, "%s:%zu: not UTF-8: byte 0x%02X at offset %zu (convert the file with "
              "iconv -t UTF-8)", L->name, line, s[e.offset], e.offset);
    } else if (st != TA_OK)
        lfail(L, st, "%s: %s", L->name, e.message);
    L->err->has_offset = e.has_offset, L->err->offset = e.offset;
    return st;
}

static ta_status parse(loader *L, const ta_buf *raw, ta_bitext_format fmt, const char *src,
                       const char *tgt)
{
    if (fmt == TA_BITEXT_AUTO)
        fmt = sniff((const unsigned char *)raw->data, raw->len);
    if (fmt == TA_BITEXT_TMX)
        return parse_tmx(L, raw->data ? raw->data : "", raw->len, src, tgt) ? L->st : TA_OK;
    ta_text *t = NULL;
    ta_status st = decode_text(L, raw, &t);
    if (st != TA_OK)
        return st;
    size_t n;
    const char *s = ta_text_data(t, &n);
    size_t bom = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
    int r = fmt == TA_BITEXT_JSONL ? parse_jsonl(L, s + bom, n - bom) : parse_tsv(L, s + bom, n - bom);
    ta_text_free(t);
    return r ? L->st : TA_OK;
}

ta_status ta_bitext_load(const char *path, ta_bitext_format fmt, const char *src_lang,
                         const char *tgt_lang, ta_bitext **out, ta_error *err)
{
    *out = NULL;
    src_lang = src_lang ? src_lang : "en";
    tgt_lang = tgt_lang ? tgt_lang : "ru";
    if (!path || fmt < TA_BITEXT_AUTO || fmt > TA_BITEXT_TMX || !*src_lang || !*tgt_lang)
        return ta_fail(err, TA_EINVAL, "bitext: no path, an unknown format or an empty language");
    const char *name = strcmp(path, "-") ? path : "stdin";
    ta_bitext *b = calloc(1, sizeof *b);
    if (!b || !(b->src = strdup(src_lang)) || !(b->tgt = strdup(tgt_lang)) ||
        !(b->title = strdup(path))) {
        ta_bitext_free(b);
        return ta_fail(err, TA_ENOMEM, "%s: out of memory", name);
    }
    b->sent[0].esz = b->sent[1].esz = sizeof(sent);
    b->beads.esz = sizeof(ta_bead);
    b->lines.esz = sizeof(size_t);
    ta_error dummy;
    loader L = {b, name, err ? err : &dummy, TA_OK, {0}};
    ta_buf raw = {0};
    ta_status st = read_all(path, name, &raw, err);
    if (st == TA_OK)
        st = parse(&L, &raw, fmt, src_lang, tgt_lang);
    if (st == TA_OK && finish(&L))
        st = L.st;
    ta_buf_release(&raw);
    ta_buf_release(&L.tmp);
    if (st != TA_OK) {
        ta_bitext_free(b);
        return st;
    }
    *out = b;
    return TA_OK;
}

void ta_bitext_corpus(const ta_bitext *b, ta_corpus *out)
{
    *out = (ta_corpus){0};
    out->en = b->str[0], out->en_len = b->len[0], out->n_en = b->sent[0].len;
    out->ru = b->str[1], out->ru_len = b->len[1], out->n_ru = b->sent[1].len;
    out->beads = b->beads.data, out->n_beads = b->beads.len;
    out->src_lang = b->src, out->tgt_lang = b->tgt, out->title = b->title;
}

size_t ta_bitext_line(const ta_bitext *b, size_t bead)
{
    return bead < b->lines.len ? ((const size_t *)b->lines.data)[bead] : 0;
}

void ta_bitext_free(ta_bitext *b)
{
    if (!b)
        return;
    ta_buf_release(&b->text);
    for (int side = 0; side < 2; side++) {
        ta_vec_release(&b->sent[side]);
        free(b->str[side]);
        free(b->len[side]);
    }
    ta_vec_release(&b->beads);
    ta_vec_release(&b->lines);
    free(b->src);
    free(b->tgt);
    free(b->title);
    free(b);
}
