/* fuzz_lexicon.c — libFuzzer harness: loading any bytes as a lexicon file must be refused or
 * give a usable lexicon, never a crash. */
#include "talign.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/talign-fuzz-%d.lex", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    ta_lexicon *lx;
    if (ta_lexicon_load(path, &lx, NULL) == TA_OK) {
        char *res;
        if (ta_lexicon_lookup(lx, "duty", 4, &res, NULL) == TA_OK)
            ta_free(res);
        if (ta_lexicon_lookup(lx, "пошлина", strlen("пошлина"), &res, NULL) == TA_OK)
            ta_free(res);
        ta_lexicon_free(lx);
    }
    unlink(path);
    return 0;
}
