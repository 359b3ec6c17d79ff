/* spell.c — the QA speller: hunspell en_US/ru_RU as their word-form files (mapped at once) or
 * libhunspell (loaded lazily, in two threads), a word scanner that skips what is not a word
 * (numbers, URLs, abbreviations), and the exemptions of a bilingual text: names, the other
 * side of the bead as is or transliterated. See spell.h. */
#define _GNU_SOURCE /* memfd_create */
#include "spell.h"
#include "names.h"
#include "spellwords.h"
#include "wordforms.h"
#include <errno.h>
#include <hunspell/hunspell.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_DICT_DIR "/usr/share/hunspell"
#define NO_ICONV ((iconv_t)-1)
#define TRANSLIT_MIN 0.7    /* comparison keys at least this alike name the same thing */
#define ENDING_MAX 3        /* bytes of a Latin form an inflection may add (Байден-ом) */
#define ROOT_MIN 3          /* ... leaving at least this many */
#define PATH_MAX_LEN 1024
#define NAME_TYPO_MIN 4     /* letters: shorter unknown capitalised words are names */
#define NEAR_CACHE_MAX 65536 /* words whose near_known verdict is kept */

enum { EN, RU, NLANG };
static const char *const LOCALE[NLANG] = {"en_US", "ru_RU"};

typedef struct {
    ta_wordforms *forms; /* the dictionary's word forms with the speller's words, or NULL */
    Hunhandle *names;    /* with forms: a dictionary of the names and their model words */
    Hunhandle *h;        /* else libhunspell, and for the suggestions only it finds */
    bool hun_tried;      /* h was asked for (st tells how it went) */
    iconv_t to, from; /* UTF-8 -> dictionary encoding and back; NO_ICONV for UTF-8 */
    int lang;
    const struct ta_speller *sp;
    ta_status st;     /* the load's result (set in the loading thread) */
    ta_error err;
} dict;

struct ta_speller {
    char *dict_dir, *data_dir, *forms_dir;
    bool want[NLANG];
    bool tried;
    ta_status load_st;
    ta_error load_err;
    double load_ms;
    dict d[NLANG];
    ta_strmap abbrev, names;
    ta_strmap near;        /* near_known verdicts (1 + bool) of capitalised unknown words */
    ta_spellwords words;   /* names and words for the dictionaries */
    ta_latin *lat;
    ta_buf w, conv, key, wlat, sugg;
    /* the other side of the bead under check, indexed at the first word that needs it */
    const char *other;
    size_t on;
    bool other_ready;
    ta_strmap other_words;
    ta_buf other_lat;     /* Latin forms of its capitalised words, NUL-separated */
    ta_vec other_spans;   /* size_t[3]: offset and length in other_lat; 1 when the word is a
                           * lowercase one its own dictionary lacks (a new term: remdesivir) */
};

/* ---- characters ----------------------------------------------------------- */

static bool is_hyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static bool is_apos(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static bool is_mark(uint32_t c) { return c >= 0x300 && c < 0x370; }
/* soft hyphen and zero-width characters: invisible, dropped before spelling */
static bool is_invisible(uint32_t c)
{
    return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}
static bool is_word_char(uint32_t c)
{
    return ta_is_alpha(c) || ta_is_digit(c) || is_mark(c) || is_invisible(c);
}
static bool is_cyrillic(uint32_t c) { return c >= 0x400 && c < 0x530; }
static bool is_latin(uint32_t c) { return c < 0x250 && ta_is_alpha(c); }

static uint32_t peek(const char *t, size_t n, size_t i)
{
    return i < n ? ta_u8_decode(t, n, &i) : 0;
}

/* ---- loading ---------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Converts s[0, n) with cd (NO_ICONV: copies) into b, NUL-terminated. 0, or -1 when a
 * character has no equivalent or memory is out. */
static int convert(iconv_t cd, const char *s, size_t n, ta_buf *b)
{
    b->len = 0;
    if (cd == NO_ICONV)
        return ta_buf_add(b, s, n) || ta_buf_addc(b, 0) ? -1 : (b->len--, 0);
    iconv(cd, NULL, NULL, NULL, NULL);
    if (ta_buf_grow(b, n * 4 + 8))
        return -1;
    char *in = (char *)s, *o = b->data;
    size_t inleft = n, outleft = b->cap - 1;
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
        return -1;
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return 0;
}

/* Does word e go into d's dictionary (Cyrillic words into ru_RU, the rest into en_US)? */
static bool of_script(const dict *d, const ta_spellword *e)
{
    return ta_spellword_cyrillic(e->word) == (d->lang == RU);
}

/* Adds the words of the script of d (spell.* words, then names) to handle h, each with its
 * model word's affixes when it has one. 0, or -1 when memory is out. */
static int add_names(dict *d, Hunhandle *h, ta_buf *b, ta_buf *m, ta_buf *low)
{
    const struct ta_speller *sp = d->sp;
    for (size_t i = 0; i < sp->words.n; i++) {
        const ta_spellword *e = &sp->words.v[i];
        if (!of_script(d, e))
            continue;
        if (convert(d->to, e->word, strlen(e->word), b))
            continue; /* not in the dictionary's character set: the names map covers it */
        bool oom;
        const char *model = ta_spellword_model(e, low, &oom);
        if (oom)
            return -1;
        if (model && !convert(d->to, model, strlen(model), m) &&
            Hunspell_add_with_affix(h, b->data, m->data) == 0)
            continue;
        Hunspell_add(h, b->data);
    }
    return 0;
}

static void dict_paths(const dict *d, char *aff, char *dic)
{
    snprintf(aff, PATH_MAX_LEN, "%s/%s.aff", d->sp->dict_dir, LOCALE[d->lang]);
    snprintf(dic, PATH_MAX_LEN, "%s/%s.dic", d->sp->dict_dir, LOCALE[d->lang]);
}

/* The .dic of a handle that knows the model words of d's script's words (their lines of the
 * dictionary's .dic), to which the words themselves are then added: a count that sizes
 * hunspell's table for all of them (it takes 0 for a bad count and makes one bucket), then
 * the lines. 0, or -1 (memory, I/O). */
static int model_lines(dict *d, const char *dic, ta_buf *out, ta_buf *low)
{
    ta_buf body = {0};
    ta_strmap want = {0};
    int r = 0, v;
    size_t words = 0;
    for (size_t i = 0; !r && i < d->sp->words.n; i++) {
        const ta_spellword *e = &d->sp->words.v[i];
        bool oom = false;
        if (!of_script(d, e))
            continue;
        const char *model = ta_spellword_model(e, low, &oom);
        r = oom || (model && ta_strmap_put(&want, model, strlen(model), 1));
        words++;
    }
    size_t len = 0, lines = 0;
    const char *text = r || !want.n ? NULL : ta_map_file(dic, &len); /* no models: no .dic lines */
    r = r || (want.n && !text);
    for (const char *p = text, *end = p + len; !r && p && p < end;) { /* one pass */
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end;
        size_t word = 0;
        while (p + word < eol && p[word] != '/' && p[word] != '\t' && p[word] != ' ' && p[word] != '\r')
            word++;
        if (ta_strmap_get(&want, p, word, &v) == 1 && v == 1) {
            r = ta_buf_add(&body, p, (size_t)(eol - p)) || ta_buf_addc(&body, '\n') ||
                ta_strmap_put(&want, p, word, 2); /* its first line only */
            lines++;
        }
        p = nl ? nl + 1 : NULL;
    }
    if (text)
        munmap((void *)text, len);
    char count[32];
    snprintf(count, sizeof count, "%zu\n", lines + words);
    r = r || ta_buf_add(out, count, strlen(count)) || ta_buf_add(out, body.data ? body.data : "", body.len);
    ta_buf_release(&body), ta_strmap_release(&want);
    return r ? -1 : 0;
}

/* With the word-form file, the names of d's script go into a small hunspell dictionary of
 * their own: d's .aff, the lines of the model words (in memory), the spell.* words and the
 * names added as libhunspell's whole dictionary gets them (a name may take a spell.* word for
 * its model), where that takes 100 ms. 0 (also when there are no names), or -1. */
static int open_names(dict *d, const char *aff, const char *dic)
{
    bool any = false;
    for (size_t i = 0; i < d->sp->words.n && !any; i++)
        any = d->sp->words.v[i].name && of_script(d, &d->sp->words.v[i]);
    if (!any)
        return 0;
    ta_buf lines = {0}, b = {0}, m = {0}, low = {0};
    int fd = -1, r = model_lines(d, dic, &lines, &low);
    if (!r && (fd = memfd_create("talign-names.dic", MFD_CLOEXEC)) < 0)
        r = -1;
    if (!r && write(fd, lines.data, lines.len) != (ssize_t)lines.len)
        r = -1;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (!r && (access(path, R_OK) || !(d->names = ta_hunspell_create(aff, path))))
        r = -1; /* no /proc (hunspell would print and load nothing): libhunspell then */
    r = r || add_names(d, d->names, &b, &m, &low);
    if (fd >= 0)
        close(fd);
    ta_buf_release(&lines), ta_buf_release(&b), ta_buf_release(&m), ta_buf_release(&low);
    return r;
}

/* Maps the word-form file of d's dictionary when one was made from these very .aff and .dic
 * files with the speller's words of d's script (mkforms), so that it answers as libhunspell
 * with the words added; the names go into a dictionary of their own (open_names). */
static void open_forms(dict *d)
{
    const struct ta_speller *sp = d->sp;
    char aff[PATH_MAX_LEN], dic[PATH_MAX_LEN];
    if (!sp->forms_dir)
        return;
    dict_paths(d, aff, dic);
    d->forms = ta_wordforms_open(sp->forms_dir, LOCALE[d->lang], aff, dic);
    if (d->forms && (ta_wordforms_words(d->forms) != ta_spellwords_hash(&sp->words, d->lang == RU) ||
                     open_names(d, aff, dic))) {
        ta_wordforms_close(d->forms);
        ta_hunspell_destroy(d->names);
        d->forms = NULL, d->names = NULL; /* libhunspell then, with all the words */
    }
}

static ta_status dict_load(dict *d)
{
    char aff[PATH_MAX_LEN], dic[PATH_MAX_LEN];
    d->hun_tried = true;
    dict_paths(d, aff, dic);
    const char *files[] = {aff, dic};
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "rb");
        if (!f)
            return ta_fail(&d->err, TA_EIO,
                           "%s: %s (install hunspell-%s or give another dictionary directory)",
                           files[i], strerror(errno), d->lang == EN ? "en-us" : "ru");
        fclose(f);
    }
    if (!(d->h = ta_hunspell_create(aff, dic)))
        return ta_fail(&d->err, TA_EIO, "%s: hunspell cannot load this dictionary", dic);
    const char *enc = Hunspell_get_dic_encoding(d->h);
    if (enc && strcasecmp(enc, "UTF-8") && strcasecmp(enc, "UTF8")) {
        d->to = iconv_open(enc, "UTF-8");
        d->from = iconv_open("UTF-8", enc);
        if (d->to == NO_ICONV || d->from == NO_ICONV)
            return ta_fail(&d->err, TA_EFORMAT, "%s: unknown encoding %s (SET line)", aff, enc);
    }
    ta_buf b = {0}, m = {0}, low = {0};
    int r = add_names(d, d->h, &b, &m, &low);
    ta_buf_release(&b);
    ta_buf_release(&m);
    ta_buf_release(&low);
    return r ? ta_fail(&d->err, TA_ENOMEM, "out of memory") : TA_OK;
}

static void *load_thread(void *arg)
{
    dict *d = arg;
    d->st = dict_load(d);
    return NULL;
}

ta_status ta_speller_load(ta_speller *s, ta_error *err)
{
    if (s->tried) {
        if (s->load_st != TA_OK && err)
            *err = s->load_err;
        return s->load_st;
    }
    s->tried = true;
    double t0 = now_ms();
    bool hun[NLANG];
    for (int l = 0; l < NLANG; l++) {
        if (s->want[l])
            open_forms(&s->d[l]);
        hun[l] = s->want[l] && !s->d[l].forms;
    }
    pthread_t th;
    bool threaded = hun[EN] && hun[RU] && !pthread_create(&th, NULL, load_thread, &s->d[RU]);
    for (int l = 0; l < NLANG; l++)
        if (hun[l] && !(threaded && l == RU))
            s->d[l].st = dict_load(&s->d[l]);
    if (threaded)
        pthread_join(th, NULL);
    s->load_ms = now_ms() - t0;
    s->load_st = TA_OK;
    for (int l = 0; l < NLANG && s->load_st == TA_OK; l++)
        if (s->want[l] && s->d[l].st != TA_OK) {
            s->load_st = s->d[l].st;
            s->load_err = s->d[l].err;
        }
    if (s->load_st != TA_OK && err)
        *err = s->load_err;
    return s->load_st;
}

double ta_speller_load_ms(const ta_speller *s) { return s->load_ms; }

static const dict *dict_of(const ta_speller *s, char lang) { return &s->d[lang == 'r' ? RU : EN]; }

bool ta_speller_mapped(const ta_speller *s, char lang) { return dict_of(s, lang)->forms != NULL; }

bool ta_speller_hunspell_loaded(const ta_speller *s, char lang) { return dict_of(s, lang)->h != NULL; }

/* ---- set-up ----------------------------------------------------------------- */

static int put_lower(ta_strmap *m, ta_buf *b, const char *s, size_t n)
{
    b->len = 0;
    return ta_u8_lower(b, s, n, true) || ta_strmap_put(m, b->data ? b->data : "", b->len, 1);
}

/* The names file; the optional data files spell.en, spell.ru (words the dictionaries lack,
 * the same format): absent ones are skipped. */
static ta_status load_words(ta_speller *s, const char *names, ta_error *err)
{
    char **lines;
    size_t n;
    ta_status st = TA_OK;
    for (int l = 0; l < NLANG && st == TA_OK; l++) {
        char name[32];
        ta_error ignored;
        snprintf(name, sizeof name, "spell.%.2s", l == EN ? "en" : "ru");
        if (ta_data_lines(s->data_dir, name, &lines, &n, NULL, &ignored) != TA_OK)
            continue;
        if (ta_spellwords_parse(&s->words, lines, n, NULL, &s->key))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
        ta_lines_free(lines);
    }
    if (st != TA_OK || !names)
        return st;
    if ((st = ta_file_lines(names, &lines, &n, NULL, err)) != TA_OK)
        return st;
    if (ta_spellwords_parse(&s->words, lines, n, &s->names, &s->key))
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    ta_lines_free(lines);
    return st;
}

ta_status ta_speller_new(const ta_speller_opts *o, ta_speller **out, ta_error *err)
{
    *out = NULL;
    if (!o->en && !o->ru)
        return ta_fail(err, TA_EINVAL, "speller: no language to check (en or ru)");
    ta_speller *s = calloc(1, sizeof *s);
    if (!s)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    s->want[EN] = o->en;
    s->want[RU] = o->ru;
    for (int l = 0; l < NLANG; l++)
        s->d[l] = (dict){.to = NO_ICONV, .from = NO_ICONV, .lang = l, .sp = s};
    s->other_spans.esz = 3 * sizeof(size_t);
    s->lat = ta_latin_new(); /* NULL: only Russian and ASCII words get Latin forms */
    ta_status st = TA_OK;
    s->dict_dir = strdup(o->dict_dir ? o->dict_dir : DEFAULT_DICT_DIR);
    if (!s->dict_dir || (o->data_dir && !(s->data_dir = strdup(o->data_dir))) ||
        (o->forms_dir && !(s->forms_dir = strdup(o->forms_dir))))
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    if (st == TA_OK)
        st = ta_abbrev_load(s->data_dir, "en", &s->abbrev, err);
    if (st == TA_OK)
        st = ta_abbrev_load(s->data_dir, "ru", &s->abbrev, err);
    if (st == TA_OK)
        st = load_words(s, o->names, err);
    if (st != TA_OK) {
        ta_speller_free(s);
        return st;
    }
    *out = s;
    return TA_OK;
}

void ta_speller_free(ta_speller *s)
{
    if (!s)
        return;
    for (int l = 0; l < NLANG; l++) {
        ta_wordforms_close(s->d[l].forms);
        ta_hunspell_destroy(s->d[l].names);
        if (s->d[l].h)
            ta_hunspell_destroy(s->d[l].h);
        if (s->d[l].to != NO_ICONV)
            iconv_close(s->d[l].to);
        if (s->d[l].from != NO_ICONV)
            iconv_close(s->d[l].from);
    }
    ta_spellwords_release(&s->words);
    ta_strmap_release(&s->abbrev);
    ta_strmap_release(&s->names);
    ta_strmap_release(&s->near);
    ta_strmap_release(&s->other_words);
    ta_latin_free(s->lat);
    ta_buf *bufs[] = {&s->w, &s->conv, &s->key, &s->wlat, &s->sugg, &s->other_lat};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        ta_buf_release(bufs[i]);
    ta_vec_release(&s->other_spans);
    free(s->dict_dir);
    free(s->data_dir);
    free(s->forms_dir);
    free(s);
}

void ta_misspellings_release(ta_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(((ta_misspelling *)v->data)[i].suggestions);
    ta_vec_release(v);
}

/* ---- words ------------------------------------------------------------------ */

/* Is the raw (space-delimited) token t[a, z) something other than words: a URL, an e-mail
 * address, a @handle, a #hashtag, an identifier_with_underscores? */
static bool not_words(const char *t, size_t a, size_t z)
{
    size_t n = z - a;
    const char *s = t + a;
    if (memchr(s, '@', n) || memchr(s, '_', n) || memchr(s, '#', n))
        return true;
    for (size_t i = 0; i + 3 <= n; i++)
        if (!memcmp(s + i, "://", 3))
            return true;
    for (size_t i = 0; i + 4 <= n; i++)
        if (!strncasecmp(s + i, "www.", 4) && (i == 0 || !ta_is_alpha((unsigned char)s[i - 1])))
            return true;
    return false;
}

/* The end of the word that starts at t[a] (a word character): letters, digits and marks,
 * joined by single hyphens, apostrophes and dots between word characters. */
static size_t word_end(const char *t, size_t z, size_t a)
{
    size_t i = a;
    while (i < z) {
        size_t j = i;
        uint32_t c = ta_u8_decode(t, z, &j);
        if (is_word_char(c)) {
            i = j;
            continue;
        }
        if ((is_hyphen(c) || is_apos(c) || c == '.') && j < z && is_word_char(peek(t, z, j))) {
            i = j;
            continue;
        }
        break;
    }
    return i;
}

/* Calls fn for each word of t[0, n) outside URLs and the like; stops when fn returns < 0. */
typedef int (*word_fn)(ta_speller *s, const char *t, size_t n, size_t a, size_t e, void *arg);
static int each_word(ta_speller *s, const char *t, size_t n, word_fn fn, void *arg)
{
    size_t i = 0;
    while (i < n) {
        size_t a = i;
        while (a < n) { /* skip spaces */
            size_t j = a;
            if (!ta_is_space(ta_u8_decode(t, n, &j)))
                break;
            a = j;
        }
        size_t z = a;
        while (z < n) {
            size_t j = z;
            if (ta_is_space(ta_u8_decode(t, n, &j)))
                break;
            z = j;
        }
        i = z;
        if (a == z || not_words(t, a, z))
            continue;
        for (size_t p = a; p < z;) {
            size_t j = p;
            if (!is_word_char(ta_u8_decode(t, z, &j))) {
                p = j;
                continue;
            }
            size_t e = word_end(t, z, p);
            int r = fn(s, t, n, p, e, arg);
            if (r < 0)
                return r;
            p = e;
        }
    }
    return 0;
}

/* What a word is made of. */
typedef struct {
    size_t letters, upper;
    bool digit, dot, hyphen, cyr, latin, other, first_upper;
} shape;

static shape word_shape(const char *t, size_t a, size_t e)
{
    shape sh = {0};
    for (size_t i = a; i < e;) {
        uint32_t c = ta_u8_decode(t, e, &i);
        if (ta_is_alpha(c)) {
            if (!sh.letters)
                sh.first_upper = ta_is_upper(c);
            sh.letters++;
            sh.upper += ta_is_upper(c);
            if (is_cyrillic(c))
                sh.cyr = true;
            else if (is_latin(c))
                sh.latin = true;
            else
                sh.other = true;
        }
        sh.digit |= ta_is_digit(c);
        sh.dot |= c == '.';
        sh.hyphen |= is_hyphen(c);
    }
    return sh;
}

/* The word as hunspell should see it, in s->w: invisible characters and stress marks
 * dropped, ’ and ʼ as '. */
static int normalise(ta_speller *s, const char *t, size_t a, size_t e)
{
    s->w.len = 0;
    for (size_t i = a; i < e;) {
        size_t j = i;
        uint32_t c = ta_u8_decode(t, e, &j);
        int r = 0;
        if (is_apos(c))
            r = ta_buf_addc(&s->w, '\'');
        else if (!is_invisible(c) && !is_mark(c))
            r = ta_buf_add(&s->w, t + i, j - i);
        if (r)
            return -1;
        i = j;
    }
    return ta_buf_addc(&s->w, 0) ? -1 : (s->w.len--, 0);
}

/* Does the names' dictionary (a Hunhandle) take w[0, n)? */
static bool in_names(void *names, const char *w, size_t n)
{
    char z[TA_SPELL_WORD_MAX + 2];
    if (n >= sizeof z)
        return false;
    memcpy(z, w, n);
    z[n] = 0;
    return Hunspell_spell(names, z) != 0;
}

/* Does the dictionary know w[0, n) (UTF-8)? A word its encoding lacks is unknown. */
static bool known(ta_speller *s, dict *d, const char *w, size_t n)
{
    if (n >= TA_SPELL_WORD_MAX)
        return false;
    if (d->forms)
        return ta_wordforms_spell_cased(d->forms, w, n, d->names ? in_names : NULL, d->names);
    if (convert(d->to, w, n, &s->conv))
        return false;
    return Hunspell_spell(d->h, s->conv.data) != 0;
}

/* Productive prefixes of compounds that the dictionaries lack (видеонаблюдение, госзакупки,
 * антикоррупционный, telemedicine): prefix + a known word of at least PREFIX_REST_MIN bytes. */
static const char *const PREFIXES[NLANG][48] = {
    {"anti", "counter", "cyber", "inter", "intra", "micro", "mega", "multi", "non", "over", "post",
     "pre", "re", "self", "sub", "super", "tele", "under", "un", "co", NULL},
    {"авиа", "авто", "анти", "агро", "био", "вело", "вице", "видео", "внутри", "гос", "гидро",
     "доп", "зам", "контр", "кибер", "меж", "мега", "микро", "мин", "мульти", "нац", "не",
     "около", "пол", "полу", "после", "пред", "про", "противо", "промо", "радио", "сверх",
     "само", "спец", "соц", "супер", "теле", "экс", "экстра", "эко", "энерго", "фото", NULL},
};
#define PREFIX_REST_MIN 6 /* bytes: 3 Cyrillic or 6 Latin letters */

static bool known_compound(ta_speller *s, dict *d, const char *w, size_t n)
{
    for (const char *const *p = PREFIXES[d->lang]; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k + PREFIX_REST_MIN && !strncmp(w, *p, k) && known(s, d, w + k, n - k))
            return true;
    }
    return false;
}

/* British endings and their American forms (en_US is the English dictionary). */
static const char *const BRITISH[][2] = {
    {"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"},
    {"ises", "izes"}, {"ising", "izing"}, {"iser", "izer"}, {"isers", "izers"},
    {"yse", "yze"}, {"ysed", "yzed"}, {"yses", "yzes"}, {"ysing", "yzing"},
    {"our", "or"}, {"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"},
    {"ourite", "orite"}, {"ourites", "orites"}, {"ourable", "orable"}, {"ourful", "orful"},
    {"tre", "ter"}, {"tres", "ters"}, {"tred", "tered"}, {"ogue", "og"}, {"ogues", "ogs"},
    {"ence", "ense"}, {"ences", "enses"}, {"lled", "led"}, {"lling", "ling"}, {"ller", "ler"},
    {"llers", "lers"}, {"llor", "lor"}, {"llors", "lors"}, {"amme", "am"}, {"ammes", "ams"},
    {"ongst", "ong"}, {"ilst", "ile"}, {"eable", "able"}, {"ement", "ment"},
};
#define BRITISH_ROOT_MIN 2 /* letters before a British ending */

/* Is w[0, n) a British spelling of a word en_US knows (criticised, programme, metre)? */
static bool known_american(ta_speller *s, dict *d, const char *w, size_t n)
{
    char v[TA_SPELL_WORD_MAX];
    for (size_t i = 0; i < sizeof BRITISH / sizeof *BRITISH; i++) {
        size_t f = strlen(BRITISH[i][0]), t = strlen(BRITISH[i][1]);
        if (n < f + BRITISH_ROOT_MIN || n - f + t >= sizeof v || memcmp(w + n - f, BRITISH[i][0], f))
            continue;
        memcpy(v, w, n - f);
        memcpy(v + n - f, BRITISH[i][1], t);
        if (known(s, d, v, n - f + t))
            return true;
    }
    return false;
}

/* s->w, or its variants: ё as е (ru_RU lacks some ё forms), without an English possessive. */
static bool known_variant(ta_speller *s, dict *d)
{
    char *w = s->w.data;
    size_t n = s->w.len;
    if (known(s, d, w, n))
        return true;
    if (d->lang == RU) {
        bool yo = false;
        for (size_t i = 0; i + 1 < n; i++)
            if ((unsigned char)w[i] == 0xD1 && (unsigned char)w[i + 1] == 0x91) /* ё */
                w[i + 1] = (char)0xB5, w[i] = (char)0xD0, yo = true;
            else if ((unsigned char)w[i] == 0xD0 && (unsigned char)w[i + 1] == 0x81) /* Ё */
                w[i + 1] = (char)0x95, yo = true;
        return (yo && known(s, d, w, n)) || known_compound(s, d, w, n);
    }
    if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
        n -= 2; /* Biden's */
    else if (n > 2 && w[n - 1] == '\'' && (w[n - 2] == 's' || w[n - 2] == 'S'))
        n -= 1; /* Jones' */
    if (n < s->w.len && known(s, d, w, n))
        return true;
    return known_american(s, d, w, n) || known_compound(s, d, w, n);
}

/* Is a word one letter away (dropped, added or swapped) from s->w known? The test that tells
 * a typo in a known name (Мосвка, Londn) from an unknown name (Фургала). */
#define NEAR_MAX_CHARS 32
static bool near_known(ta_speller *s, dict *d)
{
    uint32_t cp[NEAR_MAX_CHARS + 1], v[NEAR_MAX_CHARS + 2];
    size_t n = 0;
    for (size_t i = 0; i < s->w.len;) {
        if (n == NEAR_MAX_CHARS)
            return false;
        cp[n++] = ta_u8_decode(s->w.data, s->w.len, &i);
    }
    char buf[(NEAR_MAX_CHARS + 2) * 4];
    uint32_t first = d->lang == RU ? 0x430 : 'a', last = d->lang == RU ? 0x44F : 'z';
#define TRY_V(len)                                                                             \
    do {                                                                                       \
        size_t o_ = 0;                                                                         \
        for (size_t q_ = 0; q_ < (len); q_++)                                                  \
            o_ += (size_t)ta_u8_encode(v[q_], buf + o_);                                       \
        if (known(s, d, buf, o_))                                                              \
            return true;                                                                       \
    } while (0)
    for (size_t i = 1; i < n; i++) { /* drop cp[i] */
        memcpy(v, cp, i * sizeof *v);
        memcpy(v + i, cp + i + 1, (n - i - 1) * sizeof *v);
        TRY_V(n - 1);
    }
    for (size_t i = 1; i + 1 < n; i++) { /* swap cp[i], cp[i + 1] */
        memcpy(v, cp, n * sizeof *v);
        v[i] = cp[i + 1], v[i + 1] = cp[i];
        TRY_V(n);
    }
    for (size_t i = 1; i <= n; i++) /* add a letter before cp[i] */
        for (uint32_t c = first; c <= last + 1; c++) {
            memcpy(v, cp, i * sizeof *v);
            v[i] = c > last ? (d->lang == RU ? 0x451 : '\'') : c; /* ё; ' */
            memcpy(v + i + 1, cp + i, (n - i) * sizeof *v);
            TRY_V(n + 1);
        }
#undef TRY_V
    return false;
}

/* The dictionary that spells a word of this shape, NULL when none is loaded for it. */
static dict *dict_for(ta_speller *s, shape sh)
{
    int l = sh.other ? -1 : sh.cyr ? RU : sh.latin ? EN : -1;
    return l >= 0 && (s->d[l].forms || s->d[l].h) ? &s->d[l] : NULL;
}

/* ---- the other side ----------------------------------------------------------- */

/* The comparison key of a Latin form in out: spellings that transliteration through Russian
 * confuses made one (dzh, zh -> j; kh -> h; ph -> f; c, ck, q -> k; w -> u; y -> i; x -> ks),
 * double letters single, everything but a-z dropped (the ' of ь). Джастин ~ Justin. */
static int latin_key(const char *in, size_t n, ta_buf *out)
{
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        char c = in[i], nx = i + 1 < n ? in[i + 1] : 0;
        if (c < 'a' || c > 'z')
            continue;
        if (c == 'd' && nx == 'z' && i + 2 < n && in[i + 2] == 'h')
            c = 'j', i += 2;
        else if ((c == 'z' && nx == 'h') || (c == 'k' && nx == 'h') || (c == 'p' && nx == 'h'))
            c = c == 'z' ? 'j' : c == 'k' ? 'h' : 'f', i++;
        else if (c == 'c' && nx == 'k')
            c = 'k', i++;
        else if (c == 'c' && nx != 'h')
            c = 'k';
        else if (c == 'q')
            c = 'k';
        else if (c == 'w')
            c = 'u';
        else if (c == 'y')
            c = 'i';
        else if (c == 'x' && ta_buf_addc(out, 'k'))
            return -1;
        if (c == 'x')
            c = 's';
        if ((!out->len || out->data[out->len - 1] != c) && ta_buf_addc(out, c))
            return -1;
    }
    return 0;
}

/* Adds the comparison key of w[0, n) to the other side's list, with whether it is a term new
 * to its own dictionary: in lowercase (a name, Sovetsk, is compared only with names) and
 * unknown. */
static int index_latin(ta_speller *s, const char *w, size_t n)
{
    s->wlat.len = 0;
    if (ta_latin_of(s->lat, w, n, &s->wlat) || latin_key(s->wlat.data, s->wlat.len, &s->key))
        return -1;
    if (s->key.len < ROOT_MIN)
        return 0;
    shape sh = word_shape(w, 0, n);
    dict *d = dict_for(s, sh);
    bool unknown = d && !sh.first_upper && !known(s, d, w, n); /* asked only of words kept */
    size_t mark = s->other_lat.len;
    size_t *span = ta_vec_push(&s->other_spans);
    if (!span || ta_buf_add(&s->other_lat, s->key.data, s->key.len) || ta_buf_addc(&s->other_lat, 0))
        return -1;
    span[0] = mark, span[1] = s->key.len, span[2] = unknown;
    return 0;
}

static int index_word(ta_speller *s, const char *t, size_t n, size_t a, size_t e, void *arg)
{
    (void)n, (void)arg;
    shape sh = word_shape(t, a, e);
    if (!sh.letters || normalise(s, t, a, e))
        return sh.letters ? -1 : 0;
    if (put_lower(&s->other_words, &s->key, s->w.data, s->w.len) ||
        index_latin(s, s->w.data, s->w.len))
        return -1;
    for (size_t p = 0, q; sh.hyphen && p < s->w.len; p = q + 1) { /* and each part */
        for (q = p; q < s->w.len && s->w.data[q] != '-'; q++)
            ;
        if (put_lower(&s->other_words, &s->key, s->w.data + p, q - p))
            return -1;
        if (q > p && index_latin(s, s->w.data + p, q - p))
            return -1;
    }
    return 0;
}

static int index_other(ta_speller *s)
{
    if (s->other_ready)
        return 0;
    s->other_ready = true;
    ta_strmap_release(&s->other_words);
    s->other_lat.len = 0;
    s->other_spans.len = 0;
    return s->other ? each_word(s, s->other, s->on, index_word, NULL) : 0;
}

/* The best similarity of two Latin forms when either may carry an inflection (≤ ENDING_MAX
 * bytes more). */
static double translit_similarity(const char *a, size_t an, const char *b, size_t bn)
{
    double best = 0;
    for (size_t i = 0; i <= ENDING_MAX && an - i >= ROOT_MIN && i < an; i++)
        for (size_t j = 0; j <= ENDING_MAX && bn - j >= ROOT_MIN && j < bn; j++) {
            double sim = ta_name_similarity(a, an - i, b, bn - j);
            best = sim > best ? sim : best;
        }
    return best;
}

/* Is the word in s->w (key: its lowercase form in s->key) on the other side, as it is or
 * transliterated: when capitalised, as any word there (Krai ~ край, Байденом ~ Biden); else,
 * when no known word of d is a letter away (cronavirus is a typo), as a lowercase word the
 * other side's dictionary lacks too (a new term in both languages: remdesivir ~ ремдесивир; a
 * misspelt президент still differs from president, a known word)? -1 when memory is out. */
static int on_other_side(ta_speller *s, dict *d, bool capitalised)
{
    if (!s->other)
        return 0;
    int v;
    if (ta_strmap_get(&s->other_words, s->key.data, s->key.len, &v))
        return 1;
    if (!s->other_spans.len)
        return 0;
    s->wlat.len = 0;
    if (ta_latin_of(s->lat, s->w.data, s->w.len, &s->wlat) ||
        latin_key(s->wlat.data, s->wlat.len, &s->key))
        return -1;
    if (s->key.len < ROOT_MIN)
        return 0;
    const size_t *sp = s->other_spans.data;
    for (size_t i = 0; i < s->other_spans.len; i++)
        if ((capitalised || sp[3 * i + 2]) &&
            translit_similarity(s->key.data, s->key.len, s->other_lat.data + sp[3 * i],
                                sp[3 * i + 1]) >= TRANSLIT_MIN)
            return capitalised || !near_known(s, d);
    return 0;
}

/* ---- checking ------------------------------------------------------------------ */

typedef struct {
    bool suggest;
    ta_vec *out;
} check_arg;

/* Is the piece t[a, e) (no digits, no inner dots) a word to flag? 1 yes, 0 no, -1 ENOMEM.
 * `cap`: a part of a capitalised compound (Jong-un), judged as a capitalised word. */
static int misspelt(ta_speller *s, const char *t, size_t n, size_t a, size_t e, bool cap)
{
    shape sh = word_shape(t, a, e);
    sh.first_upper |= cap;
    if (sh.letters <= 1 || (sh.upper == sh.letters && sh.letters <= TA_SPELL_CAPS_MAX))
        return 0;
    dict *d = dict_for(s, sh);
    if (!d)
        return 0;
    if (normalise(s, t, a, e))
        return -1;
    s->key.len = 0;
    if (ta_u8_lower(&s->key, s->w.data, s->w.len, true) || ta_buf_addc(&s->key, '.'))
        return -1;
    int v;
    bool dot = e < n && t[e] == '.';
    if (ta_strmap_get(&s->names, s->key.data, s->key.len - 1, &v) ||
        ta_strmap_get(&s->abbrev, s->key.data, s->key.len - !dot, &v))
        return 0;
    s->key.len--;
    if (known_variant(s, d))
        return 0;
    if (s->other && index_other(s))
        return -1;
    s->key.len = 0; /* indexing used s->w and s->key */
    if (normalise(s, t, a, e) || ta_u8_lower(&s->key, s->w.data, s->w.len, true))
        return -1;
    int r = on_other_side(s, d, sh.first_upper);
    if (r)
        return r < 0 ? -1 : 0;
    /* an unknown capitalised word is a name unless it is a letter away from a known word */
    if (!sh.first_upper)
        return 1;
    if (sh.letters < NAME_TYPO_MIN)
        return 0;
    if (ta_strmap_get(&s->near, s->w.data, s->w.len, &v)) /* names recur: remember */
        return v - 1;
    bool near = near_known(s, d);
    if (s->near.n >= NEAR_CACHE_MAX)
        ta_strmap_release(&s->near);
    return ta_strmap_put(&s->near, s->w.data, s->w.len, 1 + near) ? -1 : near;
}

/* Appends w[0, n) to s->sugg as a suggestion unless it is there or the list is full; 1 when
 * the list is full, -1 out of memory. */
static int add_suggestion(ta_speller *s, const char *w, size_t n, int *kept)
{
    if (*kept >= TA_SPELL_SUGGEST_MAX)
        return 1;
    for (size_t i = 0; i + n <= s->sugg.len; i++) /* "a, b": each entry ends at ", " or the end */
        if ((i == 0 || (i >= 2 && !memcmp(s->sugg.data + i - 2, ", ", 2))) &&
            !memcmp(s->sugg.data + i, w, n) && (i + n == s->sugg.len || s->sugg.data[i + n] == ','))
            return 0;
    if ((*kept && ta_buf_add(&s->sugg, ", ", 2)) || ta_buf_add(&s->sugg, w, n))
        return -1;
    return ++*kept >= TA_SPELL_SUGGEST_MAX;
}

/* A candidate correction and its cost: likelier edits cost less. */
typedef struct {
    char w[(NEAR_MAX_CHARS + 2) * 4 + 2];
    size_t n;
    int cost, order; /* order: found first, kept first among equal costs */
} candidate;

#define QUICK_MAX 64 /* candidates gathered before the best are kept */

static bool is_vowel(uint32_t c)
{
    static const uint32_t vowels[] = {'a', 'e', 'i', 'o', 'u', 'y', 0x430, 0x435, 0x451, 0x438,
                                      0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F}; /* а е ё и о у ы э ю я */
    for (size_t k = 0; k < sizeof vowels / sizeof *vowels; k++)
        if (c == vowels[k])
            return true;
    return false;
}

/* The letters an edit may put in: a-z, or а-я and ё. */
static bool alphabet_letter(const dict *d, uint32_t x)
{
    return d->lang == RU ? (x >= 0x430 && x <= 0x44F) || x == 0x451 : x >= 'a' && x <= 'z';
}

/* Adds v[0, len) (code points) to the candidates when the dictionary knows it. */
static int try_candidate(ta_speller *s, dict *d, const uint32_t *v, size_t len, int cost,
                         candidate *c, int *nc)
{
    if (*nc >= QUICK_MAX)
        return 1;
    size_t o = 0;
    for (size_t q = 0; q < len; q++)
        o += (size_t)ta_u8_encode(v[q], c[*nc].w + o);
    if (!known(s, d, c[*nc].w, o))
        return 0;
    c[*nc].n = o, c[*nc].cost = cost, c[*nc].order = *nc;
    ++*nc;
    return 0;
}

/* Candidates one edit away (letters swapped, dropped, replaced, added): a vowel for a vowel,
 * a swap or a doubled letter dropped cost 1, other edits 2. */
static void edits(ta_speller *s, dict *d, const uint32_t *cp, size_t n, candidate *c, int *nc)
{
    uint32_t v[NEAR_MAX_CHARS + 2];
    uint32_t first = d->lang == RU ? 0x430 : 'a', last = d->lang == RU ? 0x451 : 'z';
    for (size_t i = 0; i + 1 < n; i++) { /* swap cp[i], cp[i + 1] */
        memcpy(v, cp, n * sizeof *v);
        v[i] = cp[i + 1], v[i + 1] = cp[i];
        try_candidate(s, d, v, n, 1, c, nc);
    }
    for (size_t i = 0; i < n; i++) { /* drop cp[i] */
        memcpy(v, cp, i * sizeof *v);
        memcpy(v + i, cp + i + 1, (n - i - 1) * sizeof *v);
        try_candidate(s, d, v, n - 1, i && cp[i] == cp[i - 1] ? 1 : 2, c, nc);
    }
    for (size_t i = 0; i < n; i++) /* replace cp[i] */
        for (uint32_t x = first; x <= last; x++) {
            if (x == cp[i] || !alphabet_letter(d, x))
                continue;
            memcpy(v, cp, n * sizeof *v);
            v[i] = x;
            try_candidate(s, d, v, n, is_vowel(x) && is_vowel(cp[i]) ? 1 : 2, c, nc);
        }
    for (size_t i = 0; i <= n; i++) /* add a letter before cp[i] */
        for (uint32_t x = first; x <= last; x++) {
            if (!alphabet_letter(d, x))
                continue;
            memcpy(v, cp, i * sizeof *v);
            v[i] = x;
            memcpy(v + i + 1, cp + i, (n - i) * sizeof *v);
            try_candidate(s, d, v, n + 1, i && x == cp[i - 1] ? 1 : 2, c, nc);
        }
}

static int by_cost(const void *a, const void *b)
{
    const candidate *p = a, *q = b;
    return p->cost != q->cost ? p->cost - q->cost : p->order - q->order;
}

/* Suggestions one edit away or two words run together (grand kids), found with the
 * dictionary's spell(): a few hundred lookups, where hunspell's own suggest() takes about
 * 0.1 s a word (its n-gram search). The cheapest first; *kept counts them. 0, or -1. */
static int quick_suggest(ta_speller *s, dict *d, int *kept)
{
    uint32_t cp[NEAR_MAX_CHARS + 1];
    size_t n = 0;
    for (size_t i = 0; i < s->w.len;) {
        if (n == NEAR_MAX_CHARS)
            return 0;
        cp[n++] = ta_u8_decode(s->w.data, s->w.len, &i);
    }
    candidate *c = malloc(QUICK_MAX * sizeof *c);
    int nc = 0, r = 0;
    if (!c)
        return -1;
    edits(s, d, cp, n, c, &nc);
    for (size_t i = 1; i < s->w.len && nc < QUICK_MAX; i++) { /* two words */
        if (((unsigned char)s->w.data[i] & 0xC0) == 0x80 || s->w.len + 1 >= sizeof c->w ||
            !known(s, d, s->w.data, i) || !known(s, d, s->w.data + i, s->w.len - i))
            continue;
        memcpy(c[nc].w, s->w.data, i), c[nc].w[i] = ' ';
        memcpy(c[nc].w + i + 1, s->w.data + i, s->w.len - i);
        c[nc].n = s->w.len + 1, c[nc].cost = 2, c[nc].order = nc, nc++;
    }
    qsort(c, (size_t)nc, sizeof *c, by_cost);
    for (int k = 0; k < nc && r == 0; k++)
        r = add_suggestion(s, c[k].w, c[k].n, kept);
    free(c);
    return r < 0 ? -1 : 0;
}

/* Hunspell's own suggestions (slow), when quick_suggest found none: libhunspell is loaded for
 * them if the word-form file stood for it. 0, or -1 (out of memory, or the load failed: d->st). */
static int hunspell_suggest(ta_speller *s, dict *d, int *kept)
{
    if (!d->hun_tried)
        d->st = dict_load(d);
    if (d->st != TA_OK)
        return -1;
    char **list = NULL;
    int k = !convert(d->to, s->w.data, s->w.len, &s->conv) ? Hunspell_suggest(d->h, &list, s->conv.data) : 0;
    ta_buf one = {0};
    int r = 0;
    for (int i = 0; i < k && r == 0; i++)
        if (!convert(d->from, list[i], strlen(list[i]), &one))
            r = add_suggestion(s, one.data, one.len, kept);
    if (k)
        Hunspell_free_list(d->h, &list, k);
    ta_buf_release(&one);
    return r < 0 ? -1 : 0;
}

static int report(ta_speller *s, const char *t, size_t a, size_t e, check_arg *ca)
{
    ta_misspelling *m = ta_vec_push(ca->out);
    if (!m)
        return -1;
    m->start = a, m->end = e;
    if (!ca->suggest)
        return 0;
    shape sh = word_shape(t, a, e);
    dict *d = dict_for(s, sh);
    s->sugg.len = 0;
    if (normalise(s, t, a, e))
        return -1;
    int kept = 0, r = d ? quick_suggest(s, d, &kept) : 0;
    if (d && !r && !kept)
        r = hunspell_suggest(s, d, &kept);
    m->suggestions = r ? NULL : strndup(s->sugg.data ? s->sugg.data : "", s->sugg.len);
    return m->suggestions ? 0 : -1;
}

/* The linking vowels of Russian compound adjectives and the adjective endings of their first
 * part (крестьянско-фермерский: крестьянский; пьяняще-свежий: пьянящий) */
static const char *const LINK_VOWELS[] = {"о", "е"};
static const char *const ADJ_ENDINGS[] = {"ый", "ий", "ой"};

/* Is the part t[a, q) before a hyphen a compound's head: a productive prefix (pre-COVID,
 * экс-министр) or, in Russian, an adjective's stem with its linking vowel? */
static bool compound_head(ta_speller *s, const char *t, size_t a, size_t q)
{
    dict *d = dict_for(s, word_shape(t, a, q));
    s->key.len = 0;
    if (!d || normalise(s, t, a, q) || ta_u8_lower(&s->key, s->w.data, s->w.len, true))
        return false;
    const char *w = s->key.data; /* the part in lowercase */
    size_t n = s->key.len;
    for (const char *const *p = PREFIXES[d->lang]; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, w, n))
            return true;
    char adj[TA_SPELL_WORD_MAX];
    for (size_t v = 0; d->lang == RU && v < sizeof LINK_VOWELS / sizeof *LINK_VOWELS; v++) {
        size_t k = strlen(LINK_VOWELS[v]);
        if (n < k + PREFIX_REST_MIN || memcmp(w + n - k, LINK_VOWELS[v], k))
            continue;
        for (size_t j = 0; j < sizeof ADJ_ENDINGS / sizeof *ADJ_ENDINGS; j++) {
            int m = snprintf(adj, sizeof adj, "%.*s%s", (int)(n - k), w, ADJ_ENDINGS[j]);
            if (m > 0 && (size_t)m < sizeof adj && known(s, d, adj, (size_t)m))
                return true;
        }
    }
    return false;
}

static int check_word(ta_speller *s, const char *t, size_t n, size_t a, size_t e, void *arg)
{
    shape sh = word_shape(t, a, e);
    if (sh.digit || sh.dot)
        return 0; /* numbers, codes, abbreviations (U.S., т.е.), domains */
    int r = misspelt(s, t, n, a, e, false);
    if (r <= 0)
        return r;
    if (!sh.hyphen)
        return report(s, t, a, e, arg);
    for (size_t p = a; p < e;) { /* each part on its own */
        size_t q = p, j = p;
        while (q < e && !is_hyphen(ta_u8_decode(t, e, &j)))
            q = j;
        bool head = q < e && compound_head(s, t, p, q);
        if (!head && ((r = misspelt(s, t, n, p, q, sh.first_upper)) < 0 || (r && report(s, t, p, q, arg))))
            return -1;
        p = j;
    }
    return 0;
}

ta_status ta_speller_check(ta_speller *s, char lang, const char *text, size_t n, const char *other,
                           size_t on, bool suggest, ta_vec *out, ta_error *err)
{
    if (lang != 'e' && lang != 'r')
        return ta_fail(err, TA_EINVAL, "speller: unknown language '%c' (e or r)", lang);
    if (!out->esz)
        out->esz = sizeof(ta_misspelling);
    if (out->esz != sizeof(ta_misspelling))
        return ta_fail(err, TA_EINVAL, "speller: the output vector is not of ta_misspelling");
    ta_status st = ta_speller_load(s, err);
    if (st != TA_OK)
        return st;
    s->other = other;
    s->on = other ? on : 0;
    s->other_ready = false;
    check_arg ca = {suggest, out};
    if (!each_word(s, text, n, check_word, &ca))
        return TA_OK;
    for (int l = 0; l < NLANG; l++)
        if (s->d[l].st != TA_OK) { /* loaded for suggestions, and failed */
            if (err)
                *err = s->d[l].err;
            return s->d[l].st;
        }
    return ta_fail(err, TA_ENOMEM, "out of memory");
}
