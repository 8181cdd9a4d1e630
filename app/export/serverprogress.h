#pragma once

#include <QString>

#include <optional>

namespace fbm {

/// How far the server's own work is, read from its X-Progress text when that text carries a
/// fraction: "45%", "45.5 % complete", "found 954 of 1,000", "3 out of 7", "step 3/7". The
/// text is free-form (the specification only asks for something a person can read), so
/// anything else, a date ("12/7/26") included, is no fraction: the view shows a busy
/// indicator rather than a guess.
class ServerProgress
{
public:
    /// The fraction in [0, 1], or nothing when the text carries none.
    [[nodiscard]] static std::optional<double> fraction(const QString &xProgress);
};

} // namespace fbm
