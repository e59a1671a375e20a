#ifndef SHADES_CFUZZDRIVER_H
#define SHADES_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main (SwiftPM gives every
/// executable one). Only referenced, and so only linked, in fuzzing builds.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
