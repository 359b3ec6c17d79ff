/* fuzz_write.c — libFuzzer harness for the writers: raw input bytes (any UTF-8, valid or not)
 * as sentences, one a line, written as TMX, JSONL and HTML into memory; the output must be
 * valid UTF-8 without control characters, TMX must close every <seg> it opens, every JSONL
 * line must be one object and the review page holds no script but its own. */
#define _GNU_SOURCE /* open_memstream */
#include "talign.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Valid UTF-8 (no overlongs, surrogates or code points beyond U+10FFFF) and no C0 control
 * characters but tab and line feed? */
static int clean(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n')
                return 0;
            i++;
            continue;
        }
        int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
        if (k < 0 || c > 0xF4)
            return 0;
        unsigned long cp = c & (0x3F >> k);
        for (int q = 1; q <= k; q++) {
            if (i + (size_t)q >= n || (s[i + q] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + q] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += (size_t)k + 1;
    }
    return 1;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p++)
        n++;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *d = (const char *)data;
    const char *s[64];
    size_t len[64], n = 0;
    for (size_t i = 0; i < size && n < 64;) {
        size_t e = i;
        while (e < size && d[e] != '\n')
            e++;
        s[n] = d + i, len[n] = e - i, n++;
        i = e + 1;
    }
    /* English: the first half (and the odd line), Russian: the rest. An odd-sized input also
     * starts with a 2-1 bead and asks for --tmx-sentences (the clause cuts); then 1-1 beads
     * and a null bead for the lines left over. */
    bool cut = size & 1;
    size_t ne = n - n / 2, nr = n / 2, i = 0, j = 0;
    ta_bead beads[64];
    size_t nb = 0;
    if (cut && ne >= 2 && nr >= 1)
        beads[nb++] = (ta_bead){0, 2, 0, 1, 0.9}, i = 2, j = 1;
    for (; i < ne && j < nr; i++, j++)
        beads[nb++] = (ta_bead){(int)i, (int)i + 1, (int)j, (int)j + 1, 0.5};
    if (i < ne || j < nr)
        beads[nb++] = (ta_bead){(int)i, (int)ne, (int)j, (int)nr, 0.1};
    ta_corpus c = {s, len, ne, s + ne, len + ne, nr, beads, nb, 0, "en", "ru", d};
    c.tmx_sentences = cut;
    c.title = "t<i>&\"";
    ta_format fmts[] = {TA_FMT_TMX, TA_FMT_JSONL, TA_FMT_HTML};
    for (int f = 0; f < 3; f++) {
        char *out = NULL;
        size_t olen = 0;
        FILE *m = open_memstream(&out, &olen);
        if (!m)
            return 0;
        if (ta_write(m, fmts[f], &c, NULL) != TA_OK)
            abort();
        fclose(m);
        if (!clean((const unsigned char *)out, olen))
            abort();
        if (fmts[f] == TA_FMT_TMX && count(out, "<seg>") != count(out, "</seg>"))
            abort();
        if (fmts[f] == TA_FMT_JSONL)
            for (char *l = out, *e; *l; l = e + 1) {
                e = strchr(l, '\n');
                if (!e || l[0] != '{' || e[-1] != '}')
                    abort();
            }
        if (fmts[f] == TA_FMT_HTML && (count(out, "<script") != 1 || count(out, "</script") != 1))
            abort(); /* the page's own script only: input shows as text */
        free(out);
    }
    return 0;
}
