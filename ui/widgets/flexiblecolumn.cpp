#include "flexiblecolumn.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>

namespace fbm {

FlexibleColumn::FlexibleColumn(QAbstractItemView *view, QHeaderView *header, int column,
                               int minWidth, int maxWidth)
    : QObject(view)
    , m_viewport(view->viewport())
    , m_header(header)
    , m_column(column)
    , m_min(minWidth)
    , m_max(maxWidth)
{
    m_viewport->installEventFilter(this);
    connect(m_header, &QHeaderView::sectionResized, this, [this](int logical) {
        if (!m_fitting && logical == m_column)
            m_userSized = true;
    });
}

FlexibleColumn::~FlexibleColumn() = default;

void FlexibleColumn::setDroppable(const QList<int> &columns)
{
    m_droppable = columns;
    fit();
}

void FlexibleColumn::fit()
{
    if (m_userSized || m_header->isSectionHidden(m_column))
        return;
    int others = 0;
    for (int c = 0; c < m_header->count(); ++c) {
        if (c != m_column && !m_header->isSectionHidden(c))
            others += m_header->sectionSize(c);
    }
    const int room = m_viewport->width();
    m_fitting = true;
    // Back what fits again, the last hidden first; then hide until the rest fits.
    while (!m_dropped.isEmpty() && others + m_dropped.constLast().second + m_min <= room) {
        const auto [column, width] = m_dropped.takeLast();
        m_header->showSection(column);
        m_header->resizeSection(column, width);
        others += width;
    }
    for (const int column : std::as_const(m_droppable)) {
        if (others + m_min <= room)
            break;
        if (m_header->isSectionHidden(column))
            continue;
        const int width = m_header->sectionSize(column);
        m_header->hideSection(column);
        m_dropped.append({column, width});
        others -= width;
    }
    m_header->resizeSection(m_column, qBound(m_min, room - others, m_max));
    m_fitting = false;
}

bool FlexibleColumn::eventFilter(QObject *watched, QEvent *event)
{
    // Only the viewport kept from the start: while the view is being destroyed its children
    // still send events, and the view is no longer a view to ask for its viewport.
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fit();
    return QObject::eventFilter(watched, event);
}

int columnWidth(const QAbstractItemView *view, const QString &title, const QStringList &samples,
                int extra)
{
    const QFontMetrics fm = view->fontMetrics();
    // Room for the sort arrow beside the title, and the cell's margins.
    const int pad = 2 * fm.averageCharWidth();
    int widest = fm.horizontalAdvance(title) + pad + fm.height();
    for (const QString &s : samples)
        widest = qMax(widest, fm.horizontalAdvance(s) + pad + extra);
    return widest;
}

} // namespace fbm
