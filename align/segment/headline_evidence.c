/* headline_evidence.c — the evidence for a headline end the rules of headline.c read: a
 * dateline, a quoted sentence, a site suffix, the headline's words or names repeated in the
 * lead, an apposition before the headline's name, a Title Case run. */
#define _GNU_SOURCE /* memmem */
#include "headwords.h"
#include <string.h>

bool ta_hl_day_dateline(const char *t, size_t n, size_t ws)
{
    size_t k = ws;
    while (k < n && k - ws < 2 && ta_is_digit((unsigned char)t[k]))
        k++;
    if (k == ws || k >= n || t[k] != ' ')
        return false;
    size_t m = ++k;
    while (k < n && ta_is_lower(ta_u8_decode(t, n, &(size_t){k})))
        ta_u8_decode(t, n, &k);
    if (k - m < 3 || k >= n)
        return false;
    k += t[k] == ' ';
    if (k >= n || t[k] != '(')
        return false;
    size_t a = ++k;
    while (k < n && k - a < 20 && ta_is_upper(ta_u8_decode(t, n, &(size_t){k})))
        ta_u8_decode(t, n, &k);
    if (k == a || k + 3 >= n || t[k] != ')' || t[k + 1] != ' ')
        return false;
    k += 2;
    return t[k] == '-' || (k + 3 <= n && (!memcmp(t + k, "\xE2\x80\x93", 3) ||
                                          !memcmp(t + k, "\xE2\x80\x94", 3)));
}

bool ta_hl_dateline_like(const char *t, size_t n, size_t ws, bool head)
{
    size_t k = ws, words = 0, upper_words = 0; /* upper: "ISLAMABAD", not "Luanda" */
    bool caps = true, digits = false;
    while (k < n && k - ws < 60 && words < 6) {
        size_t q = k;
        uint32_t c = ta_u8_decode(t, n, &q);
        bool day = k > ws && ta_is_digit(c); /* "July 25 (UPI) --" */
        if ((!ta_is_upper(c) && !day) || (k == ws && q < n && t[q] == '.'))
            return false; /* "of S. F., Cal., declare": initials, no city */
        size_t we = k;
        bool lower = false;
        while (we < n && t[we] != ' ' && t[we] != ',') {
            size_t r = we;
            digits |= ta_is_digit((unsigned char)t[we]);
            bool low = ta_is_lower(ta_u8_decode(t, n, &r));
            if (low && we > k + 1)
                caps = false; /* a lowercase letter past the first two bytes ("Va." passes) */
            lower |= low && we > k;
            we = r;
        }
        words += !day;
        upper_words += !lower && !day;
        if (head && upper_words == words && !digits && we > k + 1 && t[we - 1] == '.' &&
            we + 1 < n && t[we] == ' ' && ta_u8_count(t + k, we - 1 - k) >= 5) {
            size_t r = we + 1; /* "СИЭТЛ. Спустя": a city, not "ЕС.", "GT4 RUSSIA." */
            return ta_is_upper(ta_u8_decode(t, n, &r));
        }
        if (we < n && t[we] == ',') {
            size_t r = we + 1;
            while (r < n && t[r] == ' ')
                r++;
            return !day && caps && words <= 3 && we - ws >= 3 && r < n &&
                   ta_is_upper(ta_u8_decode(t, n, &r)); /* not "school No. 30, Dmitry" */
        }
        k = we;
        while (k < n && t[k] == ' ')
            k++;
        if (k < n && t[k] == '(') { /* "(AP)", "(Reuters)" */
            while (k < n && t[k] != ')')
                k++;
            k++;
            if (head && upper_words == words && k + 2 < n && t[k] == '.' && t[k + 1] == ' ') {
                size_t r = k + 2; /* "ХУРУПА-ВАЛЛИ (CBSLA). В субботу" */
                return ta_is_upper(ta_u8_decode(t, n, &r));
            }
            while (k < n && t[k] == ' ')
                k++;
        }
        size_t dl = k + 1 < n && t[k] == '-' ? (t[k + 1] == '-' ? 2 : 1)
                    : k + 3 <= n && (!memcmp(t + k, "\xE2\x80\x94", 3) ||
                                     !memcmp(t + k, "\xE2\x80\x93", 3)) ? 3 : 0;
        if (dl && k + dl + 1 < n && t[k + dl] == ' ') {
            size_t r = k + dl + 1; /* one style: "JURUPA VALLEY -", "Luanda -", not "Kabul KABUL -";
                                    * past the headline in capitals only ("Hagia Sophia - I") */
            size_t ae = r;
            while (ae < n && t[ae] != ' ')
                ae++;
            if (upper_words == 0 && ta_is_acronym(t, r, ae))
                return false; /* a site name: "... Joe Biden - RT USA News" */
            return (upper_words == words || (upper_words == 0 && head && words == 1)) &&
                   ta_is_upper(ta_u8_decode(t, n, &r)); /* "Luanda -", not "Health Ministry
                                                          * Luanda -" */
        }
    }
    return false;
}

bool ta_hl_starts_with_starter(const ta_headliner *h, const char *t, size_t n, size_t ws,
                                size_t *end)
{
    const char *sp = memchr(t + ws, ' ', n - ws);
    size_t fl = sp ? (size_t)(sp - t) - ws : n - ws;
    if (fl > 1 && t[ws + fl - 1] == ',')
        fl--;
    if (!ta_strmap_get(&h->first, t + ws, fl, NULL))
        return false;
    char **starters = h->starters;
    for (size_t m = 0; starters && starters[m]; m++) {
        if (starters[m][0] != t[ws] || (starters[m][1] && ws + 1 < n && starters[m][1] != t[ws + 1]))
            continue; /* two bytes: all Cyrillic capitals share the first */
        size_t sl = strlen(starters[m]);
        if (ws + sl < n && !memcmp(t + ws, starters[m], sl) &&
            (t[ws + sl] == ' ' || (t[ws + sl] == ',' && ws + sl + 1 < n && t[ws + sl + 1] == ' '))) {
            *end = ws + sl + 1 + (t[ws + sl] == ','); /* "Today, July 26" */
            return true;
        }
    }
    return false;
}

bool ta_headliner_starter(const ta_headliner *h, const char *t, size_t n, size_t ws)
{
    size_t end;
    return ta_hl_starts_with_starter(h, t, n, ws, &end);
}

bool ta_headliner_stopword(ta_headliner *h, const char *w, size_t n)
{
    return ta_hl_is_stopword(h, w, n);
}

bool ta_hl_same_words(const char *t, size_t n, size_t a, size_t b, int k)
{
    for (int i = 0; i < k; i++) {
        if (a >= n || b >= n)
            return false;
        size_t ae = ta_hl_token_end(t, n, a), be = ta_hl_token_end(t, n, b), as = a, bs = b;
        size_t ac = ta_hl_word_core(t, &as, ae), bc = ta_hl_word_core(t, &bs, be);
        if (ac - as != bc - bs || ac == as || memcmp(t + as, t + bs, ac - as))
            return false;
        a = ae + 1, b = be + 1;
    }
    return true;
}

bool ta_hl_repeated(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                     bool first, bool prev_upper, size_t wa, size_t wz, size_t words)
{
    size_t ps = ta_token_start(t, from, w - 1), pps = ps > from + 1 ? ta_token_start(t, from, ps - 1) : ps;
    if (pps < ps && ta_hl_same_words(t, n, pps, ws, 2) && ws - pps > 6)
        return true;
    size_t we = ta_hl_token_end(t, n, ws); /* after a preposition: "... в Волгоградской области | В
                                      * Волгоградской области бесследно" */
    if (pps < ps && ta_u8_count(t + ws, we - ws) <= 2 && we + 1 < n && ws - pps > 6 &&
        ta_hl_same_words(t, n, pps, we + 1, 2))
        return true;
    size_t fe = ta_hl_token_end(t, n, from), fs = from, fc = ta_hl_word_core(t, &fs, fe);
    if (!first || words > 20 || fc - fs < 4 ||
        (prev_upper && !(wz > wa && ta_hl_common_word(h, t + wa, wz - wa))))
        return false;
    /* not an apposition: "Manchester United star | Paul Pogba" */
    size_t q = pps;
    if (pps < ps && ta_is_upper(ta_u8_decode(t, n, &q)))
        return false;
    return ta_hl_same_words(t, n, from, ws, 2);
}

/* The end of the core of the token at a, without a final "'s" ("Raykar's" -> "Raykar"). */
static size_t core_end(const char *t, size_t n, size_t *a)
{
    size_t z = ta_hl_word_core(t, a, ta_hl_token_end(t, n, *a));
    return z > *a + 1 && !memcmp(t + z - 2, "'s", 2) ? z - 2 : z;
}

/* The first token of t[from, e) whose core (as core_end() cuts it) is w[0, wn); e if none. */
static size_t word_among(const char *t, size_t from, size_t e, const char *w, size_t wn)
{
    for (size_t v = from; v < e; v = ta_hl_token_end(t, e, v) + 1) {
        size_t vs = v, vc = core_end(t, e, &vs);
        if (vc - vs == wn && !memcmp(t + vs, w, wn))
            return v;
    }
    return e;
}

bool ta_hl_name_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t w, size_t ws,
                      size_t *at)
{
    for (size_t i = from; i + 1 < w; i++) /* a headline has no sentence end inside */
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ')
            return false;
    size_t u = ws;
    for (int k = 0; k < 6 && u < n; k++) {
        size_t ue = ta_hl_token_end(t, n, u), us = u, uc = core_end(t, n, &us);
        size_t q = us;
        if (k > 0 && ta_hl_starts_with_starter(h, t, n, us, &q))
            return false; /* the lead starts later: "celebrates | Roger Taylor's birthday The
                           * Queen legend shares" */
        q = us;
        if (uc - us >= 4 && ta_is_upper(ta_u8_decode(t, n, &q)) &&
            !ta_hl_is_stopword(h, t + us, uc - us) && !ta_hl_starts_with_starter(h, t, n, us, &q) &&
            word_among(t, from, w, t + us, uc - us) < w) {
            *at = u;
            return true;
        }
        u = ue + 1;
    }
    return false;
}

bool ta_hl_apposition_lead(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                            size_t ws, bool prev_lower)
{
    size_t u = ws;
    int aff = 0, names = 0;
    bool title = false, hit = false;
    for (int k = 0; u < n; k++) {
        size_t ue = ta_hl_token_end(t, n, u), us = u, uc = ta_hl_word_core(t, &us, ue), q = us;
        if (k == 10)
            return false; /* an apposition is short */
        if (uc == us)
            return false;
        size_t cs = uc - us > 3 && !memcmp(t + us, "ex-", 3) ? us + 3 : us;
        uint32_t c = ta_u8_decode(t, uc, &q);
        bool is_title = ta_hl_in_map(h, &h->titles, t + cs, uc - cs);
        if (ta_is_lower(c) && !is_title)
            break;
        if (!ta_is_upper(c) && !is_title)
            return false;
        if (is_title)
            title = true;
        else if (!title) {
            if (++aff > (prev_lower ? 2 : 1) || uc < ue)
                return false; /* the affiliation: "Washington", "Manchester United" */
        } else {
            size_t nz = uc > us + 1 && !memcmp(t + uc - 2, "'s", 2) ? uc - 2 : uc;
            hit = hit || (nz - us >= 4 && word_among(t, from, w, t + us, nz - us) < w);
            if (++names > 3)
                return false;
        }
        u = ue + 1;
    }
    return title && hit && u < n;
}

bool ta_hl_lead_repeats_headline(const char *t, size_t from, size_t w, size_t to)
{
    if (to - w > 2000)
        to = w + 2000; /* linear time on a long line */
    size_t a = w; /* the start of the fifth word back */
    for (int k = 0; k < 5; k++) {
        if (a <= from + 1)
            return false;
        a = ta_token_start(t, from, a - 1);
    }
    size_t len = w - 1 - a;
    for (const char *p = t + w; (p = ta_hl_find(p, (size_t)(t + to - p), t + a, len)) != NULL; p++) {
        size_t b = (size_t)(p - t) + len + 1;
        size_t r = b;
        if (b < to && t[b - 1] == ' ' && ta_is_lower(ta_u8_decode(t, to, &r)))
            return true;
    }
    return false;
}

bool ta_hl_quoted_sentence(const char *t, size_t n, size_t from, size_t pe, size_t ne)
{
    if (pe - from > 2000)
        return false; /* no quotation so long; and linear time on a long line */
    size_t q = from;
    uint32_t open = ta_u8_decode(t, pe, &q);
    if (!ta_is_open_punct(open) || open == '(' || open == '[')
        return false;
    size_t b = pe - 1;
    if (b <= q || !ta_is_alpha(ta_u8_prev(t, &b)))
        return false; /* '"..., " Meunier said' */
    for (size_t i = q; i < pe - 1; i++)
        if (t[i] == '"' || (t[i] == '\xC2' && (t[i + 1] == '\xAB' || t[i + 1] == '\xBB')) ||
            ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' '))
            return false;
    size_t r = ne + 1;
    return ne + 1 < n && t[ne] == ' ' && ta_is_lower(ta_u8_decode(t, n, &r));
}

bool ta_hl_gap_restated(ta_headliner *h, const char *t, size_t n, size_t w, size_t u)
{
    size_t ps = ta_token_start(t, w, u - 1), q = ps;
    ta_hl_word_core(t, &q, u - 1);
    if (ta_is_upper(ta_u8_decode(t, u - 1, &q)))
        return false;
    for (size_t g = w; g < u;) {
        size_t ge = ta_hl_token_end(t, n, g), gs = g, gc = core_end(t, n, &gs);
        if (gc - gs >= 4 && !ta_hl_is_stopword(h, t + gs, gc - gs))
            for (size_t v = ta_hl_token_end(t, n, u) + 1, k = 0; v < n && k < 30; k++) {
                size_t ve = ta_hl_token_end(t, n, v), vs = v, vc = core_end(t, n, &vs);
                if (vc - vs == gc - gs && !memcmp(t + vs, t + gs, gc - gs))
                    return true;
                if (ve > vs && (t[ve - 1] == '.' || t[ve - 1] == '!' || t[ve - 1] == '?'))
                    break; /* the lead's first sentence only */
                v = ve + 1;
            }
        g = ge + 1;
    }
    return false;
}

bool ta_hl_oblique(const ta_headliner *h, const char *w, size_t n)
{
    return ta_hl_ends_with(h->end[END_OBLIQUE], w, n);
}

bool ta_hl_opened_single(const char *t, size_t from, size_t e)
{
    for (size_t i = from; i + 1 < e; i++)
        if (t[i] == '\'' && (i == from || t[i - 1] == ' ') && t[i + 1] != ' ')
            return true;
    return false;
}

bool ta_hl_site_suffix(const char *t, size_t from, size_t w)
{
    size_t e = w - 1, words = 0;
    bool acro = false;
    while (e > from && words < 5) {
        size_t a = ta_token_start(t, from, e), q = a;
        if (e - a == 1 && (t[a] == '-' || t[a] == '|'))
            return words > 0 && acro;
        if (e - a == 3 && (!memcmp(t + a, "\xE2\x80\x93", 3) || !memcmp(t + a, "\xE2\x80\x94", 3)))
            return words > 0 && acro;
        if (!ta_is_upper(ta_u8_decode(t, e, &q)))
            return false;
        acro |= ta_is_acronym(t, a, e);
        words++;
        if (a <= from + 1)
            break;
        e = a - 1;
    }
    return false;
}

bool ta_hl_one_word_headline(ta_headliner *h, const char *t, size_t n, size_t from, size_t w,
                              bool first)
{
    size_t q = from, se;
    if (!ta_is_upper(ta_u8_decode(t, n, &q)) || !ta_is_alpha(ta_u8_prev(t, &(size_t){w - 1})) ||
        ta_hl_is_stopword(h, t + from, w - 1 - from))
        return false;
    if (ta_hl_same_words(t, n, from, w, 1))
        return true;
    if (!ta_hl_starts_with_starter(h, t, n, w, &se) || se >= n || t[se - 2] == ',' ||
        !ta_is_lower(ta_u8_decode(t, n, &(size_t){se})))
        return false;
    /* past the first sentence, only in Russian before a capitalised preposition, conjunction or
     * pronoun, which no title capitalises there: "Протесты | В ряде городов" */
    return first || (!strcmp(h->lang, "ru") && ta_hl_is_stopword(h, t + w, ta_hl_token_end(t, n, w) - w));
}

bool ta_hl_ordinal(const ta_headliner *h, const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && ta_is_digit((unsigned char)w[d]))
        d++;
    if (!d || d == n)
        return false;
    for (size_t i = 0; h->end[END_ORDINAL] && h->end[END_ORDINAL][i]; i++)
        if (strlen(h->end[END_ORDINAL][i]) == n - d && !memcmp(w + d, h->end[END_ORDINAL][i], n - d))
            return true;
    return false;
}


bool ta_hl_headline_words_soon(ta_headliner *h, const char *t, size_t n, size_t from, size_t e,
                                size_t ws)
{
    size_t first = 0, fl = 0;
    for (size_t i = ws, k = 0; i < n && k < 12; k++) {
        size_t ie = ta_hl_token_end(t, n, i), a = i, z = ta_hl_word_core(t, &a, ie);
        if (z - a >= 4 && !ta_hl_is_stopword(h, t + a, z - a) && ta_hl_in_headline(h, t, from, e, a, z)) {
            if (first && (fl != z - a || memcmp(t + first, t + a, fl)))
                return true;
            first = a, fl = z - a;
        }
        i = ie + 1;
    }
    return false;
}

/* Are the word cores from a and from b equal, ignoring case, for k words? */
static bool same_words_nocase(ta_headliner *h, const char *t, size_t n, size_t a, size_t b, int k)
{
    for (int i = 0; i < k; i++) {
        if (a >= n || b >= n)
            return false;
        size_t ae = ta_hl_token_end(t, n, a), be = ta_hl_token_end(t, n, b), as = a, bs = b;
        size_t ac = ta_hl_word_core(t, &as, ae), bc = ta_hl_word_core(t, &bs, be);
        h->key.len = h->tmp.len = 0;
        if (ac == as || ta_u8_lower(&h->key, t + as, ac - as, false) ||
            ta_u8_lower(&h->tmp, t + bs, bc - bs, false) || h->key.len != h->tmp.len ||
            memcmp(h->key.data, h->tmp.data, h->key.len))
            return false;
        a = ae + 1, b = be + 1;
    }
    return true;
}

/* Is the capitalised word t[a, z) (a core, "'s" cut off) part of a name: not a common word, or
 * a pair with the next word in the headline t[from, hz) ("Paras Raykar")? */
static bool name_word(ta_headliner *h, const char *t, size_t n, size_t from, size_t hz, size_t a,
                      size_t z)
{
    if (!ta_hl_common_word(h, t + a, z - a))
        return true;
    size_t ne = ta_hl_token_end(t, n, a), y = ne + 1, ye;
    if (y >= n)
        return false;
    ye = core_end(t, n, &y); /* the next word, found right after this one in the headline */
    for (size_t v = from; (v = word_among(t, v, hz, t + a, z - a)) < hz;
         v = ta_hl_token_end(t, n, v) + 1) {
        size_t x = ta_hl_token_end(t, n, v) + 1;
        if (x < hz && ye > y && word_among(t, x, ta_hl_token_end(t, n, x), t + y, ye - y) == x)
            return true;
    }
    return false;
}

size_t ta_hl_title_case_end(ta_headliner *h, const char *t, size_t n, size_t from)
{
    size_t pos[64], k = 0, low = 0; /* word starts up to the first lowercase word, not minor */
    for (size_t a = from; a < n && k < 64 && a - from < 400;) {
        size_t e = ta_hl_token_end(t, n, a), wa = a, wz = ta_hl_word_core(t, &wa, e), q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        if (ta_is_lower(c) && !ta_hl_in_map(h, &h->minor, t + wa, wz - wa)) {
            low = a;
            break;
        }
        if ((e - a == 1 && (t[a] == '-' || t[a] == '|')) || (e - a == 2 && !memcmp(t + a, "--", 2)) ||
            (e - a == 3 && (!memcmp(t + a, "\xE2\x80\x93", 3) || !memcmp(t + a, "\xE2\x80\x94", 3))))
            return 0; /* a dash: a dateline or a site name ("... Ministry Luanda - The") */
        pos[k++] = a;
        a = e + 1;
        while (a < n && t[a] == ' ')
            a++;
    }
    if (!low || k < 6 || !ta_hl_title_case(h, t, from, low))
        return 0;
    size_t se;
    for (size_t i = 1; i < k; i++) /* a starter and a lowercase word or a number */
        if (ta_hl_starts_with_starter(h, t, n, pos[i], &se) &&
            (se >= low || (se < n && ta_is_digit((unsigned char)t[se]))))
            return pos[i];
    for (size_t i = k > 2 ? k - 2 : 1; i < k; i++) /* the headline's words again, lowercase
                                                   * now: the last ones and the lowercase one */
        for (size_t v = from; v < pos[i]; v = ta_hl_token_end(t, n, v) + 1)
            if (same_words_nocase(h, t, n, v, pos[i], (int)(k - i) + 1))
                return pos[i];
    size_t i = k;
    bool title = false; /* the word after is a title: "Home | Minister" */
    while (i > 1) { /* back over the names, titles, possessives and minor words */
        size_t a = pos[i - 1], e = ta_hl_token_end(t, n, a), wa = a, wz = ta_hl_word_core(t, &wa, e);
        size_t q = wa;
        uint32_t c = wa < wz ? ta_u8_decode(t, wz, &q) : 0;
        bool poss = wz > wa + 1 && !memcmp(t + wz - 2, "'s", 2);
        size_t cz = poss ? wz - 2 : wz;
        bool is_title = ta_hl_in_map(h, &h->titles, t + wa, wz - wa);
        bool keep = ta_is_digit(c) ? false
                    : ta_hl_in_map(h, &h->minor, t + wa, wz - wa) || is_title || title ||
                      (poss && i < k) || name_word(h, t, n, from, pos[i - 1], wa, cz);
        if (!keep || (wz < e && i < k && t[wz] != ','))
            break; /* "Issue", "Positive": the headline's last word */
        title = is_title;
        i--;
    }
    return i > 1 && i < k ? pos[i] : 0;
}


bool ta_hl_in_headline(ta_headliner *h, const char *t, size_t from, size_t e, size_t a, size_t z)
{
    h->key.len = 0;
    if (ta_u8_lower(&h->key, t + a, z - a, false))
        return false;
    size_t kl = strcmp(h->lang, "ru") ? h->key.len : ta_hl_prefix_bytes(&h->key, PREFIX_LETTERS);
    for (size_t i = from; i < e;) {
        size_t we = i;
        while (we < e && t[we] != ' ')
            we++;
        size_t wa = i, wz = ta_hl_word_core(t, &wa, we);
        h->tmp.len = 0;
        if (wz > wa && !ta_u8_lower(&h->tmp, t + wa, wz - wa, false) &&
            (kl == h->key.len ? h->tmp.len == kl : h->tmp.len >= kl) &&
            !memcmp(h->tmp.data, h->key.data, kl))
            return true;
        i = we + 1;
    }
    return false;
}
