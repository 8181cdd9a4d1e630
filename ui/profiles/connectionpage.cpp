#include "connectionpage.h"

#include "filechooser.h"
#include "formrows.h"

#include <QCheckBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

ConnectionPage::ConnectionPage(const Profile &profile, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *headersBox = new QWidget;
    auto *headersLayout = new QVBoxLayout(headersBox);
    headersLayout->setContentsMargins(0, 0, 0, 0);
    m_headers = new QTableWidget(0, 2);
    m_headers->setObjectName(u"headersTable"_s);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, fontMetrics().horizontalAdvance(u'x') * 24);
    m_headers->verticalHeader()->hide();
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setTabKeyNavigation(false);
    m_headers->setMinimumHeight(fontMetrics().height() * 6);
    m_headers->setMaximumHeight(fontMetrics().height() * 12);
    auto *headerButtons = new QHBoxLayout;
    auto *addHeader = new QPushButton(tr("A&dd Header"));
    addHeader->setObjectName(u"addHeaderButton"_s);
    auto *removeHeader = new QPushButton(tr("Re&move Header"));
    removeHeader->setObjectName(u"removeHeaderButton"_s);
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch(1);
    headersLayout->addWidget(m_headers);
    headersLayout->addLayout(headerButtons);
    headersLayout->addWidget(
        hintLabel(tr("Sent with every request to this server, for example a tenant or an API "
                     "gateway key. Not for tokens: those belong on the Authorization page, "
                     "where they are kept in the keychain.")));
    addFormRow(form, tr("E&xtra headers:"), headersBox, m_headers);
    for (const auto &h : std::as_const(profile.extraHeaders))
        addHeaderRow(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    connect(addHeader, &QPushButton::clicked, this, [this] {
        addHeaderRow();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(removeHeader, &QPushButton::clicked, this, &ConnectionPage::removeHeaderRow);
    connect(m_headers, &QTableWidget::itemChanged, this, &ConnectionPage::changed);

    m_caFile = new QLineEdit(QDir::toNativeSeparators(profile.caCertificateFile));
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("Only if your organisation uses its own authority"));
    auto *caBrowse = new QPushButton(tr("Bro&wse…"));
    caBrowse->setObjectName(u"caFileBrowseButton"_s);
    caBrowse->setAccessibleName(tr("Browse for the CA certificate"));
    addFormRow(form, tr("CA &certificate (PEM):"), fieldWithButton(m_caFile, caBrowse), m_caFile);
    connect(caBrowse, &QPushButton::clicked, this, &ConnectionPage::browseCaFile);
    connect(m_caFile, &QLineEdit::textChanged, this, &ConnectionPage::changed);

    auto *insecureBox = new QWidget;
    auto *insecureLayout = new QVBoxLayout(insecureBox);
    insecureLayout->setContentsMargins(0, 0, 0, 0);
    m_insecureToken = new QCheckBox(tr("Send the token over unencrypted &HTTP"));
    m_insecureToken->setObjectName(u"insecureTokenCheck"_s);
    m_insecureToken->setChecked(profile.allowInsecureToken);
    m_insecureWarning = new QLabel;
    m_insecureWarning->setObjectName(u"insecureWarning"_s);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setText(
        tr("Warning: over http:// anyone on the network path can read the token and use it to "
           "read patient data. Allow this only for a test server on a network you trust."));
    insecureLayout->addWidget(m_insecureToken);
    insecureLayout->addWidget(m_insecureWarning);
    addFormRow(form, tr("Plain HTTP:"), insecureBox, m_insecureToken);
    connect(m_insecureToken, &QCheckBox::toggled, this,
            [this] { updateInsecureWarning(m_baseUrl); });

    m_privateNetworks = new QCheckBox(tr("Files may come from &private networks"));
    m_privateNetworks->setObjectName(u"privateNetworksCheck"_s);
    m_privateNetworks->setChecked(profile.allowPrivateNetworks);
    m_privateNetworks->setToolTip(
        tr("Let file downloads and redirects reach addresses in private networks (10.x, "
           "172.16-31.x, 192.168.x) on other hosts than this server, where your organisation "
           "keeps the export's storage. Cloud metadata addresses are never reached."));
    addFormRow(form, tr("Networks:"), m_privateNetworks, m_privateNetworks);
    updateInsecureWarning(profile.baseUrl.toString());
}

ConnectionPage::~ConnectionPage() = default;

QList<ConnectionPage::Row> ConnectionPage::headerRows() const
{
    QList<Row> rows;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name =
            m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        if (!name.isEmpty() || !value.trimmed().isEmpty())
            rows.append({row, name, value});
    }
    return rows;
}

void ConnectionPage::applyTo(Profile &p) const
{
    p.extraHeaders.clear();
    const QList<Row> rows = headerRows();
    for (const Row &r : rows) {
        if (const auto header = Profile::parseHeader(r.name + u": "_s + r.value))
            p.extraHeaders.append(*header);
    }
    p.caCertificateFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    p.allowInsecureToken = m_insecureToken->isChecked();
    p.allowPrivateNetworks = m_privateNetworks->isChecked();
}

QString ConnectionPage::headersProblem() const
{
    const QList<Row> rows = headerRows();
    for (const Row &r : rows) {
        if (r.name.compare("Authorization"_L1, Qt::CaseInsensitive) == 0)
            //: %1 is the name of an authorization kind, "Static bearer token" or similar
            return tr("Do not put the Authorization header among the extra headers: choose "
                      "\"%1\" on the Authorization page, so that the token is kept in the "
                      "keychain.")
                .arg(Profile::authKindTitle(Profile::AuthKind::StaticToken));
        if (!Profile::parseHeader(r.name + u": "_s + r.value))
            //: %1 is a row number
            return tr("Extra header %1 is not valid: the name must be a single word (letters, "
                      "digits, '-'), the value a single line.")
                .arg(r.row + 1);
    }
    return {};
}

void ConnectionPage::updateInsecureWarning(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
    const bool plain = QUrl(baseUrl.trimmed()).scheme() == "http"_L1;
    m_insecureWarning->setVisible(m_insecureToken->isChecked());
    m_insecureToken->setToolTip(plain ? QString()
                                      : tr("Only matters for a server address starting with "
                                           "http://."));
}

void ConnectionPage::addHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void ConnectionPage::removeHeaderRow()
{
    const int row = m_headers->currentRow();
    if (row >= 0)
        m_headers->removeRow(row);
    Q_EMIT changed();
}

void ConnectionPage::browseCaFile()
{
    const QString file = FileChooser::dialogs()->openFileName(
        this, tr("CA Certificate"), QDir::fromNativeSeparators(m_caFile->text()),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(file));
}

} // namespace fbm
