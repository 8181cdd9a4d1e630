#include "secretfield.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fbm {

SecretField::SecretField(const QString &objectPrefix, const QString &placeholder, QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName(objectPrefix + u"Status"_s);
    m_edit = new QLineEdit;
    m_edit->setObjectName(objectPrefix + u"Edit"_s);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(placeholder);
    m_edit->setClearButtonEnabled(true);
    m_replace = new QPushButton(tr("Replace…"));
    m_replace->setObjectName(objectPrefix + u"Replace"_s);
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(objectPrefix + u"Remove"_s);
    m_undo = new QPushButton(tr("Undo"));
    m_undo->setObjectName(objectPrefix + u"Undo"_s);
    row->addWidget(m_status, 1);
    row->addWidget(m_edit, 1);
    row->addWidget(m_replace);
    row->addWidget(m_remove);
    row->addWidget(m_undo);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::changed);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        m_replacing = true;
        refresh();
        m_edit->setFocus();
        Q_EMIT changed();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_removing = true;
        refresh();
        Q_EMIT changed();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_replacing = false;
        m_removing = false;
        m_edit->clear();
        refresh();
        Q_EMIT changed();
    });
    refresh();
}

SecretField::~SecretField() = default;

void SecretField::setAccessibleLabel(const QString &name)
{
    m_edit->setAccessibleName(name);
    //: %1 names a secret, e.g. "Client secret"
    m_replace->setAccessibleName(tr("Replace %1").arg(name));
    //: %1 names a secret, e.g. "Client secret"
    m_remove->setAccessibleName(tr("Remove %1").arg(name));
}

void SecretField::setState(SecretState state, bool persistent)
{
    m_state = state;
    m_persistent = persistent;
    refresh();
}

QWidget *SecretField::edit() const
{
    return m_edit;
}

std::optional<QByteArray> SecretField::newValue() const
{
    if (m_edit->isHidden() || m_edit->text().trimmed().isEmpty())
        return std::nullopt;
    return m_edit->text().trimmed().toUtf8();
}

bool SecretField::hasSecret() const
{
    if (newValue())
        return true;
    return !m_removing && m_state != SecretState::Absent;
}

void SecretField::refresh()
{
    const bool stored = m_state == SecretState::Stored || m_state == SecretState::Unreadable;
    const bool typing = m_state == SecretState::Absent || (stored && m_replacing);
    m_edit->setVisible(typing && !m_removing);
    m_status->setVisible(!typing || m_removing);
    m_replace->setVisible(stored && !m_replacing && !m_removing);
    m_remove->setVisible(stored && !m_replacing && !m_removing);
    m_undo->setVisible(m_replacing || m_removing);
    m_undo->setText(m_replacing ? tr("Cancel") : tr("Undo"));
    if (m_removing)
        m_status->setText(tr("Will be removed when you press OK."));
    else if (m_state == SecretState::Checking)
        m_status->setText(tr("Checking the keychain…"));
    else if (m_state == SecretState::Unreadable)
        m_status->setText(tr("The keychain could not be read."));
    else if (m_persistent)
        m_status->setText(tr("Stored in the keychain."));
    else
        m_status->setText(tr("Kept for this session only."));
}

} // namespace fbm
