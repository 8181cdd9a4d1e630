// The job store's index (index.jobs) as the fuzzer writes it. Whatever the index says, every
// job file is listed once, under its own id, and a job taken from a summary is a finished one.
// "KEY" in the input is replaced by the real file key of the one job file, so that mutations
// reach the summary parser and not only the key check.
#include "fuzzmain.h"
#include "jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

namespace {

struct Fixture
{
    QTemporaryDir dir;
    QString id = QStringLiteral("0f0e0d0c-0b0a-4909-8807-060504030201");
    QByteArray key;

    Fixture()
    {
        fbm::ExportJob job;
        job.id = id;
        job.state = fbm::JobState::Saved;
        job.request.base = QUrl(QStringLiteral("https://fhir.example.org/fhir"));
        fbm::ExportFile f;
        f.type = QStringLiteral("Patient");
        f.relativePath = QStringLiteral("Patient.1.ndjson");
        job.files.append(f);
        fbm::JobStore store(dir.path());
        if (store.save(job).isError())
            __builtin_trap();
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(dir.filePath(id + QStringLiteral(".json"))).constData(),
                   &st) != 0)
            __builtin_trap();
        key =
            QByteArray::number(qint64(st.st_ino)) + ' ' + QByteArray::number(qint64(st.st_size)) +
            ' ' +
            QByteArray::number(qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec));
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Fixture fx;
    QByteArray index = fuzzBytes(data, size);
    index.replace("KEY", fx.key);
    {
        QFile f(fx.dir.filePath(QStringLiteral("index.jobs")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            __builtin_trap();
        f.write(index);
    }
    fbm::JobStore store(fx.dir.path());
    const fbm::JobStore::Loaded loaded = store.loadAll();
    FBM_FUZZ_CHECK(loaded.problems.isEmpty());
    FBM_FUZZ_CHECK(loaded.jobs.size() == 1);
    const fbm::ExportJob &job = loaded.jobs.first();
    FBM_FUZZ_CHECK(job.id == fx.id);
    FBM_FUZZ_CHECK(job.detailsLoaded || job.isTerminal());
    FBM_FUZZ_CHECK(job.isTerminal()); // the file says Saved
    return 0;
}
