/* fuzz_align.c — libFuzzer harness: two texts cut from one input (at the first NUL or the middle),
 * one sentence a line, aligned; the beads must cover both sides in order; then every writer.
 * Then the same texts segmented, with the splits the translation suggests before and after
 * aligning: spans in order inside the texts, beads covering them. */
#include "talign.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t lines(const char *s, size_t len, const char ***out, size_t **lens)
{
    size_t n = 0;
    *out = malloc(sizeof **out * (len + 1));
    *lens = malloc(sizeof **lens * (len + 1));
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && s[e] != '\n')
            e++;
        (*out)[n] = s + i, (*lens)[n] = e - i, n++;
        i = e + 1;
    }
    return n;
}

static void check_spans(const ta_span *sp, size_t n, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (sp[i].start >= sp[i].end || sp[i].end > len || (i && sp[i].start < sp[i - 1].end))
            abort();
}

static void segmented(const char *sa, size_t la, const char *sb, size_t lb)
{
    static ta_segmenter *se, *sr;
    ta_segment_opts o = ta_segment_opts_default();
    if (!se && ta_segmenter_new(&o, &se, NULL) != TA_OK)
        abort();
    o.lang = "ru";
    if (!sr && ta_segmenter_new(&o, &sr, NULL) != TA_OK)
        abort();
    ta_span *pa = NULL, *pb = NULL;
    size_t na = 0, nb = 0, n = 0;
    ta_bead *beads = NULL;
    if (ta_segment(se, sa, la, &pa, &na, NULL) != TA_OK ||
        ta_segment(sr, sb, lb, &pb, &nb, NULL) != TA_OK ||
        ta_split_glued_headlines(sa, la, &pa, &na, sb, lb, &pb, &nb, NULL, NULL, NULL) != TA_OK)
        goto out;
    check_spans(pa, na, la), check_spans(pb, nb, lb);
    const char **ea = malloc(sizeof *ea * (na + 1)), **eb = malloc(sizeof *eb * (nb + 1));
    size_t *lea = malloc(sizeof *lea * (na + 1)), *leb = malloc(sizeof *leb * (nb + 1));
    for (size_t i = 0; i < na; i++)
        ea[i] = sa + pa[i].start, lea[i] = pa[i].end - pa[i].start;
    for (size_t i = 0; i < nb; i++)
        eb[i] = sb + pb[i].start, leb[i] = pb[i].end - pb[i].start;
    int ok = ta_align(&(ta_sentences){ea, lea, na}, &(ta_sentences){eb, leb, nb}, NULL, NULL,
                      &beads, &n, NULL) == TA_OK;
    free(ea), free(eb), free(lea), free(leb);
    if (!ok ||
        ta_split_by_translation(sa, &pa, &na, sb, &pb, &nb, &beads, &n, NULL, NULL, NULL) != TA_OK)
        goto out;
    check_spans(pa, na, la), check_spans(pb, nb, lb);
    size_t i = 0, j = 0;
    for (size_t k = 0; k < n; k++) {
        if (beads[k].en0 != i || beads[k].ru0 != j)
            abort();
        i = beads[k].en1, j = beads[k].ru1;
    }
    if (i != na || j != nb)
        abort();
out:
    ta_free(pa), ta_free(pb), ta_free(beads);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *d = (const char *)data;
    const char *nul = memchr(d, 0, size);
    size_t cut = nul ? (size_t)(nul - d) : size / 2, rest = nul ? cut + 1 : cut;
    ta_text *a = NULL, *b = NULL;
    if (ta_text_decode(d, cut, NULL, &a, NULL) != TA_OK ||
        ta_text_decode(d + rest, size - rest, NULL, &b, NULL) != TA_OK) {
        ta_text_free(a);
        return 0;
    }
    size_t la, lb;
    const char *sa = ta_text_data(a, &la), *sb = ta_text_data(b, &lb);
    const char **ea, **eb;
    size_t *lea, *leb;
    size_t na = lines(sa, la, &ea, &lea), nb = lines(sb, lb, &eb, &leb);
    ta_bead *beads;
    size_t n;
    if (ta_align(&(ta_sentences){ea, lea, na}, &(ta_sentences){eb, leb, nb}, NULL, NULL, &beads, &n,
                 NULL) == TA_OK) {
        size_t i = 0, j = 0;
        for (size_t k = 0; k < n; k++) {
            if (beads[k].en0 != i || beads[k].ru0 != j || beads[k].score < 0 || beads[k].score > 1)
                abort();
            i = beads[k].en1, j = beads[k].ru1;
        }
        if (i != na || j != nb)
            abort();
        ta_corpus c = {ea, lea, na, eb, leb, nb, beads, n, 0, "en", "ru", "fuzz"};
        FILE *f = fopen("/dev/null", "w");
        for (int fmt = TA_FMT_TSV; fmt <= TA_FMT_HTML; fmt++)
            ta_write(f, (ta_format)fmt, &c, NULL);
        fclose(f);
        ta_free(beads);
    }
    free(ea), free(eb), free(lea), free(leb);
    segmented(sa, la, sb, lb);
    ta_text_free(a), ta_text_free(b);
    return 0;
}
