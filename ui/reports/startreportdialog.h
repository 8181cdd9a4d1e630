#pragma once

#include "reports/reportclient.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace fbm {

/// Starts a report on the reporting server: lists its `$execute-<report>` operations (from
/// ReportClient::listReportOperations()), builds a form from the chosen operation's input
/// parameters (`anonymization` always, as an editable None / ANONYMIZED choice; `organization`
/// as a reference; `period` as two dates; the rest as text), and runs executeReport(). It
/// closes when the server has accepted the report (reportStarted()); a refusal stays in the
/// dialog so the user can correct the form.
class StartReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartReportDialog)
public:
    explicit StartReportDialog(ReportClient *client, QWidget *parent = nullptr);
    ~StartReportDialog() override;

    /// The chosen operation's report name ("patient-usage-stats"), or empty.
    [[nodiscard]] QString selectedReport() const;
    /// Chooses a report by name; false when the server does not offer it.
    bool selectReport(const QString &name);
    /// The operations offered, once listed.
    [[nodiscard]] QList<ReportOperation> operations() const { return m_operations; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isStarting() const { return m_starting; }

    /// The inputs the form holds now; problems (a required value missing, a period that ends
    /// before it starts) are described in errors, one sentence each.
    [[nodiscard]] QList<ReportInput> inputs(QStringList *errors = nullptr) const;

    /// The message the dialog shows (a loading note or an error), for tests.
    [[nodiscard]] QString messageText() const;

    void accept() override;

Q_SIGNALS:
    /// The server accepted `$execute-<name>`: a new job exists.
    void reportStarted(const QString &name);

private:
    struct Field
    {
        ReportInputDefinition definition;
        QWidget *editor = nullptr;
        std::function<QList<ReportInput>(QStringList *errors)> read;
    };

    void onOperationsListed(const QList<fbm::ReportOperation> &operations);
    void onOperationsFailed(const fbm::Error &error);
    void onOperationChosen();
    void buildForm(const ReportOperation &op);
    Field makeField(const ReportInputDefinition &def);
    void setMessage(const QString &text, bool error);
    void updateOk();

    QPointer<ReportClient> m_client;
    QList<ReportOperation> m_operations;
    QList<Field> m_fields;
    bool m_loading = false;
    bool m_starting = false;
    QString m_startingName;

    QComboBox *m_report = nullptr;
    QLabel *m_description = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fbm
