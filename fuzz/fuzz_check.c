/* fuzz_check.c — libFuzzer harness for translation QA: two texts cut from one input (at the
 * first NUL or the middle), one sentence a line, aligned and checked with every check but
 * spelling (hunspell is fuzzed by its own project); every finding must name a bead of the
 * document and sentence ids inside it, and every report format must write it. Then the input
 * read as a bilingual file (TSV, JSONL or TMX, detected) and checked the same way. */
#include "talign.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ta_checker *checker(void)
{
    static ta_checker *ck;
    ta_check_opts o = ta_check_opts_default();
    o.checks = "-spelling";
    if (!ck && ta_checker_new(&o, NULL, &ck, NULL) != TA_OK)
        abort();
    return ck;
}

static void check_doc(const ta_corpus *c)
{
    ta_finding *f = NULL;
    size_t n = 0;
    ta_status s = ta_check(checker(), c, &f, &n, NULL);
    if (s != TA_OK && s != TA_ENOMEM)
        abort();
    for (size_t i = 0; i < n; i++)
        if (f[i].bead >= c->n_beads || f[i].en1 < f[i].en0 || f[i].en1 > c->n_en ||
            f[i].ru1 < f[i].ru0 || f[i].ru1 > c->n_ru || !f[i].message ||
            (f[i].moved_bead != TA_NO_BEAD && f[i].moved_bead >= c->n_beads))
            abort();
    FILE *null = fopen("/dev/null", "w");
    for (int fmt = TA_REPORT_TEXT; null && fmt <= TA_REPORT_HTML; fmt++)
        ta_write_findings(null, (ta_report_format)fmt, c, f, n, NULL);
    if (null)
        fclose(null);
    ta_findings_free(f, n);
}

static void aligned(const char *s, size_t size)
{
    static ta_aligner *al;
    ta_aligner_opts o = ta_aligner_opts_default();
    o.presegmented = true;
    if (!al && ta_aligner_new(&o, NULL, &al, NULL) != TA_OK)
        abort();
    const char *nul = memchr(s, 0, size);
    size_t cut = nul ? (size_t)(nul - s) : size / 2, rest = nul ? cut + 1 : cut;
    ta_pair *p = NULL;
    if (ta_aligner_run(al, s, cut, s + rest, size - rest, &p, NULL) != TA_OK)
        return;
    ta_corpus c;
    ta_pair_corpus(p, &c);
    check_doc(&c);
    ta_pair_free(p);
}

static void bitext(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/fuzz-checkXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return;
    if (write(fd, data, size) == (ssize_t)size) {
        ta_bitext *b = NULL;
        if (ta_bitext_load(path, TA_BITEXT_AUTO, "en", "ru", &b, NULL) == TA_OK) {
            ta_corpus c;
            ta_bitext_corpus(b, &c);
            check_doc(&c);
        }
        ta_bitext_free(b);
    }
    close(fd);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    aligned(s, size);
    free(s);
    bitext(data, size);
    return 0;
}
