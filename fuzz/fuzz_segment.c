/* fuzz_segment.c — libFuzzer harness: segmentation of any decodable text, both languages, both
 * paragraph modes; the spans must lie inside the text and in order. */
#include "talign.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta_text *t = NULL;
    if (ta_text_decode((const char *)data, size, NULL, &t, NULL) != TA_OK)
        return 0;
    size_t len;
    const char *s = ta_text_data(t, &len);
    static ta_segmenter *sgs[4]; /* made once: a segmenter is reusable */
    for (int k = 0; k < 4; k++) {
        ta_segment_opts o = ta_segment_opts_default();
        o.lang = k & 1 ? "ru" : "en";
        o.wrapped = k & 2;
        o.keep_boilerplate = true;
        if (!sgs[k] && ta_segmenter_new(&o, &sgs[k], NULL) != TA_OK)
            abort();
        ta_segmenter *sg = sgs[k];
        ta_span *sp;
        size_t n;
        if (ta_segment(sg, s, len, &sp, &n, NULL) == TA_OK) {
            for (size_t i = 0; i < n; i++)
                if (sp[i].start >= sp[i].end || sp[i].end > len || (i && sp[i].start < sp[i - 1].end))
                    abort();
            ta_free(sp);
        }
    }
    ta_text_free(t);
    return 0;
}
