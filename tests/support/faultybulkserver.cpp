#include "faultybulkserver.h"

#include "demo/bulk/servedfiles.h"

using namespace Qt::StringLiterals;

namespace fbm::test {

FaultyBulkServer::FaultyBulkServer(QObject *parent)
    : BulkServer(parent)
{}

FaultyBulkServer::~FaultyBulkServer() = default;

void FaultyBulkServer::setFileFault(int fileIndex, const FileFault &fault)
{
    m_faults.insert(fileIndex, fault);
    m_faultsLeft.insert(fileIndex, fault.times);
}

void FaultyBulkServer::setGzipAlways(int fileIndex)
{
    m_gzipAlways.insert(fileIndex);
}

void FaultyBulkServer::setEncodedBody(int fileIndex, const QByteArray &body,
                                      const QByteArray &contentEncoding)
{
    m_encoded.insert(fileIndex, {body, contentEncoding});
}

void FaultyBulkServer::requestArrived(const demo::http::Request &request)
{
    m_recorded.append(request);
    Q_EMIT requestReceived(request.method, request.url);
}

void FaultyBulkServer::jobStarted(const QString &id)
{
    m_lastJobId = id;
}

FileFault FaultyBulkServer::takeFault(int index)
{
    const auto it = m_faults.constFind(index);
    if (it == m_faults.constEnd() || it->kind == FileFault::Kind::None)
        return {};
    if (it->kind == FileFault::Kind::IgnoreRange || it->kind == FileFault::Kind::Slow)
        return *it;
    int &left = m_faultsLeft[index];
    if (left <= 0)
        return {};
    --left;
    return *it;
}

void FaultyBulkServer::answerFile(const demo::http::Request &request, QTcpSocket *socket, int index)
{
    using demo::bulk::BodyStream;
    const FileFault fault = takeFault(index);
    if (fault.kind == FileFault::Kind::Redirect) {
        respond(socket, request, 302, {{"Location", fault.location}});
        return;
    }
    if (fault.kind == FileFault::Kind::ServerError) {
        const bool transient = fault.status == 503 || fault.status == 429;
        HeaderList h;
        if (transient)
            h.append({"Retry-After"_ba, "1"_ba});
        respondOutcome(socket, request, fault.status, u"error"_s,
                       transient ? u"transient"_s : u"exception"_s,
                       u"Simulated server error while reading the file"_s, h);
        return;
    }

    demo::bulk::FileBody body;
    if (const auto encoded = m_encoded.constFind(index); encoded != m_encoded.constEnd()) {
        const QByteArray bytes = encoded->body;
        body = {[bytes](qint64 offset, qint64 length) { return bytes.mid(offset, length); },
                bytes.size(),
                {{"Content-Encoding", encoded->contentEncoding}}};
    } else if (m_gzipAlways.contains(index)) {
        body = servedFiles().gzipped(index);
    } else {
        body = fileBody(request, index);
    }
    if (fault.kind == FileFault::Kind::Truncate) {
        const qint64 cut = qint64(double(body.total) * fault.fraction);
        body.total = body.source(0, cut).lastIndexOf('\n') + 1;
    }
    BodyStream *stream = sendFile(request, socket, index, std::move(body),
                                  fault.kind != FileFault::Kind::IgnoreRange);
    if (!stream)
        return;
    if (fault.kind == FileFault::Kind::DropAt)
        stream->stopAfter(BodyStream::Stop::Drop, fault.fraction);
    else if (fault.kind == FileFault::Kind::Stall)
        stream->stopAfter(BodyStream::Stop::Stall, fault.fraction, fault.stallMs);
    else if (fault.kind == FileFault::Kind::Slow)
        stream->throttle(fault.bytesPerSecond);
    stream->start();
}

void FaultyBulkServer::answerBinaryResource(const demo::http::Request &request, QTcpSocket *socket,
                                            const QString &jobId, int index)
{
    const FileFault fault = takeFault(index);
    if (fault.kind == FileFault::Kind::ServerError) {
        respondOutcome(socket, request, fault.status, u"error"_s, u"transient"_s,
                       u"Simulated server error"_s);
        return;
    }
    BulkServer::answerBinaryResource(request, socket, jobId, index);
}

} // namespace fbm::test
