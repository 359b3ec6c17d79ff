/* sentfeat.c — sentence features for alignment: tokens, stopwords, Snowball stems mapped through
 * the lexicon, normalised numbers (2,5 = 2.5; 1,000 = 1 000 = 1000; 5 млн = 5m = 5 million;
 * two = двух = 2) and consonant skeletons of transliterated words (Антонов ~ Antonov,
 * Байден ~ Biden) as shared match keys; for the checks, a Russian form's word through the
 * paradigm file (знал = знать). */
#include "sentfeat.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static int load_set(ta_strmap *m, const char *dir, const char *name, ta_error *err,
                    ta_status *st)
{
    char **lines;
    size_t n;
    if ((*st = ta_data_lines(dir, name, &lines, &n, NULL, err)) != TA_OK)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (ta_strmap_put(m, lines[i], strlen(lines[i]), 1)) {
            ta_lines_free(lines);
            *st = ta_fail(err, TA_ENOMEM, "out of memory");
            return -1;
        }
    ta_lines_free(lines);
    return 0;
}

/* A number line's value ("5", or "*1000" for a multiplier), kept in num_val: its index, -1
 * when malformed, -2 when out of memory. */
static int number_value(ta_featurizer *f, char *p, char **end)
{
    bool mult = *p == '*';
    double v = strtod(p + mult, end);
    if (*end == p + mult || v <= 0)
        return -1;
    double *slot = ta_vec_push(&f->num_val);
    if (!slot)
        return -2;
    *slot = mult ? -v : v;
    return (int)f->num_val.len - 1;
}

/* A month line's value: the month (1-12), -1 when malformed. */
static int month_value(ta_featurizer *f, char *p, char **end)
{
    (void)f;
    long month = strtol(p, end, 10);
    return *end == p || month < 1 || month > 12 ? -1 : (int)month;
}

/* A data file of lines "VALUE word word...": every word maps to what `value` makes of the
 * line's VALUE (numbers.LANG, months.LANG); `what` says what a malformed line lacks. */
static int load_words(ta_featurizer *f, ta_strmap *m, const char *dir, const char *name,
                      int (*value)(ta_featurizer *, char *, char **), const char *what,
                      ta_error *err, ta_status *st)
{
    char **lines;
    size_t n;
    int *lineno;
    if ((*st = ta_data_lines(dir, name, &lines, &n, &lineno, err)) != TA_OK)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        char *end;
        int id = value(f, lines[i], &end);
        if (id == -1)
            *st = ta_fail(err, TA_EFORMAT, "%s, line %d: a line starts with %s", name, lineno[i],
                          what);
        for (char *sv, *w = strtok_r(end, " \t", &sv); id >= 0 && w && !rc; w = strtok_r(NULL, " \t", &sv))
            rc = ta_strmap_put(m, w, strlen(w), id);
        if (rc || id == -2)
            *st = ta_fail(err, TA_ENOMEM, "out of memory");
        rc = rc || id < 0 ? -1 : 0;
    }
    ta_lines_free(lines);
    free(lineno);
    return rc;
}

#define NUMBER "its value (5, or *1000 for a multiplier)"
#define MONTH "the month's number (1-12)"
#define MONTH_NAME_MAX 24 /* bytes: a longer word names no month */

ta_status ta_featurizer_init(ta_featurizer *f, const ta_lexicon *lx, const char *data_dir,
                             ta_error *err)
{
    memset(f, 0, sizeof *f);
    f->form_list.esz = sizeof(form);
    f->form_keys.esz = sizeof(int);
    f->form_latins.esz = sizeof(form_latin);
    f->num_val.esz = sizeof(double);
    f->lx = lx;
    f->use = TA_USE_LEXICON | TA_USE_NAMES | TA_USE_NUMBERS;
    ta_status st = TA_OK;
    const char *d = data_dir;
    if (load_set(&f->stop_en, d, "stopwords.en", err, &st) ||
        load_set(&f->stop_ru, d, "stopwords.ru", err, &st) ||
        load_words(f, &f->num_en, d, "numbers.en", number_value, NUMBER, err, &st) ||
        load_words(f, &f->num_ru, d, "numbers.ru", number_value, NUMBER, err, &st) ||
        load_words(f, &f->month_en, d, "months.en", month_value, MONTH, err, &st) ||
        load_words(f, &f->month_ru, d, "months.ru", month_value, MONTH, err, &st))
        ta_featurizer_release(f);
    return st;
}

/* What the featurizer gathered from the texts it saw (forms, keys, Latin forms, learned pairs). */
static void release_document(ta_featurizer *f)
{
    ta_strmap_release(&f->extra);
    ta_strmap_release(&f->stems);
    ta_buf_release(&f->latin);
    ta_vec_release(&f->form_latins);
    free(f->sims);
    f->sims = NULL;
    ta_strmap_release(&f->forms_en);
    ta_strmap_release(&f->forms_ru);
    ta_vec_release(&f->ahead);
    ta_vec_release(&f->form_list);
    ta_vec_release(&f->form_keys);
    for (size_t i = 0; i < f->learned.len; i++)
        ta_vec_release((ta_vec *)f->learned.data + i);
    ta_vec_release(&f->learned);
    ta_buf_release(&f->tmp);
    ta_buf_release(&f->stem);
}

void ta_featurizer_reset(ta_featurizer *f, const ta_lexicon *lx)
{
    release_document(f);
    f->form_list.esz = sizeof(form);
    f->form_keys.esz = sizeof(int);
    f->form_latins.esz = sizeof(form_latin);
    f->lx = lx;
    f->use = TA_USE_LEXICON | TA_USE_NAMES | TA_USE_NUMBERS;
    f->no_offsets = f->no_set = false;
}

void ta_featurizer_release(ta_featurizer *f)
{
    release_document(f);
    ta_stemmer_release(&f->st);
    ta_strmap_release(&f->stop_en);
    ta_strmap_release(&f->stop_ru);
    ta_strmap_release(&f->num_en);
    ta_strmap_release(&f->num_ru);
    ta_strmap_release(&f->month_en);
    ta_strmap_release(&f->month_ru);
    ta_vec_release(&f->num_val);
    if (f->paradigms)
        munmap(f->paradigms, f->paradigm_len);
    ta_latin_free(f->to_latin);
}

/* The length of line t[i, n) up to its newline or n. */
static size_t line_len(const char *t, size_t i, size_t n)
{
    const char *nl = memchr(t + i, '\n', n - i);
    return nl ? (size_t)(nl - (t + i)) : n - i;
}

/* The length of the form stem of the paradigm line t[i, i + len): up to its tab (len: none). */
static size_t stem_len(const char *t, size_t i, size_t len)
{
    const char *tab = memchr(t + i, '\t', len);
    return tab ? (size_t)(tab - (t + i)) : len;
}

/* Compares stem a[0, an) with b[0, bn) in the file's order (bytes; a prefix first). */
static int stem_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

/* Is the paradigm text t[body, n) lines "FORM_STEM<TAB>WORD_STEM ..." in ascending order of
 * their form stems? 0, or the number of the first line that is not (first_line: the number of
 * the line at body). */
static int unsorted_line(const char *t, size_t body, size_t n, int first_line)
{
    size_t prev = 0, prev_len = 0;
    int lineno = first_line;
    for (size_t i = body; i < n; lineno++) {
        size_t len = line_len(t, i, n), k = stem_len(t, i, len);
        if (k == len || !k || (i > body && stem_cmp(t + prev, prev_len, t + i, k) >= 0))
            return lineno;
        prev = i, prev_len = k;
        i += len + 1;
    }
    return 0;
}

ta_status ta_featurizer_paradigms(ta_featurizer *f, const char *path, ta_error *err)
{
    size_t n, body = 0;
    void *map = ta_map_file(path, &n);
    if (!map)
        return ta_fail(err, TA_EIO, "%s: %s", path, strerror(errno));
    const char *t = map;
    int header = 0, bad;
    while (body < n && t[body] == '#') /* the header's comment lines */
        body += line_len(t, body, n) + 1, header++;
    body = body < n ? body : n;
    if ((bad = unsorted_line(t, body, n, header + 1))) {
        munmap(map, n);
        return ta_fail(err, TA_EFORMAT, "%s, line %d: not \"FORM_STEM<TAB>WORD_STEM ...\" after "
                       "the form stem of the line before; make the file again (make)", path, bad);
    }
    if (f->paradigms)
        munmap(f->paradigms, f->paradigm_len);
    f->paradigms = map, f->paradigm_len = n, f->paradigm_body = body;
    return TA_OK;
}

/* Appends to keys (room for at most `room`) the lexicon keys of the word stems that Russian form
 * stem s[0, n) stands for in f->paradigms (bisection over its sorted lines). */
static int paradigm_keys(const ta_featurizer *f, const char *s, size_t n, int *keys, int room)
{
    const char *t = f->paradigms;
    size_t lo = f->paradigm_body, hi = f->paradigm_len;
    while (t && lo < hi) {
        size_t at = lo + (hi - lo) / 2;
        while (at > lo && t[at - 1] != '\n')
            at--;
        size_t len = line_len(t, at, f->paradigm_len), k = stem_len(t, at, len);
        int c = stem_cmp(s, n, t + at, k);
        if (c) {
            hi = c < 0 ? at : hi;
            lo = c < 0 ? lo : at + len + 1;
            continue;
        }
        int got = 0;
        for (size_t w = at + k + 1; w < at + len && got < room;) {
            const char *sp = memchr(t + w, ' ', at + len - w);
            size_t wl = sp ? (size_t)(sp - (t + w)) : at + len - w;
            if (wl)
                keys[got++] = (int)ta_lex_key(t + w, wl);
            w += wl + 1;
        }
        return got;
    }
    return 0;
}

void ta_feat_release(ta_feat *x)
{
    free(x->tok);
    free(x->keys);
    free(x->stem);
    free(x->form);
    free(x->start);
    free(x->end);
    free(x->set);
    memset(x, 0, sizeof *x);
}

static int extra_key(ta_featurizer *f, const char *k, size_t n)
{
    int id;
    if (!ta_strmap_get(&f->extra, k, n, &id)) {
        id = (int)f->extra.n;
        if (ta_strmap_put(&f->extra, k, n, id))
            return -1;
    }
    return TA_KEY_EXTRA + id;
}

/* Whole numbers below this are written digit by digit: %.15g prints them so, without an
 * exponent (snprintf was most of a number's featurizing) */
#define WHOLE_DIGITS_BELOW 1e15

/* The key of a number: its shortest decimal form (2.50 -> 2.5), so all spellings meet. */
static int number_key(ta_featurizer *f, double v)
{
    char num[40];
    int k = 0;
    if (v >= 1 && v < WHOLE_DIGITS_BELOW && v == floor(v)) {
        char rev[20];
        for (unsigned long long u = (unsigned long long)v; u; u /= 10)
            rev[k++] = (char)('0' + u % 10);
        for (int x = 0; x < k; x++)
            num[x] = rev[k - 1 - x];
    } else
        k = snprintf(num, sizeof num, "%.15g", v);
    return extra_key(f, num, (size_t)k);
}

/* The value of a number word or multiplier (negative: a multiplier), 0 when w is neither. */
static double number_word(const ta_featurizer *f, char lang, const char *w, size_t n)
{
    int idx;
    if (!ta_strmap_get(lang == 'e' ? &f->num_en : &f->num_ru, w, n, &idx))
        return 0;
    return ((const double *)f->num_val.data)[idx];
}

static bool group_space(uint32_t c) { return c == ' ' || c == 0xA0 || c == 0x2009 || c == 0x202F; }

/* The number token s[a, *e): 1,000 -> 1000 (English), 2,5 -> 2.5, digit groups split by spaces
 * (1 000 000) joined, a multiplier after it applied (5 млн, 2.5 million, 5m). Moves *e past
 * what it took. Returns the number's key, -1 on ENOMEM. */
static int number(ta_featurizer *f, char lang, const char *s, size_t n, size_t a, size_t *e)
{
    char num[64];
    size_t k = 0, lead = 0;
    bool en = lang == 'e', point = false;
    for (size_t p = a; p < *e && k < sizeof num - 1; p++) {
        char ch = s[p];
        if (ch == ',') {
            size_t q = p + 1;
            while (q < *e && ta_is_digit((unsigned char)s[q]))
                q++;
            if (en && q - p - 1 == 3)
                continue;
            ch = '.';
        }
        point |= ch == '.';
        lead += !point;
        num[k++] = ch;
    }
    while (!point && lead <= 3 && *e < n) { /* 15 000 */
        size_t q = *e;
        if (!group_space(ta_u8_decode(s, n, &q)) || q + 3 > n)
            break;
        size_t r = q + 3;
        if (!ta_is_digit((unsigned char)s[q]) || !ta_is_digit((unsigned char)s[q + 1]) ||
            !ta_is_digit((unsigned char)s[q + 2]) ||
            (r < n && ta_is_digit((unsigned char)s[r])) || k + 3 >= sizeof num)
            break;
        memcpy(num + k, s + q, 3);
        k += 3;
        *e = r;
    }
    num[k] = 0;
    double v = strtod(num, NULL);
    size_t w = *e; /* a multiplier: "5 млн", "5m" */
    bool gap = false;
    if (w < n) {
        size_t q = w;
        if (group_space(ta_u8_decode(s, n, &q)))
            w = q, gap = true;
    }
    size_t we = w;
    int chars = 0;
    while (we < n) {
        size_t q = we;
        if (!ta_is_alpha(ta_u8_decode(s, n, &q)))
            break;
        we = q, chars++;
    }
    if (chars && (!gap || chars > 1)) {
        ta_buf *low = &f->tmp;
        low->len = 0;
        if (ta_u8_lower(low, s + w, we - w, true))
            return -1;
        double m = number_word(f, lang, low->data, low->len);
        if (m < 0) {
            v *= -m;
            *e = we;
            return number_key(f, v);
        }
    }
    if (k > 15) /* beyond a double's digits: the digits themselves */
        return extra_key(f, num, k);
    return number_key(f, v);
}

/* The consonants a word's skeleton needs to be a name key: three, or two in a capitalised word
 * (Obama, Modi, Ivan, Oleg: short names are frequent in news; the similarity of the whole
 * Latin forms, TA_NAME_MIN, still decides whether two words with one skeleton match) */
#define NAME_MIN_CONSONANTS 3
#define NAME_MIN_CONSONANTS_CAPITALISED 2

/* The name keys of a new word form (its Latin form's skeleton and, for Russian, its stem's:
 * Байденом -> байден ~ Biden) into keys; the Latin forms are kept for ta_feat_latin. */
static int name_keys(ta_featurizer *f, form_latin *fm, bool en, const char *w, size_t n,
                     int *keys, int *nk)
{
    fm->lat = (int)f->latin.len;
    if (!f->latin_tried) /* made once; it opens ICU at the first word neither ASCII nor Russian */
        f->to_latin = ta_latin_new(), f->latin_tried = true;
    if (ta_latin_of(f->to_latin, w, n, &f->latin))
        return -1;
    fm->nlat = (int)f->latin.len - fm->lat;
    if (en && fm->nlat > 2 && !memcmp(f->latin.data + f->latin.len - 2, "'s", 2))
        fm->nlat -= 2, f->latin.len -= 2; /* Putin's: putin */
    fm->slat = fm->lat, fm->nslat = fm->nlat;
    if (!en && f->stem.len < n) {
        fm->slat = (int)f->latin.len;
        if (ta_latin_of(f->to_latin, f->stem.data, f->stem.len, &f->latin))
            return -1;
        fm->nslat = (int)f->latin.len - fm->slat;
    }
    if (!(f->use & TA_USE_NAMES))
        return 0;
    char sk[8], sk2[8];
    const char *lat = f->latin.data ? f->latin.data : ""; /* empty until a first Latin form */
    size_t at = 0;
    int least = ta_is_upper(ta_u8_decode(w, n, &at)) ? NAME_MIN_CONSONANTS_CAPITALISED
                                                      : NAME_MIN_CONSONANTS;
    int k = ta_skeleton(lat + fm->lat, (size_t)fm->nlat, least, sk);
    int k2 = ta_skeleton(lat + fm->slat, (size_t)fm->nslat, least, sk2);
    if (k) {
        int key = extra_key(f, sk, (size_t)k);
        if (key < 0)
            return -1;
        keys[(*nk)++] = key - TA_KEY_EXTRA + TA_KEY_NAME;
    }
    if (k2 && (k2 != k || memcmp(sk, sk2, (size_t)k))) {
        int key = extra_key(f, sk2, (size_t)k2);
        if (key < 0)
            return -1;
        keys[(*nk)++] = key - TA_KEY_EXTRA + TA_KEY_NAME;
    }
    return 0;
}

#define NAME_SIMS 4096
struct name_sim {
    int e, r; /* English and Russian form indices + 1; 0: empty */
    double sim;
};

static double name_similarity(const ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r,
                              int u)
{
    size_t en, rn, sn;
    const char *a = ta_feat_latin(f, e, t, false, &en), *b = ta_feat_latin(f, r, u, false, &rn);
    const char *c = ta_feat_latin(f, r, u, true, &sn);
    double s1 = ta_name_similarity(a, en, b, rn);
    double s2 = c == b && sn == rn ? s1 : ta_name_similarity(a, en, c, sn);
    return s1 > s2 ? s1 : s2;
}

double ta_feat_name_similarity(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r, int u)
{
    int fe = e->form[t] + 1, fr = r->form[u] + 1;
    if (!f->sims && !(f->sims = calloc(NAME_SIMS, sizeof *f->sims)))
        return name_similarity(f, e, t, r, u);
    struct name_sim *c = &f->sims[((unsigned)fe * 2654435761u ^ (unsigned)fr * 40503u) % NAME_SIMS];
    if (c->e != fe || c->r != fr)
        *c = (struct name_sim){fe, fr, name_similarity(f, e, t, r, u)};
    return c->sim;
}

bool ta_feat_token_confirmed(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r)
{
    for (int k = e->tok[t]; k < e->tok[t + 1]; k++)
        for (int u = 0; u < r->ncontent; u++)
            for (int q = r->tok[u]; q < r->tok[u + 1]; q++)
                if (r->keys[q] == e->keys[k] &&
                    (!ta_name_key(e->keys[k]) ||
                     ta_feat_name_similarity(f, e, t, r, u) >= TA_NAME_MIN))
                    return true;
    return false;
}

const char *ta_feat_latin(const ta_featurizer *f, const ta_feat *x, int t, bool stem, size_t *n)
{
    *n = 0;
    if (t < 0 || t >= x->ncontent || !x->form || x->form[t] < 0)
        return "";
    const form_latin *fm = (const form_latin *)f->form_latins.data + x->form[t];
    *n = (size_t)(stem ? fm->nslat : fm->nlat);
    return *n ? f->latin.data + (stem ? fm->slat : fm->lat) : "";
}

/* Makes room for `need` ints in *a. 0, or -1 out of memory. */
static int reserve(int **a, int *cap, int need)
{
    if (need <= *cap)
        return 0;
    int *d = realloc(*a, sizeof(int) * (size_t)need);
    if (!d)
        return -1;
    *a = d, *cap = need;
    return 0;
}

#define KEYS_A_WORD 4 /* keys reserved a word (more grow the array) */
#define FORM_KEYS 75    /* at most this many keys of a word's form */
#define TOKEN_KEYS 78   /* and with the pairs learned for its stem */

static int push(int **a, int *n, int *cap, int v)
{
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        int *d = realloc(*a, sizeof(int) * (size_t)nc);
        if (!d)
            return -1;
        *a = d, *cap = nc;
    }
    (*a)[(*n)++] = v;
    return 0;
}

/* Sorts non-negative ints: insertion sort for short arrays, else four 8-bit radix passes. */
static void sort_ints(int *a, size_t n)
{
    if (n < 48) {
        for (size_t i = 1; i < n; i++) {
            int v = a[i];
            size_t j = i;
            while (j > 0 && a[j - 1] > v)
                a[j] = a[j - 1], j--;
            a[j] = v;
        }
        return;
    }
    int *tmp = malloc(sizeof(int) * n);
    if (!tmp) { /* out of memory: the slow way */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && a[j - 1] > a[j]; j--) {
                int t = a[j];
                a[j] = a[j - 1], a[j - 1] = t;
            }
        return;
    }
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[(((unsigned)a[i] >> shift) & 0xFF) + 1]++;
        for (size_t k = 1; k <= 256; k++)
            count[k] += count[k - 1];
        for (size_t i = 0; i < n; i++)
            tmp[count[((unsigned)a[i] >> shift) & 0xFF]++] = a[i];
        memcpy(a, tmp, sizeof(int) * n);
    }
    free(tmp);
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return a < b ? -1 : a > b;
}

static int stem_id(ta_featurizer *f, char lang, const char *stem, size_t n)
{
    f->tmp.len = 0;
    if (ta_buf_addc(&f->tmp, lang) || ta_buf_addc(&f->tmp, ':') || ta_buf_add(&f->tmp, stem, n))
        return -1;
    int id;
    if (!ta_strmap_get(&f->stems, f->tmp.data, f->tmp.len, &id)) {
        id = (int)f->stems.n;
        if (ta_strmap_put(&f->stems, f->tmp.data, f->tmp.len, id))
            return -1;
    }
    return id;
}

int ta_featurizer_learn(ta_featurizer *f, int en_stem, int ru_stem)
{
    f->learned.esz = sizeof(ta_vec);
    while (f->learned.len <= (size_t)en_stem)
        if (!ta_vec_push(&f->learned))
            return -1;
    ta_vec *v = (ta_vec *)f->learned.data + en_stem;
    v->esz = sizeof(int);
    int *slot = ta_vec_push(v);
    if (!slot)
        return -1;
    *slot = TA_KEY_STEM + ru_stem;
    return 0;
}

struct collect {
    int *keys, *n, max;
};

static void collect_key(uint32_t key, void *ctx)
{
    struct collect *c = ctx;
    if (*c->n < c->max)
        c->keys[(*c->n)++] = (int)key;
}

/* a Russian word's paradigm keys: at most this many (few stems are forms of more words) */
#define PARADIGM_KEYS_MAX 4

/* What a word form contributes, computed once per form: stopword or not, stem id, keys
 * (lexicon targets or the Russian stem's key, the Russian stem itself, the name skeleton). */
static const form *word_form(ta_featurizer *f, char lang, const char *w, size_t n, uint64_t h)
{
    int idx;
    ta_strmap *forms = lang == 'e' ? &f->forms_en : &f->forms_ru;
    if (ta_strmap_get_h(forms, w, n, h, &idx))
        return (const form *)f->form_list.data + idx;
    idx = (int)f->form_list.len;
    if (ta_strmap_put(forms, w, n, idx))
        return NULL;
    form *fm = ta_vec_push(&f->form_list);
    if (!fm || !ta_vec_push(&f->form_latins) || ta_stem(&f->st, lang, w, n, &f->stem))
        return NULL;
    bool en = lang == 'e';
    fm->kstart = (int)f->form_keys.len;
    fm->stop = ta_strmap_get(en ? &f->stop_en : &f->stop_ru, f->st.low.data, f->st.low.len, NULL);
    if (fm->stop)
        return fm;
    int keys[72], nk = 0;
    if ((fm->sid = stem_id(f, lang, f->stem.data, f->stem.len)) < 0)
        return NULL;
    if (en && (f->use & TA_USE_LEXICON)) {
        struct collect c = {keys, &nk, 60};
        ta_lexicon_each_target(f->lx, f->stem.data, f->stem.len, collect_key, &c);
    } else if (f->use & TA_USE_LEXICON) {
        keys[nk++] = (int)ta_lex_key(f->stem.data, f->stem.len);
        nk += paradigm_keys(f, f->stem.data, f->stem.len, keys + nk, PARADIGM_KEYS_MAX);
    }
    if (!en)
        keys[nk++] = TA_KEY_STEM + fm->sid;
    double num = number_word(f, lang, f->st.low.data, f->st.low.len);
    if (num != 0) {
        int key = number_key(f, num < 0 ? -num : num);
        if (key < 0)
            return NULL;
        keys[nk++] = key;
    }
    if (name_keys(f, (form_latin *)f->form_latins.data + idx, en, w, n, keys, &nk))
        return NULL;
    sort_ints(keys, (size_t)nk); /* each key once: lexicon files often agree */
    int uniq = 0;
    for (int k = 0; k < nk; k++)
        if (!uniq || keys[uniq - 1] != keys[k])
            keys[uniq++] = keys[k];
    nk = uniq;
    for (int k = 0; k < nk; k++) {
        int *slot = ta_vec_push(&f->form_keys);
        if (!slot)
            return NULL;
        *slot = keys[k];
    }
    fm = (form *)f->form_list.data + idx; /* the list may have moved */
    fm->nkeys = nk;
    return fm;
}

/* The end of the token that starts at a (its first character c ends at i): letters or
 * digits, with inner - ' (words) or . , (numbers); *chars counts its characters after c. */
static size_t token_end(const char *s, size_t n, size_t i, bool digits, int *chars)
{
    size_t e = i;
    while (e < n) {
        size_t q = e;
        uint32_t d = ta_u8_decode(s, n, &q);
        if (digits ? ta_is_digit(d) : (ta_is_alpha(d) || ta_is_digit(d))) {
            e = q;
            ++*chars;
            continue;
        }
        bool inner = digits ? (d == '.' || d == ',') : (d == '-' || d == '\'' || d == 0x2019);
        size_t r = q;
        if (inner && q < n) {
            uint32_t nx = ta_u8_decode(s, n, &r);
            if (digits ? ta_is_digit(nx) : ta_is_alpha(nx)) {
                e = q;
                ++*chars;
                continue;
            }
        }
        break;
    }
    return e;
}

struct ahead {
    size_t a, e;
    uint64_t h; /* words: the hash of the form */
    int idx;    /* words: the form's index in form_list, -1 when not cached yet */
    bool digits;
};

/* The tokens of s, with what is known of their forms. Memory is asked for in stages across
 * the whole sentence (each word's cache slot, then its form, then its keys), so that the loop
 * that follows waits for memory about once per stage, not once per word. */
static int look_ahead(ta_featurizer *f, char lang, const char *s, size_t n)
{
    f->ahead.esz = sizeof(struct ahead);
    f->ahead.len = 0;
    const ta_strmap *forms = lang == 'e' ? &f->forms_en : &f->forms_ru;
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        if (!ta_is_alpha(c) && !ta_is_digit(c))
            continue;
        int chars = 0;
        bool digits = ta_is_digit(c);
        size_t e = token_end(s, n, i, digits, &chars);
        i = e;
        struct ahead *w = ta_vec_push(&f->ahead);
        if (!w)
            return -1;
        *w = (struct ahead){a, e, 0, -1, digits};
        if (!digits) {
            w->h = ta_strmap_hash(s + a, e - a);
            ta_strmap_prefetch(forms, w->h);
        }
    }
    /* then the cached forms (their slots have arrived), then their keys */
    struct ahead *tk = f->ahead.data;
    const form *fl = f->form_list.data;
    for (size_t t = 0; t < f->ahead.len; t++)
        if (!tk[t].digits && ta_strmap_get_h(forms, s + tk[t].a, tk[t].e - tk[t].a, tk[t].h,
                                             &tk[t].idx))
            __builtin_prefetch(fl + tk[t].idx);
    for (size_t t = 0; t < f->ahead.len && f->form_keys.data; t++) /* (none: all stopwords) */
        if (tk[t].idx >= 0)
            __builtin_prefetch((const int *)f->form_keys.data + fl[tk[t].idx].kstart);
    return 0;
}

int ta_featurizer_month(ta_featurizer *f, char lang, const char *w, size_t n)
{
    int month;
    f->tmp.len = 0;
    if (n > MONTH_NAME_MAX || ta_u8_lower(&f->tmp, w, n, false) ||
        !ta_strmap_get(lang == 'e' ? &f->month_en : &f->month_ru, f->tmp.data, f->tmp.len,
                       &month))
        return 0;
    return month;
}

/* The month named by token t of the look-ahead list (0 when it names none). */
static int month_at(ta_featurizer *f, char lang, const char *s, size_t t)
{
    if (t >= f->ahead.len)
        return 0;
    const struct ahead *w = (const struct ahead *)f->ahead.data + t;
    return w->digits ? 0 : ta_featurizer_month(f, lang, s + w->a, w->e - w->a);
}

/* A day of the month next to a month's name ("31 мая", "May 31"): the date's key, the same in
 * both languages; 0 when token t is not such a day, -1 when out of memory. */
static int date_key(ta_featurizer *f, char lang, const char *s, size_t t)
{
    const struct ahead *d = (const struct ahead *)f->ahead.data + t;
    if (d->e - d->a > 2)
        return 0;
    int day = atoi(s + d->a), month = month_at(f, lang, s, t + 1);
    if (!month && t > 0)
        month = month_at(f, lang, s, t - 1);
    if (day < 1 || day > 31 || !month)
        return 0;
    char key[16];
    int k = snprintf(key, sizeof key, "date:%d-%d", month, day);
    return extra_key(f, key, (size_t)k);
}

int ta_featurize(ta_featurizer *f, char lang, const char *s, size_t n, ta_feat *out)
{
    memset(out, 0, sizeof *out);
    return ta_featurize_again(f, lang, s, n, out);
}

int ta_featurize_again(ta_featurizer *f, char lang, const char *s, size_t n, ta_feat *out)
{
    free(out->set);
    out->set = NULL;
    out->len = out->ncontent = out->nset = 0;
    memset(out->mask, 0, sizeof out->mask);
    int ntok = 0, nkeys = 0, nstem = 0; /* form has as many entries as stem */
    int *tcap = &out->tcap, *kcap = &out->kcap, *scap = &out->scap;
    bool en = lang == 'e';
    if (look_ahead(f, lang, s, n))
        return -1;
    int words = (int)f->ahead.len; /* room for every word at once, not by doubling */
    if (reserve(&out->tok, tcap, words + 1) || reserve(&out->stem, scap, words) ||
        reserve(&out->form, &out->fcap, words) || reserve(&out->keys, kcap, words * KEYS_A_WORD) ||
        push(&out->tok, &ntok, tcap, 0))
        return -1;
    int chars = 0; /* characters: the bytes that start one (counted in a local, which s cannot
                    * alias, so the loop vectorizes) */
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    out->len = chars;
    size_t pos = 0; /* a multiplier after a number ("5 млн") is part of it */
    for (size_t t = 0; t < f->ahead.len; t++) {
        const struct ahead *tk = (const struct ahead *)f->ahead.data + t;
        size_t a = tk->a, e = tk->e;
        if (a < pos)
            continue;
        pos = e;
        bool digits = tk->digits;
        int keys[80], nk = 0, sid = -1, fid = -1;
        if (digits) {
            int key = number(f, lang, s, n, a, &e), date = date_key(f, lang, s, t);
            if (key < 0 || date < 0)
                return -1;
            pos = e;
            if (f->use & TA_USE_NUMBERS) /* a day next to its month is a date only */
                keys[nk++] = date ? date : key;
        } else {
            const form *fm = tk->idx >= 0 ? (const form *)f->form_list.data + tk->idx
                                           : word_form(f, lang, s + a, e - a, tk->h);
            if (!fm)
                return -1;
            if (fm->stop)
                continue;
            sid = fm->sid;
            fid = (int)(fm - (const form *)f->form_list.data);
            for (int k = 0; k < fm->nkeys && nk < FORM_KEYS; k++)
                keys[nk++] = ((int *)f->form_keys.data)[fm->kstart + k];
            if (en && (size_t)sid < f->learned.len) { /* pairs learned from this document */
                ta_vec *l = (ta_vec *)f->learned.data + sid;
                for (size_t k = 0; k < l->len && nk < TOKEN_KEYS; k++)
                    keys[nk++] = ((int *)l->data)[k];
            }
        }
        out->ncontent++;
        for (int k = 0; k < nk; k++)
            if (push(&out->keys, &nkeys, kcap, keys[k]))
                return -1;
        int nform = nstem;
        if (push(&out->tok, &ntok, tcap, nkeys) || push(&out->stem, &nstem, scap, sid) ||
            push(&out->form, &nform, &out->fcap, fid))
            return -1;
        if (f->no_offsets)
            continue;
        if ((size_t)nstem > out->ncap) { /* token offsets grow with the stem array */
            size_t cap = (size_t)*scap;
            size_t *a = realloc(out->start, sizeof(size_t) * cap), *b = a ? realloc(out->end, sizeof(size_t) * cap) : NULL;
            if (a)
                out->start = a;
            if (!b)
                return -1;
            out->end = b;
            out->ncap = cap;
        }
        out->start[nstem - 1] = a;
        out->end[nstem - 1] = e;
    }
    return f->no_set ? 0 : ta_feat_index(out);
}

int ta_feat_add_learned(const ta_featurizer *f, ta_feat *x)
{
    const ta_vec *learned = f->learned.data;
    int more = 0;
    for (int t = 0; t < x->ncontent; t++)
        if (x->stem[t] >= 0 && (size_t)x->stem[t] < f->learned.len)
            more += (int)learned[x->stem[t]].len;
    if (!more)
        return 0;
    int cap = x->tok[x->ncontent] + more, n = 0;
    int *keys = malloc(sizeof(int) * (size_t)cap);
    if (!keys)
        return -1;
    for (int t = 0, from = x->tok[0]; t < x->ncontent; t++) {
        int to = x->tok[t + 1], nk = to - from; /* the token's keys before */
        x->tok[t] = n;
        memcpy(keys + n, x->keys + from, sizeof(int) * (size_t)nk);
        n += nk;
        const ta_vec *l = x->stem[t] >= 0 && (size_t)x->stem[t] < f->learned.len
                              ? &learned[x->stem[t]] : NULL;
        for (size_t k = 0; l && k < l->len && nk < TOKEN_KEYS; k++, nk++)
            keys[n++] = ((const int *)l->data)[k];
        from = to;
    }
    x->tok[x->ncontent] = n;
    free(x->keys), free(x->set);
    x->keys = keys, x->kcap = cap;
    x->set = NULL, x->nset = 0; /* indexed again when asked */
    memset(x->mask, 0, sizeof x->mask);
    return 0;
}

/* A key's bit in a ta_feat's filter (mask). */
static inline unsigned filter_bit(int key)
{
    return (unsigned)key * 2654435761u >> (32 - TA_FEAT_FILTER_LOG2);
}

int ta_feat_index(ta_feat *x)
{
    int nkeys = x->tok ? x->tok[x->ncontent] : 0;
    if (x->set || !nkeys)
        return 0;
    if (!(x->set = malloc(sizeof(int) * (size_t)nkeys)))
        return -1;
    memcpy(x->set, x->keys, sizeof(int) * (size_t)nkeys);
    sort_ints(x->set, (size_t)nkeys);
    int w = 0;
    for (int k = 0; k < nkeys; k++)
        if (!w || x->set[w - 1] != x->set[k])
            x->set[w++] = x->set[k];
    x->nset = w;
    for (int k = 0; k < w; k++)
        x->mask[filter_bit(x->set[k]) >> 6] |= 1ULL << (filter_bit(x->set[k]) & 63);
    return 0;
}

/* Shrinks a's capacity to its n entries (kept when realloc refuses). */
static void fit(int **a, int *cap, int n)
{
    if (n > 0 && n < *cap) {
        int *d = realloc(*a, sizeof(int) * (size_t)n);
        if (d)
            *a = d, *cap = n;
    }
}

void ta_feat_shrink(ta_feat *x)
{
    fit(&x->tok, &x->tcap, x->ncontent + 1);
    fit(&x->keys, &x->kcap, x->tok[x->ncontent]);
    fit(&x->stem, &x->scap, x->ncontent);
    fit(&x->form, &x->fcap, x->ncontent);
    int scap = x->tok[x->ncontent]; /* the set was made as large as the keys */
    fit(&x->set, &scap, x->nset);
}

static bool in_set(const ta_feat *b, int key, unsigned bit)
{
    if (!b->set) { /* not indexed (no_set, or out of memory): every key in turn */
        for (int k = 0; b->tok && k < b->tok[b->ncontent]; k++)
            if (b->keys[k] == key)
                return true;
        return false;
    }
    return (b->mask[bit >> 6] >> (bit & 63) & 1) && bsearch(&key, b->set, (size_t)b->nset, sizeof(int), cmp_int);
}

bool ta_feat_token_matched(const ta_feat *a, int t, const ta_feat *b)
{
    for (int k = a->tok[t]; k < a->tok[t + 1]; k++)
        if (in_set(b, a->keys[k], filter_bit(a->keys[k])))
            return true;
    return false;
}

int ta_feat_matches(const ta_feat *a, const ta_feat *b, int nb)
{
    int m = 0;
    for (int t = 0; t < a->ncontent; t++) {
        bool hit = false;
        for (int x = 0; x < nb && !hit; x++)
            hit = ta_feat_token_matched(a, t, &b[x]);
        m += hit;
    }
    return m;
}
