#pragma once

#include <QString>

namespace quire {

// File names for library assets: safe in a URL, on any file system and in Markdown without
// escaping (lower-case ASCII letters, digits and '-', then the extension of the detected type).
class AssetName
{
public:
    // The stem made from what the author's file was called: folders, the extension, control
    // characters and "../" dropped, accents folded ("Café" -> "cafe"); "image" when nothing is left.
    static QString stem(const QString &wanted);
    // The stem for a name the author types for an asset (a rename): a trailing image extension
    // ("photo.jpg") is dropped, other dots are kept as '-' ("diagram.v2" -> "diagram-v2"); empty
    // when no letter or digit is left. Folders are not taken apart: the caller refuses slashes.
    static QString typedStem(const QString &typed);
    // "image/png" -> "png", "image/jpeg" -> "jpg"…; empty for a type the library does not keep.
    static QString extension(const QString &mimeType);
    // "stem.ext", or "stem-N.ext" for the Nth candidate (N >= 2).
    static QString candidate(const QString &stem, const QString &extension, int n);
};

} // namespace quire
