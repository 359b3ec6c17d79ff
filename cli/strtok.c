/* strtok.c — stopgap for the corpus threads: align/sentfeat.c (load_words) splits its data
 * lines with strtok(), whose place glibc keeps in one static pointer, so that two ta_align
 * calls in two threads read each other's words (ThreadSanitizer shows the race; `talign corpus
 * -j2` then gave scores that differed from run to run). Until sentfeat.c uses strtok_r, this
 * binary's strtok keeps its place per thread. Delete this file once it does. */
#include <string.h>

char *strtok(char *s, const char *delim)
{
    static _Thread_local char *save;
    return strtok_r(s, delim, &save);
}
