#pragma once

#include <QAbstractTableModel>
#include <QCache>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fbm {

class NdjsonIndex;

/**
 * The resources of one NDJSON file as a table: id, clinical date and a one-line summary
 * (fields::). Rows appear while NdjsonIndex scans the file; a cell is read only when a view
 * asks for it (a seek and one line read), and a few hundred parsed rows are kept (an LRU
 * cache), so a file of gigabytes keeps memory flat. setFilterText() shows only the rows that
 * hold a text, found in the background and added as they come.
 */
class ResourceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTableModel)
public:
    enum Column
    {
        Id,
        Date,
        Summary,
        Count
    };
    enum Role
    {
        /// The row of the file (0-based, blank lines not counted) a table row shows.
        FileRowRole = Qt::UserRole + 1,
    };
    static constexpr int kCachedRows = 512;

    explicit ResourceTableModel(QObject *parent = nullptr);
    ~ResourceTableModel() override;

    /// Shows the resources of \a path (plain or `.gz`); empty: none.
    void setFile(const QString &path);
    [[nodiscard]] QString file() const { return m_path; }
    /// Shows only the resources whose JSON holds \a text (empty: all).
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_filter; }

    /// The file is still being indexed / the filter still searching.
    [[nodiscard]] bool isIndexing() const;
    [[nodiscard]] bool isFiltering() const;
    /// Resources in the file found so far (whatever the filter).
    [[nodiscard]] qint64 totalRows() const;
    [[nodiscard]] NdjsonIndex *lineIndex() const { return m_index; }

    /// The resource a table row shows, parsed now (an empty object when it is not JSON).
    [[nodiscard]] QJsonObject resource(int row) const;
    /// The raw line of a table row.
    [[nodiscard]] QByteArray rawLine(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

Q_SIGNALS:
    /// Indexing or filtering started, went on or ended (for a status line).
    void stateChanged();

private:
    struct Row
    {
        QString id, date, summary;
        bool valid = false;
    };
    [[nodiscard]] qint64 fileRow(int row) const;
    [[nodiscard]] const Row *cachedRow(qint64 fileRow) const;
    void onLinesAdded(qint64 first, qint64 last);
    void onMatches(const QList<qint64> &rows);

    NdjsonIndex *m_index;
    QString m_path;
    QString m_filter;
    QList<qint64> m_matches; ///< file rows holding the filter text (filter set only)
    /// Rows shown without a filter: the index is ahead of the view by the batch it announces.
    int m_rows = 0;
    mutable QCache<qint64, Row> m_cache{kCachedRows};
};

} // namespace fbm
