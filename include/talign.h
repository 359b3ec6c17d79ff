/* talign.h — the public API of talign, an English–Russian sentence aligner.
 *
 * Conventions:
 *  - Every function that can fail returns a ta_status; ta_strerror() names it. Every one of
 *    them that can fail for another reason than memory also takes a last `ta_error *err`
 *    (NULL allowed) and fills it on failure with a message naming the file (and line or byte
 *    offset) or the argument to blame. The only exceptions are ta_unit_text, ta_dedup_new and
 *    ta_dedup_add, per-unit calls of a corpus run that can fail only with TA_ENOMEM.
 *  - Text is passed as (const char *utf8, size_t len); positions are byte offsets.
 *  - Handles are opaque; each ta_x_new / ta_x_load has a matching ta_x_free, and
 *    every _free accepts NULL.
 *  - Arrays returned through out-parameters belong to the caller: release them with ta_free().
 *  - The library never prints, never exits and never reads the environment: settings a program
 *    may take from it come in as arguments, e.g. the data_dir fields of the options (NULL: the
 *    data files built into the library) and ta_text_load's fifo_wait. The talign command fills
 *    them from $TALIGN_DATA and $TALIGN_FIFO_WAIT.
 */
#ifndef TALIGN_H
#define TALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TA_VERSION "0.1.0"

/* ---- status and errors ------------------------------------------------- */

typedef enum {
    TA_OK = 0,
    TA_ENOMEM,   /* out of memory */
    TA_EIO,      /* a file could not be opened, read or written */
    TA_EDECODE,  /* input bytes are not text in the expected encoding */
    TA_EFORMAT,  /* a data file is malformed or corrupt */
    TA_EVERSION, /* a data file was written by another version of talign */
    TA_EINVAL    /* an argument is invalid (unknown language, encoding, option) */
} ta_status;

/* A static, human-readable name for a status. Never NULL. */
const char *ta_strerror(ta_status s);

/* Details of a failure, filled in by functions that take a ta_error * (which may be NULL).
 * `offset` is a byte offset into the input when `has_offset` is true. */
typedef struct {
    bool has_offset;
    size_t offset;
    char message[256];
} ta_error;

/* Releases an array returned by the library through an out-parameter. ta_free(NULL) is a no-op. */
void ta_free(void *p);

/* The sentences of one side: n UTF-8 strings text[0..n) of len[0..n) bytes (not necessarily
 * NUL-terminated); borrowed, never kept after the call. Both arrays may be NULL when n is 0. */
typedef struct {
    const char *const *text;
    const size_t *len;
    size_t n;
} ta_sentences;

/* ---- decode: bytes -> UTF-8 NFC ---------------------------------------- */

typedef struct ta_text ta_text;

/* Decodes `len` bytes into UTF-8 NFC text with LF line ends.
 * `encoding` is an iconv name ("CP1251", "KOI8-R", "UTF-16LE" ...) or NULL to detect
 * UTF-8 (with or without BOM), UTF-16LE/BE (BOM, or a clear NUL-byte pattern), CP1251 and KOI8-R.
 * On TA_EDECODE `err` gives the byte offset of the first bad byte in the input.
 * On success *out belongs to the caller (ta_text_free). */
ta_status ta_text_decode(const char *bytes, size_t len, const char *encoding, ta_text **out,
                         ta_error *err);

/* Reads a file ("-" = standard input) and decodes it as ta_text_decode does. A named pipe
 * (or a shell's <(...)) is read once a writer has sent something, waiting at most `fifo_wait`
 * seconds (0: TA_FIFO_WAIT_DEFAULT). Errors: TA_EIO when the file is missing, a directory,
 * unreadable or a pipe nobody writes to in that time; TA_EDECODE and TA_ENOMEM as for
 * ta_text_decode. On success *out belongs to the caller (ta_text_free). */
#define TA_FIFO_WAIT_DEFAULT 10
ta_status ta_text_load(const char *path, const char *encoding, unsigned fifo_wait, ta_text **out,
                       ta_error *err);

/* The decoded text; owned by `t`, valid until ta_text_free(t). NUL-terminated. */
const char *ta_text_data(const ta_text *t, size_t *len);

/* The encoding that was used (detected or given), e.g. "UTF-8", "CP1251". Owned by `t`. */
const char *ta_text_encoding(const ta_text *t);

/* Does the text look like Cyrillic that was decoded with the wrong code page before it reached
 * us (CP1251 or KOI8-R bytes read as Latin-1/CP1252: "Ðåöåíçèÿ")? */
bool ta_text_mojibake(const ta_text *t);

/* Recovers such text in place: every line that looks like mojibake is turned back into its
 * bytes and decoded as CP1251 or KOI8-R (whichever fits); other lines are left as they are.
 * *repaired (may be NULL) receives the number of lines changed. Errors: TA_ENOMEM (the text is
 * then unchanged). */
ta_status ta_text_repair_mojibake(ta_text *t, size_t *repaired, ta_error *err);

/* Makes text copied out of web pages, PDFs and CAT tools plain, in place (the sentences' byte
 * offsets then refer to the cleaned text):
 *  - HTML and XML tags, comments, scripts and styles removed; tags shown as text ("&lt;b&gt;")
 *    too; block elements (p, div, h1, li, br, td ...) end a paragraph; entities decoded;
 *  - escaped line breaks ("\n", "\r\n", typed "\ n") become line breaks;
 *  - dot leaders with their page number ("Contents ....... 3") removed; runs of five or more
 *    of . / - _ = * ~ # become a space;
 *  - a word broken one or two letters a line ("W\nA\nRN\nI\nNG") is joined;
 *  - lines without a letter (page numbers, "***", a lone "/") are dropped;
 *  - TeX quotes: `` and '' become ", ` becomes '.
 * *changes (may be NULL) receives the number of changes made. Errors: TA_ENOMEM (the text is
 * then unchanged). */
ta_status ta_text_clean(ta_text *t, size_t *changes, ta_error *err);

/* Releases a text and its data; ta_text_free(NULL) is a no-op. */
void ta_text_free(ta_text *t);

/* ---- document structure and sentence segmentation ------------------------ */

typedef enum {
    TA_KIND_BODY = 0,
    TA_KIND_HEADLINE,
    TA_KIND_LEAD,
    TA_KIND_DATELINE,
    TA_KIND_SUBHEADING,
    TA_KIND_BOILERPLATE
} ta_kind;

/* The kind's name: "body", "headline", "lead", "dateline", "subheading", "boilerplate" (a
 * static string; "body" for a value outside the enum). */
const char *ta_kind_name(ta_kind k);

/* One sentence: bytes [start, end) of the text, trimmed of surrounding white space. */
typedef struct {
    size_t start, end;
    int paragraph; /* 0-based paragraph index */
    ta_kind kind;
} ta_span;

/* Where the headline rules find hunspell dictionaries unless told otherwise. */
#define TA_HUNSPELL_DIR "/usr/share/hunspell"

/* Receives, for a boundary at byte `offset` of the text, the rule that made or vetoed it. */
typedef void (*ta_seg_explain_fn)(void *ctx, size_t offset, const char *rule, bool made);

typedef struct ta_segmenter ta_segmenter;

typedef struct {
    const char *lang;      /* "en" or "ru" (default "en"), or a BCP 47 tag whose primary
                              subtag is one of them, any case: "en-US", "ru-RU" */
    bool wrapped;          /* paragraphs are separated by blank lines, lines are joined */
    bool presegmented;     /* every non-empty line is one sentence; no rules applied */
    bool keep_boilerplate; /* keep site furniture (All news, Обновлено: ...) as segments */
    bool keep_semicolons;  /* never end a sentence at "; ", even where abbrev.LANG says so
                              ("option split-semicolon", the English treebank convention) */
    const char *data_dir;  /* directory with abbrev.LANG, months.LANG, starters.LANG, ... and
                            * boilerplate.txt (see README); NULL = built-in */
    bool split_semicolons; /* end a sentence at "; " too (default: no, as translation memories
                              and the WMT references do); keep_semicolons wins */
    const char *rules;     /* rule switches "-NAME,+NAME" by ta_seg_rules() names; NULL: the
                              defaults. Borrowed for the ta_segmenter_new call only */
    const char *hunspell_dir; /* en_US / ru_RU .aff and .dic for the headline rules that ask
                                 whether a word is common; NULL = TA_HUNSPELL_DIR. Borrowed
                                 for the ta_segmenter_new call only */
    const char *forms_dir;    /* where `make` put forms.en_US and forms.ru_RU, the word forms
                                 of those dictionaries with hunspell's answers, mapped in
                                 microseconds where libhunspell loads in 40-100 ms (the build
                                 tree's lexicon/, an install's share/talign/); used only when
                                 made from the very files in hunspell_dir. NULL: libhunspell.
                                 Borrowed for the ta_segmenter_new call only */
    ta_seg_explain_fn explain; /* called for every boundary made or vetoed; NULL: none */
    void *explain_ctx;         /* passed to `explain` */
} ta_segment_opts;

/* One entry of the rule table: the rules in the order they are tried within their zone
 * ("boundary": vetoes of a proposed boundary; "placement": where a made boundary goes;
 * "candidate": boundaries ICU does not propose; "headline": a headline glued to its text;
 * "subheading": where the headline rules look). Static strings. */
typedef struct {
    const char *name;    /* "abbrev-title" */
    const char *langs;   /* "en", "ru" or "en,ru" */
    const char *zone;
    const char *summary; /* what it does, with an example */
    bool on;             /* on by default */
} ta_seg_rule;

/* The rule table: *n entries, static. Entry 0, "icu", names ICU's own boundaries. */
const ta_seg_rule *ta_seg_rules(size_t *n);

/* How often each rule decided a boundary in this segmenter's runs: hits[i] for table entry
 * i; `hits` holds as many entries as ta_seg_rules() gives. */
void ta_segmenter_rule_hits(const ta_segmenter *s, size_t *hits);

/* The defaults: English, one paragraph a line, rules applied, boilerplate dropped, built-in
 * data. */
ta_segment_opts ta_segment_opts_default(void);

/* Creates a segmenter for opts->lang, reading its rules from opts->data_dir or the copies built
 * into the library. For headlines glued to a document's first sentence it also consults the
 * hunspell dictionary (en_US, ru_RU) in opts->hunspell_dir, loaded the first time it is
 * needed. TA_EINVAL for an unknown language or rule name, TA_EIO when the dictionary is missing
 * (err names it), TA_EIO/TA_EFORMAT for bad data files (err names the file and line). *out belongs to the caller
 * (ta_segmenter_free). */
ta_status ta_segmenter_new(const ta_segment_opts *opts, ta_segmenter **out, ta_error *err);

/* Splits `utf8` (normally a ta_text's data) into sentences. On success *spans is an array of *n
 * spans in text order, owned by the caller (ta_free). A segmenter is reusable but not
 * thread-safe; use one per thread. Errors: TA_ENOMEM; TA_EINVAL when ICU refuses the text. */
ta_status ta_segment(ta_segmenter *s, const char *utf8, size_t len, ta_span **spans, size_t *n,
                     ta_error *err);

/* Releases a segmenter; ta_segmenter_free(NULL) is a no-op. */
void ta_segmenter_free(ta_segmenter *s);

/* ---- lexicon: English–Russian word pairs keyed by Snowball stems --------------------- */

typedef struct ta_lexicon ta_lexicon;

/* Builds a lexicon file from a dictd dictionary (Debian's mueller7-dict): `dict_dz` is the
 * .dict.dz file (NULL: /usr/share/dictd/mueller7.dict.dz). Headwords map to the Russian words
 * of their translations (transcriptions, labels, sense numbers and example phrases dropped;
 * the words of multi-word translations only for headwords with few single-word ones); a
 * headword that refers to another ("judgment = judgement") and an inflected form ("took") get
 * its translations, and so does the American spelling of a British headword made by the
 * built-in ending rules (variants.en: "analyse" -> "analyze") when the en_US hunspell
 * dictionary, /usr/share/hunspell/en_US.dic, lists it (none without it). The
 * entries of `names` come first: a text file of lines "English<TAB>Russian, Russian" (names
 * such as China / Китай that transliteration cannot find); NULL: the built-in names.en-ru,
 * "": none. The file is written to a temporary name and renamed, so `out_path` is complete or
 * untouched. If `entries` is not NULL it receives the number of headwords kept. Errors:
 * TA_EIO (a file is missing or the output cannot be written), TA_EFORMAT (not a dictd file, a
 * names line without a tab), TA_ENOMEM; err names the file. */
ta_status ta_lexicon_build(const char *dict_dz, const char *names, const char *out_path,
                           size_t *entries, ta_error *err);

/* Loads a lexicon file. TA_EIO: missing; TA_EFORMAT: corrupt (bad magic, or the checksum of
 * the index alignment reads);
 * TA_EVERSION: written by another version (rebuild it). *out belongs to the caller.
 * `path` may be NULL for an empty lexicon (numbers and names still match). */
ta_status ta_lexicon_load(const char *path, ta_lexicon **out, ta_error *err);

/* Merges another lexicon file into `lx` (for example words learned with `talign lexicon
 * learn`): lookups and alignment then use every file. Errors as for ta_lexicon_load. */
ta_status ta_lexicon_add(ta_lexicon *lx, const char *path, ta_error *err);

typedef struct {
    int min_count;    /* a pair must co-occur in at least this many sentence pairs (default 3) */
    double min_dice;  /* and have a Dice coefficient of at least this (default 0.3) */
    int max_per_word; /* keep at most this many translations per English stem (default 3) */
    const char *data_dir; /* stopwords.LANG ... overriding the built-in copies; NULL = built-in */
} ta_learn_opts;

/* The defaults given above. */
ta_learn_opts ta_learn_opts_default(void);

/* Learns word pairs from aligned sentence pairs (en->text[k] translates ru->text[k]; both sides
 * have the same n): stems that occur together (stopwords and numbers left out), scored by the
 * Dice coefficient. Writes them as a lexicon file to `out_path` (atomically) and their count to
 * *pairs when not NULL. Errors: TA_EINVAL (the sides' counts differ), TA_EIO (cannot write
 * out_path), TA_EIO/TA_EFORMAT (a data file of opts->data_dir), TA_ENOMEM. */
ta_status ta_lexicon_learn(const ta_sentences *en, const ta_sentences *ru,
                           const ta_learn_opts *opts, const char *out_path, size_t *pairs,
                           ta_error *err);

/* Translations of `word` (English or Russian, any inflected form) as a malloc'ed string, one
 * translation a line (empty when none); the caller frees it with ta_free(). Errors: TA_ENOMEM,
 * TA_EFORMAT: the word list a file keeps for lookups is corrupt (its checksum is verified by
 * the first lookup, not at load); *out is then NULL. */
ta_status ta_lexicon_lookup(const ta_lexicon *lx, const char *word, size_t len, char **out,
                            ta_error *err);

/* Counts over every file: English headwords, English stems, stem pairs (any pointer may be
 * NULL). */
void ta_lexicon_stats(const ta_lexicon *lx, size_t *headwords, size_t *stems, size_t *pairs);

/* Releases a lexicon; ta_lexicon_free(NULL) is a no-op. */
void ta_lexicon_free(ta_lexicon *lx);

/* Scores sentence pairs with a lexicon (which may be NULL: numbers and names only; it is
 * borrowed and must outlive the matcher), reading stopwords, numbers and months from data_dir
 * (NULL: built-in). A matcher is not thread-safe; use one per thread. *out belongs to the
 * caller (ta_matcher_free). Errors: TA_EIO/TA_EFORMAT (a data file: err names it), TA_ENOMEM. */
typedef struct ta_matcher ta_matcher;
ta_status ta_matcher_new(const ta_lexicon *lx, const char *data_dir, ta_matcher **out,
                         ta_error *err);
/* Releases a matcher (not its lexicon); ta_matcher_free(NULL) is a no-op. */
void ta_matcher_free(ta_matcher *m);

/* A matched word pair: byte offsets of the English word and of the Russian word, and how sure
 * the match is: 1 for a lexicon translation or an equal number, else the similarity of two
 * names (their Latin forms through ICU transliteration, 1 - a normalised edit distance). */
typedef struct {
    size_t en_start, en_end, ru_start, ru_end;
    double score;
} ta_word_pair;

/* Names match when their consonant skeletons agree and their similarity is at least this. */
#define TA_NAME_MIN 0.6

/* How well `ru` translates `en`: *similarity in [0,1] is the share of content words (of both
 * sentences) whose translation, number or transliterated name occurs on the other side. When
 * `pairs` is not NULL it receives the matched pairs (*npairs of them, the caller's: ta_free).
 * Errors: TA_ENOMEM. */
ta_status ta_lexicon_match(ta_matcher *m, const char *en, size_t en_len, const char *ru,
                           size_t ru_len, double *similarity, ta_word_pair **pairs,
                           size_t *npairs, ta_error *err);

/* ---- alignment ------------------------------------------------------------------------ */

/* A bead: English sentences [en0, en1) translate Russian sentences [ru0, ru1) (indices into
 * the sides' sentences, size_t like their counts). */
typedef struct {
    size_t en0, en1, ru0, ru1;
    double score; /* confidence in [0,1]: the bead's posterior probability under the model
                     (on the dev cases, beads scored >= 0.9 are right 99.0 % of the time) */
} ta_bead;

typedef struct {
    int max_bead;      /* largest side of a bead: 2 (2-2, 2-1 ...) or 3 (adds 1-3, 3-1); default 3 */
    bool use_lexicon;  /* use the lexicon; false = lengths, numbers and names only */
    bool realign;      /* second pass with the length ratio and word pairs learned from the
                          first pass (default true) */
    int band;          /* initial half-width of the search band in sentences (default 50),
                          around a line through anchors (sentences sharing a set of numbers);
                          it follows the path and widens when the path runs along its edge.
                          Memory is about (n_en + 1) * (2 * band + 1) bytes plus the features */
    const char *data_dir; /* directory with params.en-ru, stopwords.LANG, numbers.LANG,
                             months.LANG ... overriding the built-in copies; NULL = built-in */
} ta_align_opts;

/* The defaults given above. */
ta_align_opts ta_align_opts_default(void);

/* Aligns the English sentences `en` with the Russian ones `ru` (either side may be empty).
 * `lx` may be NULL; `opts` NULL means ta_align_opts_default(). On success *beads (owned by the
 * caller, ta_free) holds *n_beads beads covering every sentence of both sides exactly once, in
 * order. Errors: TA_EINVAL (bad options or NULL arrays: err says which), TA_EIO/TA_EFORMAT (a
 * data file of opts->data_dir missing or malformed, e.g. params.en-ru: err names the file and
 * line), TA_ENOMEM. */
ta_status ta_align(const ta_sentences *en, const ta_sentences *ru, const ta_lexicon *lx,
                   const ta_align_opts *opts, ta_bead **beads, size_t *n_beads, ta_error *err);

/* Segmentation helped by the translation. Scraped news often loses the line break after the
 * headline, which then sits glued to the first sentence ("... Hurricane Hanna Mexico's National
 * ..."), on one side or both. Given both sides' spans from ta_segment, splits such a first span
 * where the alignment model (lengths, lexicon `lx` or, when NULL, names and numbers) finds the
 * best pair of headline and first sentence, if that beats leaving it whole. The arrays stay the
 * caller's; either may be reallocated and grow by one span (kind TA_KIND_HEADLINE before the
 * body). The model, stopwords and headline rules come from `data_dir` (NULL: built-in).
 * Errors: TA_ENOMEM, TA_EIO/TA_EFORMAT when a data file (params.en-ru ...) is missing or
 * malformed (err names the file and line). */
ta_status ta_split_glued_headlines(const char *en, size_t en_len, ta_span **en_spans,
                                   size_t *n_en, const char *ru, size_t ru_len,
                                   ta_span **ru_spans, size_t *n_ru, const ta_lexicon *lx,
                                   const char *data_dir, ta_error *err);

/* After ta_align: where a bead joins two sentences of one side with one sentence of the other,
 * and that one holds a sentence boundary the segmenter could not see (no punctuation, as in
 * "... as tough as old boots “When you turn on ..."), splits it where the alignment model
 * prefers two 1-1 beads. Spans and beads (the caller's; each array may be reallocated) are
 * updated together; the new beads keep the score of the bead they replace. `lx` as for
 * ta_align, `data_dir` and errors as for ta_split_glued_headlines. */
ta_status ta_split_by_translation(const char *en, ta_span **en_spans, size_t *n_en,
                                  const char *ru, ta_span **ru_spans, size_t *n_ru,
                                  ta_bead **beads, size_t *n_beads, const ta_lexicon *lx,
                                  const char *data_dir, ta_error *err);

/* ---- the pipeline: a document pair, segmented and aligned ------------------------------ */

typedef struct {
    const char *src_lang, *tgt_lang; /* "en", "ru" (default) or BCP 47 tags ("en-US"): the
                                        primary subtag chooses the rules, the tag as given goes
                                        to TMX */
    bool presegmented;   /* one sentence a line on both sides */
    bool wrapped;        /* paragraphs are separated by blank lines, lines are joined */
    const char *data_dir; /* as ta_segment_opts.data_dir, for the segmenters and the
                             alignment (it overrides align.data_dir); NULL = built-in */
    ta_align_opts align; /* ta_align_opts_default() */
    bool split_semicolons;    /* as ta_segment_opts, both sides (default: no) */
    const char *seg_rules;    /* as ta_segment_opts.rules, both sides */
    const char *hunspell_dir; /* as ta_segment_opts.hunspell_dir */
    const char *forms_dir;    /* as ta_segment_opts.forms_dir */
} ta_aligner_opts;

/* English to Russian, raw paragraphs, the default alignment options. */
ta_aligner_opts ta_aligner_opts_default(void);

/* A reusable pipeline: both segmenters, glued-headline repair, ta_align and
 * ta_split_by_translation, as `talign align` runs them. The lexicon `lx` (may be NULL) is
 * borrowed and must outlive the aligner; one lexicon may be shared by aligners in several
 * threads. An aligner is not thread-safe: use one per thread. *out belongs to the caller
 * (ta_aligner_free). Errors: TA_EINVAL (language), TA_EIO/TA_EFORMAT (data files), TA_ENOMEM. */
typedef struct ta_aligner ta_aligner;
ta_status ta_aligner_new(const ta_aligner_opts *opts, const ta_lexicon *lx, ta_aligner **out,
                         ta_error *err);
void ta_aligner_free(ta_aligner *a);

/* An aligned document pair: copies of both texts, their sentences and the beads. */
typedef struct ta_pair ta_pair;

/* Segments and aligns two decoded texts (UTF-8, normally ta_text_data()). *out belongs to the
 * caller (ta_pair_free). Errors: TA_ENOMEM; TA_EINVAL when ICU refuses a text; TA_EFORMAT
 * when params.en-ru is malformed. */
ta_status ta_aligner_run(ta_aligner *a, const char *en, size_t en_len, const char *ru,
                         size_t ru_len, ta_pair **out, ta_error *err);

/* The sentences of one side (0 English, 1 Russian) as spans of that side's text, which
 * ta_pair_text returns; both owned by the pair. */
const ta_span *ta_pair_spans(const ta_pair *p, int side, size_t *n);
const char *ta_pair_text(const ta_pair *p, int side, size_t *len);

/* Releases a pair; ta_pair_free(NULL) is a no-op. */
void ta_pair_free(ta_pair *p);

/* ---- writers ------------------------------------------------------------------------- */

typedef enum {
    TA_FMT_TSV = 0, /* EN<TAB>RU<TAB>SCORE<TAB>TYPE, one bead a line */
    TA_FMT_LADDER,  /* hunalign ladder: i<TAB>j<TAB>score, rungs from 0 0 to n m */
    TA_FMT_MOSES_EN, TA_FMT_MOSES_RU, /* the English / Russian file of a Moses pair (no nulls) */
    TA_FMT_TMX,     /* TMX 1.4b */
    TA_FMT_JSONL,   /* one object a bead */
    TA_FMT_HTML     /* a self-contained side-by-side review page */
} ta_format;

/* An aligned document pair as the writers see it; nothing here is owned by the writer. */
typedef struct {
    const char *const *en; const size_t *en_len; size_t n_en;
    const char *const *ru; const size_t *ru_len; size_t n_ru;
    const ta_bead *beads; size_t n_beads;
    double min_score;          /* beads scored below are left out (every format but ladder) */
    const char *src_lang, *tgt_lang; /* "en", "ru" */
    const char *title;         /* HTML page title (file names) */
    /* optional, NULL/0 when absent: translation QA findings (ta_check) on these beads. With
     * them, JSONL gets a "spelling" key and TMX an x-spelling prop on units with spelling
     * findings, and a "moved_to" key on beads that a `moved` finding pairs. */
    const struct ta_finding *findings; size_t n_findings;
    bool drop_misspelled;      /* TMX, Moses: leave out beads with a spelling finding */
    bool only_1_1;             /* leave out beads other than 1-1 (every format but ladder) */
    /* TMX only (zero = off/absent): */
    bool tmx_sentences;        /* one unit a source sentence where the alignment allows: an n-1
                                  bead's target sentence is cut at clause boundaries ("; ", ": ",
                                  " - ", ", " before no capital) where the pieces' lengths fit
                                  the source sentences; other merged beads stay one block unit */
    const char *src_doc, *tgt_doc; /* the documents' names: an x-source prop on each tuv */
    long long created;         /* creationdate (seconds since 1970, UTC) on the header and
                                  every unit; <= 0 leaves it out */
} ta_corpus;

/* The pair as the writers see it: every pointer refers into `p` (valid until ta_pair_free);
 * the sentence arrays are the pair's. min_score 0, languages from the aligner's options. */
void ta_pair_corpus(const ta_pair *p, ta_corpus *out);

/* Writes `c` to `f` in format `fmt`, escaping everything (XML, JSON, HTML); control
 * characters other than tab/newline are dropped and bytes that are not UTF-8 become U+FFFD.
 * Errors: TA_EIO when writing fails ("write error: REASON"), TA_EINVAL for an unknown format.
 * `f` stays the caller's (not closed). */
ta_status ta_write(FILE *f, ta_format fmt, const ta_corpus *c, ta_error *err);

/* The most TMX units one bead is cut into. */
#define TA_TMX_MAX_PIECES 3

/* One TMX unit cut from a bead: its texts, spans of the corpus's sentences (not joined, not
 * escaped). */
typedef struct {
    const char *en, *ru;
    size_t en_len, ru_len;
} ta_tmx_piece;

/* How the TMX writers (ta_write, and `talign corpus` through ta_stream_unit) cut bead k of `c`
 * into units: a TASS-style dateline "MOSCOW, September 2. /TASS/." of a 1-1 bead whose two
 * sides both hold an agency tag becomes "MOSCOW, September 2." and "/TASS/." (the units
 * SRX-based tools such as OmegaT match), and with c->tmx_sentences an n-1 bead's target
 * sentence is cut at clause boundaries into one piece a source sentence where the lengths
 * fit. Fills out[] and returns how many pieces (2 or 3), or 0 when the bead stays one unit.
 * The filters (min_score, only_1_1, drop_misspelled) are not applied here. */
size_t ta_tmx_pieces(const ta_corpus *c, size_t k, ta_tmx_piece out[TA_TMX_MAX_PIECES]);

/* Writes the sentences `sp` of `text`: as text (one sentence a line, line breaks inside a
 * sentence as spaces, a blank line between paragraphs) or, when `jsonl`, one object a sentence
 * with its text, paragraph, kind and byte offsets. TA_EIO when writing fails. */
ta_status ta_write_sentences(FILE *f, bool jsonl, const char *text, const ta_span *sp, size_t n,
                             ta_error *err);


/* ---- corpora at scale: manifests, unit filters, dedup, streaming writers ---------------- */

/* A list of document pairs: ids and the paths of both sides. */
typedef struct {
    char *id, *en, *ru;
    const char *en_doc, *ru_doc; /* the paths as the manifest gives them (relative to its
                                    folder), or the file names in the folders: tails of en, ru */
} ta_manifest_entry;
typedef struct {
    ta_manifest_entry *e;
    size_t n;
    char **unpaired; /* --en-dir/--ru-dir: files with no counterpart (paths), sorted */
    size_t n_unpaired;
} ta_manifest;

/* Reads a manifest: lines ID<TAB>EN_PATH<TAB>RU_PATH; blank lines and lines starting with '#'
 * are skipped; relative paths are taken from the manifest's folder ("-" = standard input,
 * paths then from the current folder). Errors: TA_EIO (cannot read), TA_EFORMAT (a line without
 * three fields, or an ID already given to another pair: ids name the units of their pair,
 * TMX tuids among them; err names the line), TA_ENOMEM. *m is the caller's
 * (ta_manifest_clear). */
ta_status ta_manifest_read(const char *path, ta_manifest *m, ta_error *err);

/* Pairs the regular files of two folders by name: the same name on both sides, or names that
 * differ only in the language tag ("x.en.txt" and "x.ru.txt", "en_x" and "ru_x"). The id is the
 * English file's name; entries are sorted by id; files without a counterpart go to
 * m->unpaired. Errors: TA_EIO (a folder cannot be read), TA_ENOMEM. */
ta_status ta_manifest_dirs(const char *en_dir, const char *ru_dir, ta_manifest *m,
                           ta_error *err);

/* Releases the manifest's contents (not `m` itself); it is then empty. */
void ta_manifest_clear(ta_manifest *m);

/* The k-th (1-based) of `of` contiguous slices of n entries: [*from, *to). Slices differ in
 * size by at most one, and the slices 1..of in order cover 0..n in order, so that shard outputs
 * joined in order are the output of the whole manifest. */
void ta_manifest_slice(size_t n, unsigned k, unsigned of, size_t *from, size_t *to);

/* Reads the string values of `nkeys` keys from one JSON object (a JSONL line): values[i] gets a
 * malloc'ed, NUL-terminated UTF-8 copy of the value of keys[i] (escapes decoded, \uXXXX with
 * surrogate pairs; a lone surrogate becomes U+FFFD), or NULL when the key is absent; numbers,
 * booleans, null, arrays and objects are skipped. Errors: TA_EFORMAT (not a JSON object, a
 * key's value is not a string: err gives the byte offset), TA_ENOMEM; values are then NULL. */
ta_status ta_json_strings(const char *line, size_t len, const char *const *keys, size_t nkeys,
                          char **values, ta_error *err);

/* What became of a unit (a bead with sentences on both sides). The filters, each off by
 * default, in the order they are tried. */
typedef enum {
    TA_UNIT_KEPT = 0,
    TA_UNIT_SCORE,        /* score below min_score */
    TA_UNIT_NOT_1_1,      /* only_1_1: a bead of several sentences */
    TA_UNIT_SHORT,        /* a side has fewer than min_chars characters */
    TA_UNIT_RATIO,        /* longer side / shorter side (in characters) above max_ratio */
    TA_UNIT_IDENTICAL,    /* the target equals the source */
    TA_UNIT_SCRIPT,       /* a side has more letters of the other side's script (Latin vs
                             Cyrillic) than of its own: untranslated */
    TA_UNIT_NUMBERS,      /* the numbers differ: see ta_unit_numbers_differ */
    TA_UNIT_MISSPELLED,   /* a side has a word the spelling check flags (ta_check's
                             "spelling"; decided by the caller, not ta_unit_filter_apply) */
    TA_UNIT_DUPLICATE,    /* dedup: the same pair of texts was kept before */
    TA_UNIT_NEAR_DUPLICATE, /* dedup: the same after normalisation (ta_unit_keys) */
    TA_UNIT_NREASONS
} ta_unit_fate;

/* The fate's stable name: "kept", "min_score", "only_1_1", "min_chars", "length_ratio",
 * "identical", "script", "numbers", "duplicate", "near_duplicate" (static). */
const char *ta_unit_fate_name(ta_unit_fate f);

typedef struct {
    double min_score;       /* 0 = off */
    bool only_1_1;
    size_t min_chars;       /* 0 = off */
    double max_ratio;       /* 0 = off; else >= 1 */
    bool drop_identical, drop_script, drop_numbers;
} ta_unit_filter;

/* Every filter off. */
ta_unit_filter ta_unit_filter_default(void);

/* The text of one side of a bead as the corpus writers write it: the sentences [a, b) of `s`
 * (b <= s->n) joined by single spaces, control characters (tab and line breaks included) as
 * spaces, bytes that are not UTF-8 dropped; so the text reads back the same from every format.
 * Appended to *buf (malloc'ed, *blen bytes, *cap allocated; start with NULL, 0, 0). TA_ENOMEM
 * on failure. */
ta_status ta_unit_text(const ta_sentences *s, size_t a, size_t b, char **buf, size_t *blen,
                       size_t *cap);

/* The first filter (in ta_unit_fate's order, dedup excepted) that drops a unit of texts en and
 * ru (as from ta_unit_text), `n_en` and `n_ru` sentences, scored `score`; TA_UNIT_KEPT when
 * none does. Pure: safe from any thread. */
ta_unit_fate ta_unit_filter_apply(const ta_unit_filter *f, const char *en, size_t en_len,
                                  const char *ru, size_t ru_len, size_t n_en, size_t n_ru,
                                  double score);

/* Do the numbers differ? The numbers of a text are its runs of ASCII digits, where a comma, a
 * period, a space, a no-break space (U+00A0) or a narrow/thin space (U+202F, U+2009) between a
 * digit and exactly three digits not followed by another digit is a thousands separator and
 * joins the runs ("12,500", "12 500" and "12500" are one number 12500; "3.5" and "3,5" are two,
 * 3 and 5). They differ when the two sides' numbers are not the same multiset. */
bool ta_unit_numbers_differ(const char *en, size_t en_len, const char *ru, size_t ru_len);

/* The dedup keys of a unit: keys[0] hashes both texts as they are, keys[1] the texts
 * normalised like bifixer: lowercased, with every character that is not a letter (spaces,
 * punctuation, digits, symbols) removed. */
void ta_unit_keys(const char *en, size_t en_len, const char *ru, size_t ru_len,
                  uint64_t keys[2]);

/* A set of the units seen so far, to keep the first of duplicates. */
typedef struct ta_dedup ta_dedup;
ta_status ta_dedup_new(ta_dedup **out);
/* TA_UNIT_DUPLICATE or TA_UNIT_NEAR_DUPLICATE when a unit with these keys was added before,
 * else TA_UNIT_KEPT (the keys are then added). *fate is TA_UNIT_KEPT and TA_ENOMEM returned
 * when the set cannot grow. */
ta_status ta_dedup_add(ta_dedup *d, const uint64_t keys[2], ta_unit_fate *fate);
size_t ta_dedup_count(const ta_dedup *d);
void ta_dedup_free(ta_dedup *d);

/* Streaming writers: one header, the units of many documents, one footer. */
typedef enum {
    TA_STREAM_TMX = 0, /* TMX 1.4b: <tu tuid="DOC:N"> with x-doc and x-score props (see
                          ta_unit) */
    TA_STREAM_TSV,     /* DOC<TAB>EN<TAB>RU<TAB>SCORE<TAB>TYPE, one unit a line */
    TA_STREAM_JSONL,   /* {"doc":…,"bead":…,"en":…,"ru":…,"score":…,"type":"1-1"} a line */
    TA_STREAM_MOSES    /* two files: the English and the Russian text, one unit a line */
} ta_stream_format;

/* Parses "tmx", "tsv", "jsonl", "moses"; TA_EINVAL for anything else (err lists the names). */
ta_status ta_stream_format_parse(const char *name, ta_stream_format *out, ta_error *err);

/* One unit as written: its document's id, the bead's index in the document (0-based, as
 * JSONL's "bead"), the texts (ta_unit_text), the bead's sentence counts and score. TMX: the
 * tuid is "DOC:N" with N = bead + 1, or "DOC:N.P" for piece P (1-based) of a bead cut by
 * ta_tmx_pieces: the part after the colon is the tuid `talign align --format tmx` gives the
 * same unit; segtype="block" when the bead (piece 0) has several sentences on a side. */
typedef struct {
    const char *doc;
    size_t bead;
    const char *en, *ru;
    size_t en_len, ru_len;
    size_t n_en, n_ru;
    double score;
    const char *src_lang, *tgt_lang; /* NULL: "en", "ru" */
    /* TMX only (zero/NULL = none): */
    int piece;                    /* 0: the whole bead; else its number among the pieces */
    const char *src_doc, *tgt_doc; /* the documents' names: an x-source prop on each tuv */
    long long created;            /* creationdate (seconds since 1970, UTC); <= 0: none */
} ta_unit;

/* The header (TMX: up to <body>, with a creationdate when `created` > 0; nothing for the other
 * formats), a unit (`f2` is the Russian file of TA_STREAM_MOSES, else unused), the footer
 * (TMX: </body></tmx>). TA_EIO when writing fails ("write error: REASON"), TA_EINVAL for an
 * unknown format or a Moses unit without f2. */
ta_status ta_stream_header(FILE *f, ta_stream_format fmt, const char *src_lang,
                           const char *tgt_lang, long long created, ta_error *err);
ta_status ta_stream_unit(FILE *f, FILE *f2, ta_stream_format fmt, const ta_unit *u,
                         ta_error *err);
ta_status ta_stream_footer(FILE *f, ta_stream_format fmt, ta_error *err);

/* Reads back what the streaming writers wrote (plain or gzip files), unit by unit, to join
 * shards and rebuild the dedup set of an interrupted run. */
typedef struct ta_stream_reader ta_stream_reader;
/* `path2`: the Russian file of TA_STREAM_MOSES. `limit`, `limit2`: bytes of each file to read
 * (0 = all; a TMX file read to a limit, the partial output of a checkpoint, has no footer).
 * TMX: the header is read here. Errors: TA_EIO, TA_ENOMEM, TA_EFORMAT (TMX without <body>). */
ta_status ta_stream_reader_open(const char *path, const char *path2, ta_stream_format fmt,
                                size_t limit, size_t limit2, ta_stream_reader **out,
                                ta_error *err);
/* The next unit: *rec (*rec_len bytes, NUL-terminated) is its record as written (a TMX <tu>
 * element, a line; Moses: the English line, *rec2 the Russian one) and *en, *ru its texts,
 * unescaped; all owned by the reader until the next call. *end is true after the last unit
 * (TMX: the footer is consumed; with a limit, where the limit ends between units). Errors: TA_EFORMAT (not the expected format: err names the file and line),
 * TA_EIO, TA_ENOMEM. */
ta_status ta_stream_reader_next(ta_stream_reader *r, const char **rec, size_t *rec_len,
                                const char **rec2, size_t *rec2_len, const char **en,
                                size_t *en_len, const char **ru, size_t *ru_len, bool *end,
                                ta_error *err);
/* What precedes the first unit, as written (TMX: the XML declaration, <tmx>, <header> and
 * <body>; empty for the other formats): *len bytes owned by the reader. */
const char *ta_stream_reader_header(const ta_stream_reader *r, size_t *len);
void ta_stream_reader_free(ta_stream_reader *r);

/* ---- translation QA -------------------------------------------------------------------- */

typedef enum { TA_SEV_INFO = 0, TA_SEV_WARNING, TA_SEV_ERROR } ta_severity;

/* "info", "warning", "error" (static); "info" for a value outside the enum. */
const char *ta_severity_name(ta_severity s);
/* Parses a severity name; TA_EINVAL when it is none of the three (err lists them). */
ta_status ta_severity_parse(const char *name, ta_severity *out, ta_error *err);

/* "No bead": a ta_finding's moved_bead when there is none. */
#define TA_NO_BEAD SIZE_MAX

/* One finding of a check on an aligned document pair. */
typedef struct ta_finding {
    const char *check;      /* the check's stable name ("number", "spelling" ...; static) */
    ta_severity severity;
    size_t bead;            /* the bead it is about (index into the corpus's beads) */
    size_t en0, en1, ru0, ru1; /* the sentence ids concerned: English [en0, en1), Russian
                                  [ru0, ru1) (ids as in `talign align --format jsonl`) */
    size_t moved_bead;      /* `moved`: the bead holding the other side (`bead` is the left-out
                               or added sentence's), else TA_NO_BEAD */
    char *message;          /* what differs, e.g. "12,500 ≠ 12 000" */
    const char *lang;       /* the side a word-level finding is on: "en", "ru" or NULL */
    char *word;             /* spelling, term, name: the word concerned, else NULL */
    char *suggestions;      /* spelling: suggestions joined by ", " (maybe ""), else NULL */
} ta_finding;

/* The checks, in report order: name, default severity, one line on what it finds. */
typedef struct {
    const char *name;
    ta_severity severity;
    const char *summary;
} ta_check_info;
const ta_check_info *ta_check_list(size_t *n);

typedef struct {
    const char *checks;   /* "NAME,-NAME,...": switches checks on (NAME) or off (-NAME) from
                             the defaults (all on); "-all" / "all" switch every check. NULL =
                             the defaults */
    const char *glossary; /* TSV EN_TERM<TAB>RU_TERM, # comments, RU_TERM "!..." forbidden;
                             NULL = no term check */
    const char *names;    /* names (one a line) that spelling accepts; NULL = none */
    const char *dict_dir; /* hunspell en_US.aff/.dic and ru_RU.aff/.dic; NULL =
                             /usr/share/hunspell */
    const char *data_dir; /* data files (abbrev.LANG ...); NULL = built-in */
    const char *forms_dir; /* as ta_segment_opts.forms_dir: spelling then maps the dictionaries'
                              word forms instead of loading libhunspell (made with the words of
                              lexicon/spell.*: other data files bring libhunspell back; names
                              go into a small dictionary of their own); and the word evidence of
                              every check reads its paradigms.ru_RU when there (made by `make`
                              from ru_RU and the lexicon: знал, знают = знать, which Snowball
                              stems apart) */
    const char *src_lang, *tgt_lang; /* "en", "ru" */
    bool no_suggestions;  /* spelling: flag words without computing suggestions (faster) */
} ta_check_opts;

/* Every check on, default dictionaries and data, no glossary or names. */
ta_check_opts ta_check_opts_default(void);

/* A checker: the checks' data, loaded once (hunspell only when spelling is on, at the first
 * use). The lexicon (may be NULL) is borrowed. Not thread-safe: one per thread. Errors:
 * TA_EINVAL (an unknown check name: err names it), TA_EIO/TA_EFORMAT (glossary, names or
 * dictionary files: err names file and line), TA_ENOMEM. *out belongs to the caller. */
typedef struct ta_checker ta_checker;
ta_status ta_checker_new(const ta_check_opts *opts, const ta_lexicon *lx, ta_checker **out,
                         ta_error *err);
void ta_checker_free(ta_checker *c);

/* Runs the checks that are on over the aligned pair `doc`. *out (the caller's: release with
 * ta_findings_free) holds *n findings ordered by bead, then by the check list's order.
 * Errors: TA_ENOMEM, TA_EIO/TA_EFORMAT when a dictionary cannot be loaded. */
ta_status ta_check(ta_checker *c, const ta_corpus *doc, ta_finding **out, size_t *n,
                   ta_error *err);
void ta_findings_free(ta_finding *f, size_t n);


/* ---- bilingual files: reading an aligned document back ------------------------------- */

typedef enum {
    TA_BITEXT_AUTO = 0, /* from the content: '<' TMX, '{' JSONL, else TSV */
    TA_BITEXT_TSV,      /* talign's TSV: EN<TAB>RU[<TAB>SCORE<TAB>TYPE], one bead a line */
    TA_BITEXT_JSONL,    /* talign's JSONL: objects with en_ids, ru_ids, en, ru, score, type */
    TA_BITEXT_TMX       /* TMX 1.4b (1.1-1.4) from any tool */
} ta_bitext_format;

/* A bilingual file read into memory as one aligned document. */
typedef struct ta_bitext ta_bitext;

/* Reads `path` ("-" = standard input) in format `fmt` (TA_BITEXT_AUTO: from the content).
 *  - TSV: each line is one bead with one sentence a side (an empty side makes a 1-0 or 0-1
 *    bead; a line with both sides empty, or a blank line, is skipped). SCORE when present is
 *    the bead's score, TYPE is ignored. CRLF line ends are accepted.
 *  - JSONL: each object is one bead; its sentences keep their ids (en_ids/ru_ids must continue
 *    the previous objects' ids; without them sentences are numbered in order). "en"/"ru" may
 *    also be a single string. Other keys are ignored.
 *  - TMX: each <tu> is one bead; the <tuv> whose xml:lang (or TMX 1.1 lang) has the primary
 *    subtag of src_lang / tgt_lang (case-insensitive: "EN-US", "en_GB" match "en") gives a
 *    side, the first one when there are several. Inside <seg>, the native codes <bpt> <ept>
 *    <ph> <it> <ut> (and their <sub>) are dropped, the text of <hi> and <mrk> kept; line
 *    breaks and tabs become single spaces and each side is trimmed. A unit with only one of the
 *    languages (or an empty <seg>) is a 1-0 / 0-1 bead, one with neither is skipped. The
 *    score comes from an x-score prop (talign's own TMX). Read with libxml2's streaming reader,
 *    no network access, no external entities or DTD; any encoding libxml2 knows.
 * A bead without a score in the file gets 1 (a translator's pair). TSV and JSONL must be
 * UTF-8 (a UTF-8 BOM is skipped; UTF-16 with a BOM is converted); sentences are normalised to
 * NFC. src_lang / tgt_lang NULL mean "en" / "ru". Errors (err->message starts "FILE:LINE: ",
 * or "FILE: " when no line applies; FILE is "stdin" for "-"):
 * TA_EIO (cannot read), TA_EDECODE (not UTF-8: err->offset is the byte offset), TA_EFORMAT
 * (a TSV line without a tab or with a bad score, a malformed JSON line, ids that do not
 * continue, TMX that is not well-formed or has no unit in one of the languages), TA_EINVAL
 * (an unknown format or an empty language), TA_ENOMEM. On success *out belongs to the caller
 * (ta_bitext_free); on failure it is NULL. */
ta_status ta_bitext_load(const char *path, ta_bitext_format fmt, const char *src_lang,
                         const char *tgt_lang, ta_bitext **out, ta_error *err);

/* The file as one document for ta_check and the writers: its sentences and beads (every
 * sentence in exactly one bead, in order), min_score 0, the languages given to
 * ta_bitext_load, the path as title, no findings. Every pointer refers into `b` (valid until
 * ta_bitext_free). */
void ta_bitext_corpus(const ta_bitext *b, ta_corpus *out);

/* Where bead `bead` came from, for messages: its 1-based line (TSV, JSONL) or the 1-based
 * number of its <tu> among the file's units (TMX); 0 for a bead index out of range. */
size_t ta_bitext_line(const ta_bitext *b, size_t bead);

/* Releases a bitext; ta_bitext_free(NULL) is a no-op. */
void ta_bitext_free(ta_bitext *b);

/* ---- QA reports: writing findings ------------------------------------------------------ */

typedef enum {
    TA_REPORT_TEXT = 0, /* for people: grouped by bead, both texts, one line a finding */
    TA_REPORT_JSON,     /* one object a finding (JSON Lines) */
    TA_REPORT_CSV,      /* RFC 4180 with a header row, for spreadsheets */
    TA_REPORT_HTML      /* the side-by-side review page with findings as badges and filters */
} ta_report_format;

/* Writes findings f[0..n) about `doc` (the corpus ta_check ran on) to `out`. Beads are
 * numbered from 1 (the lines of talign's TSV/JSONL, the # column of the HTML pages), sentence
 * ids from 0 (as in talign's JSONL); a finding's texts are the sentences of its ids joined by
 * a space. Findings are grouped by bead (stable), in the order given within a bead.
 *  - TEXT: per bead with findings a header "bead 12 (en 14-15, ru 13): 2-1 0.97", its two
 *    texts ("  en: ...", "  ru: ..."), then one line a finding "  error number: MESSAGE", with
 *    [LANG "WORD" suggestions: ...] for word-level findings, the finding's ids when they are
 *    not the bead's, "(see bead N)" for a move. Control characters dropped.
 *  - JSON: one object a line, in the order given: check, severity, bead, en, ru (ids),
 *    en_text, ru_text, message; lang, word and suggestions (an array) when set; moved_bead
 *    (the bead holding the other side) for a move. Nothing when n is 0.
 *  - CSV: RFC 4180 (CRLF, every field quoted, quotes doubled) after a UTF-8 BOM and a header
 *    row: check, severity, bead, en_ids, ru_ids (space-separated), en_text, ru_text, message,
 *    lang, word, suggestions, moved_bead. A field starting = + - @ gets a leading ' so that a
 *    spreadsheet does not run it as a formula.
 *  - HTML: a self-contained page (no network: a CSP forbids it) titled by doc->title: counts
 *    by check and severity, buttons filtering rows by check and by severity, an "only rows
 *    with findings" toggle, then one row a bead (English, Russian, type, score, findings) with
 *    each finding as a badge coloured by severity (details in its title), sticky header,
 *    lang attributes on the text cells; everything escaped.
 * Errors: TA_EIO when writing fails, TA_ENOMEM, TA_EINVAL for an unknown format or a finding
 * whose bead or ids are outside `doc` (nothing is written then). */
ta_status ta_write_findings(FILE *out, ta_report_format fmt, const ta_corpus *doc,
                            const ta_finding *f, size_t n, ta_error *err);

/* Counts findings by severity: by_sev[TA_SEV_INFO], [TA_SEV_WARNING], [TA_SEV_ERROR]
 * (a severity outside the enum counts as info). */
void ta_findings_count(const ta_finding *f, size_t n, size_t by_sev[3]);

#ifdef __cplusplus
}
#endif
#endif
