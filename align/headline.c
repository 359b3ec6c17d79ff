/* headline.c — a headline or subheading glued to the text after it without punctuation, as in
 * scraped news ("... due to Hurricane Hanna Mexico's National ...", "... в Донбассе Украинские
 * военные начали ..."). The evidence: a dateline, a word that often opens sentences
 * (starters.LANG), the headline's own words repeated as the sentence's subject, and, in the
 * document's first sentence, a capitalised word seen in lowercase elsewhere in the document
 * or, in Russian, a capitalised common word (known in lowercase to hunspell) in the nominative
 * after a word a headline can end with; a Title Case run, an apposition before the headline's
 * name ("Washington winger Aleksandr Ovechkin"), a headline's words restated by its lead. */
#define _GNU_SOURCE /* memmem */
#include "headline.h"
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of endings.LANG lines. */
enum { END_VERB, END_ADJ_STEM, END_ADJ, END_DEMONYM, END_OBLIQUE, END_ORDINAL, END_KINDS };
static const char *end_kind[END_KINDS] = {"verb", "adjective-stem", "adjective", "demonym",
                                          "oblique", "ordinal"};

enum { HUNSPELL_MAX_BYTES = 60, /* longer words are not looked up */
       RU_VERB_MIN_LETTERS = 4, PREFIX_LETTERS = 5 };

struct ta_headliner {
    char lang[8];
    char **starters;  /* starters.LANG */
    ta_strmap first;  /* the first word of every starter, to skip the list for other words */
    ta_strmap stop;   /* stopwords.LANG: a headline does not end with one */
    ta_strmap minor;  /* titlecase.LANG: lowercase words of Title Case headlines */
    ta_strmap titles; /* titles.LANG: a title before a name ("Chief Minister") */
    ta_strmap roles;  /* roles.LANG: starters that end names ("Metropolitan Police") */
    char **end[END_KINDS]; /* endings.LANG (and ordinals of endings.en, endings.ru) */
    char *dict_dir;   /* hunspell dictionaries */
    Hunhandle *hun;
    bool hun_tried;
    ta_buf key, tmp;
};

/* The lines of the data file `name` into the set m. */
static ta_status load_set(const char *data_dir, const char *name, ta_strmap *m, ta_error *err)
{
    char **lines;
    size_t n;
    ta_status st = ta_data_lines(data_dir, name, &lines, &n, NULL, err);
    for (size_t i = 0; st == TA_OK && i < n; i++)
        if (ta_strmap_put(m, lines[i], strlen(lines[i]), 1))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
    ta_lines_free(lines);
    return st;
}

/* Appends the words of a line "KIND word word ..." to the list of its kind. */
static ta_status add_endings(ta_headliner *h, char *line, const char *name, int lineno,
                             ta_error *err)
{
    size_t kl = strcspn(line, " \t");
    int k = 0;
    while (k < END_KINDS && !(strlen(end_kind[k]) == kl && !memcmp(end_kind[k], line, kl)))
        k++;
    if (k == END_KINDS)
        return ta_fail(err, TA_EFORMAT, "%s line %d: unknown kind '%.*s' (verb, adjective-stem, "
                       "adjective, demonym, oblique or ordinal)", name, lineno, (int)kl, line);
    size_t have = 0;
    while (h->end[k] && h->end[k][have])
        have++;
    char *save = NULL;
    for (char *w = strtok_r(line + kl, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        char **grown = realloc(h->end[k], (have + 2) * sizeof *grown);
        if (!grown || !(grown[have] = strdup(w))) {
            if (grown)
                h->end[k] = grown, grown[have] = NULL;
            return ta_fail(err, TA_ENOMEM, "out of memory");
        }
        h->end[k] = grown, grown[++have] = NULL;
    }
    return TA_OK;
}

/* endings.LANG; with `ordinals_only`, only its ordinal lines (ordinals of both languages are
 * read in either). */
static ta_status load_endings(ta_headliner *h, const char *data_dir, const char *lang,
                              bool ordinals_only, ta_error *err)
{
    char name[32], **lines;
    size_t n;
    int *lineno;
    snprintf(name, sizeof name, "endings.%s", lang);
    ta_status st = ta_data_lines(data_dir, name, &lines, &n, &lineno, err);
    for (size_t i = 0; st == TA_OK && i < n; i++)
        if (!ordinals_only || !strncmp(lines[i], "ordinal ", 8))
            st = add_endings(h, lines[i], name, lineno[i], err);
    ta_lines_free(lines);
    free(lineno);
    return st;
}

ta_status ta_headliner_use_hunspell(ta_headliner *h, const char *dir, const ta_ruleset *rs,
                                    ta_error *err)
{
    if (!dir)
        dir = TA_HUNSPELL_DIR;
    char *copy = strdup(dir);
    if (!copy)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    free(h->dict_dir);
    h->dict_dir = copy;
    bool needed = false; /* the rules that ask hunspell */
    static const ta_rule_id asks[] = {R_RU_NAME_VERB, R_RU_COMMON_NOUN, R_REPEATED_WORDS,
                                      R_TITLE_CASE_HEADLINE, R_FORCED_HEADLINE, R_LONG_HEADLINE};
    for (size_t i = 0; i < sizeof asks / sizeof *asks; i++)
        needed = needed || ta_rule_on(rs, asks[i]);
    const char *loc = !strcmp(h->lang, "ru") ? "ru_RU" : "en_US";
    char path[512];
    for (int k = 0; needed && k < 2; k++) {
        snprintf(path, sizeof path, "%s/%s.%s", dir, loc, k ? "dic" : "aff");
        FILE *f = fopen(path, "rb");
        if (!f)
            return ta_fail(err, TA_EIO, "hunspell dictionary %s not found: the headline rules "
                           "need it (install the %s dictionary, give its directory, or switch the "
                           "rules off)", path, loc);
        fclose(f);
    }
    return TA_OK;
}

ta_status ta_headliner_new(const char *lang, const char *data_dir, ta_headliner **out,
                           ta_error *err)
{
    *out = NULL;
    ta_headliner *h = calloc(1, sizeof *h);
    if (!h)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    snprintf(h->lang, sizeof h->lang, "%s", lang);
    char name[32];
    size_t n;
    snprintf(name, sizeof name, "starters.%s", lang);
    ta_status st = ta_data_lines(data_dir, name, &h->starters, &n, NULL, err);
    for (size_t i = 0; st == TA_OK && i < n; i++)
        if (ta_strmap_put(&h->first, h->starters[i], strcspn(h->starters[i], " "), 1))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
    snprintf(name, sizeof name, "stopwords.%s", lang);
    if (st == TA_OK)
        st = load_set(data_dir, name, &h->stop, err);
    if (st == TA_OK && !strcmp(lang, "en") &&
        (st = load_set(data_dir, "titlecase.en", &h->minor, err)) == TA_OK)
        st = load_set(data_dir, "titles.en", &h->titles, err);
    snprintf(name, sizeof name, "roles.%s", lang);
    if (st == TA_OK)
        st = load_set(data_dir, name, &h->roles, err);
    if (st == TA_OK && (st = load_endings(h, data_dir, lang, false, err)) == TA_OK)
        st = load_endings(h, data_dir, strcmp(lang, "ru") ? "ru" : "en", true, err);
    if (st != TA_OK) {
        ta_headliner_free(h);
        return st;
    }
    *out = h;
    return TA_OK;
}

void ta_headliner_free(ta_headliner *h)
{
    if (!h)
        return;
    ta_lines_free(h->starters);
    ta_strmap_release(&h->first);
    ta_strmap_release(&h->stop);
    ta_strmap_release(&h->minor);
    ta_strmap_release(&h->titles);
    ta_strmap_release(&h->roles);
    if (h->hun)
        ta_hunspell_destroy(h->hun);
    free(h->dict_dir);
    for (int k = 0; k < END_KINDS; k++) {
        for (size_t i = 0; h->end[k] && h->end[k][i]; i++)
            free(h->end[k][i]);
        free(h->end[k]);
    }
    ta_buf_release(&h->key);
    ta_buf_release(&h->tmp);
    free(h);
}

/* ---- words ---------------------------------------------------------------- */

static bool is_close_quote(uint32_t c)
{
    return c == '"' || c == 0xBB || c == 0x201D || c == 0x2019 || c == '\'' || c == ')';
}

/* The letters of the token s[a, e): without surrounding quotes, brackets and trailing
 * punctuation (",", ":", "'s" is kept). Returns the trimmed end; *a moves past opening marks. */
static size_t word_core(const char *s, size_t *a, size_t e)
{
    size_t q = *a;
    while (q < e) {
        size_t r = q;
        if (!ta_is_open_punct(ta_u8_decode(s, e, &r)))
            break;
        q = r;
    }
    *a = q;
    while (e > q) {
        size_t r = e;
        uint32_t c = ta_u8_prev(s, &r);
        if (ta_is_alpha(c) || ta_is_digit(c))
            break;
        e = r;
    }
    return e;
}

static size_t token_end(const char *s, size_t n, size_t a)
{
    while (a < n && s[a] != ' ')
        a++;
    return a;
}

static bool in_list(char **list, const char *w, size_t n)
{
    for (size_t k = 0; list && list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(list[k], w, n))
            return true;
    return false;
}

static bool in_map(ta_headliner *h, const ta_strmap *m, const char *w, size_t n)
{
    int v;
    h->key.len = 0;
    return !ta_u8_lower(&h->key, w, n, false) &&
           ta_strmap_get(m, h->key.data ? h->key.data : "", h->key.len, &v);
}

/* Is t[a, z) all capitals, as "US" (not the stopword "us")? */
static bool acronym(const char *t, size_t a, size_t z)
{
    int caps = 0;
    for (size_t q = a; q < z;) {
        uint32_t c = ta_u8_decode(t, z, &q);
        if (ta_is_lower(c))
            return false;
        caps += ta_is_upper(c);
    }
    return caps >= 2;
}

static bool is_stopword(ta_headliner *h, const char *w, size_t n)
{
    return in_map(h, &h->stop, w, n);
}

/* Is t[from, w) a Title Case headline: four words or more, every word capitalised but the
 * minor ones (titlecase.LANG), and after the first word a minor word capitalised too or five
 * capitalised words? */
static bool title_case(ta_headliner *h, const char *t, size_t from, size_t w)
{
    int words = 0, caps = 0, minor_caps = 0;
    for (size_t a = from; a < w;) {
        size_t e = a;
        while (e < w && t[e] != ' ')
            e++;
        size_t wa = a, wz = word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_alpha(c)) {
            bool minor = in_map(h, &h->minor, t + wa, wz - wa);
            if (ta_is_upper(c))
                caps += words > 0, minor_caps += minor && words > 0; /* not the first word */
            else if (!minor)
                return false;
            words++;
        }
        a = e + 1;
    }
    return words >= 4 && (minor_caps > 0 || caps >= 5);
}

/* Does a lowercase word that is not minor come within the first k words from ws ("Pakistan
 * and England will ...")? */
static bool sentence_soon(ta_headliner *h, const char *t, size_t n, size_t ws, int k)
{
    for (size_t a = ws; a < n && k > 0; k--) {
        size_t e = a;
        while (e < n && t[e] != ' ')
            e++;
        size_t wa = a, wz = word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_lower(c) && !in_map(h, &h->minor, t + wa, wz - wa))
            return true;
        a = e + 1;
    }
    return false;
}

static const char *find(const char *h, size_t hn, const char *nd, size_t nn)
{
    return nn ? memmem(h, hn, nd, nn) : NULL;
}

/* Does w[0, n) end with one of `list` and hold more before it? */
static bool ends_with(char **list, const char *w, size_t n)
{
    for (size_t i = 0; list && list[i]; i++) {
        size_t l = strlen(list[i]);
        if (n > l && !memcmp(w + n - l, list[i], l))
            return true;
    }
    return false;
}

/* Is the word at t[a] a Russian verb in the past or the present third person, lowercase and
 * four letters or more: "заявил", "сообщила", "считает", "говорят"? */
static bool ru_verb(const ta_headliner *h, const char *t, size_t n, size_t a)
{
    size_t e = a, q = a;
    if (a >= n || !ta_is_lower(ta_u8_decode(t, n, &q)))
        return false;
    while (e < n && t[e] != ' ' && t[e] != ',' && t[e] != '.')
        e++;
    return ta_u8_count(t + a, e - a) >= RU_VERB_MIN_LETTERS &&
           ends_with(h->end[END_VERB], t + a, e - a);
}

/* Does w[0, n) hold a Russian adjective ending, "ск" or "цк" and an adjective's case ending
 * ("ливанской", "хабаровского", "израильский"), not a name ("Хабаровска")? */
static bool ru_adjective(const ta_headliner *h, const char *w, size_t n)
{
    char **stem = h->end[END_ADJ_STEM], **end = h->end[END_ADJ];
    for (size_t k = 0; stem && stem[k]; k++) {
        size_t sl = strlen(stem[k]);
        for (size_t i = 0; i + sl <= n; i++) {
            if (memcmp(w + i, stem[k], sl))
                continue;
            for (size_t e = 0; end && end[e]; e++) {
                size_t l = strlen(end[e]);
                if (i + sl + l <= n && !memcmp(w + i + sl, end[e], l))
                    return true;
            }
        }
    }
    return false;
}

/* The bytes of the first k characters of b (all of it when shorter). */
static size_t prefix_bytes(const ta_buf *b, size_t k)
{
    size_t i = 0;
    while (i < b->len && k--)
        ta_u8_decode(b->data, b->len, &i);
    return i;
}

/* Does the rest of a word w[0, n), after its first five letters, make a people's name:
 * "американцы" after "амери", "россияне" after "росси", "хабаровчан" after "хабар"? */
static bool demonym(const ta_headliner *h, const char *w, size_t n)
{
    for (size_t i = 0; h->end[END_DEMONYM] && h->end[END_DEMONYM][i]; i++)
        if (find(w, n, h->end[END_DEMONYM][i], strlen(h->end[END_DEMONYM][i])))
            return true;
    return false;
}

/* Is `w` (n bytes) found lowercased as a word of the document? In Russian the first five
 * letters are compared, so that other inflected forms count (ученик, ученика), but not an
 * adjective made from a name (Ливана, ливанской). */
static bool seen_lowercase(ta_headliner *h, const char *doc, size_t len, const char *w, size_t n)
{
    h->key.len = 0;
    if (ta_u8_lower(&h->key, w, n, false) || !h->key.len)
        return false;
    size_t kl = prefix_bytes(&h->key, PREFIX_LETTERS);
    bool prefix = kl < h->key.len && !strcmp(h->lang, "ru");
    const char *k = h->key.data, *p = doc, *end = doc + len;
    if (!prefix)
        kl = h->key.len;
    while ((p = find(p, (size_t)(end - p), k, kl)) != NULL) {
        size_t i = (size_t)(p - doc), j = i + kl;
        size_t q = i;
        uint32_t before = i ? ta_u8_prev(doc, &q) : ' ';
        q = j;
        uint32_t after = j < len ? ta_u8_decode(doc, len, &q) : ' ';
        /* an adjective made from a name is no sign: "Ливана" and "ливанской", "Израиля" and
         * "израильский" */
        bool adjective = false;
        if (prefix && !ta_is_alpha(before)) {
            size_t we = j, r = j;
            while (we < len && ta_is_alpha(ta_u8_decode(doc, len, &r)))
                we = r;
            adjective = (ru_adjective(h, doc + j, we - j) && !ru_adjective(h, w, n)) ||
                        (demonym(h, doc + j, we - j) && !demonym(h, w + kl, n > kl ? n - kl : 0));
        }
        if (!ta_is_alpha(before) && (prefix || !ta_is_alpha(after)) && !adjective)
            return true;
        p++;
    }
    return false;
}

/* Does hunspell know `w` written in lowercase (a common word, not a name)? */
static bool common_word(ta_headliner *h, const char *w, size_t n)
{
    if (!h->hun_tried && h->dict_dir) {
        h->hun_tried = true;
        char aff[512], dic[512];
        const char *loc = !strcmp(h->lang, "ru") ? "ru_RU" : "en_US";
        snprintf(aff, sizeof aff, "%s/%s.aff", h->dict_dir, loc);
        snprintf(dic, sizeof dic, "%s/%s.dic", h->dict_dir, loc);
        FILE *f = fopen(dic, "rb");
        if (f) {
            fclose(f);
            h->hun = ta_hunspell_create(aff, dic);
        }
    }
    if (!h->hun || n > HUNSPELL_MAX_BYTES)
        return false;
    h->tmp.len = 0;
    if (ta_u8_lower(&h->tmp, w, n, false) || !h->tmp.len)
        return false;
    for (size_t i = 0; i < h->tmp.len; i++) /* en_US is Latin-1: ASCII words only */
        if ((unsigned char)h->tmp.data[i] >= 0x80 && strcmp(h->lang, "ru"))
            return false;
    return Hunspell_spell(h->hun, h->tmp.data) != 0;
}

/* Can the word in h->tmp (lowercase) open a sentence by its dictionary form (Hunspell's stem):
 * the form itself ("количество"), a masculine plural, the form and "ы" or "и" ("офицеры"), an
 * adverb in "о" ("временно", "необходимо") or a word without a stem ("экс-солист"); not
 * "генплана" (генплан) or "прозы" (проза)? Call after common_word() found it. */
static bool lemma_form(ta_headliner *h)
{
    char **stems;
    int k = Hunspell_stem(h->hun, &stems, h->tmp.data);
    size_t n = strlen(h->tmp.data);
    bool same = k == 0 || (n > 2 && !strcmp(h->tmp.data + n - 2, "\xD0\xBE"));
    for (int i = 0; i < k && !same; i++) {
        size_t l = strlen(stems[i]);
        same = !strcmp(stems[i], h->tmp.data) ||
               (l + 2 == n && !memcmp(stems[i], h->tmp.data, l) &&
                (!strcmp(h->tmp.data + l, "\xD1\x8B") || !strcmp(h->tmp.data + l, "\xD0\xB8")));
    }
    Hunspell_free_list(h->hun, &stems, k);
    return same;
}

/* A day, its month and an agency, then a dash: "25 июля (UPI) -", "25 июля(UPI) –". */
static bool day_dateline(const char *t, size_t n, size_t ws)
{
    size_t k = ws;
    while (k < n && k - ws < 2 && ta_is_digit((unsigned char)t[k]))
        k++;
    if (k == ws || k >= n || t[k] != ' ')
        return false;
    size_t m = ++k;
    while (k < n && ta_is_lower(ta_u8_decode(t, n, &(size_t){k})))
        ta_u8_decode(t, n, &k);
    if (k - m < 3 || k >= n)
        return false;
    k += t[k] == ' ';
    if (k >= n || t[k] != '(')
        return false;
    size_t a = ++k;
    while (k < n && k - a < 20 && ta_is_upper(ta_u8_decode(t, n, &(size_t){k})))
        ta_u8_decode(t, n, &k);
    if (k == a || k + 3 >= n || t[k] != ')' || t[k + 1] != ' ')
        return false;
    k += 2;
    return t[k] == '-' || (k + 3 <= n && (!memcmp(t + k, "\xE2\x80\x93", 3) ||
                                          !memcmp(t + k, "\xE2\x80\x94", 3)));
}

/* Does a dateline start at t[ws]? "VIRGINIA BEACH, Va. --", "ISLAMABAD (AP) -",
 * "July 25 (UPI) --", "Luanda - " (this style only in the headline zone, `head`) */
static bool dateline_like(const char *t, size_t n, size_t ws, bool head)
{
    size_t k = ws, words = 0, upper_words = 0; /* upper: "ISLAMABAD", not "Luanda" */
    bool caps = true, digits = false;
    while (k < n && k - ws < 60 && words < 6) {
        size_t q = k;
        uint32_t c = ta_u8_decode(t, n, &q);
        bool day = k > ws && ta_is_digit(c); /* "July 25 (UPI) --" */
        if ((!ta_is_upper(c) && !day) || (k == ws && q < n && t[q] == '.'))
            return false; /* "of S. F., Cal., declare": initials, no city */
        size_t we = k;
        bool lower = false;
        while (we < n && t[we] != ' ' && t[we] != ',') {
            size_t r = we;
            digits |= ta_is_digit((unsigned char)t[we]);
            bool low = ta_is_lower(ta_u8_decode(t, n, &r));
            if (low && we > k + 1)
                caps = false; /* a lowercase letter past the first two bytes ("Va." passes) */
            lower |= low && we > k;
            we = r;
        }
        words += !day;
        upper_words += !lower && !day;
        if (head && upper_words == words && !digits && we > k + 1 && t[we - 1] == '.' &&
            we + 1 < n && t[we] == ' ' && ta_u8_count(t + k, we - 1 - k) >= 5) {
            size_t r = we + 1; /* "СИЭТЛ. Спустя": a city, not "ЕС.", "GT4 RUSSIA." */
            return ta_is_upper(ta_u8_decode(t, n, &r));
        }
        if (we < n && t[we] == ',') {
            size_t r = we + 1;
            while (r < n && t[r] == ' ')
                r++;
            return !day && caps && words <= 3 && we - ws >= 3 && r < n &&
                   ta_is_upper(ta_u8_decode(t, n, &r)); /* not "school No. 30, Dmitry" */
        }
        k = we;
        while (k < n && t[k] == ' ')
            k++;
        if (k < n && t[k] == '(') { /* "(AP)", "(Reuters)" */
            while (k < n && t[k] != ')')
                k++;
            k++;
            if (head && upper_words == words && k + 2 < n && t[k] == '.' && t[k + 1] == ' ') {
                size_t r = k + 2; /* "ХУРУПА-ВАЛЛИ (CBSLA). В субботу" */
                return ta_is_upper(ta_u8_decode(t, n, &r));
            }
            while (k < n && t[k] == ' ')
                k++;
        }
        size_t dl = k + 1 < n && t[k] == '-' ? (t[k + 1] == '-' ? 2 : 1)
                    : k + 3 <= n && (!memcmp(t + k, "\xE2\x80\x94", 3) ||
                                     !memcmp(t + k, "\xE2\x80\x93", 3)) ? 3 : 0;
        if (dl && k + dl + 1 < n && t[k + dl] == ' ') {
            size_t r = k + dl + 1; /* one style: "JURUPA VALLEY -", "Luanda -", not "Kabul KABUL -";
                                    * past the headline in capitals only ("Hagia Sophia - I") */
            size_t ae = r;
            while (ae < n && t[ae] != ' ')
                ae++;
            if (upper_words == 0 && acronym(t, r, ae))
                return false; /* a site name: "... Joe Biden - RT USA News" */
            return (upper_words == words || (upper_words == 0 && head && words == 1)) &&
                   ta_is_upper(ta_u8_decode(t, n, &r)); /* "Luanda -", not "Health Ministry
                                                          * Luanda -" */
        }
    }
    return false;
}

static bool starts_with_starter(const ta_headliner *h, const char *t, size_t n, size_t ws,
                                size_t *end)
{
    const char *sp = memchr(t + ws, ' ', n - ws);
    size_t fl = sp ? (size_t)(sp - t) - ws : n - ws;
    if (fl > 1 && t[ws + fl - 1] == ',')
        fl--;
    if (!ta_strmap_get(&h->first, t + ws, fl, NULL))
        return false;
    char **starters = h->starters;
    for (size_t m = 0; starters && starters[m]; m++) {
        if (starters[m][0] != t[ws] || (starters[m][1] && ws + 1 < n && starters[m][1] != t[ws + 1]))
            continue; /* two bytes: all Cyrillic capitals share the first */
        size_t sl = strlen(starters[m]);
        if (ws + sl < n && !memcmp(t + ws, starters[m], sl) &&
            (t[ws + sl] == ' ' || (t[ws + sl] == ',' && ws + sl + 1 < n && t[ws + sl + 1] == ' '))) {
            *end = ws + sl + 1 + (t[ws + sl] == ','); /* "Today, July 26" */
            return true;
        }
    }
    return false;
}

bool ta_headliner_starter(const ta_headliner *h, const char *t, size_t n, size_t ws)
{
    size_t end;
    return starts_with_starter(h, t, n, ws, &end);
}

bool ta_headliner_stopword(ta_headliner *h, const char *w, size_t n)
{
    return is_stopword(h, w, n);
}

/* Compares the cores of the k tokens starting at a and at b; true when all k are equal. */
static bool same_words(const char *t, size_t n, size_t a, size_t b, int k)
{
    for (int i = 0; i < k; i++) {
        if (a >= n || b >= n)
            return false;
        size_t ae = token_end(t, n, a), be = token_end(t, n, b), as = a, bs = b;
        size_t ac = word_core(t, &as, ae), bc = word_core(t, &bs, be);
        if (ac - as != bc - bs || ac == as || memcmp(t + as, t + bs, ac - as))
            return false;
        a = ae + 1, b = be + 1;
    }
    return true;
}

/* A name repeated across the join: "... Golden Boot winner Jamie Vardy | Jamie Vardy
 * acknowledged", or, in the first sentence, the headline's two opening words as the sentence's
 * subject ("Украинские военные будут ... | Украинские военные начали"); after a capitalised
 * word only when the repeated word t[wa, wz) is a common word ("... мотивы Трампа | Мэр
 * Канзас-сити", not "... России Владимир | Путин"; an empty range is none: hunspell is asked
 * only here, since loading it costs about 350 M instructions). w: the join, ws: the first letter after
 * it, words: the words before it. */
static bool repeated(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                     bool first, bool prev_upper, size_t wa, size_t wz, size_t words)
{
    size_t ps = ta_token_start(t, from, w - 1), pps = ps > from + 1 ? ta_token_start(t, from, ps - 1) : ps;
    if (pps < ps && same_words(t, n, pps, ws, 2) && ws - pps > 6)
        return true;
    size_t we = token_end(t, n, ws); /* after a preposition: "... в Волгоградской области | В
                                      * Волгоградской области бесследно" */
    if (pps < ps && ta_u8_count(t + ws, we - ws) <= 2 && we + 1 < n && ws - pps > 6 &&
        same_words(t, n, pps, we + 1, 2))
        return true;
    size_t fe = token_end(t, n, from), fs = from, fc = word_core(t, &fs, fe);
    if (!first || words > 20 || fc - fs < 4 ||
        (prev_upper && !(wz > wa && common_word(h, t + wa, wz - wa))))
        return false;
    /* not an apposition: "Manchester United star | Paul Pogba" */
    size_t q = pps;
    if (pps < ps && ta_is_upper(ta_u8_decode(t, n, &q)))
        return false;
    return same_words(t, n, from, ws, 2);
}

/* The end of the core of the token at a, without a final "'s" ("Raykar's" -> "Raykar"). */
static size_t core_end(const char *t, size_t n, size_t *a)
{
    size_t z = word_core(t, a, token_end(t, n, *a));
    return z > *a + 1 && !memcmp(t + z - 2, "'s", 2) ? z - 2 : z;
}

/* The first token of t[from, e) whose core (as core_end() cuts it) is w[0, wn); e if none. */
static size_t word_among(const char *t, size_t from, size_t e, const char *w, size_t wn)
{
    for (size_t v = from; v < e; v = token_end(t, e, v) + 1) {
        size_t vs = v, vc = core_end(t, e, &vs);
        if (vc - vs == wn && !memcmp(t + vs, w, wn))
            return v;
    }
    return e;
}

/* A name of the headline t[from, w) (a capitalised word of four letters or more, no stopword
 * or sentence starter) among the first six words from ws, where a lead names its subject:
 * "Gagarina named the foods ... | Russian singer Polina Gagarina named five". *at: the token
 * where the name was found. */
static bool name_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                      size_t *at)
{
    for (size_t i = from; i + 1 < w; i++) /* a headline has no sentence end inside */
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ')
            return false;
    size_t u = ws;
    for (int k = 0; k < 6 && u < n; k++) {
        size_t ue = token_end(t, n, u), us = u, uc = core_end(t, n, &us);
        size_t q = us;
        if (k > 0 && starts_with_starter(h, t, n, us, &q))
            return false; /* the lead starts later: "celebrates | Roger Taylor's birthday The
                           * Queen legend shares" */
        q = us;
        if (uc - us >= 4 && ta_is_upper(ta_u8_decode(t, n, &q)) &&
            !is_stopword(h, t + us, uc - us) && !starts_with_starter(h, t, n, us, &q) &&
            word_among(t, from, w, t + us, uc - us) < w) {
            *at = u;
            return true;
        }
        u = ue + 1;
    }
    return false;
}

/* Does a lead open at ws with an apposition before a name of the headline t[from, w):
 * "Forward | Kirill Panchenko is", "Washington winger Aleksandr Ovechkin admitted", "Manchester
 * United star Paul Pogba has"? Up to two capitalised words (one when the headline ends with a
 * capitalised word: "Inter Milan | German ex-goalie"), a title (titles.LANG, maybe after
 * "ex-"), one to three capitalised words, one of them a name of four letters or more from the
 * headline, and then a lowercase word. */
static bool apposition_lead(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                            size_t ws, bool prev_lower)
{
    size_t u = ws;
    int aff = 0, names = 0;
    bool title = false, hit = false;
    for (int k = 0; u < n; k++) {
        size_t ue = token_end(t, n, u), us = u, uc = word_core(t, &us, ue), q = us;
        if (k == 10)
            return false; /* an apposition is short */
        if (uc == us)
            return false;
        size_t cs = uc - us > 3 && !memcmp(t + us, "ex-", 3) ? us + 3 : us;
        uint32_t c = ta_u8_decode(t, uc, &q);
        bool is_title = in_map(h, &h->titles, t + cs, uc - cs);
        if (ta_is_lower(c) && !is_title)
            break;
        if (!ta_is_upper(c) && !is_title)
            return false;
        if (is_title)
            title = true;
        else if (!title) {
            if (++aff > (prev_lower ? 2 : 1) || uc < ue)
                return false; /* the affiliation: "Washington", "Manchester United" */
        } else {
            size_t nz = uc > us + 1 && !memcmp(t + uc - 2, "'s", 2) ? uc - 2 : uc;
            hit = hit || (nz - us >= 4 && word_among(t, from, w, t + us, nz - us) < w);
            if (++names > 3)
                return false;
        }
        u = ue + 1;
    }
    return title && hit && u < n;
}

/* Do the five words before w (in t[from, w)) come again, as they are, in the lead after w
 * (the next 2,000 bytes of t[w, to)), and there go on with a lowercase word, where at w a
 * capitalised one starts a sentence? */
static bool lead_repeats_headline(const char *t, size_t from, size_t w, size_t to)
{
    if (to - w > 2000)
        to = w + 2000; /* linear time on a long line */
    size_t a = w; /* the start of the fifth word back */
    for (int k = 0; k < 5; k++) {
        if (a <= from + 1)
            return false;
        a = ta_token_start(t, from, a - 1);
    }
    size_t len = w - 1 - a;
    for (const char *p = t + w; (p = find(p, (size_t)(t + to - p), t + a, len)) != NULL; p++) {
        size_t b = (size_t)(p - t) + len + 1;
        size_t r = b;
        if (b < to && t[b - 1] == ' ' && ta_is_lower(ta_u8_decode(t, to, &r)))
            return true;
    }
    return false;
}

/* Is t[from, pe) one quotation (its opening mark at `from`, its closing one at pe - 1, none
 * between), a sentence without its full stop, and the word ending at ne, after it, capitalised
 * and followed by a lowercase one ('"Social networks must act faster" | Twitter was accused')? */
static bool quoted_sentence(const char *t, size_t n, size_t from, size_t pe, size_t ne)
{
    if (pe - from > 2000)
        return false; /* no quotation so long; and linear time on a long line */
    size_t q = from;
    uint32_t open = ta_u8_decode(t, pe, &q);
    if (!ta_is_open_punct(open) || open == '(' || open == '[')
        return false;
    size_t b = pe - 1;
    if (b <= q || !ta_is_alpha(ta_u8_prev(t, &b)))
        return false; /* '"..., " Meunier said' */
    for (size_t i = q; i < pe - 1; i++)
        if (t[i] == '"' || (t[i] == '\xC2' && (t[i + 1] == '\xAB' || t[i + 1] == '\xBB')) ||
            ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' '))
            return false;
    size_t r = ne + 1;
    return ne + 1 < n && t[ne] == ' ' && ta_is_lower(ta_u8_decode(t, n, &r));
}

/* Is the name at u the lead's subject, the words between w and it the headline's last ones,
 * restated after the name ("... despite severe | Brexit backlash | Tony Blair has pledged ...
 * following severe backlash"), not an apposition ("... spot | Manchester United star Paul
 * Pogba has ... United finished")? A word of four letters or more, not a stopword, from
 * t[w, u) comes again in the sentence after u (within 30 words), and the word before u is not
 * capitalised. */
static bool gap_restated(ta_headliner *h, const char *t, size_t n, size_t w, size_t u)
{
    size_t ps = ta_token_start(t, w, u - 1), q = ps;
    word_core(t, &q, u - 1);
    if (ta_is_upper(ta_u8_decode(t, u - 1, &q)))
        return false;
    for (size_t g = w; g < u;) {
        size_t ge = token_end(t, n, g), gs = g, gc = core_end(t, n, &gs);
        if (gc - gs >= 4 && !is_stopword(h, t + gs, gc - gs))
            for (size_t v = token_end(t, n, u) + 1, k = 0; v < n && k < 30; k++) {
                size_t ve = token_end(t, n, v), vs = v, vc = core_end(t, n, &vs);
                if (vc - vs == gc - gs && !memcmp(t + vs, t + gs, gc - gs))
                    return true;
                if (ve > vs && (t[ve - 1] == '.' || t[ve - 1] == '!' || t[ve - 1] == '?'))
                    break; /* the lead's first sentence only */
                v = ve + 1;
            }
        g = ge + 1;
    }
    return false;
}

/* Russian endings of oblique cases, rare on a sentence's first word (its subject is in the
 * nominative): "передана | Министерству здравоохранения", "с мэрами | Бурятского округа";
 * and of surnames that are also common words (Кузнецов, Попов). */
static bool oblique(const ta_headliner *h, const char *w, size_t n)
{
    return ends_with(h->end[END_OBLIQUE], w, n);
}

/* Does a single quote open a word in t[from, e): "good 'worth ethic'", not "Taylor's"? */
static bool opened_single(const char *t, size_t from, size_t e)
{
    for (size_t i = from; i + 1 < e; i++)
        if (t[i] == '\'' && (i == from || t[i - 1] == ' ') && t[i + 1] != ' ')
            return true;
    return false;
}

/* Does the headline t[from, w) end with a site name after a dash, "... - RT USA News", "... |
 * BBC News": one to four capitalised words, one of them an acronym? */
static bool site_suffix(const char *t, size_t from, size_t w)
{
    size_t e = w - 1, words = 0;
    bool acro = false;
    while (e > from && words < 5) {
        size_t a = ta_token_start(t, from, e), q = a;
        if (e - a == 1 && (t[a] == '-' || t[a] == '|'))
            return words > 0 && acro;
        if (e - a == 3 && (!memcmp(t + a, "\xE2\x80\x93", 3) || !memcmp(t + a, "\xE2\x80\x94", 3)))
            return words > 0 && acro;
        if (!ta_is_upper(ta_u8_decode(t, e, &q)))
            return false;
        acro |= acronym(t, a, e);
        words++;
        if (a <= from + 1)
            break;
        e = a - 1;
    }
    return false;
}

/* Is a sentence's first word t[from, w - 1) a headline of its own: repeated ("Protests |
 * Protests have been held") or, in the document's first sentence, followed by a starter and a
 * lowercase word ("Протесты | В ряде городов", not "Напоминаю Вам, что")? */
static bool one_word_headline(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                              bool first)
{
    size_t q = from, se;
    if (!ta_is_upper(ta_u8_decode(t, n, &q)) || !ta_is_alpha(ta_u8_prev(t, &(size_t){w - 1})) ||
        is_stopword(h, t + from, w - 1 - from))
        return false;
    if (same_words(t, n, from, w, 1))
        return true;
    if (!starts_with_starter(h, t, n, w, &se) || se >= n || t[se - 2] == ',' ||
        !ta_is_lower(ta_u8_decode(t, n, &(size_t){se})))
        return false;
    /* past the first sentence, only in Russian before a capitalised preposition, conjunction or
     * pronoun, which no title capitalises there: "Протесты | В ряде городов" */
    return first || (!strcmp(h->lang, "ru") && is_stopword(h, t + w, token_end(t, n, w) - w));
}

/* An ordinal, which modifies the word after it: "44th", "1st", "21-й", "5-го" */
static bool ordinal(const ta_headliner *h, const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && ta_is_digit((unsigned char)w[d]))
        d++;
    if (!d || d == n)
        return false;
    for (size_t i = 0; h->end[END_ORDINAL] && h->end[END_ORDINAL][i]; i++)
        if (strlen(h->end[END_ORDINAL][i]) == n - d && !memcmp(w + d, h->end[END_ORDINAL][i], n - d))
            return true;
    return false;
}

static bool in_headline(ta_headliner *h, const char *t, size_t from, size_t e, size_t a, size_t z);

/* Do two different words of four letters or more of the headline t[from, e) come again among
 * the twelve words from ws? */
static bool headline_words_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t e,
                                size_t ws)
{
    size_t first = 0, fl = 0;
    for (size_t i = ws, k = 0; i < n && k < 12; k++) {
        size_t ie = token_end(t, n, i), a = i, z = word_core(t, &a, ie);
        if (z - a >= 4 && !is_stopword(h, t + a, z - a) && in_headline(h, t, from, e, a, z)) {
            if (first && (fl != z - a || memcmp(t + first, t + a, fl)))
                return true;
            first = a, fl = z - a;
        }
        i = ie + 1;
    }
    return false;
}

/* Are the word cores from a and from b equal, ignoring case, for k words? */
static bool same_words_nocase(ta_headliner *h, const char *t, size_t n, size_t a, size_t b, int k)
{
    for (int i = 0; i < k; i++) {
        if (a >= n || b >= n)
            return false;
        size_t ae = token_end(t, n, a), be = token_end(t, n, b), as = a, bs = b;
        size_t ac = word_core(t, &as, ae), bc = word_core(t, &bs, be);
        h->key.len = h->tmp.len = 0;
        if (ac == as || ta_u8_lower(&h->key, t + as, ac - as, false) ||
            ta_u8_lower(&h->tmp, t + bs, bc - bs, false) || h->key.len != h->tmp.len ||
            memcmp(h->key.data, h->tmp.data, h->key.len))
            return false;
        a = ae + 1, b = be + 1;
    }
    return true;
}

/* Is the capitalised word t[a, z) (a core, "'s" cut off) part of a name: not a common word, or
 * a pair with the next word in the headline t[from, hz) ("Paras Raykar")? */
static bool name_word(ta_headliner *h, const char *t, size_t n, size_t from, size_t hz, size_t a,
                      size_t z)
{
    if (!common_word(h, t + a, z - a))
        return true;
    size_t ne = token_end(t, n, a), y = ne + 1, ye;
    if (y >= n)
        return false;
    ye = core_end(t, n, &y); /* the next word, found right after this one in the headline */
    for (size_t v = from; (v = word_among(t, v, hz, t + a, z - a)) < hz;
         v = token_end(t, n, v) + 1) {
        size_t x = token_end(t, n, v) + 1;
        if (x < hz && ye > y && word_among(t, x, token_end(t, n, x), t + y, ye - y) == x)
            return true;
    }
    return false;
}

/* The end of a Title Case headline glued to its lead, where every word up to the lead's first
 * lowercase one is capitalised ("... Over Rs. 100 Bribe | Paras Raykar's cart carrying"). The
 * lead starts with a sentence starter and a lowercase word or number ("... Nadu | At least 38"),
 * with the headline's own words again ("... "Backstab" India | Pakistan tried to"), or with the
 * run of names, titles (titles.LANG, and the word before one: "Home Minister") and
 * possessives before its first lowercase word ("... Covid Positive | Madhya Pradesh Chief
 * Minister Shivraj Singh Chouhan, who"). 0 when it is no such headline. */
static size_t title_case_end(ta_headliner *h, const char *t, size_t n, size_t from)
{
    size_t pos[64], k = 0, low = 0; /* word starts up to the first lowercase word, not minor */
    for (size_t a = from; a < n && k < 64 && a - from < 400;) {
        size_t e = token_end(t, n, a), wa = a, wz = word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_lower(c) && !in_map(h, &h->minor, t + wa, wz - wa)) {
            low = a;
            break;
        }
        if ((e - a == 1 && (t[a] == '-' || t[a] == '|')) || (e - a == 2 && !memcmp(t + a, "--", 2)) ||
            (e - a == 3 && (!memcmp(t + a, "\xE2\x80\x93", 3) || !memcmp(t + a, "\xE2\x80\x94", 3))))
            return 0; /* a dash: a dateline or a site name ("... Ministry Luanda - The") */
        pos[k++] = a;
        a = e + 1;
        while (a < n && t[a] == ' ')
            a++;
    }
    if (!low || k < 6 || !title_case(h, t, from, low))
        return 0;
    size_t se;
    for (size_t i = 1; i < k; i++) /* a starter and a lowercase word or a number */
        if (starts_with_starter(h, t, n, pos[i], &se) &&
            (se >= low || (se < n && ta_is_digit((unsigned char)t[se]))))
            return pos[i];
    for (size_t i = k > 2 ? k - 2 : 1; i < k; i++) /* the headline's words again, lowercase
                                                   * now: the last ones and the lowercase one */
        for (size_t v = from; v < pos[i]; v = token_end(t, n, v) + 1)
            if (same_words_nocase(h, t, n, v, pos[i], (int)(k - i) + 1))
                return pos[i];
    size_t i = k;
    bool title = false; /* the word after is a title: "Home | Minister" */
    while (i > 1) { /* back over the names, titles, possessives and minor words */
        size_t a = pos[i - 1], e = token_end(t, n, a), wa = a, wz = word_core(t, &wa, e);
        size_t q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        bool poss = wz > wa + 1 && !memcmp(t + wz - 2, "'s", 2);
        size_t cz = poss ? wz - 2 : wz;
        bool is_title = in_map(h, &h->titles, t + wa, wz - wa);
        bool keep = ta_is_digit(c) ? false
                    : in_map(h, &h->minor, t + wa, wz - wa) || is_title || title ||
                      (poss && i < k) || name_word(h, t, n, from, pos[i - 1], wa, cz);
        if (!keep || (wz < e && i < k && t[wz] != ','))
            break; /* "Issue", "Positive": the headline's last word */
        title = is_title;
        i--;
    }
    return i > 1 && i < k ? pos[i] : 0;
}

/* ---- the headline rules ----------------------------------------------------- */

/* What the headline rules read at the word starting at w, computed once, step by step: each
 * step below fills the fields the rules after it read, or skips the word. */
typedef struct {
    ta_headliner *h;
    const char *t, *doc;
    size_t n, from, to, lim, len;
    int first;            /* as ta_glued_headline's */
    bool ru;
    size_t w, words, chars; /* the word, its number in the sentence, characters before it */
    size_t at;            /* a rule's find */
    /* next_word: */
    size_t ws;            /* its first letter, after an opening quote */
    uint32_t c;
    /* capital: */
    bool head, after_head; /* where a headline may end; or a subheading after it */
    size_t pe, ps, ne;    /* the previous word's end and start, the next word's end */
    uint32_t last;        /* the previous word's last character */
    bool quote_end;
    /* word_end: */
    size_t pa, pz;        /* the previous word's core */
    uint32_t pc;          /* its first letter */
    bool prev_lower;
    /* headline_shape: */
    bool tc, prev_stop, title_quote;
    /* next_shape: */
    bool name_next, lower_next;
    size_t wa, wz;        /* the word's core */
} hctx;

enum { HEAD_ZONE_CHARS = 250,   /* a headline ends in the first 250 characters */
       QUOTED_MIN_WORDS = 5, COLON_MIN_WORDS = 4, LONG_HEADLINE_WORDS = 14,
       TC_SOON_WORDS = 4, SUBJECT_MIN_BYTES = 4, LEAD_EXTRA_WORDS = 3 };

typedef enum { H_PASS, H_SKIP, H_MAKE } hstep;

static hstep make(hctx *c, size_t at)
{
    c->at = at;
    return H_MAKE;
}

static hstep h_one_word_headline(hctx *c)
{
    return c->words == 2 && one_word_headline(c->h, c->t, c->n, c->from, c->w, c->first == 2)
               ? make(c, c->w) : H_PASS;
}

static hstep s_three_words(hctx *c)
{
    return c->words < 3 ? H_SKIP : H_PASS;
}

static hstep s_next_word(hctx *c) /* the next word must be capitalised: the cheap test first */
{
    size_t q = c->w;
    c->ws = c->w;
    c->c = ta_u8_decode(c->t, c->n, &q);
    if (c->c == '(' || c->c == '[')
        return H_SKIP; /* a parenthesis goes on the sentence: "science (He worked ...)" */
    if (ta_is_open_punct(c->c))
        c->ws = q, c->c = ta_u8_decode(c->t, c->n, &q);
    return H_PASS;
}

static hstep h_day_dateline(hctx *c)
{
    return ta_is_digit(c->c) && c->ws == c->w && day_dateline(c->t, c->n, c->ws) ? make(c, c->w)
                                                                                 : H_PASS;
}

static hstep s_capital(hctx *c)
{
    if (!ta_is_upper(c->c))
        return H_SKIP;
    const char *t = c->t;
    c->head = c->first == 2 && c->chars < HEAD_ZONE_CHARS;
    c->after_head = c->first && c->chars < HEAD_ZONE_CHARS;
    c->pe = c->w - 1, c->ps = ta_token_start(t, c->from, c->pe), c->ne = token_end(t, c->n, c->w);
    size_t q = c->pe;
    c->last = ta_u8_prev(t, &q);
    c->quote_end = is_close_quote(c->last) && (c->last != '\'' || opened_single(t, c->from, c->pe));
    return H_PASS;
}

/* '. "Социальные сети должны ... со своих платформ" | Твиттер обвинили' */
static hstep h_quoted_sentence(hctx *c)
{
    return c->quote_end && c->last != '\'' && c->ws == c->w && c->words > QUOTED_MIN_WORDS &&
                   quoted_sentence(c->t, c->n, c->from, c->pe, c->ne)
               ? make(c, c->w) : H_PASS;
}

/* a full stop typed as a comma after a name or number: "... today, July 24, | During his
 * trips", not verse ("must roam, And seek abroad") */
static hstep h_comma_stop(hctx *c)
{
    const char *t = c->t;
    size_t se;
    uint32_t p0 = ta_u8_decode(t, c->pe, &(size_t){c->ps});
    return c->last == ',' && c->ws == c->w && c->pe - c->ps > 2 &&
                   (ta_is_upper(p0) || ta_is_digit(p0)) &&
                   starts_with_starter(c->h, t, c->n, c->ws, &se) && se < c->n &&
                   ta_is_lower(ta_u8_decode(t, c->n, &(size_t){se}))
               ? make(c, c->w) : H_PASS;
}

/* "Putin talked with Shoigu in a cabin: | Russian President Vladimir Putin had discussions
 * with ... Sergei Shoigu", not a name before the headline ("Dominic Raab: Government can't") */
static hstep h_colon_headline(hctx *c)
{
    return c->last == ':' && c->head && c->words > COLON_MIN_WORDS && c->ws == c->w &&
                   headline_words_soon(c->h, c->t, c->n, c->from, c->pe, c->ws)
               ? make(c, c->w) : H_PASS;
}

static hstep s_word_end(hctx *c)
{
    const char *t = c->t;
    bool bullet;
    if (!(ta_is_alpha(c->last) || ta_is_digit(c->last) || c->quote_end) ||
        (t[c->pe - 1] == ')' && ta_list_marker(t, c->ps + (t[c->ps] == '('), c->pe, &bullet) != 0))
        return H_SKIP; /* "(b) The ...": a list item, not a headline */
    c->pa = c->ps, c->pz = word_core(t, &c->pa, c->pe);
    size_t q = c->pa;
    c->pc = c->pa < c->pz ? ta_u8_decode(t, c->pe, &q) : 0;
    c->prev_lower = ta_is_lower(c->pc) || c->quote_end;
    if (ordinal(c->h, t + c->pa, c->pz - c->pa) && !is_stopword(c->h, t + c->ws, c->ne - c->ws))
        return H_SKIP; /* "the 44th | President", but "on August 4th | This means" */
    return H_PASS;
}

static hstep h_dateline(hctx *c) /* not "GT4 | RUSSIA." */
{
    return !acronym(c->t, c->pa, c->pz) && dateline_like(c->t, c->n, c->ws, c->head) ? make(c, c->w)
                                                                                    : H_PASS;
}

static hstep h_site_suffix(hctx *c) /* "... - RT USA News | Fresh from airing" */
{
    size_t r = c->ne + 1;
    return c->head && c->ne < c->n && site_suffix(c->t, c->from, c->w) &&
                   ta_is_lower(ta_u8_decode(c->t, c->n, &r))
               ? make(c, c->w) : H_PASS;
}

static hstep s_headline_shape(hctx *c)
{
    const char *t = c->t;
    c->tc = c->head && !c->ru && title_case(c->h, t, c->from, c->w);
    c->prev_stop = c->pz == c->pa ||
                   (!acronym(t, c->pa, c->pz) && is_stopword(c->h, t + c->pa, c->pz - c->pa));
    size_t oq = c->w; /* "topics ‘Where the" */
    c->title_quote = c->ws != c->w && ta_u8_decode(t, c->n, &oq) == 0x2018;
    return H_PASS;
}

/* Past the document's first sentence a starter opens a sentence on stronger evidence: no
 * opening quote before it (a title: 'the song | "We will be hot"', 'the law | "On
 * communication"'), no role word after a capitalised one ("Metropolitan | Police said"), and a
 * one-letter starter not before a function word or a comma ("Group | A at the", "Свидетелем
 * | К и"). se: the end of the starter. */
static bool subheading_starter(const hctx *c, size_t se)
{
    const char *t = c->t;
    size_t we = c->ws;
    while (we < c->n && t[we] != ' ' && t[we] != ',')
        we++;
    if (c->ws != c->w || (ta_is_upper(c->pc) && in_map(c->h, &c->h->roles, t + c->ws, we - c->ws)))
        return false;
    if (ta_u8_count(t + c->ws, we - c->ws) != 1)
        return true;
    if (we < c->n && t[we] == ',')
        return false;
    size_t ne = token_end(t, c->n, se);
    return se >= c->n || !is_stopword(c->h, t + se, ne - se);
}

static hstep h_starter(hctx *c)
{
    const char *t = c->t;
    size_t se;
    if (!starts_with_starter(c->h, t, c->n, c->ws, &se) || !(c->head || !c->title_quote))
        return H_PASS;
    if (!c->first && !subheading_starter(c, se))
        return H_PASS;
    size_t r = se;
    uint32_t d = se < c->n ? ta_u8_decode(t, c->n, &r) : 0;
    /* in a Title Case headline "To", "On" are no sign; the sentence is */
    bool noun = c->after_head && c->ru && c->ws == c->w && ta_is_lower(c->pc) &&
                !is_stopword(c->h, t + c->ws, se - 1 - c->ws); /* "... в Финском заливе |
                                                                * Президент России" */
    return !c->prev_stop && (ta_is_lower(d) || ta_is_digit(d) || (c->head && !c->tc) || noun)
               ? make(c, c->w) : H_PASS;
}

static hstep s_no_stopword(hctx *c)
{
    return c->prev_stop ? H_SKIP : H_PASS; /* a headline does not end with "of", "the", "в" */
}

/* a headline restated by its lead: "Two landfills will become sites for producing renewable
 * energy sources | The Torbeevo landfill ... will become sites for producing renewable energy
 * sources from ..." */
static hstep h_lead_repeats_headline(hctx *c)
{
    return ta_is_lower(c->pc) && lead_repeats_headline(c->t, c->from, c->w, c->lim) ? make(c, c->w)
                                                                                   : H_PASS;
}

static hstep s_next_shape(hctx *c)
{
    const char *t = c->t;
    size_t ne = c->ne, r2 = ne + 1, r3 = ne + 1;
    /* not the first word of a name: "Famously clear | Lake Tahoe" */
    c->name_next = ne + 1 < c->n && t[ne] == ' ' && ta_is_upper(ta_u8_decode(t, c->n, &r2));
    /* after a headline: a lowercase word next, "Randomised drug" */
    c->lower_next = ne + 1 < c->n && t[ne] == ' ' && ta_is_lower(ta_u8_decode(t, c->n, &r3));
    c->wa = c->ws, c->wz = word_core(t, &c->wa, ne);
    return H_PASS;
}

static hstep h_seen_lowercase(hctx *c)
{
    const char *t = c->t;
    size_t ws = c->ws, ne = c->ne;
    return (c->head || (c->after_head && c->lower_next && ta_is_lower(c->pc))) && c->prev_lower &&
                   ne - ws > 1 && !c->name_next && !in_list(c->h->starters, t + ws, ne - ws) &&
                   !(c->ru && oblique(c->h, t + ws, ne - ws)) &&
                   seen_lowercase(c->h, c->doc, c->len, t + ws, ne - ws)
               ? make(c, c->w) : H_PASS;
}

/* after a headline, a name and a verb opening a sentence that restates the standfirst: "...
 * случай коронавируса в КНДР | Мурашко заявил, что вакцинация от коронавируса будет
 * добровольной" */
static hstep h_ru_name_verb(hctx *c)
{
    const char *t = c->t;
    return c->ru && c->first == 1 && c->after_head && c->ws == c->w && c->ne + 1 < c->n &&
                   ru_verb(c->h, t, c->n, c->ne + 1) &&
                   (ta_is_lower(c->pc) || acronym(t, c->pa, c->pz)) && c->wz > c->wa &&
                   headline_words_soon(c->h, t, c->n, c->from, c->pe, c->ws) &&
                   !common_word(c->h, t + c->wa, c->wz - c->wa)
               ? make(c, c->w) : H_PASS;
}

/* "... contract with Panchenko | Forward Kirill Panchenko is leaving" */
static hstep h_apposition_lead(hctx *c)
{
    return !c->ru && c->head && !c->tc && c->ws == c->w &&
                   apposition_lead(c->h, c->t, c->n, c->from, c->w, c->ws, c->prev_lower)
               ? make(c, c->w) : H_PASS;
}

static hstep h_name_soon(hctx *c)
{
    size_t nm;
    if (c->ru || !c->head || !c->prev_lower || c->tc ||
        !name_soon(c->h, c->t, c->n, c->from, c->w, c->ws, &nm))
        return H_PASS;
    return make(c, nm > c->w && gap_restated(c->h, c->t, c->n, c->w, nm) ? nm : c->w);
}

/* a long headline ran on into the lead: "... transplantation procedure | Russian entrepreneur
 * and Tinkoff group founder | Oleg Tinkov released" */
static hstep h_long_headline(hctx *c)
{
    size_t nm;
    if (c->ru || !c->head || !c->prev_lower || c->tc || c->from != 0 ||
        c->words <= LONG_HEADLINE_WORDS || !name_soon(c->h, c->t, c->n, c->from, c->w, c->ws, &nm))
        return H_PASS;
    size_t g = ta_forced_headline(c->h, c->t, c->n, c->w, c->doc, c->len);
    return g ? make(c, g) : H_PASS;
}

/* the subject again: "Microsoft forcibly updates ... | Microsoft has" */
static hstep h_subject_again(hctx *c)
{
    const char *t = c->t;
    size_t se;
    return c->head && !ta_is_upper(c->pc) && c->ws == c->w && t[c->pe - 1] != ')' &&
                   same_words(t, c->n, c->from, c->ws, 1) && c->ne - c->ws >= SUBJECT_MIN_BYTES &&
                   !starts_with_starter(c->h, t, c->n, c->ws, &se)
               ? make(c, c->w) : H_PASS;
}

static hstep h_repeated_words(hctx *c)
{
    bool up = ta_is_upper(c->pc);
    return repeated(c->h, c->t, c->n, c->from, c->w, c->ws, c->head, up,
                    c->ru && c->wz > c->wa ? c->wa : c->wz, c->wz, c->words)
               ? make(c, c->w) : H_PASS;
}

/* "... Declared Fit To Bat After Warm-Up Injury | Pakistan and England will" */
static hstep h_title_case_lead(hctx *c)
{
    return c->tc && (same_words(c->t, c->n, c->from, c->ws, 2) ||
                     sentence_soon(c->h, c->t, c->n, c->ws, TC_SOON_WORDS))
               ? make(c, c->w) : H_PASS;
}

static hstep s_russian_subheading(hctx *c)
{
    return !c->after_head || !c->ru ? H_SKIP : H_PASS;
}

/* a capitalised common word followed by a lowercase one: "Российский предприниматель", not
 * "Российской Федерации" */
static hstep h_ru_common_noun(hctx *c)
{
    const char *t = c->t;
    size_t ne = c->ne, r = ne + 1, wa = c->wa, wz = c->wz;
    uint32_t d = r < c->n ? ta_u8_decode(t, c->n, &r) : 0;
    bool next_plain = ne < c->n && (t[wz] == ',' || ta_is_lower(d) || ta_is_digit(d));
    if (!c->head && (!ta_is_lower(c->pc) || !ta_is_lower(d) || t[wz] == ','))
        return H_PASS; /* after a headline, on clearer evidence: "... 15,7 миллиона человек |
                        * Количество жертв" (below: in its dictionary form), not "памятник |
                        * Конфедерации," */
    if (c->ws != c->w || c->pa != c->ps)
        return H_PASS; /* a quoted name: "Лидер группы | "Руки вверх!"" */
    /* a lead is longer than its headline, or the word is in its dictionary form: "... на юге
     * Ливана | Беспилотный летательный" */
    size_t rest = ta_count_words(t, c->ws, c->lim, SIZE_MAX), words = c->words;
    return wz - wa > 2 && next_plain && rest + LEAD_EXTRA_WORDS >= words &&
                   !oblique(c->h, t + wa, wz - wa) && common_word(c->h, t + wa, wz - wa) &&
                   ((c->head && rest >= words + LEAD_EXTRA_WORDS) || lemma_form(c->h))
               ? make(c, c->w) : H_PASS;
}

/* The table: rules (by id) and, between them, the steps that compute what the rules after
 * them read (R_COUNT), which may skip the word. */
/* The rules marked `head` run only in the document's first sentence: past it (the subheading
 * search) they were wrong more often than right on unseen news. */
static const struct {
    ta_rule_id id;
    hstep (*fn)(hctx *c);
    bool head;
} steps[] = {
    {R_ONE_WORD_HEADLINE, h_one_word_headline, false},
    {R_COUNT, s_three_words, false},
    {R_COUNT, s_next_word, false},
    {R_DAY_DATELINE, h_day_dateline, true},
    {R_COUNT, s_capital, false},
    {R_QUOTED_SENTENCE, h_quoted_sentence, true},
    {R_COMMA_STOP, h_comma_stop, true},
    {R_COLON_HEADLINE, h_colon_headline, false},
    {R_COUNT, s_word_end, false},
    {R_DATELINE, h_dateline, true},
    {R_SITE_SUFFIX, h_site_suffix, false},
    {R_COUNT, s_headline_shape, false},
    {R_STARTER, h_starter, false},
    {R_COUNT, s_no_stopword, false},
    {R_LEAD_REPEATS_HEADLINE, h_lead_repeats_headline, false},
    {R_COUNT, s_next_shape, false},
    {R_SEEN_LOWERCASE, h_seen_lowercase, false},
    {R_RU_NAME_VERB, h_ru_name_verb, false},
    {R_APPOSITION_LEAD, h_apposition_lead, false},
    {R_LONG_HEADLINE, h_long_headline, false},
    {R_NAME_SOON, h_name_soon, false},
    {R_SUBJECT_AGAIN, h_subject_again, false},
    {R_REPEATED_WORDS, h_repeated_words, false},
    {R_TITLE_CASE_LEAD, h_title_case_lead, false},
    {R_COUNT, s_russian_subheading, false},
    {R_RU_COMMON_NOUN, h_ru_common_noun, false},
};

size_t ta_glued_headline(ta_headliner *h, const ta_ruleset *rs, const char *t, size_t n,
                         size_t from, size_t to, int first, const char *doc, size_t len,
                         ta_rule_id *rule)
{
    hctx c = {.h = h, .t = t, .doc = doc, .n = n, .from = from, .to = to, .len = len,
              .first = first, .ru = !strcmp(h->lang, "ru"), .words = 1};
    c.lim = to < n ? to : n;
    size_t counted = from + 1;
    if (first == 2 && !c.ru && ta_rule_on(rs, R_TITLE_CASE_HEADLINE) &&
        (c.at = title_case_end(h, t, c.lim, from)) != 0) {
        *rule = R_TITLE_CASE_HEADLINE;
        return c.at;
    }
    for (size_t w = from + 1; w < c.lim; w++) {
        const char *sp = memchr(t + w - 1, ' ', c.lim - (w - 1)); /* the next word start */
        if (!sp || (w = (size_t)(sp - t) + 1) >= c.lim)
            break;
        if (t[w] == ' ')
            continue;
        for (; first && counted <= w; counted++) /* characters so far: in the first sentence */
            c.chars += ((unsigned char)t[counted] & 0xC0) != 0x80;
        c.words++;
        c.w = w;
        size_t q = w;
        if (c.words > 2 && ta_is_lower(ta_u8_decode(t, n, &q)))
            continue; /* the cheap test first: no rule looks at a lowercase word */
        for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
            if (steps[k].id != R_COUNT &&
                (!ta_rule_on(rs, steps[k].id) || (steps[k].head && !first)))
                continue;
            hstep st = steps[k].fn(&c);
            if (st == H_SKIP)
                break;
            if (st == H_MAKE) {
                *rule = steps[k].id;
                return c.at;
            }
        }
    }
    return 0;
}

/* Is the word core t[a, z) found, in any case, among the cores of the headline t[from, e)? In
 * Russian the first five letters are compared, so that other inflected forms count
 * ("пакистанской", "Пакистан"). */
static bool in_headline(ta_headliner *h, const char *t, size_t from, size_t e, size_t a, size_t z)
{
    h->key.len = 0;
    if (ta_u8_lower(&h->key, t + a, z - a, false))
        return false;
    size_t kl = strcmp(h->lang, "ru") ? h->key.len : prefix_bytes(&h->key, PREFIX_LETTERS);
    for (size_t i = from; i < e;) {
        size_t we = i;
        while (we < e && t[we] != ' ')
            we++;
        size_t wa = i, wz = word_core(t, &wa, we);
        h->tmp.len = 0;
        if (wz > wa && !ta_u8_lower(&h->tmp, t + wa, wz - wa, false) &&
            (kl == h->key.len ? h->tmp.len == kl : h->tmp.len >= kl) &&
            !memcmp(h->tmp.data, h->key.data, kl))
            return true;
        i = we + 1;
    }
    return false;
}

/* Do the two words from w, both capitalised, come as a pair in the headline t[0, ps)? */
static bool name_pair(const char *t, size_t n, size_t ps, size_t w)
{
    size_t ne = token_end(t, n, w), q = ne + 1;
    if (ne + 1 >= n || !ta_is_upper(ta_u8_decode(t, n, &q)))
        return false;
    for (size_t v = 0; v < ps; v = token_end(t, n, v) + 1)
        if (same_words(t, n, v, w, 2) && token_end(t, n, token_end(t, n, v) + 1) <= ps)
            return true;
    return false;
}

size_t ta_forced_headline(ta_headliner *h, const char *t, size_t n, size_t to, const char *doc,
                          size_t len)
{
    size_t best = 0, words = 1;
    int best_score = 0; /* a split needs a score of 1 or more */
    bool ru = !strcmp(h->lang, "ru");
    size_t total = ta_count_words(t, 0, to, SIZE_MAX);
    for (size_t w = 1, chars = 1; w < to && chars < 250; w++) { /* 250 characters */
        chars += ((unsigned char)t[w] & 0xC0) != 0x80;
        if (t[w - 1] != ' ' || t[w] == ' ')
            continue;
        words++;
        if (words < 4 || total - (words - 1) < 5)
            continue; /* a headline of three words or more, a lead of five or more */
        size_t pe = w - 1, ps = ta_token_start(t, 0, pe), pa = ps, pz = word_core(t, &pa, pe);
        size_t q = pe, ne = token_end(t, n, w), wa = w, wz = word_core(t, &wa, ne);
        uint32_t last = ta_u8_prev(t, &q);
        if (pz == pa || wz == wa || !(ta_is_alpha(last) || ta_is_digit(last) ||
                                     is_close_quote(last) || last == ')') ||
            is_stopword(h, t + pa, pz - pa))
            continue;
        q = wa;
        uint32_t c = ta_u8_decode(t, wz, &q);
        q = pa;
        bool prev_upper = ta_is_upper(ta_u8_decode(t, pz, &q)), digit = ta_is_digit(c);
        if (!ta_is_upper(c) && !digit)
            continue;
        size_t se;
        bool starter = starts_with_starter(h, t, n, wa, &se);
        bool obl = ru && oblique(h, t + wa, wz - wa); /* in an oblique case, after a capitalised
                                                    * word it goes with the name: "НБА Глава |
                                                    * Российской федерации" */
        bool common = !starter && !digit &&
                      ((seen_lowercase(h, doc, len, t + wa, wz - wa) &&
                        !(obl && prev_upper && ta_is_alpha(last))) ||
                       (!obl && common_word(h, t + wa, wz - wa)));
        int score = starter ? 3 : common ? 2 : digit ? 1 : 0;
        if (prev_upper && !starter && !(ru && common) && !acronym(t, pa, pz))
            score -= 2; /* inside a name: "Hurricane | Hanna", "Moscow | Department"; not
                         * after an acronym ("... НБА | Глава") nor, in Russian, where names
                         * keep common words lowercase, before one ("Панченко | Форвард") */
        int rep = 0; /* the lead names the headline's subject again */
        for (size_t i = wa, k = 0; i < n && k < 8 && rep < 3; k++) {
            size_t e = token_end(t, n, i), a = i, z = word_core(t, &a, e);
            rep += z - a > 3 && in_headline(h, t, 0, pe, a, z);
            i = e + 1;
        }
        score += rep;
        if (prev_upper && !starter && ta_is_upper(c) && !is_close_quote(last) &&
            name_pair(t, n, ps, w))
            score += 3; /* the headline's two-word name opens the lead: "... твитами Уайли |
                         * Прити Патель потребовала", not "... Hurricane | Hanna" */
        if (in_headline(h, t, ps, pe, wa, wz))
            score -= 3; /* a word repeated: "Kenya Kenya", "Прокурор Прокуратуры" */
        if (words > 19)
            score -= 2; /* headlines are short */
        if (score > best_score)
            best_score = score, best = w;
    }
    return best;
}

size_t ta_headline_candidates(ta_headliner *h, const char *t, size_t n, size_t from, size_t to,
                              bool anywhere, size_t *out, size_t max)
{
    size_t words = 1, k = 0;
    for (size_t w = from + 1; w < to && w < n && k < max; w++) {
        if (t[w - 1] != ' ' || t[w] == ' ')
            continue;
        if (!anywhere && (w - from >= 300 || words >= 30))
            break;
        if (++words < 3 || (anywhere && ta_count_words(t, w, to, 3) < 3))
            continue;
        size_t ps = ta_token_start(t, from, w - 1), pa = ps, pz = word_core(t, &pa, w - 1);
        size_t q = w - 1;
        uint32_t last = ta_u8_prev(t, &q);
        if (anywhere && pz < w - 1 && pz > pa && (t[pz] == '.' || t[pz] == '!' || t[pz] == '?')) {
            out[k++] = w; /* "... the attorney added. rus.err.ee wrote" */
            continue;
        }
        if (pz == pa || !(ta_is_alpha(last) || ta_is_digit(last) || is_close_quote(last)) ||
            is_stopword(h, t + pa, pz - pa))
            continue;
        q = w;
        uint32_t c = ta_u8_decode(t, n, &q);
        if (ta_is_open_punct(c) && q < n)
            c = ta_u8_decode(t, n, &q);
        if (ta_is_upper(c) || ta_is_digit(c))
            out[k++] = w;
    }
    return k;
}

bool ta_headliner_seen_lowercase(ta_headliner *h, const char *w, size_t n, const char *doc,
                                 size_t len)
{
    return seen_lowercase(h, doc, len, w, n);
}
