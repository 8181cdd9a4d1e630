#include "session.h"
#include "logging.h"

#include "auth/interactivelogin.h"
#include "auth/profilesecrets.h"
#include "auth/secretstore.h"
#include "auth/tokenauth.h"
#include "demo/bulkserver.h"
#include "demo/demodata.h"
#include "demo/reportserver.h"

#include "filenames.h"
#include "jobstore.h"
#include "uisettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fbm {

Session::Session(SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_sessionSecrets(std::make_unique<MemorySecretStore>())
    , m_profiles(std::make_unique<ProfileStore>(m_options.profilesPath))
    , m_store(std::make_unique<JobStore>(m_options.jobStoreDirectory.isEmpty()
                                             ? JobStore::defaultDirectory()
                                             : m_options.jobStoreDirectory))
{
    if (m_options.sessionSecrets) {
        m_useSession = true;
        m_keychainState = KeychainState::SessionOnly;
    } else {
        m_keychain = std::make_unique<KeychainSecretStore>();
        connect(m_keychain.get(), &KeychainSecretStore::unavailable, this, [this] {
            if (m_keychainState == KeychainState::Unavailable)
                return;
            m_useSession = true;
            m_keychainState = KeychainState::Unavailable;
            Q_EMIT keychainStateChanged();
        });
    }
    // Finished jobs leave the list after a while, so that a command run every night does not
    // slow down month by month; their export folders stay.
    m_store->setKeepDays(keepJobsDays(*openUiSettings(m_options.settingsPath)));
    m_manager = std::make_unique<JobManager>(m_store.get());
    m_manager->setClientProvider(
        [this](const QString &profileId, const QUrl &base) { return clientFor(profileId, base); });
    connect(m_profiles.get(), &ProfileStore::profilesChanged, this, &Session::onProfilesChanged);
}

Session::~Session()
{
    // The manager's jobs hold the clients and the demo server answers them: stop it first.
    m_manager.reset();
}

QStringList Session::start()
{
    QStringList problems;
    if (m_options.demo)
        startDemo(problems);
    if (m_keychain)
        probeKeychain();
    problems += m_manager->restore();
    // The demo profile's name follows the language ("Demo server", "Demoserver"): its exports
    // of earlier runs take today's, so that one table never lists it under two names.
    if (m_options.demo) {
        if (const std::optional<Profile> demo = profile(demoProfileId()))
            m_manager->renameServer(demo->id, demo->name);
    }
    // The demo server keeps its exports in memory and listens on a new port each run: a demo
    // export from an earlier run can never finish. Say so now instead of polling nothing.
    const QStringList ids = m_manager->jobIds();
    for (const QString &id : ids) {
        const ExportJob *j = m_manager->job(id);
        if (j && !j->isTerminal() && j->profileId == demoProfileId())
            m_manager->abandon(id, tr("The demo server keeps its exports only while the program "
                                      "runs; this export ended when the program stopped."));
    }
    return problems;
}

void Session::startDemo(QStringList &problems)
{
    m_demo = std::make_unique<demo::BulkServer>();
    m_demo->seedDemoData();
    demo::Script script = demo::data::demoScript();
    // Slow enough to watch: a few polls a few seconds apart, and files the server keeps for two
    // hours as the Danish eHealth servers do, so the expiry column has something to show.
    script.pollsBeforeDone = 5;
    script.retryAfterSeconds = 4;
    script.expiresInSeconds = 2 * 3600;
    m_demo->setScript(script);
    if (!m_demo->listen()) {
        problems << tr("The demo server could not be started on this computer.");
        m_demo.reset();
        return;
    }
    Profile p;
    p.id = demoProfileId();
    p.name = tr("Demo server");
    p.baseUrl = m_demo->baseUrl();
    p.auth = Profile::AuthKind::None;
    m_demoProfile = p;
    qCInfo(lcSession) << "demo server at" << m_demo->baseUrl().toString();

    // The eHealth reporting server's report jobs, simulated the same way.
    m_demoReports = std::make_unique<demo::ReportServer>();
    m_demoReports->seedDemo();
    if (m_demoReports->listen()) {
        Profile r;
        r.id = demoReportsProfileId();
        r.name = tr("Demo reporting server");
        r.baseUrl = m_demoReports->baseUrl();
        r.auth = Profile::AuthKind::None;
        r.reporting = true;
        m_demoReportsProfile = r;
    } else {
        problems << tr("The demo reporting server could not be started on this computer.");
        m_demoReports.reset();
    }
    Q_EMIT profilesChanged();
}

void Session::probeKeychain()
{
    m_keychain->probe(this, [this](const Error &error) {
        if (!error.isError()) {
            m_keychainState = KeychainState::Available;
        } else {
            // Whatever the reason, secrets entered now must still work for this session.
            qCWarning(lcSession) << "keychain not usable:" << error.message;
            m_useSession = true;
            m_keychainState = KeychainState::Unavailable;
        }
        Q_EMIT keychainStateChanged();
    });
}

SecretStore *Session::secrets() const
{
    if (m_useSession || !m_keychain)
        return m_sessionSecrets.get();
    return m_keychain.get();
}

SecretStore *Session::sessionSecrets() const
{
    return m_sessionSecrets.get();
}

QString Session::keychainText() const
{
    switch (m_keychainState) {
    case KeychainState::Checking:
        return tr("Keychain: checking…");
    case KeychainState::Available:
        return tr("Keychain: secrets are stored safely");
    case KeychainState::Unavailable:
        return tr("Keychain: not available, secrets are kept until you quit");
    case KeychainState::SessionOnly:
        return tr("Secrets are kept until you quit");
    }
    return {};
}

QString Session::demoProfileId()
{
    return u"demo"_s;
}

QString Session::demoReportsProfileId()
{
    return u"demo-reports"_s;
}

bool Session::isDemoProfile(const QString &id) const
{
    return (m_demoProfile && id == m_demoProfile->id) ||
           (m_demoReportsProfile && id == m_demoReportsProfile->id);
}

bool Session::isFromEndedDemo(const ExportJob &job) const
{
    if (job.profileId != demoProfileId())
        return false;
    if (!m_demo)
        return true;
    const QUrl now = m_demo->baseUrl();
    const QUrl then = job.request.base;
    return then.host() != now.host() || then.port() != now.port();
}

QList<Profile> Session::profiles() const
{
    QList<Profile> out;
    if (m_demoProfile)
        out << *m_demoProfile;
    if (m_demoReportsProfile)
        out << *m_demoReportsProfile;
    out << m_profiles->profiles();
    return out;
}

std::optional<Profile> Session::profile(const QString &id) const
{
    if (m_demoProfile && id == m_demoProfile->id)
        return m_demoProfile;
    if (m_demoReportsProfile && id == m_demoReportsProfile->id)
        return m_demoReportsProfile;
    return m_profiles->byId(id);
}

void Session::removeProfile(const QString &id)
{
    if (isDemoProfile(id) || !m_profiles->remove(id))
        return;
    ProfileSecrets::removeAll(secrets(), id, this, [id](const QList<Error> &problems) {
        for (const Error &e : problems)
            qCWarning(lcSession) << "could not remove a secret of profile" << id << e.message;
    });
}

void Session::onProfilesChanged()
{
    // An edited profile must take effect for the next request; requests in flight keep the
    // client they started with.
    for (auto &entry : m_clients)
        m_retired.push_back(std::move(entry.second));
    m_clients.clear();
    Q_EMIT profilesChanged();
}

void Session::useAuthForEveryJob(std::unique_ptr<AuthSetup> setup)
{
    if (setup && setup->client)
        setup->client->setClock(m_manager->clock());
    m_everyJob = std::move(setup);
}

HttpClient *Session::clientFor(const QString &profileId, const QUrl &base)
{
    if (m_everyJob && m_everyJob->client)
        return m_everyJob->client.get();
    std::optional<Profile> p = profile(profileId);
    if (!p)
        return nullptr;
    if (base.isValid() && !base.isEmpty())
        p->baseUrl = base;
    return clientFor(*p);
}

HttpClient *Session::clientFor(const Profile &profile)
{
    const QString key = profile.id + u'\n' + profile.baseUrl.toString();
    if (const auto it = m_clients.find(key); it != m_clients.end())
        return it->second->client.get();
    Result<AuthSetup> setup = setupForProfile(profile, m_nam.get(), secrets());
    if (!setup.ok()) {
        qCWarning(lcSession) << "no client for profile" << profile.id << setup.error().message;
        return nullptr;
    }
    auto owned = std::make_unique<AuthSetup>(std::move(setup.value()));
    // Interactive login: the person signs in in the system browser.
    if (auto *login = qobject_cast<InteractiveLoginAuth *>(owned->auth.get())) {
        connect(login, &InteractiveLoginAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
            if (m_options.openUrl)
                m_options.openUrl(url);
        });
    }
    HttpClient *client = owned->client.get();
    client->setClock(m_manager->clock());
    m_clients.emplace(key, std::move(owned));
    return client;
}

QString Session::exportsRoot(const QString &documents)
{
    QString docs = documents;
    if (docs.isEmpty())
        docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QDir in(docs.isEmpty() ? QDir::homePath() : docs);
    const QString own = tr("FHIR exports");
    // The name in every language the program ships (the English source and each translation
    // of it): a folder one of them made earlier is the one to keep using.
    static const QStringList shipped{u"FHIR exports"_s, u"FHIR-eksporter"_s};
    if (!QFileInfo(in.filePath(own)).isDir()) {
        for (const QString &name : shipped) {
            if (QFileInfo(in.filePath(name)).isDir())
                return in.filePath(name);
        }
    }
    return in.filePath(own);
}

QString Session::defaultOutputDirectory(const Profile &profile, const QDateTime &when) const
{
    QString root = profile.outputDir;
    if (root.isEmpty())
        root = exportsRoot();
    const QString server =
        safeTypeName(profile.name.isEmpty() ? profile.baseUrl.host() : profile.name);
    return QDir(QDir(root).filePath(server))
        .filePath(when.toLocalTime().toString(u"yyyy-MM-dd HH.mm.ss"_s));
}

JobOptions Session::defaultJobOptions(const Profile &profile) const
{
    JobOptions o;
    o.profileId = profile.id;
    o.serverName = profile.name;
    o.outDir = defaultOutputDirectory(profile, m_manager->clock()->now().toLocalTime());
    o.autoDownload = true;
    o.keepOnServer = profile.keepFilesOnServer;
    o.gzip = profile.gzipOutputs;
    o.attachments = profile.downloadAttachments;
    return o;
}

std::unique_ptr<QSettings> Session::uiSettings() const
{
    return openUiSettings(m_options.settingsPath);
}

} // namespace fbm
