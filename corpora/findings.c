/* findings.c — QA reports: the findings of ta_check written as text (grouped by bead), JSON
 * Lines, CSV (RFC 4180) or an HTML review page with badges, counts and filters. Beads are
 * numbered from 1 (the lines of talign's TSV/JSONL, the HTML page's # column), sentence ids
 * from 0 (as in talign's JSONL). */
#include "escape.h"
#include <stdlib.h>
#include <string.h>

#define N_SEV 3                 /* info, warning, error */
#define SUGGESTION_SEP ", "     /* how ta_finding.suggestions joins its words */
#define HIGH_SCORE 0.9          /* score colours, as on the align review page */
#define MID_SCORE 0.5
#define PLURAL(n) ((n) == 1 ? "" : "s")

static const char *const SEV[N_SEV] = {"info", "warning", "error"};

static int sev_index(ta_severity s) { return s >= TA_SEV_INFO && s <= TA_SEV_ERROR ? (int)s : 0; }

void ta_findings_count(const ta_finding *f, size_t n, size_t by_sev[3])
{
    by_sev[0] = by_sev[1] = by_sev[2] = 0;
    for (size_t i = 0; i < n; i++)
        by_sev[sev_index(f[i].severity)]++;
}

static bool valid(const ta_corpus *d, const ta_finding *f)
{
    return f->check && f->bead < d->n_beads && f->en0 <= f->en1 && f->en1 <= d->n_en &&
           f->ru0 <= f->ru1 && f->ru1 <= d->n_ru &&
           (f->moved_bead == TA_NO_BEAD || f->moved_bead < d->n_beads);
}

/* ---- pieces ---------------------------------------------------------------------------- */

/* Text for a terminal: tabs and line breaks as spaces, other controls dropped, invalid bytes
 * as U+FFFD. */
static void put_plain(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        if (c == '\t' || c == '\n' || c == '\r')
            fputc(' ', f);
        else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
            continue;
        else if (c == 0xFFFD && i - a == 1)
            fputs("\xEF\xBF\xBD", f);
        else
            fwrite(s + a, 1, i - a, f);
    }
}


static void put_cstr(FILE *f, const char *s, void (*put)(FILE *, const char *, size_t))
{
    put(f, s ? s : "", s ? strlen(s) : 0);
}

/* "14-15", "14" or "none" for sentence ids [a, b). */
static const char *id_range(char buf[48], size_t a, size_t b)
{
    if (a == b)
        snprintf(buf, 48, "none");
    else if (b - a == 1)
        snprintf(buf, 48, "%zu", a);
    else
        snprintf(buf, 48, "%zu-%zu", a, b - 1);
    return buf;
}

static void put_ids(FILE *f, size_t a, size_t b, const char *sep)
{
    for (size_t k = a; k < b; k++)
        fprintf(f, "%s%zu", k > a ? sep : "", k);
}

/* The next suggestion of a ", "-joined list: its start and length; false at the end. */
static bool next_suggestion(const char **s, const char **word, size_t *len)
{
    while (**s == ' ' || **s == ',')
        ++*s;
    if (!**s)
        return false;
    const char *end = strstr(*s, SUGGESTION_SEP);
    *word = *s;
    *len = end ? (size_t)(end - *s) : strlen(*s);
    *s += *len;
    return true;
}

static int cmp_bead(const void *a, const void *b)
{
    const ta_finding *const *x = a, *const *y = b;
    if ((*x)->bead != (*y)->bead)
        return (*x)->bead < (*y)->bead ? -1 : 1;
    return *x < *y ? -1 : *x > *y; /* stable: keep the given order within a bead */
}

/* The findings ordered by bead (ta_check's order already; others are sorted); NULL when out
 * of memory. */
static const ta_finding **by_bead(const ta_finding *f, size_t n)
{
    const ta_finding **o = malloc((n ? n : 1) * sizeof *o);
    for (size_t i = 0; o && i < n; i++)
        o[i] = &f[i];
    if (o)
        qsort(o, n, sizeof *o, cmp_bead);
    return o;
}

/* ---- text --------------------------------------------------------------------------------- */

static void text_bead(FILE *out, const ta_corpus *d, size_t k)
{
    const ta_bead *b = &d->beads[k];
    char e[48], r[48];
    fprintf(out, "bead %zu (en %s, ru %s): %zu-%zu %.2f\n", k + 1, id_range(e, b->en0, b->en1),
            id_range(r, b->ru0, b->ru1), b->en1 - b->en0, b->ru1 - b->ru0, b->score);
    fputs("  en: ", out);
    ta_put_join(out, d->en, d->en_len, b->en0, b->en1, put_plain);
    fputs("\n  ru: ", out);
    ta_put_join(out, d->ru, d->ru_len, b->ru0, b->ru1, put_plain);
    fputc('\n', out);
}

static void text_finding(FILE *out, const ta_corpus *d, const ta_finding *f)
{
    const ta_bead *b = &d->beads[f->bead];
    fprintf(out, "  %s %s: ", SEV[sev_index(f->severity)], f->check);
    put_cstr(out, f->message, put_plain);
    if (f->word) {
        fputs(" [", out);
        if (f->lang)
            fprintf(out, "%s ", f->lang);
        fputc('"', out);
        put_cstr(out, f->word, put_plain);
        fputc('"', out);
        if (f->suggestions) {
            fputs(" suggestions: ", out);
            put_cstr(out, *f->suggestions ? f->suggestions : "none", put_plain);
        }
        fputc(']', out);
    }
    char e[48], r[48];
    if (f->en0 != b->en0 || f->en1 != b->en1 || f->ru0 != b->ru0 || f->ru1 != b->ru1)
        fprintf(out, " (en %s, ru %s)", id_range(e, f->en0, f->en1), id_range(r, f->ru0, f->ru1));
    if (f->moved_bead != TA_NO_BEAD)
        fprintf(out, " (see bead %zu)", f->moved_bead + 1);
    fputc('\n', out);
}

static int write_text(FILE *out, const ta_corpus *d, const ta_finding *f, size_t n)
{
    const ta_finding **o = by_bead(f, n);
    if (!o)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || o[i]->bead != o[i - 1]->bead) {
            if (i)
                fputc('\n', out);
            text_bead(out, d, o[i]->bead);
        }
        text_finding(out, d, o[i]);
    }
    free(o);
    return 0;
}

/* ---- JSON Lines ----------------------------------------------------------------------------- */

static void json_key_str(FILE *out, const char *key, const char *v)
{
    fprintf(out, ",\"%s\":", key);
    put_cstr(out, v, ta_put_json);
}

static void json_suggestions(FILE *out, const char *s)
{
    const char *w;
    size_t len;
    fputs(",\"suggestions\":[", out);
    for (bool first = true; next_suggestion(&s, &w, &len); first = false) {
        if (!first)
            fputc(',', out);
        ta_put_json(out, w, len);
    }
    fputc(']', out);
}

static void write_json(FILE *out, const ta_corpus *d, const ta_finding *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ta_finding *x = &f[i];
        fputs("{\"check\":", out);
        put_cstr(out, x->check, ta_put_json);
        fprintf(out, ",\"severity\":\"%s\",\"bead\":%zu,\"en\":[", SEV[sev_index(x->severity)],
                x->bead + 1);
        put_ids(out, x->en0, x->en1, ",");
        fputs("],\"ru\":[", out);
        put_ids(out, x->ru0, x->ru1, ",");
        fputs("],\"en_text\":\"", out);
        ta_put_join(out, d->en, d->en_len, x->en0, x->en1, ta_put_json_inner);
        fputs("\",\"ru_text\":\"", out);
        ta_put_join(out, d->ru, d->ru_len, x->ru0, x->ru1, ta_put_json_inner);
        fputc('"', out);
        json_key_str(out, "message", x->message);
        if (x->lang)
            json_key_str(out, "lang", x->lang);
        if (x->word)
            json_key_str(out, "word", x->word);
        if (x->suggestions)
            json_suggestions(out, x->suggestions);
        if (x->moved_bead != TA_NO_BEAD)
            fprintf(out, ",\"moved_bead\":%zu", x->moved_bead + 1);
        fputs("}\n", out);
    }
}

/* ---- CSV ---------------------------------------------------------------------------------- */

/* The inside of a quoted field: quotes doubled, controls other than line breaks dropped. */
static void csv_inner(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t a = i;
        uint32_t c = ta_u8_decode(s, n, &i);
        if (c == '"')
            fputs("\"\"", f);
        else if (c == '\t' || c == '\r')
            fputc(' ', f);
        else if ((c < 0x20 && c != '\n') || c == 0x7F)
            continue;
        else if (c == 0xFFFD && i - a == 1)
            fputs("\xEF\xBF\xBD", f);
        else
            fwrite(s + a, 1, i - a, f);
    }
}

/* Opens a quoted field whose text starts with byte `first`: a spreadsheet would run a
 * field starting = + - @ as a formula (CSV injection), so such a field gets a leading '. */
static void csv_open(FILE *f, bool comma, char first)
{
    fputs(comma ? ",\"" : "\"", f);
    if (first == '=' || first == '+' || first == '-' || first == '@')
        fputc('\'', f);
}

static void csv_field(FILE *f, const char *s)
{
    csv_open(f, true, s ? *s : 0);
    put_cstr(f, s, csv_inner);
    fputc('"', f);
}

static void csv_join(FILE *f, const char *const *s, const size_t *len, size_t a, size_t b)
{
    csv_open(f, true, a < b && len[a] ? s[a][0] : 0);
    ta_put_join(f, s, len, a, b, csv_inner);
    fputc('"', f);
}

static void write_csv(FILE *out, const ta_corpus *d, const ta_finding *f, size_t n)
{
    fputs("\xEF\xBB\xBF" /* a BOM, so that spreadsheets read UTF-8 */
          "check,severity,bead,en_ids,ru_ids,en_text,ru_text,message,lang,word,suggestions,"
          "moved_bead\r\n", out);
    for (size_t i = 0; i < n; i++) {
        const ta_finding *x = &f[i];
        csv_open(out, false, *x->check);
        put_cstr(out, x->check, csv_inner);
        fprintf(out, "\",\"%s\",\"%zu\",\"", SEV[sev_index(x->severity)], x->bead + 1);
        put_ids(out, x->en0, x->en1, " ");
        fputs("\",\"", out);
        put_ids(out, x->ru0, x->ru1, " ");
        fputc('"', out);
        csv_join(out, d->en, d->en_len, x->en0, x->en1);
        csv_join(out, d->ru, d->ru_len, x->ru0, x->ru1);
        csv_field(out, x->message);
        csv_field(out, x->lang);
        csv_field(out, x->word);
        csv_field(out, x->suggestions);
        if (x->moved_bead != TA_NO_BEAD)
            fprintf(out, ",\"%zu\"\r\n", x->moved_bead + 1);
        else
            fputs(",\"\"\r\n", out);
    }
}

/* ---- HTML ----------------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    size_t sev[N_SEV];
} check_count;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const check_count *)a)->name, ((const check_count *)b)->name);
}

/* The checks that found something, by name, with their counts; NULL when out of memory. */
static check_count *count_checks(const ta_finding *f, size_t n, size_t *nc)
{
    check_count *c = calloc(n ? n : 1, sizeof *c);
    *nc = 0;
    for (size_t i = 0; c && i < n; i++) {
        size_t k = 0;
        while (k < *nc && strcmp(c[k].name, f[i].check))
            k++;
        if (k == *nc)
            c[(*nc)++].name = f[i].check;
        c[k].sev[sev_index(f[i].severity)]++;
    }
    if (c)
        qsort(c, *nc, sizeof *c, cmp_name);
    return c;
}

static const char HTML_STYLE[] =
    "body{font:15px/1.4 sans-serif;margin:1em}table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
    "#beads thead th{position:sticky;top:0;background:#eee;z-index:1}"
    "td.n{width:3.5em;text-align:right;color:#555;font-size:12px}td.n a{color:#555}"
    "td.hi{background:#e8f6e8}td.mid{background:#fff6d6}td.lo{background:#fde2e2}"
    "td.e:empty::after,td.r:empty::after{content:'(left out)';color:#a00;font-style:italic}"
    "td.q{width:30%}.badge{display:inline-block;margin:1px 2px;padding:0 .4em;border-radius:.6em;"
    "font-size:13px;color:#fff}.badge.error{background:#c62828}.badge.warning{background:#e65100}"
    ".badge.info{background:#1565c0}.badge.ref{background:#fff;border:1px solid #888;color:#333}"
    ".badge.dim{opacity:.25}.badge a{color:inherit}table.counts{width:auto;margin-bottom:1em}"
    "table.counts td{text-align:right}table.counts td:first-child{text-align:left}"
    "#filters{margin:.5em 0 1em}#filters button{margin:2px}#filters button.on{font-weight:bold;"
    "outline:2px solid #333}[hidden]{display:none!important}";

static const char HTML_SCRIPT[] =
    "(function(){var chk='',sev='',only=false;"
    "function apply(){var rows=document.querySelectorAll('#beads tbody tr');"
    "for(var i=0;i<rows.length;i++){var r=rows[i],bs=r.querySelectorAll('.badge'),hit=0;"
    "for(var j=0;j<bs.length;j++){var b=bs[j],m=(!chk||b.dataset.check===chk)&&"
    "(!sev||b.dataset.sev===sev);b.classList.toggle('dim',!m);if(m)hit++;}"
    "r.hidden=!!(only||chk||sev)&&!hit;}}"
    "function group(sel,set){var bs=document.querySelectorAll(sel);"
    "for(var i=0;i<bs.length;i++)bs[i].onclick=function(){"
    "for(var k=0;k<bs.length;k++)bs[k].classList.toggle('on',bs[k]===this);set(this);apply();};}"
    "group('button[data-check]',function(b){chk=b.dataset.check;});"
    "group('button[data-sev]',function(b){sev=b.dataset.sev;});"
    "document.getElementById('only').onchange=function(){only=this.checked;apply();};})();";

static void html_str(FILE *out, const char *s) { put_cstr(out, s, ta_put_xml); }

static void html_head(FILE *out, const ta_corpus *d)
{
    const char *title = d->title ? d->title : "talign check";
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<title>talign check: ", out);
    html_str(out, title);
    fprintf(out, "</title>\n<style>%s</style></head><body>\n<h1>talign check: ", HTML_STYLE);
    html_str(out, title);
    fputs("</h1>\n", out);
}

static size_t beads_with_findings(const ta_finding *const *o, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += i == 0 || o[i]->bead != o[i - 1]->bead;
    return m;
}

static void html_summary(FILE *out, const ta_corpus *d, const check_count *c, size_t nc,
                         size_t n, size_t n_rows)
{
    size_t tot[N_SEV] = {0};
    for (size_t k = 0; k < nc; k++)
        for (int s = 0; s < N_SEV; s++)
            tot[s] += c[k].sev[s];
    fprintf(out, "<p id=\"summary\">%zu finding%s on %zu of %zu beads: %zu error%s, %zu warning%s, "
                 "%zu info (%zu English and %zu Russian sentences).</p>\n",
            n, PLURAL(n), n_rows, d->n_beads, tot[TA_SEV_ERROR], PLURAL(tot[TA_SEV_ERROR]),
            tot[TA_SEV_WARNING], PLURAL(tot[TA_SEV_WARNING]), tot[TA_SEV_INFO], d->n_en, d->n_ru);
    fputs("<table class=\"counts\"><thead><tr><th>check</th><th>error</th><th>warning</th>"
          "<th>info</th><th>total</th></tr></thead><tbody>\n", out);
    for (size_t k = 0; k < nc; k++) {
        fputs("<tr><td>", out);
        html_str(out, c[k].name);
        fprintf(out, "</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n",
                c[k].sev[TA_SEV_ERROR], c[k].sev[TA_SEV_WARNING], c[k].sev[TA_SEV_INFO],
                c[k].sev[0] + c[k].sev[1] + c[k].sev[2]);
    }
    fputs("</tbody></table>\n", out);
}

static void html_filters(FILE *out, const check_count *c, size_t nc, size_t n)
{
    size_t tot[N_SEV] = {0};
    fprintf(out, "<div id=\"filters\">check: <button type=\"button\" class=\"on\" "
                 "data-check=\"\">all (%zu)</button>", n);
    for (size_t k = 0; k < nc; k++) {
        fputs("<button type=\"button\" data-check=\"", out);
        html_str(out, c[k].name);
        fputs("\">", out);
        html_str(out, c[k].name);
        fprintf(out, " (%zu)</button>", c[k].sev[0] + c[k].sev[1] + c[k].sev[2]);
        for (int s = 0; s < N_SEV; s++)
            tot[s] += c[k].sev[s];
    }
    fputs("<br>severity: <button type=\"button\" class=\"on\" data-sev=\"\">all</button>", out);
    for (int s = N_SEV - 1; s >= 0; s--)
        fprintf(out, "<button type=\"button\" data-sev=\"%s\">%s (%zu)</button>", SEV[s], SEV[s],
                tot[s]);
    fputs("<br><label><input type=\"checkbox\" id=\"only\"> only rows with findings</label>"
          "</div>\n", out);
}

static void html_badge(FILE *out, const ta_finding *x)
{
    const char *sev = SEV[sev_index(x->severity)];
    char e[48], r[48];
    fprintf(out, "<span class=\"badge %s\" data-sev=\"%s\" data-check=\"", sev, sev);
    html_str(out, x->check);
    fprintf(out, "\" title=\"%s: en %s, ru %s", sev, id_range(e, x->en0, x->en1),
            id_range(r, x->ru0, x->ru1));
    if (x->word) {
        fputs("; word ", out);
        html_str(out, x->lang);
        fputs(" &quot;", out);
        html_str(out, x->word);
        fputs("&quot;", out);
    }
    if (x->suggestions) {
        fputs("; suggestions: ", out);
        html_str(out, *x->suggestions ? x->suggestions : "none");
    }
    fputs("\">", out);
    html_str(out, x->check);
    fputs(": ", out);
    html_str(out, x->message);
    if (x->moved_bead != TA_NO_BEAD)
        fprintf(out, " <a href=\"#b%zu\">bead %zu</a>", x->moved_bead + 1, x->moved_bead + 1);
    fputs("</span>", out);
}

/* A moved finding seen from the bead holding the other side: a link back, in its filters. */
static void html_refs(FILE *out, const ta_finding *f, size_t n, size_t k)
{
    for (size_t i = 0; i < n; i++) {
        if (f[i].moved_bead != k || f[i].bead == k)
            continue;
        const char *sev = SEV[sev_index(f[i].severity)];
        fprintf(out, "<span class=\"badge ref\" data-sev=\"%s\" data-check=\"", sev);
        html_str(out, f[i].check);
        fputs("\">", out);
        html_str(out, f[i].check);
        fprintf(out, ": see <a href=\"#b%zu\">bead %zu</a></span>", f[i].bead + 1, f[i].bead + 1);
    }
}

static void html_row(FILE *out, const ta_corpus *d, size_t k, const char *en, const char *ru)
{
    const ta_bead *b = &d->beads[k];
    fprintf(out, "<tr id=\"b%zu\"><td class=\"n\"><a href=\"#b%zu\">%zu</a></td><td class=\"e\" "
                 "lang=\"", k + 1, k + 1, k + 1);
    html_str(out, en);
    fputs("\">", out);
    ta_put_join(out, d->en, d->en_len, b->en0, b->en1, ta_put_xml);
    fputs("</td><td class=\"r\" lang=\"", out);
    html_str(out, ru);
    fputs("\">", out);
    ta_put_join(out, d->ru, d->ru_len, b->ru0, b->ru1, ta_put_xml);
    fprintf(out, "</td><td class=\"n\">%zu-%zu</td><td class=\"n %s\">%.2f</td><td class=\"q\">",
            b->en1 - b->en0, b->ru1 - b->ru0,
            b->score >= HIGH_SCORE ? "hi" : b->score >= MID_SCORE ? "mid" : "lo", b->score);
}

static void html_table(FILE *out, const ta_corpus *d, const ta_finding *const *o,
                       const ta_finding *f, size_t n, bool any_moved)
{
    const char *en = d->src_lang ? d->src_lang : "en", *ru = d->tgt_lang ? d->tgt_lang : "ru";
    fputs("<table id=\"beads\"><thead><tr><th>#</th><th>English</th><th>Russian</th><th>type</th>"
          "<th>score</th><th>findings</th></tr></thead>\n<tbody>\n", out);
    size_t i = 0;
    for (size_t k = 0; k < d->n_beads; k++) {
        html_row(out, d, k, en, ru);
        for (; i < n && o[i]->bead == k; i++)
            html_badge(out, o[i]);
        if (any_moved)
            html_refs(out, f, n, k);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

static int write_html(FILE *out, const ta_corpus *d, const ta_finding *f, size_t n)
{
    size_t nc;
    const ta_finding **o = by_bead(f, n);
    check_count *c = o ? count_checks(f, n, &nc) : NULL;
    if (!c) {
        free(o);
        return -1;
    }
    bool any_moved = false;
    for (size_t i = 0; i < n; i++)
        any_moved |= f[i].moved_bead != TA_NO_BEAD;
    html_head(out, d);
    html_summary(out, d, c, nc, n, beads_with_findings(o, n));
    html_filters(out, c, nc, n);
    html_table(out, d, o, f, n, any_moved);
    fprintf(out, "<script>%s</script>\n</body></html>\n", HTML_SCRIPT);
    free(c);
    free(o);
    return 0;
}

ta_status ta_write_findings(FILE *out, ta_report_format fmt, const ta_corpus *doc,
                            const ta_finding *f, size_t n, ta_error *err)
{
    if (fmt < TA_REPORT_TEXT || fmt > TA_REPORT_HTML)
        return ta_fail(err, TA_EINVAL, "unknown report format %d", (int)fmt);
    for (size_t i = 0; i < n; i++)
        if (!valid(doc, &f[i]))
            return ta_fail(err, TA_EINVAL, "finding %zu (%s): its bead or sentence ids are "
                           "outside the document", i, f[i].check ? f[i].check : "no check");
    switch (fmt) {
    case TA_REPORT_TEXT:
        if (write_text(out, doc, f, n))
            return ta_fail(err, TA_ENOMEM, "out of memory");
        break;
    case TA_REPORT_JSON: write_json(out, doc, f, n); break;
    case TA_REPORT_CSV: write_csv(out, doc, f, n); break;
    case TA_REPORT_HTML:
        if (write_html(out, doc, f, n))
            return ta_fail(err, TA_ENOMEM, "out of memory");
        break;
    }
    return ta_put_done(out, NULL, err);
}
