/* corpus_run.c — a corpus run: worker threads (one ta_aligner each, the lexicon shared) align
 * pairs into slots of a bounded window; the main thread writes the slots in manifest order
 * (dedup there, so the first occurrence wins), checkpoints the partial output for --resume and
 * shows progress. */
#include "corpus.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { SLOT_FREE = 0, SLOT_BUSY, SLOT_READY };
enum { WINDOW_PER_THREAD = 8, PROGRESS_VERSION = 1, BAR_WIDTH = 30, FIRST_UNITS = 32 };
static const double CHECKPOINT_SECONDS = 0.25, TTY_SECONDS = 0.1, LOG_SECONDS = 5.0;

typedef struct {
    size_t off, len, off2, len2;
    uint64_t keys[2];
} unit_ref;

typedef struct {
    int state;
    char *id; /* stdin: the record's id, checked against the ids written before */
    char *out, *out2;
    size_t out_len, out2_len;
    unit_ref *units;
    size_t n_units, cap_units;
    corpus_stats st;
} slot;

typedef struct {
    const corpus_opts *o;
    const ta_manifest *m;
    size_t from, limit; /* pair seq is manifest entry from + seq; limit: pairs to do */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next, written, window, lineno;
    bool eof;
    int fatal;
    slot *slots;
} pool;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- one pair --------------------------------------------------------------------------- */

static void fail(slot *s, const char *id, const char *file, const char *reason, const char *msg)
{
    s->st.failed++;
    corpus_add_failure(&s->st, id, file, reason, msg);
}

static bool blank(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", t[i]))
            return false;
    return true;
}

/* loads one side; NULL after recording the failure */
static ta_text *load_side(const corpus_opts *o, slot *s, const char *id, const char *path)
{
    ta_text *t = NULL;
    ta_error err = {0};
    ta_status st = ta_text_load(path, NULL, cli_environment()->fifo_wait, &t, &err);
    if (st != TA_OK) {
        const char *why = st == TA_EDECODE ? "undecodable"
                        : st != TA_EIO ? ta_strerror(st)
                        : access(path, F_OK) != 0 ? "missing" : "unreadable";
        fail(s, id, path, why, err.message[0] ? err.message : ta_strerror(st));
        return NULL;
    }
    if (o->repair && ta_text_mojibake(t))
        ta_text_repair_mojibake(t, NULL, NULL);
    if (o->clean)
        ta_text_clean(t, NULL, NULL);
    size_t n;
    const char *d = ta_text_data(t, &n);
    if (blank(d, n)) {
        fail(s, id, path, "empty", "no text");
        ta_text_free(t);
        return NULL;
    }
    return t;
}

static ta_text *decode_side(slot *s, const char *id, const char *what, const char *v)
{
    ta_text *t = NULL;
    ta_error err = {0};
    if (!v) {
        fail(s, id, what, "bad_record", "no such key");
        return NULL;
    }
    ta_status st = ta_text_decode(v, strlen(v), NULL, &t, &err);
    if (st != TA_OK) {
        fail(s, id, what, "undecodable", err.message[0] ? err.message : ta_strerror(st));
        return NULL;
    }
    size_t n;
    if (blank(ta_text_data(t, &n), n)) {
        fail(s, id, what, "empty", "no text");
        ta_text_free(t);
        return NULL;
    }
    return t;
}

/* the units of an aligned pair, filtered, rendered into the slot's buffers */
/* --spell: the spelling findings of the pair (sorted by bead); -1 when the check fails */
static int spelling(ta_checker *ck, const ta_corpus *c, ta_finding **f, size_t *n)
{
    *f = NULL, *n = 0;
    return ck && ta_check(ck, c, f, n, NULL) != TA_OK ? -1 : 0;
}

static bool misspelt(const ta_finding *f, size_t n, size_t bead)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].bead == bead)
            return true;
    return false;
}

/* What the units of one pair name: its id and documents, and their creationdate. */
typedef struct {
    const char *id, *src_doc, *tgt_doc;
    long long created;
} pair_names;

/* A unit's text: sentences [a, b) of s, or (p != NULL) the n bytes at p, into *buf. */
static ta_status unit_text(const ta_sentences *s, size_t a, size_t b, const char *p, size_t n,
                           char **buf, size_t *len, size_t *cap)
{
    *len = 0;
    if (!p)
        return ta_unit_text(s, a, b, buf, len, cap);
    ta_sentences one = {&p, &n, 1};
    return ta_unit_text(&one, 0, 1, buf, len, cap);
}

/* Adds a unit of bead k (piece 0: the whole bead, else piece `piece` of the bead's pieces) to
 * the slot's buffers when the filters keep it; counts it. 0, or -1 out of memory. */
static int add_unit(const corpus_opts *o, slot *s, const pair_names *pn, const ta_bead *b,
                    size_t k, int piece, const char *en, size_t el, const char *ru, size_t rl,
                    bool bad_spelling, FILE *f, FILE *f2)
{
    size_t ne = b->en1 - b->en0, nr = b->ru1 - b->ru0;
    s->st.units++;
    s->st.score_sum += b->score;
    ta_unit_fate fate = ta_unit_filter_apply(&o->filter, en, el, ru, rl, ne, nr, b->score);
    s->st.misspelled += bad_spelling;
    if (fate == TA_UNIT_KEPT && bad_spelling && o->drop_misspelled)
        fate = TA_UNIT_MISSPELLED;
    s->st.fate[fate]++;
    if (fate != TA_UNIT_KEPT)
        return 0;
    unit_ref *grown = cli_grow(s->units, &s->cap_units, s->n_units, sizeof *grown, FIRST_UNITS);
    if (!grown)
        return -1;
    s->units = grown;
    unit_ref *u = &s->units[s->n_units++];
    memset(u, 0, sizeof *u);
    if (o->dedup)
        ta_unit_keys(en, el, ru, rl, u->keys);
    ta_unit un = {.doc = pn->id, .bead = k, .en = en, .ru = ru, .en_len = el, .ru_len = rl,
                  .n_en = ne, .n_ru = nr, .score = b->score, .src_lang = o->src_lang,
                  .tgt_lang = o->tgt_lang, .piece = piece, .src_doc = pn->src_doc,
                  .tgt_doc = pn->tgt_doc, .created = pn->created};
    u->off = (size_t)ftello(f);
    u->off2 = f2 ? (size_t)ftello(f2) : 0;
    int bad = ta_stream_unit(f, f2, o->fmt, &un, NULL) != TA_OK ? -1 : 0;
    u->len = (size_t)ftello(f) - u->off;
    u->len2 = f2 ? (size_t)ftello(f2) - u->off2 : 0;
    return bad;
}

/* The units of an aligned pair (TMX: a bead cut by ta_tmx_pieces gives a unit a piece),
 * filtered, rendered into the slot's buffers. */
static int render(const corpus_opts *o, ta_checker *ck, slot *s, const pair_names *pn,
                  const ta_pair *pair)
{
    ta_corpus c;
    ta_pair_corpus(pair, &c);
    c.tmx_sentences = o->tmx_sentences;
    ta_finding *sf;
    size_t nsf;
    if (spelling(ck, &c, &sf, &nsf))
        return -1;
    FILE *f = open_memstream(&s->out, &s->out_len), *f2 = NULL;
    if (f && o->fmt == TA_STREAM_MOSES && !(f2 = open_memstream(&s->out2, &s->out2_len)))
        fclose(f), f = NULL;
    if (!f) {
        ta_findings_free(sf, nsf);
        return -1;
    }
    char *en = NULL, *ru = NULL;
    size_t el = 0, ec = 0, rl = 0, rc = 0;
    int bad = 0;
    ta_sentences es = {c.en, c.en_len, c.n_en}, rs = {c.ru, c.ru_len, c.n_ru};
    for (size_t k = 0; k < c.n_beads && !bad; k++) {
        const ta_bead *b = &c.beads[k];
        size_t ne = b->en1 - b->en0, nr = b->ru1 - b->ru0;
        s->st.beads[corpus_bead_type(ne, nr)]++;
        if (!ne || !nr)
            continue;
        ta_tmx_piece pc[TA_TMX_MAX_PIECES];
        size_t np = o->fmt == TA_STREAM_TMX ? ta_tmx_pieces(&c, k, pc) : 0;
        bool bad_spelling = ck && misspelt(sf, nsf, k);
        for (size_t i = 0; i < (np ? np : 1) && !bad; i++) {
            if (unit_text(&es, b->en0, b->en1, np ? pc[i].en : NULL, np ? pc[i].en_len : 0,
                          &en, &el, &ec) != TA_OK ||
                unit_text(&rs, b->ru0, b->ru1, np ? pc[i].ru : NULL, np ? pc[i].ru_len : 0,
                          &ru, &rl, &rc) != TA_OK)
                bad = -1;
            else
                bad = add_unit(o, s, pn, b, k, np ? (int)i + 1 : 0, en ? en : "", el,
                               ru ? ru : "", rl, bad_spelling, f, f2);
        }
    }
    free(en), free(ru);
    ta_findings_free(sf, nsf);
    bad |= fclose(f) != 0 ? -1 : 0;
    if (f2)
        bad |= fclose(f2) != 0 ? -1 : 0;
    return bad;
}

static void process(const corpus_opts *o, ta_aligner *al, ta_checker *ck, slot *s,
                    const ta_manifest_entry *e, const char *json, size_t lineno)
{
    ta_text *te = NULL, *tr = NULL;
    char *v[3] = {NULL, NULL, NULL}, idbuf[32];
    const char *id = e ? e->id : idbuf;
    if (e) {
        if ((te = load_side(o, s, id, e->en)))
            tr = load_side(o, s, id, e->ru);
    } else {
        static const char *const keys[] = {"id", "en", "ru"};
        ta_error err = {0};
        snprintf(idbuf, sizeof idbuf, "line %zu", lineno);
        if (ta_json_strings(json, strlen(json), keys, 3, v, &err) != TA_OK)
            fail(s, id, "(stdin)", "bad_record", err.message);
        else {
            id = v[0] ? v[0] : idbuf;
            if ((te = decode_side(s, id, "en", v[1])))
                tr = decode_side(s, id, "ru", v[2]);
        }
    }
    pair_names pn = {id, e ? e->en_doc : NULL, e ? e->ru_doc : NULL, o->epoch};
    if (tr && e && !pn.created)
        pn.created = cli_newest_mtime((const char *const[]){e->en, e->ru}, 2);
    if (tr && !e && !(s->id = strdup(id)))
        fail(s, id, "(stdin)", "internal", "out of memory");
    else if (tr) {
        ta_pair *pair = NULL;
        ta_error err = {0};
        size_t el, rl;
        const char *et = ta_text_data(te, &el), *rt = ta_text_data(tr, &rl);
        ta_status st = ta_aligner_run(al, et, el, rt, rl, &pair, &err);
        if (st != TA_OK)
            fail(s, id, e ? e->en : "(stdin)", "align", err.message[0] ? err.message : ta_strerror(st));
        else if (render(o, ck, s, &pn, pair) != 0)
            fail(s, id, e ? e->en : "(stdin)", "internal", "out of memory or no dictionary");
        else
            s->st.done++;
        ta_pair_free(pair);
    }
    ta_text_free(te), ta_text_free(tr);
    for (int k = 0; k < 3; k++)
        free(v[k]);
}

/* ---- the pool ---------------------------------------------------------------------------- */

static void *worker(void *arg)
{
    pool *p = arg;
    ta_aligner *al = NULL;
    ta_error err = {0};
    ta_checker *ck = NULL;
    ta_status st = ta_aligner_new(&p->o->aopts, p->o->lx, &al, &err);
    if (st == TA_OK && p->o->spell) { /* a speller per worker: hunspell is not thread-safe */
        ta_check_opts co = ta_check_opts_default();
        co.checks = "-all,spelling";
        co.data_dir = cli_environment()->data_dir;
        co.forms_dir = cli_environment()->forms_dir;
        co.dict_dir = p->o->dict_dir;
        co.no_suggestions = true;
        st = ta_checker_new(&co, p->o->lx, &ck, &err);
    }
    char *line = NULL;
    size_t cap = 0;
    pthread_mutex_lock(&p->mu);
    if (st != TA_OK) {
        if (!p->fatal)
            p->fatal = cli_fail("corpus", st, &err);
        pthread_cond_broadcast(&p->cv);
    }
    while (st == TA_OK) {
        while (!p->eof && !p->fatal && p->next >= p->written + p->window)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->eof || p->fatal)
            break;
        size_t seq = p->next, lineno = 0;
        const ta_manifest_entry *e = NULL;
        if (p->m) {
            if (seq >= p->limit) {
                p->eof = true;
                break;
            }
            e = &p->m->e[p->from + seq];
        } else {
            ssize_t n;
            do {
                n = getline(&line, &cap, stdin);
                p->lineno++;
            } while (n >= 0 && blank(line, (size_t)n));
            if (n < 0) {
                p->eof = true;
                break;
            }
            lineno = p->lineno;
        }
        p->next++;
        slot *s = &p->slots[seq % p->window];
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        process(p->o, al, ck, s, e, line, lineno);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_READY;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    free(line);
    ta_aligner_free(al);
    ta_checker_free(ck);
    return NULL;
}

/* ---- output, checkpoints, progress ------------------------------------------------------- */

typedef struct {
    const corpus_opts *o;
    corpus_paths paths;
    FILE *f[2];
    ta_dedup *dedup;
    ta_dedup *ids;  /* stdin: the ids of the records written (hashed as a unit's texts) */
    size_t done0;  /* pairs finished before this process (--resume) */
    double t0, last_ckpt, last_show;
    bool tty;
} writer;

/* Was the slot's record id written before (stdin; a manifest's ids are checked when it is
 * read)? Its units would repeat the tuids "ID:N": the record then fails. -1 out of memory. */
static int repeated_id(writer *w, slot *s)
{
    if (!w->ids || !s->id || !s->st.done)
        return 0;
    uint64_t keys[2];
    ta_unit_fate fate;
    ta_unit_keys(s->id, strlen(s->id), "", 0, keys);
    keys[1] = keys[0]; /* exact repeats only */
    if (ta_dedup_add(w->ids, keys, &fate) != TA_OK)
        return -1;
    if (fate == TA_UNIT_KEPT)
        return 0;
    corpus_stats_free(&s->st);
    memset(&s->st, 0, sizeof s->st);
    s->n_units = 0;
    fail(s, s->id, "(stdin)", "duplicate_id",
         "an earlier record has this id: its units would repeat their tuids (ID:N)");
    return 1;
}

static int write_slot(writer *w, slot *s, corpus_stats *st)
{
    int bad = 0;
    if (repeated_id(w, s) < 0)
        return -1;
    for (size_t i = 0; i < s->n_units && !bad; i++) {
        unit_ref *u = &s->units[i];
        if (w->dedup) {
            ta_unit_fate fate;
            if (ta_dedup_add(w->dedup, u->keys, &fate) != TA_OK)
                return -1;
            if (fate != TA_UNIT_KEPT) {
                s->st.fate[TA_UNIT_KEPT]--, s->st.fate[fate]++;
                continue;
            }
        }
        bad |= fwrite(s->out + u->off, 1, u->len, w->f[0]) != u->len;
        if (w->f[1])
            bad |= fwrite(s->out2 + u->off2, 1, u->len2, w->f[1]) != u->len2;
    }
    corpus_stats_add(st, &s->st);
    for (size_t i = 0; i < s->st.n_fail; i++) {
        corpus_failure *f = &s->st.fail[i];
        corpus_add_failure(st, f->id, f->file, f->reason, f->message);
    }
    return bad ? -1 : 0;
}

static void slot_clear(slot *s)
{
    free(s->out), free(s->out2), free(s->id);
    corpus_stats_free(&s->st);
    s->out = s->out2 = s->id = NULL;
    s->out_len = s->out2_len = s->n_units = 0;
    s->state = SLOT_FREE;
}

static int checkpoint(writer *w, const corpus_stats *st, size_t pairs)
{
    if (w->paths.to_stdout)
        return 0;
    long long off[2] = {0, 0};
    for (int k = 0; k < w->paths.nfiles; k++) {
        if (fflush(w->f[k]) != 0)
            return -1;
        off[k] = (long long)ftello(w->f[k]);
    }
    size_t n = strlen(w->paths.progress) + 8;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.new", w->paths.progress);
    FILE *f = fopen(tmp, "w");
    int bad = !f;
    if (f) {
        fprintf(f, "talign-corpus-progress %d\nfingerprint %016llx\npairs %zu\nbytes %lld %lld\n",
                PROGRESS_VERSION, (unsigned long long)w->o->fingerprint, pairs, off[0], off[1]);
        corpus_stats_save(f, st);
        bad |= ferror(f) | (fclose(f) != 0);
    }
    bad |= bad ? 0 : rename(tmp, w->paths.progress) != 0;
    free(tmp);
    return bad ? -1 : 0;
}

static void show(writer *w, size_t done, size_t total, bool last)
{
    if (w->o->quiet)
        return;
    double t = now(), dt = t - w->t0;
    if (!last && t - w->last_show < (w->tty ? TTY_SECONDS : LOG_SECONDS))
        return;
    w->last_show = t;
    size_t here = done - w->done0;
    double rate = dt > 0 ? (double)here / dt : 0;
    if (w->tty && total) {
        int fill = (int)((double)BAR_WIDTH * (double)done / (double)total);
        double eta = rate > 0 ? (double)(total - done) / rate : 0;
        fprintf(stderr, "\r[%.*s%*s] %zu/%zu pairs  %.1f pairs/s  ETA %d:%02d ", fill,
                "##############################", BAR_WIDTH - fill, "", done, total, rate,
                (int)eta / 60, (int)eta % 60);
        if (last)
            fputc('\n', stderr);
    } else if (!last)
        fprintf(stderr, "talign: corpus: %zu%s%.0zu pairs, %.1f pairs/s\n", done,
                total ? " of " : "", total, rate);
}

/* reads OUT.progress: 1 when a run can be resumed from it, 0 when there is none, -1 bad */
static int read_progress(writer *w, corpus_stats *st, size_t *pairs, long long off[2])
{
    FILE *f = fopen(w->paths.progress, "r");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    int version = 0, ok = 1;
    unsigned long long fp = 0;
    if (fscanf(f, "talign-corpus-progress %d\nfingerprint %llx\npairs %zu\nbytes %lld %lld\n",
               &version, &fp, pairs, &off[0], &off[1]) != 5 || version != PROGRESS_VERSION) {
        cli_msg("%s: not a checkpoint of this version of talign", w->paths.progress);
        ok = -1;
    } else if (fp != w->o->fingerprint) {
        cli_msg("%s: written by a run with other options or input: run it again with them, or "
                "without --resume to start over", w->paths.progress);
        ok = -1;
    }
    while (ok == 1 && getline(&line, &cap, f) >= 0)
        if (corpus_stats_load_line(st, line) < 0)
            ok = -1;
    free(line);
    fclose(f);
    return ok;
}

/* opens the partial files: fresh, or truncated to the checkpoint with the dedup set rebuilt */
static int open_outputs(writer *w, corpus_stats *st, size_t *skip)
{
    *skip = 0;
    if (w->paths.to_stdout) {
        w->f[0] = stdout;
        return ta_stream_header(stdout, w->o->fmt, w->o->src_lang, w->o->tgt_lang,
                                w->o->created, NULL) == TA_OK ? EXIT_OK : EXIT_OUTPUT;
    }
    long long off[2] = {0, 0};
    int r = w->o->resume ? read_progress(w, st, skip, off) : 0;
    if (r < 0)
        return EXIT_USAGE;
    if (w->o->resume && r == 0 && !w->o->quiet)
        cli_msg("corpus: no checkpoint at %s: starting from the first pair", w->paths.progress);
    for (int k = 0; r == 1 && k < w->paths.nfiles; k++) {
        struct stat sb;
        if (stat(w->paths.partial[k], &sb) != 0 || sb.st_size < off[k] ||
            truncate(w->paths.partial[k], (off_t)off[k]) != 0) {
            cli_msg("%s: missing or shorter than its checkpoint: run without --resume",
                    w->paths.partial[k]);
            return EXIT_USAGE;
        }
    }
    if (r == 1 && w->dedup) { /* the units written so far, into the dedup set */
        ta_stream_reader *rd = NULL;
        ta_error err = {0};
        ta_status s = ta_stream_reader_open(w->paths.partial[0], w->paths.partial[1], w->o->fmt,
                                            (size_t)off[0], (size_t)off[1], &rd, &err);
        bool end = false;
        while (s == TA_OK && !end) {
            const char *rec, *rec2, *en, *ru;
            size_t rl, rl2, el, rul;
            s = ta_stream_reader_next(rd, &rec, &rl, &rec2, &rl2, &en, &el, &ru, &rul, &end, &err);
            if (s == TA_OK && !end) {
                uint64_t keys[2];
                ta_unit_fate fate;
                ta_unit_keys(en, el, ru, rul, keys);
                s = ta_dedup_add(w->dedup, keys, &fate);
            }
        }
        ta_stream_reader_free(rd);
        if (s != TA_OK)
            return cli_fail("corpus --resume", s, &err);
    }
    if (r != 1)
        *skip = 0;
    for (int k = 0; k < w->paths.nfiles; k++)
        if (!(w->f[k] = fopen(w->paths.partial[k], r == 1 ? "a" : "w"))) {
            cli_msg("%s: cannot write: %s (check the folder exists and is writable)",
                    w->paths.partial[k], strerror(errno));
            return EXIT_OUTPUT;
        }
    if (r != 1 && ta_stream_header(w->f[0], w->o->fmt, w->o->src_lang, w->o->tgt_lang,
                                   w->o->created, NULL) != TA_OK)
        return EXIT_OUTPUT;
    return EXIT_OK;
}

static int close_outputs(writer *w, bool ok)
{
    int code = EXIT_OK;
    if (ok && ta_stream_footer(w->f[0], w->o->fmt, NULL) != TA_OK)
        code = EXIT_OUTPUT;
    for (int k = 0; k < 2; k++) {
        if (!w->f[k])
            continue;
        if (w->f[k] == stdout)
            code = fflush(stdout) == 0 ? code : EXIT_OUTPUT;
        else if (ferror(w->f[k]) | fclose(w->f[k]))
            code = EXIT_OUTPUT;
        w->f[k] = NULL;
    }
    if (code != EXIT_OK)
        cli_msg("corpus: write error: %s", strerror(errno));
    if (ok && code == EXIT_OK)
        code = corpus_finish_files(&w->paths);
    return code;
}

int corpus_run(const corpus_opts *o, const ta_manifest *m, size_t from, size_t to,
               corpus_stats *st)
{
    writer w = {.o = o, .t0 = now(), .tty = isatty(2)};
    w.last_show = w.t0;
    int code = corpus_paths_init(&w.paths, o->out, o->fmt, o->src_lang, o->tgt_lang);
    if (code != EXIT_OK)
        return code;
    if ((o->dedup && ta_dedup_new(&w.dedup) != TA_OK) || (!m && ta_dedup_new(&w.ids) != TA_OK))
        code = EXIT_INTERNAL;
    size_t skip = 0;
    if (code == EXIT_OK)
        code = open_outputs(&w, st, &skip);
    if (code != EXIT_OK) {
        ta_dedup_free(w.dedup);
        ta_dedup_free(w.ids);
        corpus_paths_free(&w.paths);
        return code;
    }
    w.done0 = skip;
    pool p = {.o = o, .m = m, .from = from + skip, .limit = m ? to - from - skip : 0,
              .window = (size_t)o->threads * WINDOW_PER_THREAD};
    p.slots = calloc(p.window, sizeof *p.slots);
    pthread_t *th = calloc((size_t)o->threads, sizeof *th);
    int started = 0;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    if (!p.slots || !th)
        code = EXIT_INTERNAL;
    for (int k = 0; code == EXIT_OK && k < o->threads; k++, started++)
        if (pthread_create(&th[k], NULL, worker, &p) != 0) {
            cli_msg("corpus: cannot start a thread");
            pthread_mutex_lock(&p.mu);
            p.fatal = EXIT_INTERNAL;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
            break;
        }
    size_t total = m ? to - from : 0;
    pthread_mutex_lock(&p.mu);
    while (code == EXIT_OK) {
        slot *s = &p.slots[p.written % p.window];
        while (!p.fatal && s->state != SLOT_READY && !(p.eof && p.written == p.next))
            pthread_cond_wait(&p.cv, &p.mu);
        if (p.fatal || s->state != SLOT_READY)
            break;
        pthread_mutex_unlock(&p.mu);
        if (write_slot(&w, s, st) != 0)
            code = EXIT_OUTPUT;
        slot_clear(s);
        size_t done = skip + p.written + 1;
        double t = now();
        if (t - w.last_ckpt >= CHECKPOINT_SECONDS) {
            if (code == EXIT_OK && checkpoint(&w, st, done) != 0)
                code = EXIT_OUTPUT;
            w.last_ckpt = t;
        }
        show(&w, done, total, false);
        pthread_mutex_lock(&p.mu);
        p.written++;
        if (code != EXIT_OK)
            p.fatal = code;
        pthread_cond_broadcast(&p.cv);
    }
    if (p.fatal && code == EXIT_OK)
        code = p.fatal;
    pthread_mutex_unlock(&p.mu);
    for (int k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    show(&w, skip + p.written, total, true);
    for (size_t k = 0; p.slots && k < p.window; k++) {
        slot_clear(&p.slots[k]);
        free(p.slots[k].units);
    }
    free(p.slots), free(th);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    bool ok = code == EXIT_OK;
    if (ok && checkpoint(&w, st, skip + p.written) != 0)
        ok = false, code = EXIT_OUTPUT;
    int c2 = close_outputs(&w, ok);
    if (code == EXIT_OK)
        code = c2;
    st->pairs = m ? to - from : st->done + st->failed;
    st->seconds = now() - w.t0;
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        st->peak_rss_kb = ru.ru_maxrss;
    if (code == EXIT_OK && !w.paths.to_stdout) {
        code = corpus_report_write(w.paths.report, st, o->threads);
        unlink(w.paths.progress);
    }
    ta_dedup_free(w.dedup);
    ta_dedup_free(w.ids);
    corpus_paths_free(&w.paths);
    return code;
}
