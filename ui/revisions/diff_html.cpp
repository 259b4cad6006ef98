#include "revisions/diff_html.h"

namespace quire {

namespace {

QColor mixed(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                            base.greenF() + (tint.greenF() - base.greenF()) * amount,
                            base.blueF() + (tint.blueF() - base.blueF()) * amount);
}

bool shown(DiffSegment::Kind kind, DiffHtml::View view)
{
    switch (view) {
    case DiffHtml::View::Inline:
        return true;
    case DiffHtml::View::OldSide:
        return kind != DiffSegment::Kind::Inserted;
    case DiffHtml::View::NewSide:
        return kind != DiffSegment::Kind::Removed;
    }
    return true;
}

} // namespace

DiffHtml::DiffHtml(const QPalette &palette)
{
    // A dark base needs a stronger tint to be seen; the text colour stays the palette's.
    const QColor base = palette.color(QPalette::Base);
    const qreal amount = base.lightnessF() < 0.5 ? 0.45 : 0.3;
    m_removed = mixed(base, QColor(230, 40, 40), amount);
    m_inserted = mixed(base, QColor(40, 180, 60), amount);
}

QString DiffHtml::span(const DiffSegment &segment) const
{
    const QString text = segment.text.toHtmlEscaped();
    switch (segment.kind) {
    case DiffSegment::Kind::Equal:
        return text;
    case DiffSegment::Kind::Removed:
        return QStringLiteral("<span class=\"removed\" style=\"background-color:%1; text-decoration:line-through\">%2</span>")
                .arg(m_removed.name(), text);
    case DiffSegment::Kind::Inserted:
        return QStringLiteral("<span class=\"inserted\" style=\"background-color:%1\">%2</span>")
                .arg(m_inserted.name(), text);
    }
    return text;
}

QString DiffHtml::document(const QList<DiffSegment> &segments, View view) const
{
    QString html = QStringLiteral("<div style=\"white-space:pre-wrap\">");
    for (const DiffSegment &segment : segments) {
        if (shown(segment.kind, view))
            html += span(segment);
    }
    return html + QStringLiteral("</div>");
}

QString DiffHtml::fragment(const QList<DiffSegment> &segments, View view) const
{
    QString html;
    for (const DiffSegment &segment : segments) {
        if (shown(segment.kind, view))
            html += span(segment);
    }
    return html;
}

} // namespace quire
