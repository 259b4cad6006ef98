#include "theme/mustache_context.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <iterator>

namespace quire {

namespace {

template<typename T>
const T &as(const QVariant &value)
{
    return *static_cast<const T *>(value.constData());
}

// Below 2^53 every whole number is exact as an integer: 85.0 prints "85".
bool isSmallWholeNumber(double number)
{
    return std::abs(number) < 9007199254740992.0 && number == std::trunc(number);
}

QString numberText(double number)
{
    if (isSmallWholeNumber(number))
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

// The shortest text that reads back as the same float: 1.21f prints "1.21", not the
// "1.2100000381469727" of its double.
QString numberText(float number)
{
    if (isSmallWholeNumber(number))
        return QString::number(qint64(number));
    char digits[32];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), number);
    return QString::fromLatin1(digits, result.ptr - digits);
}

} // namespace

const QVariant *MustacheContext::find(const QStringList &path) const
{
    if (path.isEmpty())
        return m_stack.back();
    for (auto context = m_stack.rbegin(); context != m_stack.rend(); ++context) {
        const QVariant *value = member(**context, path.first());
        if (!value)
            continue;
        for (qsizetype i = 1; value && i < path.size(); ++i)
            value = member(*value, path[i]);
        return value;
    }
    return nullptr;
}

bool MustacheContext::isTruthy(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return false;
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::QString:
        return !as<QString>(value).isEmpty();
    case QMetaType::QVariantList:
        return !as<QVariantList>(value).isEmpty();
    case QMetaType::QStringList:
        return !as<QStringList>(value).isEmpty();
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return true;
    default:
        return !value.isNull();
    }
}

QString MustacheContext::text(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return as<QString>(value);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
        return numberText(as<double>(value));
    case QMetaType::Float:
        return numberText(as<float>(value));
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return {};
    default:
        return value.toString();
    }
}

const QVariant *MustacheContext::member(const QVariant &object, const QString &key)
{
    if (object.typeId() == QMetaType::QVariantMap) {
        const QVariantMap &map = as<QVariantMap>(object);
        const auto it = map.constFind(key);
        return it == map.cend() ? nullptr : &it.value();
    }
    if (object.typeId() == QMetaType::QVariantHash) {
        const QVariantHash &hash = as<QVariantHash>(object);
        const auto it = hash.constFind(key);
        return it == hash.cend() ? nullptr : &it.value();
    }
    return nullptr;
}

} // namespace quire
