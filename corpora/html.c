/* html.c — a self-contained side-by-side review page: one row a bead, coloured by score, a
 * left-out or added sentence (1-0, 0-1) in its own colour whatever its score, merged beads
 * marked. Everything printed is escaped. */
#include "annot.h"
#include <string.h>

void ta_write_html(FILE *f, const ta_corpus *c);

void ta_write_html(FILE *f, const ta_corpus *c)
{
    const char *title = c->title ? c->title : "talign review";
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>", f);
    ta_put_xml(f, title, strlen(title));
    fputs("</title>\n<style>body{font:15px/1.4 sans-serif;margin:1em}table{border-collapse:"
          "collapse;width:100%}td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}"
          "td.n{width:4em;text-align:right;color:#555;font-size:12px}tr.hi{background:#e8f6e8}"
          "tr.mid{background:#fff6d6}tr.lo{background:#fde2e2}tr.null{background:#fde2c8}"
          "tr.null td.t{font-style:italic}"
          "td.e:empty::after,td.r:empty::after{content:'(left out)';color:#a00}"
          "th{text-align:left}</style></head><body>\n<h1>", f);
    ta_put_xml(f, title, strlen(title));
    fprintf(f, "</h1>\n<p>%zu English and %zu Russian sentences in %zu beads. Green: score "
               "&ge; 0.9; yellow: &ge; 0.5; red: below; orange: a sentence with no counterpart (1-0, "
               "0-1). Rows marked 2-1, 1-2 &hellip; merge sentences.</p>\n<table>\n"
               "<tr><th>#</th><th>English</th><th>Russian</th><th>type</th><th>score</th></tr>\n",
            c->n_en, c->n_ru, c->n_beads);
    for (size_t k = 0; k < c->n_beads; k++) {
        if (ta_annot_filtered(c, k))
            continue;
        const ta_bead *b = &c->beads[k];
        int de = b->en1 - b->en0, dr = b->ru1 - b->ru0;
        const char *cls = !de || !dr       ? "null"
                          : b->score >= 0.9 ? "hi"
                          : b->score >= 0.5 ? "mid"
                                            : "lo";
        fprintf(f, "<tr class=\"%s\"><td class=\"n\">%zu</td><td class=\"e\" lang=\"en\">", cls,
                k + 1);
        ta_put_join(f, c->en, c->en_len, b->en0, b->en1, ta_put_xml);
        fputs("</td><td class=\"r\" lang=\"ru\">", f);
        ta_put_join(f, c->ru, c->ru_len, b->ru0, b->ru1, ta_put_xml);
        fprintf(f, "</td><td class=\"n t\">%d-%d</td><td class=\"n\">%.2f</td></tr>\n", de, dr,
                b->score);
    }
    fputs("</table>\n</body></html>\n", f);
}
