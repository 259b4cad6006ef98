#include "output/content_hash.h"

#include <xxhash.h>

namespace quire {

QByteArray contentHash(QByteArrayView content)
{
    const XXH128_hash_t digest = XXH3_128bits(content.data(), size_t(content.size()));
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, digest);
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
}

} // namespace quire
