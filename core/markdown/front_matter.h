#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace quire {

// The YAML front matter of a Markdown file, split off the body.
struct FrontMatter
{
    QJsonObject fields;     // YAML mapping as JSON (scalars: bool, number or string; lists; maps)
    QString body;           // the Markdown after the closing delimiter
    int bodyFirstLine = 1;  // 1-based line of the file where body starts
    bool present = false;   // the file started with a front matter block

    // Splits "---\n<yaml>\n---\n<body>" (the closing line may also be "..."); a file without a
    // front matter block gives empty fields and the whole text as body. Malformed YAML, a block
    // that never closes, or YAML that is not a mapping is an Error naming the line and reason.
    static Result<FrontMatter> parse(const QString &text);
};

} // namespace quire
