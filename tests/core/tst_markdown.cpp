// What a writer sees of Markdown rendering: the HTML of each construct, escaping, heading ids,
// the source lines the preview scrolls by, footnotes, the outline, word counts, front matter,
// slugs, and that hostile input neither crashes nor hangs.

#include "markdown/front_matter.h"
#include "markdown/html_block_splitter.h"
#include "markdown/markdown_renderer.h"
#include "markdown/slug.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace quire;

namespace {

QString html(const QString &markdown)
{
    return MarkdownRenderer::render(markdown).html;
}

QString htmlUtf8(const QByteArray &markdown)
{
    return MarkdownRenderer::renderUtf8(markdown).html;
}

// "tag:line" for every element that carries a data-line, in document order.
QStringList dataLines(const QString &html)
{
    static const QRegularExpression element(QStringLiteral(R"re(<(\w+)(?:\s[^>]*?)?\sdata-line="(\d+)")re"));
    QStringList result;
    for (auto it = element.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        result.append(match.captured(1) + u':' + match.captured(2));
    }
    return result;
}

QString lines(const QStringList &entries)
{
    return entries.join(u' ');
}

} // namespace

class TestMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void constructs_data();
    void constructs();
    void escaping_data();
    void escaping();
    void utf8AndQStringAgree();

    void headingIds();
    void headingIdsLeaveFootnoteAnchorsAlone();
    void outline();

    void dataLinesOfEveryBlock();
    void dataLinesOfFencedCode();
    void dataLinesAfterFrontMatter();
    void dataLinesWithCrLf();

    void footnotesNumberedByFirstReference();
    void footnoteRepeatedReference();
    void footnoteUndefinedAndUnused();
    void footnoteNotInCodeOrLinks();
    void footnoteDefinitionInFencedCode();
    void footnoteMultiParagraph();
    void footnoteKeepsLineNumbers();
    void footnoteIdsSanitized();
    void footnoteReferencedFromFootnote();

    void wordCount_data();
    void wordCount();
    void readingMinutes();

    void frontMatterGood();
    void frontMatterVariants_data();
    void frontMatterVariants();
    void frontMatterScalars();
    void frontMatterErrors_data();
    void frontMatterErrors();
    void frontMatterDeepNesting();
    void frontMatterAliasBomb();

    void slugs_data();
    void slugs();
    void slugSafety();

    void hostileInput_data();
    void hostileInput();
    void hugeInput();

    void blockSplitting_data();
    void blockSplitting();
    void blockSplittingOfRenderedPosts();
};

// --- Constructs -----------------------------------------------------------------------------

void TestMarkdown::constructs_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");

    QTest::newRow("inline spans") << u"a *b* **c** ~~d~~ `e`"_qs
                                  << u"<p data-line=\"1\">a <em>b</em> <strong>c</strong> <del>d</del> <code>e</code></p>\n"_qs;
    QTest::newRow("breaks") << u"one  \ntwo\\\nthree\nfour"_qs
                            << u"<p data-line=\"1\">one<br>\ntwo<br>\nthree\nfour</p>\n"_qs;
    QTest::newRow("heading") << u"### Three"_qs << u"<h3 id=\"three\" data-line=\"1\">Three</h3>\n"_qs;
    QTest::newRow("blockquote") << u"> quoted"_qs
                                << u"<blockquote data-line=\"1\">\n<p data-line=\"1\">quoted</p>\n</blockquote>\n"_qs;
    QTest::newRow("bullet list") << u"- a\n- b"_qs
                                 << u"<ul data-line=\"1\">\n<li data-line=\"1\">a</li>\n<li data-line=\"2\">b</li>\n</ul>\n"_qs;
    QTest::newRow("ordered list from 3")
        << u"3. x\n4. y"_qs
        << u"<ol start=\"3\" data-line=\"1\">\n<li data-line=\"1\">x</li>\n<li data-line=\"2\">y</li>\n</ol>\n"_qs;
    QTest::newRow("ordered list from 1") << u"1. x"_qs
                                         << u"<ol data-line=\"1\">\n<li data-line=\"1\">x</li>\n</ol>\n"_qs;
    QTest::newRow("task list")
        << u"- [ ] open\n- [x] done"_qs
        << u"<ul data-line=\"1\">\n"
           "<li class=\"task-list-item\" data-line=\"1\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled> open</li>\n"
           "<li class=\"task-list-item\" data-line=\"2\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked> done</li>\n"
           "</ul>\n"_qs;
    QTest::newRow("rule") << u"***"_qs << u"<hr data-line=\"1\">\n"_qs;
    QTest::newRow("fenced code with language")
        << u"```c++ extra words\nint a;\n```"_qs
        << u"<pre data-line=\"1\"><code class=\"language-c++\">int a;\n</code></pre>\n"_qs;
    QTest::newRow("fenced code without language") << u"```\nplain\n```"_qs
                                                  << u"<pre data-line=\"1\"><code>plain\n</code></pre>\n"_qs;
    QTest::newRow("tilde fence") << u"~~~\ntilde\n~~~"_qs << u"<pre data-line=\"1\"><code>tilde\n</code></pre>\n"_qs;
    QTest::newRow("indented code") << u"    indented\n"_qs << u"<pre data-line=\"1\"><code>indented\n</code></pre>\n"_qs;
    QTest::newRow("table")
        << u"| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |"_qs
        << u"<table data-line=\"1\">\n<thead data-line=\"1\">\n<tr data-line=\"1\">\n"
           "<th style=\"text-align: left\" data-line=\"1\">L</th>\n"
           "<th style=\"text-align: center\" data-line=\"1\">C</th>\n"
           "<th style=\"text-align: right\" data-line=\"1\">R</th>\n"
           "<th data-line=\"1\">N</th>\n"
           "</tr>\n</thead>\n<tbody data-line=\"3\">\n<tr data-line=\"3\">\n"
           "<td style=\"text-align: left\" data-line=\"3\">1</td>\n"
           "<td style=\"text-align: center\" data-line=\"3\">2</td>\n"
           "<td style=\"text-align: right\" data-line=\"3\">3</td>\n"
           "<td data-line=\"3\">4</td>\n"
           "</tr>\n</tbody>\n</table>\n"_qs;
    QTest::newRow("autolinks")
        << u"See https://example.org, www.example.com and me@example.com."_qs
        << u"<p data-line=\"1\">See <a href=\"https://example.org\">https://example.org</a>, "
           "<a href=\"http://www.example.com\">www.example.com</a> and "
           "<a href=\"mailto:me@example.com\">me@example.com</a>.</p>\n"_qs;
    QTest::newRow("angle autolink") << u"<https://example.org/a?b=1&c=2>"_qs
                                    << u"<p data-line=\"1\"><a href=\"https://example.org/a?b=1&amp;c=2\">"
                                       "https://example.org/a?b=1&amp;c=2</a></p>\n"_qs;
    QTest::newRow("link with title") << u"[text](/url \"Title\")"_qs
                                     << u"<p data-line=\"1\"><a href=\"/url\" title=\"Title\">text</a></p>\n"_qs;
    QTest::newRow("link destination encoded") << u"[t](</a b/ü>)"_qs
                                              << u"<p data-line=\"1\"><a href=\"/a%20b/%C3%BC\">t</a></p>\n"_qs;
    QTest::newRow("image with flattened alt")
        << u"![An *emph* `code` ![inner](i.png) alt](/img.png \"Pic\")"_qs
        << u"<p data-line=\"1\"><img src=\"/img.png\" alt=\"An emph code inner alt\" title=\"Pic\"></p>\n"_qs;
    QTest::newRow("raw html block") << u"<div class=\"x\">\n*raw*\n</div>"_qs << u"<div class=\"x\">\n*raw*\n</div>\n"_qs;
    QTest::newRow("inline html") << u"inline <kbd>Ctrl</kbd> html"_qs
                                 << u"<p data-line=\"1\">inline <kbd>Ctrl</kbd> html</p>\n"_qs;
    QTest::newRow("entities as written") << u"&copy; &#169; &#xA9; &nosuch;"_qs
                                         << u"<p data-line=\"1\">&copy; &#169; &#xA9; &nosuch;</p>\n"_qs;
    QTest::newRow("inline math") << u"Euler $e^{i\\pi}+1=0$ here"_qs
                                 << u"<p data-line=\"1\">Euler <span class=\"math inline\">e^{i\\pi}+1=0</span> here</p>\n"_qs;
    QTest::newRow("display math block") << u"$$\n\\int_0^1 x\\,dx\n$$"_qs
                                        << u"<div class=\"math display\" data-line=\"1\">\\int_0^1 x\\,dx</div>\n"_qs;
    QTest::newRow("display math in text") << u"Text $$x^2$$ inline"_qs
                                          << u"<p data-line=\"1\">Text <span class=\"math display\">x^2</span> inline</p>\n"_qs;
    QTest::newRow("two display formulas")
        << u"$$a$$ $$b$$"_qs
        << u"<p data-line=\"1\"><span class=\"math display\">a</span> <span class=\"math display\">b</span></p>\n"_qs;
    QTest::newRow("math escaped") << u"$a<b$"_qs << u"<p data-line=\"1\"><span class=\"math inline\">a&lt;b</span></p>\n"_qs;
    QTest::newRow("empty") << QString() << QString();
}

void TestMarkdown::constructs()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(html(markdown), expected);
}

void TestMarkdown::escaping_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text") << u"A < B & C > D \"quoted\""_qs
                          << u"<p data-line=\"1\">A &lt; B &amp; C &gt; D &quot;quoted&quot;</p>\n"_qs;
    QTest::newRow("link title") << u"[x](/u \"a \\\"q\\\" & <b>\")"_qs
                                << u"<p data-line=\"1\"><a href=\"/u\" title=\"a &quot;q&quot; &amp; &lt;b&gt;\">x</a></p>\n"_qs;
    QTest::newRow("link href") << u"[x](/u?a=\"1\"&b=<2>)"_qs
                               << u"<p data-line=\"1\"><a href=\"/u?a=%221%22&amp;b=%3C2%3E\">x</a></p>\n"_qs;
    QTest::newRow("image alt") << u"![a \"q\" & <b>](/i.png)"_qs
                               << u"<p data-line=\"1\"><img src=\"/i.png\" alt=\"a &quot;q&quot; &amp; &lt;b&gt;\"></p>\n"_qs;
    QTest::newRow("image title") << u"![a](/i.png 'say \"hi\"')"_qs
                                 << u"<p data-line=\"1\"><img src=\"/i.png\" alt=\"a\" title=\"say &quot;hi&quot;\"></p>\n"_qs;
    QTest::newRow("code info string") << u"```a\"b<c>\nx\n```"_qs
                                      << u"<pre data-line=\"1\"><code class=\"language-a&quot;b&lt;c&gt;\">x\n</code></pre>\n"_qs;
    QTest::newRow("code block") << u"```\nif (a < b && c > \"d\") {}\n```"_qs
                                << u"<pre data-line=\"1\"><code>if (a &lt; b &amp;&amp; c &gt; &quot;d&quot;) {}\n</code></pre>\n"_qs;
    QTest::newRow("code span") << u"`a < b && \"c\"`"_qs
                               << u"<p data-line=\"1\"><code>a &lt; b &amp;&amp; &quot;c&quot;</code></p>\n"_qs;
    QTest::newRow("heading text") << u"# Fish & \"Chips\""_qs
                                  << u"<h1 id=\"fish-chips\" data-line=\"1\">Fish &amp; &quot;Chips&quot;</h1>\n"_qs;
    QTest::newRow("long run") << QString(u"x"_qs.repeated(40) + u"<"_qs + u"y"_qs.repeated(40))
                              << QString(u"<p data-line=\"1\">"_qs + u"x"_qs.repeated(40) + u"&lt;"_qs + u"y"_qs.repeated(40)
                                         + u"</p>\n"_qs);
}

void TestMarkdown::escaping()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(html(markdown), expected);
}

void TestMarkdown::utf8AndQStringAgree()
{
    const QString markdown = u"# Über\n\nGrüße, *Welt* — 日本語 [^1]\n\n[^1]: Fußnote\n"_qs;
    QCOMPARE(htmlUtf8(markdown.toUtf8()), html(markdown));
    QVERIFY(html(markdown).contains(u"Grüße"_qs));
}

// --- Headings -------------------------------------------------------------------------------

void TestMarkdown::headingIds()
{
    const QString result = html(u"# Intro\n\n## Intro\n\n### Intro\n\n# Intro 1\n\n#\n\n## 🎉\n\n# Über Größe\n\n# `code` & *em*"_qs);
    const QStringList ids = [&] {
        QStringList found;
        static const QRegularExpression id(QStringLiteral(R"re(<h\d id="([^"]*)")re"));
        for (auto it = id.globalMatch(result); it.hasNext();)
            found.append(it.next().captured(1));
        return found;
    }();
    QCOMPARE(ids, (QStringList{u"intro"_qs, u"intro-1"_qs, u"intro-2"_qs, u"intro-1-1"_qs, u"section"_qs,
                               u"section-1"_qs, u"über-größe"_qs, u"code-em"_qs}));
}

void TestMarkdown::headingIdsLeaveFootnoteAnchorsAlone()
{
    const QString result = html(u"# Fn 1\n\n# Fnref 1\n\nText.[^1]\n\n[^1]: Note.\n"_qs);
    QCOMPARE(result.count(u"id=\"fn-1\""_qs), 1);
    QCOMPARE(result.count(u"id=\"fnref-1\""_qs), 1);
    QVERIFY(result.contains(u"<h1 id=\"section-fn-1\""_qs));
    QVERIFY(result.contains(u"<h1 id=\"section-fnref-1\""_qs));
}

void TestMarkdown::outline()
{
    MarkdownRenderer::Options options;
    options.firstLine = 5;
    const RenderedDocument document = MarkdownRenderer::render(
        u"# First *one*\n\ntext\n\nSecond `code`\n------\n\n> ### Quoted &amp; decoded\n\n###### Six[^n]\n\n[^n]: note\n"_qs, options);
    QCOMPARE(document.outline.size(), 4);
    const OutlineEntry &first = document.outline.at(0);
    QCOMPARE(first.level, 1);
    QCOMPARE(first.text, u"First one"_qs);
    QCOMPARE(first.id, u"first-one"_qs);
    QCOMPARE(first.line, 5);
    QCOMPARE(document.outline.at(1).level, 2);
    QCOMPARE(document.outline.at(1).text, u"Second code"_qs);
    QCOMPARE(document.outline.at(1).line, 9);
    QCOMPARE(document.outline.at(2).text, u"Quoted & decoded"_qs);
    QCOMPARE(document.outline.at(2).id, u"quoted-decoded"_qs);
    QCOMPARE(document.outline.at(2).line, 12);
    QCOMPARE(document.outline.at(3).level, 6);
    QCOMPARE(document.outline.at(3).text, u"Six"_qs);   // the footnote mark is not part of the title
    QCOMPARE(document.outline.at(3).id, u"six"_qs);
    QCOMPARE(document.outline.at(3).line, 14);
}

// --- data-line ------------------------------------------------------------------------------

void TestMarkdown::dataLinesOfEveryBlock()
{
    const QString markdown = uR"(# Title

Paragraph one
continues here.

- item 1
  - nested a
  - nested b

    loose para in b
- item 2
  1. deep
     > quote in list

> first quote para
>
> second quote para
>
> > nested quote

```python
print("x")
```
---
***

| h1 | h2 |
|----|----|
| a  |    |
|    | d  |

Setext
======

$$
E = mc^2
$$

    indented code

<div>raw</div>

- [ ]
- [x] done
-

![](img.png)

[ref]: /somewhere

---
Last
)"_qs;
    const QString expected = u"h1:1 p:3 ul:6 li:6 ul:7 li:7 p:7 li:8 p:8 p:10 li:11 ol:12 li:12 blockquote:13 p:13 "
                             "blockquote:15 p:15 p:17 blockquote:19 p:19 pre:21 hr:24 hr:25 "
                             "table:27 thead:27 tr:27 th:27 th:27 tbody:29 tr:29 td:29 td:29 tr:30 td:30 td:30 "
                             "h1:32 div:35 pre:39 ul:43 li:43 li:44 li:45 p:47 hr:51 p:52"_qs;
    const QString result = html(markdown);
    QCOMPARE(lines(dataLines(result)), expected);
    QVERIFY(result.contains(u"\n<div>raw</div>\n"_qs));   // raw HTML untouched
}

void TestMarkdown::dataLinesOfFencedCode()
{
    // Blank first lines, empty blocks, fences inside list items, a rule right after a fence.
    const QString markdown = u"```\n\n\nafter blank\n```\n---\n\n```\n```\n\n---\n\n~~~~\n~~~~\n- a\n\n  ```\n  code\n  ```\n"
                             "- ```\n  in item\n  ```\n\n```js\n```\n***\n"_qs;
    QCOMPARE(lines(dataLines(html(markdown))),
             u"pre:1 hr:6 pre:8 hr:11 pre:13 ul:15 li:15 p:15 pre:17 li:20 pre:20 pre:24 hr:26"_qs);
}

void TestMarkdown::dataLinesAfterFrontMatter()
{
    const QString file = u"---\ntitle: T\ntags: [a]\n---\n# Heading\n\ntext\n\n---\n\n```\n```\n"_qs;
    const auto parsed = FrontMatter::parse(file);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->bodyFirstLine, 5);
    MarkdownRenderer::Options options;
    options.firstLine = parsed->bodyFirstLine;
    const RenderedDocument document = MarkdownRenderer::render(parsed->body, options);
    QCOMPARE(lines(dataLines(document.html)), u"h1:5 p:7 hr:9 pre:11"_qs);
    QCOMPARE(document.outline.first().line, 5);
}

void TestMarkdown::dataLinesWithCrLf()
{
    QCOMPARE(lines(dataLines(html(u"a\r\n\r\n- b\r\n\r\n```\r\nc\r\n```\r\n---\r\n"_qs))), u"p:1 ul:3 li:3 pre:5 hr:8"_qs);
}

// --- Footnotes ------------------------------------------------------------------------------

void TestMarkdown::footnotesNumberedByFirstReference()
{
    const QString result = html(u"One[^b] two[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n"_qs);
    QCOMPARE(result,
             u"<p data-line=\"1\">One<sup><a href=\"#fn-b\" id=\"fnref-b\" data-footnote-ref>1</a></sup> "
             "two<sup><a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>2</a></sup>.</p>\n"
             "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
             "<li id=\"fn-b\" data-line=\"4\">\n<p data-line=\"4\">Note B. "
             "<a href=\"#fnref-b\" class=\"data-footnote-backref\" aria-label=\"Back to reference 1\">\u21A9</a></p>\n</li>\n"
             "<li id=\"fn-a\" data-line=\"3\">\n<p data-line=\"3\">Note A. "
             "<a href=\"#fnref-a\" class=\"data-footnote-backref\" aria-label=\"Back to reference 2\">\u21A9</a></p>\n</li>\n"
             "</ol>\n</section>\n"_qs);
}

void TestMarkdown::footnoteRepeatedReference()
{
    const QString result = html(u"x[^n] y[^N] z[^n]\n\n[^n]: Note.\n"_qs);
    QVERIFY(result.contains(u"<sup><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup>"_qs));
    QVERIFY(result.contains(u"<sup><a href=\"#fn-n\" id=\"fnref-n-2\" data-footnote-ref>1</a></sup>"_qs));
    QVERIFY(result.contains(u"<sup><a href=\"#fn-n\" id=\"fnref-n-3\" data-footnote-ref>1</a></sup>"_qs));
    QVERIFY(result.contains(u"<a href=\"#fnref-n-2\" class=\"data-footnote-backref\" aria-label=\"Back to reference 1-2\">"
                            "\u21A9<sup>2</sup></a>"_qs));
    QCOMPARE(result.count(u"<li id="_qs), 1);
}

void TestMarkdown::footnoteUndefinedAndUnused()
{
    const QString result = html(u"Missing [^nope] here, and at the end [^\n\n[^unused]: Never shown.\n"_qs);
    QCOMPARE(result, u"<p data-line=\"1\">Missing [^nope] here, and at the end [^</p>\n"_qs);
}

void TestMarkdown::footnoteNotInCodeOrLinks()
{
    const QString result = html(u"`[^a]` [link [^a]](/x) ![img [^a]](i.png)\n\n```\n[^a]\n```\n\n[^a]: Note.\n"_qs);
    QVERIFY(!result.contains(u"data-footnote-ref"_qs));
    QVERIFY(!result.contains(u"<section"_qs));
    QVERIFY(result.contains(u"<code>[^a]</code>"_qs));
    QVERIFY(result.contains(u"<a href=\"/x\">link [^a]</a>"_qs));
}

void TestMarkdown::footnoteDefinitionInFencedCode()
{
    const QString result = html(u"Ref[^c].\n\n```\n[^c]: inside code\n```\n\n> ```\n> [^c]: quoted code\n> ```\n"_qs);
    QVERIFY(result.contains(u"<code>[^c]: inside code\n</code>"_qs));
    QVERIFY(result.contains(u"<code>[^c]: quoted code\n</code>"_qs));
    QVERIFY(result.contains(u"Ref[^c]."_qs));
}

void TestMarkdown::footnoteMultiParagraph()
{
    const QString result = html(u"Text[^long].\n\n[^long]: First paragraph\n    continues.\n\n    Second paragraph.\n\n"
                                "        code in note\n\nNot part of the note.\n"_qs);
    QCOMPARE(result,
             u"<p data-line=\"1\">Text<sup><a href=\"#fn-long\" id=\"fnref-long\" data-footnote-ref>1</a></sup>.</p>\n"
             "<p data-line=\"10\">Not part of the note.</p>\n"
             "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-long\" data-line=\"3\">\n"
             "<p data-line=\"3\">First paragraph\ncontinues.</p>\n"
             "<p data-line=\"6\">Second paragraph.</p>\n"
             "<pre data-line=\"8\"><code>code in note\n</code></pre>\n"
             "<p><a href=\"#fnref-long\" class=\"data-footnote-backref\" aria-label=\"Back to reference 1\">\u21A9</a></p>\n"
             "</li>\n</ol>\n</section>\n"_qs);
}

void TestMarkdown::footnoteKeepsLineNumbers()
{
    MarkdownRenderer::Options options;
    options.firstLine = 10;
    const QString result = MarkdownRenderer::render(u"A[^1]\n\n[^1]: One\n  [^2]: Two\n\n# After\n\n---\n"_qs, options).html;
    QCOMPARE(lines(dataLines(result)), u"p:10 h1:15 hr:17 li:12 p:12"_qs);
    QVERIFY(!result.contains(u"Two"_qs));   // defined but never referenced
}

void TestMarkdown::footnoteIdsSanitized()
{
    const QString result = html(u"a[^x\"y] b[^Über] c[^%%] d[^x-y]\n\n[^x\"y]: q\n[^Über]: u\n[^%%]: p\n[^x-y]: dup\n"_qs);
    QVERIFY(result.contains(u"href=\"#fn-x-y\" id=\"fnref-x-y\""_qs));
    QVERIFY(result.contains(u"href=\"#fn-über\" id=\"fnref-über\""_qs));
    QVERIFY(result.contains(u"href=\"#fn-3\" id=\"fnref-3\""_qs));   // nothing left of the label: its number
    QVERIFY(result.contains(u"href=\"#fn-x-y-2\" id=\"fnref-x-y-2\""_qs));   // same slug as the first one
    QVERIFY(result.contains(u"<li id=\"fn-x-y\""_qs));
    QVERIFY(!result.contains(u"fn-x\""_qs));
}

void TestMarkdown::footnoteReferencedFromFootnote()
{
    const QString result = html(u"Start[^a]\n\n[^a]: See also[^b].\n[^b]: Second.\n"_qs);
    QVERIFY(result.contains(u"<li id=\"fn-a\" data-line=\"3\">\n<p data-line=\"3\">See also<sup><a href=\"#fn-b\" id=\"fnref-b\" "
                            "data-footnote-ref>2</a></sup>."_qs));
    QVERIFY(result.contains(u"<li id=\"fn-b\" data-line=\"4\">"_qs));
}

// --- Words ----------------------------------------------------------------------------------

void TestMarkdown::wordCount_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("words");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("prose") << u"One two three.\nFour, five — six!"_qs << 6;
    QTest::newRow("emphasis joins") << u"un*believ*able **bold** x86-64"_qs << 3;
    QTest::newRow("heading and link") << u"# Two words\n\nA [linked phrase](/x) here"_qs << 6;
    QTest::newRow("code span counted") << u"Call `foo()` now"_qs << 3;
    QTest::newRow("code block not counted") << u"Before\n\n```\nnot counted at all\n```\n\n    nor this\n\nAfter"_qs << 2;
    QTest::newRow("math not counted") << u"Let $x + y$ be\n\n$$\na + b\n$$"_qs << 2;
    QTest::newRow("raw html not counted") << u"<div>\nhidden words here\n</div>\n\nshown <b>bold</b> text"_qs << 3;
    QTest::newRow("table cells") << u"| a b | c |\n|---|---|\n| d | e f |"_qs << 6;
    QTest::newRow("footnote text counted") << u"Word[^1]\n\n[^1]: two more\n"_qs << 3;
    QTest::newRow("image alt not counted") << u"![alt text](i.png) caption"_qs << 1;
    QTest::newRow("punctuation alone") << u"a - b -- c"_qs << 3;
    QTest::newRow("other scripts") << u"Grüße aus Köln"_qs << 3;
}

void TestMarkdown::wordCount()
{
    QFETCH(QString, markdown);
    QFETCH(int, words);
    QCOMPARE(MarkdownRenderer::render(markdown).wordCount, words);
}

void TestMarkdown::readingMinutes()
{
    QCOMPARE(MarkdownRenderer::render(QString()).readingMinutes, 0);
    QCOMPARE(MarkdownRenderer::render(u"word"_qs).readingMinutes, 1);
    QCOMPARE(MarkdownRenderer::render(u"word "_qs.repeated(220)).readingMinutes, 1);
    QCOMPARE(MarkdownRenderer::render(u"word "_qs.repeated(221)).readingMinutes, 2);
    QCOMPARE(MarkdownRenderer::render(u"word "_qs.repeated(2200)).readingMinutes, 10);
}

// --- Front matter ---------------------------------------------------------------------------

void TestMarkdown::frontMatterGood()
{
    const auto parsed = FrontMatter::parse(u"---\ntitle: \"A: title\"\ndate: 2024-03-05T12:00:00+02:00\ndraft: false\n"
                                           "tags:\n  - gpu\n  - numerics\nweight: 3\nratio: 0.25\n"
                                           "author:\n  name: Ada\n  links: [a, {b: 2}]\nempty:\n---\n# Body\n\ntext\n"_qs);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.errorMessage()));
    QVERIFY(parsed->present);
    QCOMPARE(parsed->bodyFirstLine, 15);
    QCOMPARE(parsed->body, u"# Body\n\ntext\n"_qs);
    const QJsonObject &fields = parsed->fields;
    QCOMPARE(fields.value(u"title"_qs).toString(), u"A: title"_qs);
    QCOMPARE(fields.value(u"date"_qs).toString(), u"2024-03-05T12:00:00+02:00"_qs);
    QCOMPARE(fields.value(u"draft"_qs), QJsonValue(false));
    QCOMPARE(fields.value(u"tags"_qs).toArray(), (QJsonArray{u"gpu"_qs, u"numerics"_qs}));
    QCOMPARE(fields.value(u"weight"_qs), QJsonValue(3));
    QCOMPARE(fields.value(u"ratio"_qs), QJsonValue(0.25));
    const QJsonObject author = fields.value(u"author"_qs).toObject();
    QCOMPARE(author.value(u"name"_qs).toString(), u"Ada"_qs);
    QCOMPARE(author.value(u"links"_qs).toArray().at(1).toObject().value(u"b"_qs), QJsonValue(2));
    QVERIFY(fields.value(u"empty"_qs).isNull());
}

void TestMarkdown::frontMatterVariants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("present");
    QTest::addColumn<int>("fieldCount");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("bodyFirstLine");

    QTest::newRow("none") << u"# Just text\n---\n"_qs << false << 0 << u"# Just text\n---\n"_qs << 1;
    QTest::newRow("crlf") << u"---\r\na: 1\r\nb: x\r\n---\r\nbody\r\n"_qs << true << 2 << u"body\r\n"_qs << 5;
    QTest::newRow("bom") << u"\uFEFF---\na: 1\n---\nbody"_qs << true << 1 << u"body"_qs << 4;
    QTest::newRow("dots close") << u"---\na: 1\n...\nbody"_qs << true << 1 << u"body"_qs << 4;
    QTest::newRow("empty block") << u"---\n---\nbody"_qs << true << 0 << u"body"_qs << 3;
    QTest::newRow("only comments") << u"---\n# nothing\n---\n"_qs << true << 0 << QString() << 4;
    QTest::newRow("trailing spaces") << u"---  \na: 1\n---\t\nbody"_qs << true << 1 << u"body"_qs << 4;
    QTest::newRow("no newline at end") << u"---\na: 1\n---"_qs << true << 1 << QString() << 4;
    QTest::newRow("not first line") << u"\n---\na: 1\n---\n"_qs << false << 0 << u"\n---\na: 1\n---\n"_qs << 1;
}

void TestMarkdown::frontMatterVariants()
{
    QFETCH(QString, text);
    QFETCH(bool, present);
    QFETCH(int, fieldCount);
    QFETCH(QString, body);
    QFETCH(int, bodyFirstLine);
    const auto parsed = FrontMatter::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.errorMessage()));
    QCOMPARE(parsed->present, present);
    QCOMPARE(parsed->fields.size(), fieldCount);
    QCOMPARE(parsed->body, body);
    QCOMPARE(parsed->bodyFirstLine, bodyFirstLine);
}

void TestMarkdown::frontMatterScalars()
{
    const auto parsed = FrontMatter::parse(u"---\nquotedTrue: \"true\"\nsingleQuoted: 'false'\nplainTrue: True\nplainFalse: FALSE\n"
                                           "yes: yes\nno: no\nquotedNumber: \"42\"\nnegative: -1.5e3\nhex: 0x1F\n"
                                           "tilde: ~\nnullWord: null\nquotedNull: \"null\"\nversion: 1.10\n"
                                           "huge: 123456789012345678901\nliteral: |\n  two\n  lines\n"
                                           "date: 2020-01-01\n---\n"_qs);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.errorMessage()));
    const QJsonObject &f = parsed->fields;
    QCOMPARE(f.value(u"quotedTrue"_qs), QJsonValue(u"true"_qs));
    QCOMPARE(f.value(u"singleQuoted"_qs), QJsonValue(u"false"_qs));
    QCOMPARE(f.value(u"plainTrue"_qs), QJsonValue(true));
    QCOMPARE(f.value(u"plainFalse"_qs), QJsonValue(false));
    QCOMPARE(f.value(u"yes"_qs), QJsonValue(u"yes"_qs));
    QCOMPARE(f.value(u"no"_qs), QJsonValue(u"no"_qs));
    QCOMPARE(f.value(u"quotedNumber"_qs), QJsonValue(u"42"_qs));
    QCOMPARE(f.value(u"negative"_qs), QJsonValue(-1500.0));
    QCOMPARE(f.value(u"hex"_qs), QJsonValue(u"0x1F"_qs));
    QVERIFY(f.value(u"tilde"_qs).isNull());
    QVERIFY(f.value(u"nullWord"_qs).isNull());
    QCOMPARE(f.value(u"quotedNull"_qs), QJsonValue(u"null"_qs));
    QCOMPARE(f.value(u"version"_qs), QJsonValue(1.1));
    QCOMPARE(f.value(u"huge"_qs), QJsonValue(u"123456789012345678901"_qs));   // kept exact
    QCOMPARE(f.value(u"literal"_qs), QJsonValue(u"two\nlines\n"_qs));
    QCOMPARE(f.value(u"date"_qs), QJsonValue(u"2020-01-01"_qs));
}

void TestMarkdown::frontMatterErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad indentation") << u"---\na: 1\nb: 2\n  c: 3\n---\n"_qs << u"front matter: line 4: illegal map value"_qs;
    QTest::newRow("unclosed flow") << u"---\ntitle: x\ntags: [a, b\n---\n"_qs
                                   << u"front matter: line 4: end of sequence flow not found"_qs;
    QTest::newRow("crlf line number") << u"---\r\na: 1\r\nb: 2\r\n  c: 3\r\n---\r\n"_qs << u"front matter: line 4: illegal map value"_qs;
    QTest::newRow("unterminated") << u"---\ntitle: x\n\n# Body\n"_qs
                                  << u"front matter: line 1: the front matter block is never closed (no \"---\" line after it)"_qs;
    QTest::newRow("list") << u"---\n- a\n- b\n---\n"_qs << u"front matter: line 2: expected \"key: value\" lines, found a list"_qs;
    QTest::newRow("scalar") << u"---\njust text\n---\n"_qs
                            << u"front matter: line 2: expected \"key: value\" lines, found plain text"_qs;
    QTest::newRow("complex key") << u"---\n? [a]\n: b\n---\n"_qs
                                 << u"front matter: line 2: a key must be plain text, not a list or a mapping"_qs;
    QTest::newRow("unknown alias") << u"---\na: *nope\n---\n"_qs << u"front matter: line 2: the referenced anchor is not defined"_qs;
}

void TestMarkdown::frontMatterErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = FrontMatter::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.errorMessage(), message);
}

void TestMarkdown::frontMatterDeepNesting()
{
    const auto flow = FrontMatter::parse(u"---\na: "_qs + u"["_qs.repeated(10000) + u"\n---\n"_qs);
    QVERIFY(!flow.ok());
    QVERIFY2(flow.errorMessage().startsWith(u"front matter: line "_qs), qPrintable(flow.errorMessage()));
    QVERIFY2(flow.errorMessage().contains(u"deep"_qs), qPrintable(flow.errorMessage()));

    const auto balanced = FrontMatter::parse(u"---\na: "_qs + u"["_qs.repeated(100) + u"]"_qs.repeated(100) + u"\n---\n"_qs);
    QVERIFY(!balanced.ok());
    QCOMPARE(balanced.errorMessage(), u"front matter: line 2: nested more than 64 levels deep"_qs);

    QString block = u"---\n"_qs;
    for (int i = 0; i < 1000; ++i)
        block += QString(i, u' ') + u"k:\n"_qs;
    const auto indented = FrontMatter::parse(block + u"---\n"_qs);
    QVERIFY(!indented.ok());

    const auto fine = FrontMatter::parse(u"---\na: "_qs + u"["_qs.repeated(60) + u"]"_qs.repeated(60) + u"\n---\n"_qs);
    QVERIFY(fine.ok());
}

void TestMarkdown::frontMatterAliasBomb()
{
    // Each line multiplies the one before: a few hundred bytes that would expand to 10^5+ values.
    const auto parsed = FrontMatter::parse(u"---\na: &a [1,2,3,4,5,6,7,8,9,10]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                                           "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                                           "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n"_qs);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errorMessage().contains(u"more than 100000 values"_qs), qPrintable(parsed.errorMessage()));
}

// --- Slugs ----------------------------------------------------------------------------------

void TestMarkdown::slugs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("slug");

    QTest::newRow("ascii") << u"Hello, World!"_qs << u"hello-world"_qs;
    QTest::newRow("german") << u"Über Größe"_qs << u"über-größe"_qs;
    QTest::newRow("path") << u"../../etc"_qs << u"etc"_qs;
    QTest::newRow("japanese") << u"日本語のテキスト"_qs << u"日本語のテキスト"_qs;
    QTest::newRow("symbols") << u"C++ & CUDA"_qs << u"c-cuda"_qs;
    QTest::newRow("emoji") << u"🎉 Party 🎉 time"_qs << u"party-time"_qs;
    QTest::newRow("underscore") << u"__init__ method"_qs << u"__init__-method"_qs;
    QTest::newRow("devanagari marks") << u"हिन्दी भाषा"_qs << u"हिन्दी-भाषा"_qs;
    QTest::newRow("nfkc") << u"ﬁle ①"_qs << u"file-1"_qs;
    QTest::newRow("separators") << u"a/b\\c..d"_qs << u"a-b-c-d"_qs;
    QTest::newRow("control chars") << u"tab\there\nnew\u0001line\u007F"_qs << u"tab-here-new-line"_qs;
    QTest::newRow("only symbols") << u"?!*"_qs << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("long at dash") << u"word "_qs.repeated(40) << QString(u"word-"_qs.repeated(16)).chopped(1);
    QTest::newRow("long without dash") << u"x"_qs.repeated(200) << u"x"_qs.repeated(80);
}

void TestMarkdown::slugs()
{
    QFETCH(QString, text);
    QFETCH(QString, slug);
    QCOMPARE(Slug::fromText(text), slug);
}

void TestMarkdown::slugSafety()
{
    const QStringList samples{u"..\\..\\windows"_qs, u"/etc/passwd"_qs, u". . ."_qs, u"a\u0000b"_qs, u"\u202Eevil"_qs,
                              u"x"_qs.repeated(79) + u"😀😀"_qs, u"𝔘𝔫𝔦𝔠𝔬𝔡𝔢"_qs};
    for (const QString &sample : samples) {
        const QString slug = Slug::fromText(sample);
        QVERIFY2(slug.size() <= 80, qPrintable(slug));
        QVERIFY(!slug.contains(u'/'));
        QVERIFY(!slug.contains(u'\\'));
        QVERIFY(!slug.contains(u".."_qs));
        QVERIFY(!slug.startsWith(u'-') && !slug.endsWith(u'-'));
        for (QChar c : slug)
            QVERIFY(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
    }
    QCOMPARE(Slug::fromText(u"𝔘𝔫𝔦𝔠𝔬𝔡𝔢"_qs), u"unicode"_qs);   // NFKC folds the math letters
}

// --- Hostile input --------------------------------------------------------------------------

void TestMarkdown::hostileInput_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("mustContain");

    static constexpr char withNul[] = "a\0b\n\n```\n\0\n```\n`x\0` <span a=\"\0\">\n# h\0\n";
    QTest::newRow("nul bytes") << QByteArray(withNul, sizeof withNul - 1) << u"a\uFFFDb"_qs;
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe abc \xc3\n# \xe2\x82\n") << u"abc"_qs;
    QTest::newRow("1 MB line") << QByteArray("word ").repeated(200000) << u"word word"_qs;
    QTest::newRow("1 MB heading") << QByteArray("# ") + QByteArray(1000000, 'a') << u"<h1 id=\"aaaa"_qs;
    QTest::newRow("10k nested quotes") << QByteArray(10000, '>') + " deep\n" << u"deep"_qs;
    QTest::newRow("10k nested list markers") << QByteArray("- ").repeated(10000) + "x\n" << u"<li"_qs;
    QTest::newRow("deeply indented lists") << [] {
        QByteArray text;
        for (int i = 0; i < 3000; ++i)
            text += QByteArray(2 * i, ' ') + "- x\n";
        return text;
    }() << u"<ul"_qs;
    QTest::newRow("unmatched dollars") << QByteArray(100000, '$') + " x $$ y $\n" << u"$$"_qs;
    QTest::newRow("caret at end") << QByteArray("text [^") << u"text [^"_qs;
    QTest::newRow("definition at end") << QByteArray("x[^a]\n\n[^a]:") << u"fn-a"_qs;
    QTest::newRow("many brackets") << QByteArray(100000, '[') << u"[[["_qs;
    QTest::newRow("many references") << QByteArray("[^a] ").repeated(20000) + "\n\n[^a]: x\n" << u"fnref-a-20000"_qs;
    QTest::newRow("many rules") << QByteArray("---\n\n").repeated(50000) << u"data-line=\"99999\""_qs;
    QTest::newRow("many empty fences") << QByteArray("```\n```\n").repeated(50000) << u"data-line=\"99999\""_qs;
    QTest::newRow("many empty items") << QByteArray("- [ ]\n").repeated(50000) << u"data-line=\"50000\""_qs;
    QTest::newRow("blank lines in note") << QByteArray("[^1]\n\n[^1]:\n") + QByteArray(100000, '\n') + "    x\n" << u"fn-1"_qs;
    QTest::newRow("lone carriage returns") << QByteArray("a\rb\r\r---\r") << u"<hr data-line=\"4\">"_qs;
}

void TestMarkdown::hostileInput()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, mustContain);
    QElapsedTimer timer;
    timer.start();
    const RenderedDocument document = MarkdownRenderer::renderUtf8(markdown);
    QVERIFY2(document.html.contains(mustContain), qPrintable(document.html.left(300)));
    QVERIFY(!document.html.contains(QChar(0)));
    // Generous: a hang or quadratic blow-up takes minutes, a normal render milliseconds.
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

void TestMarkdown::hugeInput()
{
    // 20 MB of a realistic mix, rendered in one go.
    const QByteArray chunk = "## Section\n\nSome *text* with `code`, $x^2$ and a [link](/x)[^1].\n\n"
                             "```cpp\nint main() { return 0; }\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                             "- [ ] task\n- item\n\n> quote\n\n---\n\n";
    QByteArray text;
    text.reserve(21 * 1024 * 1024);
    while (text.size() < 20 * 1024 * 1024)
        text += chunk;
    text += "[^1]: The note.\n";
    const RenderedDocument document = MarkdownRenderer::renderUtf8(text);
    QVERIFY(document.html.size() > text.size());
    QVERIFY(document.html.endsWith(u"</section>\n"_qs));
    QVERIFY(document.outline.size() > 50000);
    QVERIFY(document.wordCount > 1000000);
}

// --- Top-level blocks (what the preview patches) -----------------------------------------------

void TestMarkdown::blockSplitting_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("blocks");
    const auto row = [](const char *name, const char *html, QStringList blocks) {
        QTest::newRow(name) << QString::fromUtf8(html) << blocks;
    };
    row("empty", "", {});
    row("paragraphs", "<p>a</p>\n<p>b</p>\n", {u"<p>a</p>\n"_qs, u"<p>b</p>\n"_qs});
    row("nested", "<ul>\n<li><p>a</p></li>\n</ul>\n<p>b</p>", {u"<ul>\n<li><p>a</p></li>\n</ul>\n"_qs, u"<p>b</p>"_qs});
    row("void elements", "<hr>\n<hr />\n<p>x<br>y</p>", {u"<hr>\n"_qs, u"<hr />\n"_qs, u"<p>x<br>y</p>"_qs});
    row("quoted >", "<p title=\"a>b\" data-x='c>d'>t</p><p>u</p>", {u"<p title=\"a>b\" data-x='c>d'>t</p>"_qs, u"<p>u</p>"_qs});
    row("comment", "<!-- <div> --><p>a</p>", {u"<!-- <div> -->"_qs, u"<p>a</p>"_qs});
    row("script text", "<script>if (a<b) document.write('<div>')</script><p>a</p>",
        {u"<script>if (a<b) document.write('<div>')</script>"_qs, u"<p>a</p>"_qs});
    row("unclosed raw html keeps the rest together", "<p>a</p>\n<div>\n<p>b</p>\n<p>c</p>",
        {u"<p>a</p>\n"_qs, u"<div>\n<p>b</p>\n<p>c</p>"_qs});
    row("stray end tag", "</div><p>a</p>", {u"</div>"_qs, u"<p>a</p>"_qs});
    row("text at the top", "loose text <em>x</em> more<p>a</p>", {u"loose text <em>x</em> "_qs, u"more<p>a</p>"_qs});
    row("lone <", "<p>a</p>< b", {u"<p>a</p>"_qs, u"< b"_qs});
    row("svg", "<p><svg><path d=\"M0 0\"/></svg></p><p>b</p>", {u"<p><svg><path d=\"M0 0\"/></svg></p>"_qs, u"<p>b</p>"_qs});
    row("unterminated tag", "<p>a</p><p class=\"x", {u"<p>a</p>"_qs, u"<p class=\"x"_qs});
}

void TestMarkdown::blockSplitting()
{
    QFETCH(QString, html);
    QFETCH(QStringList, blocks);
    QStringList split;
    for (QStringView block : HtmlBlockSplitter::split(html))
        split.append(block.toString());
    QCOMPARE(split, blocks);
    QCOMPARE(split.join(QString()), html);
}

void TestMarkdown::blockSplittingOfRenderedPosts()
{
    // Each top-level Markdown block is one piece, whatever it holds.
    const RenderedDocument document = MarkdownRenderer::render(
        u"# Title\n\nA paragraph with `<div>` and <span>inline html</span>.\n\n"
        "```html\n<div>\n```\n\n- a\n- b\n\n  nested\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
        "> quote\n\nNote[^1].\n\n[^1]: The note.\n"_qs);
    const QList<QStringView> blocks = HtmlBlockSplitter::split(document.html);
    QCOMPARE(blocks.size(), 8);   // h1, p, pre, ul, table, blockquote, p, footnotes
    QVERIFY(blocks.first().startsWith(u"<h1"));
    QVERIFY(blocks.at(2).startsWith(u"<pre"));
    QVERIFY(blocks.last().startsWith(u"<section"));
}

QTEST_GUILESS_MAIN(TestMarkdown)
#include "tst_markdown.moc"
