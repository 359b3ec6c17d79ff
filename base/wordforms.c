/* wordforms.c — the word-form file of a hunspell dictionary: written by scripts/mkforms.c,
 * mapped read-only by the headline rules and the spelling check. Layout: a header (magic, slot count, entry count,
 * the sizes and times of the .aff and .dic it was made from) and an open-addressing table of
 * 64-bit entries, key | flags, 0 for an empty slot, in the machine's byte order. Words in
 * capitals are looked up by their lowercase form, as hunspell reads case. */
#include "wordforms.h"
#include "internal.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The version in the magic changes with the keys: ta_hash, ta_to_lower/ta_to_upper (recase),
 * the flags. */
static const char MAGIC[8] = {'T', 'A', 'F', 'O', 'R', 'M', 'S', '2'};
enum { LOAD_PERCENT = 75,   /* at most this share of the slots is used (ru_RU: 69 %, 16 MB) */
       MAX_BREAKS = 10,     /* hunspell gives up on a word with this many hyphens */
       MAX_WORD = 256,      /* bytes of a word in other case (hunspell's limit is 100) */
       HOME_SHIFT = 17 };   /* the bits of the spread key that pick the first slot */
#define HOME_SPREAD 0x9E3779B97F4A7C15ULL /* 2^64 / golden ratio (Fibonacci hashing) */
#define ADDED_SALT 0xD6E8FEB86659FD93ULL  /* an odd multiplier: the added words' own keys */

typedef struct {
    char magic[8];
    uint64_t slots, entries;
    uint64_t aff_size, dic_size;
    int64_t aff_mtime, dic_mtime;
    uint64_t ordinals; /* the dictionary takes English ordinals ("21st"), checked by mkforms */
    uint64_t words;    /* the hash of the added words (spellwords.h) */
} header;

struct ta_wordforms {
    void *map;
    size_t map_len;
    const uint64_t *slot;
    uint64_t mask, words;
    bool ordinals;
    /* the process-wide list of mapped files: the file, its sources, the handles on it */
    dev_t dev;
    ino_t ino;
    time_t mtime;
    uint64_t aff_size, dic_size;
    int64_t aff_mtime, dic_mtime;
    size_t refs;
    ta_wordforms *next;
};

uint64_t ta_wordforms_key(const char *w, size_t n)
{
    uint64_t k = ta_hash(w, n) & ~(uint64_t)TA_WF_FLAGS;
    return k ? k : TA_WF_FLAGS + 1;
}

uint64_t ta_wordforms_added_key(const char *w, size_t n)
{
    uint64_t k = (ta_hash(w, n) * ADDED_SALT) & ~(uint64_t)TA_WF_FLAGS;
    return k ? k : TA_WF_FLAGS + 1;
}

/* The first slot a key is looked for at: its high bits, spread by a multiply. */
static uint64_t home(uint64_t key, uint64_t mask)
{
    return (key * HOME_SPREAD >> HOME_SHIFT) & mask;
}

/* Fills the header's source fields from the two files; 0 on success. */
static int sources(header *h, const char *aff, const char *dic)
{
    struct stat a, d;
    if (stat(aff, &a) || stat(dic, &d))
        return -1;
    h->aff_size = (uint64_t)a.st_size, h->aff_mtime = (int64_t)a.st_mtime;
    h->dic_size = (uint64_t)d.st_size, h->dic_mtime = (int64_t)d.st_mtime;
    return 0;
}

/* The files mapped now, each once per process however many handles ask for it (a corpus
 * run's workers each have a segmenter and a speller): their pages are then counted once. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;
static ta_wordforms *open_files;

/* Maps the file at path when it is whole and made from the sources in `want`; NULL else. */
static ta_wordforms *map_file(const char *path, const header *want)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    header h;
    if (fd < 0)
        return NULL;
    void *map = MAP_FAILED;
    if (!fstat(fd, &st) && (size_t)st.st_size >= sizeof h)
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return NULL;
    memcpy(&h, map, sizeof h);
    ta_wordforms *f = NULL;
    bool fits = !memcmp(h.magic, MAGIC, sizeof MAGIC) && h.slots && !(h.slots & (h.slots - 1)) &&
                h.slots <= ((size_t)st.st_size - sizeof h) / sizeof(uint64_t) &&
                sizeof h + h.slots * sizeof(uint64_t) == (size_t)st.st_size &&
                h.aff_size == want->aff_size && h.aff_mtime == want->aff_mtime &&
                h.dic_size == want->dic_size && h.dic_mtime == want->dic_mtime;
    if (fits && (f = calloc(1, sizeof *f))) {
        f->map = map, f->map_len = (size_t)st.st_size;
        f->slot = (const uint64_t *)((const char *)map + sizeof h);
        f->mask = h.slots - 1;
        f->ordinals = h.ordinals;
        f->words = h.words;
        f->dev = st.st_dev, f->ino = st.st_ino, f->mtime = st.st_mtime;
        return f;
    }
    munmap(map, (size_t)st.st_size);
    return NULL;
}

ta_wordforms *ta_wordforms_open(const char *dir, const char *loc, const char *aff,
                                const char *dic)
{
    char path[4096];
    header want;
    struct stat st;
    if (!dir || snprintf(path, sizeof path, "%s/forms.%s", dir, loc) >= (int)sizeof path ||
        sources(&want, aff, dic) || stat(path, &st))
        return NULL;
    pthread_mutex_lock(&open_lock);
    ta_wordforms *f = open_files;
    while (f && !(f->dev == st.st_dev && f->ino == st.st_ino && f->mtime == st.st_mtime &&
                  f->aff_size == want.aff_size && f->aff_mtime == want.aff_mtime &&
                  f->dic_size == want.dic_size && f->dic_mtime == want.dic_mtime))
        f = f->next;
    if (f)
        f->refs++;
    else if ((f = map_file(path, &want))) {
        f->aff_size = want.aff_size, f->aff_mtime = want.aff_mtime;
        f->dic_size = want.dic_size, f->dic_mtime = want.dic_mtime;
        f->refs = 1;
        f->next = open_files;
        open_files = f;
    }
    pthread_mutex_unlock(&open_lock);
    return f;
}

/* The flags of the entry of `key`, 0 when there is none. */
static int find_key(const ta_wordforms *f, uint64_t key)
{
    uint64_t i = home(key, f->mask);
    for (uint64_t k = 0; k <= f->mask; k++, i = (i + 1) & f->mask) { /* a damaged file may be full */
        uint64_t e = f->slot[i];
        if (!e)
            return 0;
        if ((e & ~(uint64_t)TA_WF_FLAGS) == key)
            return (int)(e & TA_WF_FLAGS);
    }
    return 0;
}

/* The flags of w[0, n) as one form of the file, 0 when it is not there. */
static int find(const ta_wordforms *f, const char *w, size_t n)
{
    return find_key(f, ta_wordforms_key(w, n));
}

/* ... with the added words when `added`. */
static int find_as(const ta_wordforms *f, const char *w, size_t n, bool added)
{
    return find(f, w, n) | (added ? find_key(f, ta_wordforms_added_key(w, n)) : 0);
}

size_t ta_wordforms_recase(const char *w, size_t n, ta_wf_case c, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    char u[4];
    while (i < n) {
        uint32_t x = ta_u8_decode(w, n, &i);
        bool up = c == TA_WF_ALLCAPS || (c == TA_WF_INITCAP && o == 0);
        x = up ? ta_to_upper(x) : ta_to_lower(x);
        int k = ta_u8_encode(x, u);
        if (o + (size_t)k >= cap)
            return 0;
        memcpy(out + o, u, (size_t)k);
        o += (size_t)k;
    }
    out[o] = 0;
    return o;
}

/* Hunspell's reading of a word's case (its get_captype): letters in capitals counted, and
 * characters without case (digits, hyphens, apostrophes). */
typedef enum { NO_CAPS, INIT_CAP, ALL_CAPS, MIXED } captype;

static captype case_of(const char *w, size_t n)
{
    size_t i = 0, chars = 0, caps = 0, caseless = 0;
    bool first = false;
    while (i < n) {
        uint32_t x = ta_u8_decode(w, n, &i), low = ta_to_lower(x);
        caps += x != low;
        caseless += ta_to_upper(x) == low;
        first |= chars++ == 0 && x != low;
    }
    if (!caps)
        return NO_CAPS;
    if (caps == 1 && first)
        return INIT_CAP;
    return caps + caseless == chars ? ALL_CAPS : MIXED;
}

/* What a lookup asks: the file, with its added words or not, and another dictionary. */
typedef struct {
    const ta_wordforms *f;
    bool added;
    ta_wordforms_other other;
    void *ctx;
} asker;

/* Does hunspell accept w[0, n) itself (no breaking at hyphens): a lowercase or mixed-case
 * form by its own entry, a capitalised or all-capitals one by its lowercase form's flags? */
static bool entry(const asker *a, const char *w, size_t n)
{
    if (a->other && a->other(a->ctx, w, n))
        return true;
    captype c = case_of(w, n);
    if (c == NO_CAPS || c == MIXED)
        return find_as(a->f, w, n, a->added) & TA_WF_KNOWN;
    char low[MAX_WORD];
    size_t m = ta_wordforms_recase(w, n, TA_WF_LOWER, low, sizeof low);
    return m && (find_as(a->f, low, m, a->added) & (c == INIT_CAP ? TA_WF_CAP : TA_WF_UPPER));
}

/* Hunspell's numbers: digits with single dots, commas or hyphens between them ("1,5", "2021"). */
static bool number(const char *w, size_t n)
{
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= '0' && w[i] <= '9')
            digit = true;
        else if ((w[i] == ',' || w[i] == '.' || w[i] == '-') && i && digit)
            digit = false;
        else
            return false;
    }
    return digit;
}

bool ta_wordforms_ordinal(const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && w[d] >= '0' && w[d] <= '9')
        d++;
    if (!d || n != d + 2)
        return false;
    static const char *const suffix[] = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"};
    const char *want = d > 1 && w[d - 2] == '1' ? "th" : suffix[w[d - 1] - '0'];
    return !memcmp(w + d, want, 2);
}

/* The length of w[0, n) without the dots after it. */
static size_t undotted(const char *w, size_t n)
{
    while (n && w[n - 1] == '.')
        n--;
    return n;
}

static bool spell(const asker *a, const char *w, size_t n);

/* Hunspell's default BREAK patterns ("-", "^-", "-$") on w[0, m) with `breaks` hyphens: a
 * hyphen at either end off, then both sides of the second hyphen, then of the first. */
static bool broken(const asker *a, const char *w, size_t m, size_t breaks)
{
    if (!breaks || breaks >= MAX_BREAKS)
        return false;
    if ((w[0] == '-' && spell(a, w + 1, m - 1)) || (w[m - 1] == '-' && spell(a, w, m - 1)))
        return true;
    size_t first = (size_t)((const char *)memchr(w, '-', m) - w), second = first;
    if (!first || first + 1 >= m) /* hunspell looks no further than a hyphen at either end */
        return false;
    const char *next = memchr(w + first + 1, '-', m - first - 1);
    if (next && (size_t)(next - w) + 1 < m)
        second = (size_t)(next - w);
    size_t at[2] = {second, first};
    for (int k = 0; k < (second != first ? 2 : 1); k++)
        if (spell(a, w + at[k] + 1, m - at[k] - 1) && spell(a, w, at[k]))
            return true;
    return false;
}

/* Hunspell_spell, as hunspell checks a word: trailing dots off (an abbreviation: the word
 * with one dot may be an entry), a number, an entry in the word's case, and else broken at
 * hyphens; a word in capitals is broken as hunspell left it, capitalised ("African-american",
 * whose "american" it does not take). */
static bool spell(const asker *a, const char *w, size_t n)
{
    size_t m = undotted(w, n);
    if (!m)
        return false;
    if (number(w, m) || (a->f->ordinals && ta_wordforms_ordinal(w, m)) || entry(a, w, m) ||
        (m < n && entry(a, w, m + 1)))
        return true;
    size_t breaks = 0;
    for (size_t i = 0; i < m; i++)
        breaks += w[i] == '-';
    char cap[MAX_WORD];
    if (breaks && case_of(w, m) == ALL_CAPS) {
        if (!(m = ta_wordforms_recase(w, m, TA_WF_INITCAP, cap, sizeof cap)))
            return false;
        w = cap;
    }
    return broken(a, w, m, breaks);
}

bool ta_wordforms_spell(const ta_wordforms *f, const char *w, size_t n, bool *lemma)
{
    int flags = n ? find(f, w, n) : 0;
    if (lemma && (flags & TA_WF_KNOWN))
        *lemma = flags & TA_WF_LEMMA;
    else if (lemma) { /* no stem but those of a form before dots, and none equals the word */
        size_t m = undotted(w, n);
        *lemma = !(m && m < n && (find(f, w, m) & TA_WF_STEMS));
    }
    asker a = {.f = f};
    return (flags & TA_WF_KNOWN) || spell(&a, w, n);
}

bool ta_wordforms_spell_cased(const ta_wordforms *f, const char *w, size_t n,
                              ta_wordforms_other other, void *ctx)
{
    asker a = {.f = f, .added = true, .other = other, .ctx = ctx};
    return n && spell(&a, w, n);
}

uint64_t ta_wordforms_words(const ta_wordforms *f) { return f->words; }

void ta_wordforms_close(ta_wordforms *f)
{
    if (!f)
        return;
    pthread_mutex_lock(&open_lock);
    bool last = --f->refs == 0;
    if (last) {
        ta_wordforms **p = &open_files;
        while (*p != f)
            p = &(*p)->next;
        *p = f->next;
    }
    pthread_mutex_unlock(&open_lock);
    if (!last)
        return;
    munmap(f->map, f->map_len);
    free(f);
}

int ta_wordforms_write(const char *path, const char *aff, const char *dic, uint64_t words,
                       const uint64_t *entries, size_t n, bool ordinals)
{
    header h = {.entries = n, .ordinals = ordinals, .words = words};
    memcpy(h.magic, MAGIC, sizeof MAGIC);
    if (sources(&h, aff, dic))
        return -1;
    h.slots = 1;
    while (h.slots * LOAD_PERCENT / 100 < n + 1)
        h.slots *= 2;
    uint64_t *slot = calloc(h.slots, sizeof *slot), mask = h.slots - 1;
    if (!slot)
        return -1;
    for (size_t k = 0; k < n; k++) {
        uint64_t i = home(entries[k] & ~(uint64_t)TA_WF_FLAGS, mask);
        while (slot[i])
            i = (i + 1) & mask;
        slot[i] = entries[k];
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *out = fopen(tmp, "wb");
    int bad = !out || fwrite(&h, sizeof h, 1, out) != 1 ||
              fwrite(slot, sizeof *slot, h.slots, out) != h.slots;
    bad |= out && fclose(out) != 0;
    bad = bad || rename(tmp, path) != 0;
    if (bad) {
        int e = errno;
        unlink(tmp);
        errno = e;
    }
    free(slot);
    return bad ? -1 : 0;
}
