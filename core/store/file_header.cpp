#include "store/file_header.h"

#include <QtEndian>

namespace quire {

namespace {

const QByteArray &magic()
{
    static const QByteArray bytes("SQLite format 3", 16);   // the terminating NUL belongs to it
    return bytes;
}

} // namespace

FileHeader::FileHeader(const QByteArray &bytes)
    : m_bytes(bytes.left(Size))
{
}

bool FileHeader::isSqlite() const
{
    return m_bytes.size() == Size && m_bytes.startsWith(magic());
}

bool FileHeader::isTruncatedMagic() const
{
    if (m_bytes.isEmpty())
        return false;
    if (m_bytes.size() < magic().size())
        return magic().startsWith(m_bytes);
    return m_bytes.size() < Size && m_bytes.startsWith(magic());
}

quint32 FileHeader::bigEndian32(int offset) const
{
    return qFromBigEndian<quint32>(m_bytes.constData() + offset);
}

int FileHeader::pageSize() const
{
    if (!isSqlite())
        return 0;
    const int stored = qFromBigEndian<quint16>(m_bytes.constData() + 16);
    const int size = stored == 1 ? 65536 : stored;   // 65536 does not fit in two bytes
    const bool powerOfTwo = size > 0 && (size & (size - 1)) == 0;
    return powerOfTwo && size >= 512 && size <= 65536 ? size : 0;
}

quint32 FileHeader::pageCount() const
{
    if (!isSqlite())
        return 0;
    const quint32 changeCounter = bigEndian32(24);
    const quint32 validFor = bigEndian32(92);
    return changeCounter == validFor ? bigEndian32(28) : 0;
}

qint64 FileHeader::expectedSize() const
{
    return qint64(pageCount()) * pageSize();
}

quint32 FileHeader::userVersion() const
{
    return isSqlite() ? bigEndian32(60) : 0;
}

quint32 FileHeader::applicationId() const
{
    return isSqlite() ? bigEndian32(68) : 0;
}

} // namespace quire
