/* lexical.c — checks on words: names with no counterpart on the other side (through the
 * aligner's transliterated-name evidence: Байденом = Biden), and glossary terms (the file
 * EN_TERM<TAB>RU_TERM, "!RU_TERM" forbidden), matched as sequences of Snowball stems so that
 * any inflected form counts. */
#include "checks.h"
#include "lexicon.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ---- */

/* Two Latin forms this alike are one name (a looser test than the aligner's, which also asks
 * for equal consonant skeletons) */
#define NAME_ALIKE 0.7
#define STEM_SLACK 2 /* letters a Russian stem may differ by from its dictionary form's */
#define STEM_MIN 3   /* ... when the shorter has at least this many */
#define ABBREV_MAX 5 /* letters of an all-capitals abbreviation */
#define SPELT_LETTER_MAX 2 /* letters of a letter's name in a spelt-out abbreviation (Би-би-си) */
#define LATIN_MAX 64 /* bytes of a Latin form compared (as ta_name_similarity) */
#define RIGHT_QUOTE 0x2019 /* ’, an apostrophe in typeset English */
#define KEY_FILTER_BITS (1u << 22) /* c->ru_keys: 512 KB, a few % of absent keys look present */

/* Does the word at byte `start` of s open a sentence (only spaces and opening punctuation
 * between it and the text's start or a . ! ? :)? Such a word is capitalised anyway. */
static bool sentence_initial(const char *s, size_t start)
{
    size_t i = start;
    while (i > 0) {
        uint32_t ch = ta_u8_prev(s, &i);
        if (ch == '.' || ch == '!' || ch == '?' || ch == ':')
            return true;
        if (!ta_is_space(ch) && !ta_is_open_punct(ch) && ch != '-' && ch != 0x2014 && ch != 0x2013)
            return false;
    }
    return true;
}

/* The English endings after an apostrophe that leave a word's own letters before them: a
 * possessive (BBC's), a contraction of the pronoun I (I'm, I've, I'll, I'd) */
static const char *const APOSTROPHE_ENDINGS[] = {"s", "m", "ve", "ll", "d"};

/* The end of the word s[a, z) without an English possessive or contraction ending. */
static size_t without_ending(const char *s, size_t a, size_t z)
{
    for (size_t i = a; i < z;) {
        size_t at = i;
        uint32_t ch = ta_u8_decode(s, z, &i);
        if (ch != '\'' && ch != RIGHT_QUOTE)
            continue;
        for (size_t k = 0; k < sizeof APOSTROPHE_ENDINGS / sizeof *APOSTROPHE_ENDINGS; k++)
            if (z - i == strlen(APOSTROPHE_ENDINGS[k]) && !memcmp(s + i, APOSTROPHE_ENDINGS[k], z - i))
                return at;
    }
    return z;
}

/* A name: a capitalised word with at least two letters before an English possessive or
 * contraction ending (I'm is the pronoun), not opening a sentence and not an abbreviation: a
 * short all-capitals one, in the plural too, or one spelt out in letter names of at most
 * SPELT_LETTER_MAX letters each (РФ, СМИ, UN, MPs, BBC's, Би-би-си: translated, not
 * transliterated). */
static bool is_name(const char *s, size_t a, size_t z)
{
    size_t i = a, letters = 0, upper = 0, part = 0, longest = 0;
    uint32_t first = ta_u8_decode(s, z, &i);
    if (!ta_is_upper(first))
        return false;
    size_t end = without_ending(s, a, z);
    for (i = a; i < end;) {
        uint32_t ch = ta_u8_decode(s, end, &i);
        letters += ta_is_alpha(ch), upper += ta_is_upper(ch);
        part = ch == '-' ? 0 : part + 1;
        longest = part > longest ? part : longest;
    }
    bool plural = letters > upper && s[end - 1] == 's'; /* MPs, MLAs */
    bool abbreviation = (upper + plural == letters && upper <= ABBREV_MAX) ||
                        (longest <= SPELT_LETTER_MAX && longest < letters);
    return letters >= 2 && !abbreviation && !sentence_initial(s, a);
}

/* Is s[a, z) an abbreviation of abbrev.LANG (c->abbrev[!en]) as written, with its dot after
 * it (Aug., Colo., Jr.), or a title's without it (St Petersburg, Capt Smith)? Such a word is
 * translated or spelt out, not transliterated: no name. */
static bool abbreviated(ta_checker *c, bool en, const char *s, size_t a, size_t z)
{
    c->scratch.len = 0;
    if (ta_u8_lower(&c->scratch, s + a, z - a, true) || ta_buf_addc(&c->scratch, '.'))
        return false; /* out of memory: judged as a name */
    int cls = 0;
    return ta_strmap_get(&c->abbrev[!en], c->scratch.data, c->scratch.len, &cls) &&
           (s[z] == '.' || cls == TA_ABBREV_TITLE);
}

/* Does English token t have a key from the lexicon (a dictionary word, not a name)? */
static bool in_lexicon_en(const ta_feat *f, int t)
{
    for (int k = f->tok[t]; k < f->tok[t + 1]; k++)
        if (f->keys[k] < TA_KEY_EXTRA)
            return true;
    return false;
}

static void set_key_bit(uint32_t key, void *bits)
{
    ((uint64_t *)bits)[key % KEY_FILTER_BITS / 64] |= (uint64_t)1 << (key % 64);
}

/* Can the Russian word w[0, n) be a lexicon translation: is the filter bit of its stem's key
 * set (c->ru_keys, made on the first call)? A word of another script: true. */
static bool maybe_in_lexicon(ta_checker *c, const char *w, size_t n)
{
    if (!ta_lex_russian(w, n))
        return true;
    if (!c->ru_keys && (c->ru_keys = calloc(KEY_FILTER_BITS / 64, sizeof *c->ru_keys)))
        ta_lexicon_each_key(c->lx, set_key_bit, c->ru_keys);
    if (!c->ru_keys || ta_stem(&c->stemmer, 'r', w, n, &c->scratch))
        return true; /* out of memory: the lookup decides */
    uint32_t key = ta_lex_key(c->scratch.data, c->scratch.len) % KEY_FILTER_BITS;
    return c->ru_keys[key / 64] >> (key % 64) & 1;
}

/* Does the lexicon look the word up (an English headword, or a Russian translation of one):
 * a dictionary word? */
static bool in_lexicon_word(ta_checker *c, const char *w, size_t n)
{
    char *tr = NULL;
    bool known = c->lx && ta_lexicon_lookup(c->lx, w, n, &tr, NULL) == TA_OK && tr && *tr;
    ta_free(tr);
    return known;
}

/* Is the Russian word a translation of some English headword (a dictionary word)? The key
 * filter answers most words without a lookup. */
static bool in_lexicon_ru(ta_checker *c, const char *w, size_t n)
{
    return c->lx && maybe_in_lexicon(c, w, n) && in_lexicon_word(c, w, n);
}

/* May the word s[a, z) be a name by its hyphen parts: has it no hyphen, or a part that is a
 * name by its shape (is_name) and no dictionary word? Russian-made, US-based, Sport-Express
 * are no names (their name parts are translated: российского производства); Nath-led,
 * Pierre-Emerick are. */
static bool name_parts(ta_checker *c, bool en, const char *s, size_t a, size_t z)
{
    if (!memchr(s + a, '-', z - a))
        return true;
    for (size_t p = a, q; p < z; p = q + 1) {
        const char *e = memchr(s + p, '-', z - p);
        q = e ? (size_t)(e - s) : z;
        if (is_name(s, p, q) &&
            !(en ? in_lexicon_word(c, s + p, q - p) : in_lexicon_ru(c, s + p, q - p)))
            return true;
    }
    return false;
}

/* Spellings of one sound in Latin, rewritten to one form before two names are compared: the
 * Russian transliteration's (Джо: dzho = Joe; Хабаров: khabarov = Habarov; Юрий: yuriy = Yuri)
 * and English orthography's (Stephen = Стивен, Newcastle = Ньюкасл, Williams = Уильямс,
 * Kayleigh = Кейли, Wiley = Уайли, Hedgecoe = Хеджкоу; dg before a, o: Edgar = Эдгар). The
 * first entry that fits at a place is taken, a `start` entry only at the word's start; `alt`
 * holds the other readings of an ambiguous English spelling, tried as well on the English form,
 * the first of every entry in one reading, the second in another (Michael = Майкл, Michelle =
 * Мишель, Wesel = Везель, Singh = Сингх). */
#define LATIN_READINGS 3 /* the spelling, and up to two other readings */
static const struct {
    const char *from, *to, *alt[LATIN_READINGS - 1];
    bool start;
} LATIN_VARIANTS[] = {
    {"dzh", "j", {0}, false},  {"dge", "je", {0}, false}, {"dgi", "ji", {0}, false},
    {"dgy", "jy", {0}, false}, {"kh", "h", {0}, false},   {"yu", "u", {0}, false},
    {"ya", "a", {0}, false},   {"ye", "e", {0}, false},   {"iy", "i", {0}, false},
    {"yy", "y", {0}, false},   {"ts", "z", {0}, false},   {"'", "", {0}, false},
    {"sch", "sh", {0}, false}, {"ch", "ch", {"k", "sh"}, false}, {"ck", "k", {0}, false},
    {"ce", "se", {0}, false},  {"ci", "si", {0}, false},  {"cy", "sy", {0}, false},
    {"c", "k", {0}, false},    {"ph", "f", {0}, false},   {"gh", "g", {0}, true},
    {"rgh", "rg", {0}, false}, {"gh", "", {"gh"}, false}, {"th", "t", {0}, false},
    {"ey", "i", {0}, false},   {"kn", "n", {0}, true},    {"w", "u", {"v"}, false},
    {"q", "k", {0}, false},    {"x", "ks", {0}, false}};

/* Does LATIN_VARIANTS entry k fit a[i, n)? */
static bool variant_fits(size_t k, const char *a, size_t i, size_t n)
{
    const char *f = LATIN_VARIANTS[k].from;
    size_t fl = strlen(f);
    return f[0] == a[i] && (!LATIN_VARIANTS[k].start || !i) && i + fl <= n && !strncmp(a + i, f, fl);
}

/* a[0, n) in lowercase with LATIN_VARIANTS rewritten (reading 0: their `to`; reading r: their
 * alt[r - 1] where they have one), into out (at most cap - 1 bytes). */
static size_t latin_canon(const char *a, size_t n, int reading, char *out, size_t cap)
{
    size_t o = 0, nv = sizeof LATIN_VARIANTS / sizeof *LATIN_VARIANTS;
    for (size_t i = 0; i < n && o + 1 < cap;) {
        size_t k = 0;
        while (k < nv && !variant_fits(k, a, i, n))
            k++;
        char one[2] = {(char)ta_to_lower((unsigned char)a[i]), 0};
        const char *alt = k < nv && reading ? LATIN_VARIANTS[k].alt[reading - 1] : NULL;
        const char *to = k == nv ? one : alt ? alt : LATIN_VARIANTS[k].to;
        i += k == nv ? 1 : strlen(LATIN_VARIANTS[k].from);
        for (; *to && o + 1 < cap; to++)
            out[o++] = *to;
    }
    out[o] = 0;
    return o;
}

/* Letters a name may begin with in one script and its transliteration in the other, beside
 * the same letter: any vowel for a vowel (Иисус = Jesus, Уайли = Wiley: uayli, uili), and
 * these pairs (Гамбург = Hamburg, Хосе = Jose, Джеральд = Gerald) */
static const char INITIAL_PAIRS[][3] = {"gh", "hg", "hj", "jh", "gj", "jg", "vu", "uv"};

/* Is ch a vowel of a canonical Latin form? */
static bool latin_vowel(char ch) { return ch && strchr("aeiouy", ch); }

/* Do a and b (canonical Latin forms, not empty) begin alike: with letters INITIAL_PAIRS or the
 * vowels allow, or one with a vowel before the other's first letter (Istanbul = Стамбул)? */
static bool initials_agree(const char *a, size_t an, const char *b, size_t bn)
{
    if (a[0] == b[0] || (latin_vowel(a[0]) && latin_vowel(b[0])) ||
        (an > 1 && latin_vowel(a[0]) && a[1] == b[0]) || (bn > 1 && latin_vowel(b[0]) && b[1] == a[0]))
        return true;
    for (size_t k = 0; k < sizeof INITIAL_PAIRS / sizeof *INITIAL_PAIRS; k++)
        if (INITIAL_PAIRS[k][0] == a[0] && INITIAL_PAIRS[k][1] == b[0])
            return true;
    return false;
}

/* Are two canonical Latin forms alike as names: their first letters agree and they are at
 * least NAME_ALIKE alike (names keep their first sound: Donets is not концу, konz)? */
static bool alike_canon(const char *a, size_t an, const char *b, size_t bn)
{
    return an && bn && initials_agree(a, an, b, bn) && ta_name_similarity(a, an, b, bn) >= NAME_ALIKE;
}

/* Are the whole Latin forms of an English word (e) and a Russian one (r) alike as names, the
 * English one in any of its readings (LATIN_VARIANTS' alt)? */
static bool alike_whole(const char *e, size_t en, const char *r, size_t rn)
{
    char ce[LATIN_READINGS][LATIN_MAX], cr[LATIN_MAX];
    if (!en || !rn)
        return false;
    size_t nr = latin_canon(r, rn, 0, cr, LATIN_MAX);
    for (int k = 0; k < LATIN_READINGS; k++) {
        size_t ne = latin_canon(e, en, k, ce[k], LATIN_MAX);
        bool seen = false; /* a reading the word's spelling gave before */
        for (int j = 0; j < k && !seen; j++)
            seen = !strcmp(ce[j], ce[k]);
        if (!seen && alike_canon(ce[k], ne, cr, nr))
            return true;
    }
    return false;
}

/* Are the Latin forms of an English word (a) and a Russian one (b), or a part of one and a
 * part of the other, alike as names? Parts are split at hyphens: Reagan-Gorbachev = Рейгана. */
static bool alike(const char *a, size_t an, const char *b, size_t bn)
{
    for (size_t i = 0; i < an;) {
        size_t pa = i;
        while (i < an && a[i] != '-')
            i++;
        for (size_t j = 0; j < bn;) {
            size_t pb = j;
            while (j < bn && b[j] != '-')
                j++;
            if (alike_whole(a + pa, i - pa, b + pb, j - pb))
                return true;
            j++;
        }
        i++;
    }
    return false;
}

/* Does token t of f (of text s) begin with a capital letter? */
static bool capitalised(const ta_feat *f, int t, const char *s)
{
    size_t i = f->start[t];
    return ta_is_upper(ta_u8_decode(s, f->end[t], &i));
}

/* May token u of side g (English when !ru; of text s) be a name's counterpart: capitalised,
 * or a derivative no dictionary word (тюменских = Tyumen's, anti-Brexit; not концу, konz =
 * Kianzad)? */
static bool counterpart(ta_checker *c, const ta_feat *g, int u, const char *s, bool ru)
{
    size_t a = g->start[u], n = g->end[u] - a;
    return capitalised(g, u, s) || (ru ? !in_lexicon_ru(c, s + a, n) : !in_lexicon_en(g, u));
}

/* Are the Latin forms of an English word (e: whole, es: its stem's) and a Russian one (r, rs)
 * alike as names, any with any? */
static bool alike_forms(const char *e, size_t el, const char *es, size_t esl, const char *r,
                        size_t rl, const char *rs, size_t rsl)
{
    return alike(e, el, r, rl) || alike(e, el, rs, rsl) || alike(es, esl, r, rl) ||
           alike(es, esl, rs, rsl);
}

/* The length of a Russian stem's Latin form without the suffix of a relational adjective
 * ("sk": бурятские, buryatsk = Buryat; саудовской, saudovsk = Saudi; Алтайского = Altai), 0
 * when it has none or too little is left */
#define RELATIONAL_SUFFIX "sk"
#define RELATIONAL_BASE_MIN 3
static size_t relational_base(const char *lat, size_t n)
{
    size_t k = sizeof RELATIONAL_SUFFIX - 1;
    return n >= RELATIONAL_BASE_MIN + k && !memcmp(lat + n - k, RELATIONAL_SUFFIX, k) ? n - k : 0;
}

/* Is English token t (of fe; en) or Russian token t (of fr) alike, as a name, to a token of
 * the other side that may be its counterpart (names transliterate into names)? Their Latin
 * forms, a Russian word's stem's too: for names too short for a consonant skeleton (ТАСС =
 * TASS) and spellings the aligner's skeletons miss (Джо = Joe, Michael = Майкл). A word in
 * Latin letters on the Russian side is copied, not transliterated: it matches as it is. A
 * Russian relational adjective matches its name without its suffix, in lowercase too (Buryat
 * officials = бурятские чиновники). */
static bool latin_alike(ta_checker *c, bool en, int t, const char *es, const char *rs)
{
    const ta_feat *f = en ? &c->fe : &c->fr, *g = en ? &c->fr : &c->fe;
    const char *gt = en ? rs : es;
    size_t an, sn, bn, gn;
    const char *a = ta_feat_latin(&c->fz, f, t, false, &an);
    const char *as = ta_feat_latin(&c->fz, f, t, true, &sn);
    bool copied = !en && !ta_lex_russian(rs + f->start[t], f->end[t] - f->start[t]);
    for (int u = 0; an && u < g->ncontent; u++) {
        const char *b = ta_feat_latin(&c->fz, g, u, false, &bn);
        const char *gs = ta_feat_latin(&c->fz, g, u, true, &gn);
        if (copied || (en && !ta_lex_russian(rs + g->start[u], g->end[u] - g->start[u]))) {
            if (an == bn && !strncasecmp(a, b, an)) /* an English form without its 's */
                return true;
            continue;
        }
        /* the English word's Latin forms (whole, stem) and the Russian one's */
        const char *ew = en ? a : b, *estem = en ? as : gs, *rw = en ? b : a, *rstem = en ? gs : as;
        size_t ewn = en ? an : bn, estemn = en ? sn : gn, rwn = en ? bn : an, rstemn = en ? gn : sn;
        size_t base = relational_base(rstem, rstemn);
        bool relational = base && (alike(ew, ewn, rstem, base) || alike(estem, estemn, rstem, base));
        if (relational && en) /* the Russian counterpart: a relational adjective, in lowercase too */
            return true;
        if ((relational || alike_forms(ew, ewn, estem, estemn, rw, rwn, rstem, rstemn)) &&
            counterpart(c, g, u, gt, en)) /* a lookup: asked last */
            return true;
    }
    return false;
}

static int names_of(check_ctx *x, bool en)
{
    ta_checker *c = x->ck;
    const ta_feat *f = en ? &c->fe : &c->fr;
    const char *s = en ? x->cur.en : x->cur.ru;
    for (int t = 0; t < f->ncontent; t++) {
        size_t a = f->start[t], n = f->end[t] - a;
        if ((en ? ta_ev_en(c, t) : ta_ev_ru(c, t)) || !is_name(s, a, f->end[t]) ||
            abbreviated(c, en, s, a, f->end[t]) || !name_parts(c, en, s, a, f->end[t]) ||
            (en ? in_lexicon_en(f, t) : in_lexicon_ru(c, s + a, n)) ||
            latin_alike(c, en, t, x->cur.en, x->cur.ru))
            continue;
        c->scratch.len = 0;
        if (ta_buf_add(&c->scratch, s + a, n))
            return -1;
        if (TA_EMIT_BEAD(x, en ? "en" : "ru", c->scratch.data, NULL,
                         "%s name \"%s\" has no counterpart in %s", en ? "English" : "Russian",
                         c->scratch.data, en ? "Russian" : "English"))
            return -1;
    }
    return 0;
}

int ta_check_name(check_ctx *x)
{
    const ta_bead *b = x->cur.b;
    if (b->en0 == b->en1 || b->ru0 == b->ru1)
        return 0; /* a left-out sentence is reported as such */
    if (ta_bead_evidence(x))
        return -1;
    return names_of(x, true) || names_of(x, false) ? -1 : 0;
}

/* ---- glossary terms ---- */

/* English inflections, the first that fits a word's end taken off (ENDING -> what replaces
 * it), so that the forms of one word meet: a term matches its plural, possessive, past and
 * -ing forms, not its derivations (senator is not Senate, election is not elected, which
 * Snowball's stems join). A final e and a doubled last consonant go too (approve, approved;
 * stop, stopped). */
static const struct {
    const char *ending, *base;
} EN_INFLECTIONS[] = {{"news", "news"}, /* not new: the one -s noun whose base is a word */
                      {"'s", ""},   {"\xe2\x80\x99s", ""}, {"s'", ""},    {"ies", "y"},
                      {"ied", "y"},  {"sses", "ss"},        {"xes", "x"},   {"ches", "ch"},
                      {"shes", "sh"}, {"zes", "z"},         {"oes", "o"},   {"ses", "s"},
                      {"ss", "ss"},  {"us", "us"},          {"is", "is"},   {"s", ""},
                      {"eed", "ee"}, {"ed", ""},            {"ing", ""}};
#define BASE_MIN 3             /* letters a base keeps at least */
#define INFLECTIONS_MAX 2
#define EN_DOUBLED "bdfgmnprt" /* a consonant doubled before -ed, -ing (stopped) */

/* w (lowercase, *n bytes) cut to its English inflectional base in place, *n updated: at most
 * INFLECTIONS_MAX endings off (buildings, building: build). */
static void en_base(char *w, size_t *n)
{
    size_t nk = sizeof EN_INFLECTIONS / sizeof *EN_INFLECTIONS;
    for (int round = 0; round < INFLECTIONS_MAX; round++)
        for (size_t k = 0; k < nk; k++) {
            size_t el = strlen(EN_INFLECTIONS[k].ending), bl = strlen(EN_INFLECTIONS[k].base);
            if (*n >= el && *n - el + bl >= BASE_MIN &&
                !memcmp(w + *n - el, EN_INFLECTIONS[k].ending, el)) {
                memcpy(w + *n - el, EN_INFLECTIONS[k].base, bl);
                *n = *n - el + bl;
                break;
            }
        }
    if (*n > BASE_MIN && w[*n - 1] == 'e')
        --*n;
    if (*n > BASE_MIN && w[*n - 1] == w[*n - 2] && strchr(EN_DOUBLED, w[*n - 1]))
        --*n;
}

/* The stem of the word w[0, n) into tmp: in English its inflectional base (an irregular form,
 * irregular.en, as its base form), in Russian its Snowball stem. 0, or -1 out of memory. */
static int stem_word(ta_checker *c, char lang, const char *w, size_t n, ta_buf *tmp)
{
    int line;
    tmp->len = 0;
    if (lang != 'e')
        return ta_stem(&c->stemmer, lang, w, n, tmp);
    if (ta_u8_lower(tmp, w, n, false))
        return -1;
    if (c->irregular.n && ta_strmap_get(&c->irregular, tmp->data, tmp->len, &line)) {
        const char *base = c->irregular_lines[line] + strlen(c->irregular_lines[line]) + 1;
        tmp->len = 0;
        if (ta_buf_add(tmp, base, strlen(base)))
            return -1;
    }
    en_base(tmp->data, &tmp->len);
    return 0;
}

/* irregular.en: FORM<TAB>BASE lines, kept with the tab made a NUL (the base follows). */
static ta_status irregular_load(ta_checker *c, ta_error *err)
{
    size_t n;
    int *lineno;
    ta_status s = ta_data_lines(c->o.data_dir, "irregular.en", &c->irregular_lines, &n, &lineno,
                                err);
    for (size_t i = 0; s == TA_OK && i < n; i++) {
        char *tab = strchr(c->irregular_lines[i], '\t');
        if (!tab || !tab[1])
            s = ta_fail(err, TA_EFORMAT, "irregular.en, line %d: write FORM<TAB>BASE", lineno[i]);
        else if (*tab = 0, ta_strmap_put(&c->irregular, c->irregular_lines[i],
                                         strlen(c->irregular_lines[i]), (int)i))
            s = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    free(lineno);
    return s;
}

/* " stem stem ... " of the words of s (letters and digits, inner apostrophes; a hyphen
 * separates words: пресс-клуб is пресс клуб) into out. 0, or -1 out of memory. */
static int stems_of(ta_checker *c, char lang, const char *s, size_t n, ta_buf *out, ta_buf *tmp)
{
    out->len = 0;
    if (ta_buf_addc(out, ' '))
        return -1;
    for (size_t i = 0; i < n;) {
        size_t a = i, z = i;
        while (i < n) {
            size_t j = i;
            uint32_t ch = ta_u8_decode(s, n, &j);
            if (!ta_is_alpha(ch) && !ta_is_digit(ch) && !(z > a && ch == '\''))
                break;
            i = j, z = ta_is_alpha(ch) || ta_is_digit(ch) ? j : z;
        }
        if (z > a) {
            tmp->len = 0;
            if (stem_word(c, lang, s + a, z - a, tmp) || ta_buf_add(out, tmp->data, tmp->len) ||
                ta_buf_addc(out, ' '))
                return -1;
            i = z;
        } else
            ta_u8_decode(s, n, &i);
    }
    return 0;
}

static void entry_free(gloss_entry *g)
{
    free(g->en), free(g->ru), free(g->en_stems), free(g->ru_stems);
}

void ta_gloss_release(ta_checker *c)
{
    for (size_t i = 0; i < c->gloss.len; i++)
        entry_free((gloss_entry *)c->gloss.data + i);
    ta_vec_release(&c->gloss);
    ta_stemmer_release(&c->stemmer);
    ta_strmap_release(&c->irregular);
    ta_lines_free(c->irregular_lines);
}

/* One glossary line "EN<TAB>RU" or "EN<TAB>!RU" into g. */
static ta_status gloss_line(ta_checker *c, char *line, int lineno, gloss_entry *g, ta_error *err)
{
    const char *path = c->o.glossary;
    char *tab = strchr(line, '\t');
    if (!tab)
        return ta_fail(err, TA_EFORMAT, "%s, line %d: no tab between the English and the Russian "
                       "term (write EN_TERM<TAB>RU_TERM, or RU_TERM as !RU_TERM when forbidden)",
                       path, lineno);
    *tab = 0;
    char *ru = tab + 1;
    g->forbidden = *ru == '!';
    ru += g->forbidden;
    ru += strspn(ru, " ");
    if (!*line || !*ru)
        return ta_fail(err, TA_EFORMAT, "%s, line %d: an empty term", path, lineno);
    g->en = strdup(line), g->ru = strdup(ru);
    ta_buf *b = &c->scratch;
    if (!g->en || !g->ru || stems_of(c, 'e', line, strlen(line), b, &c->stems_ru) ||
        !(g->en_stems = strdup(b->data)) ||
        stems_of(c, 'r', ru, strlen(ru), b, &c->stems_ru) ||
        !(g->ru_stems = strdup(b->data)))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    return TA_OK;
}

ta_status ta_gloss_load(ta_checker *c, ta_error *err)
{
    if (!c->o.glossary)
        return TA_OK;
    ta_status is = irregular_load(c, err);
    if (is != TA_OK)
        return is;
    char **lines;
    size_t n;
    int *lineno;
    ta_status s = ta_file_lines(c->o.glossary, &lines, &n, &lineno, err);
    for (size_t i = 0; i < n && s == TA_OK; i++) {
        gloss_entry *g = ta_vec_push(&c->gloss);
        s = g ? gloss_line(c, lines[i], lineno[i], g, err) : ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_lines_free(lines);
    free(lineno);
    return s;
}

/* Is the sentence's stem w[0, wn) the term's stem t[0, tn)? In Russian, Snowball may cut a
 * dictionary form shorter than its inflected forms (остров: остр, островов: остров), so one
 * may also be the other plus at most STEM_SLACK letters. English stems must be equal: a
 * looser test takes count for country, press for president. */
static bool same_stem(const char *w, size_t wn, const char *t, size_t tn, bool ru)
{
    if (wn == tn)
        return !memcmp(w, t, wn);
    if (!ru)
        return false;
    const char *lo = wn < tn ? w : t, *hi = wn < tn ? t : w;
    size_t ln = wn < tn ? wn : tn, hn = wn < tn ? tn : wn;
    return ta_u8_count(lo, ln) >= STEM_MIN && !memcmp(lo, hi, ln) &&
           ta_u8_count(hi + ln, hn - ln) <= STEM_SLACK;
}

/* Do the stems of `term` (" a b ") occur in a row among those of the sentence (" x a b y ")? */
static bool has(const ta_buf *sentence, const char *term, bool ru)
{
    const char *s = sentence->data;
    if (!term[1])
        return false;
    for (size_t i = 0; s[i] && s[i + 1]; i++) {
        if (s[i] != ' ')
            continue;
        size_t si = i + 1, ti = 1;
        while (term[ti] && s[si]) {
            size_t wn = strcspn(s + si, " "), tn = strcspn(term + ti, " ");
            if (!same_stem(s + si, wn, term + ti, tn, ru))
                break;
            si += wn + (s[si + wn] == ' '), ti += tn + (term[ti + tn] == ' ');
        }
        if (!term[ti])
            return true;
    }
    return false;
}

/* Is any allowed rendering of the English term with these stems used in the bead? */
static bool allowed_used(const ta_checker *c, const char *en_stems)
{
    const gloss_entry *g = c->gloss.data;
    for (size_t k = 0; k < c->gloss.len; k++)
        if (!g[k].forbidden && !strcmp(g[k].en_stems, en_stems) && has(&c->stems_ru, g[k].ru_stems, true))
            return true;
    return false;
}

/* The allowed renderings of an English term, joined by " / ", into c->scratch. */
static int renderings(ta_checker *c, const char *en_stems)
{
    const gloss_entry *g = c->gloss.data;
    c->scratch.len = 0;
    for (size_t k = 0; k < c->gloss.len; k++)
        if (!g[k].forbidden && !strcmp(g[k].en_stems, en_stems) &&
            ((c->scratch.len && ta_buf_add(&c->scratch, " / ", 3)) ||
             ta_buf_add(&c->scratch, g[k].ru, strlen(g[k].ru))))
            return -1;
    return 0;
}

/* Was an earlier entry about the same English term (reported once per term)? */
static bool seen_before(const ta_checker *c, size_t k)
{
    const gloss_entry *g = c->gloss.data;
    for (size_t i = 0; i < k; i++)
        if (!g[i].forbidden && !strcmp(g[i].en_stems, g[k].en_stems))
            return true;
    return false;
}

int ta_check_term(check_ctx *x)
{
    ta_checker *c = x->ck;
    const ta_bead *b = x->cur.b;
    if (!c->gloss.len || b->en0 == b->en1 || b->ru0 == b->ru1)
        return 0;
    if (stems_of(c, 'e', x->cur.en, x->cur.en_len, &c->stems_en, &c->scratch) ||
        stems_of(c, 'r', x->cur.ru, x->cur.ru_len, &c->stems_ru, &c->scratch))
        return -1;
    const gloss_entry *g = c->gloss.data;
    for (size_t k = 0; k < c->gloss.len; k++) {
        if (!has(&c->stems_en, g[k].en_stems, false))
            continue;
        if (g[k].forbidden && has(&c->stems_ru, g[k].ru_stems, true)) {
            if (TA_EMIT_BEAD(x, "ru", g[k].ru, NULL, "\"%s\" is a forbidden translation of \"%s\"",
                             g[k].ru, g[k].en))
                return -1;
        } else if (!g[k].forbidden && !seen_before(c, k) &&
                   !allowed_used(c, g[k].en_stems)) {
            if (renderings(c, g[k].en_stems) ||
                TA_EMIT_BEAD(x, "en", g[k].en, NULL, "\"%s\" is not translated as \"%s\"",
                             g[k].en, c->scratch.data))
                return -1;
        }
    }
    return 0;
}
