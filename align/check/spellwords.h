/* spellwords.h — the words the spelling check adds to hunspell's dictionaries: lexicon/spell.en,
 * spell.ru (words today's news has and the 2010 dictionaries lack) and the names file. Read
 * here, given the model word whose inflection they follow, and hashed, so that a word-form file
 * that scripts/mkforms.c made with these very words can stand for the dictionary with them
 * added (base/wordforms.h). Private to the library and mkforms. */
#ifndef TA_SPELLWORDS_H
#define TA_SPELLWORDS_H
#include "internal.h"

typedef struct {
    char *word, *model; /* UTF-8; model NULL = chosen by the ending (Cyrillic) or none */
    bool name;          /* from the names file (exempt), not from spell.en / spell.ru */
} ta_spellword;

typedef struct {
    ta_spellword *v;
    size_t n, cap;
} ta_spellwords;

/* Appends the words of `lines` ("WORD [WORD ...][<TAB>MODEL]": each word with the line's
 * model); when `exempt` is not NULL, the words are names: each goes lowercased into it too
 * (names are never flagged). `scratch` is a buffer for the lowercasing. 0, or -1 when memory is out. */
int ta_spellwords_parse(ta_spellwords *w, char **lines, size_t n, ta_strmap *exempt,
                        ta_buf *scratch);

/* Is the word Cyrillic (its first letter), so that it goes into ru_RU rather than en_US? */
bool ta_spellword_cyrillic(const char *word);

/* The model of entry e: its own, or for a Cyrillic word the dictionary word its ending
 * inflects like (Песков as Пушкин, Захарова as мама, Байден as стол); NULL for a word taken as
 * it is (Шойгу, a Latin word). `low` is scratch for the lowercase word. NULL also when memory
 * is out (then *oom is set). */
const char *ta_spellword_model(const ta_spellword *e, ta_buf *low, bool *oom);

/* A hash of the words of one script (Cyrillic or not) in their order, with their models as
 * written, names left out: a word-form file records it and is used only when the speller's
 * words give it (names are added apart, spell.c). */
uint64_t ta_spellwords_hash(const ta_spellwords *w, bool cyrillic);

/* Frees the words; the list may be zeroed. */
void ta_spellwords_release(ta_spellwords *w);

#endif
