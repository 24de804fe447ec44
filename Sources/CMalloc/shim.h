#ifndef LEAKWATCH_CMALLOC_SHIM_H
#define LEAKWATCH_CMALLOC_SHIM_H
/* glibc's allocator controls (mallopt), for the tuning the leakwatch command applies at start. */
#ifdef __linux__
#include <malloc.h>
#endif
#endif
