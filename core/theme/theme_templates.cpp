#include "theme/theme_templates.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace quire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quire::ThemeTemplates", text);
}

const QLatin1String TemplatesFolder("templates/");
const QLatin1String TemplateSuffix(".mustache");

} // namespace

Result<ThemeTemplates> ThemeTemplates::compile(const Theme &theme)
{
    ThemeTemplates compiled;
    compiled.m_themeName = theme.manifest.name;
    for (auto it = theme.files.cbegin(); it != theme.files.cend(); ++it) {
        const QString &path = it.key();
        if (!path.startsWith(TemplatesFolder) || !path.endsWith(TemplateSuffix))
            continue;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString source = decoder(it.value());
        if (decoder.hasError())
            return Error{tr("Theme \"%1\": %2 is not UTF-8 text.").arg(theme.manifest.name, path)};
        Result<MustacheTemplate> parsed = MustacheTemplate::parse(source, path);
        if (!parsed)
            return Error{tr("Theme \"%1\": %2").arg(theme.manifest.name, parsed.errorMessage())};
        const QString name = path.mid(TemplatesFolder.size(), path.size() - TemplatesFolder.size() - TemplateSuffix.size());
        compiled.m_templates.insert(name, std::move(parsed).value());
    }
    for (const QString &name : Theme::requiredTemplates()) {
        if (!compiled.m_templates.contains(name))
            return Error{tr("Theme \"%1\" has no %2.").arg(theme.manifest.name, Theme::templatePath(name))};
    }
    return compiled;
}

Result<QString> ThemeTemplates::render(const QString &name, const QVariant &context) const
{
    const auto it = m_templates.constFind(name);
    if (it == m_templates.constEnd())
        return Error{tr("Theme \"%1\" has no %2.").arg(m_themeName, Theme::templatePath(name))};
    const auto partials = [this](const QString &partial) -> const MustacheTemplate * {
        const auto found = m_templates.constFind(partial);
        return found == m_templates.constEnd() ? nullptr : &found.value();
    };
    Result<QString> rendered = it->render(context, partials);
    if (!rendered)
        return Error{tr("Theme \"%1\": %2").arg(m_themeName, rendered.errorMessage())};
    return rendered;
}

} // namespace quire
