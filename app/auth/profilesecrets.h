#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace fbm {

class SecretStore;

/// What the keychain is known to hold for one secret of a profile.
enum class SecretState
{
    Checking,   ///< asked, no answer yet
    Absent,     ///< nothing stored
    Stored,     ///< a value is stored (never read into a form)
    Unreadable, ///< the keychain could not be read: there may be one
};

/// What a profile form asks of the secrets when it is saved.
struct SecretEdits
{
    QString inUse;                      ///< Profile::secretName() of the form's profile
    std::optional<QByteArray> newValue; ///< a new value for the secret in use
    QSet<QString> removeRequested;      ///< names the user asked to remove (or sign out)
    QHash<QString, SecretState> states; ///< what is stored now, by name
};

/// One write (a value) or removal (no value) of a secret, by SecretStore::keyFor key.
struct SecretWrite
{
    QString key;
    std::optional<QByteArray> value;

    friend bool operator==(const SecretWrite &a, const SecretWrite &b)
    {
        return a.key == b.key && a.value == b.value;
    }
};

/// The secrets of one profile in the keychain: which to write and which stale ones to delete
/// when a profile is saved, the writes done one after another, and every secret removed with
/// the profile. The profile dialog, the session and the command line share these rules.
class ProfileSecrets
{
public:
    /// The new value of the secret in use, then the removal of what the user asked to remove
    /// and of every stored secret the profile no longer uses: a keychain should not keep
    /// credentials nobody will use again.
    [[nodiscard]] static QList<SecretWrite> plan(const QString &profileId,
                                                 const SecretEdits &edits);

    /// Runs the writes on store one after another (a keychain serves one at a time); done()
    /// gets the first error, which stops the rest, or no error once all are written. Nothing
    /// more happens once context or store is gone.
    static void apply(SecretStore *store, QList<SecretWrite> writes, QObject *context,
                      std::function<void(const Error &)> done);

    /// Removes every secret a profile may have, not only the current kind's (an earlier kind
    /// may have left one), one after another; a removal that fails does not stop the rest.
    /// done() gets each distinct error once all were tried (none: all removed). Nothing more
    /// happens once context or store is gone.
    static void removeAll(SecretStore *store, const QString &profileId, QObject *context,
                          std::function<void(const QList<Error> &problems)> done = {});
};

} // namespace fbm
