#include "serverpage.h"

#include "filechooser.h"
#include "formrows.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fbm {

ServerPage::ServerPage(const Profile &profile, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(profile.name);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("For example: eHealth production"));
    addFormRow(form, tr("&Name:"), m_name);

    m_baseUrl = new QLineEdit(profile.baseUrl.toString());
    m_baseUrl->setObjectName(u"baseUrlEdit"_s);
    m_baseUrl->setPlaceholderText(u"https://fhir.example.org/fhir"_s);
    m_baseUrl->setToolTip(tr("The FHIR base address: the one that [base]/metadata answers on."));
    addFormRow(form, tr("Server &address:"), m_baseUrl);

    m_kind = new QComboBox;
    m_kind->setObjectName(u"kindCombo"_s);
    m_kind->addItem(tr("Bulk Data export server"), false);
    m_kind->addItem(tr("Reporting server (report jobs)"), true);
    m_kind->setCurrentIndex(profile.reporting ? 1 : 0);
    addFormRow(form, tr("&Kind of server:"), m_kind);

    m_outputDir = new QLineEdit(QDir::toNativeSeparators(profile.outputDir));
    m_outputDir->setObjectName(u"outputDirEdit"_s);
    m_outputDir->setPlaceholderText(tr("Chosen for each export"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(u"outputDirBrowseButton"_s);
    browse->setAccessibleName(tr("Browse for the export folder"));
    addFormRow(form, tr("Export &folder:"), fieldWithButton(m_outputDir, browse), m_outputDir);
    connect(browse, &QPushButton::clicked, this, &ServerPage::browseOutputDir);

    m_keepOnServer = new QCheckBox(tr("&Leave the files on the server once they are saved"));
    m_keepOnServer->setObjectName(u"keepOnServerCheck"_s);
    m_keepOnServer->setChecked(profile.keepFilesOnServer);
    m_keepOnServer->setToolTip(
        tr("Normally the server is told that it may remove an export's files as soon as every "
           "file is saved and checked here (some servers allow only one export at a time until "
           "then). Tick this when other programs fetch the same files."));
    addFormRow(form, tr("After saving:"), m_keepOnServer, m_keepOnServer);

    m_gzip = new QCheckBox(tr("Store the files &compressed (.ndjson.gz)"));
    m_gzip->setObjectName(u"gzipCheck"_s);
    m_gzip->setChecked(profile.gzipOutputs);
    m_gzip->setToolTip(
        tr("Each file is checked against the manifest as it comes, then saved compressed "
           "(Patient.1.ndjson.gz and so on), often a tenth of the size. Programs that read the "
           "files must read gzip (zcat, gunzip, or most data tools)."));
    addFormRow(form, tr("Files:"), m_gzip, m_gzip);

    m_attachments = new QCheckBox(tr("Also sa&ve attachments (clinical notes, reports)"));
    m_attachments->setObjectName(u"attachmentsCheck"_s);
    m_attachments->setChecked(profile.downloadAttachments);
    m_attachments->setToolTip(
        tr("Documents and reports in an export often name their content (a PDF, a note) by "
           "address instead of holding it. Tick this to save those files too, into the export's "
           "attachments folder. Only the export's own server is asked."));
    addFormRow(form, QString(), m_attachments, m_attachments);

    connect(m_name, &QLineEdit::textChanged, this, &ServerPage::changed);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ServerPage::baseUrlChanged);
    connect(m_baseUrl, &QLineEdit::editingFinished, this, &ServerPage::baseUrlEdited);
}

ServerPage::~ServerPage() = default;

void ServerPage::applyTo(Profile &p) const
{
    p.name = m_name->text().trimmed();
    QString base = m_baseUrl->text().trimmed();
    while (base.endsWith(u'/') && base.size() > 1 && !base.endsWith(u"//"_s))
        base.chop(1);
    p.baseUrl = QUrl(base);
    p.reporting = m_kind->currentData().toBool();
    p.outputDir = QDir::fromNativeSeparators(m_outputDir->text().trimmed());
    p.keepFilesOnServer = m_keepOnServer->isChecked();
    p.gzipOutputs = m_gzip->isChecked();
    p.downloadAttachments = m_attachments->isChecked();
}

QString ServerPage::baseUrlText() const
{
    return m_baseUrl->text().trimmed();
}

void ServerPage::focusName()
{
    m_name->setFocus();
}

void ServerPage::browseOutputDir()
{
    const QString dir = FileChooser::dialogs()->existingFolder(
        this, tr("Export Folder"), QDir::fromNativeSeparators(m_outputDir->text()));
    if (!dir.isEmpty())
        m_outputDir->setText(QDir::toNativeSeparators(dir));
}

} // namespace fbm
