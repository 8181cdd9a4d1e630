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

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_viewport;
    QHeaderView *m_header;
    int m_column;
    int m_min;
    int m_max;
    bool m_fitting = false;
    bool m_userSized = false;
};

/// A width for a column that shows these texts and its title, in the view's font (room for the
/// sort arrow and the cell's margins; extra: an icon beside the text).
[[nodiscard]] int columnWidth(const QAbstractItemView *view, const QString &title,
                              const QStringList &samples, int extra = 0);

} // namespace fbm
