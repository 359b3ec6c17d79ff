/* model.c — the alignment model: Gale–Church length cost, word-evidence log-likelihood ratios
 * and bead priors, read from lexicon/params.en-ru. */
#include "model.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const bead_type ta_bead_types[NTYPES] = {{1, 1, "1-1"}, {1, 0, "1-0"}, {0, 1, "0-1"}, {2, 1, "2-1"},
                                 {1, 2, "1-2"}, {2, 2, "2-2"}, {3, 1, "3-1"}, {1, 3, "1-3"}};

static void init_erfc_table(model *md)
{
    for (int k = 0; k <= ERFC_STEPS + 1; k++)
        md->neg_log_erfc[k] = (float)-log(erfc(k / 256.0));
}

void ta_model_set_ratio(model *md, double c)
{
    md->c = c;
    md->var_c = md->s2 / (2 * c);
}

#define PARAMS "params.en-ru"

/* The params file's name for messages: DIR/params.en-ru, or params.en-ru when built in. */
static const char *params_name(const char *data_dir, char *buf, size_t size)
{
    if (!data_dir || !*data_dir)
        return PARAMS;
    snprintf(buf, size, "%s/" PARAMS, data_dir);
    return buf;
}

ta_status ta_model_read(model *md, bool lex, const char *data_dir, ta_error *err)
{
    char **lines, where[512];
    size_t n;
    int *lineno;
    double right[2] = {0}, wrong[2] = {0}, weight = 0;
    memset(md, 0, sizeof *md);
    ta_status st = ta_data_lines(data_dir, PARAMS, &lines, &n, &lineno, err);
    if (st != TA_OK)
        return st;
    const char *file = params_name(data_dir, where, sizeof where);
    const char *set = lex ? "lex." : "nolex.";
    size_t sl = strlen(set);
    for (size_t i = 0; i < n; i++) {
        char *l = lines[i], *v = strchr(l, ' '), *end;
        double x = v ? strtod(v + 1, &end) : 0;
        if (!v || end == v + 1 || *end) {
            int at = lineno[i];
            ta_lines_free(lines);
            free(lineno);
            return ta_fail(err, TA_EFORMAT, "%s, line %d: expected NAME VALUE (a number)", file,
                           at);
        }
        if (!strncmp(l, "c ", 2))
            md->c = x;
        else if (!strncmp(l, "s2 ", 3))
            md->s2 = x;
        else if (!strncmp(l, "word_weight ", 12))
            weight = x;
        else if (!strncmp(l, "temperature ", 12))
            md->temperature = x;
        else if (!strncmp(l, "prior.", 6)) {
            for (size_t t = 0; t < NTYPES; t++)
                if (!strncmp(l + 6, ta_bead_types[t].name, 3) && l[9] == ' ')
                    md->prior[t] = x;
        } else if (!strncmp(l, set, sl)) {
            int side = !strncmp(l + sl, "ru.", 3);
            if (!strncmp(l + sl + 3, "right ", 6))
                right[side] = x;
            else if (!strncmp(l + sl + 3, "wrong ", 6))
                wrong[side] = x;
        }
    }
    ta_lines_free(lines);
    free(lineno);
    for (int k = 0; k < 2; k++) {
        if (right[k] <= wrong[k] || wrong[k] <= 0 || right[k] >= 1)
            return ta_fail(err, TA_EFORMAT, "%s: %s%s.right and .wrong must be rates with right "
                           "> wrong > 0 (missing or out of range)", file, set, k ? "ru" : "en");
        md->hit[k] = weight * log(right[k] / wrong[k]);
        md->miss[k] = weight * log((1 - right[k]) / (1 - wrong[k]));
    }
    init_erfc_table(md);
    if (md->c > 0 && md->s2 > 0 && md->temperature > 0) {
        ta_model_set_ratio(md, md->c);
        return TA_OK;
    }
    return ta_fail(err, TA_EFORMAT, "%s: c, s2 and temperature must be positive (missing or "
                   "out of range)", file);
}

double ta_bead_cost(const model *md, const ta_feat *e, int ne, const ta_feat *r, int nr, int t)
{
    int le = 0, lr = 0;
    double llr = 0;
    for (int a = 0; a < ne; a++) {
        int m = nr ? ta_feat_matches(&e[a], r, nr) : 0;
        le += e[a].len;
        llr += m * md->hit[0] + (e[a].ncontent - m) * md->miss[0];
    }
    for (int b = 0; b < nr; b++) {
        int m = ne ? ta_feat_matches(&r[b], e, ne) : 0;
        lr += r[b].len;
        llr += m * md->hit[1] + (r[b].ncontent - m) * md->miss[1];
    }
    if (!ne || !nr)
        llr = 0;
    return ta_len_cost(md, le, lr) + md->prior[t] - llr;
}
