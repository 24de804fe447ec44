#ifndef LEAKWATCH_BYTE_SCAN_H
#define LEAKWATCH_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Sets bit `i % 64` of `quotes[i / 64]` for every byte `i` of `bytes[0..<count]` that is `"`, and clears the
/// other bits of those `(count + 63) / 64` words. Returns 1 when none of the bytes is a backslash, else 0.
///
/// Uses 32-byte AVX2 compares where the CPU has them (checked once, at load time), else 16-byte SSE2 ones
/// (every x86-64 CPU has those). Only built for x86-64; other architectures use the Swift fallback.
int leakwatch_map_quotes(const uint8_t *bytes, size_t count, uint64_t *quotes);

/// Whether ``leakwatch_map_quotes`` is available on this architecture (1 on x86-64, else 0).
int leakwatch_byte_scan_available(void);

#endif
