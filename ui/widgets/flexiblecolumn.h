#pragma once

#include <QObject>
#include <QStringList>

class QAbstractItemView;
class QHeaderView;

namespace fbm {

/// Gives one column of a table what the other columns leave of the view's width, between a
/// minimum and a maximum, until the user resizes that column: every column stays on screen at
/// the default window size, and the flexible one does not grow without bound.
class FlexibleColumn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlexibleColumn)
public:
    FlexibleColumn(QAbstractItemView *view, QHeaderView *header, int column, int minWidth,
                   int maxWidth);
    ~FlexibleColumn() override;

    /// Columns hidden, in this order, while the others do not fit beside the flexible one at its
    /// minimum, and shown again (in the reverse order) when there is room: a laptop's screen gets
    /// the columns that matter without scrolling sideways. Until the user chooses columns or
    /// sizes the flexible one.
    void setDroppable(const QList<int> &columns);
    /// The user chose which columns to see (the header's menu): nothing is hidden or shown here
    /// any more.
    void stopDropping()
    {
        m_droppable.clear();
        m_dropped.clear();
    }

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_viewport;
    QHeaderView *m_header;
    int m_column;
    int m_min;
    int m_max;
    QList<int> m_droppable;
    QList<QPair<int, int>> m_dropped; ///< hidden here: column and its width then, in order
    bool m_fitting = false;
    bool m_userSized = false;
};

/// A width for a column that shows these texts and its title, in the view's font (room for the
/// sort arrow and the cell's margins; extra: an icon beside the text).
[[nodiscard]] int columnWidth(const QAbstractItemView *view, const QString &title,
                              const QStringList &samples, int extra = 0);

} // namespace fbm
