#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace quire {

// Converts words between Quire's strings and a Hunspell dictionary's own encoding (the .aff
// file's SET line: UTF-8, ISO8859-1, KOI8-R…).
class DictionaryCodec
{
public:
    // The encoding named by the SET line of the .aff file at affPath (ISO8859-1 when there is none,
    // as Hunspell assumes).
    static QByteArray encodingOf(const QString &affPath);

    explicit DictionaryCodec(QByteArray encoding);

    // False when the system cannot convert this encoding.
    bool isUsable() const;
    QByteArray encoding() const { return m_encoding; }

    // An empty string when the word cannot be written in the dictionary's encoding.
    std::string encode(const QString &word) const;
    QString decode(const std::string &word) const;

private:
    QByteArray m_encoding;
    bool m_utf8 = false;
};

} // namespace quire
