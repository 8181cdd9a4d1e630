#include "profiledialog.h"

#include "auth/authfactory.h"
#include "auth/secretstore.h"
#include "auth/smartconfig.h"
#include "httpclient.h"
#include "serverprobe.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using fbm::Profile;
using fbm::SecretStore;

Q_LOGGING_CATEGORY(lcProfileDialog, "fhirbulk.ui.profile")

namespace {

/// The label text without its mnemonic and colon, for accessible names.
QString plainLabel(QString text)
{
    text.remove(u'&');
    while (text.endsWith(u':'))
        text.chop(1);
    return text;
}

/// Adds a labelled row whose label is the field's buddy and whose text names the field for
/// screen readers.
QLabel *addRow(QFormLayout *form, const QString &label, QWidget *field, QWidget *focus = nullptr)
{
    auto *l = new QLabel(label);
    l->setBuddy(focus ? focus : field);
    (focus ? focus : field)->setAccessibleName(plainLabel(label));
    form->addRow(l, field);
    return l;
}

QLabel *hintLabel(const QString &text = {})
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel *iconLabel(QStyle::StandardPixmap pixmap, QWidget *owner)
{
    auto *l = new QLabel;
    const int size = owner->style()->pixelMetric(QStyle::PM_SmallIconSize);
    l->setPixmap(owner->style()->standardIcon(pixmap).pixmap(size, size));
    l->setAlignment(Qt::AlignTop);
    return l;
}

QString bulletList(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << u"\u2022 "_s + l;
    return out.join(u'\n');
}

} // namespace

// ---------------------------------------------------------------------------------------------

/// One secret in the form: a password field for a new value, or, when one is stored, only the
/// fact that it is there with Replace and Remove. The stored value is never read into it.
class ProfileDialog::SecretField final : public QWidget
{
public:
    SecretField(const QString &objectPrefix, const QString &placeholder, QWidget *parent)
        : QWidget(parent)
    {
        auto *row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        m_status = new QLabel;
        m_status->setObjectName(objectPrefix + u"Status"_s);
        m_edit = new QLineEdit;
        m_edit->setObjectName(objectPrefix + u"Edit"_s);
        m_edit->setEchoMode(QLineEdit::Password);
        m_edit->setPlaceholderText(placeholder);
        m_edit->setClearButtonEnabled(true);
        m_replace = new QPushButton(ProfileDialog::tr("Replace…"));
        m_replace->setObjectName(objectPrefix + u"Replace"_s);
        m_remove = new QPushButton(ProfileDialog::tr("Remove"));
        m_remove->setObjectName(objectPrefix + u"Remove"_s);
        m_undo = new QPushButton(ProfileDialog::tr("Undo"));
        m_undo->setObjectName(objectPrefix + u"Undo"_s);
        row->addWidget(m_status, 1);
        row->addWidget(m_edit, 1);
        row->addWidget(m_replace);
        row->addWidget(m_remove);
        row->addWidget(m_undo);
        setFocusProxy(m_edit);

        connect(m_edit, &QLineEdit::textChanged, this, [this] { notify(); });
        connect(m_replace, &QPushButton::clicked, this, [this] {
            m_replacing = true;
            refresh();
            m_edit->setFocus();
            notify();
        });
        connect(m_remove, &QPushButton::clicked, this, [this] {
            m_removing = true;
            refresh();
            notify();
        });
        connect(m_undo, &QPushButton::clicked, this, [this] {
            m_replacing = false;
            m_removing = false;
            m_edit->clear();
            refresh();
            notify();
        });
        refresh();
    }

    void setAccessibleLabel(const QString &name)
    {
        m_edit->setAccessibleName(name);
        //: %1 names a secret, e.g. "Client secret"
        m_replace->setAccessibleName(ProfileDialog::tr("Replace %1").arg(name));
        //: %1 names a secret, e.g. "Client secret"
        m_remove->setAccessibleName(ProfileDialog::tr("Remove %1").arg(name));
    }
    void setState(SecretState state, bool persistent)
    {
        m_state = state;
        m_persistent = persistent;
        refresh();
    }
    [[nodiscard]] QWidget *edit() const { return m_edit; }
    /// A value typed in the form, to be written on accept.
    [[nodiscard]] std::optional<QByteArray> newValue() const
    {
        if (m_edit->isHidden() || m_edit->text().trimmed().isEmpty())
            return std::nullopt;
        return m_edit->text().trimmed().toUtf8();
    }
    [[nodiscard]] bool removeRequested() const { return m_removing; }
    /// Whether, after accept, a secret will be there (or may be: an unreadable keychain).
    [[nodiscard]] bool hasSecret() const
    {
        if (newValue())
            return true;
        return !m_removing && m_state != SecretState::Absent;
    }

    std::function<void()> changed;

private:
    void notify()
    {
        if (changed)
            changed();
    }
    void refresh()
    {
        const bool stored = m_state == SecretState::Stored || m_state == SecretState::Unreadable;
        const bool typing = m_state == SecretState::Absent || (stored && m_replacing);
        m_edit->setVisible(typing && !m_removing);
        m_status->setVisible(!typing || m_removing);
        m_replace->setVisible(stored && !m_replacing && !m_removing);
        m_remove->setVisible(stored && !m_replacing && !m_removing);
        m_undo->setVisible(m_replacing || m_removing);
        m_undo->setText(m_replacing ? ProfileDialog::tr("Cancel") : ProfileDialog::tr("Undo"));
        if (m_removing)
            m_status->setText(ProfileDialog::tr("Will be removed when you press OK."));
        else if (m_state == SecretState::Checking)
            m_status->setText(ProfileDialog::tr("Checking the keychain…"));
        else if (m_state == SecretState::Unreadable)
            m_status->setText(ProfileDialog::tr("The keychain could not be read."));
        else if (m_persistent)
            m_status->setText(ProfileDialog::tr("Stored in the keychain."));
        else
            m_status->setText(ProfileDialog::tr("Kept for this session only."));
    }

    QLabel *m_status;
    QLineEdit *m_edit;
    QPushButton *m_replace;
    QPushButton *m_remove;
    QPushButton *m_undo;
    SecretState m_state = SecretState::Absent;
    bool m_persistent = true;
    bool m_replacing = false;
    bool m_removing = false;
};

// ---------------------------------------------------------------------------------------------

ProfileDialog::ProfileDialog(Profile profile, SecretStore *secrets, QNetworkAccessManager *nam,
                             QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(profile))
    , m_secrets(secrets)
    , m_nam(nam)
{
    m_isNew = m_original.id.isEmpty();
    const bool isNew = m_isNew;
    if (isNew)
        m_original.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setObjectName(u"profileDialog"_s);
    setWindowTitle(isNew ? tr("New Server Profile") : tr("Edit Server Profile"));

    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"profileTabs"_s);
    layout->addWidget(m_tabs);
    buildServerTab(m_tabs);
    buildAuthTab(m_tabs);
    buildConnectionTab(m_tabs);

    // The keychain's trouble, said once and plainly, without a modal box in the way.
    m_keychainBanner = new QFrame;
    m_keychainBanner->setObjectName(u"keychainBanner"_s);
    m_keychainBanner->setFrameShape(QFrame::StyledPanel);
    m_keychainBanner->setAutoFillBackground(true);
    m_keychainBanner->setBackgroundRole(QPalette::AlternateBase);
    auto *bannerRow = new QHBoxLayout(m_keychainBanner);
    bannerRow->addWidget(iconLabel(QStyle::SP_MessageBoxWarning, this));
    m_keychainMessage = new QLabel;
    m_keychainMessage->setObjectName(u"keychainMessage"_s);
    m_keychainMessage->setWordWrap(true);
    bannerRow->addWidget(m_keychainMessage, 1);
    m_keepSession = new QPushButton(tr("&Keep for This Session Only"));
    m_keepSession->setObjectName(u"keepSessionButton"_s);
    m_keepSession->setToolTip(tr("Keep the secrets in memory until the program closes. You will "
                                 "have to enter them again next time."));
    bannerRow->addWidget(m_keepSession, 0, Qt::AlignTop);
    m_keychainBanner->hide();
    layout->addWidget(m_keychainBanner);
    connect(m_keepSession, &QPushButton::clicked, this, &ProfileDialog::keepForSession);

    // Test connection: the button and what it found.
    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test Connection"));
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Ask the server what it offers: its FHIR version, whether it "
                                "supports bulk export, and where its token endpoint is."));
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    m_testIcon = new QLabel;
    m_testIcon->setObjectName(u"testIcon"_s);
    m_testIcon->setAlignment(Qt::AlignTop);
    testRow->addWidget(m_testIcon, 0, Qt::AlignTop);
    m_testResult = new QLabel;
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setMinimumHeight(fontMetrics().height() * 2);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);

    m_problems = new QLabel;
    m_problems->setObjectName(u"problemsLabel"_s);
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("What is missing"));
    layout->addWidget(m_problems);

    auto *bottom = new QHBoxLayout;
    m_busy = new QLabel;
    m_busy->setObjectName(u"busyLabel"_s);
    bottom->addWidget(m_busy, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(u"buttonBox"_s);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    if (m_secrets && !m_secrets->isPersistent())
        showKeychainProblem(tr("No keychain is in use: secrets entered here are kept only until "
                               "the program closes."));
    if (auto *keychain = qobject_cast<fbm::KeychainSecretStore *>(m_secrets.data()))
        connect(keychain, &fbm::KeychainSecretStore::unavailable, this,
                &ProfileDialog::showKeychainProblem);

    updateAuthRows();
    loadSecrets();
    updateInsecureWarning();
    updateValidation();
    resize(qMax(sizeHint().width(), 640), sizeHint().height());
    growToFit();
    m_name->setFocus();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::buildServerTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(m_original.name);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("For example: eHealth production"));
    addRow(form, tr("&Name:"), m_name);

    m_baseUrl = new QLineEdit(m_original.baseUrl.toString());
    m_baseUrl->setObjectName(u"baseUrlEdit"_s);
    m_baseUrl->setPlaceholderText(u"https://fhir.example.org/fhir"_s);
    m_baseUrl->setToolTip(tr("The FHIR base address: the one that [base]/metadata answers on."));
    addRow(form, tr("Server &address:"), m_baseUrl);

    m_kind = new QComboBox;
    m_kind->setObjectName(u"kindCombo"_s);
    m_kind->addItem(tr("Bulk Data export server"), false);
    m_kind->addItem(tr("Reporting server (report jobs)"), true);
    m_kind->setCurrentIndex(m_original.reporting ? 1 : 0);
    addRow(form, tr("&Kind of server:"), m_kind);

    auto *dirRow = new QWidget;
    auto *dirLayout = new QHBoxLayout(dirRow);
    dirLayout->setContentsMargins(0, 0, 0, 0);
    m_outputDir = new QLineEdit(QDir::toNativeSeparators(m_original.outputDir));
    m_outputDir->setObjectName(u"outputDirEdit"_s);
    m_outputDir->setPlaceholderText(tr("Chosen for each export"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(u"outputDirBrowseButton"_s);
    browse->setAccessibleName(tr("Browse for the export folder"));
    dirLayout->addWidget(m_outputDir, 1);
    dirLayout->addWidget(browse);
    addRow(form, tr("Export &folder:"), dirRow, m_outputDir);
    connect(browse, &QPushButton::clicked, this, &ProfileDialog::browseOutputDir);

    tabs->addTab(page, tr("&Server"));

    connect(m_name, &QLineEdit::textChanged, this, &ProfileDialog::updateValidation);
    connect(m_baseUrl, &QLineEdit::textChanged, this, [this] {
        updateInsecureWarning();
        updateValidation();
    });
    connect(m_baseUrl, &QLineEdit::editingFinished, this, &ProfileDialog::discoverEndpoints);
}

void ProfileDialog::buildAuthTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    m_authForm = new QFormLayout(page);
    m_authForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_authKind = new QComboBox;
    m_authKind->setObjectName(u"authKindCombo"_s);
    for (auto kind :
         {Profile::AuthKind::None, Profile::AuthKind::StaticToken, Profile::AuthKind::ClientSecret,
          Profile::AuthKind::SmartBackend, Profile::AuthKind::Interactive})
        m_authKind->addItem(Profile::authKindTitle(kind), int(kind));
    m_authKind->setCurrentIndex(m_authKind->findData(int(m_original.auth)));
    // The explanation sits under the combo, in the same cell, so it wraps at the field's width.
    auto *kindBox = new QWidget;
    kindBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *kindLayout = new QVBoxLayout(kindBox);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    m_authHelp = hintLabel();
    m_authHelp->setObjectName(u"authHelp"_s);
    kindLayout->addWidget(m_authKind, 0, Qt::AlignLeft);
    kindLayout->addWidget(m_authHelp);
    addRow(m_authForm, tr("&Authorization:"), kindBox, m_authKind);

    m_clientId = new QLineEdit(m_original.clientId);
    m_clientId->setObjectName(u"clientIdEdit"_s);
    addRow(m_authForm, tr("&Client ID:"), m_clientId);

    m_clientSecret = new SecretField(u"clientSecret"_s, tr("Paste the client secret"), this);
    m_clientSecret->setAccessibleLabel(tr("Client secret"));
    addRow(m_authForm, tr("Client &secret:"), m_clientSecret, m_clientSecret->edit());

    m_clientAuthMethod = new QComboBox;
    m_clientAuthMethod->setObjectName(u"clientAuthMethodCombo"_s);
    m_clientAuthMethod->addItem(tr("HTTP Basic (client_secret_basic)"),
                                int(Profile::ClientAuthMethod::Basic));
    m_clientAuthMethod->addItem(tr("In the request body (client_secret_post)"),
                                int(Profile::ClientAuthMethod::Post));
    m_clientAuthMethod->setCurrentIndex(
        m_clientAuthMethod->findData(int(m_original.clientAuthMethod)));
    addRow(m_authForm, tr("Send the secret &by:"), m_clientAuthMethod);

    m_token = new SecretField(u"token"_s, tr("Paste the access token"), this);
    m_token->setAccessibleLabel(tr("Access token"));
    addRow(m_authForm, tr("Access &token:"), m_token, m_token->edit());

    // SMART Backend Services: the private key is made or imported here, kept in the keychain,
    // and only its public half is ever shown.
    m_keyRow = new QWidget;
    auto *keyLayout = new QHBoxLayout(m_keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keyStatus = new QLabel;
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_keyStatus->setWordWrap(true);
    m_importKey = new QPushButton(tr("&Import PEM…"));
    m_importKey->setObjectName(u"importKeyButton"_s);
    m_importKey->setAccessibleName(tr("Import a private key from a PEM file"));
    m_importKey->setToolTip(tr("Read a private key (RSA or EC P-384, PEM, not encrypted)."));
    m_generateKey = new QPushButton(tr("&Generate Key"));
    m_generateKey->setObjectName(u"generateKeyButton"_s);
    m_generateKey->setAccessibleName(tr("Generate a new private key"));
    m_generateKey->setToolTip(
        tr("Make a new key for the chosen algorithm: RSA 3072 bits for RS384, EC P-384 for "
           "ES384."));
    m_removeKeyButton = new QPushButton(tr("Remove"));
    m_removeKeyButton->setObjectName(u"removeKeyButton"_s);
    m_removeKeyButton->setAccessibleName(tr("Remove the private key"));
    keyLayout->addWidget(m_keyStatus, 1);
    keyLayout->addWidget(m_importKey);
    keyLayout->addWidget(m_generateKey);
    keyLayout->addWidget(m_removeKeyButton);
    addRow(m_authForm, tr("Private &key:"), m_keyRow, m_importKey);
    connect(m_importKey, &QPushButton::clicked, this, &ProfileDialog::browsePrivateKey);
    connect(m_generateKey, &QPushButton::clicked, this, &ProfileDialog::generateKey);
    connect(m_removeKeyButton, &QPushButton::clicked, this, [this] {
        if (!m_newKey.isNull()) {
            m_newKey = {};
        } else {
            m_removeKey = !m_removeKey;
        }
        updateKeyView();
        updateValidation();
    });

    m_algorithm = new QComboBox;
    m_algorithm->setObjectName(u"algorithmCombo"_s);
    m_algorithm->addItem(tr("RS384 (RSA)"), int(fbm::jwt::Algorithm::RS384));
    m_algorithm->addItem(tr("ES384 (elliptic curve P-384)"), int(fbm::jwt::Algorithm::ES384));
    m_algorithm->setCurrentIndex(m_algorithm->findData(int(m_original.algorithm)));
    addRow(m_authForm, tr("A&lgorithm:"), m_algorithm);

    m_keyId = new QLineEdit(m_original.keyId);
    m_keyId->setObjectName(u"keyIdEdit"_s);
    m_keyId->setPlaceholderText(tr("The key's thumbprint"));
    m_keyId->setToolTip(tr("The \"kid\" the server knows the public key by."));
    addRow(m_authForm, tr("Key &ID (kid):"), m_keyId);

    m_jwksRow = new QWidget;
    auto *jwksLayout = new QVBoxLayout(m_jwksRow);
    jwksLayout->setContentsMargins(0, 0, 0, 0);
    m_jwks = new QPlainTextEdit;
    m_jwks->setObjectName(u"jwksText"_s);
    m_jwks->setReadOnly(true);
    m_jwks->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped anywhere: the key's base64 members are long, and a scroll bar hides them.
    m_jwks->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_jwks->setWordWrapMode(QTextOption::WrapAnywhere);
    m_jwks->setMinimumHeight(fontMetrics().lineSpacing() * 9);
    m_jwks->setMaximumHeight(fontMetrics().lineSpacing() * 12);
    m_jwks->setTabChangesFocus(true);
    // The box with Copy beside its top, and the hint on its own full-width line below: a
    // wrapped label beside a button in the same row as the box had no height of its own and was
    // painted over the box.
    auto *boxRow = new QHBoxLayout;
    m_copyJwks = new QPushButton(tr("&Copy"));
    m_copyJwks->setObjectName(u"copyJwksButton"_s);
    m_copyJwks->setAccessibleName(tr("Copy the public key"));
    boxRow->addWidget(m_jwks, 1);
    boxRow->addWidget(m_copyJwks, 0, Qt::AlignTop);
    auto *jwksHint =
        hintLabel(tr("Give this public key (a JWKS) to the server's administrator to register "
                     "the client. It holds nothing secret."));
    jwksHint->setObjectName(u"jwksHint"_s);
    jwksLayout->addLayout(boxRow);
    jwksLayout->addWidget(jwksHint);
    addRow(m_authForm, tr("&Public key:"), m_jwksRow, m_jwks);
    connect(m_copyJwks, &QPushButton::clicked, this, &ProfileDialog::copyJwks);

    m_scope = new QLineEdit(m_original.scope);
    m_scope->setObjectName(u"scopeEdit"_s);
    m_scope->setPlaceholderText(u"system/*.read"_s);
    addRow(m_authForm, tr("Sc&ope:"), m_scope);

    m_tokenUrlRow = new QWidget;
    auto *tokenLayout = new QVBoxLayout(m_tokenUrlRow);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    m_tokenUrl = new QLineEdit(m_original.tokenUrl.toString());
    m_tokenUrl->setObjectName(u"tokenUrlEdit"_s);
    m_tokenUrl->setPlaceholderText(tr("Found on the server when empty"));
    m_tokenUrlHint = hintLabel();
    m_tokenUrlHint->setObjectName(u"tokenUrlHint"_s);
    tokenLayout->addWidget(m_tokenUrl);
    tokenLayout->addWidget(m_tokenUrlHint);
    addRow(m_authForm, tr("T&oken URL:"), m_tokenUrlRow, m_tokenUrl);

    m_authorizeUrl = new QLineEdit(m_original.authorizationUrl.toString());
    m_authorizeUrl->setObjectName(u"authorizeUrlEdit"_s);
    m_authorizeUrl->setPlaceholderText(tr("Found on the server when empty"));
    addRow(m_authForm, tr("Sign-in &URL:"), m_authorizeUrl);

    m_redirectPort = new QSpinBox;
    m_redirectPort->setObjectName(u"redirectPortSpin"_s);
    m_redirectPort->setRange(0, 65535);
    m_redirectPort->setSpecialValueText(tr("Any free port"));
    m_redirectPort->setValue(m_original.redirectPort);
    m_redirectPort->setToolTip(tr("The port of the http://127.0.0.1 address the browser returns "
                                  "to after signing in; some servers register a fixed one."));
    addRow(m_authForm, tr("&Redirect port:"), m_redirectPort);

    m_signInRow = new QWidget;
    auto *signInLayout = new QHBoxLayout(m_signInRow);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    m_signInStatus = new QLabel;
    m_signInStatus->setObjectName(u"signInStatus"_s);
    m_signOutButton = new QPushButton(tr("Sign &Out"));
    m_signOutButton->setObjectName(u"signOutButton"_s);
    m_signOutButton->setToolTip(tr("Forget the stored sign-in; the browser opens again on the "
                                   "next export."));
    signInLayout->addWidget(m_signInStatus, 1);
    signInLayout->addWidget(m_signOutButton);
    addRow(m_authForm, tr("Sign-in:"), m_signInRow, m_signOutButton);
    connect(m_signOutButton, &QPushButton::clicked, this, [this] {
        m_signOut = !m_signOut;
        updateAuthRows();
        updateValidation();
    });

    // Every row but the kind's own, in order, to be put back by updateAuthRows().
    for (int row = 1; row < m_authForm->rowCount(); ++row)
        m_authRows.append(
            std::make_pair(m_authForm->itemAt(row, QFormLayout::LabelRole)->widget(),
                           m_authForm->itemAt(row, QFormLayout::FieldRole)->widget()));

    tabs->addTab(page, tr("A&uthorization"));

    connect(m_authKind, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthRows();
        discoverEndpoints();
        updateValidation();
    });
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, [this] {
        updateKeyView();
        updateValidation();
    });
    connect(m_keyId, &QLineEdit::textChanged, this, &ProfileDialog::updateKeyView);
    for (QLineEdit *edit : {m_clientId, m_tokenUrl, m_authorizeUrl, m_scope})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::updateValidation);
    m_clientSecret->changed = [this] {
        updateValidation();
    };
    m_token->changed = [this] {
        updateValidation();
    };
}

void ProfileDialog::buildConnectionTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
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
    addRow(form, tr("E&xtra headers:"), headersBox, m_headers);
    for (const auto &h : std::as_const(m_original.extraHeaders))
        addHeaderRow(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    connect(addHeader, &QPushButton::clicked, this, [this] {
        addHeaderRow();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(removeHeader, &QPushButton::clicked, this, &ProfileDialog::removeHeaderRow);
    connect(m_headers, &QTableWidget::itemChanged, this, &ProfileDialog::updateValidation);

    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    m_caFile = new QLineEdit(QDir::toNativeSeparators(m_original.caCertificateFile));
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("Only if your organisation uses its own authority"));
    auto *caBrowse = new QPushButton(tr("Bro&wse…"));
    caBrowse->setObjectName(u"caFileBrowseButton"_s);
    caBrowse->setAccessibleName(tr("Browse for the CA certificate"));
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(caBrowse);
    addRow(form, tr("CA &certificate (PEM):"), caRow, m_caFile);
    connect(caBrowse, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    connect(m_caFile, &QLineEdit::textChanged, this, &ProfileDialog::updateValidation);

    auto *insecureBox = new QWidget;
    auto *insecureLayout = new QVBoxLayout(insecureBox);
    insecureLayout->setContentsMargins(0, 0, 0, 0);
    m_insecureToken = new QCheckBox(tr("Send the token over unencrypted &HTTP"));
    m_insecureToken->setObjectName(u"insecureTokenCheck"_s);
    m_insecureToken->setChecked(m_original.allowInsecureToken);
    m_insecureWarning = new QLabel;
    m_insecureWarning->setObjectName(u"insecureWarning"_s);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setText(
        tr("Warning: over http:// anyone on the network path can read the token and use it to "
           "read patient data. Allow this only for a test server on a network you trust."));
    insecureLayout->addWidget(m_insecureToken);
    insecureLayout->addWidget(m_insecureWarning);
    addRow(form, tr("Plain HTTP:"), insecureBox, m_insecureToken);
    connect(m_insecureToken, &QCheckBox::toggled, this, &ProfileDialog::updateInsecureWarning);

    m_privateNetworks = new QCheckBox(tr("Files may come from &private networks"));
    m_privateNetworks->setObjectName(u"privateNetworksCheck"_s);
    m_privateNetworks->setChecked(m_original.allowPrivateNetworks);
    m_privateNetworks->setToolTip(
        tr("Let file downloads and redirects reach addresses in private networks (10.x, "
           "172.16-31.x, 192.168.x) on other hosts than this server, where your organisation "
           "keeps the export's storage. Cloud metadata addresses are never reached."));
    addRow(form, tr("Networks:"), m_privateNetworks, m_privateNetworks);

    tabs->addTab(page, tr("C&onnection"));
}

// --- the form ------------------------------------------------------------------------------

Profile::AuthKind ProfileDialog::authKind() const
{
    return Profile::AuthKind(m_authKind->currentData().toInt());
}

fbm::jwt::Algorithm ProfileDialog::algorithm() const
{
    return fbm::jwt::Algorithm(m_algorithm->currentData().toInt());
}

fbm::jwt::Key ProfileDialog::currentKey() const
{
    if (!m_newKey.isNull())
        return m_newKey;
    return m_removeKey ? fbm::jwt::Key() : m_storedKey;
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    QString base = m_baseUrl->text().trimmed();
    while (base.endsWith(u'/') && base.size() > 1 && !base.endsWith(u"//"_s))
        base.chop(1);
    p.baseUrl = QUrl(base);
    p.reporting = m_kind->currentData().toBool();
    p.outputDir = QDir::fromNativeSeparators(m_outputDir->text().trimmed());
    p.auth = authKind();
    p.clientId = m_clientId->text().trimmed();
    p.clientAuthMethod = Profile::ClientAuthMethod(m_clientAuthMethod->currentData().toInt());
    p.algorithm = algorithm();
    p.keyId = m_keyId->text().trimmed();
    p.scope = m_scope->text().trimmed();
    p.tokenUrl = QUrl(m_tokenUrl->text().trimmed());
    p.authorizationUrl = QUrl(m_authorizeUrl->text().trimmed());
    p.redirectPort = quint16(m_redirectPort->value());
    p.extraHeaders.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        if (name.trimmed().isEmpty() && value.trimmed().isEmpty())
            continue;
        if (const auto header = Profile::parseHeader(name.trimmed() + u": "_s + value))
            p.extraHeaders.append(*header);
    }
    p.caCertificateFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    p.allowInsecureToken = m_insecureToken->isChecked();
    p.allowPrivateNetworks = m_privateNetworks->isChecked();
    return p;
}

QString ProfileDialog::headersProblem() const
{
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name =
            m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        if (name.isEmpty() && value.trimmed().isEmpty())
            continue;
        if (name.compare("Authorization"_L1, Qt::CaseInsensitive) == 0)
            //: %1 is the name of an authorization kind, "Static bearer token" or similar
            return tr("Do not put the Authorization header among the extra headers: choose "
                      "\"%1\" on the Authorization page, so that the token is kept in the "
                      "keychain.")
                .arg(Profile::authKindTitle(Profile::AuthKind::StaticToken));
        if (!Profile::parseHeader(name + u": "_s + value))
            //: %1 is a row number
            return tr("Extra header %1 is not valid: the name must be a single word (letters, "
                      "digits, '-'), the value a single line.")
                .arg(row + 1);
    }
    return {};
}

QStringList ProfileDialog::problems() const
{
    const Profile p = profile();
    QStringList out = p.problems();
    switch (p.auth) {
    case Profile::AuthKind::StaticToken:
        if (!m_token->hasSecret())
            out << tr("Paste the access token.");
        break;
    case Profile::AuthKind::ClientSecret:
        if (!m_clientSecret->hasSecret())
            out << tr("Enter the client secret.");
        break;
    case Profile::AuthKind::SmartBackend: {
        const bool checking =
            m_secretStates.value(QLatin1String(SecretStore::PrivateKey)) == SecretState::Checking;
        const fbm::jwt::Key key = currentKey();
        if (key.isNull() && !checking &&
            !(m_secretStates.value(QLatin1String(SecretStore::PrivateKey)) ==
                  SecretState::Unreadable &&
              !m_removeKey))
            out << tr("Generate a private key, or import one.");
        else if (!key.isNull())
            if (const QString why = key.unsuitableFor(p.algorithm); !why.isEmpty())
                out << why;
        break;
    }
    case Profile::AuthKind::Interactive:
    case Profile::AuthKind::None:
        break;
    }
    if (const QString h = headersProblem(); !h.isEmpty())
        out << h;
    if (!p.caCertificateFile.isEmpty() && !QFileInfo::exists(p.caCertificateFile))
        //: %1 is a file path
        out << tr("The CA certificate file %1 does not exist.")
                   .arg(QDir::toNativeSeparators(p.caCertificateFile));
    if (!p.authorizationUrl.isEmpty() &&
        (!p.authorizationUrl.isValid() || p.authorizationUrl.isRelative()))
        out << tr("The sign-in URL is not a complete web address.");
    return out;
}

void ProfileDialog::updateValidation()
{
    const QStringList list = problems();
    m_problems->setVisible(!list.isEmpty());
    m_problems->setText(bulletList(list));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(list.isEmpty() && !m_saving);
    m_testButton->setEnabled(!m_probe && profile().baseUrl.isValid() &&
                             !profile().baseUrl.host().isEmpty());
    // Rows and the list of problems come and go with nearly every change.
    growToFit();
}

void ProfileDialog::updateAuthRows()
{
    using K = Profile::AuthKind;
    const K kind = authKind();
    const bool client =
        kind == K::ClientSecret || kind == K::SmartBackend || kind == K::Interactive;
    const SecretState refresh =
        m_secretStates.value(QLatin1String(SecretStore::RefreshToken), SecretState::Absent);
    const QHash<QWidget *, bool> shown = {
        {m_clientId, client},
        {m_clientSecret, kind == K::ClientSecret},
        {m_clientAuthMethod, kind == K::ClientSecret},
        {m_token, kind == K::StaticToken},
        {m_keyRow, kind == K::SmartBackend},
        {m_algorithm, kind == K::SmartBackend},
        {m_keyId, kind == K::SmartBackend},
        {m_jwksRow, kind == K::SmartBackend},
        {m_scope, client},
        {m_tokenUrlRow, client},
        {m_authorizeUrl, kind == K::Interactive},
        {m_redirectPort, kind == K::Interactive},
        {m_signInRow, kind == K::Interactive && refresh != SecretState::Absent},
    };
    // The rows this kind does not use are taken out of the form, not hidden in it. Qt 6.4's
    // QFormLayout, once the form has a word-wrapped label (height for width), sizes rows from
    // stale data about rows hidden since: after Bearer token and SMART (or the browser),
    // Client secret was given a height of 0 and could not be filled in, so OK stayed
    // disabled. Hiding rows with setRowVisible() and hiding the widgets both do it.
    while (m_authForm->rowCount() > 1) {
        const QFormLayout::TakeRowResult taken = m_authForm->takeRow(1);
        delete taken.labelItem; // the layout items only: the widgets stay on the page
        delete taken.fieldItem;
    }
    for (const auto &[label, field] : std::as_const(m_authRows)) {
        const bool on = shown.value(field, false);
        label->setVisible(on);
        field->setVisible(on);
        if (on)
            m_authForm->addRow(label, field);
    }
    m_signInStatus->setText(m_signOut ? tr("You will be signed out when you press OK.")
                            : refresh == SecretState::Checking
                                ? tr("Checking the keychain…")
                                : tr("Signed in: the sign-in is kept in the keychain."));
    m_signOutButton->setText(m_signOut ? tr("&Undo") : tr("Sign &Out"));

    switch (kind) {
    case K::None:
        m_authHelp->setText(tr("Requests carry no credentials. For open test servers."));
        break;
    case K::StaticToken:
        m_authHelp->setText(tr("A bearer token you obtained elsewhere. It cannot be renewed: "
                               "when it expires, paste a new one."));
        break;
    case K::ClientSecret:
        m_authHelp->setText(tr("OAuth 2 client credentials: the program asks the token "
                               "endpoint for tokens with the client ID and secret."));
        break;
    case K::SmartBackend:
        m_authHelp->setText(tr("SMART Backend Services: the program signs a short-lived "
                               "assertion with the private key and exchanges it for tokens. "
                               "Register the public key below with the server."));
        break;
    case K::Interactive:
        m_authHelp->setText(tr("You sign in to the server in your web browser; the program "
                               "keeps the sign-in and renews its tokens."));
        break;
    }
    updateKeyView();
}

void ProfileDialog::growToFit()
{
    // Rows appear with the kind of authorization and hints wrap to more lines, but a dialog
    // keeps its size, and its minimum ignores height-for-width: grow (never shrink) to what the
    // content needs at the current width, within the screen.
    QLayout *l = layout();
    if (!l)
        return;
    l->activate();
    int needed =
        l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : l->totalSizeHint().height();
    if (const QScreen *s = screen())
        needed = qMin(needed, s->availableGeometry().height() -
                                  (frameGeometry().height() - geometry().height()));
    if (needed > height())
        resize(width(), needed);
}

void ProfileDialog::updateKeyView()
{
    const fbm::jwt::Key key = currentKey();
    const SecretState state =
        m_secretStates.value(QLatin1String(SecretStore::PrivateKey), SecretState::Absent);
    const auto describe = [](const fbm::jwt::Key &k) {
        return k.type() == fbm::jwt::Key::Type::Rsa
                   //: %1 is a number of bits
                   ? tr("RSA %1-bit key").arg(k.bits())
                   : tr("EC P-384 key");
    };
    QString status;
    if (!m_newKey.isNull())
        //: %1 describes the key, e.g. "RSA 3072-bit key"
        status = tr("New %1, saved to the keychain when you press OK.").arg(describe(m_newKey));
    else if (m_removeKey)
        status = tr("The stored key will be removed when you press OK.");
    else if (state == SecretState::Checking)
        status = tr("Checking the keychain…");
    else if (state == SecretState::Unreadable)
        status = tr("The keychain could not be read.");
    else if (!m_storedKeyProblem.isEmpty())
        status = m_storedKeyProblem;
    else if (!m_storedKey.isNull())
        //: %1 describes the key, e.g. "RSA 3072-bit key"
        status = (m_secrets && m_secrets->isPersistent())
                     ? tr("%1, stored in the keychain.").arg(describe(m_storedKey))
                     : tr("%1, kept for this session only.").arg(describe(m_storedKey));
    else
        status = tr("No key yet.");
    m_keyStatus->setText(status);
    m_removeKeyButton->setVisible(!m_newKey.isNull() || state == SecretState::Stored ||
                                  state == SecretState::Unreadable);
    m_removeKeyButton->setText(m_removeKey && m_newKey.isNull() ? tr("Undo") : tr("Remove"));

    const bool showJwks = !key.isNull() && key.unsuitableFor(algorithm()).isEmpty();
    const QString kid =
        m_keyId->text().trimmed().isEmpty() ? key.thumbprint() : m_keyId->text().trimmed();
    m_jwks->setPlainText(showJwks ? QString::fromUtf8(fbm::jwt::jwksText(key, kid, algorithm()))
                                  : QString());
    m_jwks->setPlaceholderText(key.isNull() ? tr("Appears once there is a key.")
                                            : key.unsuitableFor(algorithm()));
    m_copyJwks->setEnabled(showJwks);
    if (!key.isNull() && m_keyId->text().trimmed().isEmpty())
        m_keyId->setPlaceholderText(key.thumbprint());
}

void ProfileDialog::updateInsecureWarning()
{
    const bool plain = QUrl(m_baseUrl->text().trimmed()).scheme() == "http"_L1;
    m_insecureWarning->setVisible(m_insecureToken->isChecked());
    m_insecureToken->setToolTip(plain ? QString()
                                      : tr("Only matters for a server address starting with "
                                           "http://."));
}

void ProfileDialog::addHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void ProfileDialog::removeHeaderRow()
{
    const int row = m_headers->currentRow();
    if (row >= 0)
        m_headers->removeRow(row);
    updateValidation();
}

// --- files and keys ------------------------------------------------------------------------

void ProfileDialog::browseOutputDir()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export Folder"), QDir::fromNativeSeparators(m_outputDir->text()));
    if (!dir.isEmpty())
        m_outputDir->setText(QDir::toNativeSeparators(dir));
}

void ProfileDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("CA Certificate"), QDir::fromNativeSeparators(m_caFile->text()),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(file));
}

void ProfileDialog::browsePrivateKey()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Private Key"), QString(),
                                                      tr("PEM keys (*.pem *.key);;All files (*)"));
    if (!file.isEmpty())
        importPrivateKey(file);
}

bool ProfileDialog::importPrivateKey(const QString &pemFile)
{
    QFile f(pemFile);
    QByteArray pem;
    if (f.open(QIODevice::ReadOnly))
        pem = f.read(1 << 20);
    auto key = pem.isEmpty()
                   ? fbm::Result<fbm::jwt::Key>(fbm::Error::make(
                         fbm::Error::Kind::Io,
                         //: %1 is a file path
                         tr("%1 could not be read.").arg(QDir::toNativeSeparators(pemFile))))
                   : fbm::jwt::Key::fromPrivatePem(pem);
    // The PEM is a secret: drop our copy of the bytes at once.
    pem.fill('\0');
    if (!key.ok()) {
        m_keyStatus->setText(key.error().message);
        return false;
    }
    m_newKey = key.value();
    m_removeKey = false;
    // Importing an EC key while RS384 is chosen means the user wants ES384.
    if (const auto alg = m_newKey.defaultAlgorithm();
        alg && !m_newKey.unsuitableFor(algorithm()).isEmpty())
        m_algorithm->setCurrentIndex(m_algorithm->findData(int(*alg)));
    if (m_keyId->text().trimmed().isEmpty())
        m_keyId->setText(m_newKey.thumbprint());
    updateKeyView();
    updateValidation();
    return true;
}

void ProfileDialog::generateKey()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto key = fbm::jwt::Key::generate(algorithm());
    QApplication::restoreOverrideCursor();
    if (!key.ok()) {
        m_keyStatus->setText(key.error().message);
        return;
    }
    m_newKey = key.value();
    m_removeKey = false;
    // A new key is a new registration: its thumbprint is a kid no other key has.
    m_keyId->setText(m_newKey.thumbprint());
    updateKeyView();
    updateValidation();
}

void ProfileDialog::copyJwks()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_jwks->toPlainText());
    m_busy->setText(tr("The public key was copied."));
}

// --- secrets -------------------------------------------------------------------------------

void ProfileDialog::loadSecrets()
{
    const QStringList names = SecretStore::secretNames();
    // A profile that did not exist before has no secrets yet: nothing to ask the keychain.
    const bool ask = m_secrets && !m_isNew;
    for (const QString &name : names)
        m_secretStates.insert(name, ask ? SecretState::Checking : SecretState::Absent);
    if (ask) {
        for (const QString &name : names) {
            m_secrets->read(
                SecretStore::keyFor(m_original.id, name), this,
                [this, name](const QByteArray &value, bool found, const fbm::Error &error) {
                    onSecretRead(name, value, found, error);
                });
        }
    }
    const bool persistent = !m_secrets || m_secrets->isPersistent();
    m_clientSecret->setState(m_secretStates.value(QLatin1String(SecretStore::ClientSecret)),
                             persistent);
    m_token->setState(m_secretStates.value(QLatin1String(SecretStore::StaticToken)), persistent);
}

void ProfileDialog::onSecretRead(const QString &name, const QByteArray &value, bool found,
                                 const fbm::Error &error)
{
    SecretState state = SecretState::Absent;
    if (error.isError()) {
        state = SecretState::Unreadable;
        qCInfo(lcProfileDialog) << "keychain read failed:" << error.detail;
        if (!m_keychainProblem)
            showKeychainProblem(error.message);
    } else if (found) {
        state = SecretState::Stored;
    }
    m_secretStates.insert(name, state);
    const bool persistent = !m_secrets || m_secrets->isPersistent();
    if (name == QLatin1String(SecretStore::ClientSecret)) {
        m_clientSecret->setState(state, persistent);
    } else if (name == QLatin1String(SecretStore::StaticToken)) {
        m_token->setState(state, persistent);
    } else if (name == QLatin1String(SecretStore::PrivateKey) && found) {
        // Read only to show the public half; the private key stays in this object's memory.
        auto key = fbm::jwt::Key::fromPrivatePem(value);
        if (key.ok())
            m_storedKey = key.value();
        else
            //: %1 explains what is wrong with the key
            m_storedKeyProblem = tr("The stored key cannot be used: %1").arg(key.error().message);
    }
    // Only whether a value exists matters here: nothing keeps it.
    updateAuthRows();
    updateValidation();
}

QList<ProfileDialog::SecretWrite> ProfileDialog::pendingSecretWrites() const
{
    QList<SecretWrite> out;
    const QString id = m_original.id;
    const auto key = [&id](const QString &name) {
        return SecretStore::keyFor(id, name);
    };
    const QString inUse = profile().secretName();
    const QString token = QLatin1String(SecretStore::StaticToken);
    const QString clientSecret = QLatin1String(SecretStore::ClientSecret);
    const QString privateKey = QLatin1String(SecretStore::PrivateKey);
    const QString refreshToken = QLatin1String(SecretStore::RefreshToken);

    if (inUse == token) {
        if (const auto v = m_token->newValue())
            out.append({key(token), *v});
    } else if (inUse == clientSecret) {
        if (const auto v = m_clientSecret->newValue())
            out.append({key(clientSecret), *v});
    } else if (inUse == privateKey && !m_newKey.isNull()) {
        out.append({key(privateKey), m_newKey.privatePem()});
    }
    // What the user asked to remove goes, and so does every stored secret the profile no
    // longer uses: a keychain should not keep credentials nobody will use again.
    const QStringList names = SecretStore::secretNames();
    for (const QString &name : names) {
        if (std::any_of(out.cbegin(), out.cend(),
                        [&](const SecretWrite &w) { return w.key == key(name); }))
            continue;
        bool remove = name != inUse && m_secretStates.value(name) == SecretState::Stored;
        if (name == token)
            remove = remove || m_token->removeRequested();
        else if (name == clientSecret)
            remove = remove || m_clientSecret->removeRequested();
        else if (name == privateKey)
            remove = remove || m_removeKey;
        else if (name == refreshToken)
            remove = remove || m_signOut;
        if (remove)
            out.append({key(name), std::nullopt});
    }
    return out;
}

void ProfileDialog::accept()
{
    if (m_saving)
        return;
    const QStringList list = problems();
    if (!list.isEmpty()) {
        updateValidation();
        return;
    }
    QList<SecretWrite> writes = pendingSecretWrites();
    if (writes.isEmpty()) {
        QDialog::accept();
        return;
    }
    SecretStore *store = m_sessionOnly ? m_sessionStore.data() : m_secrets.data();
    if (m_sessionOnly && !store) {
        // No session store to take them: keep them for the caller.
        for (const SecretWrite &w : std::as_const(writes)) {
            if (w.value)
                m_sessionSecrets.insert(w.key, *w.value);
            else
                m_sessionSecrets.remove(w.key);
        }
        QDialog::accept();
        return;
    }
    if (!store) {
        showKeychainProblem(tr("There is no place to keep secrets."));
        return;
    }
    setBusy(true, store->isPersistent() ? tr("Saving to the keychain…") : QString());
    writeNext(store, std::move(writes));
}

void ProfileDialog::writeNext(SecretStore *store, QList<SecretWrite> writes)
{
    if (writes.isEmpty()) {
        setBusy(false);
        QDialog::accept();
        return;
    }
    const SecretWrite w = writes.takeFirst();
    QPointer<SecretStore> guard(store);
    auto done = [this, guard, writes](const fbm::Error &error) {
        if (error.isError()) {
            setBusy(false);
            qCInfo(lcProfileDialog) << "keychain write failed:" << error.detail;
            showKeychainProblem(error.message);
            return;
        }
        if (!guard) {
            setBusy(false);
            return;
        }
        writeNext(guard.data(), writes);
    };
    if (w.value)
        store->write(w.key, *w.value, this, done);
    else
        store->remove(w.key, this, done);
}

void ProfileDialog::setBusy(bool busy, const QString &message)
{
    m_saving = busy;
    m_busy->setText(message);
    m_tabs->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && problems().isEmpty());
}

void ProfileDialog::showKeychainProblem(const QString &message)
{
    m_keychainProblem = true;
    m_keychainMessage->setText(message);
    // Offering "this session only" makes sense only when the secrets would otherwise be lost:
    // not when the store is already the in-memory one.
    const bool sessionStoreAlready = m_secrets && !m_secrets->isPersistent();
    m_keepSession->setVisible(!sessionStoreAlready && !m_sessionOnly);
    m_keychainBanner->show();
}

void ProfileDialog::keepForSession()
{
    m_sessionOnly = true;
    m_keepSession->hide();
    m_keychainMessage->setText(tr("The secrets will be kept for this session only, until the "
                                  "program closes."));
    accept();
}

void ProfileDialog::setSessionStore(SecretStore *store)
{
    m_sessionStore = store;
}

// --- test connection -----------------------------------------------------------------------

void ProfileDialog::discoverEndpoints()
{
    using K = Profile::AuthKind;
    const K kind = authKind();
    if (kind != K::ClientSecret && kind != K::SmartBackend && kind != K::Interactive)
        return;
    const QUrl base = profile().baseUrl;
    if (!m_nam || !base.isValid() || base.host().isEmpty() || base == m_discoveredFor)
        return;
    m_discoveredFor = base;
    m_tokenUrlHint->setText(tr("Looking for the token endpoint…"));
    // With the profile's CA certificate, as the token requests will be sent. An earlier
    // discovery still running ends with its network access, unanswered.
    if (m_discoveryNam)
        m_discoveryNam.release()->deleteLater();
    m_discoveryNam = fbm::networkAccessForProfile(profile());
    fbm::SmartConfiguration::discover(
        m_discoveryNam ? m_discoveryNam.get() : m_nam, base, this,
        [this, base](const fbm::Result<fbm::SmartConfiguration> &config) {
            if (base != m_discoveredFor)
                return;
            if (config.ok())
                showDiscovered(config->tokenEndpoint, config->authorizationEndpoint);
            else
                m_tokenUrlHint->setText(config.error().message);
            growToFit();
        },
        15000);
}

void ProfileDialog::showDiscovered(const QUrl &token, const QUrl &authorize)
{
    //: %1 is a URL
    m_tokenUrlHint->setText(
        tr("The server names %1. Leave the field empty to use it.").arg(token.toDisplayString()));
    m_tokenUrl->setPlaceholderText(token.toDisplayString());
    if (!authorize.isEmpty())
        m_authorizeUrl->setPlaceholderText(authorize.toDisplayString());
}

void ProfileDialog::testConnection()
{
    if (m_probe || !m_nam)
        return;
    const Profile p = profile();
    using K = Profile::AuthKind;
    m_testAuth.reset();
    std::optional<QByteArray> secret;
    switch (p.auth) {
    case K::StaticToken:
        secret = m_token->newValue();
        break;
    case K::ClientSecret:
        secret = m_clientSecret->newValue();
        break;
    case K::SmartBackend:
        if (!m_newKey.isNull())
            secret = m_newKey.privatePem();
        break;
    case K::None:
    case K::Interactive:
        break;
    }
    QString note;
    if (p.auth == K::Interactive) {
        // Trying a token would open the browser: the test stays with what the server offers.
        note = tr("Sign-in is not tried here; it happens in the browser on the first export.");
    } else if (p.auth != K::None && p.problems().isEmpty()) {
        if (secret) {
            auto provider = fbm::createAuthProvider(p, *secret, m_nam, m_secrets);
            if (provider.ok())
                m_testAuth = std::move(provider.value());
            else
                note = provider.error().message;
        } else if (m_secrets && m_secretStates.value(p.secretName()) != SecretState::Absent &&
                   !(p.auth == K::SmartBackend && m_removeKey) &&
                   !(p.auth == K::StaticToken && m_token->removeRequested()) &&
                   !(p.auth == K::ClientSecret && m_clientSecret->removeRequested())) {
            m_testAuth = std::make_unique<fbm::ProfileAuth>(p, m_nam, m_secrets);
        } else {
            note = tr("No credentials yet, so no token was asked for.");
        }
    }
    auto client = fbm::createHttpClient(p, m_testAuth.get());
    if (!client.ok()) {
        m_testIcon->setPixmap(style()
                                  ->standardIcon(QStyle::SP_MessageBoxWarning)
                                  .pixmap(style()->pixelMetric(QStyle::PM_SmallIconSize)));
        m_testResult->setText(client.error().message);
        Q_EMIT connectionTested(false);
        return;
    }
    m_testClient = std::move(client.value());
    m_probe = std::make_unique<fbm::ServerProbe>(m_testClient.get());
    m_probe->setCheckToken(m_testAuth != nullptr);
    m_testIcon->clear();
    //: %1 is a URL
    m_testResult->setText(tr("Asking %1…").arg(p.baseUrl.toDisplayString()));
    m_testButton->setEnabled(false);
    m_probe->probe(this, [this, note](const fbm::ProbeResult &result) {
        showProbeResult(result);
        if (!note.isEmpty())
            m_testResult->setText(m_testResult->text() + u'\n' + bulletList({note}));
        // Later: the probe is still on the stack of this callback.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_probe.reset();
                updateValidation();
            },
            Qt::QueuedConnection);
        Q_EMIT connectionTested(result.ok());
    });
}

void ProfileDialog::showProbeResult(const fbm::ProbeResult &result)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_testIcon->setPixmap(style()
                              ->standardIcon(result.ok() ? QStyle::SP_DialogApplyButton
                                                         : QStyle::SP_MessageBoxWarning)
                              .pixmap(size, size));
    m_testIcon->setAccessibleName(result.ok() ? tr("Connection works") : tr("Connection problem"));
    QString text = m_testClient ? m_testClient->redact(bulletList(result.findings()))
                                : bulletList(result.findings());
    m_testResult->setText(text);
    if (result.smartFound) {
        m_discoveredFor = result.base;
        showDiscovered(result.tokenEndpoint, result.authorizationEndpoint);
    }
}
