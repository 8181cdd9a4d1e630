#include "servedfiles.h"

#include "demodata.h"
#include "http/gzip.h"

namespace fbm::demo::bulk {

namespace {

FileBody bytesBody(const QByteArray &bytes, HeaderList headers = {})
{
    return {[bytes](qint64 offset, qint64 length) { return bytes.mid(offset, length); },
            bytes.size(), std::move(headers)};
}

} // namespace

void ServedFiles::set(const QList<ServedFile> &files)
{
    m_files = files;
    m_gzipCache.clear();
}

qint64 ServedFiles::size(int index) const
{
    const ServedFile &f = m_files.at(index);
    if (f.generatedLines > 0)
        return f.generatedLines * data::kGeneratedLineWidth;
    return f.content.size();
}

qint64 ServedFiles::lines(int index) const
{
    const ServedFile &f = m_files.at(index);
    if (f.generatedLines > 0)
        return f.generatedLines;
    const qint64 n = f.content.count('\n');
    return (!f.content.isEmpty() && !f.content.endsWith('\n')) ? n + 1 : n;
}

QByteArray ServedFiles::slice(int index, qint64 offset, qint64 length) const
{
    const ServedFile &f = m_files.at(index);
    if (f.generatedLines > 0)
        return data::generatedSlice(f.type, f.generatedLines, offset, length);
    return f.content.mid(offset, length);
}

FileBody ServedFiles::identity(int index) const
{
    const ServedFile &file = m_files.at(index);
    if (file.generatedLines <= 0)
        return bytesBody(file.content);
    const QString type = file.type;
    const qint64 count = file.generatedLines;
    return {[type, count](qint64 offset, qint64 length) {
                return data::generatedSlice(type, count, offset, length);
            },
            count * data::kGeneratedLineWidth,
            {}};
}

FileBody ServedFiles::gzipped(int index)
{
    auto cached = m_gzipCache.constFind(index);
    if (cached == m_gzipCache.constEnd())
        cached = m_gzipCache.insert(index, http::gzip(m_files.at(index).content));
    return bytesBody(*cached, {{"Content-Encoding", "gzip"}, {"Vary", "Accept-Encoding"}});
}

} // namespace fbm::demo::bulk
