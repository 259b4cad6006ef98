#pragma once

#include <QString>

namespace quire {

// Turns words as a user types them into an FTS5 MATCH expression that cannot be a syntax error:
// every word becomes a quoted string ("" inside), the last one a prefix ("word"*, from four
// characters on) so that results follow the typing, and all of them must match. Words without a
// letter or digit are dropped, since FTS5 would match nothing for them.
class FtsQuery
{
public:
    // An empty string when nothing searchable is left (then the search does not filter).
    static QString fromUserText(const QString &text);

    // A prefix of three letters ("the*": there, these, their, theory…) costs 15 ms and more on
    // 10,000 posts, every time FTS5 expands it; from four letters on it is a fraction of that.
    static constexpr int MinimumPrefix = 4;
};

} // namespace quire
