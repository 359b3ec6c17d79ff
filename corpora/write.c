/* write.c — the plain writers (TSV, ladder, Moses, JSONL, segmented sentences) and the format
 * dispatcher. */
#include "annot.h"

void ta_write_tmx(FILE *f, const ta_corpus *c);
void ta_write_html(FILE *f, const ta_corpus *c);

static const char *type_of(const ta_bead *b, char buf[16])
{
    snprintf(buf, 16, "%zu-%zu", b->en1 - b->en0, b->ru1 - b->ru0);
    return buf;
}

ta_status ta_write(FILE *f, ta_format fmt, const ta_corpus *c, ta_error *err)
{
    char tb[16];
    switch (fmt) {
    case TA_FMT_TMX: ta_write_tmx(f, c); break;
    case TA_FMT_HTML: ta_write_html(f, c); break;
    case TA_FMT_LADDER:
        for (size_t k = 0; k < c->n_beads; k++)
            fprintf(f, "%zu\t%zu\t%.3f\n", c->beads[k].en0, c->beads[k].ru0, c->beads[k].score);
        fprintf(f, "%zu\t%zu\t1.000\n", c->n_en, c->n_ru);
        break;
    case TA_FMT_TSV:
        for (size_t k = 0; k < c->n_beads; k++) {
            const ta_bead *b = &c->beads[k];
            if (ta_annot_filtered(c, k))
                continue;
            ta_put_join(f, c->en, c->en_len, b->en0, b->en1, ta_put_raw);
            fputc('\t', f);
            ta_put_join(f, c->ru, c->ru_len, b->ru0, b->ru1, ta_put_raw);
            fprintf(f, "\t%.3f\t%s\n", b->score, type_of(b, tb));
        }
        break;
    case TA_FMT_MOSES_EN:
    case TA_FMT_MOSES_RU:
        for (size_t k = 0; k < c->n_beads; k++) {
            const ta_bead *b = &c->beads[k];
            if (ta_annot_skip(c, k))
                continue;
            if (fmt == TA_FMT_MOSES_EN)
                ta_put_join(f, c->en, c->en_len, b->en0, b->en1, ta_put_raw);
            else
                ta_put_join(f, c->ru, c->ru_len, b->ru0, b->ru1, ta_put_raw);
            fputc('\n', f);
        }
        break;
    case TA_FMT_JSONL:
        for (size_t k = 0; k < c->n_beads; k++) {
            const ta_bead *b = &c->beads[k];
            if (ta_annot_filtered(c, k))
                continue;
            fputs("{\"en_ids\":[", f);
            for (size_t i = b->en0; i < b->en1; i++)
                fprintf(f, "%s%zu", i > b->en0 ? "," : "", i);
            fputs("],\"ru_ids\":[", f);
            for (size_t j = b->ru0; j < b->ru1; j++)
                fprintf(f, "%s%zu", j > b->ru0 ? "," : "", j);
            fputs("],\"en\":", f);
            fputc('[', f);
            for (size_t i = b->en0; i < b->en1; i++) {
                if (i > b->en0)
                    fputc(',', f);
                ta_put_json(f, c->en[i], c->en_len[i]);
            }
            fputs("],\"ru\":[", f);
            for (size_t j = b->ru0; j < b->ru1; j++) {
                if (j > b->ru0)
                    fputc(',', f);
                ta_put_json(f, c->ru[j], c->ru_len[j]);
            }
            fprintf(f, "],\"score\":%.3f,\"type\":\"%s\"", b->score, type_of(b, tb));
            ta_annot_json(f, c, k);
            fputs("}\n", f);
        }
        break;
    default: return ta_fail(err, TA_EINVAL, "unknown output format %d", (int)fmt);
    }
    return ta_put_done(f, NULL, err);
}

ta_status ta_write_sentences(FILE *f, bool jsonl, const char *text, const ta_span *sp, size_t n,
                             ta_error *err)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = text + sp[i].start;
        size_t len = sp[i].end - sp[i].start;
        if (jsonl) {
            fputs("{\"text\":", f);
            ta_put_json(f, s, len);
            fprintf(f, ",\"paragraph\":%d,\"kind\":\"%s\",\"start\":%zu,\"end\":%zu}\n",
                    sp[i].paragraph, ta_kind_name(sp[i].kind), sp[i].start, sp[i].end);
        } else {
            if (i && sp[i].paragraph != sp[i - 1].paragraph)
                fputc('\n', f);
            ta_put_raw(f, s, len);
            fputc('\n', f);
        }
    }
    return ta_put_done(f, NULL, err);
}
