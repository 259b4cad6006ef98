// The theme template engine: every test of the official Mustache spec (read from the shared
// folder), then what the spec leaves open and a theme relies on: error messages that name the
// file and line, escaping inside attributes, how values print, layouts built from parents and
// blocks, runaway and hostile templates that must fail cleanly, and rendering from two threads.

#include "theme/mustache_template.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <thread>

using namespace quire;

namespace {

// A theme's partials, compiled once; the resolver only reads the map, so it is thread-safe.
class Partials
{
public:
    Partials() = default;
    explicit Partials(const QVariantMap &sources)
    {
        for (auto it = sources.cbegin(); it != sources.cend(); ++it)
            add(it.key(), it.value().toString());
    }

    bool add(const QString &name, const QString &source)
    {
        auto compiled = MustacheTemplate::parse(source, name + QStringLiteral(".mustache"));
        if (!compiled) {
            m_errors.append(compiled.errorMessage());
            return false;
        }
        m_templates[name] = *std::move(compiled);
        return true;
    }

    MustacheTemplate::PartialResolver resolver() const
    {
        return [this](const QString &name) -> const MustacheTemplate * {
            const auto it = m_templates.find(name);
            return it == m_templates.end() ? nullptr : &it->second;
        };
    }

    const QStringList &errors() const { return m_errors; }

private:
    std::map<QString, MustacheTemplate> m_templates;
    QStringList m_errors;
};

Result<QString> render(const QString &source, const QVariant &data, const Partials &partials = Partials())
{
    auto compiled = MustacheTemplate::parse(source, QStringLiteral("test.mustache"));
    if (!compiled)
        return compiled.error();
    return compiled->render(data, partials.resolver());
}

QString rendered(const QString &source, const QVariant &data, const Partials &partials = Partials())
{
    const Result<QString> result = render(source, data, partials);
    return result ? *result : QStringLiteral("ERROR: ") + result.errorMessage();
}

QString parseError(const QString &source)
{
    const auto compiled = MustacheTemplate::parse(source, QStringLiteral("post.mustache"));
    return compiled ? QString() : compiled.errorMessage();
}

QVariantMap map(std::initializer_list<std::pair<QString, QVariant>> entries)
{
    QVariantMap result;
    for (const auto &[key, value] : entries)
        result.insert(key, value);
    return result;
}

} // namespace

class TestMustache : public QObject
{
    Q_OBJECT

private slots:
    void spec_data();
    void spec();
    void cleanupTestCase();

    void parseErrors_data();
    void parseErrors();
    void escapingInAttributes();
    void valuesPrint_data();
    void valuesPrint();
    void truthiness_data();
    void truthiness();
    void contextTypes();
    void missingPartials();
    void emptyTemplate();
    void layoutWithParentsAndBlocks();
    void indentedPartialKeepsValuesAsTheyAre();
    void recursivePartialWithinLimit();
    void recursionGuard_data();
    void recursionGuard();
    void hostileTemplates_data();
    void hostileTemplates();
    void randomTemplatesNeverCrash();
    void twoThreadsRenderTheSameTemplate();

private:
    int m_specRows = 0;
    int m_specPassed = 0;
};

void TestMustache::spec_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QVariant>("data");
    QTest::addColumn<QVariantMap>("partials");
    QTest::addColumn<QString>("expected");

    const QDir folder(QStringLiteral(QUIRE_SHARED_DIR "/spec/mustache"));
    const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("The Mustache spec is not in " QUIRE_SHARED_DIR "/spec/mustache");
    for (const QString &file : files) {
        QFile json(folder.filePath(file));
        QVERIFY2(json.open(QIODevice::ReadOnly), qPrintable(json.fileName()));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.readAll(), &error);
        QVERIFY2(document.isObject(), qPrintable(QStringLiteral("%1: %2").arg(file, error.errorString())));
        QSet<QString> rows;
        for (const QJsonValue test : document.object().value(u"tests").toArray()) {
            const QJsonObject object = test.toObject();
            // Two tests in ~inheritance.json share a name; QTest rows need their own.
            const QString name = QStringLiteral("%1: %2").arg(file, object.value(u"name").toString());
            QString row = name;
            for (int n = 2; rows.contains(row); ++n)
                row = QStringLiteral("%1 (%2)").arg(name).arg(n);
            rows.insert(row);
            QTest::newRow(qPrintable(row)) << object.value(u"template").toString()
                                           << object.value(u"data").toVariant()
                                           << object.value(u"partials").toObject().toVariantMap()
                                           << object.value(u"expected").toString();
            ++m_specRows;
        }
    }
}

void TestMustache::spec()
{
    QFETCH(QString, source);
    QFETCH(QVariant, data);
    QFETCH(QVariantMap, partials);
    QFETCH(QString, expected);

    const Partials compiled(partials);
    QVERIFY2(compiled.errors().isEmpty(), qPrintable(compiled.errors().join(u'\n')));
    const Result<QString> result = render(source, data, compiled);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
    QCOMPARE(*result, expected);
    ++m_specPassed;
}

void TestMustache::cleanupTestCase()
{
    if (m_specRows > 0)
        qInfo("mustache spec: %d of %d passed", m_specPassed, m_specRows);
}

void TestMustache::parseErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");

    QTest::newRow("unclosed section") << "<ul>\n{{#posts}}\n<li>{{title}}</li>\n{{#tags}}\n{{/posts}}\n</ul>\n"
                                      << "post.mustache:5: unexpected {{/posts}}, expected {{/tags}}";
    QTest::newRow("section never closed") << "a\n\nb {{#tags}}\n{{name}}\n"
                                          << "post.mustache:3: unclosed section \"tags\"";
    QTest::newRow("inverted never closed") << "{{^drafts}}" << "post.mustache:1: unclosed inverted section \"drafts\"";
    QTest::newRow("parent never closed") << "\n{{<layout}}{{$body}}x{{/body}}"
                                         << "post.mustache:2: unclosed parent \"layout\"";
    QTest::newRow("block never closed") << "{{$title}}Home" << "post.mustache:1: unclosed block \"title\"";
    QTest::newRow("close without open") << "text\n{{/x}}" << "post.mustache:2: unexpected {{/x}}";
    QTest::newRow("close in other delimiters") << "{{=<% %>=}}\n<%#a%>\n<%/b%>"
                                               << "post.mustache:3: unexpected <%/b%>, expected <%/a%>";
    QTest::newRow("unclosed tag at end") << "line one\nHello {{name" << "post.mustache:2: unclosed tag, \"}}\" is missing";
    QTest::newRow("unclosed tag before another") << "{{title\n<p>{{body}}</p>"
                                                 << "post.mustache:1: unclosed tag, \"}}\" is missing";
    QTest::newRow("unclosed triple") << "{{{html}}" << "post.mustache:1: unclosed tag, \"}}}\" is missing";
    QTest::newRow("unclosed comment") << "a\r\nb\r\n{{! note" << "post.mustache:3: unclosed tag, \"}}\" is missing";
    QTest::newRow("empty tag") << "{{ }}" << "post.mustache:1: empty tag {{}}";
    QTest::newRow("empty section") << "{{#}}{{/}}" << "post.mustache:1: empty tag {{#}}";
    QTest::newRow("empty triple") << "{{{ }}}" << "post.mustache:1: empty tag {{{}}}";
    QTest::newRow("space in name") << "\n\n{{# each posts}}" << "post.mustache:3: invalid name in {{#each posts}}";
    QTest::newRow("one delimiter") << "{{=<%=}}" << "post.mustache:1: invalid delimiters \"<%\"";
    QTest::newRow("three delimiters") << "{{=< % >=}}" << "post.mustache:1: invalid delimiters \"< % >\"";
    QTest::newRow("no delimiters") << "{{==}}" << "post.mustache:1: invalid delimiters \"\"";
    QTest::newRow("equals in delimiter") << "{{=a= b=}}" << "post.mustache:1: invalid delimiters \"a= b\"";
    QTest::newRow("set delimiter unclosed") << "{{=<% %>}}" << "post.mustache:1: unclosed tag, \"=}}\" is missing";
}

void TestMustache::parseErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QCOMPARE(parseError(source), message);
}

void TestMustache::escapingInAttributes()
{
    const QVariantMap post = map({{QStringLiteral("title"), QStringLiteral(R"(Tom & "Jerry" <3 O'Neil)")},
                                  {QStringLiteral("url"), QStringLiteral("/search?q=a&b=c")}});
    QCOMPARE(rendered(QStringLiteral(R"(<a href="{{url}}" title='{{title}}'>{{title}}</a>)"), post),
             QStringLiteral(R"(<a href="/search?q=a&amp;b=c" title='Tom &amp; &quot;Jerry&quot; &lt;3 O&#39;Neil'>)"
                            R"(Tom &amp; &quot;Jerry&quot; &lt;3 O&#39;Neil</a>)"));
    QCOMPARE(rendered(QStringLiteral("{{{title}}}|{{& title}}"), post),
             QStringLiteral(R"(Tom & "Jerry" <3 O'Neil|Tom & "Jerry" <3 O'Neil)"));
    // Template text is never escaped, only values.
    QCOMPARE(rendered(QStringLiteral("<b>&amp;</b>"), QVariant()), QStringLiteral("<b>&amp;</b>"));
}

void TestMustache::valuesPrint_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("string") << QVariant(QStringLiteral("déjà vu")) << "déjà vu";
    QTest::newRow("int") << QVariant(85) << "85";
    QTest::newRow("negative") << QVariant(qint64(-1234567890123)) << "-1234567890123";
    QTest::newRow("unsigned") << QVariant(quint64(18446744073709551615ULL)) << "18446744073709551615";
    QTest::newRow("decimal") << QVariant(1.21) << "1.21";
    QTest::newRow("whole double") << QVariant(85.0) << "85";
    QTest::newRow("tenth") << QVariant(0.1) << "0.1";
    QTest::newRow("inexact sum") << QVariant(0.1 + 0.2) << "0.30000000000000004";
    QTest::newRow("huge double") << QVariant(1e300) << "1e+300";
    QTest::newRow("float") << QVariant(1.21f) << "1.21";
    QTest::newRow("whole float") << QVariant(-3.0f) << "-3";
    QTest::newRow("true") << QVariant(true) << "true";
    QTest::newRow("false") << QVariant(false) << "false";
    QTest::newRow("null") << QVariant::fromValue(nullptr) << "";
    QTest::newRow("invalid") << QVariant() << "";
    QTest::newRow("list") << QVariant(QVariantList{1, 2}) << "";
    QTest::newRow("map") << QVariant(QVariantMap{{QStringLiteral("a"), 1}}) << "";
}

void TestMustache::valuesPrint()
{
    QFETCH(QVariant, value);
    QFETCH(QString, text);
    QCOMPARE(rendered(QStringLiteral("{{v}}"), map({{QStringLiteral("v"), value}})), text);
}

void TestMustache::truthiness_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("truthy");

    QTest::newRow("missing") << QVariant() << false;
    QTest::newRow("null") << QVariant::fromValue(nullptr) << false;
    QTest::newRow("false") << QVariant(false) << false;
    QTest::newRow("empty list") << QVariant(QVariantList()) << false;
    QTest::newRow("empty string list") << QVariant(QStringList()) << false;
    QTest::newRow("empty string") << QVariant(QString()) << false;
    QTest::newRow("true") << QVariant(true) << true;
    QTest::newRow("zero") << QVariant(0) << true;
    QTest::newRow("string") << QVariant(QStringLiteral("0")) << true;
    QTest::newRow("empty map") << QVariant(QVariantMap()) << true;
}

void TestMustache::truthiness()
{
    QFETCH(QVariant, value);
    QFETCH(bool, truthy);
    const QVariantMap data = value.isValid() ? map({{QStringLiteral("v"), value}}) : QVariantMap();
    QCOMPARE(rendered(QStringLiteral("{{#v}}yes{{/v}}{{^v}}no{{/v}}"), data),
             truthy ? QStringLiteral("yes") : QStringLiteral("no"));
}

void TestMustache::contextTypes()
{
    QVariantHash author;
    author.insert(QStringLiteral("name"), QStringLiteral("Ada"));
    const QVariantMap data = map({{QStringLiteral("author"), author},
                                  {QStringLiteral("tags"), QStringList{QStringLiteral("gpu"), QStringLiteral("ml")}},
                                  {QStringLiteral("site"), map({{QStringLiteral("title"), QStringLiteral("Notes")}})}});
    QCOMPARE(rendered(QStringLiteral("{{author.name}} · {{#tags}}[{{.}} {{site.title}}]{{/tags}}"), data),
             QStringLiteral("Ada · [gpu Notes][ml Notes]"));
    // A root that is a list or a plain value.
    QCOMPARE(rendered(QStringLiteral("{{#.}}<{{.}}>{{/.}}"), QStringList{QStringLiteral("a"), QStringLiteral("b")}),
             QStringLiteral("<a><b>"));
    QCOMPARE(rendered(QStringLiteral("{{.}} miles"), 42), QStringLiteral("42 miles"));
}

void TestMustache::missingPartials()
{
    auto compiled = MustacheTemplate::parse(QStringLiteral("[{{>nav}}|{{<layout}}{{$x}}y{{/x}}{{/layout}}]"),
                                            QStringLiteral("page.mustache"));
    QVERIFY(compiled);
    QCOMPARE(*compiled->render(QVariant()), QStringLiteral("[|]"));
    QCOMPARE(*compiled->render(QVariant(), [](const QString &) { return nullptr; }), QStringLiteral("[|]"));
}

void TestMustache::emptyTemplate()
{
    const MustacheTemplate empty;
    QCOMPARE(*empty.render(QVariantMap()), QString());
    QCOMPARE(rendered(QString(), QVariant()), QString());
}

void TestMustache::layoutWithParentsAndBlocks()
{
    Partials theme;
    QVERIFY(theme.add(QStringLiteral("base"), QStringLiteral("<!doctype html>\n"
                                                             "<html lang=\"{{site.language}}\">\n"
                                                             "<head>\n"
                                                             "  <title>{{$title}}{{site.title}}{{/title}}</title>\n"
                                                             "</head>\n"
                                                             "<body>\n"
                                                             "  <main>\n"
                                                             "    {{$content}}\n"
                                                             "    <p>Nothing here.</p>\n"
                                                             "    {{/content}}\n"
                                                             "  </main>\n"
                                                             "  {{>footer}}\n"
                                                             "</body>\n"
                                                             "</html>\n")));
    QVERIFY(theme.add(QStringLiteral("footer"), QStringLiteral("<footer>\n  © {{site.author}}\n</footer>\n")));
    QVERIFY(theme.add(QStringLiteral("post"), QStringLiteral("{{<base}}\n"
                                                             "{{$title}}{{post.title}} · {{site.title}}{{/title}}\n"
                                                             "{{$content}}\n"
                                                             "<article>\n"
                                                             "  <h1>{{post.title}}</h1>\n"
                                                             "  {{{post.html}}}\n"
                                                             "</article>\n"
                                                             "{{/content}}\n"
                                                             "{{/base}}\n")));
    const QVariantMap site = map({{QStringLiteral("title"), QStringLiteral("Field Notes")},
                                  {QStringLiteral("language"), QStringLiteral("en")},
                                  {QStringLiteral("author"), QStringLiteral("A. Writer")}});
    const QVariantMap post = map({{QStringLiteral("title"), QStringLiteral("NaN & friends")},
                                  {QStringLiteral("html"), QStringLiteral("<p>One</p>\n<p>Two</p>")}});
    const auto resolve = theme.resolver();
    const Result<QString> page = resolve(QStringLiteral("post"))
                                     ->render(map({{QStringLiteral("site"), site}, {QStringLiteral("post"), post}}), resolve);
    QVERIFY(page);
    QCOMPARE(*page, QStringLiteral("<!doctype html>\n"
                                   "<html lang=\"en\">\n"
                                   "<head>\n"
                                   "  <title>NaN &amp; friends · Field Notes</title>\n"
                                   "</head>\n"
                                   "<body>\n"
                                   "  <main>\n"
                                   "    <article>\n"
                                   "      <h1>NaN &amp; friends</h1>\n"
                                   "      <p>One</p>\n"
                                   "<p>Two</p>\n"
                                   "    </article>\n"
                                   "  </main>\n"
                                   "  <footer>\n"
                                   "    © A. Writer\n"
                                   "  </footer>\n"
                                   "</body>\n"
                                   "</html>\n"));

    // Without arguments the layout shows its defaults.
    const Result<QString> bare = resolve(QStringLiteral("base"))->render(map({{QStringLiteral("site"), site}}), resolve);
    QVERIFY(bare);
    QVERIFY2(bare->contains(QStringLiteral("  <title>Field Notes</title>\n")), qPrintable(*bare));
    QVERIFY2(bare->contains(QStringLiteral("  <main>\n    <p>Nothing here.</p>\n  </main>\n")), qPrintable(*bare));
}

void TestMustache::indentedPartialKeepsValuesAsTheyAre()
{
    Partials partials;
    QVERIFY(partials.add(QStringLiteral("item"), QStringLiteral("<li>\n  {{{body}}}\n</li>\n")));
    const QVariantMap data = map({{QStringLiteral("items"),
                                   QVariantList{map({{QStringLiteral("body"), QStringLiteral("a\nb")}}),
                                                map({{QStringLiteral("body"), QStringLiteral("c")}})}}});
    QCOMPARE(rendered(QStringLiteral("<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n</ul>\n"), data, partials),
             QStringLiteral("<ul>\n  <li>\n    a\nb\n  </li>\n  <li>\n    c\n  </li>\n</ul>\n"));
}

void TestMustache::recursivePartialWithinLimit()
{
    // A 60-level outline rendered by a partial that includes itself: deep, but within the limit.
    // The leaf's empty list stops the recursion (without it, {{#children}} would find its parent's).
    QVariantMap node = map({{QStringLiteral("name"), QStringLiteral("leaf")}, {QStringLiteral("children"), QVariantList()}});
    for (int level = 59; level >= 1; --level)
        node = map({{QStringLiteral("name"), QString::number(level)}, {QStringLiteral("children"), QVariantList{node}}});
    Partials partials;
    QVERIFY(partials.add(QStringLiteral("node"), QStringLiteral("{{name}}{{#children}}/{{>node}}{{/children}}")));
    const Result<QString> result = render(QStringLiteral("{{>node}}"), node, partials);
    QVERIFY2(result, qPrintable(result ? QString() : result.errorMessage()));
    QVERIFY(result->startsWith(QStringLiteral("1/2/3/")));
    QVERIFY(result->endsWith(QStringLiteral("/59/leaf")));
}

void TestMustache::recursionGuard_data()
{
    QTest::addColumn<QVariantMap>("partials");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QVariant>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("partial includes itself")
        << map({{QStringLiteral("loop"), QStringLiteral("x{{>loop}}")}}) << QStringLiteral("{{>loop}}") << QVariant()
        << QStringLiteral("test.mustache: partial \"loop\" nested more than 100 levels deep (does it include itself?)");
    QTest::newRow("two partials include each other")
        << map({{QStringLiteral("a"), QStringLiteral("\n  {{>b}}\n")}, {QStringLiteral("b"), QStringLiteral("  {{>a}}\n")}})
        << QStringLiteral("{{>a}}") << QVariant()
        << QStringLiteral("test.mustache: partial \"a\" nested more than 100 levels deep (does it include itself?)");
    QTest::newRow("parent extends itself")
        << map({{QStringLiteral("layout"), QStringLiteral("{{<layout}}{{/layout}}")}}) << QStringLiteral("{{<layout}}{{/layout}}")
        << QVariant()
        << QStringLiteral("test.mustache: partial \"layout\" nested more than 100 levels deep (does it include itself?)");
    QTest::newRow("leaf without children finds its parent's")
        << map({{QStringLiteral("node"), QStringLiteral("{{name}}{{#children}}/{{>node}}{{/children}}")}})
        << QStringLiteral("{{>node}}")
        << QVariant(map({{QStringLiteral("children"), QVariantList{map({{QStringLiteral("name"), QStringLiteral("leaf")}})}}}))
        << QStringLiteral("test.mustache: partial \"node\" nested more than 100 levels deep (does it include itself?)");

    // Shallow but exponential: 2^40 expansions long before 100 levels.
    QVariant deep = map({{QStringLiteral("c"), false}});
    for (int i = 0; i < 40; ++i)
        deep = map({{QStringLiteral("c"), deep}});
    QTest::newRow("partial includes itself twice")
        << map({{QStringLiteral("twice"), QStringLiteral("{{#c}}{{>twice}}{{>twice}}{{/c}}")}}) << QStringLiteral("{{>twice}}")
        << deep << QStringLiteral("test.mustache: rendering stopped after 10000000 steps (does a partial include itself?)");
    QVariantList hundred;
    for (int i = 0; i < 100; ++i)
        hundred.append(i);
    QTest::newRow("sections nested over a list")
        << QVariantMap() << QStringLiteral("{{#l}}").repeated(8) + QStringLiteral("{{/l}}").repeated(8)
        << QVariant(map({{QStringLiteral("l"), hundred}}))
        << QStringLiteral("test.mustache: rendering stopped after 10000000 steps (does a partial include itself?)");
    QTest::newRow("argument replaces itself")
        << map({{QStringLiteral("layout"), QStringLiteral("{{$body}}{{/body}}")}})
        << QStringLiteral("{{<layout}}{{$body}}[{{$body}}{{/body}}]{{/body}}{{/layout}}") << QVariant()
        << QStringLiteral("test.mustache: templates nested more than 1000 levels deep");
}

void TestMustache::recursionGuard()
{
    QFETCH(QVariantMap, partials);
    QFETCH(QString, source);
    QFETCH(QVariant, data);
    QFETCH(QString, message);

    const Result<QString> result = render(source, data, Partials(partials));
    QVERIFY(!result);
    QCOMPARE(result.errorMessage(), message);
}

void TestMustache::hostileTemplates_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");

    QString nested;
    for (int i = 0; i < 10000; ++i)
        nested += QStringLiteral("{{#a}}\n");
    for (int i = 0; i < 10000; ++i)
        nested += QStringLiteral("{{/a}}\n");
    QTest::newRow("10k nested sections") << nested << "post.mustache:101: sections nested more than 100 levels deep";
    QString blocks;
    for (int i = 0; i < 10000; ++i)
        blocks += QStringLiteral("{{<p}}{{$b}}");
    QTest::newRow("10k nested parents and blocks") << blocks << "post.mustache:1: sections nested more than 100 levels deep";
    QTest::newRow("10k openings") << QString(10000, u'{') << "post.mustache:1: unclosed tag, \"}}}\" is missing";
    QTest::newRow("10k closings") << QStringLiteral("{{/x}}").repeated(10000) << "post.mustache:1: unexpected {{/x}}";
    QTest::newRow("tags without end") << QStringLiteral("{{a").repeated(10000) << "post.mustache:1: unclosed tag, \"}}\" is missing";
    QTest::newRow("delimiters of blanks") << "{{=   =}}" << "post.mustache:1: invalid delimiters \"\"";
    QTest::newRow("delimiters then garbage") << "{{=<< >>=}}<<==>>" << "post.mustache:1: invalid delimiters \"\"";
    QTest::newRow("delimiter change never ends") << "{{=| |=}}|#a|{{/a}}" << "post.mustache:1: unclosed section \"a\"";
    QTest::newRow("control characters") << QString::fromLatin1("\0{{\x01 \x02}}\xff", 9)
                                        << QString::fromLatin1("post.mustache:1: invalid name in {{\x01 \x02}}");
}

void TestMustache::hostileTemplates()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QCOMPARE(parseError(source), message);
}

void TestMustache::randomTemplatesNeverCrash()
{
    // Templates stitched from Mustache's own syntax: each either fails to parse with a message
    // naming the file, or renders (through partials that include each other) to an end.
    static const QStringList pieces = {
        QStringLiteral("{{"), QStringLiteral("}}"), QStringLiteral("{{{"), QStringLiteral("}}}"), QStringLiteral("#a"),
        QStringLiteral("^a"), QStringLiteral("/a"), QStringLiteral(">p"), QStringLiteral("<p"), QStringLiteral("$b"),
        QStringLiteral("/b"), QStringLiteral("/p"), QStringLiteral("=<% %>="), QStringLiteral("<%"), QStringLiteral("%>"),
        QStringLiteral("!"), QStringLiteral("&"), QStringLiteral("."), QStringLiteral("a"), QStringLiteral(" "),
        QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral("\t"), QStringLiteral("x"), QStringLiteral("="),
    };
    const QVariantMap data = map({{QStringLiteral("a"), QVariantList{1, map({{QStringLiteral("a"), true}}), QStringLiteral("<")}}});
    QRandomGenerator random(20240611);
    int parsed = 0;
    for (int i = 0; i < 3000; ++i) {
        QString source;
        for (int n = random.bounded(1, 40); n > 0; --n)
            source += pieces[random.bounded(int(pieces.size()))];
        auto compiled = MustacheTemplate::parse(source, QStringLiteral("p.mustache"));
        if (!compiled) {
            QVERIFY2(compiled.errorMessage().startsWith(QStringLiteral("p.mustache:")), qPrintable(compiled.errorMessage()));
            continue;
        }
        ++parsed;
        const MustacheTemplate &self = *compiled;
        const Result<QString> result = self.render(data, [&self](const QString &) { return &self; });
        if (!result)
            QVERIFY2(result.errorMessage().startsWith(QStringLiteral("p.mustache: ")), qPrintable(result.errorMessage()));
    }
    QVERIFY(parsed > 100);
}

void TestMustache::twoThreadsRenderTheSameTemplate()
{
    Partials theme;
    QVERIFY(theme.add(QStringLiteral("layout"), QStringLiteral("<h1>{{$title}}{{/title}}</h1>\n<ul>\n  {{$items}}\n  {{/items}}\n</ul>\n")));
    QVERIFY(theme.add(QStringLiteral("item"), QStringLiteral("<li>{{name}}{{#tags}} #{{.}}{{/tags}}</li>\n")));
    QVERIFY(theme.add(QStringLiteral("page"), QStringLiteral("{{<layout}}{{$title}}{{title}}{{/title}}"
                                                             "{{$items}}\n{{#posts}}\n{{>item}}\n{{/posts}}\n{{/items}}{{/layout}}")));
    QVariantList posts;
    for (int i = 0; i < 50; ++i)
        posts.append(map({{QStringLiteral("name"), QStringLiteral("Post <%1>").arg(i)},
                          {QStringLiteral("tags"), QStringList{QStringLiteral("a"), QString::number(i)}}}));
    const QVariantMap data = map({{QStringLiteral("title"), QStringLiteral("Index")}, {QStringLiteral("posts"), posts}});
    const auto resolve = theme.resolver();
    const MustacheTemplate *page = resolve(QStringLiteral("page"));
    const Result<QString> expected = page->render(data, resolve);
    QVERIFY(expected);
    QVERIFY(expected->contains(QStringLiteral("\n  <li>Post &lt;49&gt; #a #49</li>\n</ul>\n")));

    // Same templates, same resolver, same data.
    int mismatches[2] = {0, 0};
    auto work = [&](int thread) {
        for (int i = 0; i < 300; ++i) {
            const Result<QString> result = page->render(data, resolve);
            if (!result || *result != *expected)
                ++mismatches[thread];
        }
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    QCOMPARE(mismatches[0], 0);
    QCOMPARE(mismatches[1], 0);
}

QTEST_GUILESS_MAIN(TestMustache)
#include "tst_mustache.moc"
