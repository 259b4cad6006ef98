#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct XXH3_state_s;

namespace quire {

// The inputs of a page or file, hashed (XXH3, 128 bits) into the key SiteOutput keeps beside it.
// Each field goes in with its length first, so that no two different lists of fields hash the
// same bytes.
class KeyHash
{
public:
    explicit KeyHash(QByteArrayView seed);
    ~KeyHash();
    KeyHash(const KeyHash &) = delete;
    KeyHash &operator=(const KeyHash &) = delete;

    KeyHash &add(QByteArrayView field);
    KeyHash &add(const QByteArray &field) { return add(QByteArrayView(field)); }
    // Its UTF-16 code units, as they are in memory.
    KeyHash &add(const QString &field);
    KeyHash &add(qint64 number);

    // The 16 bytes of the hash (canonical, big-endian).
    QByteArray result() const;

private:
    struct Free
    {
        void operator()(XXH3_state_s *state) const;
    };
    std::unique_ptr<XXH3_state_s, Free> m_state;
};

} // namespace quire
