#pragma once

#include <QObject>

class QAction;
class QKeySequence;
class QToolBar;

namespace fbm {

/// Names each toolbar action's keyboard shortcut in its tooltip ("Open the folder … (Ctrl+O)"),
/// so that a mouse user learns the keys: for the actions a toolbar has and those added later,
/// again whenever an action's tooltip or shortcut changes. A tooltip that names its key already
/// is left as it is.
class ShortcutToolTips final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutToolTips)
public:
    /// Starts on \a bar (once per toolbar; the toolbar owns it).
    static void attach(QToolBar *bar);
    /// "tip (key)", or \a tip when there is no key or the tip names it already.
    [[nodiscard]] static QString withShortcut(const QString &tip, const QKeySequence &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ShortcutToolTips(QToolBar *bar);
    void follow(QAction *action);
    static void apply(QAction *action);
};

} // namespace fbm
