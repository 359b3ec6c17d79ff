/* mkforms.c — builds the word-form file of a hunspell dictionary (base/wordforms.h) that the
 * headline rules and the spelling check map instead of loading libhunspell (100 ms for ru_RU,
 * 40 ms for en_US, where a whole `talign align` of a pair takes 8 ms). Usage: mkforms LANG AFF
 * DIC OUT.
 * It expands every .dic entry by its .aff prefix and suffix rules (hunspell-tools' unmunch
 * would, but it compares UTF-8 conditions byte by byte and misses ru_RU forms such as
 * "анализирует") and asks libhunspell itself of each form: does Hunspell_spell accept its
 * lowercase form, capitalised, in capitals (and a mixed-case form as it is), and the
 * dictionary-form flag from Hunspell_stem. So the file holds hunspell's answers, not ours;
 * what it cannot hold (numbers, words joined by hyphens) ta_wordforms_spell answers as
 * hunspell does. */
#include "internal.h"
#include "wordforms.h"
#include "headwords.h"
#include "check/spellwords.h"
#include "lexicon.h"
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_COND = 16, MAX_SET = 48, MAX_WORD = 256, MAX_RULES = 4096, ORDINALS_CHECKED = 10000,
       MAX_FORM_BYTES = 100 /* hunspell checks no longer word (spell.h: TA_SPELL_WORD_MAX) */ };

typedef struct {
    bool any, neg;
    int n;
    uint32_t cp[MAX_SET];
} cond_elem;

typedef struct {
    bool suffix, cross;
    unsigned char flag;
    char strip[64], add[64];
    size_t strip_cps;
    int nc;
    cond_elem cond[MAX_COND];
} rule;

static rule rules[MAX_RULES];
static size_t nrules;
static Hunhandle *hun, *hun_added; /* the dictionary, and it with the added words */
static uint64_t *entries;
static size_t nentries, cap_entries;
static size_t checked;

static size_t cps(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0, i = 0, len = strlen(s);
    while (i < len && n < max)
        out[n++] = ta_u8_decode(s, len, &i);
    return n;
}

/* "[^сз]ться" into elements; 0 on success. */
static int parse_cond(rule *r, const char *c)
{
    uint32_t cp[MAX_WORD];
    size_t n = cps(c, cp, MAX_WORD), i = 0;
    r->nc = 0;
    if (n == 1 && cp[0] == '.')
        return 0;
    while (i < n) {
        if (r->nc == MAX_COND)
            return -1;
        cond_elem *e = &r->cond[r->nc++];
        memset(e, 0, sizeof *e);
        if (cp[i] == '.') {
            e->any = true, i++;
        } else if (cp[i] == '[') {
            i++;
            if (i < n && cp[i] == '^')
                e->neg = true, i++;
            while (i < n && cp[i] != ']' && e->n < MAX_SET)
                e->cp[e->n++] = cp[i++];
            if (i == n || cp[i] != ']')
                return -1;
            i++;
        } else {
            e->cp[e->n++] = cp[i++];
        }
    }
    return 0;
}

static bool elem_match(const cond_elem *e, uint32_t c)
{
    if (e->any)
        return true;
    bool in = false;
    for (int k = 0; k < e->n && !in; k++)
        in = e->cp[k] == c;
    return in != e->neg;
}

/* Does the rule apply to the word w (n code points)? */
static bool applies(const rule *r, const uint32_t *w, size_t n, const char *word)
{
    size_t sl = strlen(r->strip), wl = strlen(word);
    if ((size_t)r->nc > n || r->strip_cps >= n || sl > wl)
        return false;
    if (r->suffix ? memcmp(word + wl - sl, r->strip, sl) : memcmp(word, r->strip, sl))
        return false;
    for (int j = 0; j < r->nc; j++)
        if (!elem_match(&r->cond[j], r->suffix ? w[n - (size_t)r->nc + (size_t)j] : w[j]))
            return false;
    return true;
}

/* The rules of the .aff file: "SFX L Y 63" headers (the cross-product switch) and their
 * "SFX L ться лся [^сз]ться" lines. 0 on success. */
static int read_aff(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    bool cross[2][256] = {{false}};
    int bad = 0;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        char type[8], flag[8], strip[64], add[64], cond[256];
        int k = sscanf(line, "%7s %7s %63s %63s %255s", type, flag, strip, add, cond);
        if (k < 4 || (strcmp(type, "SFX") && strcmp(type, "PFX")) || strlen(flag) != 1)
            continue;
        bool suffix = type[0] == 'S';
        if (k == 4) { /* a header */
            cross[suffix][(unsigned char)flag[0]] = strip[0] == 'Y';
            continue;
        }
        if (nrules == MAX_RULES) {
            bad = -1;
            break;
        }
        rule *r = &rules[nrules++];
        memset(r, 0, sizeof *r);
        r->suffix = suffix;
        r->flag = (unsigned char)flag[0];
        r->cross = cross[suffix][r->flag];
        char *slash = strchr(add, '/');
        if (slash)
            *slash = 0;
        snprintf(r->strip, sizeof r->strip, "%s", strcmp(strip, "0") ? strip : "");
        snprintf(r->add, sizeof r->add, "%s", strcmp(add, "0") ? add : "");
        uint32_t tmp[MAX_WORD];
        r->strip_cps = cps(r->strip, tmp, MAX_WORD);
        if (parse_cond(r, cond)) {
            bad = -1;
            break;
        }
    }
    fclose(f);
    return bad;
}

static int add_entry(uint64_t e)
{
    if (nentries == cap_entries) {
        cap_entries = cap_entries ? 2 * cap_entries : 1 << 16;
        uint64_t *m = realloc(entries, cap_entries * sizeof *m);
        if (!m)
            return -1;
        entries = m;
    }
    entries[nentries++] = e;
    return 0;
}

/* What hunspell h answers for the lowercase form low: whether Hunspell_spell accepts it as it
 * is, capitalised (cap) and in capitals (up), and the dictionary-form flag from Hunspell_stem. */
static uint64_t flags_of(Hunhandle *h, const char *low, const char *cap, const char *up)
{
    uint64_t flags = (Hunspell_spell(h, cap) ? TA_WF_CAP : 0) | (Hunspell_spell(h, up) ? TA_WF_UPPER : 0);
    if (Hunspell_spell(h, low)) {
        char **stems;
        int k = Hunspell_stem(h, &stems, low);
        flags |= TA_WF_KNOWN | (k > 0 ? TA_WF_STEMS : 0) |
                 (ta_hl_lemma_of(low, stems, k) ? TA_WF_LEMMA : 0);
        Hunspell_free_list(h, &stems, k);
    }
    return flags;
}

/* Keeps what hunspell answers for a form: the flags of its lowercase form and, for a form in
 * mixed case ("iPhone"), whether it accepts the form itself. For a form of an added word
 * (`added`), what the handle with the added words answers, where it differs. */
static int keep(const char *form, bool added)
{
    size_t n = strlen(form);
    char low[4 * MAX_WORD], cap[4 * MAX_WORD], up[4 * MAX_WORD];
    if (!n || n >= MAX_FORM_BYTES ||
        !ta_wordforms_recase(form, n, TA_WF_LOWER, low, sizeof low) ||
        !ta_wordforms_recase(form, n, TA_WF_INITCAP, cap, sizeof cap) ||
        !ta_wordforms_recase(form, n, TA_WF_ALLCAPS, up, sizeof up))
        return 0;
    checked++;
    uint64_t flags = flags_of(hun, low, cap, up);
    if (added) {
        uint64_t with = flags_of(hun_added, low, cap, up);
        if (with != flags && add_entry(ta_wordforms_added_key(low, strlen(low)) | with))
            return -1;
    } else if (flags && add_entry(ta_wordforms_key(low, strlen(low)) | flags)) {
        return -1;
    }
    if (!strcmp(form, low) || !strcmp(form, cap) || !strcmp(form, up))
        return 0;
    if (!added)
        return Hunspell_spell(hun, form) ? add_entry(ta_wordforms_key(form, n) | TA_WF_KNOWN) : 0;
    return Hunspell_spell(hun_added, form) && !Hunspell_spell(hun, form)
               ? add_entry(ta_wordforms_added_key(form, n) | TA_WF_KNOWN)
               : 0;
}

/* The form of `word` under rule r: its strip taken off, its affix put on. */
static void apply(const rule *r, const char *word, char *out, size_t cap)
{
    size_t wl = strlen(word), sl = strlen(r->strip);
    if (r->suffix)
        snprintf(out, cap, "%.*s%s", (int)(wl - sl), word, r->add);
    else
        snprintf(out, cap, "%s%s", r->add, word + sl);
}

/* What expand does with each form: keep (the word-form file), or take_paradigm. */
static int (*take)(const char *form, bool added) = keep;

/* The word, its prefixed and suffixed forms, and both where the rules allow the cross product
 * (given to take, as forms of an added word when `added`). */
static int expand(const char *word, const char *flags, bool added)
{
    uint32_t w[MAX_WORD];
    size_t n = cps(word, w, MAX_WORD);
    char form[4 * MAX_WORD], both[4 * MAX_WORD];
    int bad = take(word, added);
    for (size_t i = 0; i < nrules && !bad; i++) {
        const rule *r = &rules[i];
        if (!strchr(flags, r->flag) || !applies(r, w, n, word))
            continue;
        apply(r, word, form, sizeof form);
        bad = take(form, added);
        for (size_t j = 0; j < nrules && !bad && r->cross && !r->suffix; j++) {
            const rule *s = &rules[j];
            if (!s->suffix || !s->cross || !strchr(flags, s->flag) || !applies(s, w, n, word))
                continue;
            apply(s, form, both, sizeof both);
            bad = take(both, added);
        }
    }
    return bad;
}

/* Does hunspell take digits with a suffix exactly when ta_wordforms_ordinal does, for every
 * number below ORDINALS_CHECKED and every suffix? */
static bool ordinals_agree(void)
{
    static const char *const suffix[] = {"st", "nd", "rd", "th"};
    char w[32];
    for (int i = 0; i < ORDINALS_CHECKED; i++)
        for (int k = 0; k < 4; k++) {
            snprintf(w, sizeof w, "%d%s", i, suffix[k]);
            if ((Hunspell_spell(hun, w) != 0) != ta_wordforms_ordinal(w, strlen(w)))
                return false;
        }
    return true;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The .dic entries: words and their affix flags, and a map from word to index (the first
 * entry of a word, as Hunspell_add_with_affix takes its model's flags). */
static char **dic_words, **dic_flags;
static size_t ndic;
static ta_strmap dic_index;

static int read_dic(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    if (!f || !fgets(line, sizeof line, f)) /* the entry count */
        return -1;
    size_t cap = 0;
    int bad = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        line[strcspn(line, " \t\r\n")] = 0;
        char *slash = strchr(line, '/');
        if (slash)
            *slash++ = 0;
        if (!*line)
            continue;
        if (ndic == cap) {
            cap = cap ? 2 * cap : 1 << 16;
            char **w = realloc(dic_words, cap * sizeof *w), **fl = w ? realloc(dic_flags, cap * sizeof *fl) : NULL;
            dic_words = w ? w : dic_words, dic_flags = fl ? fl : dic_flags;
            if (!w || !fl)
                return -1;
        }
        dic_words[ndic] = strdup(line);
        dic_flags[ndic] = strdup(slash ? slash : "");
        int seen;
        bad = !dic_words[ndic] || !dic_flags[ndic] ||
              (!ta_strmap_get(&dic_index, line, strlen(line), &seen) &&
               ta_strmap_put(&dic_index, line, strlen(line), (int)ndic));
        ndic++;
    }
    fclose(f);
    return bad;
}

/* The speller's words of this dictionary's script from the files given, added to hun_added as
 * the speller adds them (align/check/spell.c) and expanded with the flags they get; *hash
 * their ta_spellwords_hash. 0 on success. */
static int added_words(char **files, int nfiles, bool cyrillic, uint64_t *hash)
{
    ta_spellwords sw = {0};
    ta_buf scratch = {0};
    ta_error err;
    int bad = 0;
    for (int i = 0; i < nfiles && !bad; i++) {
        char **lines;
        size_t n;
        bad = ta_file_lines(files[i], &lines, &n, NULL, &err) != TA_OK;
        bad = bad || ta_spellwords_parse(&sw, lines, n, NULL, &scratch);
        if (lines)
            ta_lines_free(lines);
    }
    for (size_t i = 0; i < sw.n && !bad; i++) {
        const ta_spellword *e = &sw.v[i];
        bool oom;
        const char *model = ta_spellword_model(e, &scratch, &oom);
        int at = -1;
        if (ta_spellword_cyrillic(e->word) != cyrillic)
            continue;
        bool in_dic = model && ta_strmap_get(&dic_index, model, strlen(model), &at);
        bool affixed = !oom && model && Hunspell_add_with_affix(hun_added, e->word, model) == 0;
        if (affixed && !in_dic) { /* the forms would be those of an added word's flags */
            fprintf(stderr, "mkforms: %s: its model %s is no word of the .dic\n", e->word, model);
            bad = 1;
            break;
        }
        if (!affixed)
            Hunspell_add(hun_added, e->word); /* as the speller adds it then */
        bad = oom || expand(e->word, affixed ? dic_flags[at] : "", true);
    }
    *hash = ta_spellwords_hash(&sw, cyrillic);
    ta_spellwords_release(&sw);
    ta_buf_release(&scratch);
    return bad;
}

/* ---- mkforms paradigms AFF DIC OUT LEX: for the checks' word evidence, the Snowball stems of
 * the forms of every dictionary word whose stem is a translation in LEX, where they differ from
 * the word's own stem (Snowball leaves short Russian forms as they are: знают, знал, but
 * знать -> знат), as lines "FORM_STEM<TAB>WORD_STEM ..." (lexicon/paradigms.ru_RU) ---- */
static ta_stemmer stemmer;
static ta_buf word_stem, form_stem, line;
static char **lines; /* "FORM_STEM\tWORD_STEM", one a form (repeated: written once) */
static size_t nlines, cap_lines;
static uint64_t *lex_keys; /* a bit per lexicon key */

static int take_paradigm(const char *form, bool added)
{
    (void)added;
    if (ta_stem(&stemmer, 'r', form, strlen(form), &form_stem))
        return -1;
    if (form_stem.len == word_stem.len && !memcmp(form_stem.data, word_stem.data, form_stem.len))
        return 0;
    line.len = 0;
    if (ta_buf_add(&line, form_stem.data, form_stem.len) || ta_buf_addc(&line, '\t') ||
        ta_buf_add(&line, word_stem.data, word_stem.len))
        return -1;
    if (nlines == cap_lines) {
        char **l = realloc(lines, (cap_lines = cap_lines ? 2 * cap_lines : 1 << 16) * sizeof *l);
        if (!l)
            return -1;
        lines = l;
    }
    return !(lines[nlines++] = strdup(line.data));
}

static void set_lex_key(uint32_t key, void *bits)
{
    ((uint64_t *)bits)[key / 64] |= (uint64_t)1 << (key % 64);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines, sorted, one a form stem with all its word stems, into path (atomically); *stems
 * the form stems written. */
static int write_paradigms(const char *path, const char *aff, const char *dic, size_t *stems)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    qsort(lines, nlines, sizeof *lines, by_string);
    fprintf(f, "# made by scripts/mkforms.c from %s, %s and the lexicon: a Snowball stem of a word\n"
               "# form<TAB>the stems of the dictionary words it is a form of\n", aff, dic);
    *stems = 0;
    for (size_t i = 0; i < nlines; i++) {
        size_t k = strcspn(lines[i], "\t");
        if (i && !strcmp(lines[i - 1], lines[i]))
            continue; /* a form the rules made twice */
        if (i && !strncmp(lines[i - 1], lines[i], k + 1)) /* the same form stem */
            fprintf(f, " %s", lines[i] + k + 1);
        else
            fprintf(f, "%s%s", i ? "\n" : "", lines[i]), ++*stems;
    }
    fputs(nlines ? "\n" : "", f);
    return ferror(f) | fclose(f) || rename(tmp, path) ? -1 : 0;
}

static int paradigms(char **argv)
{
    ta_lexicon *lx = NULL;
    ta_error err;
    if (read_aff(argv[2]) || read_dic(argv[3]) || ta_lexicon_load(argv[5], &lx, &err) != TA_OK ||
        !(lex_keys = calloc(TA_LEX_KEYS / 64 + 1, sizeof *lex_keys))) {
        fprintf(stderr, "mkforms: cannot read %s, %s and %s\n", argv[2], argv[3], argv[5]);
        return 3;
    }
    ta_lexicon_each_key(lx, set_lex_key, lex_keys);
    take = take_paradigm;
    int bad = 0;
    size_t stems = 0;
    for (size_t i = 0; i < ndic && !bad; i++) {
        bad = ta_stem(&stemmer, 'r', dic_words[i], strlen(dic_words[i]), &word_stem);
        uint32_t key = bad ? 0 : ta_lex_key(word_stem.data, word_stem.len);
        if (!bad && lex_keys[key / 64] >> (key % 64) & 1)
            bad = expand(dic_words[i], dic_flags[i], false);
    }
    if (bad || write_paradigms(argv[4], argv[2], argv[3], &stems)) {
        fprintf(stderr, "mkforms: cannot write %s\n", argv[4]);
        return 4;
    }
    fprintf(stderr, "mkforms: %s: %zu form stems of lexicon words\n", argv[4], stems);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 6 && !strcmp(argv[1], "paradigms"))
        return paradigms(argv);
    if (argc < 5 || (strcmp(argv[1], "en") && strcmp(argv[1], "ru"))) {
        fprintf(stderr, "usage: mkforms en|ru AFF DIC OUT [WORDS...]\n"
                        "       mkforms paradigms AFF DIC OUT LEX\n"
                        "  WORDS: the spelling check's words (lexicon/spell.en, spell.ru)\n");
        return 2;
    }
    if (read_aff(argv[2]) || read_dic(argv[3]) || !(hun = Hunspell_create(argv[2], argv[3])) ||
        !(hun_added = Hunspell_create(argv[2], argv[3]))) {
        fprintf(stderr, "mkforms: cannot read %s and %s\n", argv[2], argv[3]);
        return 3;
    }
    const char *enc = Hunspell_get_dic_encoding(hun);
    if (!enc || (strcmp(enc, "UTF-8") && strcmp(enc, "UTF8"))) {
        fprintf(stderr, "mkforms: %s: the dictionary is in %s; word-form files are made of UTF-8 ones\n",
                argv[2], enc ? enc : "an unknown encoding");
        return 3;
    }
    int bad = 0;
    for (size_t i = 0; i < ndic && !bad; i++)
        bad = expand(dic_words[i], dic_flags[i], false);
    uint64_t words = 0;
    bad = bad || added_words(argv + 5, argc - 5, !strcmp(argv[1], "ru"), &words);
    qsort(entries, nentries, sizeof *entries, by_key);
    size_t u = 0;
    for (size_t i = 0; i < nentries; i++) /* a form made twice, or two forms on one key */
        if (!u || (entries[i] & ~(uint64_t)TA_WF_FLAGS) != (entries[u - 1] & ~(uint64_t)TA_WF_FLAGS))
            entries[u++] = entries[i];
    if (bad || ta_wordforms_write(argv[4], argv[2], argv[3], words, entries, u, ordinals_agree())) {
        fprintf(stderr, "mkforms: cannot write %s\n", argv[4]);
        return 4;
    }
    fprintf(stderr, "mkforms: %s: %zu forms of %zu checked\n", argv[4], u, checked);
    Hunspell_destroy(hun);
    Hunspell_destroy(hun_added);
    for (size_t i = 0; i < ndic; i++)
        free(dic_words[i]), free(dic_flags[i]);
    free(dic_words), free(dic_flags);
    ta_strmap_release(&dic_index);
    free(entries);
    return 0;
}
