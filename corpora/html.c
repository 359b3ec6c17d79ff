/* html.c — a self-contained side-by-side review page (plain HTML, inline CSS and a little
 * inline JS, no network): a summary (beads by type, left-out sentences, weak beads), filter
 * buttons (all, non-1-1, weak, left out; #filter=NAME in the URL chooses one), a sticky header,
 * one row a bead coloured by score, a left-out or added sentence (1-0, 0-1) in its own colour
 * whatever its score, each sentence of a merged cell in its own marked span. Everything
 * printed is escaped. The script marks <body data-ready="1"> when it has run (the Chromium
 * test in tests/interop_test.sh relies on it). */
#include "annot.h"
#include <string.h>

void ta_write_html(FILE *f, const ta_corpus *c);

enum { MAX_TYPE = 3 }; /* beads up to 3-3 are counted by type, larger ones as "other" */
#define WEAK_SCORE 0.9 /* below: a weak bead (on the dev cases, >= 0.9 is right 99.0 %) */
#define MID_SCORE 0.5

static const char STYLE[] =
    "body{font:15px/1.4 sans-serif;margin:0 1em 1em}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}"
    "thead{position:sticky;top:0;background:#fff;box-shadow:0 2px 3px #0002}"
    "thead td{border:0;padding:.4em 0}th{text-align:left;padding:.2em .5em}"
    "td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;overflow-wrap:anywhere}"
    "col.n{width:4em}col.t{width:3.5em}col.sc{width:4em}"
    "td.n{text-align:right;color:#555;font-size:12px}td.n a{color:inherit}"
    "tr.hi{background:#e8f6e8}tr.mid{background:#fff6d6}tr.lo{background:#fde2e2}"
    "tr.null{background:#fde2c8}tr.null td.t{font-style:italic}"
    "td.e:empty::after,td.r:empty::after{content:'(no counterpart)';color:#a00}"
    ".s+.s{border-left:3px solid #c60;margin-left:.3em;padding-left:.3em}"
    "button{font:inherit;margin-right:.3em}button[aria-pressed=true]{font-weight:bold;"
    "background:#333;color:#fff}h1{font-size:1.3em;margin:.5em 0}p{margin:.3em 0}";

/* Shows the rows of the chosen filter; buttons and #filter=NAME choose it. */
static const char SCRIPT[] =
    "(function(){\n"
    "var rows=document.querySelectorAll('tr.b'),btns=document.querySelectorAll('button[data-f]');\n"
    "var keep={all:function(){return true},\n"
    " non11:function(r){return r.classList.contains('m')||r.classList.contains('z')},\n"
    " weak:function(r){return r.classList.contains('w')},\n"
    " left:function(r){return r.classList.contains('z')}};\n"
    "function show(name){var n=0;\n"
    " for(var i=0;i<rows.length;i++){var on=keep[name](rows[i]);rows[i].hidden=!on;if(on)n++;}\n"
    " for(var k=0;k<btns.length;k++)btns[k].setAttribute('aria-pressed',btns[k].dataset.f===name);\n"
    " document.getElementById('shown').textContent=n;}\n"
    "for(var k=0;k<btns.length;k++)btns[k].addEventListener('click',function(){show(this.dataset.f);});\n"
    "function fromUrl(){var m=/filter=(\\w+)/.exec(location.hash+location.search);\n"
    " var b=m&&document.querySelector('button[data-f=\"'+m[1]+'\"]');if(b)b.click();}\n"
    "window.addEventListener('hashchange',fromUrl);fromUrl();\n"
    "document.body.setAttribute('data-ready','1');\n"
    "})();\n";

typedef struct {
    size_t by_type[MAX_TYPE + 1][MAX_TYPE + 1], other, shown, weak, left_en, left_ru, merged, null;
} summary;

static summary summarize(const ta_corpus *c)
{
    summary s = {0};
    for (size_t k = 0; k < c->n_beads; k++) {
        if (ta_annot_filtered(c, k))
            continue;
        const ta_bead *b = &c->beads[k];
        int de = b->en1 - b->en0, dr = b->ru1 - b->ru0;
        s.shown++;
        if (de <= MAX_TYPE && dr <= MAX_TYPE)
            s.by_type[de][dr]++;
        else
            s.other++;
        s.weak += b->score < WEAK_SCORE;
        s.left_en += dr ? 0 : (size_t)de;
        s.left_ru += de ? 0 : (size_t)dr;
        s.merged += de && dr && (de > 1 || dr > 1);
        s.null += !de || !dr;
    }
    return s;
}

static void put_summary(FILE *f, const ta_corpus *c, const summary *s)
{
    fprintf(f, "<p>%zu English and %zu Russian sentences in %zu beads", c->n_en, c->n_ru,
            s->shown);
    if (s->shown < c->n_beads)
        fprintf(f, " (%zu more left out by --min-score or --only-1-1)", c->n_beads - s->shown);
    fputs(":", f);
    const char *sep = " ";
    for (int de = 0; de <= MAX_TYPE; de++)
        for (int dr = 0; dr <= MAX_TYPE; dr++)
            if (s->by_type[de][dr]) {
                fprintf(f, "%s%zu&nbsp;%d-%d", sep, s->by_type[de][dr], de, dr);
                sep = ", ";
            }
    if (s->other)
        fprintf(f, "%s%zu larger", sep, s->other);
    fprintf(f, ". Left out: %zu English sentence%s with no Russian counterpart, %zu Russian "
               "sentence%s with no English one. %zu merged bead%s, %zu weak bead%s (score "
               "&lt; %.1f).</p>\n",
            s->left_en, s->left_en == 1 ? "" : "s", s->left_ru, s->left_ru == 1 ? "" : "s",
            s->merged, s->merged == 1 ? "" : "s", s->weak, s->weak == 1 ? "" : "s", WEAK_SCORE);
    fprintf(f, "<p>Green: score &ge; %.1f; yellow: &ge; %.1f; red: below; orange: a sentence "
               "with no counterpart. In merged cells a bar marks where a sentence begins.</p>\n",
            WEAK_SCORE, MID_SCORE);
}

static void put_head(FILE *f, const ta_corpus *c, const char *title)
{
    summary s = summarize(c);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width\"><title>", f);
    ta_put_xml(f, title, strlen(title));
    fprintf(f, "</title>\n<style>%s</style></head><body>\n<h1>", STYLE);
    ta_put_xml(f, title, strlen(title));
    fputs("</h1>\n", f);
    put_summary(f, c, &s);
    fputs("<table>\n<colgroup><col class=\"n\"><col><col><col class=\"t\"><col class=\"sc\">"
          "</colgroup>\n<thead><tr><td colspan=\"5\">", f);
    fprintf(f, "<button data-f=\"all\" aria-pressed=\"true\">all (%zu)</button>"
               "<button data-f=\"non11\">not 1-1 (%zu)</button>"
               "<button data-f=\"weak\">weak (%zu)</button>"
               "<button data-f=\"left\">left out (%zu)</button> showing <span id=\"shown\">"
               "%zu</span></td></tr>\n",
            s.shown, s.shown - s.by_type[1][1], s.weak, s.null, s.shown);
    fputs("<tr><th>#</th><th>English</th><th>Russian</th><th>type</th><th>score</th></tr>"
          "</thead>\n<tbody>\n", f);
}

/* One side's sentences [a, b), each in a span when there are several. */
static void put_cell(FILE *f, const char *const *s, const size_t *len, int a, int b)
{
    for (int k = a; k < b; k++) {
        if (b - a > 1)
            fputs("<span class=\"s\">", f);
        ta_put_xml(f, s[k], len[k]);
        if (b - a > 1)
            fputs("</span>", f);
        if (k + 1 < b)
            fputc(' ', f);
    }
}

void ta_write_html(FILE *f, const ta_corpus *c)
{
    const char *title = c->title ? c->title : "talign review";
    put_head(f, c, title);
    const char *src = c->src_lang ? c->src_lang : "en", *tgt = c->tgt_lang ? c->tgt_lang : "ru";
    for (size_t k = 0; k < c->n_beads; k++) {
        if (ta_annot_filtered(c, k))
            continue;
        const ta_bead *b = &c->beads[k];
        int de = b->en1 - b->en0, dr = b->ru1 - b->ru0;
        bool null = !de || !dr;
        const char *cls = null                     ? "null"
                          : b->score >= WEAK_SCORE ? "hi"
                          : b->score >= MID_SCORE  ? "mid"
                                                   : "lo";
        fprintf(f, "<tr class=\"b %s%s%s\" id=\"b%zu\"><td class=\"n\"><a href=\"#b%zu\">%zu</a>"
                   "</td><td class=\"e\" lang=\"", cls, null ? " z" : de > 1 || dr > 1 ? " m" : "",
                b->score < WEAK_SCORE ? " w" : "", k + 1, k + 1, k + 1);
        ta_put_xml(f, src, strlen(src));
        fputs("\">", f);
        put_cell(f, c->en, c->en_len, b->en0, b->en1);
        fputs("</td><td class=\"r\" lang=\"", f);
        ta_put_xml(f, tgt, strlen(tgt));
        fputs("\">", f);
        put_cell(f, c->ru, c->ru_len, b->ru0, b->ru1);
        fprintf(f, "</td><td class=\"n t\">%d-%d</td><td class=\"n\">%.2f</td></tr>\n", de, dr,
                b->score);
    }
    fprintf(f, "</tbody></table>\n<script>%s</script>\n</body></html>\n", SCRIPT);
}
