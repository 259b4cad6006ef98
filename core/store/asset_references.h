#pragma once

#include <QSet>
#include <QString>

namespace quire {

// Where a post body names a library asset: "/media/NAME" anywhere in the text, as inline images,
// links, reference definitions and HTML all write it. A plain scan rather than
// interchange/ImageReferences: store/ sits below interchange/, a link to /media/NAME (a PDF, a
// full-size image) is a use as much as an image is, and one pass over 10,000 bodies must stay
// quick. So a reference inside a code block counts too, and a rename rewrites it: the sample
// stays true to the library.
// A reference is "/media/" not preceded by a path character (so "https://x.org/media/a.png" and
// "../media/a.png" are not the library's), then NAME, then a character that cannot continue a
// file name or path ("/media/a.png.bak" and "/media/a.png/x" name no "a.png"). A sentence's full
// stop after NAME ends it: "see /media/a.png." names "a.png".
class AssetReferences
{
public:
    static constexpr QStringView Prefix = u"/media/";

    // The names body references, whether or not the library has them.
    static QSet<QString> names(const QString &body);
    // body with each reference to oldName made a reference to newName.
    static QString rename(const QString &body, const QString &oldName, const QString &newName);
};

} // namespace quire
