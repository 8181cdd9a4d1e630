#pragma once

#include <QStyledItemDelegate>

namespace fbm {

/// Paints a cell's progress (an int percent in progressRole; -1: not known, drawn as a busy
/// indicator; no value: plain text) as the platform's own progress bar with the cell's text on
/// it, so it follows the style, the palette (dark or light) and the screen's scale. With an
/// action role, a cell whose value there is a non-empty text shows it as a link at its end
/// ("Open folder", "Retry"); a click on it emits actionTriggered(). A local option per paint:
/// no state kept.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)
public:
    explicit ProgressDelegate(int progressRole, QObject *parent = nullptr);
    ~ProgressDelegate() override;

    /// The role whose text is the cell's link (none by default).
    void setActionRole(int role) { m_actionRole = role; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    /// Where the cell's link is drawn within option.rect; empty without one.
    [[nodiscard]] QRect actionRect(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const;

Q_SIGNALS:
    /// The link of the cell at index was clicked.
    void actionTriggered(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    [[nodiscard]] QString actionText(const QModelIndex &index) const;

    int m_role;
    int m_actionRole = -1;
};

} // namespace fbm
