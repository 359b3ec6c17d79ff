/* fuzz_decode.c — libFuzzer harness: decoding, mojibake detection and repair, and cleaning of
 * any bytes; the cleaned text must be as long as it says, without a NUL. */
#include "talign.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta_text *t = NULL;
    const char *enc[] = {NULL, "CP1251", "UTF-16LE"};
    for (int k = 0; k < 3; k++) {
        if (ta_text_decode((const char *)data, size, enc[k], &t, NULL) == TA_OK) {
            if (ta_text_mojibake(t))
                ta_text_repair_mojibake(t, NULL, NULL);
            size_t len;
            if (ta_text_clean(t, NULL, NULL) == TA_OK &&
                strlen(ta_text_data(t, &len)) != len)
                abort();
            ta_text_free(t);
        }
    }
    return 0;
}
