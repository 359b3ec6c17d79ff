/* hunspell.c — creating and destroying hunspell handles one at a time. libhunspell keeps a
 * process-wide UTF-8 table that Hunspell_create allocates and Hunspell_destroy frees with an
 * unlocked reference count (csutil.cxx: initialize_utf_tbl / free_utf_tbl): two handles made at
 * once in two threads (the QA speller's two languages, a corpus worker's segmenter) race on
 * it and leak or free it under the other. Lookups on distinct handles need no lock. */
#include "internal.h"
#include <hunspell/hunspell.h>
#include <pthread.h>

static pthread_mutex_t hunspell_lock = PTHREAD_MUTEX_INITIALIZER;

Hunhandle *ta_hunspell_create(const char *aff, const char *dic)
{
    pthread_mutex_lock(&hunspell_lock);
    Hunhandle *h = Hunspell_create(aff, dic);
    pthread_mutex_unlock(&hunspell_lock);
    return h;
}

void ta_hunspell_destroy(Hunhandle *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&hunspell_lock);
    Hunspell_destroy(h);
    pthread_mutex_unlock(&hunspell_lock);
}
