#include "toolbarfit.h"

#include <QAction>
#include <QEvent>
#include <QLayout>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace fbm {

ToolBarFit::ToolBarFit(QToolBar *bar, QList<QAction *> order)
    : QObject(bar)
    , m_bar(bar)
    , m_order(std::move(order))
{
    m_bar->installEventFilter(this);
}

ToolBarFit::~ToolBarFit() = default;

int ToolBarFit::needed() const
{
    const int spacing = m_bar->style()->pixelMetric(QStyle::PM_ToolBarItemSpacing, nullptr, m_bar);
    const int handle =
        m_bar->isMovable() ? m_bar->style()->pixelMetric(QStyle::PM_ToolBarHandleExtent) : 0;
    const QMargins margins = m_bar->contentsMargins();
    int sum = handle + margins.left() + margins.right() +
              2 * m_bar->style()->pixelMetric(QStyle::PM_ToolBarFrameWidth, nullptr, m_bar);
    const QList<QAction *> actions = m_bar->actions();
    for (QAction *a : actions) {
        if (!a->isVisible())
            continue;
        if (a->isSeparator()) {
            sum += m_bar->style()->pixelMetric(QStyle::PM_ToolBarSeparatorExtent, nullptr, m_bar) +
                   spacing;
            continue;
        }
        const QWidget *w = m_bar->widgetForAction(a);
        const QSize hint = w ? w->sizeHint() : QSize();
        sum += qMax(0, hint.width()) + spacing;
    }
    return sum;
}

void ToolBarFit::fit()
{
    if (m_fitting || m_bar->orientation() != Qt::Horizontal || m_bar->width() <= 0)
        return;
    m_fitting = true;
    const auto button = [this](QAction *a) {
        return qobject_cast<QToolButton *>(m_bar->widgetForAction(a));
    };
    const Qt::ToolButtonStyle words = m_bar->toolButtonStyle();
    for (QAction *a : std::as_const(m_order)) {
        if (QToolButton *b = button(a))
            b->setToolButtonStyle(words);
    }
    for (QAction *a : std::as_const(m_order)) {
        if (needed() <= m_bar->width())
            break;
        if (QToolButton *b = button(a))
            b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_fitting = false;
}

bool ToolBarFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_bar && (event->type() == QEvent::Resize || event->type() == QEvent::Show ||
                             event->type() == QEvent::LayoutRequest))
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace fbm
