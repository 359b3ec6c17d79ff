/* escape.c — escaping for the writers: XML/HTML entities, JSON strings, plain tab-safe text. */
#include "escape.h"
#include <errno.h>
#include <string.h>

void ta_put_xml(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default:
            if ((c < 0x20 && c != '\t') || c == 0x7F || c == 0xFFFE || c == 0xFFFF ||
                (c >= 0xD800 && c <= 0xDFFF))
                break;
            if (c == 0xFFFD && i - a == 1)
                fputs("\xEF\xBF\xBD", f);
            else
                fwrite(s + a, 1, i - a, f);
        }
    }
}

void ta_put_json_inner(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", (char)c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7F)
            fprintf(f, "\\u%04x", (unsigned)c);
        else if (c == 0xFFFD && i - a == 1)
            fputs("\\ufffd", f);
        else if (c == 0x2028 || c == 0x2029)
            fprintf(f, "\\u%04x", (unsigned)c);
        else
            fwrite(s + a, 1, i - a, f);
    }
}

void ta_put_json(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    ta_put_json_inner(f, s, n);
    fputc('"', f);
}

void ta_put_raw(FILE *f, const char *s, size_t n)
{
    size_t a = 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= '\r' && (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
            fwrite(s + a, 1, i - a, f);
            fputc(' ', f);
            a = i + 1;
        }
    fwrite(s + a, 1, n - a, f);
}

void ta_put_join(FILE *f, const char *const *s, const size_t *len, size_t a, size_t b,
                 void (*put)(FILE *, const char *, size_t))
{
    for (size_t k = a; k < b; k++) {
        if (k > a)
            put(f, " ", 1);
        put(f, s[k], len[k]);
    }
}

ta_status ta_put_done(FILE *f, FILE *f2, ta_error *err)
{
    if (!ferror(f) && !(f2 && ferror(f2)))
        return TA_OK;
    return ta_fail(err, TA_EIO, "write error: %s", errno ? strerror(errno) : "unknown");
}
