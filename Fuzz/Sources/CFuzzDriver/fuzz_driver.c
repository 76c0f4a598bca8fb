// Declarations only (fuzz_driver.h); libFuzzer provides LLVMFuzzerRunDriver.
#include "fuzz_driver.h"
