/* document.h — paragraphs and TASS structure (private to the library). */
#ifndef TA_DOCUMENT_H
#define TA_DOCUMENT_H
#include "internal.h"

typedef struct {
    size_t start, end;   /* trimmed bytes of the paragraph */
    size_t dateline_end; /* > start when the paragraph opens with a dateline */
    ta_kind kind;
} ta_para;

/* Prefixes of site furniture lines, one a line in boilerplate.txt ("All news", "Обновлено:"). */
typedef struct {
    char **prefix;
    size_t n;
} ta_boiler;

ta_status ta_boiler_load(ta_boiler *b, const char *data_dir, ta_error *err);
void ta_boiler_release(ta_boiler *b);

/* Splits `s` into paragraphs (one a line, or blank-line separated when `wrapped`) and labels
 * them. *out is malloc'ed (free()). Returns -1 when out of memory. */
int ta_paragraphs(const char *s, size_t len, bool wrapped, const ta_boiler *b, ta_para **out,
                  size_t *n);

/* End of a dateline ("WASHINGTON, June 22. /TASS/.") starting at s[i], or 0 when none. */
size_t ta_dateline_end(const char *s, size_t len, size_t i);
#endif
