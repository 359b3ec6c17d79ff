/* check.c — translation QA: the table of checks (name, default severity, scope, function),
 * switching them by name, and the driver that runs them bead by bead over an aligned pair. */
#include "checks.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    ta_check_info info;
    bool per_doc; /* runs once per document instead of once per bead */
    check_fn fn;
} check_def;

/* Report order. Severities: error for what changes the meaning, warning for what an editor
 * should look at, info for what is usually fine. */
static const check_def CHECKS[] = {
    {{"omission", TA_SEV_ERROR, "an English sentence (error) or clause (warning) with no "
                                "counterpart in Russian"}, false, ta_check_omission},
    {{"addition", TA_SEV_ERROR, "a Russian sentence (error) or clause (warning) with no "
                                "counterpart in English"}, false, ta_check_addition},
    {{"moved", TA_SEV_INFO, "a sentence the translation moved elsewhere (both places)"}, true,
     ta_check_moved},
    {{"number", TA_SEV_ERROR, "numbers that differ, each side read in its own locale (12,500 = "
                              "12 500, 1.5 = 1,5, 5m = 5 млн, трёх = 3); one side's only: "
                              "warning"}, false, ta_check_number},
    {{"name", TA_SEV_WARNING, "a name with no counterpart on the other side"}, false,
     ta_check_name},
    {{"term", TA_SEV_ERROR, "a glossary term not translated as the glossary says, or a "
                            "forbidden translation"}, false, ta_check_term},
    {{"spelling", TA_SEV_WARNING, "a word hunspell does not know (en_US, ru_RU), with "
                                  "suggestions"}, false, ta_check_spelling},
    {{"untranslated", TA_SEV_ERROR, "the Russian equals the English or is mostly in Latin "
                                    "letters"}, false, ta_check_untranslated},
    {{"length", TA_SEV_WARNING, "a bead much longer or shorter in Russian than the length "
                                "model expects"}, false, ta_check_length},
    {{"punctuation", TA_SEV_WARNING, "unpaired quotes or brackets, a lost ? or !, a URL or "
                                     "e-mail address that differs"}, false, ta_check_punctuation},
    {{"spacing", TA_SEV_INFO, "double spaces, a space before punctuation, no space after a "
                              "comma"}, false, ta_check_spacing},
    {{"yo", TA_SEV_INFO, "ё and е mixed in the same word"}, true, ta_check_yo},
    {{"inconsistency", TA_SEV_WARNING, "the same English sentence translated differently, or "
                                       "two English sentences translated the same"}, true,
     ta_check_inconsistency},
};
#define NCHECKS (sizeof CHECKS / sizeof *CHECKS)

const ta_check_info *ta_check_list(size_t *n)
{
    static ta_check_info list[NCHECKS];
    for (size_t k = 0; k < NCHECKS; k++)
        list[k] = CHECKS[k].info;
    *n = NCHECKS;
    return list;
}

static const char *SEVERITIES[] = {"info", "warning", "error"};

const char *ta_severity_name(ta_severity s)
{
    return s >= TA_SEV_INFO && s <= TA_SEV_ERROR ? SEVERITIES[s] : SEVERITIES[0];
}

ta_status ta_severity_parse(const char *name, ta_severity *out, ta_error *err)
{
    for (int k = TA_SEV_INFO; k <= TA_SEV_ERROR; k++)
        if (name && !strcmp(name, SEVERITIES[k])) {
            *out = (ta_severity)k;
            return TA_OK;
        }
    return ta_fail(err, TA_EINVAL, "unknown severity '%s' (info, warning or error)",
                   name ? name : "(null)");
}

ta_check_opts ta_check_opts_default(void)
{
    ta_check_opts o = {.src_lang = "en", .tgt_lang = "ru"};
    return o;
}

/* Applies "NAME,-NAME,all,-all" to on[]. */
static ta_status switch_checks(bool *on, const char *spec, ta_error *err)
{
    for (size_t k = 0; k < NCHECKS; k++)
        on[k] = true;
    for (const char *p = spec; p && *p;) {
        size_t n = strcspn(p, ",");
        bool off = *p == '-', plus = *p == '+';
        const char *w = p + (off || plus);
        size_t wn = n - (off || plus);
        bool all = wn == 3 && !memcmp(w, "all", 3), found = all;
        for (size_t k = 0; k < NCHECKS; k++)
            if (all || (strlen(CHECKS[k].info.name) == wn && !memcmp(w, CHECKS[k].info.name, wn)))
                on[k] = !off, found = true;
        if (!found && wn)
            return ta_fail(err, TA_EINVAL, "unknown check '%.*s' (see talign check --list)",
                           (int)wn, w);
        p += n + (p[n] == ',');
    }
    return TA_OK;
}

ta_status ta_checker_new(const ta_check_opts *opts, const ta_lexicon *lx, ta_checker **out,
                         ta_error *err)
{
    *out = NULL;
    ta_checker *c = calloc(1, sizeof *c);
    if (!c)
        return ta_fail(err, TA_ENOMEM, "out of memory");
    c->o = opts ? *opts : ta_check_opts_default();
    c->lx = lx;
    ta_status s = switch_checks(c->on, c->o.checks, err);
    if (s == TA_OK && ta_checker_on(c, ta_check_name)) /* its lookups must not fail silently */
        s = ta_lexicon_verify_lookup(lx, err);
    if (s == TA_OK)
        s = ta_checker_init(c, err);
    if (s != TA_OK) {
        ta_checker_free(c);
        return s;
    }
    *out = c;
    return TA_OK;
}

bool ta_checker_on(const ta_checker *c, check_fn fn)
{
    for (size_t k = 0; k < NCHECKS; k++)
        if (CHECKS[k].fn == fn)
            return c->on[k];
    return false;
}

void ta_checker_free(ta_checker *c)
{
    if (!c)
        return;
    ta_checker_release(c);
    free(c);
}

int ta_emit(check_ctx *x, size_t bead, size_t en0, size_t en1, size_t ru0, size_t ru1,
            const char *lang,
            const char *word, const char *suggestions, const char *fmt, ...)
{
    ta_finding *f = ta_vec_push(x->out);
    if (!f)
        return -1;
    *f = (ta_finding){.check = x->check, .severity = x->severity, .bead = bead, .en0 = en0,
                      .en1 = en1, .ru0 = ru0, .ru1 = ru1, .moved_bead = TA_NO_BEAD, .lang = lang};
    char msg[TA_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    int full = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (full >= (int)sizeof msg) { /* cut: not inside a character */
        size_t e = sizeof msg - 1, p = e;
        while (p > 0 && ((unsigned char)msg[p - 1] & 0xC0) == 0x80)
            p--;
        unsigned char lead = p > 0 ? (unsigned char)msg[p - 1] : 0;
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (p > 0 && e - (p - 1) < need)
            msg[p - 1] = 0;
    }
    f->message = strdup(msg);
    f->word = word ? strdup(word) : NULL;
    f->suggestions = suggestions ? strdup(suggestions) : NULL;
    if (!f->message || (word && !f->word) || (suggestions && !f->suggestions)) {
        free(f->message), free(f->word), free(f->suggestions);
        x->out->len--;
        return -1;
    }
    return 0;
}

int ta_join_side(ta_buf *buf, const char *const *s, const size_t *len, size_t a, size_t b)
{
    buf->len = 0;
    if (ta_buf_add(buf, "", 0))
        return -1;
    for (size_t i = a; i < b; i++)
        if ((i > a && ta_buf_addc(buf, ' ')) || ta_buf_add(buf, s[i], len[i]))
            return -1;
    return 0;
}

static int run_one(check_ctx *x, size_t k)
{
    x->check = CHECKS[k].info.name;
    x->severity = CHECKS[k].info.severity;
    return CHECKS[k].fn(x);
}

/* Runs the per-document checks, then the per-bead checks bead by bead: each bead is joined
 * once and its word evidence computed once for every check that asks for it. */
static int run_checks(check_ctx *x)
{
    ta_checker *c = x->ck;
    const ta_corpus *d = x->doc;
    for (size_t k = 0; k < NCHECKS; k++)
        if (c->on[k] && CHECKS[k].per_doc && run_one(x, k))
            return -1;
    for (size_t i = 0; i < d->n_beads; i++) {
        const ta_bead *b = &d->beads[i];
        if (ta_join_side(&c->en, d->en, d->en_len, b->en0, b->en1) ||
            ta_join_side(&c->ru, d->ru, d->ru_len, b->ru0, b->ru1))
            return -1;
        x->cur = (check_bead){i, b, c->en.data, c->ru.data, c->en.len, c->ru.len};
        c->ev_valid = false;
        for (size_t k = 0; k < NCHECKS; k++)
            if (c->on[k] && !CHECKS[k].per_doc && run_one(x, k))
                return -1;
    }
    return 0;
}

static size_t by_check(const ta_finding *f)
{
    size_t k = 0;
    while (k < NCHECKS && CHECKS[k].info.name != f->check)
        k++;
    return k;
}

static size_t by_bead(const ta_finding *f) { return f->bead; }

/* A stable counting sort of f[0, n) by key(f) < nkeys, through tmp. */
static void counting_sort(ta_finding *f, size_t n, ta_finding *tmp, size_t *start, size_t nkeys,
                          size_t (*key)(const ta_finding *))
{
    memset(start, 0, (nkeys + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[key(&f[i]) + 1]++;
    for (size_t k = 0; k < nkeys; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        tmp[start[key(&f[i])]++] = f[i];
    memcpy(f, tmp, n * sizeof *f);
}

/* Findings by bead, then in the table's order, each check's in the order it made them (two
 * stable counting sorts). 0, or -1 out of memory. */
static int sort_findings(ta_finding *f, size_t n, size_t n_beads)
{
    size_t keys = n_beads > NCHECKS ? n_beads : NCHECKS;
    size_t *start = malloc((keys + 2) * sizeof *start);
    ta_finding *tmp = malloc(n * sizeof *tmp);
    if (!start || !tmp) {
        free(start), free(tmp);
        return -1;
    }
    counting_sort(f, n, tmp, start, NCHECKS + 1, by_check);
    counting_sort(f, n, tmp, start, n_beads, by_bead);
    free(start), free(tmp);
    return 0;
}

/* Findings made on regrouped units report on the document's beads. */
static void to_beads(const ta_checker *c, ta_finding *f, size_t n)
{
    const size_t *ub = c->unit_bead.data;
    for (size_t i = 0; c->unit_bead.len && i < n; i++) {
        f[i].bead = ub[f[i].bead];
        if (f[i].moved_bead != TA_NO_BEAD)
            f[i].moved_bead = ub[f[i].moved_bead];
    }
}

ta_status ta_check(ta_checker *c, const ta_corpus *doc, ta_finding **out, size_t *n,
                   ta_error *err)
{
    *out = NULL, *n = 0;
    ta_vec v = {.esz = sizeof(ta_finding)};
    ta_corpus units;
    check_ctx x = {.ck = c, .doc = &units, .out = &v};
    c->status = TA_OK;
    ta_status s = ta_checker_prepare(c, doc, &units, err);
    if (s == TA_OK && run_checks(&x))
        s = c->status != TA_OK ? (err ? (*err = c->err, c->status) : c->status)
                               : ta_fail(err, TA_ENOMEM, "out of memory");
    if (s != TA_OK) {
        ta_findings_free(v.data, v.len);
        return s;
    }
    to_beads(c, v.data, v.len);
    if (v.len && sort_findings(v.data, v.len, doc->n_beads)) {
        ta_findings_free(v.data, v.len);
        return ta_fail(err, TA_ENOMEM, "out of memory");
    }
    *out = v.data, *n = v.len;
    return TA_OK;
}

void ta_findings_free(ta_finding *f, size_t n)
{
    for (size_t i = 0; f && i < n; i++)
        free(f[i].message), free(f[i].word), free(f[i].suggestions);
    free(f);
}
