/* corpus_report.c — the counts of a corpus run: the report (stderr summary and
 * OUT.report.json, which merge sums) and their lines in the checkpoint file. */
#include "corpus.h"
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const corpus_bead_names[BEAD_TYPES] = {"1-1", "1-2", "2-1", "2-2", "1-3",
                                                   "3-1", "1-0", "0-1", "other"};

int corpus_bead_type(size_t n_en, size_t n_ru)
{
    char name[16];
    snprintf(name, sizeof name, "%zu-%zu", n_en, n_ru);
    for (int k = 0; k < BEAD_TYPES - 1; k++)
        if (!strcmp(name, corpus_bead_names[k]))
            return k;
    return BEAD_TYPES - 1;
}

/* the plain counters, by name (beads_* and dropped_* are arrays, handled apart) */
static const struct {
    const char *name;
    size_t off;
} counters[] = {
    {"pairs", offsetof(corpus_stats, pairs)},
    {"pairs_done", offsetof(corpus_stats, done)},
    {"pairs_failed", offsetof(corpus_stats, failed)},
    {"units", offsetof(corpus_stats, units)},
    {"units_misspelled", offsetof(corpus_stats, misspelled)},
};
enum { NCOUNTERS = sizeof counters / sizeof *counters, FIRST_FAILURES = 16 };

static size_t *counter(corpus_stats *st, const char *name)
{
    for (int k = 0; k < NCOUNTERS; k++)
        if (!strcmp(name, counters[k].name))
            return (size_t *)((char *)st + counters[k].off);
    for (int k = 0; k < BEAD_TYPES; k++)
        if (!strncmp(name, "beads_", 6) && !strcmp(name + 6, corpus_bead_names[k]))
            return &st->beads[k];
    if (!strcmp(name, "units_kept"))
        return &st->fate[TA_UNIT_KEPT];
    for (int k = 1; k < TA_UNIT_NREASONS; k++)
        if (!strncmp(name, "dropped_", 8) && !strcmp(name + 8, ta_unit_fate_name(k)))
            return &st->fate[k];
    return NULL;
}

static char *dup_clean(const char *s)
{
    char *d = strdup(s ? s : "");
    for (char *p = d; p && *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return d;
}

int corpus_add_failure(corpus_stats *st, const char *id, const char *file, const char *reason,
                       const char *message)
{
    corpus_failure *grown = cli_grow(st->fail, &st->cap_fail, st->n_fail, sizeof *grown, FIRST_FAILURES);
    if (!grown)
        return -1;
    st->fail = grown;
    corpus_failure *f = &st->fail[st->n_fail];
    *f = (corpus_failure){dup_clean(id), dup_clean(file), dup_clean(reason), dup_clean(message)};
    if (!f->id || !f->file || !f->reason || !f->message) {
        free(f->id), free(f->file), free(f->reason), free(f->message);
        return -1;
    }
    st->n_fail++;
    return 0;
}

void corpus_stats_add(corpus_stats *to, const corpus_stats *from)
{
    to->pairs += from->pairs, to->done += from->done, to->failed += from->failed;
    to->units += from->units, to->score_sum += from->score_sum;
    to->misspelled += from->misspelled;
    for (int k = 0; k < BEAD_TYPES; k++)
        to->beads[k] += from->beads[k];
    for (int k = 0; k < TA_UNIT_NREASONS; k++)
        to->fate[k] += from->fate[k];
}

void corpus_stats_free(corpus_stats *st)
{
    for (size_t i = 0; i < st->n_fail; i++)
        free(st->fail[i].id), free(st->fail[i].file), free(st->fail[i].reason),
            free(st->fail[i].message);
    free(st->fail);
    for (size_t i = 0; i < st->n_unpaired; i++)
        free(st->unpaired[i]);
    free(st->unpaired);
    memset(st, 0, sizeof *st);
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

void corpus_report_json(FILE *f, const corpus_stats *st, int threads)
{
    fputs("{\n", f);
    for (int k = 0; k < NCOUNTERS; k++)
        fprintf(f, "  \"%s\": %zu,\n", counters[k].name,
                *(const size_t *)((const char *)st + counters[k].off));
    for (int k = 0; k < BEAD_TYPES; k++)
        fprintf(f, "  \"beads_%s\": %zu,\n", corpus_bead_names[k], st->beads[k]);
    fprintf(f, "  \"units_kept\": %zu,\n", st->fate[TA_UNIT_KEPT]);
    for (int k = 1; k < TA_UNIT_NREASONS; k++)
        fprintf(f, "  \"dropped_%s\": %zu,\n", ta_unit_fate_name(k), st->fate[k]);
    fprintf(f, "  \"score_sum\": %.6f,\n  \"mean_score\": %.4f,\n", st->score_sum,
            st->units ? st->score_sum / (double)st->units : 0.0);
    fprintf(f, "  \"seconds\": %.3f,\n  \"pairs_per_second\": %.1f,\n", st->seconds,
            st->seconds > 0 ? (double)st->done / st->seconds : 0.0);
    fprintf(f, "  \"threads\": %d,\n  \"peak_rss_kb\": %ld,\n  \"failures\": [", threads,
            st->peak_rss_kb);
    for (size_t i = 0; i < st->n_fail; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
        json_str(f, st->fail[i].id);
        fputs(", \"file\": ", f);
        json_str(f, st->fail[i].file);
        fputs(", \"reason\": ", f);
        json_str(f, st->fail[i].reason);
        fputs(", \"message\": ", f);
        json_str(f, st->fail[i].message);
        fputc('}', f);
    }
    fputs(st->n_fail ? "\n  ],\n  \"unpaired\": [" : "],\n  \"unpaired\": [", f);
    for (size_t i = 0; i < st->n_unpaired; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        json_str(f, st->unpaired[i]);
    }
    fputs(st->n_unpaired ? "\n  ]\n}\n" : "]\n}\n", f);
}

void corpus_report_text(FILE *f, const corpus_stats *st)
{
    fprintf(f, "talign: corpus: %zu pairs aligned, %zu failed, in %.2f s (%.1f pairs/s)\n",
            st->done, st->failed, st->seconds,
            st->seconds > 0 ? (double)st->done / st->seconds : 0.0);
    fputs("talign: beads:", f);
    for (int k = 0; k < BEAD_TYPES; k++)
        if (st->beads[k])
            fprintf(f, " %s %zu", corpus_bead_names[k], st->beads[k]);
    fprintf(f, "; mean score %.3f\n", st->units ? st->score_sum / (double)st->units : 0.0);
    fprintf(f, "talign: units: %zu, kept %zu", st->units, st->fate[TA_UNIT_KEPT]);
    for (int k = 1; k < TA_UNIT_NREASONS; k++)
        if (st->fate[k])
            fprintf(f, ", %s %zu", ta_unit_fate_name(k), st->fate[k]);
    fputc('\n', f);
    for (size_t i = 0; i < st->n_fail; i++)
        fprintf(f, "talign: failed: %s: %s: %s (%s)\n", st->fail[i].id, st->fail[i].file,
                st->fail[i].reason, st->fail[i].message);
    for (size_t i = 0; i < st->n_unpaired; i++)
        fprintf(f, "talign: unpaired: %s\n", st->unpaired[i]);
}

int corpus_report_write(const char *path, const corpus_stats *st, int threads)
{
    cli_out o;
    int code = cli_out_open(&o, path);
    if (code != EXIT_OK)
        return code;
    corpus_report_json(o.f, st, threads);
    return cli_out_close(&o, !ferror(o.f));
}

/* one JSON string value of a report line (an array element), malloc'ed */
static char *array_item(const char *line)
{
    size_t n = strlen(line);
    while (n && strchr(" ,\n\r", line[n - 1]))
        n--;
    char *obj = malloc(n + 8);
    if (!obj)
        return NULL;
    snprintf(obj, n + 8, "{\"v\":%.*s}", (int)n, line);
    static const char *const keys[] = {"v"};
    char *v[1] = {NULL};
    ta_json_strings(obj, strlen(obj), keys, 1, v, NULL);
    free(obj);
    return v[0];
}

int corpus_report_read(const char *path, corpus_stats *st)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    int in = 0, bad = 0; /* 1 failures, 2 unpaired */
    while (getline(&line, &cap, f) >= 0) {
        char key[64];
        double v;
        if (sscanf(line, " \"%63[^\"]\": %lf", key, &v) == 2) {
            size_t *c = counter(st, key);
            if (c)
                *c += (size_t)v;
            else if (!strcmp(key, "score_sum"))
                st->score_sum += v;
            else if (!strcmp(key, "seconds"))
                st->seconds += v;
            else if (!strcmp(key, "peak_rss_kb") && (long)v > st->peak_rss_kb)
                st->peak_rss_kb = (long)v;
            in = 0;
        } else if (strstr(line, "\"failures\": ["))
            in = strstr(line, "[]") ? 0 : 1;
        else if (strstr(line, "\"unpaired\": ["))
            in = strstr(line, "[]") ? 0 : 2;
        else if (in == 1 && strchr(line, '{')) {
            static const char *const keys[] = {"id", "file", "reason", "message"};
            char *v4[4];
            char *end = strrchr(line, '}');
            if (end && ta_json_strings(strchr(line, '{'), (size_t)(end + 1 - strchr(line, '{')),
                                       keys, 4, v4, NULL) == TA_OK) {
                bad |= corpus_add_failure(st, v4[0], v4[1], v4[2], v4[3]);
                for (int k = 0; k < 4; k++)
                    free(v4[k]);
            } else
                bad = -1;
        } else if (in == 2 && strchr(line, '"')) {
            char *item = array_item(line), **grown = NULL;
            if (item && (grown = cli_grow(st->unpaired, &st->cap_unpaired, st->n_unpaired,
                                          sizeof *grown, FIRST_FAILURES)))
                st->unpaired = grown, st->unpaired[st->n_unpaired++] = item;
            else
                free(item), bad = -1;
        } else if (strchr(line, ']'))
            in = 0;
    }
    free(line);
    fclose(f);
    return bad ? -1 : 0;
}

void corpus_stats_save(FILE *f, const corpus_stats *st)
{
    for (int k = 0; k < NCOUNTERS; k++)
        fprintf(f, "count %s %zu\n", counters[k].name,
                *(const size_t *)((const char *)st + counters[k].off));
    for (int k = 0; k < BEAD_TYPES; k++)
        fprintf(f, "count beads_%s %zu\n", corpus_bead_names[k], st->beads[k]);
    fprintf(f, "count units_kept %zu\n", st->fate[TA_UNIT_KEPT]);
    for (int k = 1; k < TA_UNIT_NREASONS; k++)
        fprintf(f, "count dropped_%s %zu\n", ta_unit_fate_name(k), st->fate[k]);
    fprintf(f, "score_sum %a\n", st->score_sum);
    for (size_t i = 0; i < st->n_fail; i++)
        fprintf(f, "fail\t%s\t%s\t%s\t%s\n", st->fail[i].id, st->fail[i].file,
                st->fail[i].reason, st->fail[i].message);
}

int corpus_stats_load_line(corpus_stats *st, char *line)
{
    char key[64];
    size_t v;
    if (sscanf(line, "count %63s %zu", key, &v) == 2) {
        size_t *c = counter(st, key);
        return c ? (*c = v, 1) : -1;
    }
    if (!strncmp(line, "score_sum ", 10)) {
        st->score_sum = strtod(line + 10, NULL);
        return 1;
    }
    if (!strncmp(line, "fail\t", 5)) {
        char *fld[4], *p = line + 5;
        line[strcspn(line, "\n")] = 0;
        for (int k = 0; k < 4; k++) {
            fld[k] = p;
            p = strchr(p, '\t');
            if (k < 3 && !p)
                return -1;
            if (p)
                *p++ = 0;
        }
        return corpus_add_failure(st, fld[0], fld[1], fld[2], fld[3]) ? -1 : 1;
    }
    return 0;
}
