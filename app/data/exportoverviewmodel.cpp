#include "exportoverviewmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace fbm {

OverviewTypesModel::OverviewTypesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OverviewTypesModel::setOverview(const ExportOverview &overview)
{
    beginResetModel();
    m_overview = overview;
    endResetModel();
}

QString OverviewTypesModel::days(const QString &min, const QString &max)
{
    if (min.isEmpty())
        return {};
    const QString a = min.left(10), b = max.left(10);
    return a == b ? a : a + u" – "_s + b;
}

int OverviewTypesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_overview.types.size());
}

int OverviewTypesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant OverviewTypesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TypeOverview &t = m_overview.types.at(index.row());
    const bool output = t.kind == "output"_L1;
    if (role == TypeNameRole)
        return t.type;
    if (role == KindRole)
        return t.kind;
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        return c >= Resources && c <= Files ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    const QLocale locale;
    switch (index.column()) {
    case Type:
        if (t.kind == "error"_L1)
            return QString(u"errors/"_s + t.type);
        if (t.kind == "deleted"_L1)
            return QString(u"deleted/"_s + t.type);
        return t.type;
    case Resources:
        return sort ? QVariant(t.resources) : QVariant(locale.toString(t.resources));
    case Patients:
        if (!output)
            return {};
        return sort ? QVariant(t.patients) : QVariant(locale.toString(t.patients));
    case Size:
        return sort ? QVariant(t.bytes)
                    : QVariant(
                          locale.formattedDataSize(t.bytes, 1, QLocale::DataSizeTraditionalFormat));
    case Files:
        return sort ? QVariant(t.files) : QVariant(locale.toString(t.files));
    case Dates:
        return sort ? t.dateMin : days(t.dateMin, t.dateMax);
    case LastUpdated:
        return sort ? t.lastUpdatedMin : days(t.lastUpdatedMin, t.lastUpdatedMax);
    default:
        return {};
    }
}

QVariant OverviewTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Type");
    case Resources:
        return tr("Resources");
    case Patients:
        return tr("Patients");
    case Size:
        return tr("Size");
    case Files:
        return tr("Files");
    case Dates:
        //: The span of the resources' clinical dates
        return tr("Dates");
    case LastUpdated:
        return tr("Last updated");
    default:
        return {};
    }
}

OverviewProblemsModel::OverviewProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OverviewProblemsModel::setProblems(const QList<DataProblem> &problems)
{
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

int OverviewProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int OverviewProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant OverviewProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const DataProblem &p = m_problems.at(index.row());
    switch (index.column()) {
    case File:
        return p.file;
    case Line:
        return p.line > 0 ? QVariant(p.line) : QVariant();
    case Reason:
        return p.reason;
    default:
        return {};
    }
}

QVariant OverviewProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case File:
        return tr("File");
    case Line:
        return tr("Line");
    case Reason:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace fbm
