#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace quire {

// The hash by which Quire tells whether a file is still what it wrote (XXH3, 128 bits, 16 raw
// bytes): fast enough to hash every page of a large site on every build, and recorded in the
// manifests of the folders Quire owns, so it may never change for files already written.
QByteArray contentHash(QByteArrayView content);

} // namespace quire
