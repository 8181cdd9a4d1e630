#pragma once

#include <QStringList>

class QIODevice;
class QTextStream;

namespace fbm {
class ProfileStore;
class SecretStore;
} // namespace fbm

namespace fbm::cli {

/// `fhir-bulk-monitor profile add|list|show|remove`. args: the program and command words first
/// ("fhir-bulk-monitor profile"), then the subcommand and its options. Profiles go to the
/// profiles file (--profiles-file, or the application's), secrets to the OS keychain; no secret
/// is ever printed. Exit codes: 0 done, 1 failed, 2 usage error.
int runProfileCommand(const QStringList &args, QTextStream &out, QTextStream &err);

/// The same with the stores and standard input given (tests). profiles null: the file named by
/// --profiles-file or the default one; secrets null: the OS keychain; input null: stdin.
int runProfileCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      ProfileStore *profiles, SecretStore *secrets, QIODevice *input);

} // namespace fbm::cli
