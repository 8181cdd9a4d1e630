#include "profiledialog.h"
#include "logging.h"

#include "auth/authfactory.h"
#include "auth/profilesecrets.h"
#include "auth/secretstore.h"
#include "authpage.h"
#include "connectionpage.h"
#include "httpclient.h"
#include "messagebar.h"
#include "serverpage.h"
#include "serverprobe.h"
#include "smartconfiguration.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTabWidget>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using fbm::Profile;
using fbm::SecretState;
using fbm::SecretStore;

namespace {

QString bulletList(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << u"\u2022 "_s + l;
    return out.join(u'\n');
}

} // namespace

ProfileDialog::ProfileDialog(Profile profile, SecretStore *secrets, QNetworkAccessManager *nam,
                             QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(profile))
    , m_secrets(secrets)
    , m_nam(nam)
{
    m_isNew = m_original.id.isEmpty();
    if (m_isNew)
        m_original.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setObjectName(u"profileDialog"_s);
    setWindowTitle(m_isNew ? tr("New Server Profile") : tr("Edit Server Profile"));

    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"profileTabs"_s);
    layout->addWidget(m_tabs);
    m_server = new fbm::ServerPage(m_original);
    m_auth = new fbm::AuthPage(m_original, !m_secrets || m_secrets->isPersistent());
    m_connection = new fbm::ConnectionPage(m_original);
    m_tabs->addTab(m_server, tr("&Server"));
    m_tabs->addTab(m_auth, tr("A&uthorization"));
    m_tabs->addTab(m_connection, tr("C&onnection"));
    connect(m_server, &fbm::ServerPage::changed, this, &ProfileDialog::updateValidation);
    connect(m_server, &fbm::ServerPage::baseUrlChanged, this, [this] {
        m_connection->updateInsecureWarning(m_server->baseUrlText());
        // The last test's findings were about another address (walkthrough #24).
        if (m_testedBase != m_server->baseUrlText()) {
            m_testIcon->clear();
            m_testResult->clear();
        }
        updateValidation();
    });
    connect(m_server, &fbm::ServerPage::baseUrlEdited, this, &ProfileDialog::discoverEndpoints);
    connect(m_auth, &fbm::AuthPage::changed, this, &ProfileDialog::updateValidation);
    connect(m_auth, &fbm::AuthPage::kindChanged, this, &ProfileDialog::discoverEndpoints);
    connect(m_auth, &fbm::AuthPage::note, this,
            [this](const QString &text) { m_busy->setText(text); });
    connect(m_connection, &fbm::ConnectionPage::changed, this, &ProfileDialog::updateValidation);

    // The keychain's trouble, said once and plainly, without a modal box in the way.
    m_keychainBanner = new fbm::MessageBar;
    m_keychainBanner->setObjectName(u"keychainBanner"_s);
    m_keychainBanner->setBackgroundRole(QPalette::AlternateBase);
    m_keychainBanner->setForegroundRole(QPalette::WindowText);
    m_keychainBanner->textLabel()->setObjectName(u"keychainMessage"_s);
    m_keychainBanner->textLabel()->setForegroundRole(QPalette::WindowText);
    QPushButton *keep = m_keychainBanner->actionButton();
    keep->setObjectName(u"keepSessionButton"_s);
    keep->setText(tr("&Keep for This Session Only"));
    keep->setToolTip(tr("Keep the secrets in memory until the program closes. You will "
                        "have to enter them again next time."));
    layout->addWidget(m_keychainBanner);

    // Test connection: what it found, above the button row. The button itself sits in the row
    // of OK and Cancel, which never moves: messages that come and go above it (what is missing,
    // a long result) used to move it away from the pointer (walkthrough #24).
    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test Connection"));
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Ask the server what it offers: its FHIR version, whether it "
                                "supports bulk export, and where its token endpoint is."));
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
    bottom->addWidget(m_testButton);
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

    loadSecrets();
    updateValidation();
    resize(qMax(sizeHint().width(), 640), sizeHint().height());
    growToFit();
    m_server->focusName();
}

ProfileDialog::~ProfileDialog() = default;

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    m_server->applyTo(p);
    m_auth->applyTo(p);
    m_connection->applyTo(p);
    return p;
}

QStringList ProfileDialog::problems() const
{
    const Profile p = profile();
    QStringList out = p.problems();
    out += m_auth->problems(p);
    if (const QString h = m_connection->headersProblem(); !h.isEmpty())
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
    const QUrl base = profile().baseUrl;
    m_testButton->setEnabled(!m_probe && base.isValid() && !base.host().isEmpty());
    // Rows and the list of problems come and go with nearly every change.
    growToFit();
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

bool ProfileDialog::importPrivateKey(const QString &pemFile)
{
    return m_auth->importPrivateKey(pemFile);
}

void ProfileDialog::generateKey()
{
    m_auth->generateKey();
}

// --- secrets -------------------------------------------------------------------------------

void ProfileDialog::loadSecrets()
{
    const QStringList names = SecretStore::secretNames();
    // A profile that did not exist before has no secrets yet: nothing to ask the keychain.
    const bool ask = m_secrets && !m_isNew;
    for (const QString &name : names)
        m_auth->setSecretState(name, ask ? SecretState::Checking : SecretState::Absent);
    if (!ask)
        return;
    for (const QString &name : names) {
        m_secrets->read(SecretStore::keyFor(m_original.id, name), this,
                        [this, name](const QByteArray &value, bool found, const fbm::Error &error) {
                            onSecretRead(name, value, found, error);
                        });
    }
}

void ProfileDialog::onSecretRead(const QString &name, const QByteArray &value, bool found,
                                 const fbm::Error &error)
{
    SecretState state = SecretState::Absent;
    if (error.isError()) {
        state = SecretState::Unreadable;
        qCInfo(fbm::lcUiProfiles) << "keychain read failed:" << error.detail;
        if (!m_keychainProblem)
            showKeychainProblem(error.message);
    } else if (found) {
        state = SecretState::Stored;
    }
    m_auth->setSecretState(name, state);
    if (name == QLatin1String(SecretStore::PrivateKey) && found)
        m_auth->setStoredKey(value);
    // Only whether a value exists matters here: nothing keeps it.
    updateValidation();
}

void ProfileDialog::accept()
{
    if (m_saving)
        return;
    if (!problems().isEmpty()) {
        updateValidation();
        return;
    }
    const Profile p = profile();
    const QList<fbm::SecretWrite> writes =
        fbm::ProfileSecrets::plan(m_original.id, m_auth->secretEdits(p));
    if (writes.isEmpty()) {
        QDialog::accept();
        return;
    }
    SecretStore *store = m_sessionOnly ? m_sessionStore.data() : m_secrets.data();
    if (m_sessionOnly && !store) {
        // No session store to take them: keep them for the caller.
        for (const fbm::SecretWrite &w : writes) {
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
    fbm::ProfileSecrets::apply(store, writes, this, [this](const fbm::Error &error) {
        setBusy(false);
        if (!error.isError()) {
            QDialog::accept();
            return;
        }
        qCInfo(fbm::lcUiProfiles) << "keychain write failed:" << error.detail;
        if (!error.message.isEmpty())
            showKeychainProblem(error.message);
    });
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
    m_keychainBanner->showMessage(fbm::MessageBar::Kind::Warning, message,
                                  tr("&Keep for This Session Only"), [this] { keepForSession(); });
    // Offering "this session only" makes sense only when the secrets would otherwise be lost:
    // not when the store is already the in-memory one.
    const bool sessionStoreAlready = m_secrets && !m_secrets->isPersistent();
    m_keychainBanner->actionButton()->setVisible(!sessionStoreAlready && !m_sessionOnly);
}

void ProfileDialog::keepForSession()
{
    m_sessionOnly = true;
    m_keychainBanner->actionButton()->hide();
    m_keychainBanner->setText(tr("The secrets will be kept for this session only, until the "
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
    const K kind = m_auth->authKind();
    if (kind != K::ClientSecret && kind != K::SmartBackend && kind != K::Interactive)
        return;
    const QUrl base = profile().baseUrl;
    if (!m_nam || !base.isValid() || base.host().isEmpty() || base == m_discoveredFor)
        return;
    m_discoveredFor = base;
    m_auth->setDiscoveryHint(tr("Looking for the token endpoint…"));
    // With the profile's CA certificate, as the token requests will be sent. An earlier
    // discovery still running ends with its network access, unanswered.
    if (m_discoveryClient)
        m_discoveryClient.release()->deleteLater();
    auto client = fbm::createHttpClient(profile(), nullptr);
    if (!client.ok()) {
        m_auth->setDiscoveryHint(client.error().message);
        return;
    }
    m_discoveryClient = std::move(client.value());
    fbm::SmartConfiguration::discover(
        m_discoveryClient.get(), base, this,
        [this, base](const fbm::Result<fbm::SmartConfiguration> &config) {
            if (base != m_discoveredFor)
                return;
            if (config.ok())
                m_auth->showDiscovered(config->tokenEndpoint, config->authorizationEndpoint);
            else
                m_auth->setDiscoveryHint(config.error().message);
            growToFit();
        },
        15000);
}

void ProfileDialog::testConnection()
{
    if (m_probe || !m_nam)
        return;
    const Profile p = profile();
    using K = Profile::AuthKind;
    m_testAuth.reset();
    const std::optional<QByteArray> secret = m_auth->newSecret(p);
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
        } else if (m_secrets && m_auth->keepsStoredSecret(p)) {
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
    m_testedBase = m_server->baseUrlText();
    m_probe = std::make_unique<fbm::ServerProbe>(m_testClient.get());
    m_probe->setCheckToken(m_testAuth != nullptr);
    m_testIcon->clear();
    //: %1 is a URL
    m_testResult->setText(tr("Asking %1…").arg(p.baseUrl.toDisplayString()));
    m_testButton->setEnabled(false);
    m_probe->probe(this, [this, note](const fbm::ProbeResult &result) {
        // The address changed while the test ran: its answer is about the old one.
        if (m_testedBase == m_server->baseUrlText()) {
            showProbeResult(result);
            if (!note.isEmpty())
                m_testResult->setText(m_testResult->text() + u'\n' + bulletList({note}));
        }
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
    const QString text = m_testClient ? m_testClient->redact(bulletList(result.findings()))
                                      : bulletList(result.findings());
    m_testResult->setText(text);
    if (result.smartFound) {
        m_discoveredFor = result.base;
        m_auth->showDiscovered(result.tokenEndpoint, result.authorizationEndpoint);
    }
}
