#include "authpage.h"

#include "auth/secretstore.h"
#include "filechooser.h"
#include "formrows.h"
#include "secretfield.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString name(const char *secret)
{
    return QLatin1String(secret);
}

} // namespace

AuthPage::AuthPage(const Profile &profile, bool persistent, QWidget *parent)
    : QWidget(parent)
    , m_persistent(persistent)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_kind = new QComboBox;
    m_kind->setObjectName(u"authKindCombo"_s);
    for (auto kind :
         {Profile::AuthKind::None, Profile::AuthKind::StaticToken, Profile::AuthKind::ClientSecret,
          Profile::AuthKind::SmartBackend, Profile::AuthKind::Interactive})
        m_kind->addItem(Profile::authKindTitle(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(profile.auth)));
    // The explanation sits under the combo, in the same cell, so it wraps at the field's width.
    auto *kindBox = new QWidget;
    kindBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *kindLayout = new QVBoxLayout(kindBox);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    m_help = hintLabel();
    m_help->setObjectName(u"authHelp"_s);
    kindLayout->addWidget(m_kind, 0, Qt::AlignLeft);
    kindLayout->addWidget(m_help);
    addFormRow(m_form, tr("&Authorization:"), kindBox, m_kind);

    m_clientId = new QLineEdit(profile.clientId);
    m_clientId->setObjectName(u"clientIdEdit"_s);
    addFormRow(m_form, tr("&Client ID:"), m_clientId);

    m_clientSecret = new SecretField(u"clientSecret"_s, tr("Paste the client secret"), this);
    m_clientSecret->setAccessibleLabel(tr("Client secret"));
    addFormRow(m_form, tr("Client &secret:"), m_clientSecret, m_clientSecret->edit());

    m_clientAuthMethod = new QComboBox;
    m_clientAuthMethod->setObjectName(u"clientAuthMethodCombo"_s);
    m_clientAuthMethod->addItem(tr("HTTP Basic (client_secret_basic)"),
                                int(Profile::ClientAuthMethod::Basic));
    m_clientAuthMethod->addItem(tr("In the request body (client_secret_post)"),
                                int(Profile::ClientAuthMethod::Post));
    m_clientAuthMethod->setCurrentIndex(
        m_clientAuthMethod->findData(int(profile.clientAuthMethod)));
    addFormRow(m_form, tr("Send the secret &by:"), m_clientAuthMethod);

    m_token = new SecretField(u"token"_s, tr("Paste the access token"), this);
    m_token->setAccessibleLabel(tr("Access token"));
    addFormRow(m_form, tr("Access &token:"), m_token, m_token->edit());

    // Built first: the row's widgets are the label's buddies.
    QWidget *keyRow = buildKeyRow();
    addFormRow(m_form, tr("Private &key:"), keyRow, m_importKey);

    m_algorithm = new QComboBox;
    m_algorithm->setObjectName(u"algorithmCombo"_s);
    m_algorithm->addItem(tr("RS384 (RSA)"), int(jwt::Algorithm::RS384));
    m_algorithm->addItem(tr("ES384 (elliptic curve P-384)"), int(jwt::Algorithm::ES384));
    m_algorithm->setCurrentIndex(m_algorithm->findData(int(profile.algorithm)));
    addFormRow(m_form, tr("A&lgorithm:"), m_algorithm);

    m_keyId = new QLineEdit(profile.keyId);
    m_keyId->setObjectName(u"keyIdEdit"_s);
    m_keyId->setPlaceholderText(tr("The key's thumbprint"));
    m_keyId->setToolTip(tr("The \"kid\" the server knows the public key by."));
    addFormRow(m_form, tr("Key &ID (kid):"), m_keyId);

    QWidget *jwksRow = buildJwksRow();
    addFormRow(m_form, tr("&Public key:"), jwksRow, m_jwks);

    m_scope = new QLineEdit(profile.scope);
    m_scope->setObjectName(u"scopeEdit"_s);
    m_scope->setPlaceholderText(u"system/*.read"_s);
    addFormRow(m_form, tr("Sc&ope:"), m_scope);

    m_tokenUrlRow = new QWidget;
    auto *tokenLayout = new QVBoxLayout(m_tokenUrlRow);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    m_tokenUrl = new QLineEdit(profile.tokenUrl.toString());
    m_tokenUrl->setObjectName(u"tokenUrlEdit"_s);
    m_tokenUrl->setPlaceholderText(tr("Found on the server when empty"));
    m_tokenUrlHint = hintLabel();
    m_tokenUrlHint->setObjectName(u"tokenUrlHint"_s);
    tokenLayout->addWidget(m_tokenUrl);
    tokenLayout->addWidget(m_tokenUrlHint);
    addFormRow(m_form, tr("T&oken URL:"), m_tokenUrlRow, m_tokenUrl);

    m_authorizeUrl = new QLineEdit(profile.authorizationUrl.toString());
    m_authorizeUrl->setObjectName(u"authorizeUrlEdit"_s);
    m_authorizeUrl->setPlaceholderText(tr("Found on the server when empty"));
    addFormRow(m_form, tr("Sign-in &URL:"), m_authorizeUrl);

    m_redirectPort = new QSpinBox;
    m_redirectPort->setObjectName(u"redirectPortSpin"_s);
    m_redirectPort->setRange(0, 65535);
    m_redirectPort->setSpecialValueText(tr("Any free port"));
    m_redirectPort->setValue(profile.redirectPort);
    m_redirectPort->setToolTip(tr("The port of the http://127.0.0.1 address the browser returns "
                                  "to after signing in; some servers register a fixed one."));
    addFormRow(m_form, tr("&Redirect port:"), m_redirectPort);

    QWidget *signInRow = buildSignInRow();
    addFormRow(m_form, tr("Sign-in:"), signInRow, m_signOutButton);

    // Every row but the kind's own, in order, to be put back by updateRows().
    for (int row = 1; row < m_form->rowCount(); ++row)
        m_rows.append(std::make_pair(m_form->itemAt(row, QFormLayout::LabelRole)->widget(),
                                     m_form->itemAt(row, QFormLayout::FieldRole)->widget()));

    for (const QString &secret : SecretStore::secretNames())
        m_states.insert(secret, SecretState::Absent);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        Q_EMIT kindChanged();
        Q_EMIT changed();
    });
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, [this] {
        updateKeyView();
        Q_EMIT changed();
    });
    connect(m_keyId, &QLineEdit::textChanged, this, &AuthPage::updateKeyView);
    for (QLineEdit *edit : {m_clientId, m_tokenUrl, m_authorizeUrl, m_scope})
        connect(edit, &QLineEdit::textChanged, this, &AuthPage::changed);
    connect(m_clientSecret, &SecretField::changed, this, &AuthPage::changed);
    connect(m_token, &SecretField::changed, this, &AuthPage::changed);
    updateRows();
}

AuthPage::~AuthPage() = default;

QWidget *AuthPage::buildKeyRow()
{
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
    auto *generate = new QPushButton(tr("&Generate Key"));
    generate->setObjectName(u"generateKeyButton"_s);
    generate->setAccessibleName(tr("Generate a new private key"));
    generate->setToolTip(
        tr("Make a new key for the chosen algorithm: RSA 3072 bits for RS384, EC P-384 for "
           "ES384."));
    m_removeKeyButton = new QPushButton(tr("Remove"));
    m_removeKeyButton->setObjectName(u"removeKeyButton"_s);
    m_removeKeyButton->setAccessibleName(tr("Remove the private key"));
    keyLayout->addWidget(m_keyStatus, 1);
    keyLayout->addWidget(m_importKey);
    keyLayout->addWidget(generate);
    keyLayout->addWidget(m_removeKeyButton);
    connect(m_importKey, &QPushButton::clicked, this, &AuthPage::browsePrivateKey);
    connect(generate, &QPushButton::clicked, this, &AuthPage::generateKey);
    connect(m_removeKeyButton, &QPushButton::clicked, this, [this] {
        if (!m_newKey.isNull())
            m_newKey = {};
        else
            m_removeKey = !m_removeKey;
        updateKeyView();
        Q_EMIT changed();
    });
    return m_keyRow;
}

QWidget *AuthPage::buildJwksRow()
{
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
    connect(m_copyJwks, &QPushButton::clicked, this, &AuthPage::copyJwks);
    return m_jwksRow;
}

QWidget *AuthPage::buildSignInRow()
{
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
    connect(m_signOutButton, &QPushButton::clicked, this, [this] {
        m_signOut = !m_signOut;
        updateRows();
        Q_EMIT changed();
    });
    return m_signInRow;
}

// --- the form ------------------------------------------------------------------------------

Profile::AuthKind AuthPage::authKind() const
{
    return Profile::AuthKind(m_kind->currentData().toInt());
}

jwt::Algorithm AuthPage::algorithm() const
{
    return jwt::Algorithm(m_algorithm->currentData().toInt());
}

jwt::Key AuthPage::currentKey() const
{
    if (!m_newKey.isNull())
        return m_newKey;
    return m_removeKey ? jwt::Key() : m_storedKey;
}

void AuthPage::applyTo(Profile &p) const
{
    p.auth = authKind();
    p.clientId = m_clientId->text().trimmed();
    p.clientAuthMethod = Profile::ClientAuthMethod(m_clientAuthMethod->currentData().toInt());
    p.algorithm = algorithm();
    p.keyId = m_keyId->text().trimmed();
    p.scope = m_scope->text().trimmed();
    p.tokenUrl = QUrl(m_tokenUrl->text().trimmed());
    p.authorizationUrl = QUrl(m_authorizeUrl->text().trimmed());
    p.redirectPort = quint16(m_redirectPort->value());
}

void AuthPage::setSecretState(const QString &secret, SecretState state)
{
    m_states.insert(secret, state);
    if (secret == name(SecretStore::ClientSecret))
        m_clientSecret->setState(state, m_persistent);
    else if (secret == name(SecretStore::StaticToken))
        m_token->setState(state, m_persistent);
    updateRows();
}

SecretState AuthPage::secretState(const QString &secret) const
{
    return m_states.value(secret, SecretState::Absent);
}

void AuthPage::setStoredKey(const QByteArray &pem)
{
    // Read only to show the public half; the private key stays in this object's memory.
    auto key = jwt::Key::fromPrivatePem(pem);
    if (key.ok())
        m_storedKey = key.value();
    else
        //: %1 explains what is wrong with the key
        m_storedKeyProblem = tr("The stored key cannot be used: %1").arg(key.error().message);
    updateKeyView();
}

QStringList AuthPage::problems(const Profile &p) const
{
    QStringList out;
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
        const SecretState state = secretState(name(SecretStore::PrivateKey));
        const jwt::Key key = currentKey();
        if (key.isNull() && state != SecretState::Checking &&
            !(state == SecretState::Unreadable && !m_removeKey))
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
    return out;
}

std::optional<QByteArray> AuthPage::newSecret(const Profile &p) const
{
    switch (p.auth) {
    case Profile::AuthKind::StaticToken:
        return m_token->newValue();
    case Profile::AuthKind::ClientSecret:
        return m_clientSecret->newValue();
    case Profile::AuthKind::SmartBackend:
        if (!m_newKey.isNull())
            return m_newKey.privatePem();
        return std::nullopt;
    case Profile::AuthKind::None:
    case Profile::AuthKind::Interactive:
        break;
    }
    return std::nullopt;
}

bool AuthPage::keepsStoredSecret(const Profile &p) const
{
    using K = Profile::AuthKind;
    return secretState(p.secretName()) != SecretState::Absent &&
           !(p.auth == K::SmartBackend && m_removeKey) &&
           !(p.auth == K::StaticToken && m_token->removeRequested()) &&
           !(p.auth == K::ClientSecret && m_clientSecret->removeRequested());
}

SecretEdits AuthPage::secretEdits(const Profile &p) const
{
    SecretEdits edits;
    edits.inUse = p.secretName();
    edits.newValue = newSecret(p);
    if (m_token->removeRequested())
        edits.removeRequested.insert(name(SecretStore::StaticToken));
    if (m_clientSecret->removeRequested())
        edits.removeRequested.insert(name(SecretStore::ClientSecret));
    if (m_removeKey)
        edits.removeRequested.insert(name(SecretStore::PrivateKey));
    if (m_signOut)
        edits.removeRequested.insert(name(SecretStore::RefreshToken));
    edits.states = m_states;
    return edits;
}

void AuthPage::updateRows()
{
    using K = Profile::AuthKind;
    const K kind = authKind();
    const bool client =
        kind == K::ClientSecret || kind == K::SmartBackend || kind == K::Interactive;
    const SecretState refresh = secretState(name(SecretStore::RefreshToken));
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
    while (m_form->rowCount() > 1) {
        const QFormLayout::TakeRowResult taken = m_form->takeRow(1);
        delete taken.labelItem; // the layout items only: the widgets stay on the page
        delete taken.fieldItem;
    }
    for (const auto &[label, field] : std::as_const(m_rows)) {
        const bool on = shown.value(field, false);
        label->setVisible(on);
        field->setVisible(on);
        if (on)
            m_form->addRow(label, field);
    }
    m_signInStatus->setText(m_signOut ? tr("You will be signed out when you press OK.")
                            : refresh == SecretState::Checking
                                ? tr("Checking the keychain…")
                                : tr("Signed in: the sign-in is kept in the keychain."));
    m_signOutButton->setText(m_signOut ? tr("&Undo") : tr("Sign &Out"));

    switch (kind) {
    case K::None:
        m_help->setText(tr("Requests carry no credentials. For open test servers."));
        break;
    case K::StaticToken:
        m_help->setText(tr("A bearer token you obtained elsewhere. It cannot be renewed: "
                           "when it expires, paste a new one."));
        break;
    case K::ClientSecret:
        m_help->setText(tr("OAuth 2 client credentials: the program asks the token "
                           "endpoint for tokens with the client ID and secret."));
        break;
    case K::SmartBackend:
        m_help->setText(tr("SMART Backend Services: the program signs a short-lived "
                           "assertion with the private key and exchanges it for tokens. "
                           "Register the public key below with the server."));
        break;
    case K::Interactive:
        m_help->setText(tr("You sign in to the server in your web browser; the program "
                           "keeps the sign-in and renews its tokens."));
        break;
    }
    updateKeyView();
}

void AuthPage::updateKeyView()
{
    const jwt::Key key = currentKey();
    const SecretState state = secretState(name(SecretStore::PrivateKey));
    const auto describe = [](const jwt::Key &k) {
        return k.type() == jwt::Key::Type::Rsa
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
        status = m_persistent ? tr("%1, stored in the keychain.").arg(describe(m_storedKey))
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
    m_jwks->setPlainText(showJwks ? QString::fromUtf8(jwt::jwksText(key, kid, algorithm()))
                                  : QString());
    m_jwks->setPlaceholderText(key.isNull() ? tr("Appears once there is a key.")
                                            : key.unsuitableFor(algorithm()));
    m_copyJwks->setEnabled(showJwks);
    if (!key.isNull() && m_keyId->text().trimmed().isEmpty())
        m_keyId->setPlaceholderText(key.thumbprint());
}

void AuthPage::setDiscoveryHint(const QString &text)
{
    m_tokenUrlHint->setText(text);
}

void AuthPage::showDiscovered(const QUrl &token, const QUrl &authorize)
{
    //: %1 is a URL
    m_tokenUrlHint->setText(
        tr("The server names %1. Leave the field empty to use it.").arg(token.toDisplayString()));
    m_tokenUrl->setPlaceholderText(token.toDisplayString());
    if (!authorize.isEmpty())
        m_authorizeUrl->setPlaceholderText(authorize.toDisplayString());
}

// --- keys ----------------------------------------------------------------------------------

void AuthPage::browsePrivateKey()
{
    const QString file = FileChooser::dialogs()->openFileName(
        this, tr("Import Private Key"), QString(), tr("PEM keys (*.pem *.key);;All files (*)"));
    if (!file.isEmpty())
        importPrivateKey(file);
}

bool AuthPage::importPrivateKey(const QString &pemFile)
{
    QFile f(pemFile);
    QByteArray pem;
    if (f.open(QIODevice::ReadOnly))
        pem = f.read(1 << 20);
    auto key = pem.isEmpty()
                   ? Result<jwt::Key>(Error::make(
                         Error::Kind::Io,
                         //: %1 is a file path
                         tr("%1 could not be read.").arg(QDir::toNativeSeparators(pemFile))))
                   : jwt::Key::fromPrivatePem(pem);
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
    Q_EMIT changed();
    return true;
}

void AuthPage::generateKey()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto key = jwt::Key::generate(algorithm());
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
    Q_EMIT changed();
}

void AuthPage::copyJwks()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_jwks->toPlainText());
    Q_EMIT note(tr("The public key was copied."));
}

} // namespace fbm
