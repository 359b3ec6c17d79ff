/* wordforms.c — the word-form file of a hunspell dictionary: written by scripts/mkforms.c,
 * mapped read-only by the headline rules. Layout: a header (magic, slot count, entry count,
 * the sizes and times of the .aff and .dic it was made from) and an open-addressing table of
 * 64-bit entries, key | flags, 0 for an empty slot, in the machine's byte order. */
#include "wordforms.h"
#include "internal.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MAGIC[8] = {'T', 'A', 'F', 'O', 'R', 'M', 'S', '1'};
enum { LOAD_PERCENT = 60,   /* at most this share of the slots is used */
       MAX_BREAKS = 10,     /* hunspell gives up on a word with this many hyphens */
       HOME_SHIFT = 17 };   /* the bits of the spread key that pick the first slot */
#define HOME_SPREAD 0x9E3779B97F4A7C15ULL /* 2^64 / golden ratio (Fibonacci hashing) */

typedef struct {
    char magic[8];
    uint64_t slots, entries;
    uint64_t aff_size, dic_size;
    int64_t aff_mtime, dic_mtime;
    uint64_t ordinals; /* the dictionary takes English ordinals ("21st"), checked by mkforms */
} header;

struct ta_wordforms {
    void *map;
    size_t map_len;
    const uint64_t *slot;
    uint64_t mask;
    bool ordinals;
};

uint64_t ta_wordforms_key(const char *w, size_t n)
{
    uint64_t k = ta_hash(w, n) & ~(uint64_t)TA_WF_FLAGS;
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

ta_wordforms *ta_wordforms_open(const char *dir, const char *loc, const char *aff,
                                const char *dic)
{
    char path[4096];
    header want, h;
    if (!dir || snprintf(path, sizeof path, "%s/forms.%s", dir, loc) >= (int)sizeof path ||
        sources(&want, aff, dic))
        return NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
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
                h.aff_size == want.aff_size && h.aff_mtime == want.aff_mtime &&
                h.dic_size == want.dic_size && h.dic_mtime == want.dic_mtime;
    if (fits && (f = malloc(sizeof *f))) {
        f->map = map, f->map_len = (size_t)st.st_size;
        f->slot = (const uint64_t *)((const char *)map + sizeof h);
        f->mask = h.slots - 1;
        f->ordinals = h.ordinals;
        return f;
    }
    munmap(map, (size_t)st.st_size);
    return NULL;
}

/* The flags of w[0, n) as one form of the file, 0 when it is not there. */
static int find(const ta_wordforms *f, const char *w, size_t n)
{
    uint64_t key = ta_wordforms_key(w, n), i = home(key, f->mask);
    for (uint64_t k = 0; k <= f->mask; k++, i = (i + 1) & f->mask) { /* a damaged file may be full */
        uint64_t e = f->slot[i];
        if (!e)
            return 0;
        if ((e & ~(uint64_t)TA_WF_FLAGS) == key)
            return (int)(e & TA_WF_FLAGS);
    }
    return 0;
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

/* Hunspell_spell for a lowercase word, as hunspell checks it: trailing dots off (an
 * abbreviation: the word with one dot may be an entry), a number, an entry, and else broken at
 * hyphens (its default BREAK patterns "-", "^-", "-$"): a hyphen at either end off, then both
 * sides of the second hyphen, then of the first. */
static bool spell(const ta_wordforms *f, const char *w, size_t n)
{
    size_t m = undotted(w, n);
    if (!m)
        return false;
    if (number(w, m) || (f->ordinals && ta_wordforms_ordinal(w, m)) ||
        (find(f, w, m) & TA_WF_KNOWN) || (m < n && (find(f, w, m + 1) & TA_WF_KNOWN)))
        return true;
    size_t breaks = 0;
    for (size_t i = 0; i < m; i++)
        breaks += w[i] == '-';
    if (!breaks || breaks >= MAX_BREAKS)
        return false;
    if ((w[0] == '-' && spell(f, w + 1, m - 1)) || (w[m - 1] == '-' && spell(f, w, m - 1)))
        return true;
    size_t first = (size_t)((const char *)memchr(w, '-', m) - w), second = first;
    if (!first || first + 1 >= m) /* hunspell looks no further than a hyphen at either end */
        return false;
    const char *next = memchr(w + first + 1, '-', m - first - 1);
    if (next && (size_t)(next - w) + 1 < m)
        second = (size_t)(next - w);
    size_t at[2] = {second, first};
    for (int k = 0; k < (second != first ? 2 : 1); k++)
        if (spell(f, w + at[k] + 1, m - at[k] - 1) && spell(f, w, at[k]))
            return true;
    return false;
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
    return (flags & TA_WF_KNOWN) || spell(f, w, n);
}

void ta_wordforms_close(ta_wordforms *f)
{
    if (!f)
        return;
    munmap(f->map, f->map_len);
    free(f);
}

int ta_wordforms_write(const char *path, const char *aff, const char *dic,
                       const uint64_t *entries, size_t n, bool ordinals)
{
    header h = {.entries = n, .ordinals = ordinals};
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
