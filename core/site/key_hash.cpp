#include "site/key_hash.h"

#include <xxhash.h>

namespace quire {

void KeyHash::Free::operator()(XXH3_state_s *state) const
{
    XXH3_freeState(state);
}

KeyHash::KeyHash(QByteArrayView seed) : m_state(XXH3_createState())
{
    XXH3_128bits_reset(m_state.get());
    add(seed);
}

KeyHash::~KeyHash() = default;

KeyHash &KeyHash::add(QByteArrayView field)
{
    const qint64 size = field.size();
    XXH3_128bits_update(m_state.get(), &size, sizeof size);
    XXH3_128bits_update(m_state.get(), field.data(), size_t(size));
    return *this;
}

KeyHash &KeyHash::add(const QString &field)
{
    return add(QByteArrayView(reinterpret_cast<const char *>(field.utf16()), field.size() * 2));
}

KeyHash &KeyHash::add(qint64 number)
{
    return add(QByteArrayView(reinterpret_cast<const char *>(&number), sizeof number));
}

QByteArray KeyHash::result() const
{
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(m_state.get()));
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
}

} // namespace quire
