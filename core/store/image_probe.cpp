#include "store/image_probe.h"

namespace quire {

namespace {

quint32 byteAt(const QByteArray &data, qsizetype i)
{
    return i < data.size() ? quint32(quint8(data.at(i))) : 0;
}

quint32 bigEndian16(const QByteArray &d, qsizetype i) { return byteAt(d, i) << 8 | byteAt(d, i + 1); }
quint32 littleEndian16(const QByteArray &d, qsizetype i) { return byteAt(d, i) | byteAt(d, i + 1) << 8; }
quint32 littleEndian24(const QByteArray &d, qsizetype i) { return littleEndian16(d, i) | byteAt(d, i + 2) << 16; }
quint32 bigEndian32(const QByteArray &d, qsizetype i) { return bigEndian16(d, i) << 16 | bigEndian16(d, i + 2); }

ImageInfo png(const QByteArray &data)
{
    // The IHDR chunk comes first: width and height as 32-bit big-endian numbers.
    return {QStringLiteral("image/png"), int(bigEndian32(data, 16) & 0x7fffffff), int(bigEndian32(data, 20) & 0x7fffffff)};
}

ImageInfo gif(const QByteArray &data)
{
    return {QStringLiteral("image/gif"), int(littleEndian16(data, 6)), int(littleEndian16(data, 8))};
}

ImageInfo jpeg(const QByteArray &data)
{
    ImageInfo info{QStringLiteral("image/jpeg"), 0, 0};
    // Walk the segments to the first start-of-frame marker, which holds the size.
    qsizetype i = 2;
    while (i + 9 < data.size()) {
        if (byteAt(data, i) != 0xff)
            break;
        const quint32 marker = byteAt(data, i + 1);
        if (marker == 0xff) {   // fill byte
            ++i;
            continue;
        }
        if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {   // no length
            i += 2;
            continue;
        }
        const bool startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (startOfFrame) {
            info.height = int(bigEndian16(data, i + 5));
            info.width = int(bigEndian16(data, i + 7));
            break;
        }
        const quint32 length = bigEndian16(data, i + 2);
        if (length < 2)
            break;
        i += 2 + length;
    }
    return info;
}

ImageInfo webp(const QByteArray &data)
{
    ImageInfo info{QStringLiteral("image/webp"), 0, 0};
    const QByteArray chunk = data.mid(12, 4);
    if (chunk == "VP8 ") {   // lossy: the key frame header after its start code
        info.width = int(littleEndian16(data, 26) & 0x3fff);
        info.height = int(littleEndian16(data, 28) & 0x3fff);
    } else if (chunk == "VP8L") {   // lossless: 14 bits each, minus one, after the 0x2f signature
        const quint32 bits = littleEndian16(data, 21) | littleEndian16(data, 23) << 16;
        info.width = int(bits & 0x3fff) + 1;
        info.height = int((bits >> 14) & 0x3fff) + 1;
    } else if (chunk == "VP8X") {   // extended: the canvas size, 24 bits each, minus one
        info.width = int(littleEndian24(data, 24)) + 1;
        info.height = int(littleEndian24(data, 27)) + 1;
    }
    return info;
}

bool isAvif(const QByteArray &data)
{
    if (data.mid(4, 4) != "ftyp")
        return false;
    const QByteArray brand = data.mid(8, 4);
    return brand == "avif" || brand == "avis";
}

bool isSvg(const QByteArray &data)
{
    // Text that opens an <svg> element near its start, after an XML declaration or comments.
    const QByteArray head = data.left(4096);
    const qsizetype svg = head.indexOf("<svg");
    if (svg < 0)
        return false;
    const QByteArray before = head.left(svg).trimmed();
    return before.isEmpty() || before.startsWith("<?xml") || before.startsWith("<!--") || before.startsWith("\xef\xbb\xbf");
}

} // namespace

ImageInfo ImageProbe::probe(const QByteArray &data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return png(data);
    if (data.startsWith("\xff\xd8\xff"))
        return jpeg(data);
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return gif(data);
    if (data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return webp(data);
    if (isAvif(data))
        return {QStringLiteral("image/avif"), 0, 0};
    if (isSvg(data))
        return {QStringLiteral("image/svg+xml"), 0, 0};
    return {};
}

} // namespace quire
