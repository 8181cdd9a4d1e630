#include "focusring.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// Two pixels of the highlight colour along the inside of its rectangle.
class Frame final : public QWidget
{
public:
    explicit Frame(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(u"focusFrame"_s);
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
};

/// The item view \a widget belongs to: the view itself, or the view whose viewport (or editor)
/// has the focus.
QAbstractItemView *viewOf(QWidget *widget)
{
    for (QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        if (auto *view = qobject_cast<QAbstractItemView *>(w))
            return view;
    }
    return nullptr;
}

} // namespace

FocusRing::FocusRing(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(u"focusRing"_s);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

FocusRing::~FocusRing()
{
    delete m_frame;
}

void FocusRing::onFocusChanged(QWidget *now)
{
    // Focus in another window (a dialog, a menu) leaves the frame where it was: that view
    // gets the focus back when the window is active again.
    if (!now || now->window() != m_window)
        return;
    follow(viewOf(now));
}

void FocusRing::follow(QAbstractItemView *view)
{
    if (view == m_view && (!view || m_frame))
        return;
    if (m_view)
        m_view->removeEventFilter(this);
    m_view = view;
    if (!view) {
        if (m_frame)
            m_frame->hide();
        return;
    }
    if (!m_frame)
        m_frame = new Frame(view);
    else
        m_frame->setParent(view);
    m_frame->setGeometry(view->rect());
    view->installEventFilter(this);
    m_frame->raise();
    m_frame->show();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_frame && watched == m_view)
        m_frame->setGeometry(m_view->rect());
    return QObject::eventFilter(watched, event);
}

} // namespace fbm
