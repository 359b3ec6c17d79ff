/* segment.c — sentence segmentation: ICU's sentence break iterator proposes boundaries, the
 * project's abbreviation rules (lexicon/abbrev.LANG) veto or keep them, and TASS structure
 * (datelines, headlines, boilerplate) comes from document.c. */
#include "document.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

enum { AB_TITLE = 1, AB_NUM, AB_AMB };

struct ta_segmenter {
    ta_segment_opts opts;
    char lang[8];
    UBreakIterator *bi;
    UText *ut;
    ta_strmap abbrev;   /* lowercased abbreviation -> class | (follow-list index << 4) */
    ta_vec follow;      /* per entry: a char ** NULL-terminated list of prefixes */
    ta_boiler boiler;
    ta_buf scratch, key;
};

ta_segment_opts ta_segment_opts_default(void)
{
    ta_segment_opts o = {.lang = "en"};
    return o;
}

static void free_follow(ta_vec *f)
{
    for (size_t i = 0; i < f->len; i++) {
        char **l = ((char ***)f->data)[i];
        for (size_t k = 0; l && l[k]; k++)
            free(l[k]);
        free(l);
    }
    ta_vec_release(f);
}

/* Normalises white space runs to one space and lowercases into s->key. */
static int make_key(ta_segmenter *s, const char *p, size_t n)
{
    s->key.len = 0;
    ta_buf tmp = {0};
    if (ta_u8_lower(&tmp, p, n, false)) {
        ta_buf_release(&tmp);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < tmp.len && !rc; i++) {
        if (tmp.data[i] == ' ' || tmp.data[i] == '\t') {
            if (s->key.len && s->key.data[s->key.len - 1] != ' ')
                rc = ta_buf_addc(&s->key, ' ');
        } else
            rc = ta_buf_addc(&s->key, tmp.data[i]);
    }
    while (!rc && s->key.len && s->key.data[s->key.len - 1] == ' ')
        s->key.len--;
    ta_buf_release(&tmp);
    return rc;
}

static ta_status load_abbrev(ta_segmenter *s, ta_error *err)
{
    char name[32], *text;
    size_t len;
    snprintf(name, sizeof name, "abbrev.%s", s->lang);
    ta_status st = ta_data_read(s->opts.data_dir, name, &text, &len, err);
    if (st != TA_OK)
        return st;
    int lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == '#')
            continue;
        char *sp = line + strcspn(line, " \t");
        int cls = !strncmp(line, "title", 5) ? AB_TITLE : !strncmp(line, "num", 3) ? AB_NUM
                  : !strncmp(line, "amb", 3) ? AB_AMB : 0;
        if (!cls || !*sp) {
            free(text);
            return ta_fail(err, TA_EFORMAT,
                           "%s line %d: expected 'title|num|amb ABBREVIATION [| FOLLOWING...]'",
                           name, lineno);
        }
        char *bar = strchr(sp, '|');
        if (bar)
            *bar = 0;
        if (make_key(s, sp, strlen(sp)) || ta_strmap_put(&s->abbrev, s->key.data ? s->key.data : "",
                                                         s->key.len, cls | (int)(s->follow.len << 4)))
            goto oom;
        char ***slot = ta_vec_push(&s->follow);
        if (!slot)
            goto oom;
        if (bar) {
            size_t cnt = 0;
            char **list = calloc(strlen(bar + 1) / 2 + 2, sizeof(char *));
            if (!list)
                goto oom;
            *slot = list;
            char *save2 = NULL;
            for (char *w = strtok_r(bar + 1, " \t\r", &save2); w; w = strtok_r(NULL, " \t\r", &save2))
                if (!(list[cnt++] = strdup(w)))
                    goto oom;
        }
    }
    free(text);
    return TA_OK;
oom:
    free(text);
    return ta_fail(err, TA_ENOMEM, "out of memory");
}

ta_status ta_segmenter_new(const ta_segment_opts *opts, ta_segmenter **out, ta_error *err)
{
    *out = NULL;
    ta_segment_opts o = opts ? *opts : ta_segment_opts_default();
    if (!o.lang)
        o.lang = "en";
    if (strcmp(o.lang, "en") && strcmp(o.lang, "ru"))
        return ta_fail(err, TA_EINVAL, "unknown language '%s' (en or ru)", o.lang);
    ta_segmenter *s = calloc(1, sizeof *s);
    if (!s)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    s->opts = o;
    snprintf(s->lang, sizeof s->lang, "%s", o.lang);
    s->opts.lang = s->lang;
    s->follow.esz = sizeof(char **);
    ta_status st = TA_OK;
    if (!o.presegmented) {
        UErrorCode ec = U_ZERO_ERROR;
        s->bi = ubrk_open(UBRK_SENTENCE, s->lang, NULL, 0, &ec);
        if (U_FAILURE(ec))
            st = ta_fail(err, TA_EINVAL, "ICU sentence iterator: %s", u_errorName(ec));
        else if ((st = load_abbrev(s, err)) == TA_OK)
            st = ta_boiler_load(&s->boiler, o.data_dir, err);
    }
    s->opts.data_dir = NULL; /* not kept: the caller owns that string */
    if (st != TA_OK) {
        ta_segmenter_free(s);
        return st;
    }
    *out = s;
    return TA_OK;
}

void ta_segmenter_free(ta_segmenter *s)
{
    if (!s)
        return;
    if (s->bi)
        ubrk_close(s->bi);
    if (s->ut)
        utext_close(s->ut);
    ta_strmap_release(&s->abbrev);
    free_follow(&s->follow);
    ta_boiler_release(&s->boiler);
    ta_buf_release(&s->scratch);
    ta_buf_release(&s->key);
    free(s);
}

/* ---- boundary rules ------------------------------------------------------ */

static bool is_open_punct(uint32_t c)
{
    return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0xAB || c == 0x201C ||
           c == 0x201E || c == 0x2018 || c == '{';
}

/* Start of the white-space-delimited token that ends at `e`. */
static size_t token_start(const char *s, size_t lo, size_t e)
{
    size_t i = e;
    while (i > lo) {
        size_t q = i;
        if (ta_is_space(ta_u8_prev(s, &q)))
            break;
        i = q;
    }
    return i;
}

/* Single capitals with dots: "J.", "J.R.R.", "В.В." */
static bool is_initials(const char *s, size_t a, size_t e)
{
    size_t i = a;
    int n = 0;
    while (i < e) {
        if (!ta_is_upper(ta_u8_decode(s, e, &i)) || i >= e || s[i] != '.')
            return false;
        i++, n++;
    }
    return n > 0;
}

/* Lowercase multi-dot forms: "к.п.н.", "т.н." */
static bool is_lower_dotted(const char *s, size_t a, size_t e)
{
    size_t i = a;
    int dots = 0, letters = 0;
    while (i < e) {
        uint32_t c = ta_u8_decode(s, e, &i);
        if (c == '.') {
            if (!letters)
                return false;
            dots++, letters = 0;
        } else if (ta_is_lower(c))
            letters++;
        else
            return false;
    }
    return dots >= 2;
}

static bool follow_ok(char **list, const char *w, size_t n)
{
    for (size_t k = 0; list && list[k]; k++) {
        size_t m = strlen(list[k]);
        if (m <= n && !memcmp(list[k], w, m))
            return true;
    }
    return false;
}

/* Should the ICU boundary at `p` (text s[lo..hi), sentence starting at `sent`) be dropped? */
static bool join_here(ta_segmenter *sg, const char *s, size_t lo, size_t hi, size_t sent, size_t p)
{
    size_t e = p;
    while (e > lo) {
        size_t q = e;
        if (!ta_is_space(ta_u8_prev(s, &q)))
            break;
        e = q;
    }
    if (e == lo || s[e - 1] != '.')
        return false;
    size_t a = token_start(s, lo, e);
    for (;;) { /* strip opening quotes and brackets */
        size_t q = a;
        if (q >= e || !is_open_punct(ta_u8_decode(s, e, &q)))
            break;
        a = q;
    }
    /* the next word */
    size_t nx = p, ne;
    while (nx < hi) {
        size_t q = nx;
        if (!ta_is_space(ta_u8_decode(s, hi, &q)))
            break;
        nx = q;
    }
    if (nx >= hi)
        return false;
    ne = nx;
    while (ne < hi) {
        size_t q = ne;
        if (ta_is_space(ta_u8_decode(s, hi, &q)))
            break;
        ne = q;
    }
    size_t q = nx;
    uint32_t c = ta_u8_decode(s, hi, &q);
    while (is_open_punct(c) && q < ne)
        c = ta_u8_decode(s, hi, &q);
    bool next_upper = ta_is_upper(c), next_digit = ta_is_digit(c);
    bool next_lower = ta_is_lower(c) || c == ',' || c == ';' || c == ':' || c == '-';

    /* the abbreviation: try three, two and one tokens ("до н. э.", "т. е.", "г.") */
    size_t starts[3] = {a, 0, 0};
    int nst = 1;
    for (size_t b = a; nst < 3 && b > sent;) {
        size_t t = b;
        while (t > sent && (s[t - 1] == ' '))
            t--;
        if (t == b || t == sent)
            break;
        b = token_start(s, sent, t);
        starts[nst++] = b;
    }
    for (int k = nst - 1; k >= 0; k--) {
        int v;
        if (make_key(sg, s + starts[k], e - starts[k]))
            return false;
        if (!ta_strmap_get(&sg->abbrev, sg->key.data ? sg->key.data : "", sg->key.len, &v))
            continue;
        int cls = v & 15;
        char **follow = ((char ***)sg->follow.data)[v >> 4];
        if (cls == AB_TITLE)
            return true;
        if (cls == AB_NUM)
            return next_digit;
        return next_lower || next_digit || (next_upper && follow_ok(follow, s + nx, ne - nx));
    }
    if (is_initials(s, a, e))
        return next_upper || next_lower;
    if (is_lower_dotted(s, a, e))
        return true;
    /* list numbering: "1." or "IV." alone */
    if (a == sent) {
        bool num = true;
        for (size_t i = a; i + 1 < e; i++)
            if (!ta_is_digit((unsigned char)s[i]))
                num = false;
        if (num && e - a <= 4)
            return true;
    }
    return false;
}

/* A Wikipedia-style reference "[17]" that ICU left at the start of the next sentence. */
static size_t skip_ref(const char *s, size_t hi, size_t p)
{
    size_t i = p;
    if (i > 0 && s[i - 1] == '[')
        i--;
    else
        return p;
    size_t d = i + 1;
    while (d < hi && ta_is_digit((unsigned char)s[d]))
        d++;
    if (d == i + 1 || d >= hi || s[d] != ']')
        return p;
    d++;
    while (d < hi && s[d] == ' ')
        d++;
    return d;
}

static int emit(ta_vec *v, const char *s, size_t a, size_t z, int para, ta_kind kind)
{
    while (a < z) {
        size_t q = a;
        if (!ta_is_space(ta_u8_decode(s, z, &q)))
            break;
        a = q;
    }
    while (z > a) {
        size_t q = z;
        if (!ta_is_space(ta_u8_prev(s, &q)))
            break;
        z = q;
    }
    if (z <= a)
        return 0;
    ta_span *sp = ta_vec_push(v);
    if (!sp)
        return -1;
    *sp = (ta_span){a, z, para, kind};
    return 0;
}

static ta_status split(ta_segmenter *sg, const char *s, size_t lo, size_t hi, int para,
                       ta_kind kind, ta_vec *v)
{
    /* ICU sees a private copy in which line breaks are spaces (wrapped paragraphs) */
    sg->scratch.len = 0;
    if (ta_buf_add(&sg->scratch, s + lo, hi - lo))
        return TA_ENOMEM;
    char *t = sg->scratch.data;
    for (size_t i = 0; i < hi - lo; i++)
        if (t[i] == '\n')
            t[i] = ' ';
    UErrorCode ec = U_ZERO_ERROR;
    sg->ut = utext_openUTF8(sg->ut, t, (int64_t)(hi - lo), &ec);
    ubrk_setUText(sg->bi, sg->ut, &ec);
    if (U_FAILURE(ec))
        return TA_EINVAL;
    size_t n = hi - lo, sent = 0;
    for (int32_t b = ubrk_next(sg->bi); b != UBRK_DONE && (size_t)b < n; b = ubrk_next(sg->bi)) {
        size_t p = (size_t)b;
        if (p <= sent || join_here(sg, t, 0, n, sent, p))
            continue;
        p = skip_ref(t, n, p);
        if (p >= n)
            break;
        if (emit(v, s, lo + sent, lo + p, para, kind))
            return TA_ENOMEM;
        sent = p;
    }
    return emit(v, s, lo + sent, hi, para, kind) ? TA_ENOMEM : TA_OK;
}

ta_status ta_segment(ta_segmenter *sg, const char *s, size_t len, ta_span **spans, size_t *n)
{
    *spans = NULL;
    *n = 0;
    ta_vec v = {.esz = sizeof(ta_span)};
    ta_status st = TA_OK;
    if (sg->opts.presegmented) {
        int line = 0;
        for (size_t i = 0; i < len; line++) {
            size_t e = i;
            while (e < len && s[e] != '\n')
                e++;
            if (emit(&v, s, i, e, line, TA_KIND_BODY)) {
                st = TA_ENOMEM;
                break;
            }
            i = e + 1;
        }
    } else {
        ta_para *ps;
        size_t np;
        if (ta_paragraphs(s, len, sg->opts.wrapped, &sg->boiler, &ps, &np))
            return TA_ENOMEM;
        for (size_t k = 0; k < np && st == TA_OK; k++) {
            ta_para *p = &ps[k];
            size_t a = p->start;
            if (p->kind == TA_KIND_BOILERPLATE && !sg->opts.keep_boilerplate)
                continue;
            if (p->dateline_end) {
                if (emit(&v, s, a, p->dateline_end, (int)k, TA_KIND_DATELINE)) {
                    st = TA_ENOMEM;
                    break;
                }
                a = p->dateline_end;
            }
            if (a < p->end)
                st = split(sg, s, a, p->end, (int)k, p->kind, &v);
        }
        free(ps);
    }
    if (st != TA_OK) {
        ta_vec_release(&v);
        return st;
    }
    *spans = v.data;
    *n = v.len;
    return TA_OK;
}
