#ifndef LEAKWATCH_MEMORY_HINTS_H
#define LEAKWATCH_MEMORY_HINTS_H

/// Asks the CPU to bring the cache line holding `address` closer (into every cache level) ahead of a read: a
/// hint only, never a fault, whatever the address. Inlined into Swift callers as one `prefetcht0`.
static inline __attribute__((always_inline)) void leakwatch_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
