#include "markdown/html_escaper.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quire {

namespace {

// 0: copy as is; otherwise the index of the replacement in Replacements.
constexpr std::array<unsigned char, 256> makeTextTable()
{
    std::array<unsigned char, 256> table{};
    table['&'] = 1;
    table['<'] = 2;
    table['>'] = 3;
    table['"'] = 4;
    return table;
}

constexpr std::array<unsigned char, 256> TextTable = makeTextTable();
constexpr std::string_view Replacements[] = {{}, "&amp;", "&lt;", "&gt;", "&quot;"};

constexpr std::array<bool, 256> makeUrlSafeTable()
{
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (char c : std::string_view("-_.~!*'();:@=+$,/?#%[]"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}

constexpr std::array<bool, 256> UrlSafe = makeUrlSafeTable();

// The next byte that needs a replacement, or `end`. Sixteen bytes at a time where SSE2 is
// there (every x86-64): most text and code has long runs without any.
const char *findSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i ampersand = _mm_set1_epi8('&');
    const __m128i less = _mm_set1_epi8('<');
    const __m128i greater = _mm_set1_epi8('>');
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, ampersand), _mm_cmpeq_epi8(chunk, less)),
                                          _mm_or_si128(_mm_cmpeq_epi8(chunk, greater), _mm_cmpeq_epi8(chunk, quote)));
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end && !TextTable[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

} // namespace

void HtmlEscaper::appendEscaped(std::string &out, std::string_view text)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while (p < end) {
        const char *run = p;
        p = findSpecial(p, end);
        out.append(run, size_t(p - run));
        if (p == end)
            break;
        out.append(Replacements[TextTable[static_cast<unsigned char>(*p)]]);
        ++p;
    }
}

void HtmlEscaper::appendUrl(std::string &out, std::string_view url)
{
    static constexpr char Hex[] = "0123456789ABCDEF";
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (UrlSafe[byte]) {
            out.push_back(c);
        } else if (c == '&') {
            out.append("&amp;");
        } else {
            out.push_back('%');
            out.push_back(Hex[byte >> 4]);
            out.push_back(Hex[byte & 0xF]);
        }
    }
}

QString HtmlEscaper::unescape(QString html)
{
    if (!html.contains(u'&'))
        return html;
    html.replace(QLatin1String("&lt;"), QLatin1String("<"));
    html.replace(QLatin1String("&gt;"), QLatin1String(">"));
    html.replace(QLatin1String("&quot;"), QLatin1String("\""));
    html.replace(QLatin1String("&#39;"), QLatin1String("'"));
    html.replace(QLatin1String("&nbsp;"), QString(QChar(0xA0)));
    html.replace(QLatin1String("&amp;"), QLatin1String("&"));   // last: "&amp;lt;" stays "&lt;"
    return html;
}

} // namespace quire
