#include "editor/highlight_style.h"

#include <QFont>
#include <QPalette>

namespace quire {

namespace {

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amount) + b.redF() * amount),
                            float(a.greenF() * (1 - amount) + b.greenF() * amount),
                            float(a.blueF() * (1 - amount) + b.blueF() * amount));
}

QTextCharFormat coloured(const QColor &colour)
{
    QTextCharFormat format;
    format.setForeground(colour);
    return format;
}

} // namespace

HighlightStyle HighlightStyle::fromPalette(const QPalette &palette, const QFont &font)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < text.lightness();
    // Hues pulled towards the text colour keep enough contrast on either background.
    const auto hue = [&](const char *light, const char *onDark) { return mix(QColor(dark ? onDark : light), text, 0.15); };

    HighlightStyle style;
    for (int level = 0; level < 6; ++level) {
        QTextCharFormat &heading = style.heading[size_t(level)];
        heading.setFontWeight(QFont::Bold);
        heading.setForeground(text);
        const double scale = level == 0 ? 1.45 : level == 1 ? 1.3 : level == 2 ? 1.15 : 1.0;
        heading.setFontPointSize(font.pointSizeF() * scale);
    }
    style.marker = coloured(mix(text, base, 0.5));
    style.emphasis.setFontItalic(true);
    style.strong.setFontWeight(QFont::Bold);
    style.strikethrough.setFontStrikeOut(true);
    style.strikethrough.setForeground(mix(text, base, 0.35));
    style.code = coloured(hue("#1b6e3a", "#9ccc88"));
    style.code.setBackground(mix(base, text, 0.06));
    style.math = coloured(hue("#7b2fa3", "#d09ae8"));
    style.linkText = coloured(hue("#1a5fb4", "#78aef0"));
    style.url = coloured(mix(text, base, 0.45));
    style.url.setFontUnderline(true);
    style.html = coloured(hue("#9a4a0a", "#e0a060"));
    style.quote = coloured(mix(text, base, 0.3));
    style.quote.setFontItalic(true);
    style.footnote = coloured(hue("#1a5fb4", "#78aef0"));
    style.footnote.setVerticalAlignment(QTextCharFormat::AlignNormal);
    style.taskBox = coloured(hue("#9a4a0a", "#e0a060"));
    style.taskBox.setFontWeight(QFont::Bold);
    style.misspelled = dark ? QColor("#ff6b6b") : QColor("#d01010");
    return style;
}

} // namespace quire
