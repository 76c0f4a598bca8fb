#define _GNU_SOURCE
#include "sessionkit_fileio.h"

#include <fcntl.h>

int sessionkit_o_noatime(void) {
#if defined(O_NOATIME)
    return O_NOATIME;
#else
    return 0;
#endif
}
