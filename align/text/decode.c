/* decode.c — turns input bytes into UTF-8 NFC text with LF line ends: BOM and encoding
 * detection (UTF-8, UTF-16, CP1251, KOI8-R), conversion with iconv, normalisation with ICU. */
#include "internal.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <iconv.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define SUGGEST "; if the file is in another encoding, name it with --encoding (CP1251, KOI8-R, UTF-16LE ...)"

/* Length of the valid UTF-8 sequence at s[i], 0 when invalid (overlong, surrogate, truncated). */
static size_t utf8_seq(const unsigned char *s, size_t len, size_t i)
{
    unsigned c = s[i];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t min, cp;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    if (i + n > len)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Code points that are NFC whatever surrounds them (Latin-1, Cyrillic, common punctuation):
 * text made only of these needs no ICU pass. */
static bool nfc_stable(uint32_t c)
{
    return c < 0x300 || (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
           (c >= 0x20A0 && c <= 0x20C0) || c == 0x2116 || c == 0x2122 || c == 0xFFFD;
}

/* Per byte of w: 0x80 where the byte is zero, else 0 (exact, no borrow between bytes). */
static uint64_t zero_bytes(uint64_t w)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((w & low7) + low7) | w) & ~low7;
}

/* Eight bytes at s that hold only ASCII (no NUL) and two-byte sequences, none cut at the
 * start: how many of them are whole characters (8, or 7 when the last byte opens a sequence),
 * 0 when the fast test does not apply. With `stable` set, a two-byte character outside the
 * NFC-stable list also sends the block to the slow path. Sets *cr when the block holds a CR. */
static size_t fast_block(const unsigned char *s, bool stable, bool *cr)
{
    const uint64_t highs = 0x8080808080808080ULL;
    uint64_t w;
    memcpy(&w, s, 8);
    *cr |= zero_bytes(w ^ 0x0D0D0D0D0D0D0D0DULL) != 0; /* a CR (a lead byte is none) */
    uint64_t hi = w & highs, b6 = (w << 1) & highs, b5 = (w << 2) & highs;
    uint64_t cont = hi & ~b6, lead = hi & b6 & ~b5;
    if ((hi & b6 & b5) || zero_bytes(w))
        return 0; /* three- and four-byte sequences, NUL */
    /* C0 and C1 open overlong forms: their bits 1-4 are zero */
    if (lead & ~(((w & 0x1E1E1E1E1E1E1E1EULL) + 0x7E7E7E7E7E7E7E7EULL) & highs))
        return 0;
    /* NFC-stable two-byte characters: lead bytes C2-CB (up to U+02FF) and D0, D1 (Cyrillic);
     * the low five bits of a lead are 0x0C or more outside C2-CB */
    uint64_t past_cb = ((w & 0x1F1F1F1F1F1F1F1FULL) + 0x7474747474747474ULL) & highs;
    if (stable && (lead & past_cb &
                   ~zero_bytes((w ^ 0xD0D0D0D0D0D0D0D0ULL) & 0xFEFEFEFEFEFEFEFEULL)))
        return 0; /* a two-byte character that may change under NFC */
    size_t adv = 8;
    if (lead >> 56)
        adv = 7, lead &= 0x00FFFFFFFFFFFFFFULL;
    return (lead << 8) == cont ? adv : 0;
}

/* Bytes before the first invalid UTF-8 sequence or NUL byte (len when there is none): eight
 * bytes at a time while they are ASCII and two-byte forms (Cyrillic). *stable is cleared when
 * a character outside the NFC-stable list occurs (the NFC pass then has work to do); *cr is set
 * when a CR occurs (line ends to rewrite). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t len, bool *stable, bool *cr)
{
    bool st = *stable, r = false; /* locals: s could alias the flags */
    size_t i = 0;
    while (i < len) {
        size_t adv = i + 8 <= len ? fast_block(s + i, st, &r) : 0;
        if (adv) {
            i += adv;
            continue;
        }
        unsigned c = s[i];
        if (c < 0x80) {
            if (!c)
                break;
            r |= c == '\r';
            i++;
        } else if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            if (st && c > 0xCB && c != 0xD0 && c != 0xD1)
                st = nfc_stable((uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F));
            i += 2;
        } else {
            size_t n = utf8_seq(s, len, i), q = i;
            if (!n)
                break;
            if (st)
                st = nfc_stable(ta_u8_decode((const char *)s, len, &q));
            i += n;
        }
    }
    *stable = st;
    *cr |= r;
    return i;
}

/* Guesses a single-byte Cyrillic code page from the commonest letters (о е а и н т с). */
static const char *guess_cyrillic(const unsigned char *s, size_t len, size_t *letters, size_t *high)
{
    static const unsigned char cp1251[] = {0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1};
    static const unsigned char koi8[] = {0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3};
    size_t hist[256] = {0};
    for (size_t i = 0; i < len; i++)
        hist[s[i]]++;
    size_t a = 0, b = 0;
    for (size_t k = 0; k < sizeof cp1251; k++)
        a += hist[cp1251[k]], b += hist[koi8[k]];
    *letters = *high = 0;
    for (int c = 0x80; c < 256; c++) {
        *high += hist[c];
        if (c >= 0xC0)
            *letters += hist[c];
    }
    return a >= b ? "CP1251" : "KOI8-R";
}

/* Sets *enc and the BOM length *skip; *checked tells that the bytes were validated as UTF-8,
 * and then *stable whether they are all NFC-stable and *cr whether they hold a CR. */
static ta_status detect(const unsigned char *s, size_t len, const char **enc, size_t *skip,
                        bool *checked, bool *stable, bool *cr, ta_error *err)
{
    *skip = 0;
    *checked = false;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *enc = "UTF-8", *skip = 3;
        return TA_OK;
    }
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *enc = "UTF-16LE", *skip = 2;
        return TA_OK;
    }
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *enc = "UTF-16BE", *skip = 2;
        return TA_OK;
    }
    /* UTF-16 without BOM: NUL bytes in one byte lane only, whose other bytes are the high
     * bytes of Latin, Cyrillic (0x04) or punctuation (0x20) characters */
    size_t probe = len < 4096 ? len & ~(size_t)1 : 4096, z[2] = {0, 0}, hi[2] = {0, 0};
    for (size_t i = 0; i < probe; i++) {
        z[i & 1] += !s[i];
        hi[i & 1] += !s[i] || s[i] == 0x04 || s[i] == 0x20;
    }
    for (int lane = 0; probe >= 4 && lane < 2; lane++)
        if (z[lane] * 10 >= probe / 2 && hi[lane] * 10 >= (probe / 2) * 9 && z[!lane] * 50 < probe) {
            *enc = lane ? "UTF-16LE" : "UTF-16BE";
            return TA_OK;
        }
    size_t first_bad = SIZE_MAX, bad = 0, good = 0, i = utf8_valid_prefix(s, len, stable, cr);
    if (i == len) {
        *enc = "UTF-8";
        *checked = true;
        return TA_OK;
    }
    for (size_t k = 0; k < i; k++) /* multi-byte characters of the valid prefix */
        good += s[k] >= 0xC2;
    while (i < len) {
        if (!s[i])
            return ta_fail_at(err, TA_EDECODE, i,
                              "NUL byte at byte offset %zu: this looks like a binary file" SUGGEST,
                              i);
        size_t n = utf8_seq(s, len, i);
        if (!n) {
            if (first_bad == SIZE_MAX)
                first_bad = i;
            bad++;
            i++;
        } else {
            good += n > 1;
            i += n;
        }
    }
    if (!bad) {
        *enc = "UTF-8";
        *checked = true;
        return TA_OK;
    }
    size_t letters, high;
    const char *guess = guess_cyrillic(s, len, &letters, &high);
    /* legacy 8-bit text: almost no valid multi-byte sequences, mostly Cyrillic letter bytes */
    if (good * 4 <= bad && letters * 10 >= high * 7) {
        *enc = guess;
        return TA_OK;
    }
    return ta_fail_at(err, TA_EDECODE, first_bad, "invalid UTF-8 at byte offset %zu" SUGGEST,
                      first_bad);
}

static ta_status convert(const char *in, size_t len, const char *enc, ta_buf *out, ta_error *err)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return ta_fail(err, TA_EINVAL, "unknown encoding '%s' (try CP1251, KOI8-R, UTF-16LE)", enc);
    char *ip = (char *)in;
    size_t il = len;
    ta_status st = TA_OK;
    while (il > 0) {
        if (ta_buf_grow(out, il * 2 + 16)) {
            st = ta_fail(err, TA_ENOMEM, "out of memory");
            break;
        }
        char *op = out->data + out->len;
        size_t ol = out->cap - out->len - 1;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        out->len = (size_t)(op - out->data);
        if (r == (size_t)-1 && errno != E2BIG) {
            size_t off = (size_t)(ip - in);
            st = ta_fail_at(err, TA_EDECODE, off,
                            "%s at byte offset %zu: not valid %s" SUGGEST,
                            errno == EINVAL ? "truncated character" : "invalid byte sequence",
                            off, enc);
            break;
        }
    }
    iconv_close(cd);
    if (st == TA_OK && ta_buf_grow(out, 0))
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    if (st == TA_OK)
        out->data[out->len] = 0;
    return st;
}

/* NFC of one line s[0..n) with ICU, appended to out. */
static ta_status nfc_line(const char *s, size_t n, ta_buf *out, ta_error *err)
{
    if (n > INT32_MAX / 4)
        return ta_fail(err, TA_EINVAL, "a line over 500 MB cannot be normalised");
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFCInstance(&ec);
    int32_t ulen = 0, cap, vlen, blen = 0;
    u_strFromUTF8WithSub(NULL, 0, &ulen, s, (int32_t)n, 0xFFFD, NULL, &ec);
    ec = U_ZERO_ERROR;
    cap = ulen * 3 + 16;
    UChar *u = malloc(sizeof(UChar) * ((size_t)ulen + 1)), *v = malloc(sizeof(UChar) * (size_t)cap);
    ta_status st = TA_OK;
    if (!u || !v)
        st = ta_fail(err, TA_ENOMEM, "out of memory");
    else {
        u_strFromUTF8WithSub(u, ulen + 1, NULL, s, (int32_t)n, 0xFFFD, NULL, &ec);
        vlen = unorm2_normalize(n2, u, ulen, v, cap, &ec);
        if (U_SUCCESS(ec))
            u_strToUTF8(NULL, 0, &blen, v, vlen, &ec);
        if (ec == U_BUFFER_OVERFLOW_ERROR)
            ec = U_ZERO_ERROR;
        if (U_FAILURE(ec))
            st = ta_fail(err, TA_EDECODE, "Unicode normalisation failed: %s", u_errorName(ec));
        else if (ta_buf_grow(out, (size_t)blen))
            st = ta_fail(err, TA_ENOMEM, "out of memory");
        else {
            u_strToUTF8(out->data + out->len, blen + 1, NULL, v, vlen, &ec);
            out->len += (size_t)blen;
            out->data[out->len] = 0;
        }
    }
    free(u), free(v);
    return st;
}

/* Bytes of s (valid UTF-8) before the first character outside the NFC-stable list: eight
 * ASCII bytes at a time, Cyrillic (lead bytes D0, D1: U+0400-U+047F) inline. */
static size_t stable_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        uint64_t w;
        if (c < 0x80)
            i += i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ULL)) ? 8 : 1;
        else if ((c == 0xD0 || c == 0xD1) && i + 1 < n)
            i += 2;
        else {
            size_t q = i;
            if (!nfc_stable(ta_u8_decode(str, n, &q)))
                return i;
            i = q;
        }
    }
    return n;
}

/* Is every line with a character outside the NFC-stable list already in NFC? */
static bool already_nfc(const ta_buf *b)
{
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFCInstance(&ec);
    UChar *u = NULL;
    int32_t ucap = 0;
    bool nfc = U_SUCCESS(ec);
    for (size_t p = 0; p < b->len && nfc;) {
        size_t k = p + stable_prefix(b->data + p, b->len - p);
        if (k == b->len)
            break;
        size_t ls = k; /* the line around k */
        while (ls > 0 && b->data[ls - 1] != '\n')
            ls--;
        const char *nl = memchr(b->data + k, '\n', b->len - k);
        size_t e = nl ? (size_t)(nl - b->data) + 1 : b->len;
        int32_t ulen = 0;
        if (e - ls > INT32_MAX / 2)
            nfc = false;
        else if ((int32_t)(e - ls) + 1 > ucap) {
            free(u);
            ucap = (int32_t)(e - ls) + 1;
            if (!(u = malloc(sizeof(UChar) * (size_t)ucap)))
                nfc = false;
        }
        if (nfc) {
            ec = U_ZERO_ERROR;
            u_strFromUTF8WithSub(u, ucap, &ulen, b->data + ls, (int32_t)(e - ls), 0xFFFD, NULL,
                                 &ec);
            nfc = U_SUCCESS(ec) && unorm2_isNormalized(n2, u, ulen, &ec) && U_SUCCESS(ec);
        }
        p = e;
    }
    free(u);
    return nfc;
}

/* NFC, line by line: lines made of NFC-stable code points are copied, the rest go through ICU
 * (normalisation never crosses a line break). */
static ta_status nfc(ta_buf *b, bool known_stable, ta_error *err)
{
    if (known_stable || stable_prefix(b->data, b->len) == b->len)
        return TA_OK; /* the common case: nothing to do */
    if (already_nfc(b))
        return TA_OK; /* characters outside the list, but already in NFC: no copy */
    ta_buf out = {0};
    ta_status st = TA_OK;
    for (size_t p = 0; p < b->len && st == TA_OK;) {
        const char *nl = memchr(b->data + p, '\n', b->len - p);
        size_t e = nl ? (size_t)(nl - b->data) + 1 : b->len;
        if (stable_prefix(b->data + p, e - p) == e - p) {
            if (ta_buf_add(&out, b->data + p, e - p))
                st = ta_fail(err, TA_ENOMEM, "out of memory");
        } else
            st = nfc_line(b->data + p, e - p, &out, err);
        p = e;
    }
    if (st != TA_OK) {
        ta_buf_release(&out);
        return st;
    }
    ta_buf_release(b);
    *b = out;
    return TA_OK;
}

ta_status ta_nfc_buf(ta_buf *b, ta_error *err) { return nfc(b, false, err); }

/* ta_text_decode; when `own` holds the bytes and they are UTF-8, its buffer is taken over
 * rather than copied (own->data is then NULL). */
static ta_status decode(const char *bytes, size_t len, ta_buf *own, const char *encoding,
                        ta_text **out, ta_error *err)
{
    *out = NULL;
    const unsigned char *s = (const unsigned char *)bytes;
    const char *enc = encoding;
    size_t skip = 0;
    bool checked = false, stable = true; /* stable: known NFC-stable (validated UTF-8) */
    bool cr = false, validated = false;  /* validated UTF-8: no NUL; cr: a CR seen */
    ta_status st;
    if (!enc) {
        if ((st = detect(s, len, &enc, &skip, &checked, &stable, &cr, err)) != TA_OK)
            return st;
    } else if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8")) {
        enc = "UTF-8";
        if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
            skip = 3;
    }
    ta_buf b = {0};
    if (!strcmp(enc, "UTF-8")) {
        size_t i = checked ? len : skip + utf8_valid_prefix(s + skip, len - skip, &stable, &cr);
        if (i < len)
            return ta_fail_at(err, TA_EDECODE, i, "%s at byte offset %zu" SUGGEST,
                              s[i] ? "invalid UTF-8" : "NUL byte", i);
        validated = true;
        if (own && own->data == bytes) /* the BOM, if any, goes with U+FEFF below */
            b = *own, own->data = NULL, own->len = own->cap = 0;
        else if (ta_buf_add(&b, bytes + skip, len - skip))
            return ta_fail(err, TA_ENOMEM, "out of memory");
    } else if ((st = convert(bytes + skip, len - skip, enc, &b, err)) != TA_OK) {
        if (err && err->has_offset)
            err->offset += skip;
        ta_buf_release(&b);
        return st;
    }
    /* a UTF-16 BOM decodes to U+FEFF; NUL characters mean binary data */
    size_t start = (b.len >= 3 && !memcmp(b.data, "\xEF\xBB\xBF", 3)) ? 3 : 0;
    size_t w = b.len; /* the common case: neither, nothing to rewrite */
    if (validated ? cr : b.len > start && (memchr(b.data + start, '\r', b.len - start) ||
                                           memchr(b.data + start, 0, b.len - start)))
        w = start;
    for (size_t r = w; r < b.len; r++) {
        char c = b.data[r];
        if (!c) {
            ta_buf_release(&b);
            return ta_fail(err, TA_EDECODE, "NUL character in the decoded %s text: a binary file?"
                           SUGGEST, enc);
        }
        if (c == '\r') {
            c = '\n';
            if (r + 1 < b.len && b.data[r + 1] == '\n')
                r++;
        }
        b.data[w++] = c;
    }
    b.len = w;
    if (b.data)
        b.data[w] = 0;
    /* a vertical tab is Word's manual line break: a space between words, not a character to
     * drop ("line\vcontinues" is two words) */
    for (char *p = b.len ? memchr(b.data, '\v', b.len) : NULL; p;
         p = memchr(p + 1, '\v', b.len - (size_t)(p + 1 - b.data)))
        *p = ' ';
    if ((st = nfc(&b, !strcmp(enc, "UTF-8") && stable, err)) != TA_OK) {
        ta_buf_release(&b);
        return st;
    }
    ta_text *t = calloc(1, sizeof *t);
    if (!t || (!b.data && ta_buf_grow(&b, 0))) {
        free(t);
        ta_buf_release(&b);
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    b.data[b.len] = 0;
    t->data = b.data;
    t->len = b.len;
    snprintf(t->encoding, sizeof t->encoding, "%s", enc);
    *out = t;
    return TA_OK;
}

ta_status ta_text_decode(const char *bytes, size_t len, const char *encoding, ta_text **out,
                         ta_error *err)
{
    return decode(bytes, len, NULL, encoding, out, err);
}

/* A named pipe (or a shell's <(...)): opened without blocking, then read once a writer has
 * sent something or closed, waiting at most `secs` seconds so that a pipe nobody writes to gets
 * a message rather than a hang. */
static ta_status open_fifo(const char *path, unsigned secs, FILE **f, ta_error *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return ta_fail(err, TA_EIO, "cannot open: %s", strerror(errno));
    const unsigned max_secs = INT_MAX / 1000; /* poll's timeout is an int of milliseconds */
    secs = secs > max_secs ? max_secs : secs;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r = poll(&p, 1, (int)secs * 1000);
    int fl = fcntl(fd, F_GETFL);
    if (r <= 0 || fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || !(*f = fdopen(fd, "rb"))) {
        close(fd);
        return r == 0 ? ta_fail(err, TA_EIO, "a pipe nothing was written to in %u s", secs)
                      : ta_fail(err, TA_EIO, "cannot read the pipe: %s", strerror(errno));
    }
    return TA_OK;
}

/* A buffer of `cap` bytes for a file's contents. Large ones are aligned to 2 MB and marked for
 * huge pages: a few page faults instead of one per 4 KB (a third of the reading time). */
static int alloc_for_file(ta_buf *b, size_t cap)
{
    const size_t huge = (size_t)2 << 20;
    if (cap < 4 * huge)
        return ta_buf_grow(b, cap);
    void *p;
    if (posix_memalign(&p, huge, cap))
        return -1;
#ifdef MADV_HUGEPAGE
    madvise(p, cap / huge * huge, MADV_HUGEPAGE);
#endif
    b->data = p, b->len = 0, b->cap = cap;
    return 0;
}

ta_status ta_text_load(const char *path, const char *encoding, unsigned fifo_wait, ta_text **out,
                       ta_error *err)
{
    *out = NULL;
    FILE *f = stdin;
    if (strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) != 0)
            return ta_fail(err, TA_EIO, "cannot open: %s", strerror(errno));
        if (S_ISDIR(st.st_mode))
            return ta_fail(err, TA_EIO, "is a directory, not a text file");
        ta_status s = S_ISFIFO(st.st_mode)
                          ? open_fifo(path, fifo_wait ? fifo_wait : TA_FIFO_WAIT_DEFAULT, &f, err)
                      : (f = fopen(path, "rb")) ? TA_OK
                      : ta_fail(err, TA_EIO, "cannot open: %s", strerror(errno));
        if (s != TA_OK)
            return s;
    }
    ta_buf b = {0};
    struct stat fs;
    if (f != stdin && fstat(fileno(f), &fs) == 0 && S_ISREG(fs.st_mode) && fs.st_size > 0 &&
        alloc_for_file(&b, (size_t)fs.st_size + 2)) { /* one read straight into place */
        fclose(f);
        return ta_fail(err, TA_ENOMEM, "out of memory while reading");
    }
    char tmp[1 << 16];
    size_t n;
    if (b.cap) {
        while (b.len + 1 < b.cap && (n = fread(b.data + b.len, 1, b.cap - 1 - b.len, f)) > 0)
            b.len += n;
        b.data[b.len] = 0;
    }
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (ta_buf_add(&b, tmp, n)) {
            if (f != stdin)
                fclose(f);
            ta_buf_release(&b);
            return ta_fail(err, TA_ENOMEM, "out of memory while reading");
        }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        ta_buf_release(&b);
        return ta_fail(err, TA_EIO, "read error: %s", strerror(errno));
    }
    ta_status s = decode(b.data ? b.data : "", b.len, &b, encoding, out, err);
    ta_buf_release(&b);
    return s;
}

const char *ta_text_data(const ta_text *t, size_t *len)
{
    if (len)
        *len = t->len;
    return t->data;
}

const char *ta_text_encoding(const ta_text *t) { return t->encoding; }

void ta_text_free(ta_text *t)
{
    if (!t)
        return;
    free(t->data);
    free(t);
}
