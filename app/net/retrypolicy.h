#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace fbm {

/// Parses an HTTP-date in any of the three forms RFC 9110 allows (IMF-fixdate, RFC 850,
/// asctime). Returns an invalid QDateTime for anything else.
[[nodiscard]] QDateTime parseHttpDate(QByteArrayView value);
[[nodiscard]] QByteArray formatHttpDate(const QDateTime &when);

/// The delay a `Retry-After` value asks for, in milliseconds: delta-seconds, or an HTTP-date
/// measured against the response's `Date` header (so a skewed local clock does not matter) or,
/// without one, against now. std::nullopt when absent or not understood (garbage, negative).
/// A date in the past gives 0.
[[nodiscard]] std::optional<qint64>
parseRetryAfterMs(QByteArrayView retryAfter, QByteArrayView dateHeader, const QDateTime &now);

/// When to poll again. Pure: the same input gives the same answer (jitter comes in as a value).
struct RetryPolicy
{
    qint64 minDelayMs = 1000;             ///< never sooner than this, whatever the server says
    qint64 backoffBaseMs = 2000;          ///< first delay when the server gives none
    qint64 backoffMaxMs = 120 * 1000;     ///< cap of our own backoff
    qint64 maxRetryAfterMs = 3600 * 1000; ///< cap of what a server may ask for (absurd values)
    double jitter = 0.1;                  ///< +-10 % on our own backoff
    /// 5xx / network errors in a row before a job (or a file) fails, when they have also gone on
    /// for transientGiveUpMs: a network drop or a server's restart of a few minutes is outlasted.
    int maxTransientErrors = 5;
    qint64 transientGiveUpMs = 30 * 60 * 1000;

    /// attempt counts the consecutive answers without Retry-After (0 for the first).
    /// jitterUnit is in [-1, 1]. A server's Retry-After is honoured as given (never shortened)
    /// within [minDelayMs, maxRetryAfterMs].
    [[nodiscard]] qint64 nextDelayMs(int attempt, std::optional<qint64> retryAfterMs,
                                     double jitterUnit = 0.0) const;
    /// After the \a failures-th transient failure in a row (counting this one), the first of
    /// them \a troubleForMs ago: whether to try again. Only failures that have gone on both
    /// maxTransientErrors times and transientGiveUpMs long are given up on.
    [[nodiscard]] bool keepTrying(int failures, qint64 troubleForMs) const
    {
        return failures < maxTransientErrors || troubleForMs < transientGiveUpMs;
    }
};

} // namespace fbm
