/* segment.c — sentence segmentation: ICU's sentence break iterator proposes boundaries, the
 * project's abbreviation rules (lexicon/abbrev.LANG) veto or keep them, and TASS structure
 * (datelines, headlines, boilerplate) comes from document.c. */
#include "document.h"
#include "headline.h"
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
    ta_strmap phrase;   /* lowercased prepositions that open a phrase, not a sentence */
    ta_strmap months;   /* months.LANG: month names in every form, lowercased */
    ta_vec follow;      /* per entry: a char ** NULL-terminated list of prefixes */
    ta_boiler boiler;
    ta_buf scratch, key, lower;
    ta_vec cand;        /* candidate boundaries of one paragraph */
    ta_vec quoted;      /* single-quoted passages of one paragraph: pairs [open, close) */
    ta_headliner *headliner; /* glued headlines (headline.c) */
    bool split_semicolon; /* "option split-semicolon" in abbrev.LANG */
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
    ta_buf tmp = s->lower;
    tmp.len = 0;
    if (ta_u8_lower(&tmp, p, n, false)) {
        s->lower = tmp;
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
    s->lower = tmp; /* kept for the next call */
    return rc;
}

static ta_status load_abbrev(ta_segmenter *s, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    int *lineno;
    snprintf(name, sizeof name, "abbrev.%s", s->lang);
    ta_status st = ta_data_lines(s->opts.data_dir, name, &lines, &n, &lineno, err);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        char *line = lines[i], *sp = line + strcspn(line, " \t");
        while (*sp == ' ' || *sp == '\t')
            sp++;
        if (!strncmp(line, "phrase", 6) && *sp) {
            if (make_key(s, sp, strlen(sp)) ||
                ta_strmap_put(&s->phrase, s->key.data ? s->key.data : "", s->key.len, 1)) {
                st = ta_fail(err, TA_ENOMEM, "out of memory");
                break;
            }
            continue;
        }
        if (!strncmp(line, "option", 6)) {
            if (!strcmp(sp, "split-semicolon"))
                s->split_semicolon = true;
            else
                st = ta_fail(err, TA_EFORMAT, "%s line %d: unknown option '%s'", name, lineno[i], sp);
            continue;
        }
        int cls = !strncmp(line, "title", 5) ? AB_TITLE : !strncmp(line, "num", 3) ? AB_NUM
                  : !strncmp(line, "amb", 3) ? AB_AMB : 0;
        if (!cls || !*sp) {
            st = ta_fail(err, TA_EFORMAT,
                         "%s line %d: expected 'title|num|amb ABBREVIATION [| FOLLOWING...]'",
                         name, lineno[i]);
            break;
        }
        char *bar = strchr(sp, '|');
        if (bar)
            *bar = 0;
        char ***slot = NULL;
        if (make_key(s, sp, strlen(sp)) ||
            ta_strmap_put(&s->abbrev, s->key.data ? s->key.data : "", s->key.len,
                          cls | (int)(s->follow.len << 4)) ||
            !(slot = ta_vec_push(&s->follow)) ||
            (bar && !(*slot = calloc(strlen(bar + 1) / 2 + 2, sizeof(char *))))) {
            st = ta_fail(err, TA_ENOMEM, "out of memory");
            break;
        }
        size_t cnt = 0;
        char *save = NULL;
        for (char *w = bar ? strtok_r(bar + 1, " \t", &save) : NULL; w; w = strtok_r(NULL, " \t", &save))
            if (!((*slot)[cnt++] = strdup(w))) {
                st = ta_fail(err, TA_ENOMEM, "out of memory");
                break;
            }
    }
    ta_lines_free(lines);
    free(lineno);
    return st;
}

/* months.LANG: "N word word ..." a line */
static ta_status load_months(ta_segmenter *s, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    snprintf(name, sizeof name, "months.%s", s->lang);
    ta_status st = ta_data_lines(s->opts.data_dir, name, &lines, &n, NULL, err);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        char *save = NULL;
        strtok_r(lines[i], " \t", &save); /* the month's number */
        for (char *w = strtok_r(NULL, " \t", &save); w && st == TA_OK; w = strtok_r(NULL, " \t", &save))
            if (make_key(s, w, strlen(w)) ||
                ta_strmap_put(&s->months, s->key.data ? s->key.data : "", s->key.len, 1))
                st = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_lines_free(lines);
    return st;
}

/* Does a date start at s[a]: a day and a month, "24 апреля", "24 April"? */
static bool date_at(ta_segmenter *sg, const char *s, size_t a, size_t hi)
{
    size_t d = a;
    while (d < hi && d - a < 3 && ta_is_digit((unsigned char)s[d]))
        d++;
    if (d == a || d - a > 2 || d + 1 >= hi || s[d] != ' ')
        return false;
    size_t we = ++d;
    while (we < hi) {
        size_t q = we;
        if (!ta_is_alpha(ta_u8_decode(s, hi, &q)))
            break;
        we = q;
    }
    return we > d && !make_key(sg, s + d, we - d) &&
           ta_strmap_get(&sg->months, sg->key.data ? sg->key.data : "", sg->key.len, NULL);
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
    s->follow.esz = sizeof(char **);
    s->cand.esz = sizeof(size_t);
    s->quoted.esz = 2 * sizeof(size_t);
    ta_status st = TA_OK;
    if (!o.presegmented) {
        UErrorCode ec = U_ZERO_ERROR;
        s->bi = ubrk_open(UBRK_SENTENCE, s->lang, NULL, 0, &ec);
        if (U_FAILURE(ec))
            st = ta_fail(err, TA_EINVAL, "ICU sentence iterator: %s", u_errorName(ec));
        else if ((st = load_abbrev(s, err)) == TA_OK && (st = load_months(s, err)) == TA_OK &&
                 (st = ta_headliner_new(s->lang, o.data_dir, &s->headliner, err)) == TA_OK)
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

ta_headliner *ta_segmenter_headliner(const ta_segmenter *s)
{
    return s->headliner;
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
    ta_strmap_release(&s->phrase);
    ta_strmap_release(&s->months);
    free_follow(&s->follow);
    ta_boiler_release(&s->boiler);
    ta_buf_release(&s->scratch);
    ta_buf_release(&s->key);
    ta_buf_release(&s->lower);
    ta_vec_release(&s->cand);
    ta_vec_release(&s->quoted);
    ta_headliner_free(s->headliner);
    free(s);
}

/* ---- boundary rules ------------------------------------------------------ */

/* The spaced dots ending at e: ". . ." gives 3; *first is the first dot's offset. */
static int spaced_dots(const char *s, size_t lo, size_t e, size_t *first)
{
    int dots = 0;
    size_t k = e;
    while (k > lo && s[k - 1] == '.') {
        dots++, k--;
        if (k - lo < 2 || s[k - 1] != ' ' || s[k - 2] != '.')
            break;
        k--;
    }
    *first = k;
    return dots;
}

/* An elision mark in brackets ends no sentence: "Bohr [...] used", "stairways [...]" (Smith". */
static bool bracketed_ellipsis(const char *s, size_t lo, size_t e)
{
    while (e > lo && (s[e - 1] == '"' || s[e - 1] == '\''))
        e--;
    if (e - lo < 5 || (s[e - 1] != ']' && s[e - 1] != ')'))
        return false;
    return (s[e - 5] == '[' || s[e - 5] == '(') && /* "..." and "…" are both three bytes */
           (!memcmp(s + e - 4, "...", 3) || !memcmp(s + e - 4, "\xE2\x80\xA6", 3));
}

/* Is s[e] inside square brackets that close soon: "[16: firma? 13:28]"? */
static bool in_brackets(const char *s, size_t sent, size_t e, size_t hi)
{
    int depth = 0;
    while (e > sent && s[e - 1] == '[') /* the reference in "martyr.[1]" */
        e--;
    if (e <= sent || !memchr(s + sent, '[', e - sent))
        return false;
    for (size_t i = sent; i < e; i++)
        depth += (s[i] == '[') - (s[i] == ']');
    if (depth <= 0)
        return false;
    for (size_t i = e; i < hi && i < e + 40; i++) {
        if (s[i] == ']')
            return true;
        if (s[i] == '[' || s[i] == '.' || s[i] == '!' || s[i] == '?')
            return false;
    }
    return false;
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
        } else if (ta_is_lower(c) && letters < 3) /* short parts only, not "tass.com." */
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

/* Does the word at s[a, e) start in lowercase with a capital inside: "iPhone", "eBay", "oOh!"? */
static bool camel(const char *s, size_t a, size_t e)
{
    size_t q = a;
    if (a >= e || !ta_is_lower(ta_u8_decode(s, e, &q)))
        return false;
    for (int k = 0; k < 3 && q < e; k++) {
        uint32_t c = ta_u8_decode(s, e, &q);
        if (ta_is_upper(c))
            return true;
        if (!ta_is_lower(c))
            return false;
    }
    return false;
}

/* Is the word at s[a, e) a site's name in lowercase, "rus.err.ee", "gazeta.ru": letters, digits
 * and hyphens in two labels or more, the last of two to six letters (not "e.g.", "a.m.")? */
static bool domain(const char *s, size_t a, size_t e)
{
    size_t dots = 0, label = 0;
    for (size_t i = a; i < e; i++) {
        char c = s[i];
        if (c == '.') {
            if (!label || i + 1 == e)
                return false;
            dots++, label = 0;
        } else if ((c >= 'a' && c <= 'z') || (label && ((c >= '0' && c <= '9') || c == '-')))
            label++;
        else
            return false;
    }
    return dots >= 1 && label >= 2 && label <= 6 && s[e - 1] >= 'a';
}

/* Is s[sent, a) no sentence but an opening phrase: a preposition ("phrase" lines of
 * abbrev.LANG) and at most two words, as in "At 5 a.m. Mr. Smith went"? */
static bool phrase_only(ta_segmenter *sg, const char *s, size_t sent, size_t a)
{
    size_t e = sent;
    while (e < a && s[e] != ' ')
        e++;
    size_t q = sent;
    int v;
    return ta_count_words(s, sent, a, 4) <= 3 && e > sent && ta_is_upper(ta_u8_decode(s, e, &q)) &&
           !make_key(sg, s + sent, e - sent) &&
           ta_strmap_get(&sg->phrase, sg->key.data ? sg->key.data : "", sg->key.len, &v);
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
    if (bracketed_ellipsis(s, lo, e) || in_brackets(s, sent, e, hi))
        return true;
    if (p > lo + 1 && e == p && strchr("([{", s[p - 1]) && !strchr(".!?", s[p - 2]))
        return true; /* a break after an opening bracket: "[?][footnoteRef:6]", not the
                      * reference in "martyr.[1] The" */
    size_t fd;
    if (spaced_dots(s, lo, e, &fd) == 3 && e - fd == 5 && (fd == lo || s[fd - 1] == ' '))
        return true; /* a spaced ellipsis marks an omission inside the sentence:
                      * "the thing is . . . I didn't"; four dots end it */
    if (e > lo && s[e - 1] == ')' && e - 1 > lo && s[e - 2] == '.') { /* "1.)" */
        bool bullet;
        size_t a0 = ta_token_start(s, lo, e);
        return a0 == sent && ta_list_marker(s, a0, e, &bullet) != 0;
    }
    if (e == p && e >= lo + 3 && p < hi && !memcmp(s + e - 2, "\xD6\x89", 2) &&
        ta_is_digit((unsigned char)s[e - 3]) && ta_is_digit((unsigned char)s[p]))
        return true; /* the Armenian full stop as a time separator: "в 01։23 часов" */
    size_t q0 = e; /* after "!" or "?" (and closing quotes) a lowercase word goes on the
                    * sentence: "Yahoo! in the", "'Well!' thought Alice" */
    uint32_t last = e > lo ? ta_u8_prev(s, &q0) : 0;
    while (q0 > lo && (last == '"' || last == '\'' || last == 0xBB || last == 0x201D ||
                       last == 0x2019 || last == ')'))
        last = ta_u8_prev(s, &q0);
    if (last == '!' || last == '?') {
        size_t r = p;
        if (e == p && p < hi && ta_is_alpha(ta_u8_decode(s, hi, &r)))
            return true; /* inside a word: "Y!J.", "speaks !Xũ" */
        if (camel(s, ta_token_start(s, lo, e), e))
            return true; /* a brand: "oOh! Media" */
        r = p;
        while (r < hi && s[r] == ' ')
            r++;
        return r < hi && ta_is_lower(ta_u8_decode(s, hi, &r));
    }
    if (e == lo || s[e - 1] != '.')
        return false;
    size_t a = ta_token_start(s, sent, e); /* from the sentence start: "Tuesday.|Mr." */
    for (;;) { /* strip opening quotes and brackets */
        size_t q = a;
        if (q >= e || !ta_is_open_punct(ta_u8_decode(s, e, &q)))
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
    while (ta_is_open_punct(c) && q < ne)
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
        b = ta_token_start(s, sent, t);
        starts[nst++] = b;
    }
    if (e - a == 2 && s[a] == 'I' && nst > 1 && ta_is_lower((unsigned char)s[starts[1]]))
        return false; /* "you and I. Did you", not "Albert I. Jones" */
    bool roman = nst > 1 && e - a >= 2; /* "Петр I.": a Roman numeral after a Russian name */
    for (size_t i = a; roman && i + 1 < e; i++)
        roman = s[i] == 'I' || s[i] == 'V' || s[i] == 'X';
    size_t q1 = starts[1];
    if (roman && ta_u8_decode(s, hi, &q1) >= 0x400)
        return false;
    if (is_initials(s, a, e) && e - a <= 3 && next_upper) /* "Л. В. Щербы", not "в." */
        return true;
    for (int k = nst - 1; k >= 0; k--) {
        int v;
        if (make_key(sg, s + starts[k], e - starts[k]))
            return false;
        if (!ta_strmap_get(&sg->abbrev, sg->key.data ? sg->key.data : "", sg->key.len, &v))
            continue;
        int cls = v & 15;
        char **follow = ((char ***)sg->follow.data)[v >> 4];
        if (cls == AB_TITLE) { /* "Mr. Smith", "e.g. The Times", but "in Yard St. The man" */
            size_t q0 = starts[k];
            bool capital = ta_is_upper(ta_u8_decode(s, hi, &q0));
            return !(capital && next_upper && ta_headliner_starter(sg->headliner, s, hi, nx));
        }
        if (cls == AB_NUM)
            return next_digit;
        if (next_digit && date_at(sg, s, nx, hi))
            return false; /* a date opens the next sentence: "около $3 трлн. | 24 апреля Трамп" */
        return next_lower || next_digit || (next_upper && follow_ok(follow, s + nx, ne - nx)) ||
               (next_upper && phrase_only(sg, s, sent, starts[k]));
    }
    /* "gave him the I.V. It was", "the i.v. It was": a function word that opens sentences
     * follows; "I.V. Jones", "к.п.н. Иванов" go on */
    bool initials = is_initials(s, a, e), dotted = !initials && is_lower_dotted(s, a, e);
    bool opener = (initials || dotted) && next_upper &&
                  ta_headliner_stopword(sg->headliner, s + nx, ne - nx) &&
                  ta_headliner_starter(sg->headliner, s, hi, nx);
    if (initials)
        return (next_upper && !opener) || next_lower;
    if (dotted)
        return !opener;
    bool bullet;
    if (a == sent && ta_list_marker(s, a, e, &bullet) != 0) /* "1." or "IV." opening an item */
        return true;
    return false;
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

/* List markers (headline.h): "2.", "b.", "IV.", "2.)", "2)", "§2.", "8.1.", with an optional bullet
 * ("• 9.", "⁃9."). Returns the item number (letters count a=1), -1 for a marker without a
 * sequence number, 0 when the token is not a marker. */
int ta_list_marker(const char *s, size_t a, size_t e, bool *bullet)
{
    *bullet = false;
    size_t i = a;
    while (i < e) {
        size_t q = i;
        uint32_t c = ta_u8_decode(s, e, &q);
        if (c != 0x2022 && c != 0x2043 && c != 0x25CF && c != 0xA7)
            break;
        *bullet = c != 0xA7;
        i = q;
    }
    if (e > i && s[e - 1] == ')')
        e--;
    if (e <= i)
        return 0;
    bool dot = s[e - 1] == '.';
    if (dot)
        e--;
    if (e <= i)
        return 0;
    size_t q = i;
    uint32_t c = ta_u8_decode(s, e, &q);
    if (q == e && ta_is_lower(c) && (dot || s[e] == ')'))
        return c < 0x80 ? (int)(c - 'a' + 1) : c >= 0x430 && c <= 0x44F ? (int)(c - 0x430 + 1) : -1;
    int v = 0, digits = 0, dots = 0;
    for (size_t k = i; k < e; k++) {
        if (ta_is_digit((unsigned char)s[k]) && digits < 3)
            v = v * 10 + s[k] - '0', digits++;
        else if (s[k] == '.' && digits)
            dots++, digits = 0;
        else {
            v = -2;
            break;
        }
    }
    if (v >= 0 && digits && v <= 99)
        return dots ? -1 : v;
    static const char *roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                  "XI", "XII"};
    for (int r = 0; dot && r < 12; r++)
        if (strlen(roman[r]) == e - i && !memcmp(roman[r], s + i, e - i))
            return r + 1;
    return 0;
}

/* Lowercase Roman numerals: "ii", "iv", "xii" */
static bool roman_lower(const char *s, size_t a, size_t e)
{
    if (e <= a || e - a > 5)
        return false;
    for (size_t i = a; i < e; i++)
        if (!strchr("ivx", s[i]))
            return false;
    return true;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Is t[a, e) an emoticon that ends a sentence: ":)", ";-)", ":((", "=D", ":P" or a run of
 * brackets, "))" (Russian chat style)? */
static bool emoticon(const char *t, size_t a, size_t e)
{
    size_t i = a;
    if (i < e && strchr(":;=8", t[i]))
        i++;
    else if (e - a < 2)
        return false; /* a lone ")" closes a bracket */
    if (i < e && (t[i] == '-' || t[i] == '\'' || t[i] == '^'))
        i++;
    if (i == e)
        return false;
    char c = t[i];
    if (!strchr(")(DPp3", c) || (i == a && c != ')' && c != '('))
        return false;
    while (i < e && t[i] == c)
        i++;
    return i == e;
}

/* Is the period at t[i] a sentence end with no space after it: "world.Today is",
 * "1,000.That", "Tuesday.Mr. Smith"? The word before ends in a lowercase letter or a digit, the
 * word after is capitalised; neither holds '@', '/' or another dot (mail, web and file names).
 * After a capitalised word only a title follows ("Tuesday.Mr."), as "Kostroma.Today" is a
 * name. */
static bool glued_sentence(const char *t, size_t n, size_t i)
{
    size_t q = i, r = i + 1;
    uint32_t prev = ta_u8_prev(t, &q);
    if (!(ta_is_lower(prev) || ta_is_digit(prev)) || r >= n)
        return false;
    uint32_t c1 = ta_u8_decode(t, n, &r), c2 = r < n ? ta_u8_decode(t, n, &r) : 0;
    if (!ta_is_upper(c1) || !ta_is_lower(c2))
        return false;
    size_t a = ta_token_start(t, 0, i), z = i + 1;
    while (z < n && t[z] != ' ' && t[z] != '\n')
        z++;
    size_t dot = 0;
    for (size_t k = a; k < z; k++) {
        if (t[k] == '@' || t[k] == '/' || t[k] == ':')
            return false;
        if (t[k] == '.' && k != i && k + 1 < z && ta_is_alpha((unsigned char)t[k + 1]))
            return false;
        dot = t[k] == '.' && k > i ? k : dot;
    }
    q = a;
    if (ta_is_upper(ta_u8_decode(t, i, &q)))
        return dot == z - 1 && z - i <= 5; /* "Mr.", "Dr.", "Mrs." */
    return true;
}

/* Extra boundaries ICU does not propose: "; ", dialogue dashes after a sentence end,
 * "2)" and "b." list items, a digit after a word ending in a period ("150 лет. 31 мая"), a
 * camel-case word ("upgraded. oOh!"), a lowercase parenthesis after a sentence end, "…" before
 * a capital, and sentences glued without a space ("world.Today"). */
static int extra_candidates(const char *t, size_t n, bool semicolon, ta_vec *c)
{
    /* the bytes a rule below starts at; the rest (letters, mostly) are skipped at once */
    static const bool starts[256] = {[0xC2] = 1, [';'] = 1, [0xEF] = 1, [0xE3] = 1, [' '] = 1,
                                     ['.'] = 1};
    int last_item = 0, letter_item = 0, quotes = 0, parens = 0;
    size_t paren_at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t at = 0;
        if (!starts[(unsigned char)t[i]] && i)
            continue;
        if (t[i] == '\xC2' && i + 1 < n && t[i + 1] == '\xAB') /* « */
            quotes++;
        else if (t[i] == '\xC2' && i + 1 < n && t[i + 1] == '\xBB' && quotes > 0)
            quotes--;
        if (semicolon && t[i] == ';' && i + 2 < n && t[i + 1] == ' ') {
            for (; paren_at < i; paren_at++) /* brackets are counted up to semicolons only */
                parens += (t[paren_at] == '(') - (t[paren_at] == ')' && parens > 0);
            if (!(parens && memchr(t + i, ')', n - i < 300 ? n - i : 300)))
                at = i + 2; /* not in a list of references: "(e.g. Hartsell-Gundy, 2015; Mulligan" */
        }
        else if (((unsigned char)t[i] == 0xEF || (unsigned char)t[i] == 0xE3) && i + 3 < n &&
                 (!memcmp(t + i, "\xEF\xBC\x8E", 3) || !memcmp(t + i, "\xE3\x80\x82", 3)))
            at = i + 3; /* a full-width or ideographic full stop: "period．Does" */
        else if (t[i] == ' ' && i > 0 && i + 2 < n) {
            size_t q = i + 1, p = i;
            uint32_t d = ta_u8_decode(t, n, &q);
            uint32_t prev = ta_u8_prev(t, &p);
            while (p > 0 && (prev == '"' || prev == 0xBB || prev == 0x201D))
                prev = ta_u8_prev(t, &p);
            bool ended = prev == '.' || prev == '!' || prev == '?' || prev == 0x2026;
            if ((d == '-' || d == 0x2013 || d == 0x2014) && ended && !quotes && q < n &&
                t[q] == ' ') {
                size_t r = q + 1;
                uint32_t e = ta_u8_decode(t, n, &r);
                if (ta_is_open_punct(e) && r < n)
                    e = ta_u8_decode(t, n, &r);
                if (ta_is_upper(e))
                    at = i + 1;
            }
            size_t we = i + 1, lim = i + 12 < n ? i + 12 : n; /* a marker is a short word */
            while (we < lim && t[we] != ' ' && t[we] != ')')
                we++;
            we += we < lim && t[we] == ')';
            bool bullet;
            if (!at && we > i + 1 && t[we - 1] == ')' && (we == n || t[we] == ' ')) {
                /* "2)", "b)", "(c)", "iv)" items */
                size_t ms = i + 1 + (t[i + 1] == '(');
                int v = ta_list_marker(t, ms, we, &bullet);
                bool ended = prev == '.' || prev == '!' || prev == '?';
                if (v == 0 && ended && roman_lower(t, ms, we - 1))
                    v = -1;
                bool again = v == 1 && last_item > 1 && we + 1 < n && /* "2) Two 1) One" */
                             ta_is_upper(ta_u8_decode(t, n, &(size_t){we + 1}));
                if (v != 0 && (v == last_item + 1 || again || prev == ';' || prev == ':' || ended))
                    at = i + 1, last_item = v > 0 ? v : last_item;
            }
            if (!at && prev == '.' && ta_is_lower(d)) {
                size_t we = i + 1;
                while (we < n && t[we] != ' ')
                    we++;
                if (camel(t, i + 1, we) || domain(t, i + 1, we))
                    at = i + 1; /* "upgraded. oOh! Media", "a phone. iPhones", "added.
                                 * rus.err.ee wrote": join_here keeps it after an
                                 * abbreviation */
            }
            if (!at && t[i + 1] >= 'a' && t[i + 1] <= 'z' && t[i + 2] == '.' && i + 3 < n &&
                t[i + 3] == ' ') { /* "Smith. a. here it is b. another c. one more" */
                int v = t[i + 1] - 'a' + 1;
                bool ok = v == letter_item + 1 && letter_item > 0;
                if (v == 1 && (ended || prev == ':')) /* a "b." follows */
                    for (size_t k = i + 3; k + 4 <= n && k < i + 300 && !ok; k++)
                        ok = !memcmp(t + k, " b. ", 4);
                if (ok)
                    at = i + 1, letter_item = v;
            }
            if (!at && prev == '.' && p > 0 && t[p - 1] != '.' && d == '(' && q < n &&
                ta_is_lower(ta_u8_decode(t, n, &(size_t){q})))
                at = i + 1; /* "for hundreds of years. (credit: modification of work by" */
            if (!at && prev == 0x2026 && ta_is_upper(d))
                at = i + 1; /* "a couple of times… My team", as ICU does for "..." */
            if (!at && t[i - 1] && strchr(")(DPp3", t[i - 1]) && ta_is_upper(d) &&
                emoticon(t, ta_token_start(t, 0, i), i))
                at = i + 1; /* "... тоже ;) Я вспомнила" */
            if (!at && prev == '.' && ta_is_digit((unsigned char)t[i + 1])) {
                size_t a = ta_token_start(t, 0, p), letters = 0, z = p;
                bool word = true; /* a word before the period, maybe quoted: "«Аталанта». 24" */
                while (a < z) {
                    size_t r = a;
                    if (!ta_is_open_punct(ta_u8_decode(t, z, &r)))
                        break;
                    a = r;
                }
                while (z > a) {
                    size_t r = z;
                    uint32_t c = ta_u8_prev(t, &r);
                    if (c != '"' && c != 0xBB && c != 0x201D && c != '\'')
                        break;
                    z = r;
                }
                for (size_t r = a; r < z && word;) {
                    uint32_t e = ta_u8_decode(t, z, &r);
                    word = ta_is_alpha(e) || (letters && e == '-');
                    letters++;
                }
                if (word && letters >= 2)
                    at = i + 1;
            }
        }
        if (!at && t[i] == '.' && i > 1 && ta_is_lower((unsigned char)t[i - 1]) &&
            ta_is_lower((unsigned char)t[i - 2]) && i + 1 < n && ta_is_digit((unsigned char)t[i + 1])) {
            size_t d = i + 1; /* footnote numbers glued to a sentence end: "care.11 12 Take" */
            while (d < n) {
                size_t g = d;
                while (g < n && ta_is_digit((unsigned char)t[g]))
                    g++;
                if (g == d || g - d > 2 || g >= n || t[g] != ' ')
                    break;
                d = g + 1;
                if (d < n && ta_is_upper((unsigned char)t[d]))
                    at = d;
            }
        }
        if (!at && t[i] == '.' && i > 0 && glued_sentence(t, n, i))
            at = i + 1;
        if (i == 0 && n > 2) {
            size_t we = 0;
            bool bullet;
            while (we < n && t[we] != ' ')
                we++;
            int v = ta_list_marker(t, 0, we, &bullet);
            if (v > 0)
                last_item = v;
        }
        if (at) {
            size_t *slot = ta_vec_push(c);
            if (!slot)
                return -1;
            *slot = at;
        }
    }
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

/* In a paragraph joined from wrapped lines (s[0, n) holds line breaks), one or two lowercase
 * words after the last line's sentence end are a menu's first item, not the sentence's end:
 * "It was a cold\nnight in the city. features\ncontact manager". Their start, or 0. */
static size_t menu_tail(const char *s, size_t n)
{
    size_t ls = n;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    size_t sp = n, words = 0;
    for (size_t i = n; i > ls && words < 3 && !(sp < n && s[sp - 1] == '.'); i--) {
        char c = s[i - 1];
        if (c == ' ')
            words++, sp = i - 1;
        else if (!ta_is_lower((unsigned char)c))
            return 0;
    }
    if (words < 1 || words > 2 || sp < ls + 5 || s[sp - 1] != '.' ||
        !ta_is_lower((unsigned char)s[sp - 2]) || !ta_is_lower((unsigned char)s[sp - 3]) ||
        !ta_is_lower((unsigned char)s[sp - 4]))
        return 0;
    for (size_t i = sp + 1; i < n; i++) /* a single space between the words */
        if (s[i] == ' ' && (i + 1 >= n || s[i + 1] == ' '))
            return 0;
    return sp + 1;
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
    for (int32_t b = ubrk_next(sg->bi); b != UBRK_DONE && (size_t)b < n; b = ubrk_next(sg->bi)) {
        size_t *slot = ta_vec_push(c);
        if (!slot)
            return TA_ENOMEM;
        *slot = (size_t)b;
    }
    size_t sent = 0, headline_end = 0;
    if (kind == TA_KIND_BODY) { /* glued headlines and subheadings become candidates */
        size_t from = 0, nc = c->len, first_end = 0;
        bool found = false;
        for (size_t k = 0, real = 0; k <= nc; k++) {
            size_t to = k < nc ? ((size_t *)c->data)[k] : n, g;
            if (to < n && first && real < 2 && join_here(sg, t, 0, n, from, to))
                continue; /* an abbreviation: "Work week in St. | Petersburg will start" */
            /* the search goes on after each find, for a headline, then a subheading ("...
             * Donbass | Firing will cease ... July 27 | Pope Francis welcomed"); the headline
             * zone is the first sentence, or the second after a kicker of two words or fewer
             * ("Российский рекорд. Школьник сдал ЕГЭ ... | Ученик ...") */
            bool zone = first && (real == 0 || (real == 1 && ta_count_words(t, 0, from, 3) < 3));
            for (size_t at = from; (g = ta_glued_headline(sg->headliner, t, n, at, to,
                                                          zone ? 1 + (at == from) : 0,
                                                          s, len)) != 0; at = g) {
                size_t *slot = ta_vec_push(c);
                if (!slot)
                    return TA_ENOMEM;
                *slot = g;
                found = found || zone;
                if (first && real == 0 && at == from)
                    headline_end = g; /* the document's headline, glued to its first sentence */
            }
            first_end = real == 0 ? to : first_end;
            from = to;
            real++;
        }
        size_t g = article && first && !found && first_end
                       ? ta_forced_headline(sg->headliner, t, n, first_end, s, len) : 0;
        if (g) { /* an article (300 bytes or more) with no sign of a headline: its most
                  * probable end */
            size_t *slot = ta_vec_push(c);
            if (!slot)
                return TA_ENOMEM;
            *slot = headline_end = g;
        }
    }
    size_t tail = t == s + lo ? 0 : menu_tail(s + lo, n), *slot;
    if (extra_candidates(t, n, sg->split_semicolon && !sg->opts.keep_semicolons, c) ||
        (tail && !(slot = ta_vec_push(c))))
        return TA_ENOMEM;
    if (tail)
        *slot = tail;
    sg->quoted.len = 0;
    if (c->len && single_quoted(t, n, &sg->quoted))
        return TA_ENOMEM;
    size_t *cd = c->data;
    if (c->len)
        qsort(cd, c->len, sizeof *cd, cmp_size);
    int last_item = item_at(t, n, sent, 0);
    bool bullet;
    size_t qcur = 0;
    for (size_t k = 0; k < c->len; k++) {
        size_t p = cd[k];
        if (p <= sent || p >= n || (k && cd[k - 1] == p) || join_here(sg, t, 0, n, sent, p) ||
            (sg->quoted.len && in_single_quotes(t, &sg->quoted, p, &qcur)))
            continue;
        /* references and footnote numbers stay with the sentence they follow: ".[17] ", ".4 " */
        if (p > 0 && t[p - 1] == '[' && ta_is_digit((unsigned char)t[p]))
            p--;
        if (t[p] == '[') {
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
        } else if (ta_is_digit((unsigned char)t[p])) {
            size_t d = p, r;
            while (d < n && ta_is_digit((unsigned char)t[d]))
                d++;
            r = d + 1;
            if (d + 1 < n && t[d] == ' ' && d - p <= 2 && ta_is_upper(ta_u8_decode(t, n, &r)) &&
                !date_at(sg, t, p, n))
                p = d + 1; /* not a date: "Inc. | 5 May brought" */
        }
        if (p >= n)
            break;
        size_t fd, e0 = p;
        while (e0 > sent && t[e0 - 1] == ' ')
            e0--;
        if (spaced_dots(t, sent, e0, &fd) == 4 && e0 - fd == 7 && fd > sent && t[fd - 1] != ' ')
            p = fd + 2; /* a period, then an ellipsis opening the next sentence:
                         * "compounds. | . . . The practice" */
        /* a list marker ending the sentence belongs to the next one: "item 2. The second" */
        size_t e = p;
        while (e > sent && t[e - 1] == ' ')
            e--;
        size_t m = ta_token_start(t, sent, e);
        int mv = ta_list_marker(t, m, e, &bullet);
        if (e - m == 2 && t[m] == 'I' && m > sent)
            mv = 0; /* "you and I." ends a sentence; it is no item "I." */
        if (mv != 0 && m > sent) {
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
            /* "1." after a plain word opens no list: "pushed to September 1. The", "60
             * seconds by 1. In"; a list already running may restart at 1 */
            bool first_item = mv == 1 && last_item == 0 && !bt && b > bs &&
                              ta_is_alpha(ta_u8_prev(t, &(size_t){b}));
            if (bullet || bt || (mv > 0 && mv == last_item + 1 && !first_item) ||
                (mv == 1 && last_item > 1)) { /* a list starting again: "2. Two 1. One" */
                last_item = mv;
                if (emit(v, s, lo + sent, lo + m, para, kind))
                    return TA_ENOMEM;
                sent = m;
                continue;
            }
        } else if (mv > 0 && m == sent)
            last_item = mv;
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
                           len >= 300, &v);
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
