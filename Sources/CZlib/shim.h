#ifndef LEAKWATCH_CZLIB_SHIM_H
#define LEAKWATCH_CZLIB_SHIM_H
#include <zlib.h>
#endif
