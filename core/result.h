#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace quire {

// What went wrong, in words a writer understands. Core never swallows one of these: it returns it,
// the window shows it in a dialog and the CLI prints it to stderr.
struct Error
{
    QString message;
};

// A value or an Error (std::expected is C++23; this is the small subset Quire needs).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    // By value from a temporary, so `for (auto &x : *library.posts().list())` cannot dangle.
    T value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error &error() const { return std::get<1>(m_state); }
    const QString &errorMessage() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const { return *m_error; }
    const QString &errorMessage() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

} // namespace quire
