#include "shortcuttooltips.h"

#include <QAction>
#include <QActionEvent>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// The tooltip the action's owner gave it, and the one shown with the key: when the action's
// tooltip is still the one shown, a change was of the shortcut (or of something else), and
// the owner's tooltip is the one to extend.
constexpr char kOwnTip[] = "fbmOwnToolTip";
constexpr char kShownTip[] = "fbmShownToolTip";

} // namespace

ShortcutToolTips::ShortcutToolTips(QToolBar *bar)
    : QObject(bar)
{
    setObjectName(u"shortcutToolTips"_s);
    const QList<QAction *> actions = bar->actions();
    for (QAction *a : actions)
        follow(a);
    bar->installEventFilter(this);
}

void ShortcutToolTips::attach(QToolBar *bar)
{
    if (!bar || bar->findChild<ShortcutToolTips *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    new ShortcutToolTips(bar);
}

QString ShortcutToolTips::withShortcut(const QString &tip, const QKeySequence &key)
{
    const QString keyText = key.toString(QKeySequence::NativeText);
    if (keyText.isEmpty() || tip.contains(keyText))
        return tip;
    //: A toolbar button's tooltip: %1 what it does, %2 its keyboard shortcut (Ctrl+O)
    return tr("%1 (%2)").arg(tip, keyText);
}

bool ShortcutToolTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ActionAdded)
        follow(static_cast<QActionEvent *>(event)->action());
    return QObject::eventFilter(watched, event);
}

void ShortcutToolTips::follow(QAction *action)
{
    if (!action || action->isSeparator() || action->property(kShownTip).isValid())
        return;
    // The same action may sit in two toolbars: its tooltip is kept by one connection only.
    action->setProperty(kShownTip, QString());
    connect(action, &QAction::changed, action, [action] { apply(action); });
    apply(action);
}

void ShortcutToolTips::apply(QAction *action)
{
    const QString current = action->toolTip();
    QString own = current;
    if (current == action->property(kShownTip).toString())
        own = action->property(kOwnTip).toString();
    const QString shown = withShortcut(own, action->shortcut());
    action->setProperty(kOwnTip, own);
    action->setProperty(kShownTip, shown);
    if (shown != current)
        action->setToolTip(shown); // emits changed(): apply() then finds the tip it set
}

} // namespace fbm
