#pragma once

#include "viewtables.h"

#include <QFutureWatcher>
#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace fbm {

/// The Data tab's tables: a saved export's data as spreadsheets, through SQL on FHIR views (the
/// built-in ones and the user's own). "Open as spreadsheet" writes the chosen view's table into
/// the export's tables/ folder and opens it with the desktop's program for CSV files; "Save all
/// tables" writes one for every view the export has data for. Written off the GUI thread, with
/// the progress and a way to stop.
class TablesBox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablesBox)
public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit TablesBox(QWidget *parent = nullptr);
    ~TablesBox() override;

    /// The export folder; \a saved: its files are all saved (else nothing is offered).
    void setFolder(const QString &folder, bool saved);
    /// How a table is opened (the desktop's default program unless set; tests set their own).
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    [[nodiscard]] bool isWriting() const { return m_watcher.isRunning(); }
    /// The views offered for the folder, by name.
    [[nodiscard]] QStringList viewNames() const;
    /// Writes and opens the view called \a name (as its button does for the chosen one).
    void openAsSpreadsheet(const QString &name);
    void saveAll();

Q_SIGNALS:
    /// Tables were written (or it stopped, or failed): \a tables says which.
    void tablesWritten(const QList<fbm::ViewTable> &tables);

private:
    void start(const QList<ViewSource> &views, bool openWhenDone);
    void onFinished();
    void updateState();

    QString m_folder;
    bool m_saved = false;
    QList<ViewSource> m_views;
    QComboBox *m_choice;
    QPushButton *m_open;
    QPushButton *m_saveAll;
    QPushButton *m_stop;
    QLabel *m_status;
    QFutureWatcher<QList<ViewTable>> m_watcher;
    bool m_openWhenDone = false;
    UrlOpener m_openUrl;
};

} // namespace fbm
