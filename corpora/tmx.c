/* tmx.c — TMX 1.4b writer: header with the seven required attributes, one <tu> per non-null
 * bead at or above min_score, an x-score prop per unit; tuid = the bead's number, and
 * segtype="block" on a unit of several sentences (sentence-based tools match no such unit). */
#include "annot.h"
#include <string.h>

void ta_write_tmx(FILE *f, const ta_corpus *c);
void ta_tmx_header(FILE *f, const char *src);
void ta_tmx_footer(FILE *f);

/* up to and including <body> (shared with the corpus writer, stream.c) */
void ta_tmx_header(FILE *f, const char *src)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n", f);
    fprintf(f, "  <header creationtool=\"talign\" creationtoolversion=\"%s\" segtype=\"sentence\""
               " o-tmf=\"talign\" adminlang=\"en\" srclang=\"", TA_VERSION);
    ta_put_xml(f, src, strlen(src));
    fputs("\" datatype=\"plaintext\"/>\n  <body>\n", f);
}

void ta_tmx_footer(FILE *f)
{
    fputs("  </body>\n</tmx>\n", f);
}

void ta_write_tmx(FILE *f, const ta_corpus *c)
{
    const char *src = c->src_lang ? c->src_lang : "en", *tgt = c->tgt_lang ? c->tgt_lang : "ru";
    ta_tmx_header(f, src);
    for (size_t k = 0; k < c->n_beads; k++) {
        const ta_bead *b = &c->beads[k];
        if (ta_annot_skip(c, k))
            continue;
        bool block = b->en1 - b->en0 > 1 || b->ru1 - b->ru0 > 1;
        fprintf(f, "    <tu tuid=\"%zu\"%s>\n      <prop type=\"x-score\">%.3f</prop>\n", k + 1,
                block ? " segtype=\"block\"" : "", b->score);
        ta_annot_tmx(f, c, k);
        fputs("      <tuv xml:lang=\"", f);
        ta_put_xml(f, src, strlen(src));
        fputs("\"><seg>", f);
        ta_put_join(f, c->en, c->en_len, b->en0, b->en1, ta_put_xml);
        fputs("</seg></tuv>\n      <tuv xml:lang=\"", f);
        ta_put_xml(f, tgt, strlen(tgt));
        fputs("\"><seg>", f);
        ta_put_join(f, c->ru, c->ru_len, b->ru0, b->ru1, ta_put_xml);
        fputs("</seg></tuv>\n    </tu>\n", f);
    }
    ta_tmx_footer(f);
}
