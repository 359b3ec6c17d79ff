/* test_fuzz_regressions.c — every input the fuzzers (fuzz/) ever crashed on, kept in
 * tests/data/fuzz/, goes through decoding, segmentation and alignment again. */
#include "testutil.h"
#include <criterion/criterion.h>
#include <dirent.h>

static void replay(const char *bytes, size_t size)
{
    ta_text *t = NULL;
    if (ta_text_decode(bytes, size, NULL, &t, NULL) != TA_OK)
        return;
    size_t len;
    const char *s = ta_text_data(t, &len);
    ta_segmenter *sg;
    cr_assert_eq(ta_segmenter_new(NULL, &sg, NULL), TA_OK);
    ta_span *sp;
    size_t n;
    cr_assert_eq(ta_segment(sg, s, len, &sp, &n, NULL), TA_OK);
    const char **str = malloc(sizeof *str * (n + 1));
    size_t *lens = malloc(sizeof *lens * (n + 1));
    for (size_t i = 0; i < n; i++)
        str[i] = s + sp[i].start, lens[i] = sp[i].end - sp[i].start;
    ta_bead *b;
    size_t nb;
    /* the text against itself, against nothing, and nothing against nothing */
    cr_assert_eq(ta_align(&(ta_sentences){str, lens, n}, &(ta_sentences){str, lens, n / 2}, NULL,
                          NULL, &b, &nb, NULL),
                 TA_OK);
    ta_free(b);
    cr_assert_eq(ta_align(&(ta_sentences){str, lens, n}, &(ta_sentences){NULL, NULL, 0}, NULL, NULL,
                          &b, &nb, NULL),
                 TA_OK);
    ta_free(b);
    cr_assert_eq(ta_align(&(ta_sentences){NULL, NULL, 0}, &(ta_sentences){NULL, NULL, 0}, NULL,
                          NULL, &b, &nb, NULL),
                 TA_OK);
    cr_assert_eq(nb, 0);
    ta_free(b);
    free(str), free(lens), ta_free(sp);
    ta_segmenter_free(sg);
    ta_text_free(t);
}

Test(fuzz, regressions)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", fixture("fuzz"));
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        char buf[1 << 16];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        replay(buf, n);
        files++;
    }
    closedir(d);
    cr_assert_geq(files, 1);
}
