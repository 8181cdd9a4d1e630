#include "cliprocess.h"

#include "waitfor.h"

#include <QDebug>
#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fbm::test {

QList<QJsonObject> CliRun::events() const
{
    QList<QJsonObject> list;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            list.append(QJsonDocument::fromJson(line).object());
    }
    return list;
}

QJsonObject CliRun::event(const QString &name) const
{
    for (const QJsonObject &e : events()) {
        if (e.value("event"_L1).toString() == name)
            return e;
    }
    return {};
}

CliProcess::CliProcess(QString home)
    : m_home(std::move(home))
{}

QProcessEnvironment CliProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, QDir(m_home).filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, QDir(m_home).filePath(u"config"_s));
    env.insert(u"FBM_MIN_POLL_MS"_s, u"5"_s);
    env.insert(u"FBM_FILE_RETRY_MS"_s, u"10"_s);
    return env;
}

QProcess *CliProcess::start(const QStringList &args, const QProcessEnvironment &extra)
{
    auto *p = new QProcess(&m_started);
    QProcessEnvironment env = environment();
    for (const QString &key : extra.keys()) {
        if (extra.value(key).isEmpty())
            env.remove(key);
        else
            env.insert(key, extra.value(key));
    }
    p->setProcessEnvironment(env);
    p->start(QString::fromLocal8Bit(FBM_APP_BINARY), args);
    return p;
}

CliRun CliProcess::finish(QProcess *p, int timeoutMs)
{
    CliRun r;
    // The servers the child talks to live in this process: the event loop runs while it works.
    (void)waitFor([p] { return p->state() == QProcess::NotRunning; }, timeoutMs);
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished();
    }
    if (p->error() == QProcess::FailedToStart)
        qWarning() << "the program did not start:" << p->errorString();
    r.exitCode = p->error() != QProcess::FailedToStart && p->exitStatus() == QProcess::NormalExit
                     ? p->exitCode()
                     : -1;
    r.out = p->readAllStandardOutput();
    r.err = p->readAllStandardError();
    delete p;
    return r;
}

CliRun CliProcess::runShell(const QString &script, int timeoutMs)
{
    auto *p = new QProcess;
    p->setProcessEnvironment(environment());
    p->start(u"/bin/sh"_s, {u"-c"_s, script, QString::fromLocal8Bit(FBM_APP_BINARY)});
    return finish(p, timeoutMs);
}

} // namespace fbm::test
