#include "helpdialog.h"

#include "exportjob.h"
#include "session.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// The anchors of the sections, in the order of headings().
constexpr std::array<const char *, 7> kAnchors = {"export", "levels", "states",  "files",
                                                  "expiry", "again",  "quitting"};

QString paragraph(const QString &text)
{
    return u"<p>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

/// A list of terms and what they mean.
QString terms(const QList<std::pair<QString, QString>> &entries)
{
    QString html = u"<dl>"_s;
    for (const auto &[term, meaning] : entries)
        html += u"<dt><b>"_s + term.toHtmlEscaped() + u"</b></dt><dd>"_s + meaning.toHtmlEscaped() +
                u"</dd>"_s;
    return html + u"</dl>"_s;
}

} // namespace

HelpDialog::HelpDialog(const HelpKeys &keys, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"helpDialog"_s);
    setWindowTitle(tr("FHIR Bulk Monitor Guide"));
    m_browser->setObjectName(u"helpBrowser"_s);
    m_browser->setAccessibleName(tr("Guide"));
    m_browser->setOpenLinks(true);
    m_browser->setOpenExternalLinks(false);
    m_browser->setHtml(guideHtml(keys));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"buttonBox"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    const QFontMetrics fm = fontMetrics();
    resize(fm.averageCharWidth() * 100, fm.height() * 44);
    m_browser->setFocus();
}

HelpDialog::~HelpDialog() = default;

QStringList HelpDialog::headings()
{
    return {
        tr("What an export is"),           tr("What to export: system, Patient or Group"),
        tr("What the states mean"),        tr("Where the files go"),
        tr("When the files expire"),       tr("Cancel, retry and run again"),
        tr("Quitting and starting again"),
    };
}

QString HelpDialog::guideHtml(const HelpKeys &keys)
{
    const auto key = [](const QKeySequence &k) {
        return k.toString(QKeySequence::NativeText);
    };
    const QStringList titles = headings();
    const auto heading = [&titles](int section) {
        return u"<h2><a name=\"%1\"></a>%2</h2>"_s.arg(
            QString::fromLatin1(kAnchors[size_t(section)]), titles.at(section).toHtmlEscaped());
    };

    QString html;
    // Contents: links to the sections.
    html += u"<p>"_s;
    for (int i = 0; i < titles.size(); ++i) {
        if (i > 0)
            html += u"<br>"_s;
        html += u"<a href=\"#%1\">%2</a>"_s.arg(QString::fromLatin1(kAnchors[size_t(i)]),
                                                titles.at(i).toHtmlEscaped());
    }
    html += u"</p>"_s;

    html += heading(0);
    html += paragraph(tr("An export copies data from a FHIR server into a folder on this "
                         "computer. You choose the server, what to export and the folder; the "
                         "server then gathers the data, which can take from seconds to hours. "
                         "This program checks on the export until the server is done, and then "
                         "saves the files."));
    //: %1 is the New export command's keyboard shortcut (Ctrl+N)
    html += paragraph(tr("Start one with New export (%1). Meanwhile you can start more exports, "
                         "or quit: the program carries on when you start it again.")
                          .arg(key(keys.newExport)));

    html += heading(1);
    html += terms({
        {tr("Everything on the server (system)"),
         tr("Every resource of the chosen types on the server, not only patient data. Some "
            "servers allow this only to administrators.")},
        {tr("All patients (Patient)"),
         tr("The records of all patients and what belongs to them, such as their "
            "observations, conditions and medications.")},
        {tr("The patients of one group (Group)"),
         tr("The same, but only for the patients of one group on the server, for example a "
            "study cohort or a clinic's list. Pick the group from the server's list or type "
            "its id.")},
    });
    html += paragraph(tr("Under Resource types you choose which kinds of data to export, for "
                         "example Patient and Observation. With none chosen, the server exports "
                         "every type it has."));

    html += heading(2);
    html += paragraph(tr("The State column shows where each export is:"));
    html += terms({
        {jobStateText(JobState::Starting),
         tr("The program is asking the server to start the export.")},
        {jobStateText(JobState::Running),
         tr("The server is gathering the data. The program asks it now and then how far it "
            "is: Next check counts down to the next question, and Server says shows the "
            "server's last answer.")},
        {jobStateText(JobState::Completed),
         //: %1 is the Download files command's keyboard shortcut (Ctrl+D)
         tr("The server has the files ready. They are downloaded at once, unless you turned "
            "that off in New export; then choose Download files (%1).")
             .arg(key(keys.download))},
        {jobStateText(JobState::Downloading),
         tr("The files are being saved in the export's folder.")},
        {jobStateText(JobState::Saved),
         //: %1 is the Open folder command's keyboard shortcut (Ctrl+O)
         tr("Every file is saved and checked. The export is done: Open folder (%1) shows the "
            "files.")
             .arg(key(keys.openFolder))},
        {jobStateText(JobState::Failed),
         //: %1 is the Retry command's keyboard shortcut (Ctrl+R)
         tr("Something went wrong; the Details tab says what. Retry (%1) carries on from where "
            "it stopped.")
             .arg(key(keys.retry))},
        {jobStateText(JobState::Cancelled),
         tr("The export was cancelled and the server was asked to stop. Files already saved "
            "stay in the folder.")},
        {jobStateText(JobState::Expired),
         tr("The server no longer has the export or its files. Start a new export to get the "
            "data.")},
    });

    html += heading(3);
    //: %1 is the name of the folder in Documents (FHIR exports), %2 the Open folder
    //: command's keyboard shortcut (Ctrl+O)
    html += paragraph(tr("Each export is saved in a folder of its own: the one you choose in New "
                         "export, by default in Documents/%1, under the server's name. Open "
                         "folder (%2), or a double click on a saved export, opens it.")
                          .arg(Session::tr("FHIR exports"), key(keys.openFolder)));
    html += paragraph(tr("There is one file per resource type, such as Patient.1.ndjson or "
                         "Observation.1.ndjson (a large type is split into more files). Each "
                         "line is one record in FHIR's JSON format. What the server wrote about "
                         "problems is in the errors folder, and manifest.json lists everything "
                         "the server delivered."));

    html += heading(4);
    //: %1 is the state's name (Expired)
    html += paragraph(tr("A server keeps the files of a finished export only for a while, often "
                         "a few hours. The Files expire column counts down the time left. "
                         "After that the files can no longer be downloaded: the state becomes "
                         "%1, and the export must be started again.")
                          .arg(jobStateText(JobState::Expired)));
    html += paragraph(tr("Files already saved on this computer never expire. When the program "
                         "warns that the server will soon delete files that are not saved, "
                         "choose Save files now."));

    html += heading(5);
    //: %1 is the Cancel export command's keyboard shortcut (Ctrl+.)
    html += paragraph(tr("Cancel export (%1) asks the server to stop. The work the server has "
                         "done is lost; files already saved stay in their folder.")
                          .arg(key(keys.cancel)));
    //: %1 is the Retry command's keyboard shortcut (Ctrl+R), %2 New export's (Ctrl+N)
    html += paragraph(tr("Retry (%1) carries on with a failed export from where it stopped. To "
                         "run a cancelled or expired export again, start a New export (%2) "
                         "with the same choices.")
                          .arg(key(keys.retry), key(keys.newExport)));
    //: %1 is the Remove from list command's keyboard shortcut (Del)
    html += paragraph(tr("Remove from list (%1) only takes an export off this list; its files "
                         "stay where they are.")
                          .arg(key(keys.remove)));

    html += heading(6);
    html += paragraph(tr("Exports keep running on their servers while this program is closed. "
                         "When you start it again, it checks on them and resumes unfinished "
                         "downloads."));
    html += paragraph(tr("Exports on the built-in demo server end when you quit: the demo "
                         "server stops with the program."));
    return html;
}

} // namespace fbm
