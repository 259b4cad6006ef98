#pragma once

#include <QStringView>

namespace quire {

// The order in which titles and tag names are listed: letters compare by their base letter
// without regard to case or accents, so "Ärger" sorts beside "Apfel" and "éclair" beside "Eclair"
// in every locale. Ties fall back to case-insensitive, then exact comparison, so the order is total.
// SQLite's own NOCASE folds ASCII only.
class TextCollation
{
public:
    // The name under which Database registers it for ORDER BY (never used in the schema, so that
    // other SQLite tools can still read a library).
    static constexpr const char *Name = "quire_nocase";

    static int compare(QStringView a, QStringView b);
};

} // namespace quire
