/* test_decode.c — encodings, BOMs, line ends, NFC and undecodable input. */
#include "testutil.h"
#include <criterion/criterion.h>

static const char ru_utf8[] = "Москва, 22 июня. /ТАСС/. Ёлка и \"кавычки\" в новостях.\n";

static char *decode(const char *bytes, size_t len, const char *enc, ta_status *st, ta_error *err)
{
    ta_text *t = NULL;
    *st = ta_text_decode(bytes, len, enc, &t, err);
    if (*st != TA_OK)
        return NULL;
    char *out = strdup(ta_text_data(t, NULL));
    ta_text_free(t);
    return out;
}

/* converts ru_utf8 with iconv into `enc` (test helper; the library is under test, not iconv) */
#include <iconv.h>
static size_t encode(const char *enc, char *out, size_t cap)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    char *in = (char *)ru_utf8, *op = out;
    size_t il = strlen(ru_utf8), ol = cap;
    iconv(cd, &in, &il, &op, &ol);
    iconv_close(cd);
    return cap - ol;
}

Test(decode, same_text_from_every_encoding)
{
    const char *encs[] = {"UTF-8", "CP1251", "KOI8-R", "UTF-16LE", "UTF-16BE"};
    for (size_t k = 0; k < 5; k++) {
        char buf[512];
        size_t n = 0;
        if (k >= 3) { /* with a BOM */
            buf[0] = k == 3 ? (char)0xFF : (char)0xFE;
            buf[1] = k == 3 ? (char)0xFE : (char)0xFF;
            n = 2;
        }
        n += encode(encs[k], buf + n, sizeof buf - n);
        ta_status st;
        char *got = decode(buf, n, NULL, &st, NULL);
        cr_assert_eq(st, TA_OK, "%s", encs[k]);
        cr_assert_str_eq(got, ru_utf8, "%s", encs[k]);
        free(got);
    }
}

Test(decode, utf8_bom_is_dropped)
{
    char buf[256] = "\xEF\xBB\xBF";
    strcat(buf, ru_utf8);
    ta_status st;
    char *got = decode(buf, strlen(buf), NULL, &st, NULL);
    cr_assert_str_eq(got, ru_utf8);
    free(got);
}

Test(decode, utf16_without_bom)
{
    char buf[512];
    size_t n = encode("UTF-16LE", buf, sizeof buf);
    ta_status st;
    char *got = decode(buf, n, NULL, &st, NULL);
    cr_assert_eq(st, TA_OK);
    cr_assert_str_eq(got, ru_utf8);
    free(got);
}

Test(decode, crlf_and_cr_become_lf)
{
    ta_status st;
    char *got = decode("a\r\nb\rc\n", 7, NULL, &st, NULL);
    cr_assert_str_eq(got, "a\nb\nc\n");
    free(got);
}

/* A CR at every position of a long line (the eight-byte path notes it) becomes LF */
Test(decode, cr_anywhere_in_a_block)
{
    for (size_t at = 0; at < 20; at++) {
        char in[128] = "", want[128] = "";
        for (size_t i = 0; i < at; i++)
            strcat(in, "a"), strcat(want, "a");
        strcat(in, "\rПривет мир, строка"), strcat(want, "\nПривет мир, строка");
        ta_status st;
        char *got = decode(in, strlen(in), NULL, &st, NULL);
        cr_assert_str_eq(got, want, "at %zu", at);
        free(got);
        got = decode(in, strlen(in), "UTF-8", &st, NULL);
        cr_assert_str_eq(got, want, "named, at %zu", at);
        free(got);
    }
}

Test(decode, nfc)
{
    ta_status st; /* e + combining acute -> é; и + combining breve -> й */
    char *got = decode("e\xCC\x81 \xD0\xB8\xCC\x86", 8, NULL, &st, NULL);
    cr_assert_str_eq(got, "\xC3\xA9 \xD0\xB9");
    free(got);
    for (size_t at = 0; at < 12; at++) { /* inside a long line, at every alignment */
        char in[128] = "", want[128] = "";
        for (size_t i = 0; i < at; i++)
            strcat(in, "a"), strcat(want, "a");
        strcat(in, "«Мои\xCC\x86 мир» строка"), strcat(want, "«Мой мир» строка");
        got = decode(in, strlen(in), NULL, &st, NULL);
        cr_assert_str_eq(got, want, "at %zu", at);
        free(got);
    }
}

Test(decode, invalid_utf8_reports_offset)
{
    ta_status st;
    ta_error err = {0};
    char *got = decode("Hello \xD0\x9C\xD0 world \xD0\x9C", 16, NULL, &st, &err);
    cr_assert_null(got);
    cr_assert_eq(st, TA_EDECODE);
    cr_assert(err.has_offset);
    cr_assert_eq(err.offset, 8);
    cr_assert(strstr(err.message, "--encoding"));
}

Test(decode, invalid_classes_are_refused)
{
    const char *bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80", "\xF5\x80\x80\x80",
                         "ok \xE0\x80\xAF"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        ta_status st;
        char *got = decode(bad[k], strlen(bad[k]), "UTF-8", &st, NULL);
        cr_assert_eq(st, TA_EDECODE, "case %zu", k);
        cr_assert_null(got);
    }
}

/* Each bad sequence at every position of a long Cyrillic line (the eight-byte fast path):
 * refused with the offset of its first byte, detected or named UTF-8 alike */
Test(decode, invalid_utf8_anywhere_in_a_block)
{
    const char *bad[] = {"\xC0\xAF", "\xC1\x81", "\xD0", "\x80", "\xD0 ", "\xD0\xD0\x9C"};
    const char *line = "Привет мир, это строка ru";
    /* after a Greek letter (not on the NFC-stable list) the fast path checks less */
    for (int greek = 0; greek < 2; greek++)
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
        for (size_t at = 0; at < 24; at++) {
            char buf[128];
            size_t n = 0;
            if (greek)
                n += (size_t)sprintf(buf, "\xCE\xB1");
            for (size_t i = 0; i < at; i++) /* whole characters only: ASCII padding */
                buf[n++] = 'a';
            n += (size_t)sprintf(buf + n, "%s%s", bad[k], line);
            at += greek ? 2 : 0;
            for (int named = 0; named < 2; named++) {
                ta_status st;
                ta_error err = {0};
                char *got = decode(buf, n, named ? "UTF-8" : NULL, &st, &err);
                cr_assert_null(got, "case %zu at %zu", k, at);
                cr_assert_eq(st, TA_EDECODE, "case %zu at %zu", k, at);
                if (named)
                    cr_assert_eq(err.offset, at, "case %zu at %zu: %zu", k, at, err.offset);
            }
            at -= greek ? 2 : 0;
        }
    ta_status st;
    char *got = decode("Привет мир, это строка", strlen("Привет мир, это строка"), NULL, &st,
                       NULL);
    cr_assert_str_eq(got, "Привет мир, это строка");
    free(got);
}

/* Much valid UTF-8, then a few bad bytes: an error at the first, not a guess of CP1251 */
Test(decode, bad_bytes_after_valid_utf8_are_no_legacy_text)
{
    char buf[4096] = "";
    for (int k = 0; k < 3; k++)
        strcat(buf, "A caf\xC3\xA9 in Paris. ");
    size_t at = strlen(buf);
    strcat(buf, "\xEE\xF2\xE5\xF6"); /* "отец" in CP1251 */
    ta_status st;
    ta_error err = {0};
    char *got = decode(buf, strlen(buf), NULL, &st, &err);
    cr_assert_null(got);
    cr_assert_eq(st, TA_EDECODE);
    cr_assert_eq(err.offset, at);
}

Test(decode, nul_byte_is_binary)
{
    ta_status st;
    ta_error err = {0};
    cr_assert_null(decode("abc\0def", 7, NULL, &st, &err));
    cr_assert_eq(st, TA_EDECODE);
    cr_assert_eq(err.offset, 3);
}

Test(decode, empty_input)
{
    ta_status st;
    char *got = decode("", 0, NULL, &st, NULL);
    cr_assert_eq(st, TA_OK);
    cr_assert_str_eq(got, "");
    free(got);
}

Test(decode, explicit_encoding_and_unknown_name)
{
    ta_status st;
    char *got = decode("\xCC\xEE\xF1\xEA\xE2\xE0", 6, "CP1251", &st, NULL);
    cr_assert_str_eq(got, "Москва");
    free(got);
    cr_assert_null(decode("abc", 3, "NO-SUCH-ENC", &st, NULL));
    cr_assert_eq(st, TA_EINVAL);
}

Test(decode, load_missing_file_and_directory)
{
    ta_text *t = NULL;
    ta_error err = {0};
    cr_assert_eq(ta_text_load("/nonexistent/file.txt", NULL, 0, &t, &err), TA_EIO);
    cr_assert_eq(ta_text_load("/", NULL, 0, &t, &err), TA_EIO);
    cr_assert_null(t);
    ta_text_free(NULL);
}

Test(decode, encoding_is_reported)
{
    ta_text *t = NULL;
    cr_assert_eq(ta_text_decode("\xEE\xEA\xEE", 3, NULL, &t, NULL), TA_OK);
    cr_assert_str_eq(ta_text_encoding(t), "CP1251");
    ta_text_free(t);
}

/* Russian text encoded as CP1251 and those bytes read as Latin-1: "Ðåöåíçèÿ" */
Test(decode, mojibake_detected_and_repaired)
{
    const char *ru = "Рецензия на спектакль: старинное описание поражения.\nВторая строка.\n";
    char cp[256], moji[512];
    iconv_t a = iconv_open("CP1251", "UTF-8"), b = iconv_open("UTF-8", "ISO-8859-1");
    char *in = (char *)ru, *op = cp;
    size_t il = strlen(ru), ol = sizeof cp;
    iconv(a, &in, &il, &op, &ol);
    size_t cl = sizeof cp - ol;
    in = cp, il = cl, op = moji, ol = sizeof moji - 1;
    iconv(b, &in, &il, &op, &ol);
    *op = 0;
    iconv_close(a), iconv_close(b);
    ta_text *t;
    cr_assert_eq(ta_text_decode(moji, strlen(moji), NULL, &t, NULL), TA_OK);
    cr_assert(ta_text_mojibake(t));
    size_t fixed = 0;
    cr_assert_eq(ta_text_repair_mojibake(t, &fixed, NULL), TA_OK);
    cr_assert_eq(fixed, 2);
    cr_assert_str_eq(ta_text_data(t, NULL), ru);
    cr_assert_not(ta_text_mojibake(t));
    ta_text_free(t);
    const char *fr = "Café crème, brûlée à la française: déjà vu, où êtes-vous? Très bien.";
    cr_assert_eq(ta_text_decode(fr, strlen(fr), NULL, &t, NULL), TA_OK);
    cr_assert_not(ta_text_mojibake(t), "French is not mojibake");
    cr_assert_eq(ta_text_repair_mojibake(t, &fixed, NULL), TA_OK);
    cr_assert_eq(fixed, 0);
    cr_assert_str_eq(ta_text_data(t, NULL), fr);
    ta_text_free(t);
}

Test(decode, every_status_has_a_name)
{
    const char *seen[TA_EINVAL + 1];
    for (int s = TA_OK; s <= TA_EINVAL; s++) {
        seen[s] = ta_strerror((ta_status)s);
        cr_assert(seen[s] && *seen[s]);
        for (int q = 0; q < s; q++)
            cr_assert_str_neq(seen[q], seen[s]);
    }
    cr_assert_not_null(ta_strerror((ta_status)99));
}
