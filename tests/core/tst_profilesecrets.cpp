// Which secrets a saved profile writes and which stale ones it deletes, the writes one after
// another, and every secret removed with a profile.
#include "auth/profilesecrets.h"
#include "auth/secretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

const auto kId = u"11111111-2222-3333-4444-555555555555"_s;

QString key(const char *name)
{
    return SecretStore::keyFor(kId, QLatin1String(name));
}

SecretEdits edits(const char *inUse)
{
    SecretEdits e;
    e.inUse = QLatin1String(inUse);
    for (const QString &name : SecretStore::secretNames())
        e.states.insert(name, SecretState::Absent);
    return e;
}

/// A store that keeps its secrets in a MemorySecretStore but cannot remove one key, and counts
/// how many removals run at once (a keychain serves one at a time).
class StubbornStore final : public SecretStore
{
public:
    explicit StubbornStore(QString stuck)
        : m_stuck(std::move(stuck))
    {}
    void read(const QString &key, QObject *context, ReadCallback callback) override
    {
        m_memory.read(key, context, std::move(callback));
    }
    void write(const QString &key, const QByteArray &value, QObject *context,
               DoneCallback callback) override
    {
        m_memory.write(key, value, context, std::move(callback));
    }
    void remove(const QString &key, QObject *context, DoneCallback callback) override
    {
        maxAtOnce = std::max(maxAtOnce, ++m_running);
        const bool stuck = key == m_stuck;
        QMetaObject::invokeMethod(
            this,
            [this, key, stuck, context, callback] {
                --m_running;
                if (stuck) {
                    callback(Error::make(Error::Kind::Io, u"The keychain is locked."_s));
                    return;
                }
                m_memory.remove(key, context, callback);
            },
            Qt::QueuedConnection);
    }
    [[nodiscard]] bool isPersistent() const override { return true; }
    [[nodiscard]] QHash<QString, QByteArray> values() const { return m_memory.values(); }
    void insert(const QString &key, const QByteArray &value) { m_memory.insert(key, value); }
    int maxAtOnce = 0;

private:
    QString m_stuck;
    MemorySecretStore m_memory;
    int m_running = 0;
};

} // namespace

class TestProfileSecrets final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingToDo();
    void newValueOfTheSecretInUse();
    void staleSecretsGo();
    void askedRemovalsGo();
    void applyWritesInOrder();
    void removeAllOfAProfile();
    void removeAllGoesOnPastAFailure();
};

void TestProfileSecrets::nothingToDo()
{
    QVERIFY(ProfileSecrets::plan(kId, edits(SecretStore::StaticToken)).isEmpty());
    // The secret in use, stored and kept: nothing to write.
    SecretEdits e = edits(SecretStore::ClientSecret);
    e.states.insert(QLatin1String(SecretStore::ClientSecret), SecretState::Stored);
    QVERIFY(ProfileSecrets::plan(kId, e).isEmpty());
    // What the keychain could not tell is left alone.
    e.states.insert(QLatin1String(SecretStore::StaticToken), SecretState::Unreadable);
    QVERIFY(ProfileSecrets::plan(kId, e).isEmpty());
}

void TestProfileSecrets::newValueOfTheSecretInUse()
{
    SecretEdits e = edits(SecretStore::StaticToken);
    e.newValue = "abc"_ba;
    const QList<SecretWrite> plan = ProfileSecrets::plan(kId, e);
    QCOMPARE(plan, (QList<SecretWrite>{{key(SecretStore::StaticToken), "abc"_ba}}));
}

void TestProfileSecrets::staleSecretsGo()
{
    // Switched from a client secret to SMART with a new key: the key is written, the client
    // secret nobody will use again is deleted.
    SecretEdits e = edits(SecretStore::PrivateKey);
    e.newValue = "PEM"_ba;
    e.states.insert(QLatin1String(SecretStore::ClientSecret), SecretState::Stored);
    const QList<SecretWrite> plan = ProfileSecrets::plan(kId, e);
    QCOMPARE(plan, (QList<SecretWrite>{{key(SecretStore::PrivateKey), "PEM"_ba},
                                       {key(SecretStore::ClientSecret), std::nullopt}}));
}

void TestProfileSecrets::askedRemovalsGo()
{
    SecretEdits e = edits(SecretStore::RefreshToken);
    e.states.insert(QLatin1String(SecretStore::RefreshToken), SecretState::Stored);
    e.removeRequested.insert(QLatin1String(SecretStore::RefreshToken)); // signed out
    QCOMPARE(ProfileSecrets::plan(kId, e),
             (QList<SecretWrite>{{key(SecretStore::RefreshToken), std::nullopt}}));
}

void TestProfileSecrets::applyWritesInOrder()
{
    MemorySecretStore store;
    bool stale = false;
    store.write(key(SecretStore::ClientSecret), "old"_ba, nullptr,
                [&stale](const Error &e) { stale = !e.isError(); });
    QTRY_VERIFY(stale);
    QObject context;
    Error result = Error::make(Error::Kind::Io, u"not called"_s);
    bool done = false;
    ProfileSecrets::apply(
        &store,
        {{key(SecretStore::StaticToken), "t"_ba}, {key(SecretStore::ClientSecret), std::nullopt}},
        &context, [&](const Error &e) {
            result = e;
            done = true;
        });
    QTRY_VERIFY(done);
    QVERIFY(!result.isError());
    QCOMPARE(store.values(), (QHash<QString, QByteArray>{{key(SecretStore::StaticToken), "t"_ba}}));

    // Nothing to write: done at once, without an error.
    done = false;
    ProfileSecrets::apply(&store, {}, &context, [&](const Error &e) { done = !e.isError(); });
    QVERIFY(done);
}

void TestProfileSecrets::removeAllOfAProfile()
{
    MemorySecretStore store;
    int written = 0;
    for (const QString &name : SecretStore::secretNames())
        store.write(SecretStore::keyFor(kId, name), "x"_ba, nullptr,
                    [&written](const Error &) { ++written; });
    store.write(SecretStore::keyFor(u"other"_s, QLatin1String(SecretStore::StaticToken)), "y"_ba,
                nullptr, [&written](const Error &) { ++written; });
    QTRY_COMPARE(written, int(SecretStore::secretNames().size()) + 1);
    QObject context;
    bool done = false;
    QList<Error> problems{Error::make(Error::Kind::Io, u"not called"_s)};
    ProfileSecrets::removeAll(&store, kId, &context, [&](const QList<Error> &p) {
        problems = p;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(store.values().size(), 1); // only the other profile's
    QVERIFY(problems.isEmpty());
}

void TestProfileSecrets::removeAllGoesOnPastAFailure()
{
    StubbornStore store(key(SecretStore::PrivateKey));
    for (const QString &name : SecretStore::secretNames())
        store.insert(SecretStore::keyFor(kId, name), "x"_ba);
    QObject context;
    bool done = false;
    QList<Error> problems;
    ProfileSecrets::removeAll(&store, kId, &context, [&](const QList<Error> &p) {
        problems = p;
        done = true;
    });
    QTRY_VERIFY(done);
    // Everything but the stuck secret is gone, and the one failure is told once.
    QCOMPARE(store.values().keys(), QStringList{key(SecretStore::PrivateKey)});
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().message, u"The keychain is locked."_s);
    QCOMPARE(store.maxAtOnce, 1);
}

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "tst_profilesecrets.moc"
