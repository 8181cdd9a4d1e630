#include "progressdelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr int kGap = 6; // between the bar and the link, and at the cell's end

} // namespace

ProgressDelegate::ProgressDelegate(int progressRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(progressRole)
{}

ProgressDelegate::~ProgressDelegate() = default;

QString ProgressDelegate::actionText(const QModelIndex &index) const
{
    return m_actionRole < 0 ? QString() : index.data(m_actionRole).toString();
}

QRect ProgressDelegate::actionRect(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QString text = actionText(index);
    if (text.isEmpty())
        return {};
    QFont font = option.font;
    font.setUnderline(true);
    const int width = QFontMetrics(font).horizontalAdvance(text);
    // The link keeps its whole text; the bar or the words give way.
    const int w = qMin(width, qMax(0, option.rect.width() - kGap * 2));
    return {option.rect.right() - kGap - w + 1, option.rect.top(), w, option.rect.height()};
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    const QRect link = actionRect(option, index);
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QRect body = option.rect;
    if (!link.isEmpty())
        body.setRight(link.left() - kGap);

    if (!value.isValid()) {
        // Words only: the view's own text drawing (elided), leaving room for the link.
        if (link.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const QString text = item.text;
        item.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
        QStyleOptionViewItem words(item);
        words.rect = body;
        words.text = text;
        style->drawControl(QStyle::CE_ItemViewItem, &words, painter, widget);
    } else {
        const QString text = item.text;
        item.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

        QStyleOptionProgressBar bar;
        bar.initFrom(widget);
        const int vMargin = qMax(2, option.rect.height() / 8);
        bar.rect = body.adjusted(3, vMargin, -3, -vMargin);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.state &= ~QStyle::State_Selected;
        const int percent = value.toInt();
        // minimum == maximum: the style's busy indicator (the server works without saying
        // how far).
        bar.minimum = 0;
        bar.maximum = percent < 0 ? 0 : 100;
        bar.progress = qMax(0, percent);
        bar.text = bar.fontMetrics.elidedText(text, Qt::ElideRight, bar.rect.width() - 4);
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.palette = option.palette;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }

    if (!link.isEmpty()) {
        painter->save();
        QFont font = option.font;
        font.setUnderline(true);
        painter->setFont(font);
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link));
        painter->drawText(
            link, Qt::AlignVCenter | Qt::AlignLeft,
            QFontMetrics(font).elidedText(actionText(index), Qt::ElideRight, link.width()));
        painter->restore();
    }
}

bool ProgressDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QRect link = actionRect(option, index);
        if (mouse->button() == Qt::LeftButton && link.contains(mouse->position().toPoint())) {
            Q_EMIT actionTriggered(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width(), option.fontMetrics.horizontalAdvance(u"0000000000000"_s)));
    return s;
}

} // namespace fbm
