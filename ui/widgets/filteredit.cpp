#include "filteredit.h"

namespace fbm {

FilterEdit::FilterEdit(int minChars, int maxChars, QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setMinimumWidth(fontMetrics().averageCharWidth() * minChars);
    setMaximumWidth(fontMetrics().averageCharWidth() * maxChars);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(this, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT filterChanged(text()); });
}

FilterEdit::~FilterEdit() = default;

void FilterEdit::focusForTyping()
{
    setFocus(Qt::ShortcutFocusReason);
    selectAll();
}

void FilterEdit::clearNow()
{
    if (text().isEmpty())
        return;
    clear();
    m_debounce.stop();
    Q_EMIT filterChanged({});
}

} // namespace fbm
