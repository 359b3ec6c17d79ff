/* annot.h — what the writers attach to a bead from the QA findings of its corpus (private):
 * the place a moved sentence went, and the words spelling flagged. */
#ifndef TA_ANNOT_H
#define TA_ANNOT_H
#include "escape.h"

/* The `moved` finding that pairs bead k with another, or NULL. */
const ta_finding *ta_annot_moved(const ta_corpus *c, size_t k);
/* Does bead k have a spelling finding? */
bool ta_annot_misspelt(const ta_corpus *c, size_t k);
/* JSONL: ,"moved_to":[ids of the other side] and ,"spelling":[{"lang","word","suggestions"}]
 * for bead k when it has them. */
void ta_annot_json(FILE *f, const ta_corpus *c, size_t k);
/* TMX: <prop type="x-spelling">lang: word (suggestions); ...</prop> when bead k has any. */
void ta_annot_tmx(FILE *f, const ta_corpus *c, size_t k);
/* Is bead k left out of every format but the ladder (below min_score, or not 1-1 when only
 * 1-1 beads are asked for)? */
bool ta_annot_filtered(const ta_corpus *c, size_t k);
/* Is bead k left out of TMX and Moses (null, filtered, or misspelt when asked)? */
bool ta_annot_skip(const ta_corpus *c, size_t k);
#endif
