/* segrules.c — the segmentation rule table: names, languages and zones of the rules (in the
 * order they are tried), their switches per segmenter, hit counts and explanations; and list
 * markers, which rules of every zone read. */
#include "segrules.h"
#include <string.h>

static const ta_seg_rule table[R_COUNT] = {
    [R_ICU] = {"icu", "en,ru", "boundary", "ICU's sentence break, no rule objecting", true},
    [R_BRACKETED_ELLIPSIS] = {"bracketed-ellipsis", "en,ru", "boundary", "an elision mark in brackets ends no sentence: \"Bohr [...] used\"", true},
    [R_IN_BRACKETS] = {"in-brackets", "en,ru", "boundary", "inside square brackets that close soon: \"[16: firma? 13:28]\"", true},
    [R_OPEN_BRACKET] = {"open-bracket", "en,ru", "boundary", "no break right after an opening bracket", true},
    [R_SPACED_ELLIPSIS] = {"spaced-ellipsis", "en,ru", "boundary", "\". . .\" marks an omission inside a sentence", true},
    [R_LIST_PAREN] = {"list-paren", "en,ru", "boundary", "\"1.)\" opening an item stays with it", true},
    [R_ARMENIAN_STOP] = {"armenian-stop", "en,ru", "boundary", "the Armenian full stop as a time separator: \"01։23\"", true},
    [R_EXCLAIM_IN_WORD] = {"exclaim-in-word", "en,ru", "boundary", "\"!\" or \"?\" inside a word: \"Y!J.\"", true},
    [R_EXCLAIM_BRAND] = {"exclaim-brand", "en,ru", "boundary", "a brand with \"!\": \"oOh! Media\"", true},
    [R_EXCLAIM_LOWERCASE] = {"exclaim-lowercase", "en,ru", "boundary", "after \"!\" or \"?\" a lowercase word goes on the sentence", true},
    [R_PRONOUN_I] = {"pronoun-i", "en", "boundary", "\"you and I. Did\" ends a sentence", true},
    [R_ROMAN_AFTER_NAME] = {"roman-after-name", "ru", "boundary", "\"Петр I.\" ends a sentence", true},
    [R_INITIAL] = {"initial", "en,ru", "boundary", "an initial before a capital: \"Л. В. Щербы\"", true},
    [R_ABBREV_TITLE] = {"abbrev-title", "en,ru", "boundary", "a title abbreviation (abbrev.LANG title) before a name", true},
    [R_ABBREV_NUMBER] = {"abbrev-number", "en,ru", "boundary", "a number abbreviation (abbrev.LANG num) before a digit", true},
    [R_ABBREV_DATE] = {"abbrev-date", "en,ru", "boundary", "after an abbreviation a date opens the next sentence", true},
    [R_ABBREV_AMBIGUOUS] = {"abbrev-ambiguous", "en,ru", "boundary", "an ambiguous abbreviation (abbrev.LANG amb): joined before lowercase, a digit or a listed word", true},
    [R_DOTTED_INITIALS] = {"dotted-initials", "en,ru", "boundary", "\"I.V. Jones\" goes on, \"the I.V. It was\" ends", true},
    [R_DOTTED_LOWER] = {"dotted-lower", "en,ru", "boundary", "lowercase multi-dot forms: \"к.п.н. Иванов\"", true},
    [R_LIST_ITEM_START] = {"list-item-start", "en,ru", "boundary", "\"1.\" or \"IV.\" opening an item", true},
    [R_SINGLE_QUOTED] = {"single-quoted", "en,ru", "boundary", "inside a single-quoted passage", true},
    [R_REFERENCE_STAYS] = {"reference-stays", "en,ru", "placement", "references stay with the sentence: \".[17] The\"", true},
    [R_FOOTNOTE_STAYS] = {"footnote-stays", "en,ru", "placement", "a footnote number stays with the sentence: \".4 The\"", true},
    [R_ELLIPSIS_OPENS] = {"ellipsis-opens", "en,ru", "placement", "\". . . .\": a period, then an ellipsis opening the next sentence", true},
    [R_LIST_MARKER_NEXT] = {"list-marker-next", "en,ru", "placement", "a list marker ending a sentence opens the next: \"item 2. The\"", true},
    [R_SEMICOLON] = {"semicolon", "en,ru", "candidate", "\"; \" (--split-semicolons)", true},
    [R_FULLWIDTH_STOP] = {"fullwidth-stop", "en,ru", "candidate", "a full-width or ideographic full stop", true},
    [R_DIALOGUE_DASH] = {"dialogue-dash", "en,ru", "candidate", "a dialogue dash after a sentence end", true},
    [R_PAREN_ITEM] = {"paren-item", "en,ru", "candidate", "\"2)\", \"b)\", \"(c)\" list items", true},
    [R_CAMEL_OR_DOMAIN] = {"camel-or-domain", "en,ru", "candidate", "after a period, a camel-case word or a site name: \"added. rus.err.ee wrote\"", true},
    [R_LETTER_ITEM] = {"letter-item", "en,ru", "candidate", "\"a. ... b. ...\" list items", true},
    [R_LOWERCASE_PAREN] = {"lowercase-paren", "en,ru", "candidate", "a lowercase parenthesis after a sentence end", true},
    [R_ELLIPSIS_CAPITAL] = {"ellipsis-capital", "en,ru", "candidate", "\"…\" before a capital", true},
    [R_EMOTICON] = {"emoticon", "en,ru", "candidate", "an emoticon before a capital: \";) Я\"", true},
    [R_DIGIT_AFTER_WORD] = {"digit-after-word", "en,ru", "candidate", "a number after a word ending in a period: \"лет. 31 мая\"", true},
    [R_GLUED_FOOTNOTE] = {"glued-footnote", "en,ru", "candidate", "footnote numbers glued to a sentence end: \"care.11 12 Take\"", true},
    [R_GLUED_SENTENCE] = {"glued-sentence", "en,ru", "candidate", "sentences glued without a space: \"world.Today\"", true},
    [R_MENU_TAIL] = {"menu-tail", "en,ru", "candidate", "lowercase menu words after a wrapped paragraph's last sentence", true},
    [R_TITLE_CASE_HEADLINE] = {"title-case-headline", "en", "headline", "the end of a Title Case headline glued to its lead", true},
    [R_ONE_WORD_HEADLINE] = {"one-word-headline", "en,ru", "headline", "a one-word headline: \"Protests Protests have\"", true},
    [R_DAY_DATELINE] = {"day-dateline", "en,ru", "headline", "\"25 июля (UPI) -\"", true},
    [R_QUOTED_SENTENCE] = {"quoted-sentence", "en,ru", "headline", "a quoted headline before a capitalised word and a lowercase one", true},
    [R_COMMA_STOP] = {"comma-stop", "en,ru", "headline", "a full stop typed as a comma before a starter", true},
    [R_COLON_HEADLINE] = {"colon-headline", "en,ru", "headline", "a headline ending in a colon, its words again in the lead", true},
    [R_DATELINE] = {"dateline", "en,ru", "headline", "a dateline: \"ISLAMABAD (AP) -\"", true},
    [R_SITE_SUFFIX] = {"site-suffix", "en,ru", "headline", "a site name after a dash: \"- RT USA News\"", true},
    [R_STARTER] = {"starter", "en,ru", "headline", "a sentence starter (starters.LANG) after a word no headline ends with", true},
    [R_LEAD_REPEATS_HEADLINE] = {"lead-repeats-headline", "en,ru", "headline", "the lead restates the headline's last five words", true},
    [R_SEEN_LOWERCASE] = {"seen-lowercase", "en,ru", "headline", "a capitalised word seen in lowercase elsewhere in the document", true},
    [R_RU_NAME_VERB] = {"ru-name-verb", "ru", "headline", "after a headline, a name and a verb restating it", true},
    [R_APPOSITION_LEAD] = {"apposition-lead", "en", "headline", "\"Forward Kirill Panchenko is\": an apposition before the headline's name", true},
    [R_LONG_HEADLINE] = {"long-headline", "en", "headline", "a long headline ran on into the lead: its most probable end", true},
    [R_NAME_SOON] = {"name-soon", "en", "headline", "a name of the headline among the lead's first words", true},
    [R_SUBJECT_AGAIN] = {"subject-again", "en,ru", "headline", "the headline's subject again: \"Microsoft ... Microsoft has\"", true},
    [R_REPEATED_WORDS] = {"repeated-words", "en,ru", "headline", "a name or the headline's opening words repeated across the join", true},
    [R_TITLE_CASE_LEAD] = {"title-case-lead", "en", "headline", "a Title Case headline, then a lowercase word soon", true},
    [R_RU_COMMON_NOUN] = {"ru-common-noun", "ru", "headline", "a capitalised common word in its dictionary form (hunspell)", true},
    [R_FORCED_HEADLINE] = {"forced-headline", "en,ru", "headline", "an article with no sign of a headline: its most probable end", true},
    [R_SUBHEADING_SEARCH] = {"subheading-search", "en,ru", "subheading", "the headline rules past the first sentence", true},
};

const ta_seg_rule *ta_seg_rules(size_t *n)
{
    *n = R_COUNT;
    return table;
}

const char *ta_rule_name(ta_rule_id r)
{
    return table[r].name;
}

ta_status ta_ruleset_init(ta_ruleset *rs, const char *lang, const char *spec, ta_error *err)
{
    (void)lang;
    for (int r = 0; r < R_COUNT; r++)
        rs->on[r] = table[r].on, rs->hits[r] = 0;
    for (const char *p = spec; p && *p;) {
        size_t n = strcspn(p, ",");
        bool on = *p != '-';
        const char *name = p + (*p == '-' || *p == '+');
        size_t nl = n - (size_t)(name - p);
        int r = 0;
        while (r < R_COUNT && !(strlen(table[r].name) == nl && !memcmp(table[r].name, name, nl)))
            r++;
        if (r == R_COUNT || r == R_ICU)
            return ta_fail(err, TA_EINVAL, "unknown segmentation rule '%.*s'", (int)nl, name);
        rs->on[r] = on;
        p += n + (p[n] == ',');
    }
    return TA_OK;
}

bool ta_rule_decided(ta_ruleset *rs, ta_rule_id r, size_t offset, bool made)
{
    if (rs) {
        rs->hits[r]++;
        if (rs->explain)
            rs->explain(rs->explain_ctx, rs->base + offset, table[r].name, made);
    }
    return made;
}

/* List markers (segrules.h): "2.", "b.", "IV.", "2.)", "2)", "§2.", "8.1.", with an optional bullet
 * ("• 9.", "⁃9."). Returns the item number (letters count a=1), -1 for a marker without a
 * sequence number, 0 when the token is not a marker. */
int ta_list_marker(const char *s, size_t a, size_t e, bool *bullet)
{
    *bullet = false;
    size_t i = a;
    while (i < e) {
        size_t q = i;
        uint32_t c = ta_u8_decode(s, e, &q);
        if (c != 0x2022 && c != 0x2043 && c != 0x25CF && c != 0xA7)
            break;
        *bullet = c != 0xA7;
        i = q;
    }
    if (e > i && s[e - 1] == ')')
        e--;
    if (e <= i)
        return 0;
    bool dot = s[e - 1] == '.';
    if (dot)
        e--;
    if (e <= i)
        return 0;
    size_t q = i;
    uint32_t c = ta_u8_decode(s, e, &q);
    if (q == e && ta_is_lower(c) && (dot || s[e] == ')'))
        return c < 0x80 ? (int)(c - 'a' + 1) : c >= 0x430 && c <= 0x44F ? (int)(c - 0x430 + 1) : -1;
    int v = 0, digits = 0, dots = 0;
    for (size_t k = i; k < e; k++) {
        if (ta_is_digit((unsigned char)s[k]) && digits < 3)
            v = v * 10 + s[k] - '0', digits++;
        else if (s[k] == '.' && digits)
            dots++, digits = 0;
        else {
            v = -2;
            break;
        }
    }
    if (v >= 0 && digits && v <= 99)
        return dots ? -1 : v;
    static const char *roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                  "XI", "XII"};
    for (int r = 0; dot && r < 12; r++)
        if (strlen(roman[r]) == e - i && !memcmp(roman[r], s + i, e - i))
            return r + 1;
    return 0;
}
