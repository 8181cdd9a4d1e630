#pragma once

#include <QStyledItemDelegate>

namespace fbm {

/// Paints a cell's progress (an int percent in progressRole; -1 unknown) as the platform's own
/// progress bar with the cell's text on it, so it follows the style, the palette (dark or
/// light) and the screen's scale. A local option per paint: no state kept.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)
public:
    ProgressDelegate(int progressRole, QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace fbm
