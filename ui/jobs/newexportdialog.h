#pragma once

#include "auth/profile.h"
#include "exportrequest.h"
#include "jobmanager.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTimer;
class QToolButton;

namespace fbm {
class ChangesBox;
class HttpClient;
class ServerProbe;
class TypesPicker;
} // namespace fbm

/// Asks what to export and where: the server profile, the level (system, all patients, one
/// group picked from the server's list), the resource types, since/until (or "changes since my
/// last export"), the advanced parameters, the folder, and whether to download when done.
/// OK stays disabled while ExportRequest::validate() objects, and the reason is shown.
class NewExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewExportDialog)
public:
    /// clientFor gives the configured client (auth, headers, TLS) for a profile, used to list
    /// the server's groups; the dialog does not own it. manager may be null.
    NewExportDialog(const QList<fbm::Profile> &profiles, const QString &selectedProfileId,
                    fbm::JobManager *manager,
                    std::function<fbm::HttpClient *(const fbm::Profile &)> clientFor,
                    QWidget *parent = nullptr);
    ~NewExportDialog() override;

    [[nodiscard]] fbm::ExportRequest request() const;
    /// The options; outDir is the folder chosen under "Save in" (the export's own folder inside
    /// it is ExportFolder::forExport(), as exportFolder() shows).
    [[nodiscard]] fbm::JobOptions options() const;
    [[nodiscard]] QString profileId() const;
    /// The folder the files go to, as the dialog shows it: ExportFolder::forExport() for the
    /// chosen folder and request, now. Empty while no folder is chosen.
    [[nodiscard]] QString exportFolder() const;

    /// The common resource types offered as check boxes, most used first.
    /// A folder for exports when the profile names none: Documents/FHIR exports/<profile>.
    [[nodiscard]] static QString defaultOutputDir(const fbm::Profile &profile);

Q_SIGNALS:
    /// The server's groups were asked for and the answer (or the refusal) is shown.
    void groupsLoaded(bool ok);
    /// "Repeat Daily or Weekly…": schedule this request instead of starting it (the dialog
    /// closes).
    void repeatRequested();

protected:
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] const fbm::Profile *currentProfile() const;
    [[nodiscard]] fbm::ExportLevel level() const;
    void onProfileChanged();
    void loadGroups();
    void updateSinceLast();
    void updateFilesGoTo();
    void updateEnabled();
    void updateValidation();
    void browseOutputDir();
    /// The height the form needs at its width, up to the screen's; growOnly: only when it
    /// needs more than it has (a line of text came).
    void fitHeightToScreen(bool growOnly = false);
    QWidget *buildAdvanced();

    QList<fbm::Profile> m_profiles;
    bool m_fitPending = false; ///< a fitHeightToScreen(true) is queued
    QPointer<fbm::JobManager> m_manager;
    std::function<fbm::HttpClient *(const fbm::Profile &)> m_clientFor;
    std::unique_ptr<fbm::ServerProbe> m_groupProbe;
    QString m_groupsFor;            ///< the profile id whose groups are listed (or being listed)
    QString m_lastOutputDirDefault; ///< what the folder field was filled with automatically

    QComboBox *m_profile = nullptr;
    QRadioButton *m_system = nullptr;
    QRadioButton *m_patient = nullptr;
    QRadioButton *m_group = nullptr;
    QButtonGroup *m_levels = nullptr;
    QComboBox *m_groupCombo = nullptr;
    QLabel *m_groupStatus = nullptr;
    fbm::TypesPicker *m_types = nullptr;
    QLabel *m_filesGoTo = nullptr;
    QTimer *m_minuteTimer = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QPlainTextEdit *m_typeFilters = nullptr;
    QLineEdit *m_elements = nullptr;
    QComboBox *m_outputFormat = nullptr;
    QRadioButton *m_get = nullptr;
    QRadioButton *m_post = nullptr;
    QPlainTextEdit *m_patients = nullptr;
    QLabel *m_patientsNote = nullptr;
    QCheckBox *m_noCache = nullptr;
    QCheckBox *m_lenient = nullptr;
    fbm::ChangesBox *m_changes = nullptr;
    QLineEdit *m_outputDir = nullptr;
    QCheckBox *m_autoDownload = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_repeat = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
