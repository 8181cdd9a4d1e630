#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace fbm {

/// What went wrong, for the user (message, translated) and for the log (detail).
struct Error
{
    enum class Kind
    {
        None,
        Network,  ///< connection refused, reset, timeout, TLS
        Http,     ///< the server answered with an error status
        Protocol, ///< the answer does not follow the specification (bad JSON, missing header)
        Auth,     ///< token endpoint refused, 401/403
        Io,       ///< local disk
        Usage,    ///< the caller asked for something impossible
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;        ///< one readable sentence (or a few) for the user, already translated
    QString detail;         ///< technical detail for the activity log; never contains a secret
    bool transient = false; ///< trying again later may succeed
    /// How long the server asked to wait before trying again (its Retry-After), when it did.
    std::optional<qint64> retryAfterMs;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    [[nodiscard]] explicit operator bool() const { return isError(); }

    static Error make(Kind kind, QString message, QString detail = {}, int httpStatus = 0,
                      bool transient = false)
    {
        Error e;
        e.kind = kind;
        e.message = std::move(message);
        e.detail = std::move(detail);
        e.httpStatus = httpStatus;
        e.transient = transient;
        return e;
    }
};

/// A value or an error.
template<typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_error(std::move(error))
    {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    [[nodiscard]] const T &value() const { return *m_value; }
    [[nodiscard]] T &value() { return *m_value; }
    [[nodiscard]] const Error &error() const { return m_error; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace fbm
