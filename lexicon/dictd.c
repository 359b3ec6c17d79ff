/* dictd.c — imports the Mueller English–Russian dictionary (dictd format, .dict.dz read with
 * zlib): headword -> the Russian words of its translations, stemmed, as a lexicon file. */
#include "lexicon.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Russian words kept per headword. */
#define MAX_TARGETS 30
/* A Russian word that translates more than GENERIC_FANIN headwords (время, дело, делать) is
 * evidence only as one of a headword's first GENERIC_RANK translations. */
#define GENERIC_FANIN 100
#define GENERIC_RANK 4
/* Mueller gives single words and phrases ("в то время как"). A phrase's words match unrelated
 * sentences (время, все, этом), so an entry keeps them only when it has fewer single words. */
#define PHRASE_FALLBACK 5
/* The words that decide which American spellings (lexicon/variants.en) of Mueller's British
 * headwords are real: hunspell's en_US dictionary (Debian's hunspell-en-us; without it, none) */
#define US_WORDS "/usr/share/hunspell/en_US.dic"

static bool is_cyr(uint32_t c) { return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451; }

/* Drops [transcriptions], (parentheses) and _labels. from one chunk in place. */
static size_t clean(char *s, size_t n)
{
    size_t w = 0;
    int sq = 0, par = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') sq++;
        else if (c == ']' && sq) { sq--; continue; }
        else if (c == '(') par++;
        else if (c == ')' && par) { par--; continue; }
        if (sq || par)
            continue;
        if (c == '_') { /* a label: _n. _воен. */
            while (i + 1 < n && s[i + 1] != '.' && s[i + 1] != ' ')
                i++;
            if (i + 1 < n && s[i + 1] == '.')
                i++;
            continue;
        }
        s[w++] = c;
    }
    return w;
}

/* One translation chunk (no Latin letters: else an example): appended whole to `shown` (what
 * lookup prints; "|" between translations) unless NULL, and when it has at most max_words
 * words, their stems to `rustem` (the match targets). */
static int add_chunk(ta_stemmer *st, char *s, size_t n, ta_buf *shown, ta_buf *rustem,
                     int *count, int max_words)
{
    n = clean(s, n);
    int words = 0;
    bool in_word = false;
    for (size_t i = 0; i < n;) {
        size_t q = i;
        uint32_t c = ta_u8_decode(s, n, &q);
        if (c < 0x80 && ((c | 32) >= 'a' && (c | 32) <= 'z'))
            return 0; /* an example phrase, not a translation */
        bool cyr = is_cyr(c) || c == '-';
        words += cyr && !in_word;
        in_word = cyr;
        i = q;
    }
    if (!words)
        return 0;
    if (shown) { /* the phrase as it stands, white space collapsed, a sense number dropped */
        size_t e = n;
        while (e > 0 && strchr(" \t0123456789.:", s[e - 1]))
            e--;
        bool space = false, wrote = false;
        for (size_t i = 0; i < e; i++) {
            if (s[i] == ' ' || s[i] == '\t' || s[i] == '|') {
                space = wrote;
                continue;
            }
            if ((!wrote && shown->len && ta_buf_addc(shown, '|')) ||
                (space && ta_buf_addc(shown, ' ')) || ta_buf_addc(shown, s[i]))
                return -1;
            space = false, wrote = true;
        }
    }
    if (words > max_words)
        return 0;
    ta_buf stem = {0};
    int rc = 0;
    for (size_t i = 0; i < n && !rc && *count < MAX_TARGETS;) {
        size_t q = i;
        if (!is_cyr(ta_u8_decode(s, n, &q))) {
            i = q;
            continue;
        }
        size_t a = i, e = i, chars = 0;
        while (e < n) {
            size_t r = e;
            uint32_t c = ta_u8_decode(s, n, &r);
            if (!is_cyr(c) && c != '-')
                break;
            e = r;
            chars++;
        }
        i = e;
        if (chars < 3 || (e - a >= 3 && !memcmp(s + e - 3, "-\xD0\xBB", 3)) || s[e - 1] == '-')
            continue; /* short function words, кого-л., что-л. */
        if (ta_stem(st, 'r', s + a, e - a, &stem) || (rustem->len && ta_buf_addc(rustem, ' ')) ||
            ta_buf_add(rustem, stem.data, stem.len))
            rc = -1;
        (*count)++;
    }
    ta_buf_release(&stem);
    return rc;
}

/* The length of the English word (Latin letters, hyphens) at body[a]. */
static size_t latin_word(const char *body, size_t bn, size_t a)
{
    size_t e = a;
    while (e < bn && (((body[e] | 32) >= 'a' && (body[e] | 32) <= 'z') || body[e] == '-'))
        e++;
    return e - a;
}

/* The English word after "от" in an entry such as "took  _p. от take 1" (0 when none). */
static size_t form_of(const char *body, size_t bn, size_t *start)
{
    for (size_t i = 0; i + 6 < bn; i++)
        if (!memcmp(body + i, "\xD0\xBE\xD1\x82 ", 5) && latin_word(body, bn, i + 5)) { /* "от " */
            *start = i + 5;
            return latin_word(body, bn, i + 5);
        }
    return 0;
}

/* The headword an entry with no translation of its own refers to, "= judgement" after an
 * optional [transcription] (judgment, biased = biassed); 0 when none. */
static size_t xref_of(const char *body, size_t bn, size_t *start)
{
    size_t i = 0;
    while (i < bn && body[i] == ' ')
        i++;
    if (i < bn && body[i] == '[') {
        const char *z = memchr(body + i, ']', bn - i);
        i = z ? (size_t)(z - body) + 1 : bn;
        while (i < bn && body[i] == ' ')
            i++;
    }
    if (i + 2 >= bn || body[i] != '=' || body[i + 1] != ' ')
        return 0;
    *start = i + 2;
    return latin_word(body, bn, i + 2);
}

static int add_entry(ta_stemmer *st, const char *head, size_t hn, const char *body, size_t bn,
                     ta_buf *out, ta_buf *forms, size_t *entries)
{
    for (size_t i = 0; i < hn; i++) /* single English words only */
        if (!(((head[i] | 32) >= 'a' && (head[i] | 32) <= 'z') || head[i] == '-' || head[i] == '\''))
            return 0;
    ta_buf ru = {0}, rustem = {0}, stem = {0};
    int count = 0, rc = 0;
    ta_buf work = {0}; /* add_chunk cleans in place: each pass reads a fresh copy */
    for (int pass = 0; pass < 2 && !rc && (pass == 0 || count < PHRASE_FALLBACK); pass++) {
        rustem.len = work.len = 0, count = 0;
        if (ta_buf_add(&work, body, bn)) {
            rc = -1;
            break;
        }
        char *w = work.data;
        size_t a = 0;
        for (size_t i = 0; i <= bn && !rc; i++) { /* chunks end at ; , and sense numbers */
            bool end = i == bn || w[i] == ';' || w[i] == ',' ||
                       (w[i] == ')' && i > 0 && w[i - 1] >= '0' && w[i - 1] <= '9') ||
                       (w[i] == '.' && i > 0 && w[i - 1] >= '0' && w[i - 1] <= '9');
            if (end) {
                rc = add_chunk(st, w + a, i - a, pass ? NULL : &ru, &rustem, &count,
                               pass ? INT_MAX : 1);
                a = i + 1;
            }
        }
    }
    ta_buf_release(&work);
    size_t fa, fl = count ? 0 : form_of(body, bn, &fa);
    if (!count && !fl)
        fl = xref_of(body, bn, &fa);
    if (!rc && fl) /* an inflected form ("took", "children"): "form\tlemma" for later */
        rc = ta_buf_add(forms, head, hn) || ta_buf_addc(forms, '\t') ||
             ta_buf_add(forms, body + fa, fl) || ta_buf_addc(forms, '\n');
    if (!rc && count && !ta_stem(st, 'e', head, hn, &stem)) {
        rc = ta_buf_add(out, st->low.data, st->low.len) || ta_buf_addc(out, '\t') ||
             ta_buf_add(out, stem.data, stem.len) || ta_buf_addc(out, '\t') ||
             ta_buf_add(out, rustem.data, rustem.len) || ta_buf_addc(out, '\t') ||
             ta_buf_add(out, ru.data, ru.len) || ta_buf_addc(out, '\n');
        (*entries)++;
    }
    ta_buf_release(&ru);
    ta_buf_release(&rustem);
    ta_buf_release(&stem);
    return rc;
}

/* The Russian stems field of an entry line "word\tstem\tRUSTEMS\tru words": [*a, *e). */
static bool stems_field(const char *l, const char *nl, const char **a, const char **e)
{
    const char *t1 = memchr(l, '\t', (size_t)(nl - l));
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(nl - t1 - 1)) : NULL;
    const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(nl - t2 - 1)) : NULL;
    if (!t3)
        return false;
    *a = t2 + 1, *e = t3;
    return true;
}

/* Drops generic translations (see GENERIC_FANIN) from the entry lines in `out`. */
static int drop_generic(ta_buf *out)
{
    ta_strmap fanin = {0};
    ta_buf kept = {0};
    int rc = 0;
    for (int pass = 0; pass < 2 && !rc; pass++) /* count, then copy what is kept */
        for (size_t p = 0; p < out->len && !rc;) {
            const char *l = out->data + p, *nl = memchr(l, '\n', out->len - p), *a, *e;
            if (!nl || !stems_field(l, nl, &a, &e))
                break;
            if (pass)
                rc = ta_buf_add(&kept, l, (size_t)(a - l));
            int rank = 0;
            bool first = true;
            for (const char *w = a; w < e && !rc; rank++) {
                const char *we = memchr(w, ' ', (size_t)(e - w));
                we = we ? we : e;
                int c = 0;
                ta_strmap_get(&fanin, w, (size_t)(we - w), &c);
                if (!pass)
                    rc = ta_strmap_put(&fanin, w, (size_t)(we - w), c + 1);
                else if (rank < GENERIC_RANK || c <= GENERIC_FANIN) {
                    rc = (!first && ta_buf_addc(&kept, ' ')) || ta_buf_add(&kept, w, (size_t)(we - w));
                    first = false;
                }
                w = we + 1;
            }
            if (pass && !rc)
                rc = ta_buf_add(&kept, e, (size_t)(nl + 1 - e));
            p = (size_t)(nl - out->data) + 1;
        }
    ta_strmap_release(&fanin);
    if (rc) {
        ta_buf_release(&kept);
        return -1;
    }
    ta_buf_release(out);
    *out = kept;
    return 0;
}

/* The words of a hunspell dictionary (`dic`: "word/FLAGS" lines) in lower case only, in
 * *words. 0; -1 out of memory (a missing file gives no words). */
static int dic_words(const char *dic, ta_strmap *words)
{
    FILE *f = fopen(dic, "r");
    char line[256];
    int rc = 0;
    bool tail = false; /* the rest of a line longer than `line`: no word */
    while (f && !rc && fgets(line, sizeof line, f)) {
        bool head = !tail;
        tail = !strchr(line, '\n') && !feof(f);
        if (!head)
            continue;
        size_t n = strcspn(line, "/\t\r\n");
        bool lower = n > 0;
        for (size_t i = 0; i < n && lower; i++)
            lower = (line[i] >= 'a' && line[i] <= 'z') || line[i] == '-' || line[i] == '\'';
        if (lower)
            rc = ta_strmap_put(words, line, n, 1);
    }
    if (f)
        fclose(f);
    return rc;
}

/* The line of b ("word\t...\n") at *p: its first field, [*h, *h + *hn); *p moves past it.
 * False at the end of b or at a line without a tab or a newline. */
static bool next_line(const ta_buf *b, size_t *p, const char **h, size_t *hn)
{
    if (*p >= b->len)
        return false;
    const char *l = b->data + *p, *tab = memchr(l, '\t', b->len - *p);
    const char *nl = memchr(l, '\n', b->len - *p);
    if (!tab || !nl)
        return false;
    *h = l, *hn = (size_t)(tab - l), *p = (size_t)(nl - b->data) + 1;
    return true;
}

/* The first fields of the lines of b ("word\t..."), in *heads. 0, or -1 out of memory. */
static int put_heads(const ta_buf *b, ta_strmap *heads)
{
    int rc = 0;
    const char *h;
    size_t hn;
    for (size_t p = 0; !rc && next_line(b, &p, &h, &hn);)
        rc = ta_strmap_put(heads, h, hn, 1);
    return rc;
}

/* American forms of the headwords of `out` (variants.en: British ending -> American; kept
 * when the dictionary `dic` lists the form and neither `out` nor `forms` has it), as
 * "form\tlemma" lines in `forms` for add_forms. */
static ta_status add_variants(const char *dic, const ta_buf *out, ta_buf *forms, ta_error *err)
{
    char **rules;
    size_t nr;
    int *lineno;
    ta_status s = ta_data_lines(NULL, "variants.en", &rules, &nr, &lineno, err);
    if (s != TA_OK)
        return s;
    ta_strmap heads = {0}, us = {0};
    int rc = dic_words(dic, &us) || put_heads(out, &heads) || put_heads(forms, &heads);
    ta_buf v = {0};
    const char *h;
    size_t hn;
    for (size_t p = 0; !rc && next_line(out, &p, &h, &hn);) /* a form made is a headword: once */
        for (size_t k = 0; k < nr && !rc; k++) {
            const char *rt = strchr(rules[k], '\t');
            size_t bn = rt ? (size_t)(rt - rules[k]) : 0;
            if (!rt || bn > hn || memcmp(h + hn - bn, rules[k], bn))
                continue;
            v.len = 0;
            rc = ta_buf_add(&v, h, hn - bn) || ta_buf_add(&v, rt + 1, strlen(rt + 1));
            if (!rc && ta_strmap_get(&us, v.data, v.len, NULL) &&
                !ta_strmap_get(&heads, v.data, v.len, NULL))
                rc = ta_strmap_put(&heads, v.data, v.len, 1) || ta_buf_add(forms, v.data, v.len) ||
                     ta_buf_addc(forms, '\t') || ta_buf_add(forms, h, hn) || ta_buf_addc(forms, '\n');
        }
    ta_buf_release(&v);
    ta_strmap_release(&heads);
    ta_strmap_release(&us);
    ta_lines_free(rules);
    free(lineno);
    return rc ? ta_fail(err, TA_ENOMEM, "out of memory") : TA_OK;
}

/* Gives every inflected form ("took" -> take) the translations of its lemma. */
static int add_forms(ta_stemmer *st, ta_buf *out, const ta_buf *forms, size_t *entries)
{
    ta_strmap lemma = {0}; /* lowercased headword -> offset of its line in out */
    int rc = 0;
    const char *h;
    size_t hn;
    for (size_t p = 0, at = 0; !rc && next_line(out, &p, &h, &hn); at = p)
        if (!ta_strmap_get(&lemma, h, hn, NULL))
            rc = ta_strmap_put(&lemma, h, hn, (int)at);
    ta_buf low = {0}, stem = {0};
    for (size_t p = 0; p < forms->len && !rc;) {
        const char *l = forms->data + p, *tab = memchr(l, '\t', forms->len - p);
        const char *nl = memchr(l, '\n', forms->len - p);
        int off;
        low.len = 0;
        if (tab && nl && !ta_u8_lower(&low, tab + 1, (size_t)(nl - tab - 1), true) &&
            ta_strmap_get(&lemma, low.data, low.len, &off) &&
            !ta_stem(st, 'e', l, (size_t)(tab - l), &stem)) {
            size_t n = 0; /* copy the lemma's Russian fields (after the second tab) */
            const char *src = out->data + off, *f = src;
            for (int k = 0; k < 2; k++)
                f = strchr(f, '\t') + 1;
            while (f[n] != '\n')
                n++;
            size_t foff = (size_t)(f - out->data); /* out may move while growing */
            rc = ta_buf_add(out, st->low.data, st->low.len) || ta_buf_addc(out, '\t') ||
                 ta_buf_add(out, stem.data, stem.len) || ta_buf_addc(out, '\t') ||
                 ta_buf_grow(out, n + 1);
            if (!rc) {
                memcpy(out->data + out->len, out->data + foff, n);
                out->len += n;
                rc = ta_buf_addc(out, '\n');
                (*entries)++;
            }
        }
        if (!tab || !nl)
            break;
        p = (size_t)(nl - forms->data) + 1;
    }
    ta_buf_release(&low);
    ta_buf_release(&stem);
    ta_strmap_release(&lemma);
    return rc;
}

/* The lines of a names file ("China\tКитай, КНР"), entries like Mueller's. */
static ta_status add_names(ta_stemmer *st, const char *path, ta_buf *out, size_t *entries,
                           ta_error *err)
{
    if (path && !*path)
        return TA_OK;
    char **lines;
    size_t n;
    int *lineno;
    const char *name = path ? path : "names.en-ru";
    ta_status s = path ? ta_file_lines(path, &lines, &n, &lineno, err)
                       : ta_data_lines(NULL, name, &lines, &n, &lineno, err);
    if (s != TA_OK)
        return s;
    ta_buf none = {0};
    for (size_t i = 0; i < n && s == TA_OK; i++) {
        char *tab = strchr(lines[i], '\t');
        if (!tab) {
            s = ta_fail(err, TA_EFORMAT, "%s, line %d: no tab between the English and the "
                        "Russian name", name, lineno[i]);
            break;
        }
        if (add_entry(st, lines[i], (size_t)(tab - lines[i]), tab + 1, strlen(tab + 1), out,
                      &none, entries))
            s = ta_fail(err, TA_ENOMEM, "out of memory");
    }
    ta_buf_release(&none);
    ta_lines_free(lines);
    free(lineno);
    return s;
}

ta_status ta_lexicon_build(const char *dict_dz, const char *names, const char *out_path,
                           size_t *entries, ta_error *err)
{
    if (!dict_dz)
        dict_dz = "/usr/share/dictd/mueller7.dict.dz";
    gzFile gz = gzopen(dict_dz, "rb");
    if (!gz)
        return ta_fail(err, TA_EIO, "%s: cannot open (install mueller7-dict: make deps)", dict_dz);
    ta_buf text = {0};
    char tmp[1 << 16];
    int n;
    while ((n = gzread(gz, tmp, sizeof tmp)) > 0)
        if (ta_buf_add(&text, tmp, (size_t)n)) {
            gzclose(gz);
            ta_buf_release(&text);
            return ta_fail(err, TA_ENOMEM, "out of memory");
        }
    int zerr;
    const char *zmsg = gzerror(gz, &zerr);
    gzclose(gz);
    if (n < 0 || (zerr != Z_OK && zerr != Z_STREAM_END)) {
        ta_status s = ta_fail(err, TA_EFORMAT, "%s: %s", dict_dz, zmsg);
        ta_buf_release(&text);
        return s;
    }
    ta_stemmer st = {0};
    ta_buf out = {0}, body = {0}, forms = {0};
    size_t count = 0;
    int rc = 0;
    ta_status s = add_names(&st, names, &out, &count, err); /* first: ahead of Mueller's senses */
    if (s != TA_OK) {
        ta_buf_release(&text);
        ta_buf_release(&out);
        ta_stemmer_release(&st);
        return s;
    }
    const char *p = text.data ? text.data : "", *end = p + text.len, *head = NULL;
    size_t hn = 0;
    while (p <= end && !rc) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        bool indented = p < nl && (*p == ' ' || *p == '\t');
        if (p == end || (!indented && p < nl)) { /* a new headword: flush the previous entry */
            if (head && hn && head[0] != '_' && strncmp(head, "00-database", 11))
                rc = add_entry(&st, head, hn, body.data ? body.data : (char *)"", body.len, &out,
                               &forms, &count);
            head = p, hn = (size_t)(nl - p), body.len = 0;
        } else if (indented)
            rc = ta_buf_add(&body, p, (size_t)(nl - p)) || ta_buf_addc(&body, ' ');
        p = nl + 1;
    }
    if (!rc)
        rc = drop_generic(&out);
    s = rc ? ta_fail(err, TA_ENOMEM, "out of memory") : add_variants(US_WORDS, &out, &forms, err);
    if (s == TA_OK && add_forms(&st, &out, &forms, &count))
        s = ta_fail(err, TA_ENOMEM, "out of memory");
    ta_stemmer_release(&st);
    ta_buf_release(&text);
    ta_buf_release(&body);
    ta_buf_release(&forms);
    if (s == TA_OK)
        s = ta_lexicon_write(out_path, out.data ? out.data : "", out.len, err);
    ta_buf_release(&out);
    if (s == TA_OK && entries)
        *entries = count;
    return s;
}
