#include "scheduledialog.h"

#include "filechooser.h"
#include "formrows.h"
#include "schedule/systemdunits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

ScheduleDialog::ScheduleDialog(const Schedule &initial, const QStringList &profiles,
                               QString program, FileChooser *chooser, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_program(std::move(program))
    , m_chooser(chooser ? chooser : FileChooser::dialogs())
{
    setWindowTitle(tr("Repeat Export"));
    setObjectName(u"scheduleDialog"_s);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(initial.name);
    m_name->setObjectName(u"scheduleName"_s);
    m_name->setPlaceholderText(tr("for example nightly-heart-group"));
    addFormRow(form, tr("&Name:"), m_name);

    m_profile = new QComboBox;
    m_profile->setObjectName(u"scheduleProfile"_s);
    m_profile->addItems(profiles);
    if (!initial.profile.isEmpty() && !profiles.contains(initial.profile))
        m_profile->addItem(initial.profile);
    m_profile->setCurrentText(initial.profile);
    addFormRow(form, tr("Ser&ver:"), m_profile);

    m_repeat = new QComboBox;
    m_repeat->setObjectName(u"scheduleRepeat"_s);
    m_repeat->addItem(tr("Every day"));
    m_repeat->addItem(tr("Every week on"));
    m_repeat->setCurrentIndex(initial.repeat == Schedule::Repeat::Weekly ? 1 : 0);
    m_day = new QComboBox;
    m_day->setObjectName(u"scheduleDay"_s);
    for (int day = 1; day <= 7; ++day)
        m_day->addItem(QLocale().standaloneDayName(day));
    m_day->setCurrentIndex(qBound(1, initial.weekday, 7) - 1);
    m_time = new QTimeEdit(initial.time.isValid() ? initial.time : QTime(2, 0));
    m_time->setObjectName(u"scheduleTime"_s);
    m_time->setDisplayFormat(u"HH:mm"_s);
    auto *when = new QWidget;
    auto *whenRow = new QHBoxLayout(when);
    whenRow->setContentsMargins(0, 0, 0, 0);
    whenRow->addWidget(m_repeat);
    whenRow->addWidget(m_day);
    //: between the day and the time: "Every week on Monday at 02:00"
    whenRow->addWidget(new QLabel(tr("at")));
    whenRow->addWidget(m_time);
    whenRow->addStretch();
    addFormRow(form, tr("&Repeat:"), when, m_repeat);

    m_changesOnly = new QCheckBox(tr("Only the &changes since the last run"));
    m_changesOnly->setObjectName(u"scheduleChangesOnly"_s);
    m_changesOnly->setChecked(!initial.full);
    form->addRow(QString(), m_changesOnly);

    m_saveIn = new QLineEdit(initial.saveIn);
    m_saveIn->setObjectName(u"scheduleSaveIn"_s);
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &ScheduleDialog::browse);
    addFormRow(form, tr("Save &in:"), fieldWithButton(m_saveIn, browse), m_saveIn);
    form->addRow(QString(), hintLabel(tr("Each run saves into a folder of its own, named by its "
                                         "date and time, inside this folder.")));

    m_command = new QPlainTextEdit;
    m_command->setObjectName(u"scheduleCommand"_s);
    m_command->setReadOnly(true);
    m_command->setMaximumHeight(m_command->fontMetrics().lineSpacing() * 5);
    addFormRow(form, tr("Each run &executes:"), m_command);

    m_problem = new QLabel;
    m_problem->setObjectName(u"scheduleProblem"_s);
    m_problem->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Schedule"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &ScheduleDialog::updateState);
    connect(m_profile, &QComboBox::currentTextChanged, this, &ScheduleDialog::updateState);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &ScheduleDialog::updateState);
    connect(m_day, &QComboBox::currentIndexChanged, this, &ScheduleDialog::updateState);
    connect(m_time, &QTimeEdit::timeChanged, this, &ScheduleDialog::updateState);
    connect(m_changesOnly, &QCheckBox::toggled, this, &ScheduleDialog::updateState);
    connect(m_saveIn, &QLineEdit::textChanged, this, &ScheduleDialog::updateState);
    updateState();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ScheduleDialog::~ScheduleDialog() = default;

Schedule ScheduleDialog::schedule() const
{
    Schedule s = m_initial;
    s.name = m_name->text().trimmed();
    s.profile = m_profile->currentText();
    s.repeat = m_repeat->currentIndex() == 1 ? Schedule::Repeat::Weekly : Schedule::Repeat::Daily;
    s.weekday = m_day->currentIndex() + 1;
    s.time = QTime(m_time->time().hour(), m_time->time().minute());
    s.full = !m_changesOnly->isChecked();
    s.saveIn = m_saveIn->text().trimmed();
    return s;
}

void ScheduleDialog::updateState()
{
    m_day->setEnabled(m_repeat->currentIndex() == 1);
    const Schedule s = schedule();
    const QString problem = s.problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_command->setPlainText(SystemdUnits::execLine(s.command(m_program)));
}

void ScheduleDialog::browse()
{
    const QString dir =
        m_chooser->existingFolder(this, tr("Save the Runs In"), m_saveIn->text().trimmed());
    if (!dir.isEmpty())
        m_saveIn->setText(dir);
}

} // namespace fbm
