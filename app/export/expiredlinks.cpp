#include "expiredlinks.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// The file's URL without what a signature changes (query and fragment), with its kind.
QString pathKey(const ExportFile &f)
{
    return QString::number(int(f.kind)) + u' ' +
           f.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
}

bool fetchable(const ExportFile &f)
{
    // ManifestAssembler fails an entry whose URL cannot be fetched, with its reason.
    return f.state != FileState::Failed && f.url.isValid();
}

} // namespace

bool ExpiredLinks::isExpiry(int httpStatus)
{
    // 401/403: a signature or token the storage no longer takes; 404/410: the file is no longer
    // where the link points.
    return httpStatus == 401 || httpStatus == 403 || httpStatus == 404 || httpStatus == 410;
}

ExpiredLinks::Verdict ExpiredLinks::expired(const QString &id, const Waiting &file,
                                            const QUrl &currentUrl)
{
    if (file.usedUrl != currentUrl)
        return Verdict::TryAgain; // a wave renewed it while this download used the old one
    if (m_gone.contains(id))
        return Verdict::Lost;
    if (m_renewed.contains(DueKey::fileRetry(id, file.index)))
        return Verdict::Fail;
    const auto wave = m_waves.find(id);
    if (wave == m_waves.end()) {
        m_waves.insert(id, {file});
        return Verdict::Refresh;
    }
    const bool known = std::any_of(wave->cbegin(), wave->cend(),
                                   [&file](const Waiting &w) { return w.index == file.index; });
    if (!known)
        wave->append(file);
    return Verdict::Wait;
}

QList<ExpiredLinks::Waiting> ExpiredLinks::endWave(const QString &id)
{
    return m_waves.take(id);
}

void ExpiredLinks::renewed(const QString &id, int index)
{
    m_renewed.insert(DueKey::fileRetry(id, index));
}

void ExpiredLinks::markGone(const QString &id)
{
    m_gone.insert(id);
}

void ExpiredLinks::forget(const QString &id, int index)
{
    m_renewed.remove(DueKey::fileRetry(id, index));
}

void ExpiredLinks::forgetJob(const QString &id)
{
    m_waves.remove(id);
    m_gone.remove(id);
    for (auto it = m_renewed.begin(); it != m_renewed.end();) {
        if (it->job == id)
            it = m_renewed.erase(it);
        else
            ++it;
    }
}

QList<int> ExpiredLinks::match(const QList<ExportFile> &current, const QList<ExportFile> &fresh)
{
    QList<int> found(current.size(), -1);
    QList<bool> taken(fresh.size(), false);
    QHash<QString, int> freshByPath; // -2: more than one entry has it
    QHash<QString, int> freshByName;
    for (int i = 0; i < fresh.size(); ++i) {
        if (!fetchable(fresh.at(i)))
            continue;
        const QString key = pathKey(fresh.at(i));
        freshByPath.insert(key, freshByPath.contains(key) ? -2 : i);
        freshByName.insert(fresh.at(i).relativePath, i);
    }
    QHash<QString, int> currentPaths;
    for (const ExportFile &f : current)
        ++currentPaths[pathKey(f)];
    // The same address first: it names the file whatever the order of the entries.
    for (int i = 0; i < current.size(); ++i) {
        const QString key = pathKey(current.at(i));
        const int at = freshByPath.value(key, -1);
        if (at >= 0 && currentPaths.value(key) == 1 && !taken.at(at)) {
            found[i] = at;
            taken[at] = true;
        }
    }
    // Then the n-th file of its kind and type: a server that gives each link a new path.
    for (int i = 0; i < current.size(); ++i) {
        if (found.at(i) >= 0)
            continue;
        const int at = freshByName.value(current.at(i).relativePath, -1);
        if (at >= 0 && !taken.at(at)) {
            found[i] = at;
            taken[at] = true;
        }
    }
    return found;
}

} // namespace fbm
