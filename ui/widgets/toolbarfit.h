#pragma once

#include <QList>
#include <QObject>

class QAction;
class QToolBar;

namespace fbm {

/// Keeps every button of a toolbar on it when the window is narrow (a laptop's 1024 pixels):
/// instead of letting the last buttons and the filter fall into the "»" menu, the buttons given
/// lose their words (the icon and the tooltip stay), in that order, until the bar fits; they get
/// them back when there is room.
class ToolBarFit final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolBarFit)
public:
    /// \a order: the actions whose words go first. The object lives as long as \a bar.
    ToolBarFit(QToolBar *bar, QList<QAction *> order);
    ~ToolBarFit() override;

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The width the bar's items ask for as they are now.
    [[nodiscard]] int needed() const;

    QToolBar *m_bar;
    QList<QAction *> m_order;
    bool m_fitting = false;
};

} // namespace fbm
