/* mkforms.c — builds the word-form file of a hunspell dictionary (base/wordforms.h) that the
 * headline rules map instead of loading libhunspell (100 ms for ru_RU, 40 ms for en_US, where
 * a whole `talign align` of a pair takes 8 ms). Usage: mkforms LANG AFF DIC OUT.
 * It expands every .dic entry by its .aff prefix and suffix rules (hunspell-tools' unmunch
 * would, but it compares UTF-8 conditions byte by byte and misses ru_RU forms such as
 * "анализирует"), keeps the lowercase forms (ASCII ones for en: the headline rules ask only
 * those), and asks libhunspell itself of each: Hunspell_spell must accept it, and
 * Hunspell_stem gives its dictionary-form flag. So the file holds hunspell's answers, not
 * ours; what it cannot hold (numbers, words joined by hyphens) ta_wordforms_spell answers as
 * hunspell does. */
#include "internal.h"
#include "wordforms.h"
#include "headwords.h"
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

enum { MAX_COND = 16, MAX_SET = 48, MAX_WORD = 256, MAX_RULES = 4096, ORDINALS_CHECKED = 10000 };

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
static Hunhandle *hun;
static bool ascii_only;
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
        if (nrules == MAX_RULES)
            return -1;
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
        if (parse_cond(r, cond))
            return -1;
    }
    fclose(f);
    return 0;
}

/* Keeps the form when it is lowercase (and ASCII for en) and hunspell accepts it, with its
 * dictionary-form flag from Hunspell_stem. */
static int keep(const char *form)
{
    size_t n = strlen(form), i = 0;
    if (!n || n > HUNSPELL_MAX_BYTES)
        return 0;
    while (i < n) {
        uint32_t c = ta_u8_decode(form, n, &i);
        if (u_isupper((UChar32)c) || (ascii_only && c >= 0x80))
            return 0;
    }
    checked++;
    if (!Hunspell_spell(hun, form))
        return 0;
    char **stems;
    int k = Hunspell_stem(hun, &stems, form);
    uint64_t e = ta_wordforms_key(form, n) | TA_WF_KNOWN | (k > 0 ? TA_WF_STEMS : 0) |
                 (ta_hl_lemma_of(form, stems, k) ? TA_WF_LEMMA : 0);
    Hunspell_free_list(hun, &stems, k);
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

/* The form of `word` under rule r: its strip taken off, its affix put on. */
static void apply(const rule *r, const char *word, char *out, size_t cap)
{
    size_t wl = strlen(word), sl = strlen(r->strip);
    if (r->suffix)
        snprintf(out, cap, "%.*s%s", (int)(wl - sl), word, r->add);
    else
        snprintf(out, cap, "%s%s", r->add, word + sl);
}

/* The word, its prefixed and suffixed forms, and both where the rules allow the cross product. */
static int expand(const char *word, const char *flags)
{
    uint32_t w[MAX_WORD];
    size_t n = cps(word, w, MAX_WORD);
    char form[4 * MAX_WORD], both[4 * MAX_WORD];
    int bad = keep(word);
    for (size_t i = 0; i < nrules && !bad; i++) {
        const rule *r = &rules[i];
        if (!strchr(flags, r->flag) || !applies(r, w, n, word))
            continue;
        apply(r, word, form, sizeof form);
        bad = keep(form);
        for (size_t j = 0; j < nrules && !bad && r->cross && !r->suffix; j++) {
            const rule *s = &rules[j];
            if (!s->suffix || !s->cross || !strchr(flags, s->flag) || !applies(s, w, n, word))
                continue;
            apply(s, form, both, sizeof both);
            bad = keep(both);
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

int main(int argc, char **argv)
{
    if (argc != 5 || (strcmp(argv[1], "en") && strcmp(argv[1], "ru"))) {
        fprintf(stderr, "usage: mkforms en|ru AFF DIC OUT\n");
        return 2;
    }
    ascii_only = !strcmp(argv[1], "en");
    FILE *dic = fopen(argv[3], "r");
    if (read_aff(argv[2]) || !dic || !(hun = Hunspell_create(argv[2], argv[3]))) {
        fprintf(stderr, "mkforms: cannot read %s and %s\n", argv[2], argv[3]);
        return 3;
    }
    char line[1024];
    int bad = !fgets(line, sizeof line, dic); /* the entry count */
    while (!bad && fgets(line, sizeof line, dic)) {
        line[strcspn(line, " \t\r\n")] = 0;
        char *slash = strchr(line, '/');
        if (slash)
            *slash++ = 0;
        bad = *line && expand(line, slash ? slash : "");
    }
    fclose(dic);
    qsort(entries, nentries, sizeof *entries, by_key);
    size_t u = 0;
    for (size_t i = 0; i < nentries; i++) /* a form made twice, or two forms on one key */
        if (!u || (entries[i] & ~(uint64_t)TA_WF_FLAGS) != (entries[u - 1] & ~(uint64_t)TA_WF_FLAGS))
            entries[u++] = entries[i];
    if (bad || ta_wordforms_write(argv[4], argv[2], argv[3], entries, u, ordinals_agree())) {
        fprintf(stderr, "mkforms: cannot write %s\n", argv[4]);
        return 4;
    }
    fprintf(stderr, "mkforms: %s: %zu forms of %zu checked\n", argv[4], u, checked);
    Hunspell_destroy(hun);
    free(entries);
    return 0;
}
