#pragma once

#include "auth/profile.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace fbm {

/// The profile editor's Connection page: extra headers, a CA certificate, plain HTTP for the
/// token, and files from private networks.
class ConnectionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionPage)
public:
    explicit ConnectionPage(const Profile &profile, QWidget *parent = nullptr);
    ~ConnectionPage() override;

    /// Writes the page's fields into p.
    void applyTo(Profile &p) const;
    /// Why the extra headers cannot be saved, or empty.
    [[nodiscard]] QString headersProblem() const;
    /// The plain-HTTP warning for the address as typed on the Server page.
    void updateInsecureWarning(const QString &baseUrl);

Q_SIGNALS:
    void changed();

private:
    void addHeaderRow(const QString &name = {}, const QString &value = {});
    void removeHeaderRow();
    void browseCaFile();
    /// The rows of the headers table that are not empty, as (row, name, value).
    struct Row
    {
        int row;
        QString name;
        QString value;
    };
    [[nodiscard]] QList<Row> headerRows() const;

    QTableWidget *m_headers = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_insecureToken = nullptr;
    QCheckBox *m_privateNetworks = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QString m_baseUrl;
};

} // namespace fbm
