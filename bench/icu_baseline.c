/* icu_baseline.c — plain ICU sentence breaks over a UTF-8 file, one paragraph a line: the
 * baseline the segmentation speed is compared with (`icu_baseline FILE`: counts sentences,
 * Russian rules) and the reference sentence ends of bench/cuts.sh (`icu_baseline -p LANG FILE`:
 * prints the sentences, one a line, a blank line after each paragraph). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Prints s[a, b) without its leading and trailing white space; a paragraph break (a newline
 * at its end) is followed by a blank line. */
static void print_sentence(const char *s, long a, long b)
{
    int para = b > a && s[b - 1] == '\n';
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    if (b > a)
        printf("%.*s\n", (int)(b - a), s + a);
    if (para)
        putchar('\n');
}

int main(int argc, char **argv)
{
    int print = argc == 4 && strcmp(argv[1], "-p") == 0;
    if (argc != 2 && !print) {
        fprintf(stderr, "usage: icu_baseline FILE | icu_baseline -p LANG FILE\n");
        return 2;
    }
    const char *path = argv[argc - 1], *lang = print ? argv[2] : "ru";
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n)
        return 1;
    fclose(f);
    UErrorCode ec = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, lang, NULL, 0, &ec);
    UText *ut = utext_openUTF8(NULL, s, n, &ec);
    ubrk_setUText(bi, ut, &ec);
    if (U_FAILURE(ec))
        return 1;
    long count = 0, a = 0, b;
    while ((b = ubrk_next(bi)) != UBRK_DONE) {
        count++;
        if (print)
            print_sentence(s, a, b);
        a = b;
    }
    if (!print)
        printf("%ld sentences\n", count);
    return 0;
}
