#pragma once

#include "exportoverview.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace fbm {

class OverviewProblemsModel;
class OverviewTypesModel;
class ResourceBrowser;
class TablesBox;

/// The Data tab of the job details: what a saved export holds (ExportOverview, read in the
/// background with a progress line and a way to stop), per type and the lines that are not
/// resources of their file's type; Browse… opens the resources of a type.
class DataTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataTab)
public:
    explicit DataTab(QWidget *parent = nullptr);
    ~DataTab() override;

    /// The export folder to show; \a saved: its files are all saved (else nothing is read).
    void setFolder(const QString &folder, bool saved);
    /// The tab is on screen: the overview is read then, not for every export clicked on.
    void setActive(bool active);

    [[nodiscard]] OverviewTypesModel *typesModel() const { return m_typesModel; }
    [[nodiscard]] bool isReading() const { return m_watcher.isRunning(); }
    /// The tables made from the export by views.
    [[nodiscard]] TablesBox *tables() const { return m_tables; }
    /// The browser, once opened (for tests).
    [[nodiscard]] ResourceBrowser *browser() const { return m_browser; }
    /// Opens the browser on the type of \a row of the table (-1: the selected one).
    void browse(int row = -1);

Q_SIGNALS:
    /// An overview was read to its end (or stopped).
    void overviewReady();

private:
    void startReading();
    void stopReading();
    void onFinished();
    void updateState();

    QString m_folder;
    bool m_saved = false;
    bool m_active = false;
    QString m_shownFolder; ///< whose overview the tables show (or are reading)
    QFutureWatcher<ExportOverview> m_watcher;
    /// The overviews read to their end, by folder: clicking back to an export shows it again
    /// without reading gigabytes (Read again reads anew).
    QHash<QString, ExportOverview> m_read;
    OverviewTypesModel *m_typesModel;
    OverviewProblemsModel *m_problemsModel;
    QLabel *m_status;
    QPushButton *m_stop;
    QPushButton *m_again;
    QPushButton *m_browse;
    QTableView *m_types;
    QLabel *m_problemsTitle;
    QTableView *m_problems;
    ResourceBrowser *m_browser = nullptr;
    TablesBox *m_tables = nullptr;
};

} // namespace fbm
