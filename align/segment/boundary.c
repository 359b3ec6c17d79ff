/* boundary.c — the boundary zone of the rule table: abbreviations (abbrev.LANG, months.LANG)
 * and the rules that veto a proposed boundary ("Mr. | Smith") or keep it ("you and I. | Did").
 * Each rule is a small function over one context computed once per boundary. */
#include "boundary.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { AB_TITLE = 1, AB_NUM, AB_AMB };
enum { ABBREV_TOKENS = 3,   /* "до н. э.": an abbreviation of up to three tokens */
       INITIALS_MAX_BYTES = 3, /* "Л." or "J.": one capital and its dot */
       PHRASE_MAX_WORDS = 3 }; /* "At 5 a.m.": a preposition and at most two words */

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
static int make_key(ta_abbrevs *s, const char *p, size_t n)
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


static ta_status load_abbrev(ta_abbrevs *s, const char *data_dir, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    int *lineno;
    snprintf(name, sizeof name, "abbrev.%s", s->lang);
    ta_status st = ta_data_lines(data_dir, name, &lines, &n, &lineno, err);
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
static ta_status load_months(ta_abbrevs *s, const char *data_dir, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    snprintf(name, sizeof name, "months.%s", s->lang);
    ta_status st = ta_data_lines(data_dir, name, &lines, &n, NULL, err);
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
bool ta_date_at(ta_abbrevs *sg, const char *s, size_t a, size_t hi)
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

/* The spaced dots ending at e: ". . ." gives 3; *first is the first dot's offset. */
int ta_spaced_dots(const char *s, size_t lo, size_t e, size_t *first)
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
bool ta_camel_word(const char *s, size_t a, size_t e)
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

/* Is s[sent, a) no sentence but an opening phrase: a preposition ("phrase" lines of
 * abbrev.LANG) and at most two words, as in "At 5 a.m. Mr. Smith went"? */
static bool phrase_only(ta_abbrevs *sg, const char *s, size_t sent, size_t a)
{
    size_t e = sent;
    while (e < a && s[e] != ' ')
        e++;
    size_t q = sent;
    int v;
    return ta_count_words(s, sent, a, PHRASE_MAX_WORDS + 1) <= PHRASE_MAX_WORDS && e > sent && ta_is_upper(ta_u8_decode(s, e, &q)) &&
           !make_key(sg, s + sent, e - sent) &&
           ta_strmap_get(&sg->phrase, sg->key.data ? sg->key.data : "", sg->key.len, &v);
}


/* ---- the rules ------------------------------------------------------------- */

/* What the boundary rules read, computed once per boundary. */
typedef struct {
    ta_abbrevs *ab;
    const char *s;
    size_t lo, hi, sent, p;
    size_t e;       /* the end of the text before the boundary, white space skipped */
    uint32_t last;  /* the last character before e, closing quotes and ')' skipped */
    bool period;    /* s[e - 1] is a period and a word follows: the rules below the gate */
    /* with `period` only: */
    size_t a;       /* the token before the boundary, from the sentence start, opening marks
                     * skipped: "Tuesday.|Mr." */
    size_t nx, ne;  /* the next word */
    bool next_upper, next_digit, next_lower;
    size_t starts[ABBREV_TOKENS]; /* the last one, two and three tokens */
    int nst;
    int cls;        /* the abbreviation of those tokens (the longest), 0 for none */
    size_t abbrev_at;
    char **follow;
    bool initials, dotted, opener;
} bctx;

static bool open_bracket(const bctx *c)
{
    const char *s = c->s;
    return c->p > c->lo + 1 && c->e == c->p && strchr("([{", s[c->p - 1]) &&
           !strchr(".!?", s[c->p - 2]); /* "[?][footnoteRef:6]", not "martyr.[1] The" */
}

static bool spaced_ellipsis(const bctx *c)
{
    size_t fd; /* "the thing is . . . I didn't"; four dots end it */
    return ta_spaced_dots(c->s, c->lo, c->e, &fd) == 3 && c->e - fd == 5 &&
           (fd == c->lo || c->s[fd - 1] == ' ');
}

static ta_verdict r_bracketed_ellipsis(bctx *c)
{
    return bracketed_ellipsis(c->s, c->lo, c->e) ? RV_JOIN : RV_PASS;
}

static ta_verdict r_in_brackets(bctx *c)
{
    return in_brackets(c->s, c->sent, c->e, c->hi) ? RV_JOIN : RV_PASS;
}

static ta_verdict r_open_bracket(bctx *c)
{
    return open_bracket(c) ? RV_JOIN : RV_PASS;
}

static ta_verdict r_spaced_ellipsis(bctx *c)
{
    return spaced_ellipsis(c) ? RV_JOIN : RV_PASS;
}

static ta_verdict r_list_paren(bctx *c) /* "1.)" */
{
    const char *s = c->s;
    if (!(c->e > c->lo && s[c->e - 1] == ')' && c->e - 1 > c->lo && s[c->e - 2] == '.'))
        return RV_PASS;
    bool bullet;
    size_t a0 = ta_token_start(s, c->lo, c->e);
    return a0 == c->sent && ta_list_marker(s, a0, c->e, &bullet) != 0 ? RV_JOIN : RV_KEEP;
}

static ta_verdict r_armenian_stop(bctx *c) /* "в 01։23 часов" */
{
    const char *s = c->s;
    size_t e = c->e, p = c->p;
    return e == p && e >= c->lo + 3 && p < c->hi && !memcmp(s + e - 2, "\xD6\x89", 2) &&
           ta_is_digit((unsigned char)s[e - 3]) && ta_is_digit((unsigned char)s[p]) ? RV_JOIN
                                                                                   : RV_PASS;
}

static bool exclaim(const bctx *c)
{
    return c->last == '!' || c->last == '?';
}

static ta_verdict r_exclaim_in_word(bctx *c) /* "Y!J.", "speaks !Xũ" */
{
    size_t r = c->p;
    return exclaim(c) && c->e == c->p && c->p < c->hi && ta_is_alpha(ta_u8_decode(c->s, c->hi, &r))
               ? RV_JOIN : RV_PASS;
}

static ta_verdict r_exclaim_brand(bctx *c) /* "oOh! Media" */
{
    return exclaim(c) && ta_camel_word(c->s, ta_token_start(c->s, c->lo, c->e), c->e) ? RV_JOIN
                                                                                     : RV_PASS;
}

static ta_verdict r_exclaim_lowercase(bctx *c) /* "Yahoo! in the", "'Well!' thought Alice" */
{
    if (!exclaim(c))
        return RV_PASS;
    size_t r = c->p;
    while (r < c->hi && c->s[r] == ' ')
        r++;
    return r < c->hi && ta_is_lower(ta_u8_decode(c->s, c->hi, &r)) ? RV_JOIN : RV_KEEP;
}

static ta_verdict r_pronoun_i(bctx *c) /* "you and I. Did you", not "Albert I. Jones" */
{
    return c->period && c->e - c->a == 2 && c->s[c->a] == 'I' && c->nst > 1 &&
           ta_is_lower((unsigned char)c->s[c->starts[1]]) ? RV_KEEP : RV_PASS;
}

static ta_verdict r_roman_after_name(bctx *c) /* "Петр I.": a Roman numeral after a name */
{
    if (!c->period)
        return RV_PASS;
    bool roman = c->nst > 1 && c->e - c->a >= 2;
    for (size_t i = c->a; roman && i + 1 < c->e; i++)
        roman = c->s[i] == 'I' || c->s[i] == 'V' || c->s[i] == 'X';
    size_t q1 = c->starts[1];
    return roman && ta_u8_decode(c->s, c->hi, &q1) >= 0x400 ? RV_KEEP : RV_PASS;
}

static ta_verdict r_initial(bctx *c) /* "Л. В. Щербы", not "в." */
{
    return c->period && c->e - c->a <= INITIALS_MAX_BYTES && c->next_upper &&
                   is_initials(c->s, c->a, c->e)
               ? RV_JOIN : RV_PASS;
}

static ta_verdict r_abbrev_title(bctx *c) /* "Mr. Smith", "e.g. The Times", but "in Yard St.
                                           * The man" */
{
    if (!c->period || c->cls != AB_TITLE)
        return RV_PASS;
    size_t q0 = c->abbrev_at;
    bool capital = ta_is_upper(ta_u8_decode(c->s, c->hi, &q0));
    return capital && c->next_upper && ta_headliner_starter(c->ab->headliner, c->s, c->hi, c->nx)
               ? RV_KEEP : RV_JOIN;
}

static ta_verdict r_abbrev_number(bctx *c) /* "No. 5" */
{
    if (!c->period || c->cls != AB_NUM)
        return RV_PASS;
    return c->next_digit ? RV_JOIN : RV_KEEP;
}

static ta_verdict r_abbrev_date(bctx *c) /* "около $3 трлн. | 24 апреля Трамп" */
{
    return c->period && c->cls == AB_AMB && c->next_digit && ta_date_at(c->ab, c->s, c->nx, c->hi)
               ? RV_KEEP : RV_PASS;
}

static ta_verdict r_abbrev_ambiguous(bctx *c)
{
    if (!c->period || c->cls != AB_AMB)
        return RV_PASS;
    return c->next_lower || c->next_digit ||
                   (c->next_upper && follow_ok(c->follow, c->s + c->nx, c->ne - c->nx)) ||
                   (c->next_upper && phrase_only(c->ab, c->s, c->sent, c->abbrev_at))
               ? RV_JOIN : RV_KEEP;
}

/* "gave him the I.V. It was", "the i.v. It was": a function word that opens sentences follows;
 * "I.V. Jones", "к.п.н. Иванов" go on */
static ta_verdict r_dotted_initials(bctx *c)
{
    if (!c->period || c->cls || !c->initials)
        return RV_PASS;
    return (c->next_upper && !c->opener) || c->next_lower ? RV_JOIN : RV_KEEP;
}

static ta_verdict r_dotted_lower(bctx *c)
{
    if (!c->period || c->cls || !c->dotted)
        return RV_PASS;
    return !c->opener ? RV_JOIN : RV_KEEP;
}

static ta_verdict r_list_item_start(bctx *c) /* "1." or "IV." opening an item */
{
    bool bullet;
    return c->period && !c->cls && c->a == c->sent &&
           ta_list_marker(c->s, c->a, c->e, &bullet) != 0 ? RV_JOIN : RV_PASS;
}

static const struct {
    ta_rule_id id;
    ta_verdict (*fn)(bctx *c);
} rules[] = {
    {R_BRACKETED_ELLIPSIS, r_bracketed_ellipsis}, {R_IN_BRACKETS, r_in_brackets},
    {R_OPEN_BRACKET, r_open_bracket},             {R_SPACED_ELLIPSIS, r_spaced_ellipsis},
    {R_LIST_PAREN, r_list_paren},                 {R_ARMENIAN_STOP, r_armenian_stop},
    {R_EXCLAIM_IN_WORD, r_exclaim_in_word},       {R_EXCLAIM_BRAND, r_exclaim_brand},
    {R_EXCLAIM_LOWERCASE, r_exclaim_lowercase},   {R_PRONOUN_I, r_pronoun_i},
    {R_ROMAN_AFTER_NAME, r_roman_after_name},     {R_INITIAL, r_initial},
    {R_ABBREV_TITLE, r_abbrev_title},             {R_ABBREV_NUMBER, r_abbrev_number},
    {R_ABBREV_DATE, r_abbrev_date},               {R_ABBREV_AMBIGUOUS, r_abbrev_ambiguous},
    {R_DOTTED_INITIALS, r_dotted_initials},       {R_DOTTED_LOWER, r_dotted_lower},
    {R_LIST_ITEM_START, r_list_item_start},
};

/* The words around a period: the token before, the next word, the abbreviation. */
static void period_context(bctx *c)
{
    const char *s = c->s;
    size_t a = ta_token_start(s, c->sent, c->e);
    for (;;) { /* strip opening quotes and brackets */
        size_t q = a;
        if (q >= c->e || !ta_is_open_punct(ta_u8_decode(s, c->e, &q)))
            break;
        a = q;
    }
    c->a = a;
    size_t nx = c->p;
    while (nx < c->hi) {
        size_t q = nx;
        if (!ta_is_space(ta_u8_decode(s, c->hi, &q)))
            break;
        nx = q;
    }
    if (nx >= c->hi) {
        c->period = false; /* nothing follows */
        return;
    }
    size_t ne = nx;
    while (ne < c->hi) {
        size_t q = ne;
        if (ta_is_space(ta_u8_decode(s, c->hi, &q)))
            break;
        ne = q;
    }
    c->nx = nx, c->ne = ne;
    size_t q = nx;
    uint32_t ch = ta_u8_decode(s, c->hi, &q);
    while (ta_is_open_punct(ch) && q < ne)
        ch = ta_u8_decode(s, c->hi, &q);
    c->next_upper = ta_is_upper(ch), c->next_digit = ta_is_digit(ch);
    c->next_lower = ta_is_lower(ch) || ch == ',' || ch == ';' || ch == ':' || ch == '-';
    /* the abbreviation: try three, two and one tokens ("до н. э.", "т. е.", "г.") */
    c->starts[0] = a, c->nst = 1;
    for (size_t b = a; c->nst < ABBREV_TOKENS && b > c->sent;) {
        size_t t = b;
        while (t > c->sent && (s[t - 1] == ' '))
            t--;
        if (t == b || t == c->sent)
            break;
        b = ta_token_start(s, c->sent, t);
        c->starts[c->nst++] = b;
    }
}

/* The abbreviation the last tokens make, for the rules from abbrev-title on. */
static void abbrev_context(bctx *c)
{
    const char *s = c->s;
    ta_abbrevs *ab = c->ab;
    for (int k = c->nst - 1; k >= 0 && !c->cls; k--) {
        int v;
        if (make_key(ab, s + c->starts[k], c->e - c->starts[k]))
            break;
        if (ta_strmap_get(&ab->abbrev, ab->key.data ? ab->key.data : "", ab->key.len, &v))
            c->cls = v & 15, c->abbrev_at = c->starts[k],
            c->follow = ((char ***)ab->follow.data)[v >> 4];
    }
}

/* Dotted forms ("I.V.", "к.п.н.") and whether a sentence opener follows them, for the rules
 * from dotted-initials on. */
static void dotted_context(bctx *c)
{
    const char *s = c->s;
    c->initials = is_initials(s, c->a, c->e);
    c->dotted = !c->initials && is_lower_dotted(s, c->a, c->e);
    c->opener = (c->initials || c->dotted) && c->next_upper &&
                ta_headliner_stopword(c->ab->headliner, s + c->nx, c->ne - c->nx) &&
                ta_headliner_starter(c->ab->headliner, s, c->hi, c->nx);
}

bool ta_boundary_vetoed(ta_abbrevs *ab, ta_ruleset *rs, bool report, const char *s, size_t lo,
                        size_t hi, size_t sent, size_t p, ta_rule_id *keeper)
{
    bctx c = {.ab = ab, .s = s, .lo = lo, .hi = hi, .sent = sent, .p = p, .e = p};
    while (c.e > lo) {
        size_t q = c.e;
        if (!ta_is_space(ta_u8_prev(s, &q)))
            break;
        c.e = q;
    }
    size_t q0 = c.e; /* closing quotes after "!" or "?" */
    uint32_t last = c.e > lo ? ta_u8_prev(s, &q0) : 0;
    while (q0 > lo && (last == '"' || last == '\'' || last == 0xBB || last == 0x201D ||
                       last == 0x2019 || last == ')'))
        last = ta_u8_prev(s, &q0);
    c.last = last;
    c.period = c.e > lo && s[c.e - 1] == '.';
    int stage = 0; /* the context is computed as far as the rules tried need it */
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        if (!ta_rule_on(rs, rules[i].id))
            continue;
        if (rules[i].id >= R_PRONOUN_I && stage < 1 && ++stage && c.period)
            period_context(&c); /* the rules from here on read the words */
        if (rules[i].id >= R_ABBREV_TITLE && stage < 2 && ++stage && c.period)
            abbrev_context(&c);
        if (rules[i].id >= R_DOTTED_INITIALS && stage < 3 && ++stage && c.period)
            dotted_context(&c);
        ta_verdict v = rules[i].fn(&c);
        if (v == RV_PASS)
            continue;
        if (keeper)
            *keeper = rules[i].id;
        if (report && v == RV_JOIN)
            ta_rule_decided(rs, rules[i].id, p, false);
        return v == RV_JOIN;
    }
    return false;
}

ta_status ta_abbrevs_load(ta_abbrevs *ab, const char *lang, const char *data_dir,
                          ta_error *err)
{
    snprintf(ab->lang, sizeof ab->lang, "%s", lang);
    ab->follow.esz = sizeof(char **);
    ta_status st = load_abbrev(ab, data_dir, err);
    return st == TA_OK ? load_months(ab, data_dir, err) : st;
}

void ta_abbrevs_release(ta_abbrevs *ab)
{
    ta_strmap_release(&ab->abbrev);
    ta_strmap_release(&ab->phrase);
    ta_strmap_release(&ab->months);
    free_follow(&ab->follow);
    ta_buf_release(&ab->key);
    ta_buf_release(&ab->lower);
}
