// Thin wrappers over the parts of ICU that Shades uses.
//
// Debian's ICU renames every entry point with a version suffix (ubrk_open_72) through
// function-like macros that Swift cannot import, so Swift calls these static inline
// functions instead. Only opaque pointers and plain integers cross this boundary.
#ifndef SHADES_CICU_SHIM_H
#define SHADES_CICU_SHIM_H

#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/utext.h>

/// Opens a word (kind 0) or sentence (kind 1) break iterator for the root locale; NULL on failure.
static inline UBreakIterator *shades_breaker_open(int kind) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaker = ubrk_open(kind == 0 ? UBRK_WORD : UBRK_SENTENCE, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (breaker) ubrk_close(breaker);
        return NULL;
    }
    return breaker;
}

static inline void shades_breaker_close(UBreakIterator *breaker) { ubrk_close(breaker); }

/// Points the iterator at UTF-8 bytes without copying them (the iterator keeps a shallow
/// clone of the UText, so the bytes must outlive the iteration). Returns 0 on success.
static inline int shades_breaker_set_utf8(UBreakIterator *breaker, const char *bytes, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, bytes, length, &status);
    if (U_SUCCESS(status)) ubrk_setUText(breaker, &text, &status);
    utext_close(&text);
    return U_FAILURE(status) ? (int)status : 0;
}

static inline int32_t shades_breaker_first(UBreakIterator *breaker) { return ubrk_first(breaker); }
/// The next boundary as a byte offset, or -1 at the end.
static inline int32_t shades_breaker_next(UBreakIterator *breaker) { return ubrk_next(breaker); }
static inline int32_t shades_breaker_rule_status(UBreakIterator *breaker) { return ubrk_getRuleStatus(breaker); }

static inline UCaseMap *shades_casemap_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap *map = ucasemap_open("", 0, &status);
    return U_FAILURE(status) ? NULL : map;
}

static inline void shades_casemap_close(UCaseMap *map) { ucasemap_close(map); }

/// Full Unicode case folding of UTF-8 bytes; returns the folded length (which may exceed
/// `capacity`, in which case nothing useful was written), or -1 on error.
static inline int32_t shades_fold_case_utf8(const UCaseMap *map, char *destination, int32_t capacity,
                                            const char *source, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = ucasemap_utf8FoldCase(map, destination, capacity, source, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    return U_FAILURE(status) ? -1 : written;
}

#endif
