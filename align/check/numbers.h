/* numbers.h — the numbers of a sentence, each side read in its own locale, and their comparison
 * (private; the translation QA `number` check). English: 12,500 = 12500, 1.5 = 1.5, "1,5" is
 * the list 1, 5. Russian: 12 500 (space, U+00A0, U+2009, U+202F) = 12500, 1,5 = 1.5, and
 * "12,500" is 12.5. Multipliers (5 млн = 5m = 5 million), percentages, money ($5 = 5 долларов),
 * dates (May 31 = 31 мая), clock times (3 p.m. = 15:00), ordinals (3rd = 3-м = третьем),
 * decades (1980s = 1980-х) and spelt-out numbers in any case (двадцати пяти = 25) are read.
 * The number words come from ICU's spell-out rules (every rule set formatted once at start-up,
 * see numbers.c); the data files numbers.*, months.* and numcheck.* add the rest. */
#ifndef TA_CHECK_NUMBERS_H
#define TA_CHECK_NUMBERS_H
#include "internal.h"

typedef enum {
    TA_NUM_PLAIN,
    TA_NUM_PERCENT,
    TA_NUM_MONEY,   /* `currency` says which, when known */
    TA_NUM_DATE,    /* value = month * 100 + day; alt = the day */
    TA_NUM_ORDINAL,
    TA_NUM_TIME,    /* value = hour * 100 + minute (24 h); alt = the hour (24 h and 12 h) */
    TA_NUM_DECADE,  /* 1980s: value 1980 */
    TA_NUM_CODE     /* digits inside a name or code (COVID-19, G7, Su-57, a URL): value = its
                       digits; matched as a token, never reported alone */
} ta_num_kind;

#define TA_NUM_ALTS 3

typedef struct {
    double value;              /* the number's value (with its multiplier: 5 млн = 5e6) */
    double alt[TA_NUM_ALTS];   /* other readings that also match (Russian "15.00" = 15 or 15:00;
                                  -5 also matches 5) */
    int nalt;
    ta_num_kind kind;
    bool spelled;              /* written in words ("three", "трёх", "двадцати пяти") */
    int currency;              /* TA_NUM_MONEY: 1 + index of the code in numcheck.*; 0 unknown */
    size_t start, end;         /* its bytes in the sentence, with its sign, currency, percent
                                  sign or multiplier ("$12.5m", "25%") */
} ta_number;

/* The parser: the word tables of both languages. Read-only after creation except for a scratch
 * buffer, so use one per thread. */
typedef struct ta_numparser ta_numparser;

/* Reads numbers.{en,ru}, months.{en,ru} and numcheck.{en,ru} from data_dir (NULL: the copies
 * built in; see ta_data_lines) and formats ICU's spell-out rules. Errors: TA_EIO,
 * TA_EFORMAT (a malformed line: err names the file and line), TA_ENOMEM, TA_EINVAL (ICU). */
ta_status ta_numparser_new(const char *data_dir, ta_numparser **out, ta_error *err);
void ta_numparser_free(ta_numparser *p);

/* Appends the numbers of s[0, n) (UTF-8; lang 'e' English or 'r' Russian) to out, a ta_vec of
 * ta_number (its esz is set when 0), in text order. Returns 0, or -1 when out of memory. */
int ta_numbers_extract(ta_numparser *p, char lang, const char *s, size_t n, ta_vec *out);

/* Compares the numbers e[0, ne) of the English text en with r[0, nr) of the Russian text ru.
 * Each number is matched with one of the other side of the same value (or an alternative
 * reading; dates only with dates, clock times with times or hours; money with money of the
 * same currency or of an unknown one). Then what is left is reported: a digit number with no
 * counterpart is an error, while a spelt-out number ("one of them", "одна из") and a code are
 * not reported alone; a left-over English number and a left-over Russian one are reported as a
 * pair. When anything is reported, appends to msg (when not NULL) a message built from the
 * texts' own forms, items separated by "; ": "12,500 ≠ 12 000", "missing in Russian: 25%",
 * "missing in English: 7". Returns the count of items reported (a pair counts once): 0 when the
 * numbers agree; -1 when out of memory. *changed (when not NULL) receives the count of pairs
 * among them (a number changed, not one side's addition). */
int ta_numbers_diff(const char *en, const ta_number *e, size_t ne, const char *ru, const ta_number *r,
                    size_t nr, ta_buf *msg, int *changed);

#endif
