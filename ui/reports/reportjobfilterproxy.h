#pragma once

#include <QIcon>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace fbm {

/// Sorts report jobs by the model's raw values, keeps rows whose text holds every word typed
/// (the full report class and the raw status too), and gives the status column its icon.
class ReportJobFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportJobFilterProxy)
public:
    explicit ReportJobFilterProxy(QObject *parent = nullptr);
    ~ReportJobFilterProxy() override;

    void setWords(const QString &text);
    void setStatusIcons(const QIcon &done, const QIcon &failed, const QIcon &unfinished);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    QIcon m_done;
    QIcon m_failed;
    QIcon m_unfinished;
};

} // namespace fbm
