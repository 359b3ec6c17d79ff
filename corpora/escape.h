/* escape.h — writing text safely into XML/HTML and JSON (private to the writers). */
#ifndef TA_ESCAPE_H
#define TA_ESCAPE_H
#include "internal.h"
#include <stdio.h>
/* Writes s[0..n) with & < > " ' escaped; C0 controls (except tab) and invalid bytes dropped. */
void ta_put_xml(FILE *f, const char *s, size_t n);
/* Writes a JSON string literal (with quotes); controls as \\u escapes, invalid bytes as U+FFFD. */
void ta_put_json(FILE *f, const char *s, size_t n);
/* The same without the quotes (to write one string in pieces). */
void ta_put_json_inner(FILE *f, const char *s, size_t n);
/* Sentences [a, b) of one side joined by single spaces, through `put`. */
void ta_put_join(FILE *f, const char *const *s, const size_t *len, size_t a, size_t b,
                 void (*put)(FILE *, const char *, size_t));
void ta_put_raw(FILE *f, const char *s, size_t n); /* tabs and newlines become spaces */
/* TA_OK, or TA_EIO with "write error: REASON" in err when writing to f (or f2, may be NULL)
 * failed. */
ta_status ta_put_done(FILE *f, FILE *f2, ta_error *err);
#endif
