#pragma once

#include "markdown/front_matter.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace quire {

// Hugo's TOML front matter: "+++\n<toml>\n+++\n<body>". Gives the same FrontMatter as the YAML
// form, so one mapping of keys to Post fields serves both: tables become objects, arrays lists,
// dates and times ISO 8601 text. Malformed TOML is an Error naming the file's line.
class TomlFrontMatter
{
    Q_DECLARE_TR_FUNCTIONS(TomlFrontMatter)

public:
    static bool startsWith(const QString &text) { return text.startsWith(QLatin1String("+++")); }
    static Result<FrontMatter> parse(const QString &text);
};

} // namespace quire
