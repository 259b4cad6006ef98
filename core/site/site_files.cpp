#include "site/site_files.h"

#include "site/site_output.h"
#include "site/site_path.h"

#include <QMutexLocker>

namespace quire {

SiteFiles::SiteFiles(SiteOutput &output) : m_output(output) {}

bool SiteFiles::isCurrent(const QString &file, const QByteArray &inputKey) const
{
    return m_output.isCurrent(file, inputKey);
}

Result<void> SiteFiles::writePage(const QString &sitePath, const QByteArray &inputKey,
                                  const std::function<Result<QString>()> &render)
{
    const QString file = SitePath::file(sitePath);
    {
        QMutexLocker locker(&m_mutex);
        m_pages.insert(sitePath);
        m_files.insert(file);
    }
    if (m_output.isCurrent(file, inputKey)) {
        m_output.keep(file);
        return {};
    }
    Result<QString> html = render();
    if (!html)
        return html.error();
    return m_output.write(file, html->toUtf8(), inputKey);
}

void SiteFiles::keepPage(const QString &sitePath)
{
    const QString file = SitePath::file(sitePath);
    QMutexLocker locker(&m_mutex);
    m_pages.insert(sitePath);
    m_files.insert(file);
    m_output.keep(file);
}

Result<void> SiteFiles::write(const QString &file, const QByteArray &content, const QByteArray &inputKey)
{
    {
        QMutexLocker locker(&m_mutex);
        m_files.insert(file);
    }
    return m_output.write(file, content, inputKey);
}

void SiteFiles::keep(const QString &file)
{
    QMutexLocker locker(&m_mutex);
    m_files.insert(file);
    m_output.keep(file);
}

bool SiteFiles::hasFile(const QString &file) const
{
    QMutexLocker locker(&m_mutex);
    return m_files.contains(file);
}

bool SiteFiles::hasPage(const QString &sitePath) const
{
    QMutexLocker locker(&m_mutex);
    return m_pages.contains(sitePath);
}

int SiteFiles::fileCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_files.size());
}

} // namespace quire
