/* testutil.h — helpers for the Criterion tests: fixture paths and segmentation to strings. */
#ifndef TA_TESTUTIL_H
#define TA_TESTUTIL_H
#define _GNU_SOURCE /* open_memstream */
#include "talign.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Path of a fixture under tests/data (make check sets TALIGN_SRC to the repository). */
static inline const char *fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("TALIGN_SRC");
    snprintf(path, sizeof path, "%s/tests/data/%s", root ? root : ".", name);
    return path;
}

/* Segments `text` and joins the sentences with " || " into a malloc'ed string. */
static inline char *segment_join(const char *lang, const char *text)
{
    ta_segment_opts o = ta_segment_opts_default();
    o.lang = lang;
    o.keep_boilerplate = true;
    ta_segmenter *s = NULL;
    if (ta_segmenter_new(&o, &s, NULL) != TA_OK)
        return NULL;
    ta_span *sp = NULL;
    size_t n = 0, len = strlen(text);
    if (ta_segment(s, text, len, &sp, &n, NULL) != TA_OK) {
        ta_segmenter_free(s);
        return NULL;
    }
    char *out = calloc(1, len + 4 * n + 8);
    for (size_t i = 0; out && i < n; i++) {
        if (i)
            strcat(out, " || ");
        strncat(out, text + sp[i].start, sp[i].end - sp[i].start);
    }
    ta_free(sp);
    ta_segmenter_free(s);
    return out;
}
#endif
