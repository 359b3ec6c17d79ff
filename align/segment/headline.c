/* headline.c — a headline or subheading glued to the text after it without punctuation, as in
 * scraped news ("... due to Hurricane Hanna Mexico's National ...", "... в Донбассе Украинские
 * военные начали ..."). The evidence: a dateline, a word that often opens sentences
 * (starters.LANG), the headline's own words repeated as the sentence's subject, and, in the
 * document's first sentence, a capitalised word seen in lowercase elsewhere in the document
 * or, in Russian, a capitalised common word (known in lowercase to hunspell) in the nominative
 * after a word a headline can end with; a Title Case run, an apposition before the headline's
 * name ("Washington winger Aleksandr Ovechkin"), a headline's words restated by its lead. */
#include "headwords.h"
#include <string.h>

/* ---- the headline rules ----------------------------------------------------- */

/* What the headline rules read at the word starting at w, computed once, step by step: each
 * step below fills the fields the rules after it read, or skips the word. */
typedef struct {
    ta_headliner *h;
    const char *t, *doc;
    size_t n, from, to, lim, len;
    int first;            /* as ta_glued_headline's */
    bool ru;
    size_t w, words, chars; /* the word, its number in the sentence, characters before it */
    size_t at;            /* a rule's find */
    /* next_word: */
    size_t ws;            /* its first letter, after an opening quote */
    uint32_t c;
    /* capital: */
    bool head, after_head; /* where a headline may end; or a subheading after it */
    size_t pe, ps, ne;    /* the previous word's end and start, the next word's end */
    uint32_t last;        /* the previous word's last character */
    bool quote_end;
    /* word_end: */
    size_t pa, pz;        /* the previous word's core */
    uint32_t pc;          /* its first letter */
    bool prev_lower;
    /* headline_shape: */
    bool tc, prev_stop, title_quote;
    /* next_shape: */
    bool name_next, lower_next;
    size_t wa, wz;        /* the word's core */
} hctx;

enum { HEAD_ZONE_CHARS = 250,   /* a headline ends in the first 250 characters */
       QUOTED_MIN_WORDS = 5, COLON_MIN_WORDS = 4, LONG_HEADLINE_WORDS = 14,
       TC_SOON_WORDS = 4, SUBJECT_MIN_BYTES = 4, LEAD_EXTRA_WORDS = 3 };

typedef enum { H_PASS, H_SKIP, H_MAKE } hstep;

static hstep make(hctx *c, size_t at)
{
    c->at = at;
    return H_MAKE;
}

static hstep h_one_word_headline(hctx *c)
{
    return c->words == 2 && ta_hl_one_word_headline(c->h, c->t, c->n, c->from, c->w, c->first == 2)
               ? make(c, c->w) : H_PASS;
}

static hstep s_three_words(hctx *c)
{
    return c->words < 3 ? H_SKIP : H_PASS;
}

static hstep s_next_word(hctx *c) /* the next word must be capitalised: the cheap test first */
{
    size_t q = c->w;
    c->ws = c->w;
    c->c = ta_u8_decode(c->t, c->n, &q);
    if (c->c == '(' || c->c == '[')
        return H_SKIP; /* a parenthesis goes on the sentence: "science (He worked ...)" */
    if (ta_is_open_punct(c->c))
        c->ws = q, c->c = ta_u8_decode(c->t, c->n, &q);
    return H_PASS;
}

static hstep h_day_dateline(hctx *c)
{
    return ta_is_digit(c->c) && c->ws == c->w && ta_hl_day_dateline(c->t, c->n, c->ws) ? make(c, c->w)
                                                                                 : H_PASS;
}

static hstep s_capital(hctx *c)
{
    if (!ta_is_upper(c->c))
        return H_SKIP;
    const char *t = c->t;
    c->head = c->first == 2 && c->chars < HEAD_ZONE_CHARS;
    c->after_head = c->first && c->chars < HEAD_ZONE_CHARS;
    c->pe = c->w - 1, c->ps = ta_token_start(t, c->from, c->pe), c->ne = ta_hl_token_end(t, c->n, c->w);
    size_t q = c->pe;
    c->last = ta_u8_prev(t, &q);
    c->quote_end = ta_hl_is_close_quote(c->last) && (c->last != '\'' || ta_hl_opened_single(t, c->from, c->pe));
    return H_PASS;
}

/* '. "Социальные сети должны ... со своих платформ" | Твиттер обвинили' */
static hstep h_quoted_sentence(hctx *c)
{
    return c->quote_end && c->last != '\'' && c->ws == c->w && c->words > QUOTED_MIN_WORDS &&
                   ta_hl_quoted_sentence(c->t, c->n, c->from, c->pe, c->ne)
               ? make(c, c->w) : H_PASS;
}

/* a full stop typed as a comma after a name or number: "... today, July 24, | During his
 * trips", not verse ("must roam, And seek abroad") */
static hstep h_comma_stop(hctx *c)
{
    const char *t = c->t;
    size_t se;
    uint32_t p0 = ta_u8_decode(t, c->pe, &(size_t){c->ps});
    return c->last == ',' && c->ws == c->w && c->pe - c->ps > 2 &&
                   (ta_is_upper(p0) || ta_is_digit(p0)) &&
                   ta_hl_starts_with_starter(c->h, t, c->n, c->ws, &se) && se < c->n &&
                   ta_is_lower(ta_u8_decode(t, c->n, &(size_t){se}))
               ? make(c, c->w) : H_PASS;
}

/* "Putin talked with Shoigu in a cabin: | Russian President Vladimir Putin had discussions
 * with ... Sergei Shoigu", not a name before the headline ("Dominic Raab: Government can't") */
static hstep h_colon_headline(hctx *c)
{
    return c->last == ':' && c->head && c->words > COLON_MIN_WORDS && c->ws == c->w &&
                   ta_hl_headline_words_soon(c->h, c->t, c->n, c->from, c->pe, c->ws)
               ? make(c, c->w) : H_PASS;
}

static hstep s_word_end(hctx *c)
{
    const char *t = c->t;
    bool bullet;
    if (!(ta_is_alpha(c->last) || ta_is_digit(c->last) || c->quote_end) ||
        (t[c->pe - 1] == ')' && ta_list_marker(t, c->ps + (t[c->ps] == '('), c->pe, &bullet) != 0))
        return H_SKIP; /* "(b) The ...": a list item, not a headline */
    c->pa = c->ps, c->pz = ta_hl_word_core(t, &c->pa, c->pe);
    size_t q = c->pa;
    c->pc = c->pa < c->pz ? ta_u8_decode(t, c->pe, &q) : 0;
    c->prev_lower = ta_is_lower(c->pc) || c->quote_end;
    if (ta_hl_ordinal(c->h, t + c->pa, c->pz - c->pa) && !ta_hl_is_stopword(c->h, t + c->ws, c->ne - c->ws))
        return H_SKIP; /* "the 44th | President", but "on August 4th | This means" */
    return H_PASS;
}

static hstep h_dateline(hctx *c) /* not "GT4 | RUSSIA." */
{
    return !ta_is_acronym(c->t, c->pa, c->pz) && ta_hl_dateline_like(c->t, c->n, c->ws, c->head) ? make(c, c->w)
                                                                                    : H_PASS;
}

static hstep h_site_suffix(hctx *c) /* "... - RT USA News | Fresh from airing" */
{
    size_t r = c->ne + 1;
    return c->head && c->ne < c->n && ta_hl_site_suffix(c->t, c->from, c->w) &&
                   ta_is_lower(ta_u8_decode(c->t, c->n, &r))
               ? make(c, c->w) : H_PASS;
}

static hstep s_headline_shape(hctx *c)
{
    const char *t = c->t;
    c->tc = c->head && !c->ru && ta_hl_title_case(c->h, t, c->from, c->w);
    c->prev_stop = c->pz == c->pa ||
                   (!ta_is_acronym(t, c->pa, c->pz) && ta_hl_is_stopword(c->h, t + c->pa, c->pz - c->pa));
    size_t oq = c->w; /* "topics ‘Where the" */
    c->title_quote = c->ws != c->w && ta_u8_decode(t, c->n, &oq) == 0x2018;
    return H_PASS;
}

/* Past the document's first sentence a starter opens a sentence on stronger evidence: no
 * opening quote before it (a title: 'the song | "We will be hot"', 'the law | "On
 * communication"'), no role word after a capitalised one ("Metropolitan | Police said"), and a
 * one-letter starter not before a function word or a comma ("Group | A at the", "Свидетелем
 * | К и"). se: the end of the starter. */
static bool subheading_starter(const hctx *c, size_t se)
{
    const char *t = c->t;
    size_t we = c->ws;
    while (we < c->n && t[we] != ' ' && t[we] != ',')
        we++;
    if (c->ws != c->w || (ta_is_upper(c->pc) && ta_hl_in_map(c->h, &c->h->roles, t + c->ws, we - c->ws)))
        return false;
    if (ta_u8_count(t + c->ws, we - c->ws) != 1)
        return true;
    if (we < c->n && t[we] == ',')
        return false;
    size_t ne = ta_hl_token_end(t, c->n, se);
    return se >= c->n || !ta_hl_is_stopword(c->h, t + se, ne - se);
}

static hstep h_starter(hctx *c)
{
    const char *t = c->t;
    size_t se;
    if (!ta_hl_starts_with_starter(c->h, t, c->n, c->ws, &se) || !(c->head || !c->title_quote))
        return H_PASS;
    if (!c->first && !subheading_starter(c, se))
        return H_PASS;
    size_t r = se;
    uint32_t d = se < c->n ? ta_u8_decode(t, c->n, &r) : 0;
    /* in a Title Case headline "To", "On" are no sign; the sentence is */
    bool noun = c->after_head && c->ru && c->ws == c->w && ta_is_lower(c->pc) &&
                !ta_hl_is_stopword(c->h, t + c->ws, se - 1 - c->ws); /* "... в Финском заливе |
                                                                * Президент России" */
    return !c->prev_stop && (ta_is_lower(d) || ta_is_digit(d) || (c->head && !c->tc) || noun)
               ? make(c, c->w) : H_PASS;
}

static hstep s_no_stopword(hctx *c)
{
    return c->prev_stop ? H_SKIP : H_PASS; /* a headline does not end with "of", "the", "в" */
}

/* a headline restated by its lead: "Two landfills will become sites for producing renewable
 * energy sources | The Torbeevo landfill ... will become sites for producing renewable energy
 * sources from ..." */
static hstep h_lead_repeats_headline(hctx *c)
{
    return ta_is_lower(c->pc) && ta_hl_lead_repeats_headline(c->t, c->from, c->w, c->lim) ? make(c, c->w)
                                                                                   : H_PASS;
}

static hstep s_next_shape(hctx *c)
{
    const char *t = c->t;
    size_t ne = c->ne, r2 = ne + 1, r3 = ne + 1;
    /* not the first word of a name: "Famously clear | Lake Tahoe" */
    c->name_next = ne + 1 < c->n && t[ne] == ' ' && ta_is_upper(ta_u8_decode(t, c->n, &r2));
    /* after a headline: a lowercase word next, "Randomised drug" */
    c->lower_next = ne + 1 < c->n && t[ne] == ' ' && ta_is_lower(ta_u8_decode(t, c->n, &r3));
    c->wa = c->ws, c->wz = ta_hl_word_core(t, &c->wa, ne);
    return H_PASS;
}

static hstep h_seen_lowercase(hctx *c)
{
    const char *t = c->t;
    size_t ws = c->ws, ne = c->ne;
    return (c->head || (c->after_head && c->lower_next && ta_is_lower(c->pc))) && c->prev_lower &&
                   ne - ws > 1 && !c->name_next && !ta_hl_in_list(c->h->starters, t + ws, ne - ws) &&
                   !(c->ru && ta_hl_oblique(c->h, t + ws, ne - ws)) &&
                   ta_hl_seen_lowercase(c->h, c->doc, c->len, t + ws, ne - ws)
               ? make(c, c->w) : H_PASS;
}

/* after a headline, a name and a verb opening a sentence that restates the standfirst: "...
 * случай коронавируса в КНДР | Мурашко заявил, что вакцинация от коронавируса будет
 * добровольной" */
static hstep h_ru_name_verb(hctx *c)
{
    const char *t = c->t;
    return c->ru && c->first == 1 && c->after_head && c->ws == c->w && c->ne + 1 < c->n &&
                   ta_hl_ru_verb(c->h, t, c->n, c->ne + 1) &&
                   (ta_is_lower(c->pc) || ta_is_acronym(t, c->pa, c->pz)) && c->wz > c->wa &&
                   ta_hl_headline_words_soon(c->h, t, c->n, c->from, c->pe, c->ws) &&
                   !ta_hl_common_word(c->h, t + c->wa, c->wz - c->wa)
               ? make(c, c->w) : H_PASS;
}

/* "... contract with Panchenko | Forward Kirill Panchenko is leaving" */
static hstep h_apposition_lead(hctx *c)
{
    return !c->ru && c->head && !c->tc && c->ws == c->w &&
                   ta_hl_apposition_lead(c->h, c->t, c->n, c->from, c->w, c->ws, c->prev_lower)
               ? make(c, c->w) : H_PASS;
}

static hstep h_name_soon(hctx *c)
{
    size_t nm;
    if (c->ru || !c->head || !c->prev_lower || c->tc ||
        !ta_hl_name_soon(c->h, c->t, c->n, c->from, c->w, c->ws, &nm))
        return H_PASS;
    return make(c, nm > c->w && ta_hl_gap_restated(c->h, c->t, c->n, c->w, nm) ? nm : c->w);
}

/* a long headline ran on into the lead: "... transplantation procedure | Russian entrepreneur
 * and Tinkoff group founder | Oleg Tinkov released" */
static hstep h_long_headline(hctx *c)
{
    size_t nm;
    if (c->ru || !c->head || !c->prev_lower || c->tc || c->from != 0 ||
        c->words <= LONG_HEADLINE_WORDS || !ta_hl_name_soon(c->h, c->t, c->n, c->from, c->w, c->ws, &nm))
        return H_PASS;
    size_t g = ta_forced_headline(c->h, c->t, c->n, c->w, c->doc, c->len);
    return g ? make(c, g) : H_PASS;
}

/* the subject again: "Microsoft forcibly updates ... | Microsoft has" */
static hstep h_subject_again(hctx *c)
{
    const char *t = c->t;
    size_t se;
    return c->head && !ta_is_upper(c->pc) && c->ws == c->w && t[c->pe - 1] != ')' &&
                   ta_hl_same_words(t, c->n, c->from, c->ws, 1) && c->ne - c->ws >= SUBJECT_MIN_BYTES &&
                   !ta_hl_starts_with_starter(c->h, t, c->n, c->ws, &se)
               ? make(c, c->w) : H_PASS;
}

static hstep h_repeated_words(hctx *c)
{
    bool up = ta_is_upper(c->pc);
    return ta_hl_repeated(c->h, c->t, c->n, c->from, c->w, c->ws, c->head, up,
                    c->ru && c->wz > c->wa ? c->wa : c->wz, c->wz, c->words)
               ? make(c, c->w) : H_PASS;
}

/* "... Declared Fit To Bat After Warm-Up Injury | Pakistan and England will" */
static hstep h_title_case_lead(hctx *c)
{
    return c->tc && (ta_hl_same_words(c->t, c->n, c->from, c->ws, 2) ||
                     ta_hl_sentence_soon(c->h, c->t, c->n, c->ws, TC_SOON_WORDS))
               ? make(c, c->w) : H_PASS;
}

static hstep s_russian_subheading(hctx *c)
{
    return !c->after_head || !c->ru ? H_SKIP : H_PASS;
}

/* a capitalised common word followed by a lowercase one: "Российский предприниматель", not
 * "Российской Федерации" */
static hstep h_ru_common_noun(hctx *c)
{
    const char *t = c->t;
    size_t ne = c->ne, r = ne + 1, wa = c->wa, wz = c->wz;
    uint32_t d = r < c->n ? ta_u8_decode(t, c->n, &r) : 0;
    bool next_plain = ne < c->n && (t[wz] == ',' || ta_is_lower(d) || ta_is_digit(d));
    if (!c->head && (!ta_is_lower(c->pc) || !ta_is_lower(d) || t[wz] == ','))
        return H_PASS; /* after a headline, on clearer evidence: "... 15,7 миллиона человек |
                        * Количество жертв" (below: in its dictionary form), not "памятник |
                        * Конфедерации," */
    if (c->ws != c->w || c->pa != c->ps)
        return H_PASS; /* a quoted name: "Лидер группы | "Руки вверх!"" */
    /* a lead is longer than its headline, or the word is in its dictionary form: "... на юге
     * Ливана | Беспилотный летательный" */
    size_t rest = ta_count_words(t, c->ws, c->lim, SIZE_MAX), words = c->words;
    return wz - wa > 2 && next_plain && rest + LEAD_EXTRA_WORDS >= words &&
                   !ta_hl_oblique(c->h, t + wa, wz - wa) && ta_hl_common_word(c->h, t + wa, wz - wa) &&
                   ((c->head && rest >= words + LEAD_EXTRA_WORDS) || ta_hl_lemma_form(c->h))
               ? make(c, c->w) : H_PASS;
}

/* The table: rules (by id) and, between them, the steps that compute what the rules after
 * them read (R_COUNT), which may skip the word. */
/* The rules marked `head` run only in the document's first sentence: past it (the subheading
 * search) they were wrong more often than right on unseen news. */
static const struct {
    ta_rule_id id;
    hstep (*fn)(hctx *c);
    bool head;
} steps[] = {
    {R_ONE_WORD_HEADLINE, h_one_word_headline, false},
    {R_COUNT, s_three_words, false},
    {R_COUNT, s_next_word, false},
    {R_DAY_DATELINE, h_day_dateline, true},
    {R_COUNT, s_capital, false},
    {R_QUOTED_SENTENCE, h_quoted_sentence, true},
    {R_COMMA_STOP, h_comma_stop, true},
    {R_COLON_HEADLINE, h_colon_headline, false},
    {R_COUNT, s_word_end, false},
    {R_DATELINE, h_dateline, true},
    {R_SITE_SUFFIX, h_site_suffix, false},
    {R_COUNT, s_headline_shape, false},
    {R_STARTER, h_starter, false},
    {R_COUNT, s_no_stopword, false},
    {R_LEAD_REPEATS_HEADLINE, h_lead_repeats_headline, false},
    {R_COUNT, s_next_shape, false},
    {R_SEEN_LOWERCASE, h_seen_lowercase, false},
    {R_RU_NAME_VERB, h_ru_name_verb, false},
    {R_APPOSITION_LEAD, h_apposition_lead, false},
    {R_LONG_HEADLINE, h_long_headline, false},
    {R_NAME_SOON, h_name_soon, false},
    {R_SUBJECT_AGAIN, h_subject_again, false},
    {R_REPEATED_WORDS, h_repeated_words, false},
    {R_TITLE_CASE_LEAD, h_title_case_lead, false},
    {R_COUNT, s_russian_subheading, false},
    {R_RU_COMMON_NOUN, h_ru_common_noun, false},
};

size_t ta_glued_headline(ta_headliner *h, const ta_ruleset *rs, const char *t, size_t n,
                         size_t from, size_t to, int first, const char *doc, size_t len,
                         ta_rule_id *rule)
{
    hctx c = {.h = h, .t = t, .doc = doc, .n = n, .from = from, .to = to, .len = len,
              .first = first, .ru = !strcmp(h->lang, "ru"), .words = 1};
    c.lim = to < n ? to : n;
    size_t counted = from + 1;
    if (first == 2 && !c.ru && ta_rule_on(rs, R_TITLE_CASE_HEADLINE) &&
        (c.at = ta_hl_title_case_end(h, t, c.lim, from)) != 0) {
        *rule = R_TITLE_CASE_HEADLINE;
        return c.at;
    }
    for (size_t w = from + 1; w < c.lim; w++) {
        const char *sp = memchr(t + w - 1, ' ', c.lim - (w - 1)); /* the next word start */
        if (!sp || (w = (size_t)(sp - t) + 1) >= c.lim)
            break;
        if (t[w] == ' ')
            continue;
        for (; first && counted <= w; counted++) /* characters so far: in the first sentence */
            c.chars += ((unsigned char)t[counted] & 0xC0) != 0x80;
        c.words++;
        c.w = w;
        size_t q = w;
        if (c.words > 2 && ta_is_lower(ta_u8_decode(t, n, &q)))
            continue; /* the cheap test first: no rule looks at a lowercase word */
        for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
            if (steps[k].id != R_COUNT &&
                (!ta_rule_on(rs, steps[k].id) || (steps[k].head && !first)))
                continue;
            hstep st = steps[k].fn(&c);
            if (st == H_SKIP)
                break;
            if (st == H_MAKE) {
                *rule = steps[k].id;
                return c.at;
            }
        }
    }
    return 0;
}


/* Do the two words from w, both capitalised, come as a pair in the headline t[0, ps)? */
static bool name_pair(const char *t, size_t n, size_t ps, size_t w)
{
    size_t ne = ta_hl_token_end(t, n, w), q = ne + 1;
    if (ne + 1 >= n || !ta_is_upper(ta_u8_decode(t, n, &q)))
        return false;
    for (size_t v = 0; v < ps; v = ta_hl_token_end(t, n, v) + 1)
        if (ta_hl_same_words(t, n, v, w, 2) && ta_hl_token_end(t, n, ta_hl_token_end(t, n, v) + 1) <= ps)
            return true;
    return false;
}

size_t ta_forced_headline(ta_headliner *h, const char *t, size_t n, size_t to, const char *doc,
                          size_t len)
{
    size_t best = 0, words = 1;
    int best_score = 0; /* a split needs a score of 1 or more */
    bool ru = !strcmp(h->lang, "ru");
    size_t total = ta_count_words(t, 0, to, SIZE_MAX);
    for (size_t w = 1, chars = 1; w < to && chars < 250; w++) { /* 250 characters */
        chars += ((unsigned char)t[w] & 0xC0) != 0x80;
        if (t[w - 1] != ' ' || t[w] == ' ')
            continue;
        words++;
        if (words < 4 || total - (words - 1) < 5)
            continue; /* a headline of three words or more, a lead of five or more */
        size_t pe = w - 1, ps = ta_token_start(t, 0, pe), pa = ps, pz = ta_hl_word_core(t, &pa, pe);
        size_t q = pe, ne = ta_hl_token_end(t, n, w), wa = w, wz = ta_hl_word_core(t, &wa, ne);
        uint32_t last = ta_u8_prev(t, &q);
        if (pz == pa || wz == wa || !(ta_is_alpha(last) || ta_is_digit(last) ||
                                     ta_hl_is_close_quote(last) || last == ')') ||
            ta_hl_is_stopword(h, t + pa, pz - pa))
            continue;
        q = wa;
        uint32_t c = ta_u8_decode(t, wz, &q);
        q = pa;
        bool prev_upper = ta_is_upper(ta_u8_decode(t, pz, &q)), digit = ta_is_digit(c);
        if (!ta_is_upper(c) && !digit)
            continue;
        size_t se;
        bool starter = ta_hl_starts_with_starter(h, t, n, wa, &se);
        bool obl = ru && ta_hl_oblique(h, t + wa, wz - wa); /* in an oblique case, after a capitalised
                                                    * word it goes with the name: "НБА Глава |
                                                    * Российской федерации" */
        bool common = !starter && !digit &&
                      ((ta_hl_seen_lowercase(h, doc, len, t + wa, wz - wa) &&
                        !(obl && prev_upper && ta_is_alpha(last))) ||
                       (!obl && ta_hl_common_word(h, t + wa, wz - wa)));
        int score = starter ? 3 : common ? 2 : digit ? 1 : 0;
        if (prev_upper && !starter && !(ru && common) && !ta_is_acronym(t, pa, pz))
            score -= 2; /* inside a name: "Hurricane | Hanna", "Moscow | Department"; not
                         * after an acronym ("... НБА | Глава") nor, in Russian, where names
                         * keep common words lowercase, before one ("Панченко | Форвард") */
        int rep = 0; /* the lead names the headline's subject again */
        for (size_t i = wa, k = 0; i < n && k < 8 && rep < 3; k++) {
            size_t e = ta_hl_token_end(t, n, i), a = i, z = ta_hl_word_core(t, &a, e);
            rep += z - a > 3 && ta_hl_in_headline(h, t, 0, pe, a, z);
            i = e + 1;
        }
        score += rep;
        if (prev_upper && !starter && ta_is_upper(c) && !ta_hl_is_close_quote(last) &&
            name_pair(t, n, ps, w))
            score += 3; /* the headline's two-word name opens the lead: "... твитами Уайли |
                         * Прити Патель потребовала", not "... Hurricane | Hanna" */
        if (ta_hl_in_headline(h, t, ps, pe, wa, wz))
            score -= 3; /* a word repeated: "Kenya Kenya", "Прокурор Прокуратуры" */
        if (words > 19)
            score -= 2; /* headlines are short */
        if (score > best_score)
            best_score = score, best = w;
    }
    return best;
}

size_t ta_headline_candidates(ta_headliner *h, const char *t, size_t n, size_t from, size_t to,
                              bool anywhere, size_t *out, size_t max)
{
    size_t words = 1, k = 0;
    for (size_t w = from + 1; w < to && w < n && k < max; w++) {
        if (t[w - 1] != ' ' || t[w] == ' ')
            continue;
        if (!anywhere && (w - from >= 300 || words >= 30))
            break;
        if (++words < 3 || (anywhere && ta_count_words(t, w, to, 3) < 3))
            continue;
        size_t ps = ta_token_start(t, from, w - 1), pa = ps, pz = ta_hl_word_core(t, &pa, w - 1);
        size_t q = w - 1;
        uint32_t last = ta_u8_prev(t, &q);
        if (anywhere && pz < w - 1 && pz > pa && (t[pz] == '.' || t[pz] == '!' || t[pz] == '?')) {
            out[k++] = w; /* "... the attorney added. rus.err.ee wrote" */
            continue;
        }
        if (pz == pa || !(ta_is_alpha(last) || ta_is_digit(last) || ta_hl_is_close_quote(last)) ||
            ta_hl_is_stopword(h, t + pa, pz - pa))
            continue;
        q = w;
        uint32_t c = ta_u8_decode(t, n, &q);
        if (ta_is_open_punct(c) && q < n)
            c = ta_u8_decode(t, n, &q);
        if (ta_is_upper(c) || ta_is_digit(c))
            out[k++] = w;
    }
    return k;
}

bool ta_headliner_seen_lowercase(ta_headliner *h, const char *w, size_t n, const char *doc,
                                 size_t len)
{
    return ta_hl_seen_lowercase(h, doc, len, w, n);
}
