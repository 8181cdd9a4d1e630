#include "formrows.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

namespace fbm {

QString plainLabel(QString text)
{
    text.remove(u'&');
    while (text.endsWith(u':'))
        text.chop(1);
    return text;
}

QLabel *addFormRow(QFormLayout *form, const QString &label, QWidget *field, QWidget *focus)
{
    QWidget *target = focus ? focus : field;
    auto *l = new QLabel(label);
    l->setBuddy(target);
    if (target->accessibleName().isEmpty())
        target->setAccessibleName(plainLabel(label));
    form->addRow(l, field);
    return l;
}

QLabel *hintLabel(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QWidget *fieldWithButton(QWidget *field, QWidget *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

} // namespace fbm
