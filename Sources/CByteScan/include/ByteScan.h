#ifndef LEAKWATCH_BYTE_SCAN_H
#define LEAKWATCH_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Sets bit `i % 64` of `quotes[i / 64]` for every byte `i` of `bytes[0..<count]` that is `"`, and clears the
/// other bits of those `(count + 63) / 64` words. Returns 1 when none of the bytes is a backslash, else 0.
///
/// Uses 32-byte AVX2 compares where the CPU has them (checked once, at load time), else 16-byte SSE2 ones
/// (every x86-64 CPU has those). Only on x86-64: elsewhere callers use their own code.
/// The bytes after `count`, up to the next multiple of 64, may be read (never past the 4 KiB page they start on),
/// but never count.
#if defined(__x86_64__)
int leakwatch_map_quotes(const uint8_t *bytes, size_t count, uint64_t *quotes);

/// ``leakwatch_map_quotes`` with SSE2 whatever the CPU has (for tests of the code older CPUs run).
int leakwatch_map_quotes_sse2(const uint8_t *bytes, size_t count, uint64_t *quotes);
#endif

/// Index of the first `\n` in `bytes[0..<count]`, or `count` (libc's `memchr`, which glibc vectorizes for the CPU
/// it runs on). Also asks for the cache lines about a kilobyte further on (as many bytes as the line has, at least
/// 320), within `bytes[0..<count]`: a parser reading line after line then finds them in the cache. The hardware's
/// own prefetcher does not keep up: it starts over at each 4 KiB page.
size_t leakwatch_find_line_end(const uint8_t *bytes, size_t count);

#endif
