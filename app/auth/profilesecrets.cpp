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

void ProfileSecrets::removeAll(SecretStore *store, const QString &profileId, QObject *context,
                               std::function<void(const Error &)> failed)
{
    if (!store)
        return;
    const QStringList names = SecretStore::secretNames();
    for (const QString &name : names) {
        store->remove(SecretStore::keyFor(profileId, name), context, [failed](const Error &e) {
            if (e.isError() && failed)
                failed(e);
        });
    }
}

} // namespace fbm
