#include "spelling/dictionary_codec.h"

#include <QFile>

#include <cerrno>
#include <iconv.h>

namespace quire {

namespace {

// One iconv conversion of a whole buffer; nothing when a character has no equivalent.
bool convert(const char *to, const char *from, const QByteArray &in, QByteArray &out)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1))
        return false;
    out.resize(in.size() * 4 + 4);
    char *input = const_cast<char *>(in.constData());
    size_t inLeft = size_t(in.size());
    char *output = out.data();
    size_t outLeft = size_t(out.size());
    const size_t done = iconv(cd, &input, &inLeft, &output, &outLeft);
    iconv_close(cd);
    if (done == size_t(-1))
        return false;
    out.resize(out.size() - qsizetype(outLeft));
    return true;
}

} // namespace

QByteArray DictionaryCodec::encodingOf(const QString &affPath)
{
    QFile aff(affPath);
    if (aff.open(QIODevice::ReadOnly)) {
        // The SET line comes before any affix rule; a few hundred lines is plenty.
        for (int i = 0; i < 500 && !aff.atEnd(); ++i) {
            const QByteArray line = aff.readLine(4096).trimmed();
            if (line.startsWith("SET ") || line.startsWith("SET\t"))
                return line.mid(4).trimmed().toUpper();
        }
    }
    return QByteArrayLiteral("ISO8859-1");
}

DictionaryCodec::DictionaryCodec(QByteArray encoding)
    : m_encoding(std::move(encoding))
    , m_utf8(m_encoding == "UTF-8" || m_encoding == "UTF8")
{
}

bool DictionaryCodec::isUsable() const
{
    if (m_utf8)
        return true;
    iconv_t cd = iconv_open("UTF-8", m_encoding.constData());
    if (cd == iconv_t(-1))
        return false;
    iconv_close(cd);
    return true;
}

std::string DictionaryCodec::encode(const QString &word) const
{
    if (m_utf8)
        return word.toStdString();
    QByteArray out;
    if (!convert(m_encoding.constData(), "UTF-8", word.toUtf8(), out))
        return {};
    return out.toStdString();
}

QString DictionaryCodec::decode(const std::string &word) const
{
    if (m_utf8)
        return QString::fromStdString(word);
    QByteArray out;
    if (!convert("UTF-8", m_encoding.constData(), QByteArray::fromStdString(word), out))
        return {};
    return QString::fromUtf8(out);
}

} // namespace quire
