#include "changesbox.h"

#include "clock.h"
#include "formrows.h"
#include "i18n.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

ChangesBox::ChangesBox(const Clock *clock, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString format = dateTimeFormat(); // the style of every other date on screen
    const QDateTime now = (clock ? clock : Clock::system())->now().toLocalTime();

    m_sinceLast = new QCheckBox(tr("Only changes since &my last export from this server"));
    m_sinceLast->setObjectName(u"sinceLastExportCheck"_s);
    m_sinceLastNote = hintLabel();
    m_sinceLastNote->setObjectName(u"sinceLastExportNote"_s);

    auto *sinceRow = new QHBoxLayout;
    m_sinceCheck = new QCheckBox(tr("Only &resources changed since"));
    m_sinceCheck->setObjectName(u"sinceCheck"_s);
    m_since = new QDateTimeEdit(now.addDays(-7));
    m_since->setObjectName(u"sinceEdit"_s);
    m_since->setAccessibleName(tr("Changed since"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(format);
    sinceRow->addWidget(m_sinceCheck);
    sinceRow->addWidget(m_since);
    sinceRow->addStretch(1);

    auto *untilRow = new QHBoxLayout;
    m_untilCheck = new QCheckBox(tr("and &before"));
    m_untilCheck->setObjectName(u"untilCheck"_s);
    m_until = new QDateTimeEdit(now);
    m_until->setObjectName(u"untilEdit"_s);
    m_until->setAccessibleName(tr("Changed before"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(format);
    m_untilCheck->setToolTip(tr("Sent as _until; servers implementing Bulk Data 2.0 may ignore "
                                "it."));
    untilRow->addWidget(m_untilCheck);
    untilRow->addWidget(m_until);
    untilRow->addStretch(1);

    layout->addWidget(m_sinceLast);
    layout->addWidget(m_sinceLastNote);
    layout->addLayout(sinceRow);
    layout->addLayout(untilRow);

    for (QCheckBox *c : {m_sinceCheck, m_untilCheck, m_sinceLast}) {
        connect(c, &QCheckBox::toggled, this, [this] {
            updateEnabled();
            Q_EMIT changed();
        });
    }
    for (QDateTimeEdit *e : {m_since, m_until})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &ChangesBox::changed);
    updateEnabled();
}

ChangesBox::~ChangesBox() = default;

QWidget *ChangesBox::firstField() const
{
    return m_sinceLast;
}

void ChangesBox::setLastExport(const QDateTime &transactionTime, bool otherDataFinished)
{
    m_lastTransaction = transactionTime;
    const bool have = m_lastTransaction.isValid();
    if (!have) {
        const QSignalBlocker block(m_sinceLast);
        m_sinceLast->setChecked(false);
    }
    m_sinceLast->setEnabled(have);
    if (have) {
        //: %1 is a date and time
        m_sinceLastNote->setText(tr("Your last finished export of the same data from this server "
                                    "was made at %1.")
                                     .arg(formatDateTime(m_lastTransaction.toLocalTime())));
    } else if (otherDataFinished) {
        // Not "nothing has finished": one has, of other data, which says nothing of this.
        m_sinceLastNote->setText(tr("Your finished exports from this server asked for other "
                                    "data (level, group or types), so there is nothing to "
                                    "continue from for this choice."));
    } else {
        m_sinceLastNote->setText(tr("No export from this server has finished yet, so there is "
                                    "nothing to continue from."));
    }
    updateEnabled();
}

QDateTime ChangesBox::since() const
{
    if (m_sinceLast->isChecked() && m_lastTransaction.isValid())
        return m_lastTransaction;
    return m_sinceCheck->isChecked() ? m_since->dateTime().toUTC() : QDateTime();
}

QDateTime ChangesBox::until() const
{
    return m_untilCheck->isChecked() ? m_until->dateTime().toUTC() : QDateTime();
}

void ChangesBox::updateEnabled()
{
    const bool sinceLast = m_sinceLast->isChecked() && m_lastTransaction.isValid();
    if (sinceLast) {
        const QSignalBlocker block(m_sinceCheck);
        m_sinceCheck->setChecked(true);
        const QSignalBlocker blockEdit(m_since);
        m_since->setDateTime(m_lastTransaction.toLocalTime());
    }
    m_sinceCheck->setEnabled(!sinceLast);
    m_since->setEnabled(m_sinceCheck->isChecked() && !sinceLast);
    m_until->setEnabled(m_untilCheck->isChecked());
}

} // namespace fbm
