/* segment.c — sentence segmentation: ICU's sentence break iterator proposes boundaries, the
 * candidate rules (candidates.c) and the headline rules (headline.c) propose more, the boundary
 * rules (boundary.c, with lexicon/abbrev.LANG) veto or keep them, and TASS structure
 * (datelines, headlines, boilerplate) comes from document.c. The rule table: segrules.c. */
#include "boundary.h"
#include "candidates.h"
#include "document.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

enum { ARTICLE_MIN_BYTES = 300,  /* a text this long is an article: its headline is guessed */
       KICKER_MAX_WORDS = 2 };   /* "Российский рекорд.": a kicker before the headline */

struct ta_segmenter {
    ta_segment_opts opts;
    char lang[8];
    UBreakIterator *bi;
    UText *ut;
    ta_abbrevs ab;      /* abbrev.LANG, months.LANG */
    ta_boiler boiler;
    ta_buf scratch;
    ta_vec cand;        /* candidate boundaries of one paragraph (ta_cand) */
    ta_vec quoted;      /* single-quoted passages of one paragraph: pairs [open, close) */
    ta_headliner *headliner; /* glued headlines (headline.c) */
    ta_ruleset rules;
};

ta_segment_opts ta_segment_opts_default(void)
{
    ta_segment_opts o = {.lang = "en"};
    return o;
}

ta_status ta_segmenter_new(const ta_segment_opts *opts, ta_segmenter **out, ta_error *err)
{
    *out = NULL;
    ta_segment_opts o = opts ? *opts : ta_segment_opts_default();
    if (!o.lang)
        o.lang = "en";
    char primary[4];
    if (ta_lang_primary(o.lang, primary) || (strcmp(primary, "en") && strcmp(primary, "ru")))
        return ta_fail(err, TA_EINVAL, "unknown language '%s' (en or ru, or a BCP 47 tag of "
                       "either: en-US, ru-RU)", o.lang);
    ta_segmenter *s = calloc(1, sizeof *s);
    if (!s)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    s->opts = o;
    snprintf(s->lang, sizeof s->lang, "%s", primary);
    s->opts.lang = s->lang;
    s->cand.esz = sizeof(ta_cand);
    s->quoted.esz = 2 * sizeof(size_t);
    s->rules.explain = o.explain;
    s->rules.explain_ctx = o.explain_ctx;
    ta_status st = ta_ruleset_init(&s->rules, s->lang, o.rules, err);
    if (st == TA_OK && !o.presegmented) {
        UErrorCode ec = U_ZERO_ERROR;
        s->bi = ubrk_open(UBRK_SENTENCE, s->lang, NULL, 0, &ec);
        if (U_FAILURE(ec))
            st = ta_fail(err, TA_EINVAL, "ICU sentence iterator: %s", u_errorName(ec));
        else if ((st = ta_abbrevs_load(&s->ab, s->lang, o.data_dir, err)) == TA_OK &&
                 (st = ta_headliner_new(s->lang, o.data_dir, &s->headliner, err)) == TA_OK &&
                 (st = ta_headliner_use_hunspell(s->headliner, o.hunspell_dir, o.forms_dir,
                                                 &s->rules, err)) == TA_OK)
            st = ta_boiler_load(&s->boiler, o.data_dir, err);
        s->ab.headliner = s->headliner;
    }
    s->opts.data_dir = s->opts.rules = s->opts.hunspell_dir = s->opts.forms_dir = NULL; /* borrowed for this call */
    if (st != TA_OK) {
        ta_segmenter_free(s);
        return st;
    }
    *out = s;
    return TA_OK;
}

ta_headliner *ta_segmenter_headliner(const ta_segmenter *s)
{
    return s->headliner;
}

void ta_segmenter_rule_hits(const ta_segmenter *s, size_t *hits)
{
    memcpy(hits, s->rules.hits, sizeof s->rules.hits);
}

void ta_segmenter_free(ta_segmenter *s)
{
    if (!s)
        return;
    if (s->bi)
        ubrk_close(s->bi);
    if (s->ut)
        utext_close(s->ut);
    ta_abbrevs_release(&s->ab);
    ta_boiler_release(&s->boiler);
    ta_buf_release(&s->scratch);
    ta_vec_release(&s->cand);
    ta_vec_release(&s->quoted);
    ta_headliner_free(s->headliner);
    free(s);
}

static int emit(ta_vec *v, const char *s, size_t a, size_t z, int para, ta_kind kind)
{
    ta_trim_space(s, &a, &z);
    if (z <= a)
        return 0;
    ta_span *sp = ta_vec_push(v);
    if (!sp)
        return -1;
    *sp = (ta_span){a, z, para, kind};
    return 0;
}

/* The single-quoted passages of t, each kept whole as part of one sentence: "'Well!' thought
 * Alice, 'after such a fall as this, I shall think nothing of tumbling down stairs! How brave
 * they'll all think me at home!'". A passage opens with ' ` or ‘ before a letter, after white
 * space, a bracket or a dash, and closes with ' or ’ after a non-space and before anything but a
 * letter or digit (so "they'll" is no end), within 1,000 bytes. English news quotes with double
 * quotes, which stay split at each sentence. */
static int single_quoted(const char *t, size_t n, ta_vec *q)
{
    bool any = memchr(t, '\'', n) || memchr(t, '`', n);
    for (const char *e = t; !any && (e = memchr(e, '\xE2', (size_t)(t + n - e))); e++)
        any = e + 3 <= t + n && !memcmp(e, "\xE2\x80\x98", 3);
    if (!any)
        return 0;
    size_t none_to[2] = {0, 0}; /* straight, curly: no closer before this (a linear scan) */
    for (size_t i = 0; i + 1 < n; i++) {
        bool curly = (unsigned char)t[i] == 0xE2 && i + 3 < n && !memcmp(t + i, "\xE2\x80\x98", 3);
        if (t[i] != '\'' && t[i] != '`' && !curly)
            continue;
        size_t b = i, a = i + (curly ? 3 : 1);
        uint32_t before = i ? ta_u8_prev(t, &b) : ' ';
        if (!(ta_is_space(before) || ta_is_open_punct(before) || before == '-' ||
              before == 0x2013 || before == 0x2014) ||
            !ta_is_alpha(ta_u8_decode(t, n, &(size_t){a})))
            continue;
        size_t lim = a + 1000 < n ? a + 1000 : n;
        size_t k = a + 1 > none_to[curly] ? a + 1 : none_to[curly];
        for (; k < lim; k++) {
            bool rsquo = k + 3 <= lim && !memcmp(t + k, "\xE2\x80\x99", 3);
            if (curly ? !rsquo : t[k] != '\'' && !rsquo)
                continue;
            size_t e = k + (t[k] == '\'' ? 1 : 3), pk = k;
            uint32_t after = e < n ? ta_u8_decode(t, n, &(size_t){e}) : ' ';
            if (ta_is_space(ta_u8_prev(t, &pk)) || ta_is_alpha(after) || ta_is_digit(after))
                continue;
            size_t *pair = ta_vec_push(q);
            if (!pair)
                return -1;
            pair[0] = i, pair[1] = e;
            i = e - 1;
            break;
        }
        none_to[curly] = k;
    }
    return 0;
}

/* Does the boundary p fall inside a single-quoted passage, or right after one that ends a
 * sentence and is followed by a parenthesis ("... house!' (Which was very likely true.)")?
 * Boundaries come in increasing order; *cur (0 at first) follows them through the passages. */
static bool in_single_quotes(const char *t, const ta_vec *q, size_t p, size_t *cur)
{
    const size_t *pr = q->data;
    while (*cur + 1 < q->len && pr[2 * (*cur + 1)] < p)
        ++*cur; /* the last passage opening before p */
    size_t o = pr[2 * *cur], c = pr[2 * *cur + 1];
    if (o >= p)
        return false;
    if (p < c)
        return true;
    if (t[p] != '(')
        return false;
    size_t z = c, sp = c;
    while (z > o && (t[z - 1] == '\'' || (unsigned char)t[z - 1] >= 0x80))
        z--;
    while (sp < p && t[sp] == ' ')
        sp++;
    return sp == p && z > o && (t[z - 1] == '.' || t[z - 1] == '!' || t[z - 1] == '?');
}

/* The number of the list item that opens the sentence at `sent` ("2." -> 2), else `last`. */
static int item_at(const char *t, size_t n, size_t sent, int last)
{
    size_t we = sent;
    while (we < n && t[we] != ' ')
        we++;
    bool bullet;
    int mv = ta_list_marker(t, sent, we, &bullet);
    return mv > 0 ? mv : last;
}

static int cmp_cand(const void *x, const void *y)
{
    const ta_cand *a = x, *b = y;
    return a->at != b->at ? (a->at < b->at ? -1 : 1) : (a->rule > b->rule) - (a->rule < b->rule);
}

static int push(ta_vec *c, size_t at, ta_rule_id rule)
{
    ta_cand *slot = ta_vec_push(c);
    if (!slot)
        return -1;
    *slot = (ta_cand){at, rule, false};
    return 0;
}

/* Glued headlines and subheadings become candidates: the headline rules search each of ICU's
 * sentences, the headline zone (the document's first sentence, or the second after a kicker of
 * two words or fewer) on more evidence than the rest. The search goes on after each find, for
 * a headline, then a subheading ("... Donbass | Firing will cease ... July 27 | Pope Francis
 * welcomed"). *headline_end: where the document's headline ends, or 0. */
static int headline_candidates(ta_segmenter *sg, const char *t, size_t n, const char *s,
                               size_t len, bool first, bool article, size_t *headline_end)
{
    ta_vec *c = &sg->cand;
    size_t from = 0, nc = c->len, first_end = 0;
    bool found = false;
    ta_rule_id rule;
    for (size_t k = 0, real = 0; k <= nc; k++) {
        size_t to = k < nc ? ((ta_cand *)c->data)[k].at : n, g;
        if (to < n && first && real < 2 &&
            ta_boundary_vetoed(&sg->ab, &sg->rules, false, t, 0, n, from, to, NULL))
            continue; /* an abbreviation: "Work week in St. | Petersburg will start" */
        bool zone = first && (real == 0 || (real == 1 && ta_count_words(t, 0, from, KICKER_MAX_WORDS + 1) <=
                                                             KICKER_MAX_WORDS));
        bool search = zone || ta_rule_on(&sg->rules, R_SUBHEADING_SEARCH);
        for (size_t at = from; search && (g = ta_glued_headline(sg->headliner, &sg->rules, t, n,
                                                                at, to, zone ? 1 + (at == from) : 0,
                                                                s, len, &rule)) != 0; at = g) {
            if (push(c, g, rule))
                return -1;
            ((ta_cand *)c->data)[c->len - 1].subheading = !zone;
            found = found || zone;
            if (first && real == 0 && at == from)
                *headline_end = g; /* the document's headline, glued to its first sentence */
        }
        first_end = real == 0 ? to : first_end;
        from = to;
        real++;
    }
    size_t g = article && first && !found && first_end &&
                       ta_rule_on(&sg->rules, R_FORCED_HEADLINE)
                   ? ta_forced_headline(sg->headliner, t, n, first_end, s, len) : 0;
    if (g) /* an article with no sign of a headline: its most probable end */
        return push(c, *headline_end = g, R_FORCED_HEADLINE);
    return 0;
}

/* Placement: references and footnote numbers stay with the sentence they follow: ".[17] ",
 * ".4 " (not a date: "Inc. | 5 May brought"). Returns where the boundary goes. */
static size_t after_references(ta_segmenter *sg, const char *t, size_t n, size_t p, ta_rule_id *by)
{
    size_t p_in = p;
    if (ta_rule_on(&sg->rules, R_REFERENCE_STAYS) && p > 0 && t[p - 1] == '[' &&
        ta_is_digit((unsigned char)t[p]))
        p--;
    if (t[p] == '[') {
        if (!ta_rule_on(&sg->rules, R_REFERENCE_STAYS))
            return p;
        for (;;) { /* ".[7][8] The" */
            size_t d = p + 1;
            while (d < n && ta_is_digit((unsigned char)t[d]))
                d++;
            if (d == p + 1 || d >= n || t[d] != ']')
                break;
            p = d + 1;
            while (p < n && t[p] == ' ')
                p++;
            if (p >= n || t[p] != '[')
                break;
        }
        *by = p != p_in ? R_REFERENCE_STAYS : *by;
    } else if (ta_is_digit((unsigned char)t[p]) && ta_rule_on(&sg->rules, R_FOOTNOTE_STAYS)) {
        size_t d = p, r;
        while (d < n && ta_is_digit((unsigned char)t[d]))
            d++;
        r = d + 1;
        if (d + 1 < n && t[d] == ' ' && d - p <= 2 && ta_is_upper(ta_u8_decode(t, n, &r)) &&
            !ta_date_at(&sg->ab, t, p, n))
            p = d + 1, *by = R_FOOTNOTE_STAYS;
    }
    return p;
}

/* Placement: a period, then an ellipsis opening the next sentence: "compounds. | . . . The" */
static size_t before_ellipsis(ta_segmenter *sg, const char *t, size_t sent, size_t p, ta_rule_id *by)
{
    size_t fd, e0 = p;
    while (e0 > sent && t[e0 - 1] == ' ')
        e0--;
    if (ta_rule_on(&sg->rules, R_ELLIPSIS_OPENS) && ta_spaced_dots(t, sent, e0, &fd) == 4 &&
        e0 - fd == 7 && fd > sent && t[fd - 1] != ' ')
        p = fd + 2, *by = R_ELLIPSIS_OPENS;
    return p;
}

/* Placement: a list marker ending the sentence t[sent, p) belongs to the next one ("item 2.
 * The second"): true with *m where the next sentence starts (maybe `sent` itself: "• 9. | The
 * first item" stays whole). *last_item: the number of the list item running. */
static bool marker_start(const char *t, size_t sent, size_t p, int *last_item, size_t *start)
{
    bool bullet;
    size_t e = p;
    while (e > sent && t[e - 1] == ' ')
        e--;
    size_t m = ta_token_start(t, sent, e);
    int mv = ta_list_marker(t, m, e, &bullet);
    if (e - m == 2 && t[m] == 'I' && m > sent)
        mv = 0; /* "you and I." ends a sentence; it is no item "I." */
    if (mv == 0 || m <= sent) {
        if (mv > 0 && m == sent)
            *last_item = mv;
        return false;
    }
    size_t b = m;
    while (b > sent && t[b - 1] == ' ')
        b--;
    size_t bs = ta_token_start(t, sent, b);
    bool bt = false;
    if (b > bs && ta_list_marker(t, bs, b, &bt) == 0) {
        size_t q = bs; /* a bullet on its own: "• 9." */
        uint32_t bc = ta_u8_decode(t, b, &q);
        if (bt || (q == b && (bc == 0x2022 || bc == 0x2043 || bc == 0x25CF)))
            bt = true, m = bs;
    }
    /* "1." after a plain word opens no list: "pushed to September 1. The", "60 seconds by 1.
     * In"; a list already running may restart at 1 */
    bool first_item = mv == 1 && *last_item == 0 && !bt && b > bs &&
                      ta_is_alpha(ta_u8_prev(t, &(size_t){b}));
    if (bullet || bt || (mv > 0 && mv == *last_item + 1 && !first_item) ||
        (mv == 1 && *last_item > 1)) { /* a list starting again: "2. Two 1. One" */
        *last_item = mv;
        *start = m;
        return true;
    }
    return false;
}

static ta_status split(ta_segmenter *sg, const char *s, size_t len, size_t lo, size_t hi,
                       int para, ta_kind kind, bool first, bool article, ta_vec *v)
{
    /* ICU sees a private copy in which line breaks are spaces (wrapped paragraphs); a
     * paragraph of one line is read in place */
    const char *t = s + lo;
    size_t n = hi - lo;
    if (memchr(t, '\n', n)) {
        sg->scratch.len = 0;
        if (ta_buf_add(&sg->scratch, s + lo, n))
            return TA_ENOMEM;
        for (size_t i = 0; i < n; i++)
            if (sg->scratch.data[i] == '\n')
                sg->scratch.data[i] = ' ';
        t = sg->scratch.data;
    }
    UErrorCode ec = U_ZERO_ERROR;
    sg->ut = utext_openUTF8(sg->ut, t, (int64_t)n, &ec);
    ubrk_setUText(sg->bi, sg->ut, &ec);
    if (U_FAILURE(ec))
        return TA_EINVAL;
    ta_vec *c = &sg->cand;
    c->len = 0;
    for (int32_t b = ubrk_next(sg->bi); b != UBRK_DONE && (size_t)b < n; b = ubrk_next(sg->bi))
        if (push(c, (size_t)b, R_ICU))
            return TA_ENOMEM;
    size_t sent = 0, headline_end = 0;
    if (kind == TA_KIND_BODY && headline_candidates(sg, t, n, s, len, first, article, &headline_end))
        return TA_ENOMEM;
    bool semicolon = (sg->opts.split_semicolons || sg->ab.split_semicolon) &&
                     !sg->opts.keep_semicolons;
    size_t tail = t == s + lo || !ta_rule_on(&sg->rules, R_MENU_TAIL) ? 0 : ta_menu_tail(s + lo, n);
    if (ta_extra_candidates(t, n, semicolon, &sg->rules, c) || (tail && push(c, tail, R_MENU_TAIL)))
        return TA_ENOMEM;
    sg->quoted.len = 0;
    if (c->len && ta_rule_on(&sg->rules, R_SINGLE_QUOTED) && single_quoted(t, n, &sg->quoted))
        return TA_ENOMEM;
    ta_cand *cd = c->data;
    if (c->len)
        qsort(cd, c->len, sizeof *cd, cmp_cand);
    int last_item = item_at(t, n, sent, 0);
    size_t qcur = 0;
    ta_ruleset *rs = &sg->rules;
    rs->base = lo;
    for (size_t k = 0; k < c->len; k++) {
        size_t p = cd[k].at;
        ta_rule_id by = cd[k].rule;
        if (p <= sent || p >= n || (k && cd[k - 1].at == p) ||
            ta_boundary_vetoed(&sg->ab, rs, true, t, 0, n, sent, p, &by))
            continue;
        if (sg->quoted.len && in_single_quotes(t, &sg->quoted, p, &qcur)) {
            ta_rule_decided(rs, R_SINGLE_QUOTED, p, false);
            continue;
        }
        p = after_references(sg, t, n, p, &by);
        if (p >= n)
            break;
        p = before_ellipsis(sg, t, sent, p, &by);
        size_t m;
        if (ta_rule_on(rs, R_LIST_MARKER_NEXT) && marker_start(t, sent, p, &last_item, &m)) {
            ta_rule_decided(rs, R_LIST_MARKER_NEXT, m, true);
            if (emit(v, s, lo + sent, lo + m, para, kind))
                return TA_ENOMEM;
            sent = m;
            continue;
        }
        ta_rule_decided(rs, by, p, true);
        rs->hits[R_SUBHEADING_SEARCH] += cd[k].subheading && by == cd[k].rule;
        if (emit(v, s, lo + sent, lo + p, para, sent == 0 && p == headline_end ? TA_KIND_HEADLINE : kind))
            return TA_ENOMEM;
        sent = p;
        last_item = item_at(t, n, sent, last_item); /* "Finally. 1. The first item 2. The" */
    }
    return emit(v, s, lo + sent, hi, para, kind) ? TA_ENOMEM : TA_OK;
}

ta_status ta_segment(ta_segmenter *sg, const char *s, size_t len, ta_span **spans, size_t *n,
                     ta_error *err)
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
            return ta_fail(err, TA_ENOMEM, "out of memory");
        size_t first_para = 0;
        while (first_para < np && ps[first_para].kind == TA_KIND_BOILERPLATE)
            first_para++;
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
                st = split(sg, s, len, a, p->end, (int)k, p->kind, k == first_para,
                           len >= ARTICLE_MIN_BYTES, &v);
        }
        free(ps);
    }
    if (st != TA_OK) {
        ta_vec_release(&v);
        return ta_fail(err, st, "segmentation failed: %s", ta_strerror(st));
    }
    *spans = v.data;
    *n = v.len;
    return TA_OK;
}
