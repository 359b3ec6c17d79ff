/* icu_baseline.c — plain ICU sentence breaks over a UTF-8 file, one paragraph a line: the
 * baseline the segmentation speed is compared with. */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n)
        return 1;
    fclose(f);
    UErrorCode ec = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "ru", NULL, 0, &ec);
    UText *ut = utext_openUTF8(NULL, s, n, &ec);
    ubrk_setUText(bi, ut, &ec);
    long count = 0;
    while (ubrk_next(bi) != UBRK_DONE)
        count++;
    printf("%ld sentences\n", count);
    return 0;
}
