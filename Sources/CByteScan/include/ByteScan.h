#ifndef LEAKWATCH_BYTE_SCAN_H
#define LEAKWATCH_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Sets bit `i % 64` of `quotes[i / 64]` for every byte `i` of `bytes[0..<count]` that is `"`, and clears the
/// other bits of those `(count + 63) / 64` words. Returns 1 when none of the bytes is a backslash, else 0.
///
/// Uses 32-byte AVX2 compares where the CPU has them (checked once, at load time), else 16-byte SSE2 ones
/// (every x86-64 CPU has those). Only on x86-64: elsewhere callers use their own code.
#if defined(__x86_64__)
int leakwatch_map_quotes(const uint8_t *bytes, size_t count, uint64_t *quotes);
#endif

/// Index of the first `target` byte in `bytes[0..<count]`, or `count` (libc's `memchr`, which glibc vectorizes
/// for the CPU it runs on).
size_t leakwatch_find_byte(const uint8_t *bytes, size_t count, uint8_t target);

#endif
