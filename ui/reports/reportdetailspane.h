#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace fbm {

struct ReportJob;

/// Everything the server says about one report job, part by part (parameters and unknown parts
/// as sub-entries), with Copy for a value. Rebuilt only when the job changed, so the reader's
/// place in it is kept across refreshes.
class ReportDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDetailsPane)
public:
    explicit ReportDetailsPane(QWidget *parent = nullptr);
    ~ReportDetailsPane() override;

    /// job may be null (nothing selected). downloadUrl: where its report is fetched from;
    /// savedPath: where it was saved (empty: not saved).
    void showJob(const ReportJob *job, const QUrl &downloadUrl, const QString &savedPath);

private:
    QLabel *m_empty = nullptr;
    QTreeWidget *m_tree = nullptr;
    QString m_signature;
};

} // namespace fbm
