#pragma once

#include "exportoverview.h"

#include <QAbstractTableModel>

namespace fbm {

/// An ExportOverview's types as a table: type, resources, patients, size, files, date span,
/// last updated; the error and deleted files after the output types ("errors/OperationOutcome").
/// SortRole gives raw values (numbers, dates as written).
class OverviewTypesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewTypesModel)
public:
    enum Column
    {
        Type,
        Resources,
        Patients,
        Size,
        Files,
        Dates,
        LastUpdated,
        Count
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        /// The type's name alone ("OperationOutcome"), and its kind ("output", "error", …).
        TypeNameRole,
        KindRole,
    };

    explicit OverviewTypesModel(QObject *parent = nullptr);
    void setOverview(const ExportOverview &overview);
    [[nodiscard]] const ExportOverview &overview() const { return m_overview; }

    /// "2021-03-04 – 2024-11-30": the days of a span ("" when there is none).
    [[nodiscard]] static QString days(const QString &min, const QString &max);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    ExportOverview m_overview;
};

/// An ExportOverview's problems: file, line, reason.
class OverviewProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewProblemsModel)
public:
    enum Column
    {
        File,
        Line,
        Reason,
        Count
    };

    explicit OverviewProblemsModel(QObject *parent = nullptr);
    void setProblems(const QList<DataProblem> &problems);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<DataProblem> m_problems;
};

} // namespace fbm
