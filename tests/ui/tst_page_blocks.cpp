// What the preview sends the page as the author types: only the blocks that changed.

#include "markdown/markdown_renderer.h"
#include "preview/page_blocks.h"

#include <QTest>

using namespace quire;

class TestPageBlocks : public QObject
{
    Q_OBJECT

private slots:
    void firstUpdateSendsEverything();
    void sameContentSendsNothing();
    void typingInAParagraphSendsThatParagraph();
    void newLineShiftsTheBlocksAfter();
    void blocksAfterWithDifferentShiftsAreResent();
    void removingABlock();
    void clearStartsOver();
    void patchesRebuildTheContent();
};

namespace {

QString render(const QString &markdown)
{
    return MarkdownRenderer::render(markdown).html;
}

// Applies a patch to a list of blocks as the page does, data-line shift included.
QStringList apply(QStringList page, const PageBlocks::Patch &patch)
{
    for (int i = 0; i < patch.removed; ++i)
        page.removeAt(patch.start);
    for (int i = 0; i < patch.inserted.size(); ++i)
        page.insert(patch.start + i, patch.inserted.at(i));
    static const QRegularExpression line(QStringLiteral(" data-line=\"(\\d+)\""));
    for (qsizetype i = patch.start + patch.inserted.size(); i < page.size(); ++i) {
        QString shifted;
        qsizetype from = 0;
        for (auto match = line.globalMatch(page[i]); match.hasNext();) {
            const auto m = match.next();
            shifted += page[i].mid(from, m.capturedStart() - from);
            shifted += QStringLiteral(" data-line=\"%1\"").arg(m.captured(1).toInt() + patch.lineShift);
            from = m.capturedEnd();
        }
        page[i] = shifted + page[i].mid(from);
    }
    return page;
}

const QString Post = QStringLiteral("# Heading\n\nFirst paragraph.\n\nSecond paragraph with $x^2$.\n\n"
                                    "```cpp\nint x;\n```\n\n- one\n- two\n\nLast paragraph.\n");

} // namespace

void TestPageBlocks::firstUpdateSendsEverything()
{
    PageBlocks blocks;
    const PageBlocks::Patch patch = blocks.update(render(Post));
    QCOMPARE(patch.start, 0);
    QCOMPARE(patch.removed, 0);
    QCOMPARE(patch.inserted.size(), 6);
    QCOMPARE(patch.inserted.join(QString()), render(Post));
    QCOMPARE(blocks.size(), 6);
}

void TestPageBlocks::sameContentSendsNothing()
{
    PageBlocks blocks;
    blocks.update(render(Post));
    QVERIFY(blocks.update(render(Post)).isEmpty());
}

void TestPageBlocks::typingInAParagraphSendsThatParagraph()
{
    PageBlocks blocks;
    blocks.update(render(Post));
    QString edited = Post;
    edited.replace(u"First paragraph."_qs, u"First paragraphs."_qs);
    const PageBlocks::Patch patch = blocks.update(render(edited));
    QCOMPARE(patch.start, 1);
    QCOMPARE(patch.removed, 1);
    QCOMPARE(patch.inserted.size(), 1);
    QVERIFY(patch.inserted.first().contains(u"First paragraphs."));
    QCOMPARE(patch.lineShift, 0);
}

void TestPageBlocks::newLineShiftsTheBlocksAfter()
{
    PageBlocks blocks;
    const QStringList page = blocks.update(render(Post)).inserted;
    QString edited = Post;
    edited.replace(u"First paragraph."_qs, u"First\nparagraph."_qs);   // a soft break: one more line
    const PageBlocks::Patch patch = blocks.update(render(edited));
    QCOMPARE(patch.start, 1);
    QCOMPARE(patch.removed, 1);
    QCOMPARE(patch.inserted.size(), 1);
    QCOMPARE(patch.lineShift, 1);
    QCOMPARE(apply(page, patch).join(QString()), render(edited));
}

void TestPageBlocks::blocksAfterWithDifferentShiftsAreResent()
{
    PageBlocks blocks;
    const QString before = u"a\n\nb\n\nc\n"_qs;
    QStringList page = blocks.update(render(before)).inserted;
    // "b" moves down by two lines and "c" by three: only what keeps one shift stays.
    const QString after = u"a\n\n\n\nb\n\n\nc\n"_qs;
    const PageBlocks::Patch patch = blocks.update(render(after));
    QCOMPARE(apply(page, patch).join(QString()), render(after));
    QCOMPARE(patch.removed, 1);   // "b" again; "c" kept and shifted
    QCOMPARE(patch.lineShift, 3);
}

void TestPageBlocks::removingABlock()
{
    PageBlocks blocks;
    QStringList page = blocks.update(render(Post)).inserted;
    QString edited = Post;
    edited.remove(u"First paragraph.\n\n"_qs);
    const PageBlocks::Patch patch = blocks.update(render(edited));
    QCOMPARE(patch.start, 1);
    QCOMPARE(patch.removed, 1);
    QVERIFY(patch.inserted.isEmpty());
    QCOMPARE(patch.lineShift, -2);
    QCOMPARE(apply(page, patch).join(QString()), render(edited));
}

void TestPageBlocks::clearStartsOver()
{
    PageBlocks blocks;
    blocks.update(render(Post));
    blocks.clear();
    QCOMPARE(blocks.update(render(Post)).inserted.size(), 6);
}

void TestPageBlocks::patchesRebuildTheContent()
{
    // A session of edits of every kind: the page, patched each time, equals a fresh render.
    const QStringList versions = {
        Post,
        u"# Heading\n\nFirst paragraph.\n\n```cpp\nint x;\n```\n\nLast paragraph.\n"_qs,
        u"# Heading\n\n```cpp\nint x;\n\nStill code, the fence is open\n"_qs,
        u"Footnote[^1] first.\n\n# Heading\n\n[^1]: note\n"_qs,
        u"<div>\n\nraw html that never closes\n\n# Heading\n"_qs,
        u""_qs,
        Post,
        u"\n\n\n"_qs + Post,
    };
    PageBlocks blocks;
    QStringList page;
    for (const QString &version : versions) {
        page = apply(page, blocks.update(render(version)));
        QCOMPARE(page.join(QString()), render(version));
    }
}

QTEST_GUILESS_MAIN(TestPageBlocks)
#include "tst_page_blocks.moc"
