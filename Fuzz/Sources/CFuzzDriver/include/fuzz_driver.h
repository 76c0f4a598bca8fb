#ifndef SESSIONKIT_FUZZ_DRIVER_H
#define SESSIONKIT_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs with their own main (libclang_rt.fuzzer, linked by
/// -sanitize=fuzzer): parses libFuzzer's command line and fuzzes `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
