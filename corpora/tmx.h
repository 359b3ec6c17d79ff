/* tmx.h — the pieces of TMX that the document writer (tmx.c) and the corpus writer (stream.c)
 * share, so that both write the same units (private to the writers). */
#ifndef TA_TMX_H
#define TA_TMX_H
#include "escape.h"

/* The whole document: header, units, footer. */
void ta_write_tmx(FILE *f, const ta_corpus *c);
/* Up to and including <body>; a creationdate when created > 0. */
void ta_tmx_header(FILE *f, const char *src, long long created);
void ta_tmx_footer(FILE *f);
/* <tu tuid="[DOC:]N[.PIECE]" creationdate=".." segtype="block">: N is the bead's number
 * (1-based), PIECE left out when 0, DOC when not NULL, creationdate when created > 0, segtype
 * when `block`. */
void ta_tmx_tu_open(FILE *f, const char *doc, size_t n, int piece, long long created, bool block);
/* <tuv xml:lang="LANG"><prop type="x-source">DOC</prop><seg> (the prop when doc is not NULL);
 * the caller writes the text and ta_tmx_tuv_close. */
void ta_tmx_tuv_open(FILE *f, const char *lang, const char *doc);
void ta_tmx_tuv_close(FILE *f);
#endif
