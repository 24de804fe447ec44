#include "ByteScan.h"

#include <string.h>

/// How far ahead of a line the parser asks for bytes, and how many bytes it asks for at least per line (five cache
/// lines, about one access-log line).
enum { LINE_PREFETCH_DISTANCE = 1024, LINE_PREFETCH_SPAN = 320 };

size_t leakwatch_find_line_end(const uint8_t *bytes, size_t count) {
    size_t ahead = count > LINE_PREFETCH_DISTANCE ? count - LINE_PREFETCH_DISTANCE : 0;
    for (size_t offset = 0; offset < LINE_PREFETCH_SPAN && offset < ahead; offset += 64) {
        __builtin_prefetch(bytes + LINE_PREFETCH_DISTANCE + offset, 0, 3);
    }
    const uint8_t *found = count > 0 ? memchr(bytes, '\n', count) : NULL;
    size_t length = found ? (size_t)(found - bytes) : count;
    // A longer line: the rest of its length, so that the requests keep up with the reading.
    for (size_t offset = LINE_PREFETCH_SPAN; offset <= length && offset < ahead; offset += 64) {
        __builtin_prefetch(bytes + LINE_PREFETCH_DISTANCE + offset, 0, 3);
    }
    return length;
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEAKWATCH_ADDRESS_SANITIZER 1
#endif
#endif

/// Whether the 64 bytes at `p` lie within one 4 KiB page: reading them cannot fault then, even past the end of
/// the buffer they start in. Never under AddressSanitizer, which would report such a read.
static inline int within_one_page(const uint8_t *p) {
#if defined(LEAKWATCH_ADDRESS_SANITIZER)
    (void)p;
    return 0;
#else
    return ((uintptr_t)p & 4095) <= 4096 - 64;
#endif
}

/// Quote bits of the 64 bytes at `p`, and their backslash bits in `*slashBits`.
__attribute__((target("avx2"))) static inline uint64_t quote_bits_avx2(const uint8_t *p, uint64_t *slashBits) {
    const __m256i quote = _mm256_set1_epi8('"');
    const __m256i backslash = _mm256_set1_epi8('\\');
    __m256i low = _mm256_loadu_si256((const __m256i *)p);
    __m256i high = _mm256_loadu_si256((const __m256i *)(p + 32));
    uint64_t lowSlashes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, backslash));
    uint64_t highSlashes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, backslash));
    *slashBits = lowSlashes | (highSlashes << 32);
    uint64_t lowQuotes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, quote));
    uint64_t highQuotes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, quote));
    return lowQuotes | (highQuotes << 32);
}

/// ``quote_bits_avx2`` 16 bytes at a time with SSE2.
static inline uint64_t quote_bits_sse2(const uint8_t *p, uint64_t *slashBits) {
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    uint64_t quotes = 0, slashes = 0;
    for (int part = 0; part < 4; part++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(p + part * 16));
        quotes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote)) << (part * 16);
        slashes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, backslash)) << (part * 16);
    }
    *slashBits = slashes;
    return quotes;
}

/// The quote map of `bytes[0..<count]` built 64 bytes at a time by `word`; 1 when no byte is a backslash. Always
/// inlined, so that each caller gets `word` inlined with its own instruction set.
static inline __attribute__((always_inline)) int map_quotes_with(
    const uint8_t *bytes, size_t count, uint64_t *quotes, uint64_t (*word)(const uint8_t *, uint64_t *)) {
    uint64_t slashes = 0, slashBits;
    size_t offset = 0;
    for (; offset + 64 <= count; offset += 64) {
        quotes[offset >> 6] = word(bytes + offset, &slashBits);
        slashes |= slashBits;
    }
    if (offset < count) {
        // The last 1 to 63 bytes, read as a whole word with the lanes past the end masked off: in place where the
        // bytes after them are on the same page (they can be read, whatever they are), else from a zeroed copy.
        size_t left = count - offset;
        uint64_t valid = ~(uint64_t)0 >> (64 - left);
        const uint8_t *tail = bytes + offset;
        uint8_t copy[64];
        if (!within_one_page(tail)) {
            memset(copy, 0, sizeof copy);
            memcpy(copy, tail, left);
            tail = copy;
        }
        quotes[offset >> 6] = word(tail, &slashBits) & valid;
        slashes |= slashBits & valid;
    }
    return slashes == 0;
}

__attribute__((target("avx2"))) static int map_quotes_avx2(const uint8_t *bytes, size_t count, uint64_t *quotes) {
    return map_quotes_with(bytes, count, quotes, quote_bits_avx2);
}

static int map_quotes_sse2(const uint8_t *bytes, size_t count, uint64_t *quotes) {
    return map_quotes_with(bytes, count, quotes, quote_bits_sse2);
}

/// Whether the CPU and the OS support AVX2 (the OS must save the YMM registers: XCR0 bits 1 and 2).
static int cpu_has_avx2(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
    unsigned int xcr0Low, xcr0High;
    __asm__ volatile("xgetbv" : "=a"(xcr0Low), "=d"(xcr0High) : "c"(0));
    if ((xcr0Low & 6) != 6) return 0;
    if (__get_cpuid_max(0, NULL) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    return (ebx & bit_AVX2) != 0;
}

static int (*map_quotes_impl)(const uint8_t *, size_t, uint64_t *) = map_quotes_sse2;

/// Picks the implementation once, before `main` runs (so no thread can see it change).
__attribute__((constructor)) static void choose_map_quotes(void) {
    if (cpu_has_avx2()) map_quotes_impl = map_quotes_avx2;
}

int leakwatch_map_quotes(const uint8_t *bytes, size_t count, uint64_t *quotes) {
    return map_quotes_impl(bytes, count, quotes);
}

int leakwatch_map_quotes_sse2(const uint8_t *bytes, size_t count, uint64_t *quotes) {
    return map_quotes_sse2(bytes, count, quotes);
}

#endif
