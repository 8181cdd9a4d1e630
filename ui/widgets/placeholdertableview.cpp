#include "placeholdertableview.h"

#include <QPainter>

namespace fbm {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : QTableView(parent)
{}

PlaceholderTableView::~PlaceholderTableView() = default;

void PlaceholderTableView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    // Screen readers do not see painted text.
    setAccessibleDescription(text);
    viewport()->update();
}

bool PlaceholderTableView::isPlaceholderShown() const
{
    return !m_placeholder.isEmpty() && model() && model()->rowCount(rootIndex()) == 0;
}

void PlaceholderTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!isPlaceholderShown())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int margin = fontMetrics().averageCharWidth() * 2;
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

} // namespace fbm
