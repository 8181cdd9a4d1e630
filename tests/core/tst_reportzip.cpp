// Reading and extracting report ZIPs: stored and deflate entries (built here with zlib, and by
// Debian's zip tool when it is installed), hostile entry names, ZIP bombs, damaged checksums.
#include "demo/reportserver.h"
#include "reports/zipreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <cstring>

using namespace Qt::StringLiterals;
using fbm::ZipReader;

namespace {

/// One entry for buildZip(); the overrides make damaged or lying archives.
struct Entry
{
    QByteArray name;
    QByteArray data;
    bool deflate = true;
    qint64 declaredSize = -1; ///< -1: the real size
    qint64 crcXor = 0;        ///< flips bits of the stored CRC
    quint32 unixMode = 0;     ///< e.g. 0120777 for a symbolic link
    quint16 flags = 0x0800;
};

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xff)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xffff));
    put16(out, quint16(v >> 16));
}

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    Q_ASSERT(rc == Z_STREAM_END);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

/// A ZIP written by hand, so that every field can be wrong on purpose.
QByteArray buildZip(const QList<Entry> &entries)
{
    QByteArray out;
    QByteArray central;
    for (const Entry &e : entries) {
        const QByteArray payload = e.deflate ? rawDeflate(e.data) : e.data;
        const quint32 crc = quint32(
            crc32(0, reinterpret_cast<const Bytef *>(e.data.constData()), uInt(e.data.size())) ^
            quint32(e.crcXor));
        const auto size = quint32(e.declaredSize >= 0 ? e.declaredSize : e.data.size());
        const auto offset = quint32(out.size());
        const quint16 method = e.deflate ? 8 : 0;
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, e.flags);
        put16(out, method);
        put16(out, 0);
        put16(out, 0x5741);
        put32(out, crc);
        put32(out, quint32(payload.size()));
        put32(out, size);
        put16(out, quint16(e.name.size()));
        put16(out, 0);
        out.append(e.name).append(payload);

        put32(central, 0x02014b50);
        put16(central, (3 << 8) | 20); // made by Unix, so the mode counts
        put16(central, 20);
        put16(central, e.flags);
        put16(central, method);
        put16(central, 0);
        put16(central, 0x5741);
        put32(central, crc);
        put32(central, quint32(payload.size()));
        put32(central, size);
        put16(central, quint16(e.name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, e.unixMode << 16);
        put32(central, offset);
        central.append(e.name);
    }
    const auto directoryOffset = quint32(out.size());
    out.append(central);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries.size()));
    put16(out, quint16(entries.size()));
    put32(out, quint32(central.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Every file beneath dir, relative, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

QByteArray someJson(int records)
{
    QByteArray out = "[";
    for (int i = 0; i < records; ++i) {
        if (i)
            out += ",";
        out += R"({"patient":"Patient/)" + QByteArray::number(i * 7919 % 100003) +
               R"(","logins":)" + QByteArray::number(i % 37) + "}";
    }
    return out + "]";
}

} // namespace

class TestReportZip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitizedPath_data();
    void sanitizedPath();
    void readsStoredAndDeflate();
    void readsDemoReport();
    void readsZipTool();
    void extractsIntoFolder();
    void hostileNamesStayInside();
    void symlinksAreRefused();
    void linkInFolderIsNotFollowed();
    void bombByRatio();
    void bombLyingAboutItsSize();
    void totalLimit();
    void badCrc();
    void notAZip_data();
    void notAZip();
    void truncatedDeflate();
};

void TestReportZip::sanitizedPath_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path"); // empty: refused

    QTest::newRow("plain") << u"report.json"_s << u"report.json"_s;
    QTest::newRow("nested") << u"a/b/c.json"_s << u"a/b/c.json"_s;
    QTest::newRow("directory") << u"a/b/"_s << u"a/b"_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << u"etc/passwd"_s;
    QTest::newRow("double slash") << u"//server/share/x"_s << u"server/share/x"_s;
    QTest::newRow("drive letter") << u"C:\\Windows\\x.dll"_s << u"Windows/x.dll"_s;
    QTest::newRow("backslashes") << u"a\\b.json"_s << u"a/b.json"_s;
    QTest::newRow("dot segments") << u"./a/./b.json"_s << u"a/b.json"_s;
    QTest::newRow("forbidden characters") << u"a:b*c?.json"_s << u"a_b_c_.json"_s;
    QTest::newRow("trailing dot") << u"notes."_s << u"notes"_s;
    QTest::newRow("unicode") << u"rapport-æøå.json"_s << u"rapport-æøå.json"_s;
    QTest::newRow("dotdot") << u"../evil"_s << QString();
    QTest::newRow("dotdot inside") << u"a/../../evil"_s << QString();
    QTest::newRow("dotdot backslash") << u"a\\..\\..\\evil"_s << QString();
    QTest::newRow("NUL") << QString(u"a"_s + QChar(0) + u"b"_s) << QString();
    QTest::newRow("newline") << u"a\nb"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only slashes") << u"///"_s << QString();
    QTest::newRow("only dots") << u"..."_s << QString();
}

void TestReportZip::sanitizedPath()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QString problem;
    QCOMPARE(ZipReader::sanitizedPath(name, &problem), path);
    QCOMPARE(problem.isEmpty(), !path.isEmpty());
}

void TestReportZip::readsStoredAndDeflate()
{
    const QByteArray json = someJson(2000);
    const QByteArray text = "hello, report\n";
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"data/report.json", json, true},
                                    {"readme.txt", text, false},
                                    {"empty.txt", {}, true}}))
                 .isError());
    QCOMPARE(zip.entries().size(), 3);
    const fbm::ZipEntry &first = zip.entries().at(0);
    QCOMPARE(first.method, quint16(8));
    QVERIFY(first.compressedSize < first.size); // really deflated
    QCOMPARE(first.path, u"data/report.json"_s);
    QCOMPARE(first.modified.date(), QDate(2023, 10, 1));

    const auto a = zip.read(0);
    QVERIFY2(a.ok(), qPrintable(a.error().message));
    QCOMPARE(a.value(), json);
    const auto b = zip.read(zip.indexOf(u"readme.txt"_s));
    QVERIFY(b.ok());
    QCOMPARE(b.value(), text);
    const auto c = zip.read(2);
    QVERIFY(c.ok());
    QVERIFY(c.value().isEmpty());
    QVERIFY(!zip.read(3).ok());
}

void TestReportZip::readsDemoReport()
{
    // What the reporting server (demo) hands out: a stored ZIP holding JSON.
    ZipReader zip;
    QVERIFY(!zip.openData(fbm::demo::ReportServer::sampleZip()).isError());
    QCOMPARE(zip.entries().size(), 1);
    const auto json = zip.read(0);
    QVERIFY(json.ok());
    QVERIFY(json.value().trimmed().startsWith('[') || json.value().trimmed().startsWith('{'));
}

void TestReportZip::readsZipTool()
{
    const QString tool = QStandardPaths::findExecutable(u"zip"_s);
    if (tool.isEmpty())
        QSKIP("Debian's zip is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString src = dir.filePath(u"src"_s);
    QVERIFY(QDir().mkpath(src + u"/nested"_s));
    const QByteArray json = someJson(5000);
    const QByteArray csv = "a;b\r\n1;2\r\n";
    QVERIFY(writeFile(src + u"/report.json"_s, json));
    QVERIFY(writeFile(src + u"/nested/table.csv"_s, csv));

    QProcess p;
    p.setWorkingDirectory(src);
    p.start(tool, {u"-q"_s, u"-r"_s, dir.filePath(u"real.zip"_s), u"."_s});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);

    ZipReader zip;
    const fbm::Error e = zip.open(dir.filePath(u"real.zip"_s));
    QVERIFY2(!e.isError(), qPrintable(e.message));
    QVERIFY(ZipReader::looksLikeZip(dir.filePath(u"real.zip"_s)));
    const int i = zip.indexOf(u"report.json"_s);
    QVERIFY(i >= 0);
    QCOMPARE(zip.entries().at(i).method, quint16(8));
    const auto out = zip.extractAll(dir.filePath(u"out"_s));
    QVERIFY(out.ok());
    QVERIFY2(out->isComplete(), qPrintable(out->skipped.join(u'\n')));
    QCOMPARE(filesUnder(dir.filePath(u"out"_s)),
             (QStringList{u"nested/table.csv"_s, u"report.json"_s}));
    QCOMPARE(readFile(dir.filePath(u"out/report.json"_s)), json);
    QCOMPARE(readFile(dir.filePath(u"out/nested/table.csv"_s)), csv);
}

void TestReportZip::extractsIntoFolder()
{
    QTemporaryDir dir;
    const QString archive = dir.filePath(u"r.zip"_s);
    const QByteArray json = someJson(300);
    QVERIFY(writeFile(archive, buildZip({{"dir/", {}, false}, {"dir/r.json", json, true}})));
    ZipReader zip;
    QVERIFY(!zip.open(archive).isError());
    const QString out = dir.filePath(u"deep/er/out"_s); // created as needed
    const auto result = zip.extractAll(out);
    QVERIFY(result.ok());
    QVERIFY(result->isComplete());
    QCOMPARE(result->written.size(), 1);
    QCOMPARE(result->bytes, qint64(json.size()));
    QCOMPARE(readFile(out + u"/dir/r.json"_s), json);
    // Extracting again replaces the file rather than failing.
    QVERIFY(zip.extractAll(out).ok());
    QCOMPARE(filesUnder(out), QStringList{u"dir/r.json"_s});
}

void TestReportZip::hostileNamesStayInside()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"a/b/out"_s);
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"../../evil.txt", "x", false},
                                    {"ok/../../../evil2.txt", "x", true},
                                    {QByteArray("nul\0.txt", 8), "x", false},
                                    {"/abs/inside.txt", "abs", false},
                                    {"C:\\win\\inside.txt", "win", false},
                                    {"good.json", "{}", true},
                                    {"GOOD.json", "{}", true}}))
                 .isError());
    QVERIFY(!zip.entries().at(0).isExtractable());
    QVERIFY(!zip.entries().at(1).isExtractable());
    QVERIFY(!zip.entries().at(2).isExtractable());
    QVERIFY(zip.entries().at(3).isExtractable());
    QVERIFY(!zip.entries().at(6).isExtractable()); // same file as good.json on some systems

    const auto result = zip.extractAll(out);
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 4);
    QVERIFY(!result->isComplete());
    QCOMPARE(filesUnder(out),
             (QStringList{u"abs/inside.txt"_s, u"good.json"_s, u"win/inside.txt"_s}));
    // Nothing landed above the chosen folder.
    QCOMPARE(filesUnder(dir.path()),
             (QStringList{u"a/b/out/abs/inside.txt"_s, u"a/b/out/good.json"_s,
                          u"a/b/out/win/inside.txt"_s}));
    QVERIFY(!zip.read(0).ok());
}

void TestReportZip::symlinksAreRefused()
{
    QTemporaryDir dir;
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"link", "/etc/passwd", false, -1, 0, 0120777},
                                    {"file.txt", "text", false, -1, 0, 0100644}}))
                 .isError());
    QVERIFY(!zip.entries().at(0).isExtractable());
    QVERIFY(zip.entries().at(1).isExtractable());
    const auto result = zip.extractAll(dir.path());
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 1);
    QCOMPARE(filesUnder(dir.path()), QStringList{u"file.txt"_s});
    QVERIFY(!QFileInfo(dir.filePath(u"link"_s)).exists());
}

void TestReportZip::linkInFolderIsNotFollowed()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"outside"_s)));
    QVERIFY(QDir().mkpath(dir.filePath(u"out"_s)));
    QVERIFY(QFile::link(dir.filePath(u"outside"_s), dir.filePath(u"out/sub"_s)));
    QVERIFY(writeFile(dir.filePath(u"outside/target.txt"_s), "keep"));
    QVERIFY(QFile::link(dir.filePath(u"outside/target.txt"_s), dir.filePath(u"out/l.txt"_s)));
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"sub/x.txt", "x", false}, {"l.txt", "replaced", false}}))
                 .isError());
    const auto result = zip.extractAll(dir.filePath(u"out"_s));
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 2);
    QVERIFY(!QFile::exists(dir.filePath(u"outside/x.txt"_s)));
    QCOMPARE(readFile(dir.filePath(u"outside/target.txt"_s)), "keep"_ba);
}

void TestReportZip::bombByRatio()
{
    // 32 MiB of zeros deflate to about 32 KiB: a ratio of ~1000, far beyond any real report.
    const QByteArray zeros(32 << 20, '\0');
    const QByteArray archive = buildZip({{"bomb.json", zeros, true}, {"fine.json", "[]", true}});
    QVERIFY(archive.size() < 200 * 1024);
    QTemporaryDir dir;
    ZipReader zip;
    QVERIFY(!zip.openData(archive).isError());
    const fbm::ZipEntry &bomb = zip.entries().at(0);
    QVERIFY(!bomb.isExtractable());
    QVERIFY2(bomb.problem.contains(u"bomb"_s), qPrintable(bomb.problem));
    const auto result = zip.extractAll(dir.path());
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 1);
    QCOMPARE(filesUnder(dir.path()), QStringList{u"fine.json"_s});

    // A higher allowance lets the same archive through: the limit, not the reader, refused it.
    ZipReader lenient;
    fbm::ZipLimits limits;
    limits.maxRatio = 5000;
    lenient.setLimits(limits);
    QVERIFY(!lenient.openData(archive).isError());
    const auto all = lenient.read(0);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), zeros.size());
}

void TestReportZip::bombLyingAboutItsSize()
{
    // The entry claims 1 KiB but inflates to 8 MiB: stopped at the claim, nothing left behind.
    const QByteArray zeros(8 << 20, '\0');
    QTemporaryDir dir;
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"liar.json", zeros, true, 1024}})).isError());
    QVERIFY(zip.entries().at(0).isExtractable()); // the declared numbers look harmless
    const auto one = zip.read(0);
    QVERIFY(!one.ok());
    QVERIFY2(one.error().message.contains(u"more than it declares"_s),
             qPrintable(one.error().message));
    const auto result = zip.extractAll(dir.path());
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 1);
    QCOMPARE(filesUnder(dir.path()), QStringList());

    // Claiming more than there is fails as well.
    ZipReader shortOne;
    QVERIFY(!shortOne.openData(buildZip({{"short.json", "abc", true, 10}})).isError());
    QVERIFY(!shortOne.read(0).ok());
}

void TestReportZip::totalLimit()
{
    QTemporaryDir dir;
    ZipReader zip;
    fbm::ZipLimits limits;
    limits.maxTotalBytes = 1000;
    limits.maxEntryBytes = 600;
    zip.setLimits(limits);
    const QByteArray half(500, 'a');
    QVERIFY(!zip.openData(buildZip({{"a", half, false}, {"b", half, false}, {"c", half, true}}))
                 .isError());
    const auto result = zip.extractAll(dir.filePath(u"out"_s));
    QVERIFY(!result.ok());
    QVERIFY(!QDir(dir.filePath(u"out"_s)).exists()); // refused before anything was written

    QVERIFY(!zip.openData(buildZip({{"big", QByteArray(700, 'b'), false}})).isError());
    QVERIFY(!zip.entries().at(0).isExtractable());
}

void TestReportZip::badCrc()
{
    QTemporaryDir dir;
    ZipReader zip;
    QVERIFY(!zip.openData(buildZip({{"stored.json", "{\"a\":1}", false, -1, 0x1},
                                    {"deflated.json", someJson(100), true, -1, 0x80000000},
                                    {"good.json", "[]", false}}))
                 .isError());
    for (int i : {0, 1}) {
        const auto r = zip.read(i);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"CRC"_s), qPrintable(r.error().message));
    }
    QVERIFY(zip.read(2).ok());
    const auto result = zip.extractAll(dir.path());
    QVERIFY(result.ok());
    QCOMPARE(result->skipped.size(), 2);
    // The damaged files are not left half-written (QSaveFile cancelled them).
    QCOMPARE(filesUnder(dir.path()), QStringList{u"good.json"_s});
}

void TestReportZip::notAZip_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray good = buildZip({{"a.json", "[1,2,3]", true}});
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << "*NOT GENERATED YET*"_ba;
    QTest::newRow("json") << R"({"resourceType":"Binary"})"_ba;
    QTest::newRow("no end record") << good.left(good.size() - 22);
    QTest::newRow("truncated directory") << good.left(good.size() - 30) + good.right(22);
    QByteArray zip64 = good;
    zip64[zip64.size() - 6] = char(0xff); // directory offset 0xffffffff
    zip64[zip64.size() - 5] = char(0xff);
    zip64[zip64.size() - 4] = char(0xff);
    zip64[zip64.size() - 3] = char(0xff);
    QTest::newRow("zip64") << zip64;
}

void TestReportZip::notAZip()
{
    QFETCH(QByteArray, data);
    ZipReader zip;
    const fbm::Error e = zip.openData(data);
    QVERIFY(e.isError());
    QVERIFY(!e.message.isEmpty());
    QVERIFY(!zip.isOpen());
    QVERIFY(zip.entries().isEmpty());

    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"x.zip"_s), data));
    QVERIFY(zip.open(dir.filePath(u"x.zip"_s)).isError());
    QVERIFY(zip.open(dir.filePath(u"missing.zip"_s)).isError());
}

void TestReportZip::truncatedDeflate()
{
    // A deflate stream cut short but with a consistent directory: damaged data, not a hang.
    const QByteArray json = someJson(3000);
    QByteArray deflated = rawDeflate(json);
    deflated.chop(deflated.size() / 2);
    // Rebuild as a "stored" entry then patch its method to deflate, so the sizes stay as cut.
    QByteArray archive = buildZip({{"cut.json", deflated, false}});
    archive[8] = 8;                                  // local header method
    archive[archive.indexOf("PK\x01\x02") + 10] = 8; // central header method
    ZipReader zip;
    QVERIFY(!zip.openData(archive).isError());
    const auto r = zip.read(0);
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestReportZip)
#include "tst_reportzip.moc"
