#include "profilesecrets.h"

#include "secretstore.h"

#include <QPointer>

#include <algorithm>

namespace fbm {

QList<SecretWrite> ProfileSecrets::plan(const QString &profileId, const SecretEdits &edits)
{
    QList<SecretWrite> out;
    const auto key = [&profileId](const QString &name) {
        return SecretStore::keyFor(profileId, name);
    };
    if (edits.newValue && !edits.inUse.isEmpty())
        out.append({key(edits.inUse), *edits.newValue});
    const QStringList names = SecretStore::secretNames();
    for (const QString &name : names) {
        if (std::any_of(out.cbegin(), out.cend(),
                        [&](const SecretWrite &w) { return w.key == key(name); }))
            continue;
        const bool stale = name != edits.inUse && edits.states.value(name) == SecretState::Stored;
        if (stale || edits.removeRequested.contains(name))
            out.append({key(name), std::nullopt});
    }
    return out;
}

void ProfileSecrets::apply(SecretStore *store, QList<SecretWrite> writes, QObject *context,
                           std::function<void(const Error &)> done)
{
    if (writes.isEmpty() || !store) {
        done(Error());
        return;
    }
    const SecretWrite w = writes.takeFirst();
    QPointer<SecretStore> guard(store);
    auto next = [guard, writes, context, done](const Error &error) {
        if (error.isError()) {
            done(error);
            return;
        }
        if (!guard) {
            // Said to the log only: the store went away with the program's end.
            done(Error::make(Error::Kind::Io, {}, QStringLiteral("the secret store is gone")));
            return;
        }
        apply(guard.data(), writes, context, done);
    };
    if (w.value)
        store->write(w.key, *w.value, context, next);
    else
        store->remove(w.key, context, next);
}

namespace {

void removeEach(const QPointer<SecretStore> &store, QStringList keys, QObject *context,
                QList<Error> problems, const std::function<void(const QList<Error> &)> &done)
{
    if (keys.isEmpty() || !store) {
        if (done)
            done(problems);
        return;
    }
    const QString key = keys.takeFirst();
    store->remove(key, context, [store, keys, context, problems, done](const Error &e) mutable {
        const bool known = std::any_of(problems.cbegin(), problems.cend(),
                                       [&e](const Error &p) { return p.message == e.message; });
        if (e.isError() && !known)
            problems.append(e);
        removeEach(store, keys, context, problems, done);
    });
}

} // namespace

void ProfileSecrets::removeAll(SecretStore *store, const QString &profileId, QObject *context,
                               std::function<void(const QList<Error> &problems)> done)
{
    QStringList keys;
    const QStringList names = SecretStore::secretNames();
    for (const QString &name : names)
        keys.append(SecretStore::keyFor(profileId, name));
    removeEach(QPointer<SecretStore>(store), keys, context, {}, done);
}

} // namespace fbm
