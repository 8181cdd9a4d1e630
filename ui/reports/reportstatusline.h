#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QSpinBox;

namespace fbm {

class ReportClient;
class ReportJobModel;

/// The line under the report jobs: how many there are (and shown by the filter), how many are
/// unfinished, when the list was updated and whether it refreshes, beside the automatic
/// refresh interval. The interval sits by the line that tells when the list was refreshed,
/// which leaves the toolbar room for the filter at 1280 pixels.
class ReportStatusLine final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportStatusLine)
public:
    ReportStatusLine(const ReportClient *client, const ReportJobModel *model,
                     const QSortFilterProxyModel *shown, QWidget *parent = nullptr);
    ~ReportStatusLine() override;

    /// Seconds between automatic refreshes; 0: off.
    [[nodiscard]] int interval() const;
    /// Sets the interval without announcing it.
    void setInterval(int seconds);

    /// Says it again. fetchedOnce: the server has answered (or failed) at least once;
    /// lastError: the last refresh's error, empty when it worked.
    void update(bool fetchedOnce, const QString &lastError);

Q_SIGNALS:
    /// The user changed the interval.
    void intervalChanged(int seconds);

private:
    const ReportClient *m_client;
    const ReportJobModel *m_model;
    const QSortFilterProxyModel *m_shown;
    QLabel *m_text = nullptr;
    QSpinBox *m_interval = nullptr;
};

} // namespace fbm
