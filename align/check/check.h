/* check.h — what every translation QA check sees (private): the document, the bead under
 * test with both sides joined into one string, and ta_emit() to report a finding. The table
 * of checks (name, severity, function) is in check.c; each check is one function. */
#ifndef TA_CHECK_H
#define TA_CHECK_H
#include "internal.h"

typedef struct check_ctx check_ctx;

/* The bead under test: sentences joined by single spaces, as the writers join them. */
typedef struct {
    size_t index;           /* index of the bead in doc->beads */
    const ta_bead *b;
    const char *en, *ru;    /* NUL-terminated, owned by the context */
    size_t en_len, ru_len;
} check_bead;

struct check_ctx {
    ta_checker *ck;         /* the checker: its data (glossary, speller, lexicon ...) */
    const ta_corpus *doc;
    check_bead cur;         /* the bead a per-bead check is called for */
    ta_vec *out;            /* ta_finding: what the checks found */
    const char *check;      /* the name of the check running now */
    ta_severity severity;   /* its severity */
};

/* Reports a finding of the running check on bead `bead` with sentence ids [en0, en1) and
 * [ru0, ru1); lang/word/suggestions may be NULL. The message is printf-formatted. Returns 0,
 * or -1 when out of memory. */
int ta_emit(check_ctx *x, size_t bead, size_t en0, size_t en1, size_t ru0, size_t ru1,
            const char *lang,
            const char *word, const char *suggestions, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 10, 11)))
#endif
    ;

/* The same for the bead under test, with all of its sentences. */
#define TA_EMIT_BEAD(x, lang, word, sugg, ...)                                                  \
    ta_emit((x), (x)->cur.index, (x)->cur.b->en0, (x)->cur.b->en1, (x)->cur.b->ru0,             \
            (x)->cur.b->ru1, (lang), (word), (sugg), __VA_ARGS__)

/* A check over one bead (x->cur) or over the whole document: 0, or -1 out of memory. */
typedef int (*check_fn)(check_ctx *x);

#endif
