#pragma once

#include "result.h"

namespace quire {

class Library;

// The post a new library starts with: it shows off what a post can hold (heading, code, inline
// and display math, a table, a footnote, a task list).
class WelcomePost
{
public:
    static Result<void> addTo(Library &library);
};

} // namespace quire
