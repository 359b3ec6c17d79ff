/* corpus.h — the pieces of `talign corpus` (private to the command line): counts and the
 * report, the run (thread pool, ordered writer, checkpoints), merge. */
#ifndef TA_CLI_CORPUS_H
#define TA_CLI_CORPUS_H
#include "cli.h"
#include <stdint.h>

/* bead types counted in the report; the last counts every other shape */
enum { BEAD_TYPES = 9 };
extern const char *const corpus_bead_names[BEAD_TYPES];

typedef struct {
    char *id, *file, *reason, *message;
} corpus_failure;

typedef struct {
    size_t pairs, done, failed;
    size_t beads[BEAD_TYPES];
    size_t units;                  /* units: beads with sentences on both sides, or (TMX)
                                      the pieces ta_tmx_pieces cuts one into */
    size_t misspelled;             /* --spell: units with a spelling finding (kept or not) */
    double score_sum;              /* over units, for the mean */
    size_t fate[TA_UNIT_NREASONS]; /* kept and dropped by each filter */
    corpus_failure *fail;
    size_t n_fail, cap_fail;
    double seconds;
    long peak_rss_kb;
    char **unpaired;
    size_t n_unpaired, cap_unpaired;
} corpus_stats;

int corpus_bead_type(size_t n_en, size_t n_ru);
int corpus_add_failure(corpus_stats *st, const char *id, const char *file, const char *reason,
                       const char *message); /* 0 on success */
void corpus_stats_add(corpus_stats *to, const corpus_stats *from); /* counts, not failures */
void corpus_stats_free(corpus_stats *st);
/* the report as JSON (one key a line, so that merge can sum reports) */
void corpus_report_json(FILE *f, const corpus_stats *st, int threads);
/* the summary on stderr */
void corpus_report_text(FILE *f, const corpus_stats *st);
/* adds a report written by corpus_report_json to st; 0 on success */
int corpus_report_read(const char *path, corpus_stats *st);
/* writes the report to `path` (atomically); exit code */
int corpus_report_write(const char *path, const corpus_stats *st, int threads);
/* checkpoint lines: counts and failures, and reading them back */
void corpus_stats_save(FILE *f, const corpus_stats *st);
int corpus_stats_load_line(corpus_stats *st, char *line); /* 1 taken, 0 not a stats line, -1 bad */

/* where the output goes: OUT, its partial file(s), checkpoint and report */
typedef struct {
    ta_stream_format fmt;
    bool gz, to_stdout;
    char *final[2];   /* OUT (moses: BASE.en, BASE.ru, with .gz when OUT has it) */
    char *partial[2]; /* final + ".partial": uncompressed */
    char *progress, *report;
    int nfiles;
} corpus_paths;
int corpus_paths_init(corpus_paths *p, const char *out, ta_stream_format fmt, const char *src,
                      const char *tgt); /* exit code */
void corpus_paths_free(corpus_paths *p);
/* compresses or renames the partial files to their final names; exit code */
int corpus_finish_files(const corpus_paths *p);

typedef struct {
    ta_stream_format fmt;
    ta_unit_filter filter;
    bool dedup, quiet, resume, stdin_jsonl, clean, repair;
    bool spell;            /* --spell: check spelling (hunspell), count misspelt units */
    bool drop_misspelled;  /* --drop-misspelled: and drop them */
    const char *dict_dir;  /* hunspell dictionaries (NULL: the default) */
    int threads;
    unsigned shard_k, shard_n;
    const char *src_lang, *tgt_lang;
    const ta_lexicon *lx;
    ta_aligner_opts aopts;
    const char *out;
    uint64_t fingerprint; /* of everything that changes the output, for --resume */
    bool tmx_sentences;   /* --tmx-sentences (ta_corpus.tmx_sentences) */
    long long epoch;      /* $SOURCE_DATE_EPOCH (0: unset): every TMX creationdate */
    long long created;    /* the TMX header's creationdate: epoch, else the newest input's
                             mtime over the whole manifest (so that every shard has it) */
} corpus_opts;

/* Runs the pairs [from, to) of m (or the JSONL records of stdin when m is NULL). Exit code. */
int corpus_run(const corpus_opts *o, const ta_manifest *m, size_t from, size_t to,
               corpus_stats *st);

int corpus_merge(int argc, char **argv);

#endif
