#pragma once

#include "exportjob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QVariant>

namespace fbm {

/// What the cells of the export table say about one job at one moment: the text, the tooltip
/// and the raw value to sort by of each JobTableModel::Column, and the countdown and duration
/// formats the status bar shares. Pure functions of the job and the time: the model only keeps
/// track of which cells change. The strings are the table's (one context for translators).
class JobCellFormat
{
    Q_DECLARE_TR_FUNCTIONS(fbm::JobTableModel)

public:
    /// column is a JobTableModel::Column.
    [[nodiscard]] static QVariant display(const ExportJob &job, int column, const QDateTime &now);
    [[nodiscard]] static QVariant toolTip(const ExportJob &job, int column, const QDateTime &now);
    [[nodiscard]] static QVariant sortValue(const ExportJob &job, int column, const QDateTime &now);

    /// Whether the Expires column has something to say: files exist on the server and are not
    /// (all) saved yet.
    [[nodiscard]] static bool showsExpiry(const ExportJob &job);
    /// Seconds from the job's start to now, or to its end once finished; -1 without a start.
    [[nodiscard]] static qint64 elapsedSeconds(const ExportJob &job, const QDateTime &now);
    /// Whether the job's files expire soon (less than 15 minutes, or less than 10 % of the time
    /// the server gave) and are not all saved.
    [[nodiscard]] static bool expiresSoon(const ExportJob &job, const QDateTime &now);

    /// Cell: the words under the column's header ("in 0:42"); Sentence: the same standing
    /// alone, as in the details ("next check in 0:42").
    enum class Form
    {
        Cell,
        Sentence
    };
    /// When the next status request goes out, or that one is out now ("in 0:42", "in 0:05
    /// (attempt 2)"; "next check in 0:42", "retrying in 0:05 (attempt 2)").
    [[nodiscard]] static QString nextCheckText(const ExportJob &job, const QDateTime &now,
                                               Form form);
    /// How long the server keeps the files ("in 1 h 12 min"; "expires in 1 h 12 min"), or
    /// "expired"; empty when there is nothing to say (showsExpiry()).
    [[nodiscard]] static QString expiryText(const ExportJob &job, const QDateTime &now, Form form);

    /// "0:42", "12:05", "1:12:09": a countdown with seconds.
    [[nodiscard]] static QString formatCountdown(qint64 seconds);
    /// "< 1 min", "12 min", "1 h 05 min", "2 d 3 h": a coarse duration.
    [[nodiscard]] static QString formatDuration(qint64 seconds);
};

} // namespace fbm
