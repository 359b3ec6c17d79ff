/* headliner.c — the headliner: the word lists the headline rules read (starters.LANG,
 * stopwords.LANG, titlecase.LANG, titles.LANG, roles.LANG, endings.LANG), hunspell loaded the
 * first time a rule asks, and the word tests built on them. */
#define _GNU_SOURCE /* memmem */
#include "headwords.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *end_kind[END_KINDS] = {"verb", "adjective-stem", "adjective", "demonym",
                                          "oblique", "ordinal"};

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

ta_status ta_headliner_use_hunspell(ta_headliner *h, const char *dir, const char *forms_dir,
                                    const ta_ruleset *rs, ta_error *err)
{
    if (!dir)
        dir = TA_HUNSPELL_DIR;
    char *copy = strdup(dir), *forms = forms_dir ? strdup(forms_dir) : NULL;
    if (!copy || (forms_dir && !forms)) {
        free(copy);
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    free(h->dict_dir), free(h->forms_dir);
    h->dict_dir = copy, h->forms_dir = forms;
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
    ta_wordforms_close(h->forms);
    free(h->dict_dir), free(h->forms_dir);
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

bool ta_hl_is_close_quote(uint32_t c)
{
    return c == '"' || c == 0xBB || c == 0x201D || c == 0x2019 || c == '\'' || c == ')';
}

size_t ta_hl_word_core(const char *s, size_t *a, size_t e)
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

size_t ta_hl_token_end(const char *s, size_t n, size_t a)
{
    while (a < n && s[a] != ' ')
        a++;
    return a;
}

bool ta_hl_in_list(char **list, const char *w, size_t n)
{
    for (size_t k = 0; list && list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(list[k], w, n))
            return true;
    return false;
}

bool ta_hl_in_map(ta_headliner *h, const ta_strmap *m, const char *w, size_t n)
{
    int v;
    h->key.len = 0;
    return !ta_u8_lower(&h->key, w, n, false) &&
           ta_strmap_get(m, h->key.data ? h->key.data : "", h->key.len, &v);
}

bool ta_hl_is_stopword(ta_headliner *h, const char *w, size_t n)
{
    return ta_hl_in_map(h, &h->stop, w, n);
}

bool ta_hl_title_case(ta_headliner *h, const char *t, size_t from, size_t w)
{
    int words = 0, caps = 0, minor_caps = 0;
    for (size_t a = from; a < w;) {
        size_t e = a;
        while (e < w && t[e] != ' ')
            e++;
        size_t wa = a, wz = ta_hl_word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_alpha(c)) {
            bool minor = ta_hl_in_map(h, &h->minor, t + wa, wz - wa);
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

bool ta_hl_sentence_soon(ta_headliner *h, const char *t, size_t n, size_t ws, int k)
{
    for (size_t a = ws; a < n && k > 0; k--) {
        size_t e = a;
        while (e < n && t[e] != ' ')
            e++;
        size_t wa = a, wz = ta_hl_word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_lower(c) && !ta_hl_in_map(h, &h->minor, t + wa, wz - wa))
            return true;
        a = e + 1;
    }
    return false;
}

const char *ta_hl_find(const char *h, size_t hn, const char *nd, size_t nn)
{
    return nn ? memmem(h, hn, nd, nn) : NULL;
}

bool ta_hl_ends_with(char **list, const char *w, size_t n)
{
    for (size_t i = 0; list && list[i]; i++) {
        size_t l = strlen(list[i]);
        if (n > l && !memcmp(w + n - l, list[i], l))
            return true;
    }
    return false;
}

bool ta_hl_ru_verb(const ta_headliner *h, const char *t, size_t n, size_t a)
{
    size_t e = a, q = a;
    if (a >= n || !ta_is_lower(ta_u8_decode(t, n, &q)))
        return false;
    while (e < n && t[e] != ' ' && t[e] != ',' && t[e] != '.')
        e++;
    return ta_u8_count(t + a, e - a) >= RU_VERB_MIN_LETTERS &&
           ta_hl_ends_with(h->end[END_VERB], t + a, e - a);
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

size_t ta_hl_prefix_bytes(const ta_buf *b, size_t k)
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
        if (ta_hl_find(w, n, h->end[END_DEMONYM][i], strlen(h->end[END_DEMONYM][i])))
            return true;
    return false;
}

bool ta_hl_seen_lowercase(ta_headliner *h, const char *doc, size_t len, const char *w, size_t n)
{
    h->key.len = 0;
    if (ta_u8_lower(&h->key, w, n, false) || !h->key.len)
        return false;
    size_t kl = ta_hl_prefix_bytes(&h->key, PREFIX_LETTERS);
    bool prefix = kl < h->key.len && !strcmp(h->lang, "ru");
    const char *k = h->key.data, *p = doc, *end = doc + len;
    if (!prefix)
        kl = h->key.len;
    while ((p = ta_hl_find(p, (size_t)(end - p), k, kl)) != NULL) {
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

/* The first time a rule asks: the word-form file made from the dictionary (base/wordforms.h),
 * else hunspell itself. */
static void open_dictionary(ta_headliner *h)
{
    h->hun_tried = true;
    if (!h->dict_dir)
        return;
    char aff[512], dic[512];
    const char *loc = !strcmp(h->lang, "ru") ? "ru_RU" : "en_US";
    snprintf(aff, sizeof aff, "%s/%s.aff", h->dict_dir, loc);
    snprintf(dic, sizeof dic, "%s/%s.dic", h->dict_dir, loc);
    if ((h->forms = ta_wordforms_open(h->forms_dir, loc, aff, dic)))
        return;
    FILE *f = fopen(dic, "rb");
    if (f) {
        fclose(f);
        h->hun = ta_hunspell_create(aff, dic);
    }
}

bool ta_hl_common_word(ta_headliner *h, const char *w, size_t n)
{
    if (!h->hun_tried)
        open_dictionary(h);
    if ((!h->hun && !h->forms) || n > HUNSPELL_MAX_BYTES)
        return false;
    h->tmp.len = 0;
    if (ta_u8_lower(&h->tmp, w, n, false) || !h->tmp.len)
        return false;
    for (size_t i = 0; i < h->tmp.len; i++) /* en_US is Latin-1: ASCII words only */
        if ((unsigned char)h->tmp.data[i] >= 0x80 && strcmp(h->lang, "ru"))
            return false;
    if (h->forms)
        return ta_wordforms_spell(h->forms, h->tmp.data, h->tmp.len, &h->lemma);
    return Hunspell_spell(h->hun, h->tmp.data) != 0;
}

bool ta_hl_lemma_of(const char *w, char **stems, int k)
{
    size_t n = strlen(w);
    bool same = k == 0 || (n > 2 && !strcmp(w + n - 2, "\xD0\xBE"));
    for (int i = 0; i < k && !same; i++) {
        size_t l = strlen(stems[i]);
        same = !strcmp(stems[i], w) ||
               (l + 2 == n && !memcmp(stems[i], w, l) &&
                (!strcmp(w + l, "\xD1\x8B") || !strcmp(w + l, "\xD0\xB8")));
    }
    return same;
}

bool ta_hl_lemma_form(ta_headliner *h)
{
    if (h->forms)
        return h->lemma;
    char **stems;
    int k = Hunspell_stem(h->hun, &stems, h->tmp.data);
    bool same = ta_hl_lemma_of(h->tmp.data, stems, k);
    Hunspell_free_list(h->hun, &stems, k);
    return same;
}
