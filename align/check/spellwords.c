/* spellwords.c — the words the spelling check adds to the dictionaries, their model words and
 * their hash (see spellwords.h). */
#include "spellwords.h"
#include <stdlib.h>
#include <string.h>

enum { FIRST_CYRILLIC = 0x400, PAST_CYRILLIC = 0x530, INITIAL_CAP = 64 };
#define HASH_MIX 0x100000001B3ULL /* the 64-bit FNV prime */

static int push(ta_spellwords *w, const char *word, const char *model, bool name)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : INITIAL_CAP;
        ta_spellword *v = realloc(w->v, cap * sizeof *v);
        if (!v)
            return -1;
        w->v = v, w->cap = cap;
    }
    ta_spellword *e = &w->v[w->n];
    e->word = strdup(word);
    e->model = model && *model ? strdup(model) : NULL;
    e->name = name;
    if (!e->word || (model && *model && !e->model)) {
        free(e->word);
        return -1;
    }
    w->n++;
    return 0;
}

int ta_spellwords_parse(ta_spellwords *w, char **lines, size_t n, ta_strmap *exempt,
                        ta_buf *scratch)
{
    for (size_t i = 0; i < n; i++) {
        char *tab = strchr(lines[i], '\t'), *model = NULL;
        if (tab) {
            *tab = 0;
            model = tab + 1 + strspn(tab + 1, " \t");
        }
        for (char *sv, *word = strtok_r(lines[i], " ", &sv); word; word = strtok_r(NULL, " ", &sv)) {
            if (push(w, word, model, exempt != NULL))
                return -1;
            if (exempt) {
                scratch->len = 0;
                if (ta_u8_lower(scratch, word, strlen(word), true) ||
                    ta_strmap_put(exempt, scratch->data ? scratch->data : "", scratch->len, 1))
                    return -1;
            }
        }
    }
    return 0;
}

bool ta_spellword_cyrillic(const char *word)
{
    size_t i = 0, n = strlen(word);
    uint32_t c = n ? ta_u8_decode(word, n, &i) : 0;
    return c >= FIRST_CYRILLIC && c < PAST_CYRILLIC;
}

static bool ends_with(const char *w, const char *suffix)
{
    size_t n = strlen(w), k = strlen(suffix);
    return n > k && !strcmp(w + n - k, suffix);
}

/* The dictionary word whose inflection a Cyrillic name (lowercased) follows, by its ending;
 * NULL for an indeclinable one (Шойгу, Тимошенко). Each model was checked to give the cases
 * (tests/data/check_spelling.txt). */
static const char *ru_model(const char *low)
{
    static const struct {
        const char *ending, *model;
    } by_end[] = {
        {"ова", "мама"}, {"ева", "мама"}, {"ёва", "мама"}, {"ина", "мама"}, {"ына", "мама"},
        {"ий", "Достоевский"}, {"ый", "Достоевский"}, {"ой", "Толстой"},
        {"ов", "Пушкин"}, {"ев", "Пушкин"}, {"ёв", "Пушкин"}, {"ин", "Пушкин"}, {"ын", "Пушкин"},
        {"ия", "Мария"}, {"я", "няня"}, {"а", "мама"}, {"ь", "Игорь"}, {"й", "Андрей"},
    };
    for (size_t i = 0; i < sizeof by_end / sizeof *by_end; i++)
        if (ends_with(low, by_end[i].ending))
            return by_end[i].model;
    size_t n = strlen(low), i = n;
    uint32_t last = ta_u8_prev(low, &i);
    static const char vowels[] = "аеёиоуыэюя";
    char enc[5] = {0};
    ta_u8_encode(last, enc);
    return last >= 0x430 && last < 0x460 && !strstr(vowels, enc) ? "стол" : NULL;
}

const char *ta_spellword_model(const ta_spellword *e, ta_buf *low, bool *oom)
{
    *oom = false;
    if (e->model || !ta_spellword_cyrillic(e->word))
        return e->model;
    low->len = 0;
    if (ta_u8_lower(low, e->word, strlen(e->word), false) || ta_buf_addc(low, 0)) {
        *oom = true;
        return NULL;
    }
    return ru_model(low->data);
}

uint64_t ta_spellwords_hash(const ta_spellwords *w, bool cyrillic)
{
    uint64_t h = 0;
    for (size_t i = 0; i < w->n; i++) {
        const ta_spellword *e = &w->v[i];
        if (e->name || ta_spellword_cyrillic(e->word) != cyrillic)
            continue;
        uint64_t word = ta_hash(e->word, strlen(e->word));
        uint64_t model = e->model ? ta_hash(e->model, strlen(e->model)) : 0;
        h = (h ^ word) * HASH_MIX + model; /* the order counts */
    }
    return h;
}

void ta_spellwords_release(ta_spellwords *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].word);
        free(w->v[i].model);
    }
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
}
