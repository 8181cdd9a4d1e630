#pragma once

#include "schedule/schedule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;

namespace fbm {

class FileChooser;

/// "Repeat…": one recurring export, daily or weekly at a time, only the changes since the last
/// run (on by default) or every run a whole export, and the folder each run's dated folder is
/// made in. It shows the exact command the timer will run; OK stays disabled while the
/// schedule has a problem, and the problem is shown.
class ScheduleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleDialog)
public:
    /// \a initial: the request (exportArguments), profile and folder to repeat; \a profiles: the
    /// names offered; \a program: the executable the command line names; \a chooser: the folder
    /// picker (null: the file dialog).
    ScheduleDialog(const Schedule &initial, const QStringList &profiles, QString program,
                   FileChooser *chooser = nullptr, QWidget *parent = nullptr);
    ~ScheduleDialog() override;

    [[nodiscard]] Schedule schedule() const;

private:
    void updateState();
    void browse();

    Schedule m_initial;
    QString m_program;
    FileChooser *m_chooser;
    QLineEdit *m_name = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_repeat = nullptr;
    QComboBox *m_day = nullptr;
    QTimeEdit *m_time = nullptr;
    QCheckBox *m_changesOnly = nullptr;
    QLineEdit *m_saveIn = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fbm
