<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>quire::AssetBrowserDialog</name>
    <message numerus="yes">
        <source>%n image(s) selected.</source>
        <translation>
            <numerusform>%n image selected.</numerusform>
            <numerusform>%n images selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s) from the library? No post uses them. This cannot be undone.

%1</source>
        <translation>
            <numerusform>Delete %n image from the library? No post uses it. This cannot be undone.

%1</numerusform>
            <numerusform>Delete %n images from the library? No post uses them. This cannot be undone.

%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::AssetListModel</name>
    <message numerus="yes">
        <source>%1 (%2), used by %n post(s)</source>
        <translation>
            <numerusform>%1 (%2), used by %n post</numerusform>
            <numerusform>%1 (%2), used by %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::ExportDialog</name>
    <message numerus="yes">
        <source>Built %n post(s) into %1 in %2 s: </source>
        <translation>
            <numerusform>Built %n post into %1 in %2 s: </numerusform>
            <numerusform>Built %n posts into %1 in %2 s: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to look at.</source>
        <translation>
            <numerusform>%n problem to look at.</numerusform>
            <numerusform>%n problems to look at.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::FindBar</name>
    <message numerus="yes">
        <source>Replaced %n match(es)</source>
        <translation>
            <numerusform>Replaced %n match</numerusform>
            <numerusform>Replaced %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::GitPublisher</name>
    <message numerus="yes">
        <source>%n file(s) would change on branch %1.</source>
        <translation>
            <numerusform>%n file would change on branch %1.</numerusform>
            <numerusform>%n files would change on branch %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n file(s) to branch %1.</source>
        <translation>
            <numerusform>Published %n file to branch %1.</numerusform>
            <numerusform>Published %n files to branch %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::ImportDialog</name>
    <message numerus="yes">
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n new post</numerusform>
            <numerusform>%n new posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::Library</name>
    <message numerus="yes">
        <source>“%1” is used by %n post(s): %2.</source>
        <translation>
            <numerusform>“%1” is used by %n post: %2.</numerusform>
            <numerusform>“%1” is used by %n posts: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::MainWindow</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::MarkdownExportDialog</name>
    <message numerus="yes">
        <source>Wrote %n post(s)</source>
        <translation>
            <numerusform>Wrote %n post</numerusform>
            <numerusform>Wrote %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n file(s) of the earlier export that no post uses any more.</source>
        <translation>
            <numerusform>Removed %n file of the earlier export that no post uses any more.</numerusform>
            <numerusform>Removed %n files of the earlier export that no post uses any more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::PublishDialog</name>
    <message numerus="yes">
        <source>Publishing to “%1” would add %2, change %3 and remove %4 files; %n post(s) would go out.</source>
        <translation>
            <numerusform>Publishing to “%1” would add %2, change %3 and remove %4 files; %n post would go out.</numerusform>
            <numerusform>Publishing to “%1” would add %2, change %3 and remove %4 files; %n posts would go out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published to “%1” in %2 s: %3 added, %4 changed, %5 removed; %n post(s) went out.</source>
        <translation>
            <numerusform>Published to “%1” in %2 s: %3 added, %4 changed, %5 removed; %n post went out.</numerusform>
            <numerusform>Published to “%1” in %2 s: %3 added, %4 changed, %5 removed; %n posts went out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The build found %n problem(s); File › Export Site… lists them.</source>
        <translation>
            <numerusform>The build found %n problem; File › Export Site… lists them.</numerusform>
            <numerusform>The build found %n problems; File › Export Site… lists them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::RevisionsDialog</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::SitePreviewWindow</name>
    <message numerus="yes">
        <source>%n remote request(s) blocked</source>
        <translation>
            <numerusform>%n remote request blocked</numerusform>
            <numerusform>%n remote requests blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::WordDiff</name>
    <message numerus="yes">
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n word added</numerusform>
            <numerusform>%n words added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) removed</source>
        <translation>
            <numerusform>%n word removed</numerusform>
            <numerusform>%n words removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n removed</source>
        <extracomment>&quot;3 words added, 1 removed&quot;</extracomment>
        <translation>
            <numerusform>%1, %n removed</numerusform>
            <numerusform>%1, %n removed</numerusform>
        </translation>
    </message>
</context>
</TS>
