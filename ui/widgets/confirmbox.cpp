#include "confirmbox.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fbm {

void ConfirmBox::ask(QWidget *parent, const QString &title, const QString &text,
                     const QString &acceptText, std::function<void()> onAccept)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(u"confirmBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(acceptText, QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmButton"_s);
    box->addButton(tr("Keep"), QMessageBox::RejectRole)->setObjectName(u"keepButton"_s);
    box->setDefaultButton(yes);
    QObject::connect(yes, &QPushButton::clicked, parent, std::move(onAccept));
    box->open();
}

} // namespace fbm
