#include "newexportdialog.h"

#include "session.h"

#include "changesbox.h"
#include "exportfolder.h"
#include "filechooser.h"
#include "formrows.h"
#include "httpclient.h"
#include "i18n.h"
#include "serverprobe.h"
#include "typespicker.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using fbm::ExportLevel;
using fbm::Profile;

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    const QStringList all = edit->toPlainText().split(u'\n');
    for (const QString &l : all) {
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    }
    return out;
}

QStringList words(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

/// The group's name in the server's list (its id is the item's UserRole).
constexpr int kGroupNameRole = Qt::UserRole + 1;

/// Whether any export from the profile's server was saved whole, whatever it asked for.
bool hasFinishedExport(const fbm::JobManager *manager, const QString &profileId)
{
    if (!manager)
        return false;
    const QStringList ids = manager->jobIds();
    return std::any_of(ids.begin(), ids.end(), [&](const QString &id) {
        const fbm::ExportJob *j = manager->job(id);
        return j && j->profileId == profileId && j->state == fbm::JobState::Saved &&
               j->transactionTime.isValid();
    });
}

} // namespace

QString NewExportDialog::defaultOutputDir(const Profile &profile)
{
    if (!profile.outputDir.isEmpty())
        return profile.outputDir;
    // The profile name becomes a folder name: legal on every file system.
    return QDir(fbm::Session::exportsRoot())
        .filePath(fbm::ExportFolder::safeName(profile.name.isEmpty() ? profile.baseUrl.host()
                                                                     : profile.name));
}

NewExportDialog::NewExportDialog(const QList<Profile> &profiles, const QString &selectedProfileId,
                                 fbm::JobManager *manager,
                                 std::function<fbm::HttpClient *(const Profile &)> clientFor,
                                 QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_clientFor(std::move(clientFor))
{
    setObjectName(u"newExportDialog"_s);
    setWindowTitle(tr("New Export"));
    // Report servers have no $export: they are not offered here.
    for (const Profile &p : profiles) {
        if (!p.reporting)
            m_profiles.append(p);
    }

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(form);

    m_profile = new QComboBox;
    m_profile->setObjectName(u"profileCombo"_s);
    for (const Profile &p : std::as_const(m_profiles))
        m_profile->addItem(p.name, p.id);
    fbm::addFormRow(form, tr("&Server:"), m_profile);

    // Level
    auto *levelBox = new QWidget;
    auto *levelLayout = new QVBoxLayout(levelBox);
    levelLayout->setContentsMargins(0, 0, 0, 0);
    m_levels = new QButtonGroup(this);
    m_system = new QRadioButton(tr("E&verything on the server (system)"));
    m_system->setObjectName(u"levelSystemRadio"_s);
    m_patient = new QRadioButton(tr("All &patients"));
    m_patient->setObjectName(u"levelPatientRadio"_s);
    m_group = new QRadioButton(tr("The patients of one &group:"));
    m_group->setObjectName(u"levelGroupRadio"_s);
    m_levels->addButton(m_system, int(ExportLevel::System));
    m_levels->addButton(m_patient, int(ExportLevel::Patient));
    m_levels->addButton(m_group, int(ExportLevel::Group));
    m_system->setChecked(true);
    m_groupCombo = new QComboBox;
    m_groupCombo->setObjectName(u"groupCombo"_s);
    m_groupCombo->setEditable(true);
    m_groupCombo->setInsertPolicy(QComboBox::NoInsert);
    m_groupCombo->setAccessibleName(tr("Group"));
    m_groupCombo->lineEdit()->setPlaceholderText(tr("Group id"));
    m_groupCombo->setMinimumContentsLength(28);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(m_group);
    groupRow->addWidget(m_groupCombo, 1);
    m_groupStatus = fbm::hintLabel();
    m_groupStatus->setObjectName(u"groupStatus"_s);
    levelLayout->addWidget(m_system);
    levelLayout->addWidget(m_patient);
    levelLayout->addLayout(groupRow);
    levelLayout->addWidget(m_groupStatus);
    auto *levelLabel = fbm::addFormRow(form, tr("Export:"), levelBox, m_system);
    levelLabel->setBuddy(nullptr);
    m_system->setAccessibleName({});

    m_types = new fbm::TypesPicker;
    auto *typesLabel = fbm::addFormRow(form, tr("Resource &types:"), m_types, m_types->list());
    typesLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    // Since / until, or since the last export
    m_changes = new fbm::ChangesBox(m_manager ? m_manager->clock() : nullptr);
    m_changes->setObjectName(u"changesBox"_s);
    auto *changedLabel = fbm::addFormRow(form, tr("Changes:"), m_changes, m_changes->firstField());
    changedLabel->setBuddy(nullptr);
    m_changes->firstField()->setAccessibleName({});

    // Destination
    m_outputDir = new QLineEdit;
    m_outputDir->setObjectName(u"outputDirEdit"_s);
    auto *browse = new QPushButton(tr("Bro&wse…"));
    browse->setObjectName(u"outputDirBrowseButton"_s);
    browse->setAccessibleName(tr("Browse for the folder"));
    connect(browse, &QPushButton::clicked, this, &NewExportDialog::browseOutputDir);
    // Every export gets a folder of its own in there: say exactly which, before it starts.
    m_filesGoTo = fbm::hintLabel();
    m_filesGoTo->setObjectName(u"filesGoToLabel"_s);
    m_filesGoTo->setTextFormat(Qt::PlainText);
    auto *destinationBox = new QWidget;
    auto *destinationLayout = new QVBoxLayout(destinationBox);
    destinationLayout->setContentsMargins(0, 0, 0, 0);
    destinationLayout->addWidget(fbm::fieldWithButton(m_outputDir, browse));
    destinationLayout->addWidget(m_filesGoTo);
    fbm::addFormRow(form, tr("Save &in:"), destinationBox, m_outputDir);
    // The folder's name has the minute in it: it follows the clock while the dialog is open.
    m_minuteTimer = new QTimer(this);
    m_minuteTimer->setSingleShot(true);
    m_minuteTimer->setTimerType(Qt::CoarseTimer);
    connect(m_minuteTimer, &QTimer::timeout, this, &NewExportDialog::updateFilesGoTo);

    m_autoDownload = new QCheckBox(tr("&Download the files when the export is done"));
    m_autoDownload->setObjectName(u"autoDownloadCheck"_s);
    m_autoDownload->setChecked(true);
    m_autoDownload->setToolTip(tr("Servers delete the files after a while (often a few hours): "
                                  "downloading at once is safest."));
    form->addRow(QString(), m_autoDownload);

    // Advanced, folded away: most exports never need it.
    m_advancedToggle = new QToolButton;
    m_advancedToggle->setObjectName(u"advancedToggle"_s);
    m_advancedToggle->setText(tr("&Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    layout->addWidget(m_advancedToggle);
    m_advanced = buildAdvanced();
    // Open, the whole form is taller than a 768-pixel screen: the advanced part scrolls when
    // the screen is too short for it.
    auto *advancedScroll = new QScrollArea;
    advancedScroll->setObjectName(u"advancedScroll"_s);
    advancedScroll->setWidget(m_advanced);
    advancedScroll->setWidgetResizable(true);
    advancedScroll->setFrameShape(QFrame::NoFrame);
    advancedScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    advancedScroll->setVisible(false);
    layout->addWidget(advancedScroll, 1);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this, advancedScroll](bool on) {
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        advancedScroll->setVisible(on);
        fitHeightToScreen();
    });

    m_problem = new QLabel;
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(u"buttonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start E&xport"));
    // The same request on a timer instead of now (the Repeat dialog takes over from here).
    m_repeat = m_buttons->addButton(tr("Repeat Dail&y or Weekly…"), QDialogButtonBox::ActionRole);
    m_repeat->setObjectName(u"repeatButton"_s);
    connect(m_repeat, &QPushButton::clicked, this, [this] {
        Q_EMIT repeatRequested();
        reject();
    });
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Any edit may make the request valid or invalid.
    connect(m_profile, &QComboBox::currentIndexChanged, this, &NewExportDialog::onProfileChanged);
    connect(m_levels, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (!checked)
            return;
        if (ExportLevel(id) == ExportLevel::Group) {
            loadGroups();
            m_groupCombo->setFocus();
        }
        updateEnabled();
        updateValidation();
    });
    connect(m_groupCombo, &QComboBox::currentTextChanged, this, [this] {
        if (!m_group->isChecked() && !m_groupCombo->currentText().isEmpty())
            m_group->setChecked(true);
        updateValidation();
    });
    connect(m_types, &fbm::TypesPicker::changed, this, &NewExportDialog::updateValidation);
    connect(m_noCache, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        updateValidation();
    });
    connect(m_changes, &fbm::ChangesBox::changed, this, &NewExportDialog::updateValidation);
    connect(m_post, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        updateValidation();
    });
    connect(m_typeFilters, &QPlainTextEdit::textChanged, this, &NewExportDialog::updateValidation);
    connect(m_patients, &QPlainTextEdit::textChanged, this, &NewExportDialog::updateValidation);
    connect(m_elements, &QLineEdit::textChanged, this, &NewExportDialog::updateValidation);
    connect(m_outputFormat, &QComboBox::currentTextChanged, this,
            &NewExportDialog::updateValidation);
    connect(m_outputDir, &QLineEdit::textChanged, this, &NewExportDialog::updateValidation);

    int index = m_profile->findData(selectedProfileId);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
    onProfileChanged();
    updateEnabled();
    updateValidation();
    m_profile->setFocus();
}

NewExportDialog::~NewExportDialog() = default;

QWidget *NewExportDialog::buildAdvanced()
{
    auto *box = new QWidget;
    box->setObjectName(u"advancedBox"_s);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const int lineHeight = fontMetrics().lineSpacing();

    m_typeFilters = new QPlainTextEdit;
    m_typeFilters->setObjectName(u"typeFiltersEdit"_s);
    m_typeFilters->setPlaceholderText(
        tr("One per line, for example: Observation?category=laboratory"));
    m_typeFilters->setTabChangesFocus(true);
    m_typeFilters->setToolTip(tr("Only the resources that match a search: one per line, such as "
                                 "only laboratory results (_typeFilter)"));
    m_typeFilters->setFixedHeight(lineHeight * 3 + 12);
    fbm::addFormRow(form, tr("Type &filters:"), m_typeFilters);

    m_elements = new QLineEdit;
    m_elements->setObjectName(u"elementsEdit"_s);
    m_elements->setPlaceholderText(tr("For example: id, status, subject"));
    m_elements->setToolTip(tr("Only these fields of each resource; the server adds the ones a "
                              "resource cannot do without (_elements)"));
    fbm::addFormRow(form, tr("&Elements:"), m_elements);

    m_outputFormat = new QComboBox;
    m_outputFormat->setObjectName(u"outputFormatCombo"_s);
    m_outputFormat->setEditable(true);
    m_outputFormat->setInsertPolicy(QComboBox::NoInsert);
    m_outputFormat->setToolTip(tr("The file format to ask for. Keep the server's default unless "
                                  "the server asks for another name for NDJSON (_outputFormat)"));
    m_outputFormat->addItem(tr("Server default (NDJSON)"), QString());
    m_outputFormat->addItem(u"application/fhir+ndjson"_s, u"application/fhir+ndjson"_s);
    m_outputFormat->addItem(u"application/ndjson"_s, u"application/ndjson"_s);
    m_outputFormat->addItem(u"ndjson"_s, u"ndjson"_s);
    fbm::addFormRow(form, tr("O&utput format:"), m_outputFormat);

    auto *methodBox = new QWidget;
    auto *methodLayout = new QHBoxLayout(methodBox);
    methodLayout->setContentsMargins(0, 0, 0, 0);
    m_get = new QRadioButton(tr("GET (parameters in the address)"));
    m_get->setObjectName(u"methodGetRadio"_s);
    m_post = new QRadioButton(tr("POST (a Parameters resource)"));
    m_post->setObjectName(u"methodPostRadio"_s);
    m_get->setChecked(true);
    methodBox->setToolTip(tr("How the request is sent. GET suits most servers; POST is needed "
                             "to name patients"));
    methodLayout->addWidget(m_get);
    methodLayout->addWidget(m_post);
    methodLayout->addStretch(1);
    // One mnemonic for the pair, on the label; it goes to the one chosen, and the arrow keys
    // choose the other.
    auto *methodLabel = fbm::addFormRow(form, tr("&Kick-off:"), methodBox, m_get);
    m_get->setAccessibleName({});
    connect(m_post, &QRadioButton::toggled, methodLabel,
            [this, methodLabel](bool post) { methodLabel->setBuddy(post ? m_post : m_get); });

    auto *patientsBox = new QWidget;
    auto *patientsLayout = new QVBoxLayout(patientsBox);
    patientsLayout->setContentsMargins(0, 0, 0, 0);
    m_patients = new QPlainTextEdit;
    m_patients->setObjectName(u"patientsEdit"_s);
    m_patients->setPlaceholderText(tr("One per line, for example: Patient/123"));
    m_patients->setTabChangesFocus(true);
    m_patients->setFixedHeight(lineHeight * 3 + 12);
    m_patientsNote = fbm::hintLabel(tr("Only with POST, for a patient or group export."));
    m_patientsNote->setObjectName(u"patientsNote"_s);
    patientsLayout->addWidget(m_patients);
    patientsLayout->addWidget(m_patientsNote);
    fbm::addFormRow(form, tr("Patie&nts:"), patientsBox, m_patients);

    m_noCache = new QCheckBox(tr("Start a new &job even if an identical one exists"));
    m_noCache->setObjectName(u"noCacheCheck"_s);
    m_noCache->setToolTip(tr("Sends Cache-Control: no-cache. Some servers (HAPI FHIR) otherwise "
                             "hand back the result of an identical earlier export."));
    form->addRow(QString(), m_noCache);

    m_lenient = new QCheckBox(tr("Let the server skip what it cannot &handle"));
    m_lenient->setObjectName(u"lenientCheck"_s);
    m_lenient->setToolTip(tr("Sends Prefer: handling=lenient. A server may then leave out a "
                             "resource type or parameter it does not support, and say so in the "
                             "export's error files, instead of refusing the whole export."));
    form->addRow(QString(), m_lenient);
    return box;
}

// ---------------------------------------------------------------------------------------------

const Profile *NewExportDialog::currentProfile() const
{
    const int i = m_profile->currentIndex();
    return i >= 0 && i < m_profiles.size() ? &m_profiles.at(i) : nullptr;
}

QString NewExportDialog::profileId() const
{
    const Profile *p = currentProfile();
    return p ? p->id : QString();
}

ExportLevel NewExportDialog::level() const
{
    const int id = m_levels->checkedId();
    return id < 0 ? ExportLevel::System : ExportLevel(id);
}

void NewExportDialog::onProfileChanged()
{
    const Profile *p = currentProfile();
    const QString folder = p ? defaultOutputDir(*p) : QString();
    // Follow the profile's folder unless the user typed another one.
    if (m_outputDir->text().isEmpty() || m_outputDir->text() == m_lastOutputDirDefault) {
        m_outputDir->setText(QDir::toNativeSeparators(folder));
        m_lastOutputDirDefault = m_outputDir->text();
    }
    m_groupProbe.reset();
    m_groupsFor.clear();
    m_groupCombo->clear();
    m_groupStatus->clear();
    if (m_group->isChecked())
        loadGroups();
    updateValidation(); // and "since my last export", which depends on the profile
}

void NewExportDialog::loadGroups()
{
    const Profile *p = currentProfile();
    if (!p || m_groupsFor == p->id)
        return;
    m_groupsFor = p->id;
    fbm::HttpClient *client = m_clientFor ? m_clientFor(*p) : nullptr;
    if (!client) {
        m_groupStatus->setText(tr("Type the id of the group."));
        return;
    }
    m_groupStatus->setText(tr("Asking the server for its groups…"));
    m_groupProbe = std::make_unique<fbm::ServerProbe>(client);
    const QString forId = p->id;
    m_groupProbe->listGroups(this, [this, forId](const auto &result) {
        if (forId != m_groupsFor)
            return;
        if (!result.ok()) {
            m_groupStatus->setText(result.error().message);
            Q_EMIT groupsLoaded(false);
            return;
        }
        const QString typed = m_groupCombo->currentText();
        m_groupCombo->clear();
        for (const fbm::GroupSummary &g : result.value()) {
            QString text = g.name.isEmpty() ? g.id : g.name + u" ("_s + g.id + u')';
            m_groupCombo->addItem(text, g.id);
            m_groupCombo->setItemData(m_groupCombo->count() - 1, g.name, kGroupNameRole);
            if (g.size >= 0)
                m_groupCombo->setItemData(m_groupCombo->count() - 1,
                                          //: %n is a number of patients
                                          tr("%n member(s)", nullptr, int(g.size)),
                                          Qt::ToolTipRole);
        }
        m_groupCombo->setCurrentIndex(-1);
        m_groupCombo->setEditText(typed);
        m_groupStatus->setText(result.value().isEmpty()
                                   ? tr("The server lists no groups; type the id of the group.")
                                   //: %n is the number of groups
                                   : tr("The server lists %n group(s); pick one or type its id.",
                                        nullptr, int(result.value().size())));
        Q_EMIT groupsLoaded(true);
    });
}

void NewExportDialog::updateSinceLast()
{
    const Profile *p = currentProfile();
    // Only an export of the same scope (level, group, types, filters) says what changed since.
    const QDateTime last =
        (p && m_manager) ? m_manager->lastTransactionTime(p->id, request()) : QDateTime();
    m_changes->setLastExport(last, p && hasFinishedExport(m_manager, p->id));
}

void NewExportDialog::updateEnabled()
{
    m_groupCombo->setEnabled(m_profile->count() > 0);
    const bool patientsAllowed = m_post->isChecked() && level() != ExportLevel::System;
    m_patients->setEnabled(patientsAllowed);
}

fbm::ExportRequest NewExportDialog::request() const
{
    fbm::ExportRequest r;
    if (const Profile *p = currentProfile())
        r.base = p->baseUrl;
    r.level = level();
    if (r.level == ExportLevel::Group) {
        // Picked from the list, or its id typed: the job keeps the group's name for people.
        const QString text = m_groupCombo->currentText().trimmed();
        int i = m_groupCombo->findText(text);
        if (i < 0)
            i = m_groupCombo->findData(text);
        r.groupId = i >= 0 ? m_groupCombo->itemData(i).toString() : text;
        if (i >= 0)
            r.groupName = m_groupCombo->itemData(i, kGroupNameRole).toString();
    }
    r.types = m_types->chosenTypes();
    r.since = m_changes->since();
    r.until = m_changes->until();
    r.typeFilters = lines(m_typeFilters);
    r.elements = words(m_elements->text());
    const QString format = m_outputFormat->currentText().trimmed();
    const int fi = m_outputFormat->findText(format);
    r.outputFormat = fi >= 0 ? m_outputFormat->itemData(fi).toString() : format;
    r.usePost = m_post->isChecked();
    if (m_patients->isEnabled())
        r.patients = lines(m_patients);
    r.noCache = m_noCache->isChecked();
    r.lenient = m_lenient->isChecked();
    return r;
}

fbm::JobOptions NewExportDialog::options() const
{
    fbm::JobOptions o;
    if (const Profile *p = currentProfile()) {
        o.profileId = p->id;
        o.serverName = p->name;
        o.keepOnServer = p->keepFilesOnServer;
        o.gzip = p->gzipOutputs;
        o.attachments = p->downloadAttachments;
    }
    const QString dir = m_outputDir->text().trimmed();
    o.outDir = dir.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(dir));
    o.autoDownload = m_autoDownload->isChecked();
    return o;
}

QString NewExportDialog::exportFolder() const
{
    if (!currentProfile())
        return {};
    return fbm::ExportFolder::forExport(options().outDir, request(), m_manager);
}

void NewExportDialog::updateFilesGoTo()
{
    const QString folder = exportFolder();
    //: %1 is the full path of the folder the export saves its files in
    m_filesGoTo->setText(tr("Files go to: %1").arg(QDir::toNativeSeparators(folder)));
    m_filesGoTo->setVisible(!folder.isEmpty());
    const qint64 now = (m_manager ? m_manager->clock() : fbm::Clock::system())->nowMs();
    m_minuteTimer->start(int(60000 - now % 60000) + 50);
}

void NewExportDialog::updateValidation()
{
    updateSinceLast();
    updateFilesGoTo();
    QString problem;
    if (!currentProfile())
        problem = tr("Add a server profile first: there is no bulk export server to ask.");
    else
        problem = request().validate();
    if (problem.isEmpty() && m_outputDir->text().trimmed().isEmpty())
        problem = tr("Choose a folder for the files.");
    if (problem.isEmpty() && !m_patients->isEnabled() && !lines(m_patients).isEmpty())
        problem = tr("Patients can only be chosen for a patient or group export sent with POST.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_repeat->setEnabled(problem.isEmpty());
}

void NewExportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // At its real width: before the first show, the word-wrapped lines ("Files go to", the
    // group's status) were measured at another width, and the window opened too short for
    // them, the grid of types squeezed under "Other types" until the next layout.
    fitHeightToScreen();
}

bool NewExportDialog::event(QEvent *event)
{
    // A line that came (a problem, the group's status, a longer folder) must not squeeze the
    // grid of types: once the layout has taken it in, the window grows if it must.
    if (event->type() == QEvent::LayoutRequest && isVisible() && !m_fitPending) {
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] { fitHeightToScreen(true); });
    }
    return QDialog::event(event);
}

void NewExportDialog::fitHeightToScreen(bool growOnly)
{
    m_fitPending = false;
    // Not adjustSize(): it caps a window at two thirds of the screen.
    layout()->activate();
    int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                               : sizeHint().height();
    wanted = qMax(wanted, sizeHint().height());
    if (growOnly && wanted <= height())
        return;
    if (const QScreen *s = screen()) {
        const QRect available = s->availableGeometry();
        const int frame = frameGeometry().height() - geometry().height();
        wanted = qMin(wanted, available.height() - frame);
        resize(width(), qMax(wanted, minimumSizeHint().height()));
        if (isVisible() && frameGeometry().bottom() > available.bottom())
            move(x(), qMax(available.top(), available.bottom() - frameGeometry().height() + 1));
        return;
    }
    resize(width(), wanted);
}

void NewExportDialog::browseOutputDir()
{
    // The proposed folder is usually made by the export itself: start in its nearest existing
    // parent rather than in the working directory.
    QString start = QDir::cleanPath(QDir::fromNativeSeparators(m_outputDir->text().trimmed()));
    while (!start.isEmpty() && !QFileInfo(start).isDir()) {
        const QString parent = QFileInfo(start).path();
        if (parent == start || parent == "."_L1)
            start.clear();
        else
            start = parent;
    }
    const QString dir =
        fbm::FileChooser::dialogs()->existingFolder(this, tr("Save the Files In"), start);
    if (!dir.isEmpty())
        m_outputDir->setText(QDir::toNativeSeparators(dir));
}
