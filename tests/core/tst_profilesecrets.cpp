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
    int failures = 0;
    ProfileSecrets::removeAll(&store, kId, &context, [&failures](const Error &) { ++failures; });
    QTRY_COMPARE(store.values().size(), 1); // only the other profile's
    QCOMPARE(failures, 0);
}

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "tst_profilesecrets.moc"
