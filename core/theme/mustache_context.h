#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace quire {

// The context stack of one rendering, and what Mustache makes of a QVariant: maps
// (QVariantMap, QVariantHash) have names, lists (QVariantList, QStringList) repeat a section, and
// strings, numbers and bools print. Holds pointers only: every value must outlive its pop().
class MustacheContext
{
public:
    explicit MustacheContext(const QVariant &root) { m_stack.push_back(&root); }

    void push(const QVariant &value) { m_stack.push_back(&value); }
    void pop() { m_stack.pop_back(); }

    // The value a tag names, or nullptr. An empty path (".") is the innermost context. The first
    // part of a dotted name is looked up from the innermost context outwards; the rest only
    // inside what that found ("a.b" never falls back to an outer "b").
    const QVariant *find(const QStringList &path) const;

    // False for a missing value, null, false, an empty list and an empty string; true otherwise
    // (0 and an empty map too).
    static bool isTruthy(const QVariant &value);
    // What {{name}} prints: strings as they are, whole numbers without ".0", other numbers in
    // their shortest exact form ("1.21"), bools as "true"/"false"; null, lists and maps print
    // nothing.
    static QString text(const QVariant &value);

private:
    static const QVariant *member(const QVariant &object, const QString &key);

    std::vector<const QVariant *> m_stack;
};

} // namespace quire
