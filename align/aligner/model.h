/* model.h — the alignment model's parameters (lexicon/params.en-ru) and the cost of a bead
 * (private to the library). */
#ifndef TA_MODEL_H
#define TA_MODEL_H
#include "sentfeat.h"
#include <math.h>

typedef struct {
    int de, dr;
    const char *name;
} bead_type;

extern const bead_type ta_bead_types[];
#define NTYPES 8

#define ERFC_STEPS 2048

/* The model's parameters (lexicon/params.en-ru). */
typedef struct {
    float neg_log_erfc[ERFC_STEPS + 2]; /* -log erfc(k / 256) */
    double c, s2;
    double var_c;           /* s2 / 2c (set with c by ta_model_set_ratio) */
    double prior[NTYPES];
    double temperature;     /* bead costs are divided by it for the confidences */
    double hit[2], miss[2]; /* per side (0 en, 1 ru): weighted log-likelihood ratio of a
                               matched / unmatched content word */
} model;

/* Reads params.en-ru from data_dir (NULL: built-in): rates of the lexicon when `lex`, else of
 * names and numbers only. TA_EFORMAT when a line is not "NAME NUMBER" or a value is missing or
 * out of range (err names the file, and the line when one is to blame). */
ta_status ta_model_read(model *md, bool lex, const char *data_dir, ta_error *err);
/* Sets the length ratio c (Russian characters per English one) and what follows from it. */
void ta_model_set_ratio(model *md, double c);
/* Gale–Church length cost (nats) of a bead of a English and b Russian characters. Inline: the
 * DP asks for it millions of times on a long document, and the call was a fifth of its cost. */
static inline double ta_len_cost(const model *md, int a, int b)
{
    if (a == 0 || b == 0) /* null beads: their prior decides */
        return 0;
    /* delta = (b - c a) / sqrt(mean s2), mean = (a + b / c) / 2 at least 1: mean s2 is
     * (c a + b) s2 / 2c, at least s2; z is |delta| / sqrt(2) on the table's grid */
    double sum = md->c * a + b, two_c = 2 * md->c;
    double z = fabs(b - md->c * a) * (256.0 / M_SQRT2) / sqrt((sum < two_c ? two_c : sum) * md->var_c);
    if (z >= ERFC_STEPS) {
        z /= 256.0;
        return z * z + log(z * sqrt(M_PI));
    }
    int k = (int)z;
    double f = z - k;
    return md->neg_log_erfc[k] * (1 - f) + md->neg_log_erfc[k + 1] * f;
}

/* Cost of the bead e[0..ne) <-> r[0..nr) of type t: length + prior - word evidence. */
double ta_bead_cost(const model *md, const ta_feat *e, int ne, const ta_feat *r, int nr, int t);
#endif
