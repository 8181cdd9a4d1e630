#include "messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace fbm {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_icon = new QLabel;
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_text->setObjectName(u"messageBarText"_s);
    m_action = new QPushButton;
    m_action->setObjectName(u"messageBarAction"_s);
    m_action->hide();
    m_close = new QToolButton;
    m_close->setObjectName(u"messageBarClose"_s);
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss this message"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->hide();
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        // A copy: the action may replace the message, and with it the callback.
        if (const std::function<void()> callback = m_callback)
            callback();
    });
    applyIcons();
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText,
                             std::function<void()> action)
{
    m_kind = kind;
    m_text->setText(text);
    setAccessibleName(kindName());
    setAccessibleDescription(text);
    if (m_textName.isEmpty())
        m_text->setAccessibleName(kindName());
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty() && action);
    m_callback = std::move(action);
    applyIcons();
    setVisible(true);
}

void MessageBar::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

void MessageBar::dismiss()
{
    m_text->clear();
    m_callback = {};
    hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void MessageBar::setTextAccessibleName(const QString &name)
{
    m_textName = name;
    m_text->setAccessibleName(name.isEmpty() ? kindName() : name);
}

void MessageBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        applyIcons();
}

void MessageBar::applyIcons()
{
    QStyle::StandardPixmap p = QStyle::SP_MessageBoxInformation;
    if (m_kind == Kind::Warning)
        p = QStyle::SP_MessageBoxWarning;
    else if (m_kind == Kind::Error)
        p = QStyle::SP_MessageBoxCritical;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(p).pixmap(size, size));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
}

QString MessageBar::kindName() const
{
    switch (m_kind) {
    case Kind::Warning:
        return tr("Warning");
    case Kind::Error:
        return tr("Error");
    case Kind::Information:
        break;
    }
    return tr("Information");
}

} // namespace fbm
