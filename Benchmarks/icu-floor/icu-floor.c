/*
 * The ICU floor: iterate ICU word boundaries over a file, line by line, through a UTF-8
 * UText, reading the rule status at every boundary -- the least work any tokenizer built on
 * ICU must do. Benchmarks/throughput.sh compares `shades --format jsonl` with it.
 *
 *   cc -O2 icu-floor.c $(pkg-config --cflags --libs icu-uc) -o icu-floor
 *   ./icu-floor FILE      prints the number of boundaries and the sum of rule statuses
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: icu-floor FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 2;
    }
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *words = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        fprintf(stderr, "ubrk_open: %s\n", u_errorName(status));
        return 2;
    }
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    long long boundaries = 0, statuses = 0;
    while ((length = getline(&line, &capacity, file)) >= 0) {
        if (length > 0 && line[length - 1] == '\n') length--;
        if (length == 0) continue;
        UText text = UTEXT_INITIALIZER;
        status = U_ZERO_ERROR;
        utext_openUTF8(&text, line, length, &status);
        ubrk_setUText(words, &text, &status);
        if (U_FAILURE(status)) {
            fprintf(stderr, "ubrk_setUText: %s\n", u_errorName(status));
            return 2;
        }
        for (int32_t at = ubrk_first(words); (at = ubrk_next(words)) != UBRK_DONE;) {
            boundaries++;
            statuses += ubrk_getRuleStatus(words);
        }
        utext_close(&text);
    }
    printf("%lld boundaries, rule status sum %lld\n", boundaries, statuses);
    free(line);
    fclose(file);
    ubrk_close(words);
    return 0;
}
