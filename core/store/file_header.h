#pragma once

#include <QByteArray>

namespace quire {

// The first 100 bytes of an SQLite database file, read before SQLite itself touches the file so
// that Quire can refuse a file that is not a database, or is cut short, without writing to it.
// See https://www.sqlite.org/fileformat.html#the_database_header
class FileHeader
{
public:
    static constexpr int Size = 100;

    explicit FileHeader(const QByteArray &bytes);

    // Starts with "SQLite format 3\0".
    bool isSqlite() const;
    // Looks like the start of an SQLite file that was cut short (only part of the magic string).
    bool isTruncatedMagic() const;
    // A page size SQLite can have written (a power of two from 512 to 65536), or 0.
    int pageSize() const;
    // The page count stored in the header, or 0 when the header says it cannot be trusted
    // (written by SQLite before 3.7.0, detected by the "version-valid-for" number).
    quint32 pageCount() const;
    // The length the file must have at least, from page count and page size; 0 when unknown.
    qint64 expectedSize() const;
    // PRAGMA user_version and PRAGMA application_id as last checkpointed into the file.
    quint32 userVersion() const;
    quint32 applicationId() const;

private:
    quint32 bigEndian32(int offset) const;

    QByteArray m_bytes;
};

} // namespace quire
