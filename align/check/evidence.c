/* evidence.c — the checker's state and its word evidence: which content words of each side
 * have a translation (lexicon), an equal number or a transliterated name on the other side,
 * through the aligner's featurizer; and the units the checks run on (moves: moves.c,
 * regrouping: regroup.c). */
#include "checks.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the Russian paradigms in the word-form files' folder (scripts/mkforms.c makes it) */
#define PARADIGM_FILE "paradigms.ru_RU"

ta_status ta_gloss_load(ta_checker *c, ta_error *err);
void ta_gloss_release(ta_checker *c);

/* The paradigm file of c->o.forms_dir, when it has one (ta_featurizer_paradigms) and a check
 * reads word evidence. */
static ta_status paradigms_load(ta_checker *c, ta_error *err)
{
    bool words = ta_checker_on(c, ta_check_omission) || ta_checker_on(c, ta_check_addition) ||
                 ta_checker_on(c, ta_check_moved) || ta_checker_on(c, ta_check_name);
    if (!c->o.forms_dir || !c->lx || !words)
        return TA_OK;
    size_t n = strlen(c->o.forms_dir) + sizeof "/" PARADIGM_FILE;
    char *path = malloc(n);
    if (!path)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    snprintf(path, n, "%s/%s", c->o.forms_dir, PARADIGM_FILE);
    ta_status s = access(path, R_OK) ? TA_OK : ta_featurizer_paradigms(&c->fz, path, err);
    free(path);
    return s;
}

ta_status ta_checker_init(ta_checker *c, ta_error *err)
{
    c->em.esz = c->rm.esz = c->lone.esz = sizeof(bool);
    c->units.esz = sizeof(ta_bead), c->unit_bead.esz = sizeof(size_t);
    c->gloss.esz = sizeof(gloss_entry);
    ta_status s = ta_featurizer_init(&c->fz, c->lx, c->o.data_dir, err);
    if (s == TA_OK)
        s = paradigms_load(c, err);
    if (s == TA_OK && ta_checker_on(c, ta_check_term))
        s = ta_gloss_load(c, err);
    if (s == TA_OK && ta_checker_on(c, ta_check_name))
        s = ta_abbrev_load(c->o.data_dir, "en", &c->abbrev[0], err);
    if (s == TA_OK && ta_checker_on(c, ta_check_name))
        s = ta_abbrev_load(c->o.data_dir, "ru", &c->abbrev[1], err);
    if (s == TA_OK && (ta_checker_on(c, ta_check_omission) || ta_checker_on(c, ta_check_addition)))
        s = ta_clauses_load(c, err);
    if (s == TA_OK)
        s = ta_surface_init(c, err);
    return s == TA_OK ? ta_wordchecks_init(c, err) : s;
}

void ta_checker_release(ta_checker *c)
{
    ta_featurizer_release(&c->fz);
    ta_feat_release(&c->fe);
    ta_feat_release(&c->fr);
    ta_vec_release(&c->em);
    ta_vec_release(&c->rm);
    ta_gloss_release(c);
    ta_surface_release(c);
    ta_wordchecks_release(c);
    ta_strmap_release(&c->openers[0]);
    ta_strmap_release(&c->openers[1]);
    ta_strmap_release(&c->abbrev[0]);
    ta_strmap_release(&c->abbrev[1]);
    free(c->ru_keys);
    ta_buf_release(&c->en);
    ta_buf_release(&c->ru);
    ta_buf_release(&c->stems_en);
    ta_buf_release(&c->stems_ru);
    ta_buf_release(&c->scratch);
    free(c->moved);
    free(c->moved_sent);
    free(c->moved_weak);
    ta_vec_release(&c->units);
    ta_vec_release(&c->unit_bead);
    ta_vec_release(&c->lone);
}

bool ta_ru_confirmed(ta_featurizer *f, const ta_feat *e, const ta_feat *r, int u)
{
    for (int q = r->tok[u]; q < r->tok[u + 1]; q++)
        for (int t = 0; t < e->ncontent; t++)
            for (int k = e->tok[t]; k < e->tok[t + 1]; k++)
                if (e->keys[k] == r->keys[q] &&
                    (!ta_name_key(r->keys[q]) || ta_feat_name_similarity(f, e, t, r, u) >= TA_NAME_MIN))
                    return true;
    return false;
}

bool ta_feats_match(ta_featurizer *f, const ta_feat *e, int t, const ta_feat *r, int u)
{
    for (int k = e->tok[t]; k < e->tok[t + 1]; k++)
        for (int q = r->tok[u]; q < r->tok[u + 1]; q++)
            if (e->keys[k] == r->keys[q] &&
                (!ta_name_key(e->keys[k]) || ta_feat_name_similarity(f, e, t, r, u) >= TA_NAME_MIN))
                return true;
    return false;
}

bool ta_tokens_match(ta_checker *c, int t, int u) { return ta_feats_match(&c->fz, &c->fe, t, &c->fr, u); }

static int flags(ta_vec *v, int n)
{
    v->len = 0;
    for (int i = 0; i < n; i++)
        if (!ta_vec_push(v))
            return -1;
    return 0;
}

int ta_check_evidence(ta_checker *c, const char *en, size_t en_len, const char *ru,
                      size_t ru_len)
{
    c->ev_valid = false;
    c->fz.no_offsets = false;
    c->fz.no_set = true;
    if (ta_featurize_again(&c->fz, 'e', en, en_len, &c->fe) ||
        ta_featurize_again(&c->fz, 'r', ru, ru_len, &c->fr) ||
        flags(&c->em, c->fe.ncontent) || flags(&c->rm, c->fr.ncontent))
        return -1;
    for (int t = 0; t < c->fe.ncontent; t++)
        ((bool *)c->em.data)[t] = ta_feat_token_confirmed(&c->fz, &c->fe, t, &c->fr);
    for (int u = 0; u < c->fr.ncontent; u++)
        ((bool *)c->rm.data)[u] = ta_ru_confirmed(&c->fz, &c->fe, &c->fr, u);
    return 0;
}

int ta_bead_evidence(check_ctx *x)
{
    ta_checker *c = x->ck;
    if (c->ev_valid)
        return 0;
    if (ta_check_evidence(c, x->cur.en, x->cur.en_len, x->cur.ru, x->cur.ru_len))
        return -1;
    c->ev_valid = true;
    return 0;
}

int ta_evidence_share(ta_checker *c, const char *en, size_t el, const char *ru, size_t rl,
                      double *sh, int *me, int *mr)
{
    if (ta_check_evidence(c, en, el, ru, rl))
        return -1;
    *me = *mr = 0;
    for (int t = 0; t < c->fe.ncontent; t++)
        *me += ta_ev_en(c, t);
    for (int u = 0; u < c->fr.ncontent; u++)
        *mr += ta_ev_ru(c, u);
    int all = c->fe.ncontent + c->fr.ncontent;
    *sh = all ? (double)(*me + *mr) / all : 0;
    return 0;
}

int ta_numbers_evidence(const ta_checker *c, bool found)
{
    int n = 0;
    for (int t = 0; t < c->fe.ncontent; t++)
        n += c->fe.stem[t] < 0 && ta_ev_en(c, t) == found;
    for (int u = 0; u < c->fr.ncontent; u++)
        n += c->fr.stem[u] < 0 && ta_ev_ru(c, u) == found;
    return n;
}

/* The units the checks run on: the beads, regrouped when the lexicon gives evidence and a
 * check that reads the grouping (omission, addition, moved) is on. A left-out and an added
 * sentence that pair as a move stay on their own (pinned), and so do a left-out or added
 * sentence and its counterpart rescued from a bead (ta_moves_rescue). 0, or -1. */
static int units_of(ta_checker *c, const ta_corpus *doc, ta_corpus *u)
{
    c->units.len = c->unit_bead.len = 0;
    *u = *doc;
    if (!c->lx || !(ta_checker_on(c, ta_check_omission) || ta_checker_on(c, ta_check_addition) ||
                    ta_checker_on(c, ta_check_moved)))
        return 0;
    bool *pin = calloc(doc->n_en + doc->n_ru + 1, sizeof *pin);
    int rc = !pin || ta_moves_reset(c, doc->n_beads) || ta_moves_pair(c, doc) || ta_moves_rescue(c, doc) ? -1 : 0;
    for (size_t i = 0; !rc && i < doc->n_beads; i++) {
        long m = c->moved[i];
        if (m < 0 || labs(m - (long)i) <= TA_PINNED_MIN_DISTANCE || c->moved_sent[m] >= 0)
            continue; /* a bead whose one sentence was rescued: that sentence alone, below */
        const ta_bead *b = &doc->beads[i];
        for (size_t k = b->en0; k < b->en1; k++)
            pin[k] = true;
        for (size_t k = b->ru0; k < b->ru1; k++)
            pin[doc->n_en + k] = true;
        if (c->moved_sent[i] >= 0) /* i is left-out or added: its counterpart is on the other side */
            pin[(b->en1 > b->en0 ? doc->n_en : 0) + (size_t)c->moved_sent[i]] = true;
    }
    if (!rc)
        rc = ta_regroup(c, doc, pin, &c->units, &c->unit_bead);
    free(pin);
    if (rc)
        return -1;
    u->beads = c->units.data, u->n_beads = c->units.len;
    return 0;
}

ta_status ta_checker_prepare(ta_checker *c, const ta_corpus *doc, ta_corpus *units,
                             ta_error *err)
{
    /* a new document: the featurizer forgets the last one's word forms and names (bounded
     * memory for a checker that runs over many documents) */
    ta_featurizer_reset(&c->fz, c->lx);
    if (units_of(c, doc, units) || ta_moves_reset(c, units->n_beads) ||
        (ta_checker_on(c, ta_check_moved) &&
         (ta_moves_pair(c, units) || ta_moves_extend(c, units) || ta_moves_rescue(c, units))))
        return ta_fail(err, TA_ENOMEM, "out of memory");
    return TA_OK;
}
