/* annot.c — QA findings on the beads the writers write: moved sentences (JSONL "moved_to")
 * and spelling (JSONL "spelling", TMX x-spelling, --drop-misspelled). */
#include "annot.h"
#include <string.h>

const ta_finding *ta_annot_moved(const ta_corpus *c, size_t k)
{
    const ta_bead *b = &c->beads[k];
    if (b->en0 != b->en1 && b->ru0 != b->ru1)
        return NULL; /* only a left-out or added sentence is moved */
    for (size_t i = 0; i < c->n_findings; i++) {
        const ta_finding *f = &c->findings[i];
        if (!strcmp(f->check, "moved") && f->moved_bead != TA_NO_BEAD &&
            (f->bead == k || f->moved_bead == k))
            return f;
    }
    return NULL;
}

bool ta_annot_misspelt(const ta_corpus *c, size_t k)
{
    for (size_t i = 0; i < c->n_findings; i++)
        if (c->findings[i].bead == k && !strcmp(c->findings[i].check, "spelling"))
            return true;
    return false;
}

static void ids(FILE *f, size_t a, size_t b)
{
    fputc('[', f);
    for (size_t i = a; i < b; i++)
        fprintf(f, "%s%zu", i > a ? "," : "", i);
    fputc(']', f);
}

/* The suggestions "a, b, c" as a JSON array. */
static void suggestions_json(FILE *f, const char *s)
{
    fputc('[', f);
    for (bool first = true; s && *s; first = false) {
        size_t n = strcspn(s, ",");
        if (!first)
            fputc(',', f);
        ta_put_json(f, s, n);
        s += n;
        s += strspn(s, ", ");
    }
    fputc(']', f);
}

void ta_annot_json(FILE *f, const ta_corpus *c, size_t k)
{
    const ta_finding *m = ta_annot_moved(c, k);
    if (m) {
        fputs(",\"moved_to\":", f);
        if (c->beads[k].en1 > c->beads[k].en0) /* the ids of the other side */
            ids(f, m->ru0, m->ru1);
        else
            ids(f, m->en0, m->en1);
    }
    bool any = false;
    for (size_t i = 0; i < c->n_findings; i++) {
        const ta_finding *s = &c->findings[i];
        if (s->bead != k || strcmp(s->check, "spelling") || !s->word)
            continue;
        fprintf(f, "%s{\"lang\":\"%s\",\"word\":", any ? "," : ",\"spelling\":[",
                s->lang ? s->lang : "");
        ta_put_json(f, s->word, strlen(s->word));
        fputs(",\"suggestions\":", f);
        suggestions_json(f, s->suggestions);
        fputc('}', f);
        any = true;
    }
    if (any)
        fputc(']', f);
}

void ta_annot_tmx(FILE *f, const ta_corpus *c, size_t k)
{
    bool any = false;
    for (size_t i = 0; i < c->n_findings; i++) {
        const ta_finding *s = &c->findings[i];
        if (s->bead != k || strcmp(s->check, "spelling") || !s->word)
            continue;
        fprintf(f, "%s%s: ", any ? "; " : "      <prop type=\"x-spelling\">", s->lang ? s->lang : "");
        ta_put_xml(f, s->word, strlen(s->word));
        if (s->suggestions && *s->suggestions) {
            fputs(" (", f);
            ta_put_xml(f, s->suggestions, strlen(s->suggestions));
            fputc(')', f);
        }
        any = true;
    }
    if (any)
        fputs("</prop>\n", f);
}

bool ta_annot_filtered(const ta_corpus *c, size_t k)
{
    const ta_bead *b = &c->beads[k];
    return b->score < c->min_score || (c->only_1_1 && (b->en1 - b->en0 != 1 || b->ru1 - b->ru0 != 1));
}

bool ta_annot_skip(const ta_corpus *c, size_t k)
{
    const ta_bead *b = &c->beads[k];
    return b->en0 == b->en1 || b->ru0 == b->ru1 || ta_annot_filtered(c, k) ||
           (c->drop_misspelled && ta_annot_misspelt(c, k));
}
