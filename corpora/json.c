/* json.c — reading the string values of a flat JSON object (one JSONL record): enough for
 * `talign corpus --stdin-jsonl` and for reading back the corpus writers' JSONL. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 64, HEX_DIGITS = 4 };

typedef struct {
    const char *s;
    size_t n, i;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->i < c->n && strchr(" \t\r\n", c->s[c->i]) && c->s[c->i])
        c->i++;
}

static int hex4(cursor *c, uint32_t *v)
{
    if (c->n - c->i < HEX_DIGITS)
        return -1;
    *v = 0;
    for (int k = 0; k < HEX_DIGITS; k++) {
        char h = c->s[c->i++];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        *v = *v << 4 | (uint32_t)d;
    }
    return 0;
}

/* A string at c->i (the opening quote); decoded into *out when out is not NULL. */
static int string(cursor *c, ta_buf *out)
{
    if (c->i >= c->n || c->s[c->i] != '"')
        return -1;
    c->i++;
    while (c->i < c->n) {
        char ch = c->s[c->i++];
        if (ch == '"')
            return 0;
        if ((unsigned char)ch < 0x20)
            return -1;
        if (ch != '\\') {
            if (out && ta_buf_addc(out, ch))
                return -1;
            continue;
        }
        if (c->i >= c->n)
            return -1;
        char e = c->s[c->i++];
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *p = strchr(from, e);
        uint32_t cp;
        if (p && e) {
            if (out && ta_buf_addc(out, to[p - from]))
                return -1;
            continue;
        }
        if (e != 'u' || hex4(c, &cp))
            return -1;
        if (cp >= 0xD800 && cp < 0xDC00) { /* a high surrogate: its low half should follow */
            uint32_t lo;
            size_t save = c->i;
            if (c->n - c->i >= 2 && c->s[c->i] == '\\' && c->s[c->i + 1] == 'u' &&
                (c->i += 2, !hex4(c, &lo)) && lo >= 0xDC00 && lo < 0xE000)
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else
                c->i = save, cp = 0xFFFD;
        } else if (cp >= 0xDC00 && cp < 0xE000)
            cp = 0xFFFD;
        char u8[4];
        int k = ta_u8_encode(cp, u8);
        if (out && ta_buf_add(out, u8, (size_t)k))
            return -1;
    }
    return -1;
}

/* Skips any value: strings, numbers, literals, arrays and objects (nested). */
static int skip_value(cursor *c, int depth)
{
    skip_ws(c);
    if (c->i >= c->n || depth > MAX_DEPTH)
        return -1;
    char ch = c->s[c->i];
    if (ch == '"')
        return string(c, NULL);
    if (ch == '[' || ch == '{') {
        char close = ch == '[' ? ']' : '}';
        c->i++;
        skip_ws(c);
        if (c->i < c->n && c->s[c->i] == close)
            return c->i++, 0;
        for (;;) {
            if (ch == '{') {
                skip_ws(c);
                if (string(c, NULL))
                    return -1;
                skip_ws(c);
                if (c->i >= c->n || c->s[c->i++] != ':')
                    return -1;
            }
            if (skip_value(c, depth + 1))
                return -1;
            skip_ws(c);
            if (c->i >= c->n)
                return -1;
            char sep = c->s[c->i++];
            if (sep == close)
                return 0;
            if (sep != ',')
                return -1;
        }
    }
    size_t a = c->i; /* number or literal */
    while (c->i < c->n && strchr("0123456789+-.eEtrufalsn", c->s[c->i]) && c->s[c->i])
        c->i++;
    return c->i > a ? 0 : -1;
}

ta_status ta_json_strings(const char *line, size_t len, const char *const *keys, size_t nkeys,
                          char **values, ta_error *err)
{
    for (size_t k = 0; k < nkeys; k++)
        values[k] = NULL;
    cursor c = {line, len, 0};
    ta_buf key = {0}, val = {0};
    ta_status s = TA_OK;
    skip_ws(&c);
    if (c.i >= c.n || line[c.i++] != '{')
        goto bad;
    skip_ws(&c);
    if (c.i < c.n && line[c.i] == '}')
        goto done;
    for (;;) {
        skip_ws(&c);
        key.len = 0;
        if (string(&c, &key))
            goto bad;
        skip_ws(&c);
        if (c.i >= c.n || line[c.i++] != ':')
            goto bad;
        skip_ws(&c);
        size_t want = nkeys;
        for (size_t k = 0; k < nkeys; k++)
            if (key.data && strlen(keys[k]) == key.len && !memcmp(keys[k], key.data, key.len))
                want = k;
        if (want < nkeys) {
            val.len = 0;
            if (c.i >= c.n || line[c.i] != '"' || string(&c, &val))
                goto bad;
            free(values[want]);
            values[want] = malloc(val.len + 1);
            if (!values[want]) {
                s = ta_fail(err, TA_ENOMEM, "out of memory");
                goto fail;
            }
            if (val.len)
                memcpy(values[want], val.data, val.len);
            values[want][val.len] = 0;
        } else if (skip_value(&c, 0))
            goto bad;
        skip_ws(&c);
        if (c.i >= c.n)
            goto bad;
        char sep = line[c.i++];
        if (sep == '}')
            break;
        if (sep != ',')
            goto bad;
    }
done:
    skip_ws(&c);
    if (c.i < c.n)
        goto bad;
    ta_buf_release(&key), ta_buf_release(&val);
    return TA_OK;
bad:
    s = ta_fail_at(err, TA_EFORMAT, c.i, "not a JSON object of strings (byte %zu)", c.i);
fail:
    ta_buf_release(&key), ta_buf_release(&val);
    for (size_t k = 0; k < nkeys; k++)
        free(values[k]), values[k] = NULL;
    return s;
}
