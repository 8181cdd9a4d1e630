#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtGlobal>

using namespace Qt::StringLiterals;

#ifndef FBM_QTKEYCHAIN_VERSION
#define FBM_QTKEYCHAIN_VERSION "unknown"
#endif

namespace fbm {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About FHIR Bulk Monitor"));

    auto *icon = new QLabel(this);
    icon->setObjectName(u"aboutIcon"_s);
    const QIcon appIcon =
        QIcon::fromTheme(QStringLiteral(FBM_APP_ID), QIcon(u":/icons/" FBM_APP_ID ".svg"_s));
    icon->setPixmap(appIcon.pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(this);
    title->setObjectName(u"aboutTitle"_s);
    //: %1 is the version number, e.g. 0.1.0
    title->setText(u"<h2>"_s + tr("FHIR Bulk Monitor %1").arg(version()).toHtmlEscaped() +
                   u"</h2>"_s);

    auto *description =
        new QLabel(tr("Start, watch and save FHIR Bulk Data exports, and follow report jobs on a "
                      "reporting server."),
                   this);
    description->setObjectName(u"aboutDescription"_s);
    description->setWordWrap(true);

    auto *license = new QLabel(this);
    license->setObjectName(u"aboutLicense"_s);
    license->setWordWrap(true);
    license->setTextFormat(Qt::RichText);
    license->setOpenExternalLinks(true);
    //: %1 is a link to the license text
    license->setText(
        tr("This program is free software under the %1: you may share and change it under "
           "the terms of that license, version 3 or any later version. It comes with no "
           "warranty.")
            .arg(u"<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"_s +
                 tr("GNU General Public License") + u"</a>"_s));

    auto *versions = new QLabel(this);
    versions->setObjectName(u"aboutVersions"_s);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    //: %1 is the Qt version in use, %2 the one it was built with, %3 QtKeychain's version
    versions->setText(tr("Qt %1 (built with %2) · QtKeychain %3")
                          .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                               QStringLiteral(FBM_QTKEYCHAIN_VERSION)));

    auto *website = new QLabel(this);
    website->setObjectName(u"aboutWebsite"_s);
    website->setOpenExternalLinks(true);
    website->setText(u"<a href=\"https://fhirbulkmonitor.org\">fhirbulkmonitor.org</a>"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"aboutButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(description);
    text->addWidget(license);
    text->addWidget(versions);
    text->addWidget(website);
    text->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::version()
{
    return QStringLiteral(FBM_VERSION);
}

QString AboutDialog::componentVersions()
{
    return u"Qt "_s + QString::fromLatin1(qVersion()) + u" (built with "_s +
           QStringLiteral(QT_VERSION_STR) + u") · QtKeychain "_s +
           QStringLiteral(FBM_QTKEYCHAIN_VERSION);
}

} // namespace fbm
