#include "resourcetablemodel.h"

#include "ndjsonindex.h"
#include "resourcefields.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <climits>
#include <memory>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// A view holds rows as int: a file of more resources shows the first INT_MAX.
int clampRows(qint64 n)
{
    return int(qMin<qint64>(n, INT_MAX));
}

} // namespace

ResourceTableModel::ResourceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_index(new NdjsonIndex(this))
{
    connect(m_index, &NdjsonIndex::linesAdded, this, &ResourceTableModel::onLinesAdded);
    connect(m_index, &NdjsonIndex::matchesFound, this, &ResourceTableModel::onMatches);
    connect(m_index, &NdjsonIndex::finished, this, &ResourceTableModel::stateChanged);
    connect(m_index, &NdjsonIndex::progress, this, &ResourceTableModel::stateChanged);
    connect(m_index, &NdjsonIndex::searchFinished, this, &ResourceTableModel::stateChanged);
}

ResourceTableModel::~ResourceTableModel() = default;

void ResourceTableModel::setFile(const QString &path)
{
    beginResetModel();
    m_path = path;
    m_cache.clear();
    m_matches.clear();
    m_rows = 0;
    m_index->start(path);
    m_index->search(m_filter);
    endResetModel();
    Q_EMIT stateChanged();
}

void ResourceTableModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    m_matches.clear();
    m_rows = text.isEmpty() ? clampRows(m_index->lineCount()) : 0;
    m_index->search(text);
    endResetModel();
    Q_EMIT stateChanged();
}

bool ResourceTableModel::isIndexing() const
{
    return m_index->isRunning();
}

bool ResourceTableModel::isFiltering() const
{
    return !m_filter.isEmpty() && (m_index->isRunning() || m_index->isSearching());
}

qint64 ResourceTableModel::totalRows() const
{
    return m_index->lineCount();
}

void ResourceTableModel::onLinesAdded(qint64, qint64 last)
{
    const int rows = clampRows(last + 1);
    if (!m_filter.isEmpty() || rows <= m_rows)
        return;
    beginInsertRows({}, m_rows, rows - 1);
    m_rows = rows;
    endInsertRows();
}

void ResourceTableModel::onMatches(const QList<qint64> &rows)
{
    if (m_filter.isEmpty() || rows.isEmpty() || m_matches.size() >= INT_MAX)
        return;
    // A search of a file cut short by cancel() may find rows past those indexed.
    QList<qint64> shown;
    for (const qint64 r : rows) {
        if (r < m_index->lineCount())
            shown.append(r);
    }
    if (shown.isEmpty())
        return;
    const int first = int(m_matches.size());
    beginInsertRows({}, first, clampRows(first + shown.size()) - 1);
    m_matches.append(shown.mid(0, clampRows(first + shown.size()) - first));
    endInsertRows();
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_filter.isEmpty() ? m_rows : int(m_matches.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

qint64 ResourceTableModel::fileRow(int row) const
{
    if (row < 0)
        return -1;
    if (!m_filter.isEmpty())
        return row < m_matches.size() ? m_matches.at(row) : -1;
    return row < m_rows ? row : -1;
}

QByteArray ResourceTableModel::rawLine(int row) const
{
    const qint64 r = fileRow(row);
    return r < 0 ? QByteArray() : m_index->line(r);
}

QJsonObject ResourceTableModel::resource(int row) const
{
    return QJsonDocument::fromJson(rawLine(row)).object();
}

const ResourceTableModel::Row *ResourceTableModel::cachedRow(qint64 fileRow) const
{
    if (const Row *row = m_cache.object(fileRow))
        return row;
    auto row = std::make_unique<Row>();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_index->line(fileRow), &error);
    if (doc.isObject()) {
        const QJsonObject r = doc.object();
        const QString type = r.value("resourceType"_L1).toString();
        row->id = r.value("id"_L1).toString();
        row->date = fields::clinicalDate(r, type);
        row->summary = fields::summary(r, type);
        row->valid = true;
    } else {
        row->summary = tr("(not a JSON resource)");
    }
    const Row *kept = row.get();
    m_cache.insert(fileRow, row.release());
    return kept;
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 r = fileRow(index.row());
    if (r < 0)
        return {};
    if (role == FileRowRole)
        return r;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Row *row = cachedRow(r);
    switch (index.column()) {
    case Id:
        return row->id;
    case Date:
        return row->date;
    case Summary:
        return row->summary;
    default:
        return {};
    }
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        const qint64 r = fileRow(section);
        return r < 0 ? QVariant() : QVariant(r + 1);
    }
    switch (section) {
    case Id:
        return tr("Id");
    case Date:
        //: The clinical date of a resource: when it was measured, diagnosed, prescribed…
        return tr("Date");
    case Summary:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace fbm
