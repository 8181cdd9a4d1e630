#pragma once

// The bulk server lives in demo/bulk/ with the pieces it is made of; the app and the command
// line include it by this name.
#include "bulk/bulkserver.h"
