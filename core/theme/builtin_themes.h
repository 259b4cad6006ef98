#pragma once

#include "result.h"
#include "theme/theme.h"

#include <QList>

namespace quire {

// The themes Quire ships (resources/themes/, compiled into the program).
class BuiltinThemes
{
public:
    // Read and checked once; an error here is a packaging mistake, reported rather than hidden.
    static Result<QList<Theme>> shipped();
};

} // namespace quire
