// A scheduled run when the keyring is locked and nobody is there to unlock it (the user logged
// out): the real gnome-keyring of tests/support/with-keyring.sh, locked over D-Bus, and the real
// executable. The run must end before anything is sent, with its one sentence.
#include "cliprocess.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fbm::test::CliProcess;
using fbm::test::CliRun;

class TestKeychainSchedule final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lockedKeyringEndsTheRunWithOneSentence();
};

void TestKeychainSchedule::initTestCase()
{
    if (qEnvironmentVariable("FBM_IN_KEYRING_SESSION") != "1"_L1)
        QSKIP("needs the private keyring session of tests/support/with-keyring.sh");
}

void TestKeychainSchedule::lockedKeyringEndsTheRunWithOneSentence()
{
    QTemporaryDir dir;
    CliProcess cli(dir.path());
    QProcess *add =
        cli.start({u"profile"_s, u"add"_s, u"--name"_s, u"Night"_s, u"--base"_s,
                   u"http://127.0.0.1:9/fhir"_s, u"--auth"_s, u"token"_s, u"--secret-stdin"_s});
    add->write("night-token-4711\n");
    add->closeWriteChannel();
    const CliRun added = CliProcess::finish(add);
    QVERIFY2(added.exitCode == 0, added.err.constData());

    // What a logout leaves: the login keyring locked.
    QProcess lock;
    lock.setProcessChannelMode(QProcess::MergedChannels);
    lock.start(u"dbus-send"_s,
               {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s,
                u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                u"array:objpath:/org/freedesktop/secrets/collection/login"_s});
    QVERIFY(lock.waitForFinished(30000));
    QVERIFY2(lock.exitCode() == 0, lock.readAll().constData());

    const CliRun r =
        cli.run({u"export"_s, u"--profile"_s, u"Night"_s, u"--since"_s, u"auto"_s, u"--save-in"_s,
                 dir.filePath(u"runs"_s), u"--schedule"_s, u"night"_s});
    QCOMPARE(r.exitCode, 1);
    const QString sentence =
        u"The keychain is locked or holds no secret for profile \"Night\", so the scheduled "
        "export did not run. Log in or unlock the keyring, run \"loginctl enable-linger\", or "
        "export with a key file readable only by you (see \"Recurring exports\" in the "
        "README)."_s;
    QVERIFY2(QString::fromUtf8(r.err).split(u'\n').contains(sentence), r.err.constData());
    QVERIFY(!r.err.contains("night-token-4711"));
    QVERIFY(!QDir(dir.filePath(u"runs"_s)).exists());
}

QTEST_GUILESS_MAIN(TestKeychainSchedule)
#include "tst_keychain_schedule.moc"
